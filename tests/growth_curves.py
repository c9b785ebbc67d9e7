"""The growth curves of issue 14 (D7-D14, D26), at the sizes of ../shared/reviews/reliability.md.

Run ``python -m tests.growth_curves [NAME ...]`` from the repository root
(names: the keys of :data:`CURVES`, ``bomb``, ``vocab``; default all). Each
curve prints one line per size with the seconds and the ratio to the
previous size; the done-when of issue 14 is a ratio per doubling <= 2.5 up
to the largest size in the report. Timings are wall-clock on whatever the
machine is doing: the ratios are what counts.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nlp_report
from nlp_report.readers.html import html_document
from tests.growth import per_call

A = nlp_report.load("blank")


def _fpdf_pages(n: int) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for i in range(n):
        pdf.add_page()
        pdf.set_xy(10, 10)
        pdf.cell(0, 5, "Tweede Kamer, vergaderjaar 2023-2024, 21 501-02")
        pdf.set_xy(10, 30)
        pdf.cell(0, 5, f"Nederland steunt de NAVO op pagina {i}.")
        pdf.set_xy(10, 40)
        pdf.cell(0, 5, "De minister sprak met de collega uit Duitsland.")
        pdf.set_xy(10, 280)
        pdf.cell(0, 5, f"Pagina {i + 1} van {n}")
    path = Path(tempfile.mkdtemp(prefix="curves-")) / f"p{n}.pdf"
    pdf.output(str(path))
    return path


CURVES: dict[str, tuple[Callable[[int], Any], Callable[[Any], object], list[int]]] = {
    # name: (make input of size n, run it, sizes as in the report)
    "D8": (
        lambda k: "De motie" + " " * k + "Van Haga1 steunt de NAVO.\n\n1 Kamerstuk 28 676, nr. 394\n",
        A.analyze,
        [10_000, 20_000, 40_000, 80_000],
    ),
    "D8_zero_width": (
        lambda k: "De motie " + "\u200b" * k + " Van Haga1 steunt de NAVO.\n\n1 Kamerstuk 28 676, nr. 394\n",
        A.analyze,
        [5_000, 10_000, 20_000, 40_000],
    ),
    "D9": (lambda k: "Nederland" + "\u00b9" * k + " steunt de NAVO 5", A.analyze, [5_000, 10_000, 20_000, 40_000]),
    "D10": (
        lambda n: " ".join(f"Het Europese Agentschap voor iets (AB{i % 90 + 10})" for i in range(n)) + ".",
        A.analyze,
        [500, 1_000, 2_000, 4_000],
    ),
    "D11": (
        lambda n: " ".join(f"Zie Kamerstuk 28 676, nr. {i}." for i in range(n)),
        A.analyze,
        [3_000, 6_000, 12_000, 24_000],
    ),
    "D11_footnote_lines": (
        lambda n: (
            "Nederland steunt de motie Van Haga1 en de NAVO2.\n\n"
            + "\n".join(f"{i % 999 + 1} Kamerstuk 28 676, nr. {i}" for i in range(n))
        ),
        A.analyze,
        [1_700, 3_400, 6_800, 13_700],
    ),
    "D12": (
        lambda n: (
            "<html><body><p>De NAVO1 steunt dit.</p>"
            + "".join(f'<div class="noot"><p>{i % 999 + 1} Zie de brief.</p></div>' for i in range(n))
            + "</body></html>"
        ),
        lambda markup: html_document(markup, source="x.html"),
        [1_000, 2_000, 4_000, 8_000, 16_000],
    ),
    "D13": (_fpdf_pages, nlp_report.read, [500, 1_000, 2_000, 4_000, 8_000]),
    "D14": (
        lambda n: (
            " ".join("De NAVO5 steunt dit." for _ in range(n))
            + "\n\n"
            + "\n\n".join("7 Zie de brief." for _ in range(n))
        ),
        A.analyze,
        [2_000, 4_000, 8_000, 16_000],
    ),
}


def curve(name: str, repeats: int = 3) -> None:
    """Seconds per call at each size: the shortest of ``repeats`` tries (another process can slow one down)."""
    make, run, sizes = CURVES[name]
    previous = None
    run(make(sizes[0] // 4))  # warm up
    for n in sizes:
        seconds = per_call(run, make(n), repeats=repeats)
        ratio = round(seconds / previous, 2) if previous else None
        print(json.dumps({"curve": name, "n": n, "s": round(seconds, 3), "ratio": ratio}), flush=True)
        previous = max(seconds, 1e-3)


def bomb() -> None:
    """D7: a .docx whose relationships reach a 1 GiB image of zeros (about 1 MB on disk)."""
    from tests.regression.test_growth_defects import docx_with_images

    path = docx_with_images(Path(tempfile.mkdtemp(prefix="bomb-")) / "bomb.docx", [1 << 30])
    started = time.perf_counter()
    try:
        nlp_report.read(path)
        outcome = "read"
    except nlp_report.NlpReportError as err:
        outcome = str(err)[:90]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        json.dumps(
            {
                "curve": "D7",
                "file_bytes": path.stat().st_size,
                "s": round(time.perf_counter() - started, 3),
                "peak_rss_mb": peak,
                "outcome": outcome,
            }
        ),
        flush=True,
    )


def _rss_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


def vocab(documents: int = 2_000) -> None:
    """D26: 2000 documents of 2000 new words each through one analyzer (the report's probe)."""
    analyzer = nlp_report.load("blank")
    rng = random.Random(0)
    for n in range(documents + 1):
        if n % 250 == 0:
            print(
                json.dumps(
                    {
                        "curve": "D26",
                        "documents": n,
                        "strings": len(analyzer.nlp.vocab.strings),
                        "rss_mb": _rss_mb(),
                        "renewals": analyzer.memory.renewals,
                    }
                ),
                flush=True,
            )
        words = (
            "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 12))) for _ in range(2000)
        )
        analyzer.analyze("Nederland steunt " + " ".join(words) + ".")


def main(names: list[str]) -> None:
    for name in names or [*CURVES, "bomb", "vocab"]:
        if name == "bomb":
            bomb()
        elif name == "vocab":
            vocab()
        else:
            curve(name, repeats=1 if name == "D13" else 3)


if __name__ == "__main__":
    main(sys.argv[1:])
