"""The human report: compiler-style findings with the source line and a caret, then a summary.

Lines are built as (text, style) segments: Rich styles them on a terminal,
and plain output joins the text, which keeps reports of thousands of
findings fast.
"""

from __future__ import annotations

from typing import TextIO

from ..diagnostics import Diagnostic, Severity
from ..presentation.terminal import console, printable
from . import Report

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

Segments = list[tuple[str, str]]

EXCERPT_WIDTH = 160
"""Characters of a source line shown under a finding: a window around the column, so a
one-line file of megabytes (a long flow list, minified YAML) cannot make each of its
findings print the whole line again (output quadratic in the file)."""


def _window(line: str, column: int) -> tuple[str, int]:
    """The part of ``line`` shown for ``column`` (from 1), and where the caret goes in it (from 0)."""
    at = max(column - 1, 0)
    if len(line) <= EXCERPT_WIDTH:
        return line, at
    start = min(max(at - EXCERPT_WIDTH // 3, 0), max(len(line) - EXCERPT_WIDTH, 0))
    shown = line[start : start + EXCERPT_WIDTH]
    before, after = ("…" if start else ""), ("…" if start + EXCERPT_WIDTH < len(line) else "")
    return before + shown + after, at - start + len(before)


def _finding(d: Diagnostic) -> list[Segments]:
    lines: list[Segments] = [
        [
            (f"{printable(d.file)}:{d.line}:{d.column}: ", "bold"),
            (d.severity.label, STYLE[d.severity]),
            (f" {d.code} ", "bold"),
            (printable(d.message), ""),
            (f"  [{d.rule}]", "dim"),
        ]
    ]
    gutter = " " * len(str(d.line))
    if d.excerpt is not None:
        from rich.cells import cell_len  # only with findings: a clean run's report starts no Rich

        shown, at = _window(d.excerpt, d.column)
        source = printable(shown.replace("\t", " "))
        caret_at = cell_len(source[:at])
        lines.append([(f" {d.line} │ ", "blue"), (source, "")])
        lines.append([(f" {gutter} │ ", "blue"), (" " * caret_at + "^", STYLE[d.severity])])
    if d.hint:
        lines.append([(f" {gutter} = ", "blue"), ("hint: ", "bold"), (printable(d.hint), "")])
    lines.append([])
    return lines


def summary_line(result: Report) -> Segments:
    s = result.summary
    files = f"{s.files} file{'' if s.files == 1 else 's'}"
    if not result.diagnostics:
        return [("✔ ", "bold green"), (f"{files} checked, no problems", "")]
    counts = [(f"{n} {word}{'' if n == 1 else 's'}", style) for n, word, style in ((s.errors, "error", "bold red"), (s.warnings, "warning", "yellow"), (s.infos, "info", "cyan")) if n]
    affected = len({d.file for d in result.diagnostics})
    segments: Segments = [("✖ " if s.errors else "● ", "bold red" if s.errors else "yellow")]
    for i, count in enumerate(counts):
        segments += [(", ", "")] * bool(i) + [count]
    return segments + [(f" in {affected} of {files} checked", "")]


def report(result: Report, out: TextIO) -> None:
    lines = [line for d in result.diagnostics for line in _finding(d)]
    lines.append(summary_line(result))
    con = console(out)
    if con is None:
        out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.text import Text

    for line in lines:
        con.print(Text.assemble(*line))
