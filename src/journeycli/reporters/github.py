"""GitHub Actions workflow commands: one ``::error file=…`` line per finding.

GitHub shows only the first few annotations of each kind per step, so a
plain summary line follows them in the log.
"""

from __future__ import annotations

from typing import TextIO

from ..diagnostics import Severity
from ..presentation.quantities import plural
from ..presentation.terminal import printable
from . import Report
from .locations import relative_path

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """A message: line breaks kept as GitHub's escapes, every other control character made visible (a raw ESC in a log)."""
    return printable(text, keep_lines=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace("\t", " ")


def _property(text: str) -> str:
    """A property (the file name): nothing in it may end the command or start another one."""
    return printable(text).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


def report(result: Report, out: TextIO) -> None:
    for d in result.diagnostics:
        properties = ",".join(
            (
                f"file={_property(relative_path(d.file))}",  # GitHub places annotations by repository-relative path
                f"line={d.line}",
                f"col={d.column}",
                f"title={_property(f'{d.code} {d.rule}')}",
            )
        )
        out.write(f"::{_COMMAND[d.severity]} {properties}::{_data(d.full_message)}\n")
    s = result.summary
    out.write(f"journey: {plural(s.files, 'file')} checked: {plural(s.errors, 'error')}, {plural(s.warnings, 'warning')}, {plural(s.infos, 'info')}\n")
