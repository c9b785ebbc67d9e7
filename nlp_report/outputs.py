"""Writing output files safely: complete or not at all, and never over an input.

Every file nlp_report writes (reports in any format, HTML pages, tables,
gold JSONL) goes through :class:`AtomicFile`: the data is written to a
hidden temporary file in the target's own folder (``.NAME.XXXXXXXX.part``)
and renamed over the target only when it is complete, so

* an interrupted, killed or failing run leaves an existing output exactly as
  it was (the temporary file is removed; only a ``SIGKILL`` of the writing
  process itself can leave a ``.part`` file behind, never a partial target);
* a symbolic link at the target is replaced by the new file, not followed,
  so a link planted in an output folder cannot redirect a write elsewhere;
* a file that replaces an existing one keeps that file's permission bits.

:func:`check_not_input` refuses, before anything is opened, an output that
is one of the files being read (:class:`~nlp_report.errors.OutputIsInputError`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import weakref
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .errors import OutputError, OutputIsInputError

PART_SUFFIX = ".part"
"""The suffix of the temporary file an output is written to before it is renamed."""


def _discard(stream: IO[Any] | None, temp: str) -> None:
    try:
        if stream is not None:
            stream.close()
    except (OSError, ValueError):  # pragma: no cover - closing a broken stream
        pass
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)


def _reason(err: OSError) -> str:
    return err.strerror or str(err)


class AtomicFile:
    """A file written under a temporary name next to ``path`` and renamed over it by :meth:`commit`.

    ``binary=False`` gives a UTF-8 text :attr:`stream` with the given
    ``newline``; ``binary=True`` a byte stream; ``stream=False`` only reserves
    the temporary path :attr:`temp` for a library that opens it itself
    (pyarrow). :meth:`abort` (or leaving the ``with`` block with an exception,
    or the object being collected without :meth:`commit`) removes the
    temporary file and leaves ``path`` untouched. Raises
    :class:`~nlp_report.errors.OutputError` if the file cannot be created.
    """

    def __init__(
        self, path: str | Path, *, binary: bool = False, newline: str | None = "\n", stream: bool = True
    ) -> None:
        self.path = Path(path)
        folder = self.path.parent
        if self.path.is_dir() and not self.path.is_symlink():
            raise OutputError(path, "is a folder, not a file")
        if not folder.is_dir():
            what = "does not exist" if not folder.exists() else "is not a folder"
            raise OutputError(path, f"the folder {str(folder)!r} {what}; create it first")
        self.temp = folder / f".{self.path.name}.{secrets.token_hex(4)}{PART_SUFFIX}"
        try:
            fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as err:
            raise OutputError(path, f"cannot write in {str(folder)!r}: {_reason(err)}") from None
        self.stream: IO[Any] | None = None
        if stream:
            self.stream = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        else:
            os.close(fd)
        self.done = False
        self._finalizer = weakref.finalize(self, _discard, self.stream, str(self.temp))

    def commit(self) -> None:
        """Flush the data to disk and rename the temporary file over :attr:`path`."""
        if self.done:
            return
        try:
            if self.stream is not None:
                self.stream.flush()
                os.fsync(self.stream.fileno())
                self.stream.close()
            self._keep_mode()
            os.replace(self.temp, self.path)
        except OSError as err:
            self.abort()
            raise OutputError(self.path, f"cannot write: {_reason(err)}") from None
        self.done = True
        self._finalizer.detach()

    def abort(self) -> None:
        """Remove the temporary file; :attr:`path` stays as it was."""
        self.done = True
        self._finalizer()

    def _keep_mode(self) -> None:
        try:
            old = os.lstat(self.path)
        except FileNotFoundError:
            return
        if stat.S_ISREG(old.st_mode):
            os.chmod(self.temp, stat.S_IMODE(old.st_mode))

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def write_atomic(path: str | Path, data: str, *, newline: str | None = "\n") -> None:
    """Write ``data`` (UTF-8) to ``path`` through an :class:`AtomicFile`."""
    with AtomicFile(path, newline=newline) as out:
        assert out.stream is not None
        out.stream.write(data)


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def check_not_input(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`~nlp_report.errors.OutputIsInputError` if ``output`` is one of ``inputs`` (the same file).

    Files are compared by identity (device and inode, so links and other
    spellings of a path count) and, for an output that does not exist yet,
    by resolved path.
    """
    target = _identity(output)
    resolved = os.path.realpath(output)
    for path in inputs:
        same = target is not None and _identity(path) == target
        if same or (target is None and os.path.realpath(path) == resolved):
            raise OutputIsInputError(
                output, f"is also an input ({path}); writing it would destroy that file. Choose another output"
            )
