"""How `journey` stops when asked to: Ctrl-C (SIGINT) and SIGTERM end it cleanly.

Both signals raise an exception that Typer and Click do not intercept (Typer
turns KeyboardInterrupt into a silent exit 130), so it unwinds through the
code that owns resources: ``subprocess.run`` kills the layout engine,
``files.write_atomic`` removes its temporary file, and ``cli.main`` prints one
line. Forked worker processes leave the decision to the parent: they ignore
Ctrl-C (the parent stops the pool) and end at once on SIGTERM.
"""

from __future__ import annotations

import os
import signal
from typing import Any


class Interrupted(BaseException):
    """Ctrl-C (SIGINT): exit 130."""

    exit_code = 130


class Terminated(BaseException):
    """SIGTERM: exit 143, as a process killed by it would."""

    exit_code = 143


def install() -> None:
    """Route SIGINT and SIGTERM to ``Interrupted`` / ``Terminated`` in this process (not in its forks)."""
    main = os.getpid()

    def handle(number: int, frame: Any) -> None:
        if os.getpid() != main:  # a forked worker
            if number == signal.SIGTERM:
                os._exit(Terminated.exit_code)
            return
        raise Interrupted() if number == signal.SIGINT else Terminated()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
