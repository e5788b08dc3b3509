"""The human report: compiler-style findings with the source line and a caret, then a summary."""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.text import Text

from ..diagnostics import Diagnostic, Severity
from ..terminal import console, emit
from . import Report

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _finding(d: Diagnostic) -> list[Text]:
    lines = [
        Text.assemble(
            (f"{d.file}:{d.line}:{d.column}: ", "bold"),
            (d.severity.label, STYLE[d.severity]),
            (f" {d.code} ", "bold"),
            (d.message, ""),
            (f"  [{d.rule}]", "dim"),
        )
    ]
    if d.excerpt is not None:
        source = d.excerpt.replace("\t", " ")
        number = str(d.line)
        gutter = " " * len(number)
        caret_at = cell_len(source[: max(d.column - 1, 0)])
        lines.append(Text.assemble((f" {number} │ ", "blue"), (source, "")))
        lines.append(Text.assemble((f" {gutter} │ ", "blue"), (" " * caret_at + "^", STYLE[d.severity])))
    if d.hint:
        lines.append(Text.assemble((f" {' ' * len(str(d.line))} = ", "blue"), ("hint: ", "bold"), (d.hint, "")))
    return lines


def summary_line(result: Report) -> Text:
    s = result.summary
    files = f"{s.files} file{'' if s.files == 1 else 's'}"
    if not result.diagnostics:
        return Text.assemble(("✔ ", "bold green"), (f"{files} checked, no problems", ""))
    parts = []
    for count, word, style in ((s.errors, "error", "bold red"), (s.warnings, "warning", "yellow"), (s.infos, "info", "cyan")):
        if count:
            parts.append((f"{count} {word}{'' if count == 1 else 's'}", style))
    affected = len({d.file for d in result.diagnostics})
    text = Text.assemble(("✖ " if s.errors else "● ", "bold red" if s.errors else "yellow"))
    for i, part in enumerate(parts):
        text.append(", " if i else "")
        text.append(*part)
    text.append(f" in {affected} of {files} checked")
    return text


def report(result: Report, out: TextIO) -> None:
    con = console(out)
    for d in result.diagnostics:
        for line in _finding(d):
            emit(con, out, line)
        emit(con, out, Text(""))
    emit(con, out, summary_line(result))
