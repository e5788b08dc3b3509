"""Checking many files: one check function per file, on all cores when it pays off.

The check function (validate, or lint with its settings) must be a picklable
top-level callable, because workers receive it by reference. Workers return
only diagnostics: shipping models between processes would cost more than
building them.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic
from .inputs import MAX_FILE_BYTES, Input, InputError, read_bytes
from .rules.error_codes import E009

if TYPE_CHECKING:
    from .model import Journey

@dataclasses.dataclass
class Outcome:
    """What checking one file gives: its findings and, for checks across files, the file's digest."""

    diagnostics: list[Diagnostic]
    digest: Any = None


FileCheck = Callable[[bytes, str], "list[Diagnostic] | Outcome"]

PARALLEL_FROM = 24
"""Below this many files a process pool costs more than it saves."""


def with_excerpts(data: bytes, diagnostics: list[Diagnostic], file: str | None = None) -> list[Diagnostic]:
    """``diagnostics`` sorted, each with its source line for the text reporter's caret.

    With ``file``, only the findings in that file take their line from ``data`` (a journey's findings
    may include those of the libraries it uses, which carry their own).
    """
    if not diagnostics:
        return diagnostics
    lines = _lines(data, {d.line for d in diagnostics if file is None or d.file == file})
    found = [
        Diagnostic(d.file, d.line, d.column, d.severity, d.code, d.rule, d.message, d.hint, lines.get(d.line)) if file is None or d.file == file else d
        for d in diagnostics
    ]
    found.sort(key=Diagnostic.sort_key)
    return found


def _lines(data: bytes, wanted: set[int]) -> dict[int, str]:
    """The text of the lines numbered ``wanted`` (1-based) that the file has.

    Only a line feed ends a line, as in the loader's positions (splitlines would also split at U+2028…);
    a CR before it is not part of the line. The lines are read one by one and only the wanted ones
    decoded, so a 40 MB file is not held again as a list of a million strings.
    """
    found: dict[int, str] = {}
    last = max(wanted, default=0)
    number = 0
    for number, raw in enumerate(io.BytesIO(data), 1):  # a BytesIO splits at line feeds only
        if number in wanted:
            found[number] = raw.decode("utf-8", "replace").removesuffix("\n").removesuffix("\r")
            if number >= last:
                return found
    if number + 1 in wanted and (data.endswith(b"\n") or not data):  # the empty line after the last line feed
        found[number + 1] = ""
    return found


def read_input(item: Input) -> bytes | Diagnostic:
    """The input's bytes; a file that cannot be read is a finding (E009), not a crash."""
    try:
        return item.read()
    except InputError as error:
        return E009.at(item.name, (1, 1), str(error))
    except OSError as error:
        return unreadable(item.name, error)


def unreadable(name: str, error: OSError, what: str = "file") -> Diagnostic:
    """The E009 finding for a file the system refuses to read, with the fix for missing permission."""
    import shlex

    from .files import reason

    quoted = shlex.quote(name)
    hint = f"you may not read it: `ls -l {quoted}` shows its permissions, `chmod u+r {quoted}` gives you read access" if isinstance(error, PermissionError) else None
    return E009.at(name, (1, 1), f"cannot read the {what}: {reason(error)}", hint)


def check_one(item: Input, check: FileCheck) -> Outcome:
    """Read and check one input."""
    data = read_input(item)
    if isinstance(data, Diagnostic):
        return Outcome([data])
    found = check(data, item.name)
    outcome = found if isinstance(found, Outcome) else Outcome(found)
    outcome.diagnostics = with_excerpts(data, outcome.diagnostics, item.name)
    return outcome


def read_journey(item: Input, scope: Any = None, view: Callable[[Any], Any] | None = None) -> tuple[Journey | None, list[Diagnostic]]:
    """One input validated, for the commands that work on the journey itself (render, pains, export…).

    The libraries it uses (and the configured default libraries) are followed, so the journey holds
    their personas, channels, sources and teams after its own.
    Returns the journey when it is valid, else None and its findings, ready for the text reporter.
    ``view`` makes what the command reads from the valid ``validation.Checked`` instead of the models
    (`journey funnel` reads ``journey_view.checked_view``).
    """
    from .portfolio.uses import scope_of
    from .validation import validate

    data = read_input(item)
    if isinstance(data, Diagnostic):
        return None, [data]
    checked = validate(data, item.name, scope or scope_of())
    if checked.valid_data is not None:
        return checked.journey if view is None else view(checked), []
    return None, finished(with_excerpts(data, checked.diagnostics, item.name))


def finished(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Each finding once (a library's findings come with every journey that uses it), each with its source line."""
    found = list(dict.fromkeys(diagnostics))
    lines: dict[str, list[str]] = {}
    for n, d in enumerate(found):
        if d.excerpt is None and d.file != "<stdin>":
            if d.file not in lines:
                try:  # regular files within the size limit only: a finding can name /dev/zero
                    lines[d.file] = read_bytes(d.file, MAX_FILE_BYTES).decode("utf-8", "replace").splitlines()
                except (InputError, OSError):
                    lines[d.file] = []
            text = lines[d.file]
            if 0 < d.line <= len(text):
                found[n] = dataclasses.replace(d, excerpt=text[d.line - 1])
    return found


def _check_chunk(job: tuple[list[Input], FileCheck]) -> list[Outcome]:
    items, check = job
    return [check_one(item, check) for item in items]


def _can_fork() -> bool:
    """Whether workers can be forked; multiprocessing is imported only for many files (it costs a one-file run a tenth of its start-up)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def check_all(inputs: list[Input], check: FileCheck) -> Iterator[Outcome]:
    """The outcome of each input, in input order."""
    workers = min(os.cpu_count() or 1, 8)
    from_stdin = any(item.path is None for item in inputs)
    if len(inputs) < PARALLEL_FROM or workers < 2 or from_stdin or not _can_fork():
        for item in inputs:
            yield check_one(item, check)
        return
    import multiprocessing
    size = max(1, len(inputs) // (workers * 4))
    chunks = [(inputs[i : i + size], check) for i in range(0, len(inputs), size)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for results in pool.imap(_check_chunk, chunks):
            yield from results
