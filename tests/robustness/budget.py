"""How many examples the property tests run, and how they are drawn.

CI runs the budgets below, derandomized: the same examples every run, so a
failure in CI fails again on a developer's machine. Two environment
variables change that for deeper fuzzing at home:

* ``NLP_REPORT_FUZZ_SCALE=10`` multiplies every budget (ten times as many examples);
* ``NLP_REPORT_FUZZ_RANDOM=1`` draws new examples each run (and keeps
  failing ones in hypothesis' example database, ``.hypothesis/``).

``pytest tests/robustness --hypothesis-show-statistics`` prints how many
examples each test ran and how long they took.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings

SCALE = float(os.environ.get("NLP_REPORT_FUZZ_SCALE", "1"))
RANDOM = os.environ.get("NLP_REPORT_FUZZ_RANDOM", "") not in ("", "0")

BUDGET = {
    "layout_letters": 3500,
    "layout_unicode": 2500,
    "report_letters": 2000,
    "report_unicode": 1500,
    "analyze_many": 300,
    "n_process": 300,
    "bad_text": 300,
    "read_files": 400,
    "hostile_charsets": 150,
    "hostile_pdfs": 60,
    "hostile_docx": 80,
    "interrupted_writers": 60,
    "normal_forms": 150,
    "whitespace_variants": 150,
    "crowds": 60,
}
"""Examples per budget key; the sum (11,510) is what CI runs (a key can serve several tests)."""


def fuzz(name: str, **extra: Any) -> settings:
    """The hypothesis settings of the property test ``name`` (a key of :data:`BUDGET`)."""
    return settings(
        max_examples=max(1, round(BUDGET[name] * SCALE)),
        deadline=None,
        derandomize=not RANDOM,
        database=settings.default.database if RANDOM else None,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.function_scoped_fixture,
        ],
        **extra,
    )
