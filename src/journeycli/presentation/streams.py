"""What journey does when a standard stream cannot be written: closed (``2>&-``, ``>&-``) or a pipe nobody reads.

- **stderr** carries messages and progress lines ("rendered … -> map-2.svg").
  When nobody reads it (``journey render … 2>&1 | tail -0``, or ``2>&-``) what
  is written there is dropped and the command goes on: its files are written
  and its exit code says how it went. Before, the first progress line raised
  BrokenPipeError and stopped a multi-page render after page 1.
- **stdout** carries the command's result. Closed (``>&-``), writing to it is
  an error, as for any output that cannot be written (``cli`` reports it,
  exit 2); a command that writes only files (``render -o DIR/``) works. A
  reader that leaves early (``| head``) is handled by ``cli`` as before.

A closed descriptor is filled with /dev/null first, so that no file journey
opens later (a temporary picture, say) becomes descriptor 1 or 2 and receives
text meant for a terminal.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import Any, TextIO


def guard() -> None:
    """Install the rules above on ``sys.stdout`` and ``sys.stderr`` (the real command only)."""
    if sys.stdout is None:
        sys.stdout = _Closed(_null(1), "standard output is closed")
    sys.stderr = _null(2) if sys.stderr is None else _Optional(sys.stderr)


def _null(fd: int) -> TextIO:
    """/dev/null opened as descriptor ``fd`` (the lowest free one, which a closed standard descriptor is)."""
    null = os.open(os.devnull, os.O_WRONLY)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)
    return open(fd, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115 - lives as long as the process


class _Optional:
    """A stream whose write errors (EPIPE, a full disk) silence it instead of stopping the command."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError:
            self._silence()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._silence()

    def _silence(self) -> None:
        # /dev/null under the same descriptor: what the stream still holds, and any later
        # write (Rich, a late flush at exit), goes nowhere without another error.
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
            with contextlib.suppress(OSError):
                self._stream.flush()
            return
        self._stream = io.StringIO()  # not a real descriptor: drop in memory

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, fileno, buffer…: the stream's own
        return getattr(self._stream, name)


class _Closed(io.TextIOBase):
    """A closed stdout: every write is the error a write to a closed descriptor is."""

    def __init__(self, null: TextIO, reason: str) -> None:
        self._null = null
        self._reason = reason

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, self._reason)

    def fileno(self) -> int:
        return self._null.fileno()

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> Any:
        return self

    @property
    def encoding(self) -> str:
        return "utf-8"
