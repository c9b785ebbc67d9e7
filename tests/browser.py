"""A real headless Chromium, driven over the DevTools protocol, for the tests of the HTML page.

``Browser.open(path)`` starts ``chromium --headless`` with a DevTools port, loads
the page from the file (nothing from the network) and returns a :class:`Page`:
``page.click(selector)`` clicks an element with real mouse events at its place
on the screen, ``page.choose(selector, value)`` picks an option of a
``<select>`` by keyboard (focus, then arrow keys, as a user does: headless
Chromium draws no pop-up to click), ``page.evaluate(js)`` reads the DOM.

:func:`require_browser` skips the calling test with the reason when
Chromium (Debian package ``chromium``) or the ``websocket-client`` package is
missing; ``.ci/run`` installs Chromium, so in CI the tests run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from itertools import count
from pathlib import Path
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def find_browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def require_browser() -> str:
    """The browser's path; skips the test, saying what is missing, when it cannot run."""
    path = find_browser()
    if path is None:
        pytest.skip("no Chromium to test the page in: install it (Debian: apt-get install chromium); .ci/run does")
    try:
        import websocket  # noqa: F401
    except ImportError:
        pytest.skip("websocket-client is not installed (it comes with the dev extra)")
    return path


class Page:
    """One tab, driven over its DevTools websocket."""

    def __init__(self, url: str) -> None:
        import websocket

        self._socket = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self._ids = count(1)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        ident = next(self._ids)
        self._socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable values)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real click (mouse pressed and released) in the middle of the element."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def choose(self, selector: str, value: str) -> None:
        """Pick the option ``value`` of a ``<select>`` with the keyboard (focus, Home, then ArrowDown)."""
        options = self.evaluate(f"[...document.querySelector({json.dumps(selector)}).options].map(o => o.value)")
        steps = options.index(value)
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        for key, code in [("Home", 36)] + [("ArrowDown", 40)] * steps:
            for kind in ("rawKeyDown", "keyUp"):
                self.send("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code)
        chosen = self.evaluate(f"document.querySelector({json.dumps(selector)}).value")
        assert chosen == value, f"{selector}: the keyboard chose {chosen!r}, not {value!r}"

    def close(self) -> None:
        self._socket.close()


class Browser:
    """A headless Chromium with a DevTools port and a throw-away profile; use as a context manager."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="nlp-report-chromium-")
        self._log = tempfile.NamedTemporaryFile(prefix="nlp-report-chromium-", suffix=".log")  # noqa: SIM115
        self._process = subprocess.Popen(
            [
                executable,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--remote-debugging-port=0",
                f"--user-data-dir={self._profile.name}",
                "--window-size=1280,2000",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        self.port = self._port()

    def _port(self) -> int:
        """The DevTools port, from the file Chromium writes in its profile once it listens."""
        active = Path(self._profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self._process.poll() is None:
            lines = active.read_text(encoding="utf-8").splitlines() if active.exists() else []
            if lines and lines[0].strip().isdigit():
                return int(lines[0])
            time.sleep(0.05)
        log = Path(self._log.name).read_text(encoding="utf-8", errors="replace")
        self.close()
        raise RuntimeError("Chromium did not start:\n" + log[-2000:])

    def open(self, path: Path) -> Page:
        """A new tab showing the file ``path``, after its load event."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=30) as answer:
            targets = json.loads(answer.read())
        target = next(t for t in targets if t.get("type") == "page")
        page = Page(target["webSocketDebuggerUrl"])
        page.send("Page.enable")
        page.send("Page.navigate", url=path.resolve().as_uri())
        deadline = time.monotonic() + 30
        while page.evaluate("document.readyState") != "complete" or page.evaluate("location.protocol") != "file:":
            if time.monotonic() > deadline:
                raise RuntimeError(f"{path}: the page did not load")
            time.sleep(0.05)
        return page

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._log.close()
        self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
