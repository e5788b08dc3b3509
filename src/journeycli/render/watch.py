"""`journey render --watch`: render again whenever a journey file changes.

Polling the files' modification times is enough for a live preview, works
the same on every system, and needs no extra dependency. A file caught
mid-edit is usually invalid; its findings are printed and the loop goes on,
so the last good picture stays until the file is valid again.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from ..inputs import discover
from ..presentation.terminal import printable
from ..signals import Interrupted
from ..usage import UsageError


def _stamps(paths: list[str]) -> dict[str, float]:
    from ..config import load_settings

    stamps = {}
    for item in discover(paths, load_settings().globs):
        if item.path is None:
            raise UsageError("--watch needs journey files; standard input cannot be watched")
        try:
            stamps[item.path] = os.stat(item.path).st_mtime_ns
        except OSError:
            continue
    return stamps


def watch(paths: list[str], render_once: Callable[[], int], interval: float = 0.5, keep_going: Callable[[], bool] = lambda: True) -> int:
    """Render now, then after every change, until interrupted (Ctrl-C ends it with exit 0)."""
    try:
        seen = _stamps(paths)
        render_once()
        sys.stderr.write(printable("journey: watching for changes (Ctrl-C to stop)") + "\n")
        while keep_going():
            time.sleep(interval)
            try:
                now = _stamps(paths)
            except UsageError:
                continue  # the directory or file is being replaced; look again next time
            if now != seen:
                seen = now
                try:
                    render_once()
                except UsageError as error:  # e.g. a persona removed while editing: say so, keep watching
                    sys.stderr.write(printable(f"journey: error: {error}") + "\n")
    except (KeyboardInterrupt, Interrupted):
        pass
    return 0
