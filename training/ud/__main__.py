"""``python -m training.ud build``: convert the treebanks, train, score and package the Dutch pipeline.

Steps (each also on its own)::

    python -m training.ud convert    # ../shared/ud/*.conllu -> training/ud/corpus/*.spacy
    python -m training.ud pretrain   # spacy pretrain of the tok2vec on raw Dutch text -> training/ud/pretrain/
    python -m training.ud train      # spacy train training/ud/config.cfg -> training/ud/output/
    python -m training.ud evaluate   # UPOS, XPOS, morphology, lemma, UAS, LAS on Alpino test
    python -m training.ud package    # training/ud/output/model-best -> models/nl_nlp_report_ud/
    python -m training.ud train --all  # the final fit on train + dev at max_steps -> output/model-last
    python -m training.ud build      # convert, pretrain, train --all, evaluate, package

``--config FILE`` trains another config (a variant, for an experiment);
``--pretrained DIR`` says where train finds the pretraining weights.

Training uses one thread; run it as ``nice -n 10 python -m training.ud build``
on a shared machine (about 25 minutes on one core, see ``docs/model.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from nlp_report.errors import NlpReportError, TreebankNotFoundError

from .data import TEST_FILE, TRAIN_FILES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _shared() -> Path:
    """``../shared`` of the repository (of the main checkout, for a git worktree one level further down)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


UD_DIR = _shared() / "ud"
CORPUS = HERE / "corpus"
OUTPUT = HERE / "output"
CONFIG = HERE / "config.cfg"
PRETRAIN = HERE / "pretrain"
PACKAGE = ROOT / "models" / "nl_nlp_report_ud"


def pretrained_weights(config: Path = CONFIG, folder: Path = PRETRAIN, overrides: dict[str, Any] | None = None) -> Path:
    """The weights that start the training: those of the last pretraining epoch of ``config``.

    ``spacy pretrain`` saves ``model{epoch}.bin`` every ``n_save_epoch`` epochs
    and at the last one (``max_epochs - 1``); an interrupted run has no such file.
    ``overrides`` as given to ``pretrain`` (``pretraining.max_epochs=61`` counts).
    """
    from spacy.util import load_config

    settings = {key: value for key, value in (overrides or {}).items() if key.startswith("pretraining.")}
    epochs = int(load_config(config, overrides=settings, interpolate=False)["pretraining"]["max_epochs"])
    return folder / f"model{epochs - 1}.bin"


def convert(ud_dir: Path = UD_DIR, out_dir: Path = CORPUS) -> dict[str, int]:
    """Write the ``.spacy`` files; raises :class:`TreebankNotFoundError` for a missing treebank file."""
    from .data import convert as _convert

    for name in (*TRAIN_FILES, TEST_FILE):
        if not (ud_dir / name).is_file():
            raise TreebankNotFoundError(
                f"{ud_dir / name} does not exist: the recipe reads the UD Dutch treebanks from {ud_dir} "
                "(pass --ud DIR for another folder)"
            )
    return _convert(ud_dir, out_dir)


def train(
    output: Path = OUTPUT,
    corpus: Path = CORPUS,
    overrides: dict[str, Any] | None = None,
    *,
    all_docs: bool = False,
    config: Path = CONFIG,
    pretrained: Path = PRETRAIN,
) -> Path:
    """Train with ``config`` (``config.cfg``) on one thread; returns the best model's directory.

    ``all_docs``: the final fit, on train and spaCy's dev part together
    (``train-all.spacy``) for the config's ``training.max_steps`` (set it to
    the best step of a run with dev held out); returns ``model-last``, as the
    dev scores of this run are no longer held out.
    """
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    from spacy.cli.train import train as spacy_train

    train_file = corpus / "train.spacy"
    if all_docs:
        from .data import write_all

        train_file = write_all(corpus)
    settings = {
        "paths.train": str(train_file),
        "paths.dev": str(corpus / "dev.spacy"),
        "paths.raw_text": str(corpus / "pretrain.spacy"),  # [corpora.pretrain] must resolve; train reads it not
    }
    weights = pretrained_weights(config, pretrained, overrides)
    if weights.is_file():  # the pretrained tok2vec of `python -m training.ud pretrain`
        settings["paths.init_tok2vec"] = str(weights)
    settings.update(overrides or {})
    spacy_train(config, output, overrides=settings)
    return output / ("model-last" if all_docs else "model-best")


