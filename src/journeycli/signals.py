"""How `journey` stops when asked to: Ctrl-C (SIGINT) and SIGTERM end it cleanly.

Both signals raise an exception that Typer and Click do not intercept (Typer
turns KeyboardInterrupt into a silent exit 130), so it unwinds through the
code that owns resources: ``files.write_atomic`` removes its temporary file,
and ``cli.main`` prints one line. Forked worker processes leave the decision
to the parent: they ignore Ctrl-C (the parent stops the pool) and end at once
on SIGTERM, by the system's default action, set as they are forked. A Python
handler is not enough there: ``Pool.terminate`` sends SIGTERM to an idle
worker, and one that arrives between the worker's two tries at the task
queue's lock (``sem_trywait``, then a blocking ``sem_wait``) is recorded but
never run, so the worker waited forever and the parent with it (one `journey
site` in about a hundred under load).

Child processes (the layout engine) are started with ``child``, which the
handler kills before it raises. The exception alone is not enough: it reaches
only the main thread, so an engine drawing a page in a worker thread ran on,
and a signal that landed inside ``Popen`` after the fork, before anyone held
the process, left the engine orphaned. ``child`` defers a signal for the few
instructions between starting the process and registering it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from typing import Any

_children: set[subprocess.Popen] = set()
_lock = threading.RLock()  # re-entrant: the handler runs in the main thread, perhaps while it holds the lock
_starting = 0  # children being started right now: a signal waits until they are registered
_pending: list[int] = []
_stopped = False  # after a signal, a child that another thread starts is killed at once
_fork_hook = False  # the worker defaults are registered once per process


class Interrupted(BaseException):
    """Ctrl-C (SIGINT): exit 130."""

    exit_code = 130


class Terminated(BaseException):
    """SIGTERM: exit 143, as a process killed by it would."""

    exit_code = 143


def install() -> None:
    """Route SIGINT and SIGTERM to ``Interrupted`` / ``Terminated`` in this process (not in its forks)."""
    global _fork_hook
    main = os.getpid()
    if not _fork_hook:
        os.register_at_fork(after_in_child=_worker_defaults)
        _fork_hook = True

    def handle(number: int, frame: Any) -> None:
        if os.getpid() != main:  # a forked worker signalled before its defaults were set
            if number == signal.SIGTERM:
                os._exit(Terminated.exit_code)
            return
        if _starting:
            _pending.append(number)
            return
        stop_children()
        raise Interrupted() if number == signal.SIGINT else Terminated()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)


def _worker_defaults() -> None:
    """In a forked worker: Ctrl-C is ignored, SIGTERM ends it at once, even inside a blocking lock."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def stop_children() -> None:
    """Kill every child started with ``child`` that is still running, and any started later (their owners reap them)."""
    global _stopped
    with _lock:
        _stopped = True
        running = list(_children)
    for process in running:
        with contextlib.suppress(OSError):
            process.kill()


@contextlib.contextmanager
def child(args: list[str], **options: Any) -> Iterator[subprocess.Popen]:
    """``subprocess.Popen(args, **options)`` that a signal to journey stops too, from any thread; waited for on exit."""
    global _starting
    process = None
    with _lock:
        _starting += 1
    try:
        process = subprocess.Popen(args, **options)
        with _lock:
            _children.add(process)
            if _stopped:
                process.kill()
    finally:
        with _lock:
            _starting -= 1
            delayed = _pending[:] if not _starting else []
            if delayed:
                _pending.clear()
        if process is None:  # it did not start: nothing to stop, the signal still counts
            for number in delayed:
                signal.raise_signal(number)
    try:
        with process:
            for number in delayed:  # delivered again, now that the child can be stopped (and is waited for)
                signal.raise_signal(number)
            yield process
    finally:
        with _lock:
            _children.discard(process)
