"""Type-check a user's script against the installed nlp_report, from outside the repository.

``python tests/usertypes/check_user_types.py`` copies ``user_script.py`` to a
temporary folder (so mypy can only find nlp_report as installed, not the
source tree next to it), runs ``mypy --strict`` on it and compares the errors
with the ``# expect: CODE`` comments. Exit code 0 when they agree; otherwise it
prints what differs (e.g. ``import-not-found`` when the install hides
``py.typed`` from type checkers, as a plain editable install does).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).with_name("user_script.py")
_EXPECT = re.compile(r"#\s*expect:\s*([a-z-]+)")
_ERROR = re.compile(r"^[^:]+:(\d+): error: .*\[([a-z-]+)\]$")


def expected(path: Path = SCRIPT) -> set[tuple[int, str]]:
    """The (line, code) pairs the script's ``# expect:`` comments name."""
    found = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _EXPECT.search(line)
        if match:
            found.add((number, match.group(1)))
    return found


def check() -> tuple[set[tuple[int, str]], set[tuple[int, str]], str]:
    """Run mypy on a copy outside the tree: (errors expected but missing, errors not expected, mypy's output)."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "user_script.py"
        shutil.copy(SCRIPT, target)
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", "/dev/null", target.name],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
    output = result.stdout + result.stderr
    got = set()
    for line in output.splitlines():
        match = _ERROR.match(line)
        if match:
            got.add((int(match.group(1)), match.group(2)))
    want = expected()
    return want - got, got - want, output


def main() -> int:
    missing, extra, output = check()
    if not missing and not extra:
        print(f"user script type-checks as expected outside the tree ({len(expected())} intended errors reported)")
        return 0
    print(output, file=sys.stderr)
    for line, code in sorted(missing):
        print(f"missing: line {line}: no [{code}] error (are nlp_report's types visible?)", file=sys.stderr)
    for line, code in sorted(extra):
        print(f"unexpected: line {line}: [{code}]", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
