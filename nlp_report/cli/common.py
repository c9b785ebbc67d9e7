"""What the subcommands share: the exit codes, a positive whole-number option, loading the pipeline.

:func:`load_analyzer` speaks in command-line terms: the library's
:class:`~nlp_report.errors.ModelFallbackWarning` and
:class:`~nlp_report.errors.ModelNotFoundError` say ``model='blank'`` and
``model=None``, the command line ``--model blank`` and "leave out
``--model``". The fallback warning is one line on standard error, without the
library file and line a Python warning shows.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import TYPE_CHECKING

from ..errors import ModelOptionError

if TYPE_CHECKING:
    from ..analyzer import Analyzer

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)


def positive(value: str) -> int:
    """An option's value as a whole number of at least 1 (for ``argparse``'s ``type=``)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


FALLBACK_LINE = (
    "nlp-report: warning: the Dutch model nl_core_news_sm is not installed, so the rule-based fallback runs "
    "(actors without the dependency parse, no model entities). Install it with "
    "'python -m spacy download nl_core_news_sm', or pass --model blank to choose the fallback without this warning."
)


def load_analyzer(model: str | None) -> Analyzer:
    """``nlp_report.load(model)``: the fallback reported in one line, a bad ``--model`` as :class:`ModelOptionError`."""
    import nlp_report

    from ..errors import ModelFallbackWarning, ModelNotFoundError

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ModelFallbackWarning)
            analyzer = nlp_report.load(model)
    except ModelNotFoundError:
        raise ModelOptionError(
            f"--model {model}: the spaCy pipeline {model!r} is not installed and is not a path. Install it "
            f"(python -m spacy download {model}), give the path of a saved pipeline, "
            "or leave out --model for the default"
        ) from None
    for warning in caught:
        if issubclass(warning.category, ModelFallbackWarning):
            print(FALLBACK_LINE, file=sys.stderr)
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return analyzer
