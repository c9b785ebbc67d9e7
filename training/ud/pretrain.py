"""``spacy pretrain`` of the tok2vec on raw Dutch text: the corpus and the run.

The pretraining corpus (``training/ud/corpus/pretrain.spacy``, not in git) is
raw text only, tokenized as nlp_report tokenizes:

* the sentences of the three training treebank files, as ``convert`` wrote
  them (``train.spacy`` and ``dev.spacy``: tokens cut as nlp_report cuts
  them, the annotation dropped; the Alpino *test* file is never read);
* the texts of the real letters in ``../shared/corpus/dev`` and
  ``../shared/corpus/pool`` and of the repository's ``corpora/raw``, through
  nlp_report's layout tokenizer (page furniture and line wraps as the
  pipeline sees them).

Only the weights learnt from it are kept (``training/ud/pretrain/model*.bin``,
read by ``[initialize] init_tok2vec``); the letters' text stays out of the
repository. The objective is spaCy's ``spacy.PretrainCharacters.v1``
(predict the first and last characters of each word from its context),
with the ``[pretraining]`` settings of ``config.cfg``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

LETTER_DIRS = ("corpus/dev", "corpus/pool")
"""The folders of ``../shared`` whose ``*.jsonl`` letters are read (their ``text``)."""


def _letter_texts(shared: Path, raw: Path) -> Iterator[str]:
    for sub in LETTER_DIRS:
        for path in sorted((shared / sub).glob("*.jsonl")):
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield str(json.loads(line)["text"])
    for path in sorted(raw.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def build_corpus(corpus: Path, shared: Path, raw: Path) -> dict[str, int]:
    """Write ``corpus/pretrain.spacy``; returns the number of documents and tokens per source."""
    from nlp_report.analyzer import blank_pipeline

    vocab = spacy.blank("nl").vocab
    docs: list[Doc] = []
    counts = {"treebank_docs": 0, "treebank_tokens": 0, "letters": 0, "letter_tokens": 0}
    for name in ("train.spacy", "dev.spacy"):
        for doc in DocBin().from_disk(corpus / name).get_docs(vocab):
            docs.append(Doc(vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]))
            counts["treebank_docs"] += 1
            counts["treebank_tokens"] += len(doc)
    tokenizer = blank_pipeline().tokenizer
    for text in _letter_texts(shared, raw):
        doc = tokenizer(text)
        # pieces of at most ~100 tokens, cut at a line break where there is one (the batcher's unit)
        start = 0
        for i, token in enumerate(doc):
            if (i - start >= 100 and token.is_space) or i - start >= 200 or i == len(doc) - 1:
                words = [t.text for t in doc[start : i + 1]]
                spaces = [bool(t.whitespace_) for t in doc[start : i + 1]]
                docs.append(Doc(vocab, words=words, spaces=spaces))
                start = i + 1
        counts["letters"] += 1
        counts["letter_tokens"] += len(doc)
    path = corpus / "pretrain.spacy"
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return counts


def pretrain(config: Path, corpus: Path, output: Path, overrides: dict[str, Any] | None = None) -> Path:
    """Run ``spacy pretrain`` on one thread; returns the folder of the ``model*.bin`` weights."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    raw = load_config(
        config, overrides={"paths.raw_text": str(corpus / "pretrain.spacy"), **(overrides or {})}, interpolate=False
    )
    output.mkdir(parents=True, exist_ok=True)
    raw.to_disk(output / "config.cfg")
    spacy_pretrain(raw.interpolate(), output, use_gpu=-1, silent=False)
    return output
