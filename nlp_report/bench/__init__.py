"""How fast nlp_report is, and how much memory it takes: the measurements of ``nlp-report bench``.

:func:`run_bench` builds a corpus of at least ``words`` words by repeating
the given documents (by default the shipped ones, ``corpora/raw/``), then
measures, in one run:

* **throughput**, in words and documents per second, of bare tokenisation
  with ``spacy.blank("nl")`` (the baseline), of the full fallback pipeline
  (layout, sentences, entities, classifier, report) in one process, and of
  the same with ``n_process`` worker processes. The three run in rounds,
  one after the other and in a rotating order, and each figure is the best
  of its rounds (the fastest; the median is given too): other processes
  only ever slow a run down, so on a machine that is busy now and then the
  best round is the one least disturbed, and the ratios hold;
* with a statistical model installed (``nl_core_news_sm`` or ``model``):
  the model alone (``spacy.load``) against the model with the project's
  components (``nlp_report.load``), on a slice of the corpus;
* **cold start**: ``import nlp_report`` plus ``nlp_report.load("blank")`` in
  a fresh interpreter (the median of a few);
* **peak memory** (RSS) of a fresh process streaming documents through
  ``analyze_many``: ``rss_documents`` documents, then ten times as many in
  another process; the difference is the growth.

The result (:class:`BenchResult`) says which of the targets of
:data:`TARGETS` are met. It also records how much CPU other processes used
while the throughput was measured: on a two-core machine where another
process keeps one core busy, two worker processes cannot run twice as fast.

Where things live
-----------------
* ``run.py``: :func:`run_bench`, which runs the rest in order;
* ``corpus.py``: :class:`Corpus`, reading the documents and repeating them;
* ``throughput.py``: :class:`Throughput`, the timed rounds;
  ``model.py``: :class:`ModelComparison`, the model alone and with the components;
* ``subprocesses.py``: cold start and :class:`Memory`, measured in fresh interpreters;
* ``machine.py``: the machine, and the CPU other processes used meanwhile;
* ``targets.py``: :data:`TARGETS` and checking them; ``result.py``:
  :class:`BenchResult`, its JSON and its table; ``defaults.py``: the defaults.
"""

from __future__ import annotations

from .corpus import Corpus, build_corpus, count_words, read_texts, shipped_texts
from .defaults import (
    DEFAULT_COLD_STARTS,
    DEFAULT_MODEL,
    DEFAULT_MODEL_WORDS,
    DEFAULT_N_PROCESS,
    DEFAULT_ROUNDS,
    DEFAULT_RSS_DOCUMENTS,
    DEFAULT_WORDS,
    SHIPPED_CORPUS,
)
from .machine import machine_info
from .model import ModelComparison, installed_model, measure_model
from .result import BenchResult
from .run import run_bench
from .subprocesses import Memory, measure_cold_start, measure_memory, peak_rss_mb, reset_peak_rss, stream_documents
from .targets import TARGETS, TargetResult, TargetSpec
from .throughput import Throughput, measure_throughput

__all__ = [
    "DEFAULT_COLD_STARTS",
    "DEFAULT_MODEL",
    "DEFAULT_MODEL_WORDS",
    "DEFAULT_N_PROCESS",
    "DEFAULT_ROUNDS",
    "DEFAULT_RSS_DOCUMENTS",
    "DEFAULT_WORDS",
    "SHIPPED_CORPUS",
    "TARGETS",
    "BenchResult",
    "Corpus",
    "Memory",
    "ModelComparison",
    "TargetResult",
    "TargetSpec",
    "Throughput",
    "build_corpus",
    "count_words",
    "installed_model",
    "machine_info",
    "measure_cold_start",
    "measure_memory",
    "measure_model",
    "measure_throughput",
    "peak_rss_mb",
    "read_texts",
    "reset_peak_rss",
    "run_bench",
    "shipped_texts",
    "stream_documents",
]
