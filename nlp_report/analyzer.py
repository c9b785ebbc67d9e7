"""Load the pipeline once and turn texts into reports.

``load()`` builds an :class:`Analyzer`: the Dutch spaCy model
``nl_core_news_sm`` when it is installed, else the pipeline trained on the
Dutch UD treebanks (``nl_nlp_report_ud``, docs/model.md) when it is
installed, otherwise a pipeline on ``spacy.blank("nl")``, with the
project's tokenizer and components in every case. ``analyze()`` uses a default analyzer loaded on first use.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language

from .errors import ModelFallbackWarning, ModelNotFoundError, WorkerCrashError, check_text
from .memory import MAX_NEW_STRINGS, MemoryZones
from .model_package import UD_MODEL, resolve
from .pipeline import factories  # noqa: F401  (registers the factories)
from .pipeline.report import build_report
from .types import Report

if TYPE_CHECKING:
    from .batch import BatchRun, FileFailure
    from .types import Report


DEFAULT_MODEL = "nl_core_news_sm"
"""The spaCy model used when installed (``python -m spacy download nl_core_news_sm``)."""
DEFAULT_MODELS = (DEFAULT_MODEL, UD_MODEL)
"""What ``load()`` uses, the first one installed: spaCy's model, else the one trained on the UD treebanks
(``pip install ./models/nl_nlp_report_ud``, docs/model.md); with neither, the rule-based fallback."""
BLANK = "blank"
"""Pass ``model="blank"`` to force the rule-based fallback."""
TOKENIZER = {"@tokenizers": "nlp_report.LayoutTokenizer.v1"}

FALLBACK_MESSAGE = (
    "The Dutch model 'nl_core_news_sm' is not installed, so nlp_report runs its rule-based "
    "fallback on spacy.blank('nl'). Lost without the model: actors read from the dependency "
    "parse (a rule-based subject finder is used instead), the model's own entities (people, "
    "places, dates) and its part-of-speech tags and lemmas on the Doc. Install the model with: "
    "python -m spacy download nl_core_news_sm; or, from a clone of the repository, the smaller model trained "
    "on the Dutch UD treebanks (tags, lemmas and parse; no entities): pip install ./models/nl_nlp_report_ud; "
    "or pass model='blank' to silence this."
)

TextInput = str | tuple[str, str | None]
"""A text, or a ``(text, source)`` pair."""


def load(model: str | Path | None = None) -> Analyzer:
    """Build an :class:`Analyzer`.

    ``model`` is ``None`` (``nl_core_news_sm`` if installed, else
    ``nl_nlp_report_ud`` if installed, else the fallback with a
    :class:`~nlp_report.errors.ModelFallbackWarning`),
    ``"blank"`` (the fallback, no warning), or the name or path of an
    installed Dutch spaCy pipeline. A name or path that cannot be loaded
    raises :class:`~nlp_report.errors.ModelNotFoundError`.
    """
    return _load(model, stacklevel=3)


def _load(model: str | Path | None, *, stacklevel: int) -> Analyzer:
    """:func:`load`; ``stacklevel`` makes the fallback warning point at the user's call."""
    if model is None:
        installed = default_model()
        if installed is not None:
            return Analyzer(_load_model(installed))
        warnings.warn(FALLBACK_MESSAGE, ModelFallbackWarning, stacklevel=stacklevel)
        return Analyzer(blank_pipeline())
    if str(model) == BLANK:
        return Analyzer(blank_pipeline())
    return Analyzer(_load_model(model))


def default_model() -> str | None:
    """The first installed pipeline of :data:`DEFAULT_MODELS`, or ``None`` (then ``load()`` falls back)."""
    return next((name for name in DEFAULT_MODELS if spacy.util.is_package(name)), None)


def blank_pipeline() -> Language:
    """``spacy.blank("nl")`` with the layout tokenizer and the project's components."""
    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": TOKENIZER}})
    return add_components(nlp)


def _load_model(model: str | Path) -> Language:
    name = str(model)
    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise ModelNotFoundError(
            f"the spaCy pipeline {name!r} is not installed and is not a path. Install it "
            f"(python -m spacy download {name}), pass the path of a saved pipeline, "
            "or use model=None for the default."
        )
    try:
        nlp = spacy.load(resolve(name), config={"nlp": {"tokenizer": TOKENIZER}})
    except (OSError, ValueError) as err:
        raise ModelNotFoundError(f"could not load the spaCy pipeline {name!r}: {err}") from err
    if nlp.lang != "nl":
        raise ModelNotFoundError(f"{name!r} is a pipeline for {nlp.lang!r}; nlp_report needs a Dutch ('nl') one")
    return add_components(nlp)


