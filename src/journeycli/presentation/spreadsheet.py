"""The spreadsheet guard: CSV text cells that Excel or LibreOffice would run as a formula get a leading ``'``.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula to a spreadsheet (CSV injection); so is one that starts with ``'``
followed by one of them once the quote is read back, hence the recursion.
LibreOffice also runs a formula at the start of any line inside a cell, so
every line is guarded, not only the first.

``csv_line`` writes a row: a cell holding a comma, a quote, a carriage return
or a line feed is quoted. Python's ``csv`` writer quotes a bare CR only when it
is part of its line terminator, and an unquoted CR splits the row in a
spreadsheet, which then runs what follows as a cell of its own.

``field_starts`` says where each cell of a line read back begins, for findings.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_QUOTED = re.compile(r'[,"\r\n]')


def _needs_guard(value: str, start: int = 0) -> bool:
    """Whether the line of ``value`` that begins at ``start`` would run as a formula."""
    return value.startswith(_FORMULA_START, start) or (value.startswith("'", start) and _needs_guard(value, start + 1))


def _line_starts(value: str) -> list[int]:
    return [0, *(match.end() for match in _LINE_BREAK.finditer(value))]


def guard(value: str) -> str:
    """A text cell a spreadsheet will show as text, never run as a formula: each line that would gets a ``'``."""
    pieces, last = [], 0
    for start in _line_starts(value):
        if _needs_guard(value, start):
            pieces += [value[last:start], "'"]
            last = start
    return "".join(pieces) + value[last:] if pieces else value


def unguard(value: str) -> str:
    """The text ``guard`` was given."""
    pieces, last = [], 0
    for start in _line_starts(value):
        if value.startswith("'", start) and _needs_guard(value, start + 1):
            pieces.append(value[last:start])
            last = start + 1
    return "".join(pieces) + value[last:] if pieces else value


def _cell(value: object) -> str:
    text = str(value)
    return '"' + text.replace('"', '""') + '"' if _QUOTED.search(text) else text


def csv_line(cells) -> str:
    """One CSV row ending in ``\\n``; cells are written as given (guard text cells first)."""
    return ",".join(map(_cell, cells)) + "\n"


def field_starts(line: str, delimiter: str = ",") -> list[int]:
    """The 1-based character column where each field of a CSV line starts (quotes understood)."""
    starts, quoted = [1], False
    for n, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(n + 2)
    return starts
