"""The human report: compiler-style findings with the source line and a caret, then a summary.

Lines are built as (text, style) segments: Rich styles them on a terminal,
and plain output joins the text, which keeps reports of thousands of
findings fast.

A source line that would not fit ``LINE_CELLS`` terminal cells with its
gutter (a one-line JSON file, a minified list) is shown as a window around
the column, with `…` on each side that was cut, so the caret stays on screen
under the right character; the window does not depend on the terminal, so
the report is the same bytes everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..diagnostics import Diagnostic, Severity
from ..presentation.terminal import console, is_terminal, printable
from . import Report

if TYPE_CHECKING:
    from rich.console import Console

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

Segments = list[tuple[str, str]]

LINE_CELLS = 80
"""The widest excerpt line with its gutter, in terminal cells: an 80-column terminal shows it unwrapped (a narrower one clips to its own width)."""

_LEFT_CONTEXT = 25
"""Cells kept before the column when the start of a long line is cut: enough to show the key in front of a value."""

ELLIPSIS = "…"


def clip(source: str, column: int, cells: int, prepare: Callable[[str], str] = str) -> tuple[str, int]:
    """``source`` cut to at most ``cells`` terminal cells around ``column`` (1-based), and the caret's cell offset in it.

    Widths are counted per character (a CJK character takes two cells, a combining
    mark none), so the caret lands under the character at ``column`` whatever the script.
    ``prepare`` (one character for one, such as ``printable``) is applied to the part that can be shown.
    """
    cells = max(cells, 12)
    index = min(max(column - 1, 0), len(source))
    # Only the characters that can be shown are prepared and measured: a one-line file of megabytes with
    # thousands of findings must not cost the whole line per finding (report time quadratic in the file).
    low, high = max(index - 2 * cells, 0), index + 2 * cells
    cut_before, cut_after = low > 0, high < len(source)
    source, index = prepare(source[low:high]), index - low
    if len(source) <= cells and source.isascii():  # the usual line: one cell per character, nothing to cut
        return source, index
    from rich.cells import get_character_cell_size  # only with findings: a clean run's report starts no Rich

    context = min(_LEFT_CONTEXT, cells // 3)
    widths = [1] * len(source) if source.isascii() else [get_character_cell_size(char) for char in source]
    caret = sum(widths[:index])
    if sum(widths) <= cells and not (cut_before or cut_after):
        return source, caret
    start = 0
    if cut_before or caret + 1 > cells - 1 - context:  # the caret and some text after it would not fit: cut the start
        start, before = index, 0
        while start > 0 and before + widths[start - 1] <= context - 1:
            start -= 1
            before += widths[start]
    lead = ELLIPSIS if start or cut_before else ""
    budget = cells - len(lead)
    end, used = start, 0
    while end < len(source) and used + widths[end] <= budget:
        used += widths[end]
        end += 1
    if end < len(source) or cut_after:  # make room for the closing ellipsis
        while used + 1 > budget:
            end -= 1
            used -= widths[end]
    tail = ELLIPSIS if end < len(source) or cut_after else ""
    return lead + source[start:end] + tail, len(lead) + sum(widths[start:index])


def _shown(source: str) -> str:
    return printable(source.replace("\t", " "))


def _finding(d: Diagnostic, cells: int, where: str) -> list[Segments]:
    """The lines of one finding; ``where`` is its file name, already made printable (reports repeat it thousands of times)."""
    style = STYLE[d.severity]
    lines: list[Segments] = [
        [
            (f"{where}:{d.line}:{d.column}: ", "bold"),
            (d.severity.label, style),
            (f" {d.code} ", "bold"),
            (printable(d.message), ""),
            (f"  [{d.rule}]", "dim"),
        ]
    ]
    gutter = " " * len(str(d.line))
    if d.excerpt is not None:
        number = f" {d.line} │ "
        source, caret_at = clip(d.excerpt, d.column, cells - len(number), _shown)
        lines.append([(number, "blue"), (source, "")])
        lines.append([(f" {gutter} │ ", "blue"), (" " * caret_at + "^", style)])
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


_BATCH = 2000
"""Findings written per ``write`` of plain text: a report of 50,000 findings is never one string in memory."""


def report(result: Report, out: TextIO) -> None:
    con = console(out)
    cells = min(LINE_CELLS, con.width) if con is not None and is_terminal(out) else LINE_CELLS  # an excerpt never wraps under its caret
    names: dict[str, str] = {}
    diagnostics = result.diagnostics
    for start in range(0, len(diagnostics), _BATCH):
        lines = [line for d in diagnostics[start : start + _BATCH] for line in _finding(d, cells, names.get(d.file) or names.setdefault(d.file, printable(d.file)))]
        _write(lines, con, out)
    _write([summary_line(result)], con, out)


def _write(lines: list[Segments], con: Console | None, out: TextIO) -> None:
    if con is None:
        out.write("".join(["".join([text for text, _ in line]) + "\n" for line in lines]))
        return
    from rich.text import Text

    for line in lines:
        con.print(Text.assemble(*line))