def add_components(nlp: Language) -> Language:
    """Add the project's components to ``nlp`` where they are missing."""
    if "nlp_report_sentences" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("nlp_report_sentences", before="parser")
        else:
            nlp.add_pipe("nlp_report_sentences", first=True)
    if "nlp_report_entities" not in nlp.pipe_names:
        # after the model's own NER: the rules take over what it found and override it
        if "ner" in nlp.pipe_names:
            nlp.add_pipe("nlp_report_entities", after="ner")
        else:
            nlp.add_pipe("nlp_report_entities", after="nlp_report_sentences")
    if "nlp_report_classifier" not in nlp.pipe_names:
        nlp.add_pipe("nlp_report_classifier", last=True)
    return nlp


def pipeline_from_bytes(config: dict[str, Any], data: bytes) -> Language:
    """The pipeline of ``config`` with the state of ``nlp.to_bytes()`` (a copy in another process, or renewed)."""
    from spacy.util import load_model_from_config
    from thinc.api import Config

    nlp = load_model_from_config(Config(config), auto_fill=True)
    nlp.from_bytes(data)
    return add_components(nlp)


def pipeline_name(nlp: Language) -> str:
    """``nl_core_news_sm-3.8.0`` for a packaged model, ``blank:nl`` for the fallback."""
    meta = nlp.meta
    if meta.get("name") in (None, "", "pipeline"):
        return f"blank:{nlp.lang}"
    return f"{meta.get('lang', nlp.lang)}_{meta['name']}-{meta.get('version', '0')}"


class Analyzer:
    """A loaded pipeline that turns texts into :class:`~nlp_report.types.Report` objects.

    Build one with :func:`load`. An analyzer can be shared between threads:
    each call runs the spaCy pipeline on its own Doc. Its memory stays
    bounded however many documents it analyses: once the vocab has gained
    ``max_new_strings`` strings, each analysis runs in a spaCy memory zone
    that frees what it added (see :mod:`nlp_report.memory`; ``None`` turns
    this off).
    """

    def __init__(self, nlp: Language, *, max_new_strings: int | None = MAX_NEW_STRINGS) -> None:
        self.nlp = nlp
        self.model = pipeline_name(nlp)
        self.memory = MemoryZones(nlp, max_new_strings=max_new_strings, renew=self._renew)
        """When analyses run in memory zones (:class:`~nlp_report.memory.MemoryZones`)."""

    def __repr__(self) -> str:
        return f"Analyzer(model={self.model!r}, pipes={self.nlp.pipe_names!r})"

    def _renew(self) -> Language:
        """A fresh copy of the pipeline, which becomes :attr:`nlp` (see :mod:`nlp_report.memory`)."""
        self.nlp = pipeline_from_bytes(dict(self.nlp.config), self.nlp.to_bytes())
        return self.nlp

    def analyze(self, text: str, *, source: str | None = None) -> Report:
        """Analyse one document.

        A text longer than the pipeline's ``nlp.max_length`` is analysed in
        pieces cut at paragraph boundaries, and the pieces' reports are
        merged into one whose offsets index the whole text (see
        :mod:`nlp_report.longtext` for what a cut changes). A ``text`` that
        is not a ``str`` raises :class:`~nlp_report.errors.InputTypeError`, one
        with a lone surrogate :class:`~nlp_report.errors.InvalidTextError`;
        any other text gives a report (an empty one for white space only).
        A ``source`` that is not ``None`` is checked the same way.
        """
        check_text(text)
        if source is not None:
            check_text(source, argument="source")
        max_length = self.nlp.max_length
        if len(text) > max_length:
            from .longtext import merge_reports, split_spans

            parts = [(start, self.analyze(text[start:end])) for start, end in split_spans(text, max_length)]
            return merge_reports(text, parts, source=source, model=self.model)
        with self.memory.analysis():  # the Doc does not leave this block: the report holds plain data
            doc = self.nlp(text)
            return build_report(doc, source=source, model=self.model)

    def analyze_many(self, texts: Iterable[TextInput], *, batch_size: int = 32, n_process: int = 1) -> Iterator[Report]:
        """Analyse many documents, in order; items are texts or ``(text, source)`` pairs."""
        from .workers import check_counts

        check_counts(n_process, batch_size)
        pairs = (_as_pair(item) for item in texts)
        if n_process == 1:
            for text, source in pairs:
                yield self.analyze(text, source=source)
            return
        yield from analyze_parallel(self, pairs, batch_size=batch_size, n_process=n_process)

    def analyze_file(self, path: str | Path) -> Report:
        """Read a file with :func:`nlp_report.read` (text, PDF, DOCX, HTML, XML) and analyse it.

        The report's ``text`` is the extracted text and its ``source`` the
        path as given. A file that cannot be read raises a
        :class:`~nlp_report.errors.ReadError` subclass naming it.
        """
        from .batch import display_path
        from .readers import read

        document = read(path)
        return self.analyze(document.text, source=display_path(document.source))

    def analyze_folder(
        self,
        path: str | Path,
        pattern: str | None = None,
        *,
        recursive: bool = True,
        progress: bool | None = None,
        strict: bool = False,
        n_process: int = 1,
        on_error: Callable[[FileFailure], None] | None = None,
    ) -> BatchRun:
        """Analyse the files of a folder and its subfolders, in path order.

        Returns a :class:`~nlp_report.batch.BatchRun`; iterate it for the reports. Without ``pattern`` every file with
        a known suffix is read; ``pattern`` is a glob such as ``"*.pdf"`` (file
        names, in every subfolder) or ``"raw/**/*.txt"`` (paths). Files that
        cannot be read are skipped, counted in ``run.failures`` and passed to
        ``on_error`` (default: a warning on the ``nlp_report`` logger);
        ``strict=True`` raises the first instead. A tqdm progress bar runs on
        standard error when it is a terminal (``progress=True``/``False`` to
        force it on or off).
        """
        from .batch import BatchRun, find_files

        selection = find_files(path, pattern, recursive=recursive)
        return BatchRun(
            self,
            selection.files,
            ignored=selection.ignored,
            progress=progress,
            strict=strict,
            n_process=n_process,
            on_error=on_error,
        )

    def analyze_files(
        self,
        paths: Iterable[str | Path],
        *,
        progress: bool | None = None,
        strict: bool = False,
        n_process: int = 1,
        on_error: Callable[[FileFailure], None] | None = None,
    ) -> BatchRun:
        """Analyse the given files, in order; failures are handled as in :meth:`analyze_folder`."""
        from .batch import BatchRun

        return BatchRun(self, paths, progress=progress, strict=strict, n_process=n_process, on_error=on_error)