def pretrain(
    output: Path = PRETRAIN, corpus: Path = CORPUS, overrides: dict[str, Any] | None = None, *, config: Path = CONFIG
) -> Path:
    """Build the raw-text corpus and pretrain the tok2vec (see :mod:`training.ud.pretrain`)."""
    from .pretrain import build_corpus
    from .pretrain import pretrain as _pretrain

    print(json.dumps(build_corpus(corpus, _shared(), ROOT / "corpora" / "raw"), indent=2))
    return _pretrain(config, corpus, output, overrides)


def evaluate(model: Path, corpus: Path = CORPUS) -> str:
    """The scores on Alpino test, gold tokens beside nlp_report's, as a table."""
    from .evaluate import score, table

    return table(score(model, corpus / "test.spacy"))


def package(model: Path, target: Path = PACKAGE, ud_dir: Path = UD_DIR) -> Path:
    """Package ``model`` as ``models/nl_nlp_report_ud`` (see :mod:`training.ud.package`)."""
    from .package import package as _package

    return _package(model, target, corpus=CORPUS, ud_dir=ud_dir)


def _override(item: str) -> tuple[str, Any]:
    """``section.key=value`` -> (``section.key``, the value as JSON, else the string)."""
    key, _, value = item.partition("=")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def main(argv: list[str] | None = None) -> int:
    """Run the step named on the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m training.ud", description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["convert", "pretrain", "train", "evaluate", "package", "build"])
    parser.add_argument("--ud", type=Path, default=UD_DIR, help=f"folder of the .conllu files (default: {UD_DIR})")
    parser.add_argument("--model", type=Path, default=None, help="model to score or package (default: the best)")
    parser.add_argument("--output", type=Path, default=None, help="output folder of pretrain or train")
    parser.add_argument("--all", action="store_true", help="train: the final fit on train + dev (model-last)")
    parser.add_argument("--config", type=Path, default=CONFIG, help=f"training config (default: {CONFIG})")
    parser.add_argument(
        "--pretrained",
        type=Path,
        default=PRETRAIN,
        help=f"train: folder of the pretraining weights, as pretrain's --output (default: {PRETRAIN})",
    )
    parser.add_argument(
        "overrides", nargs="*", default=[], help="config settings, section.key=value (as spaCy's --section.key value)"
    )
    args = parser.parse_intermixed_args(argv)
    overrides = dict(_override(item) for item in args.overrides)
    model = args.model or OUTPUT / "model-best"
    if args.step in ("convert", "build"):
        print(json.dumps(convert(args.ud), indent=2))
    if args.step in ("pretrain", "build"):
        folder = args.output if args.step == "pretrain" and args.output else args.pretrained
        pretrain(folder, overrides=overrides, config=args.config)
    if args.step in ("train", "build"):  # build: the shipped model, the final fit on all training documents
        all_docs = args.all or args.step == "build"
        model = args.model or train(
            args.output or OUTPUT,
            overrides=overrides,
            all_docs=all_docs,
            config=args.config,
            pretrained=args.pretrained,
        )
    if args.step in ("evaluate", "build"):
        print(evaluate(model))
    if args.step in ("package", "build"):
        print(f"packaged: {package(model, ud_dir=args.ud)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except NlpReportError as err:  # a missing treebank, a tokenizer that changed a text: the message says what
        print(f"python -m training.ud: error: {err}", file=sys.stderr)
        sys.exit(1)
