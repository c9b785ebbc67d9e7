"""The treebanks as spaCy training files: which file goes where, and the held-out dev part.

Training files (``../shared/ud/README.md``): LassySmall dev and test and
Alpino dev. One document in :data:`DEV_EVERY` of them (documents of
:data:`SENTS_PER_DOC` sentences, in file order) is held out as spaCy's dev
set, which picks the best checkpoint. ``nl_alpino-ud-test.conllu`` is
converted for the final evaluation only; no training step reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

from .retokenize import project_splitter, retokenize

TRAIN_FILES = ("nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu", "nl_alpino-ud-dev.conllu")
TEST_FILE = "nl_alpino-ud-test.conllu"
SENTS_PER_DOC = 10
ALPINO_REPEAT = 2
"""The Alpino dev file (newspaper text, as the Alpino test file) is read this many times into train."""
DEV_EVERY = 10


def read_conllu(path: Path) -> list[Doc]:
    """The documents of a CoNLL-U file, lemmas without the treebank's compound marks."""
    docs = list(conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=SENTS_PER_DOC, no_print=True))
    for doc in docs:
        for token in doc:
            token.lemma_ = plain_lemma(token.text, token.lemma_)
    return docs


def plain_lemma(form: str, lemma: str) -> str:
    """``mee_doen`` -> ``meedoen``: Alpino marks compound parts with ``_``; spaCy's Dutch lemmas have none.

    Where the form has a hyphen or a slash at the mark, the lemma keeps it
    (``JGZ-verpleegkundige``, lemma ``JGZ_verpleegkundige``).
    """
    if "_" in form or "_" not in lemma:
        return lemma
    low = form.lower()
    out: list[str] = []
    j = 0  # where the lemma stands in the form, while they agree
    for ch in lemma:
        if ch == "_":
            if j < len(low) and not low[j].isalnum():
                out.append(form[j])
                j += 1
            continue
        out.append(ch)
        j = j + 1 if j < len(low) and low[j] == ch.lower() else len(low)
    return "".join(out)


def split_train_dev(docs: Iterable[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Every :data:`DEV_EVERY`-th document to dev, the others to train."""
    train: list[Doc] = []
    dev: list[Doc] = []
    for i, doc in enumerate(docs):
        (dev if i % DEV_EVERY == DEV_EVERY - 1 else train).append(doc)
    return train, dev


def write(docs: Iterable[Doc], path: Path) -> int:
    """Write ``docs`` to a ``.spacy`` file; returns the number of tokens."""
    docs = list(docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return sum(len(doc) for doc in docs)


def convert(ud_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write the training files to ``out_dir``; returns the number of tokens (or of cut tokens) per file.

    ``train.spacy`` and ``dev.spacy`` hold the training files' documents
    with their tokens cut as nlp_report's tokenizer cuts them
    (:mod:`training.ud.retokenize`); ``dev-ud.spacy`` the dev documents with
    the treebank's own tokens; ``test.spacy`` the Alpino test file as it is
    (for :mod:`training.ud.evaluate` only).
    """
    docs: list[Doc] = []
    for name in TRAIN_FILES:
        for doc in read_conllu(ud_dir / name):
            doc.user_data["file"] = name
            docs.append(doc)
    train, dev = split_train_dev(docs)
    split = project_splitter()
    alpino = [doc for doc in train if doc.user_data.get("file") == TRAIN_FILES[-1]]
    train_cut = [retokenize(doc, split) for doc in train + alpino * (ALPINO_REPEAT - 1)]
    dev_cut = [retokenize(doc, split) for doc in dev]
    return {
        "train": write([doc for doc, _ in train_cut], out_dir / "train.spacy"),
        "train_tokens_cut": sum(n for _, n in train_cut),
        "dev": write([doc for doc, _ in dev_cut], out_dir / "dev.spacy"),
        "dev_tokens_cut": sum(n for _, n in dev_cut),
        "dev-ud": write(dev, out_dir / "dev-ud.spacy"),
        "test": write(read_conllu(ud_dir / TEST_FILE), out_dir / "test.spacy"),
    }


def write_all(corpus: Path) -> Path:
    """``train-all.spacy``: the documents of ``train.spacy`` and ``dev.spacy`` together (the final fit)."""
    from spacy.vocab import Vocab

    vocab = Vocab()
    docs = [doc for name in ("train.spacy", "dev.spacy") for doc in DocBin().from_disk(corpus / name).get_docs(vocab)]
    path = corpus / "train-all.spacy"
    write(docs, path)
    return path