def _as_pair(item: Any) -> tuple[str, str | None]:
    if isinstance(item, tuple) and len(item) == 2:
        text, source = item
    else:
        text, source = item, None
    if source is not None:
        check_text(source, argument="source")
    return check_text(text), source


_default: Analyzer | None = None
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The analyzer :func:`analyze` uses, loaded on first use with ``load()``."""
    global _default
    with _default_lock:
        if _default is None:
            _default = _load(None, stacklevel=4)  # the warning points at the caller of analyze()
        return _default


def analyze(text: str, *, source: str | None = None) -> Report:
    """Analyse one document with the default analyzer (see :func:`load`)."""
    return default_analyzer().analyze(text, source=source)


# --- Analysing many documents in worker processes (the pool is nlp_report.workers).


def analyze_parallel(
    analyzer: Analyzer, pairs: Iterable[tuple[str, str | None]], *, batch_size: int, n_process: int
) -> Iterator[Report]:
    """Yield the reports of ``pairs`` computed by ``n_process`` worker processes.

    Each worker runs the whole path (layout, pipeline, report) and sends back
    finished reports without their text (the parent has it); batches are
    submitted a few at a time, so memory stays flat, and results come in
    input order. A worker that dies is replaced and its documents are
    analysed again (:mod:`nlp_report.workers`). An error analysing a document
    is raised as it would be in this process; a document that stops its
    worker even when tried again on its own raises
    :class:`~nlp_report.errors.WorkerCrashError`.
    """
    from .workers import run_documents

    for index, outcome in enumerate(run_documents(analyzer, pairs, batch_size=batch_size, n_process=n_process)):
        if outcome.error is not None:
            raise outcome.error
        if outcome.report is None:
            name = repr(outcome.source) if outcome.source else f"number {index + 1}"
            raise WorkerCrashError(
                f"the worker process analysing document {name} stopped (killed or crashed), also when it was "
                "tried again alone; the documents before it were analysed. Check the machine's memory "
                "(the out-of-memory killer) or analyse this document with n_process=1 to see the error"
            )
        yield outcome.report
