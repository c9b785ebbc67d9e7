"""Assertions and small builders shared by the tests."""

from __future__ import annotations

import unicodedata

import spacy
from spacy.language import Language

import nlp_report
import nlp_report.pipeline.factories
from nlp_report.pipeline.doc import SENTENCES_KEY


def assert_offsets(report: nlp_report.Report) -> None:
    """The offset invariant: every object's text is the text at its offsets."""
    text = report.text
    for name in ("sentences", "entities", "motions", "sections", "footnotes"):
        for item in getattr(report, name):
            assert 0 <= item.start <= item.end <= len(text), (name, item)
            assert text[item.start : item.end] == item.text, (name, item)
    for name, start, end, written in report.info.spans():
        assert 0 <= start <= end <= len(text), ("info", name)
        assert text[start:end] == written, ("info", name)
    for motion in report.motions:
        assert motion.mentions and (motion.mentions[0].start, motion.mentions[0].end) == (motion.start, motion.end)
        for mention in motion.mentions:
            assert text[mention.start : mention.end] == mention.text, motion
    for note in report.footnotes:
        if note.marker_start is not None:
            assert note.marker_end is not None
            assert (
                text[note.marker_start : note.marker_end] == str(note.number)
                or text[note.marker_start : note.marker_end] in "¹²³⁴⁵⁶⁷⁸⁹"
            )


def report_signature(report: nlp_report.Report) -> tuple[object, ...]:
    """What a report says, texts in composed form (NFC) and white space as single spaces.

    Two spellings of one letter (NFD, NBSP for spaces, CR line ends) must give the same signature.
    """

    def norm(text: str) -> str:
        return unicodedata.normalize("NFC", " ".join(text.split()))

    return (
        [(e.label, e.kb_id, norm(e.text)) for e in report.entities],
        [(s.label, s.actor and norm(s.actor), norm(s.text)) for s in report.sentences],
        [(f.number, norm(f.text)) for f in report.footnotes],
        [norm(s.title) for s in report.sections],
    )


def sentence_pipeline() -> Language:
    """A blank Dutch pipeline with the layout tokenizer and the sentence component alone."""
    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_report.LayoutTokenizer.v1"}}})
    nlp.add_pipe("nlp_report_sentences")
    return nlp


def sentence_texts(nlp: Language, text: str) -> list[str]:
    """The texts of the sentences ``nlp`` finds in ``text``."""
    doc = nlp(text)  # kept alive while its spans are read
    return [span.text for span in doc.spans[SENTENCES_KEY]]
