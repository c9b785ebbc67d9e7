"""The trained pipeline as a spaCy package under ``models/nl_nlp_report_ud`` (CC BY-SA 4.0, apart from the MIT code).

The package is what ``spacy package`` writes (``setup.py``, ``meta.json``,
the pipeline in ``nl_nlp_report_ud/nl_nlp_report_ud-<version>/``), plus the
treebanks' licence and a README crediting them. Its tokenizer is spaCy's
Dutch one with nlp_report's splits saved in it, so ``spacy.load`` gives the
tokens the pipeline was trained on even without nlp_report's layout stage.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import spacy

import nlp_report
from nlp_report.pipeline.tokenizer import customize_tokenizer

NAME = "nlp_report_ud"
VERSION = "0.1.0"
LICENSE_FILE = "LICENSE-CC-BY-SA-4.0.txt"
SOURCES = [
    {
        "name": "UD Dutch-Alpino (dev file)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord",
    },
    {
        "name": "UD Dutch-LassySmall (dev and test files)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord",
    },
]
CITATIONS = (
    "Bouma, G. and van Noord, G. (2017). Increasing return on annotation investment: the automatic "
    "construction of a Universal Dependency treebank for Dutch. NoDaLiDa workshop on Universal Dependencies. "
    "van Noord, G., Bouma, G., Van Eynde, F., de Kok, D., van der Linde, J., Schuurman, I., Tjong Kim Sang, E. "
    "and Vandeghinste, V. (2013). Large Scale Syntactic Annotation of Written Dutch: Lassy. In: Essential Speech "
    "and Language Technology for Dutch, Springer."
)
README = """# nl_nlp_report_ud {version}

A small Dutch spaCy pipeline (tok2vec, tagger, morphologizer, trainable lemmatizer,
dependency parser) for [nlp_report](../../README.md), trained on Universal Dependencies
treebanks, with tokens as nlp_report's tokenizer cuts them (hyphens and slashes inside
words split). No named entities: nlp_report's own rules find those. Its token vectors were
pretrained (`spacy pretrain`, characters objective) on the training treebanks' sentences and
the raw text of Dutch government letters; no text is shipped, only the learnt weights.

Install: `pip install ./models/nl_nlp_report_ud` (then `nlp_report.load("nl_nlp_report_ud")`),
or load it by path: `nlp_report.load("models/nl_nlp_report_ud")`.

Rebuilt by `python -m training.ud build` (recipe and figures: `docs/model.md`).

Accuracy on UD Dutch-Alpino test (never seen in training), treebank sentences set
before the parser:

{scores}

## Licence and credits

The pipeline is a work derived from the treebanks below and is licensed, like them, under
**CC BY-SA 4.0** (`LICENSE`), unlike nlp_report's code (MIT).

- UD Dutch-Alpino (dev file) and UD Dutch-LassySmall (dev and test files), Universal
  Dependencies release of May 2025, by Gosse Bouma and Gertjan van Noord.
- {citations}
"""


def package(model: Path, target: Path, *, corpus: Path, ud_dir: Path) -> Path:
    """Write the package of ``model`` to ``target`` (replacing it); returns ``target``.

    ``corpus`` holds ``test.spacy``: the package's README and meta carry its
    scores. ``ud_dir`` holds the treebanks' licence, copied into the package.
    """
    from .evaluate import METRICS, score, table

    scores = score(model, corpus / "test.spacy")
    nlp = spacy.load(model)
    nlp.tokenizer = customize_tokenizer(nlp.tokenizer)
    meta: dict[str, Any] = dict(nlp.meta)
    meta.update(
        name=NAME,
        version=VERSION,
        description=(
            "Dutch tagger, morphologizer, lemmatizer and parser for nlp_report, trained on UD Dutch-Alpino "
            "(dev) and UD Dutch-LassySmall (dev, test), with nlp_report's tokens"
        ),
        author="nlp_report developers",
        license="CC BY-SA 4.0",
        sources=SOURCES,
        notes=CITATIONS,
        url="https://github.com/UniversalDependencies",
        # the word embedding is nlp_report's (nlp_report.CharHashEmbed.v1, an entry point): pip installs it too
        requirements=[f"nlp_report>={nlp_report.__version__}"],
    )
    meta["performance"] = {key: scores["nlp_report tokens"][key] for key, _ in METRICS}
    meta["alpino_test"] = scores
    nlp.meta.update(meta)
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Path(tmp) / "pipeline"
        nlp.to_disk(pipeline)
        shutil.copy(ud_dir / LICENSE_FILE, pipeline / "LICENSE")
        out = Path(tmp) / "out"
        out.mkdir()
        from spacy.cli.package import package as spacy_package

        spacy_package(pipeline, out, name=NAME, version=VERSION, create_sdist=False, force=True, silent=True)
        built = out / f"nl_{NAME}-{VERSION}"
        (built / "README.md").write_text(
            README.format(version=VERSION, scores=_indent(table(scores)), citations=CITATIONS), encoding="utf-8"
        )
        shutil.copy(pipeline / "LICENSE", built / "LICENSE")
        meta_text = json.dumps(meta, indent=2, ensure_ascii=False) + "\n"
        # setup.py copies meta.json into the package and the pipeline when it builds: the same file there already
        for folder in (built, built / f"nl_{NAME}", built / f"nl_{NAME}" / f"nl_{NAME}-{VERSION}"):
            (folder / "meta.json").write_text(meta_text, encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(built, target)
    return target


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
