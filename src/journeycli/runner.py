"""Checking many files: one check function per file, on all cores when it pays off.

The check function (validate, or lint with its settings) must be a picklable
top-level callable, because workers receive it by reference. Workers return
only diagnostics: shipping models between processes would cost more than
building them.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic
from .inputs import Input, InputError
from .rules.validation import E001

if TYPE_CHECKING:
    from .model import Journey

FileCheck = Callable[[bytes, str], list[Diagnostic]]

PARALLEL_FROM = 24
"""Below this many files a process pool costs more than it saves."""


def with_excerpts(data: bytes, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` sorted, each with its source line for the text reporter's caret."""
    if not diagnostics:
        return diagnostics
    # Only a line feed ends a line, as in the loader's positions (splitlines would also split at U+2028…).
    lines = [line.removesuffix("\r") for line in data.decode("utf-8", "replace").split("\n")]
    return sorted(
        (dataclasses.replace(d, excerpt=lines[d.line - 1] if 0 < d.line <= len(lines) else None) for d in diagnostics),
        key=Diagnostic.sort_key,
    )


def _read(item: Input) -> bytes | Diagnostic:
    """The input's bytes; a file that cannot be read is a finding, not a crash."""
    try:
        return item.read()
    except InputError as error:
        return E001.at(item.name, (1, 1), str(error))
    except OSError as error:
        return E001.at(item.name, (1, 1), f"cannot read the file: {error.strerror or error}")


def check_one(item: Input, check: FileCheck) -> list[Diagnostic]:
    """Read and check one input."""
    data = _read(item)
    if isinstance(data, Diagnostic):
        return [data]
    return with_excerpts(data, check(data, item.name))


def read_journey(item: Input) -> tuple[Journey | None, list[Diagnostic]]:
    """One input validated, for the commands that work on the journey itself (render, pains, export…).

    Returns the journey when it is valid, else None and its findings, ready for the text reporter.
    """
    from .validation import validate

    data = _read(item)
    if isinstance(data, Diagnostic):
        return None, [data]
    checked = validate(data, item.name)
    if checked.journey is not None:
        return checked.journey, []
    return None, with_excerpts(data, checked.diagnostics)


def _check_chunk(job: tuple[list[Input], FileCheck]) -> list[list[Diagnostic]]:
    items, check = job
    return [check_one(item, check) for item in items]


def check_all(inputs: list[Input], check: FileCheck) -> Iterator[list[Diagnostic]]:
    """Diagnostics per input, in input order."""
    workers = min(os.cpu_count() or 1, 8)
    from_stdin = any(item.path is None for item in inputs)
    if len(inputs) < PARALLEL_FROM or workers < 2 or from_stdin or "fork" not in multiprocessing.get_all_start_methods():
        for item in inputs:
            yield check_one(item, check)
        return
    size = max(1, len(inputs) // (workers * 4))
    chunks = [(inputs[i : i + size], check) for i in range(0, len(inputs), size)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for results in pool.imap(_check_chunk, chunks):
            yield from results
