"""What the commands share around their inputs: finding journey files, reading them valid, reporting the invalid.

One rule decides where the findings of an invalid input are printed
(``report_invalid``): on standard error when standard output carries what the
command makes for a file or a program (an export, a picture on ``-o -``, the
terminal map of `journey show`, JSON, CSV or Markdown), so that they never end
up inside it; on standard output when that is a text report for a person
(`journey pains` as text) or holds nothing (`journey render` writing files).
`validate` and `lint` print findings as their report, in the format asked.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from ..inputs import Input, discover
from ..usage import NoJourneyFiles, UsageError

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..model import Journey


def find(paths: tuple[str, ...] | list[str], globs: tuple[str, ...], max_bytes: int | None = None) -> list[Input]:
    """The journey files under ``paths`` (the current directory when none); none at all is a usage error.

    Files larger than ``max_bytes`` (default: the nearest configuration's `max_file_size`) are refused when read.
    """
    inputs = discover(list(paths) or ["."], globs, max_bytes)
    if not inputs:
        raise NoJourneyFiles(f"no journey files ({', '.join(globs)}) found in {', '.join(paths or ['.'])}")
    return inputs


def read_valid(inputs: list[Input], scope: Any = None, view: Any = None) -> tuple[list[tuple[Input, Journey]], list[Diagnostic]]:
    """The valid journeys among ``inputs``, and the findings of the others.

    ``scope`` (``portfolio.uses.Scope``) says how to follow `uses`: by default, with the nearest configuration;
    ``view``, what is read from a valid file instead of the models (``runner.read_journey``).
    """
    from ..portfolio.uses import scope_of
    from ..runner import read_journey

    scope = scope or scope_of()
    valid, findings = [], []
    for item in inputs:
        journey, found = read_journey(item, scope, view)
        if journey is None:
            findings.extend(found)
        else:
            valid.append((item, journey))
    return valid, findings


def read_one(path: str) -> tuple[Input, Journey | None, list[Diagnostic]]:
    """The one journey file (or ``-``) a command works on: its input, and its journey or its findings."""
    from ..runner import read_journey

    if os.path.isdir(path):
        raise UsageError(f"{path} is a directory; give one journey file")
    (item,) = discover([path])
    journey, findings = read_journey(item)
    return item, journey, findings


def report_invalid(files: list[str], findings: list[Diagnostic], *, data_on_stdout: bool) -> None:
    """Print the findings of invalid inputs with the text reporter, on the stream the module's rule picks."""
    from .. import reporters
    from ..runner import finished

    reporters.get("text")(reporters.Report(files, finished(findings)), sys.stderr if data_on_stdout else sys.stdout)
