"""Score a pipeline on ``nl_alpino-ud-test.conllu``: with the treebank's tokens and with nlp_report's.

Both ways the sentence boundaries are the treebank's, set before the
pipeline runs (as nlp_report sets its own sentences before the parser), so
the two rows differ only in the tokens. With nlp_report's tokens (the
tokenizer inside :class:`nlp_report.pipeline.tokenizer.LayoutTokenizer`, as
``nlp_report.load()`` builds it; the layout stage in front of it only tidies
white space, which would move the gold offsets) the predictions are aligned to the gold tokens by spaCy's
:class:`~spacy.training.Example`, as ``spacy evaluate`` aligns them: a gold
token cut into pieces is scored through its pieces as spaCy's ``Scorer``
does (a wrong piece costs the token), and a gold head or relation that
points into a cut token is scored on the piece that carries it. So a
cut token's lemma (``NAVO-minister``) is never right, and its extra pieces
count as extra predictions. The third column scores nlp_report's tokens
against the gold cut the same way (:mod:`training.ud.retokenize`): how
well the model tags and parses the tokens it gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from nlp_report.errors import TreebankMismatchError
from nlp_report.pipeline.factories import create_layout_tokenizer

from .retokenize import project_splitter, retokenize

METRICS = (
    ("pos_acc", "UPOS"),
    ("tag_acc", "XPOS (Alpino tag)"),
    ("morph_acc", "morphology"),
    ("lemma_acc", "lemma"),
    ("dep_uas", "UAS"),
    ("dep_las", "LAS"),
)
Tokenize = Callable[[str], Doc]


def gold_docs(path: Path, nlp: Language) -> list[Doc]:
    """The documents of a ``.spacy`` file."""
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def _with_gold_sentences(predicted: Doc, reference: Doc) -> Doc:
    starts = {sent.start_char for sent in reference.sents}
    for token in predicted:
        token.is_sent_start = token.idx in starts
    return predicted


def examples(references: Iterable[Doc], tokenize: Tokenize) -> list[Example]:
    """Examples whose predicted Docs are ``tokenize(text)``, with the reference's sentence starts."""
    out = []
    for reference in references:
        predicted = tokenize(reference.text)
        if predicted.text != reference.text:
            raise TreebankMismatchError(
                f"the tokenizer changed the text of the test document starting {reference.text[:60]!r}; "
                "score with a tokenizer that keeps the text (spaCy's Tokenizer does)"
            )
        out.append(Example(_with_gold_sentences(predicted, reference), reference))
    return out


def score(model: str | Path, test: Path) -> dict[str, dict[str, float]]:
    """The metrics of ``model`` on ``test`` with the gold tokens and with nlp_report's tokens."""
    nlp = spacy.load(model)
    references = gold_docs(test, nlp)
    layout = create_layout_tokenizer()(nlp).tokenizer  # its token rules; the layout stage would tidy white space
    by_text = {doc.text: doc for doc in references}

    def gold(text: str) -> Doc:
        ref = by_text[text]  # the treebank's own tokens
        return Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])

    split = project_splitter()
    cut = [retokenize(doc, split)[0] for doc in references]
    runs = (
        ("gold tokens", references, gold),
        ("nlp_report tokens", references, layout),
        ("nlp_report, gold cut", cut, layout),
    )
    rows: dict[str, dict[str, float]] = {}
    for name, refs, tokenize in runs:
        scores: dict[str, Any] = nlp.evaluate(examples(refs, tokenize))
        rows[name] = {key: float(scores[key]) for key, _ in METRICS}
    return rows


def table(rows: dict[str, dict[str, float]]) -> str:
    """The scores as a plain-text table, one column per tokenization."""
    names = list(rows)
    lines = [f"{'':20}" + "".join(f"{name:>22}" for name in names)]
    for key, label in METRICS:
        lines.append(f"{label:20}" + "".join(f"{rows[name][key]:>22.4f}" for name in names))
    return "\n".join(lines)
