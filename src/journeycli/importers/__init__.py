"""Importers: start a journey file from a Mermaid ``journey`` diagram or a CSV spreadsheet.

Each format lives in its own module as ``parse(text) -> Draft``; a ``Draft``
(``draft.py``) makes the ids and writes the YAML. A file that cannot be read
raises ``Malformed`` with the line to fix, before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..choices import IMPORTERS

if TYPE_CHECKING:
    from .draft import Draft

Parser = Callable[[str], "Draft"]

FORMATS = IMPORTERS.names


CODES = {
    "I001": "unreadable-input",  # not UTF-8, a control character
    "I002": "csv-header",  # an empty file, an unknown, missing or repeated column
    "I003": "csv-row",  # a row that is not CSV, or a cell that cannot be read
    "I004": "mermaid-syntax",  # a line that is not Mermaid's journey grammar
}
"""The stable codes of ``journey import``'s findings (docs/export-import.md)."""


class Malformed(Exception):
    """The input cannot be imported; ``line`` (1-based) is where to look.

    ``column`` is 1-based; None means the line's first character that is not a
    space. The CSV parser names the ``cell`` (a column name, then its index)
    and turns it into the column where that cell starts.
    """

    def __init__(self, line: int, message: str, code: str, *, column: int | None = None, cell: str | int | None = None) -> None:
        super().__init__(message)
        self.line, self.message, self.code, self.column, self.cell = line, message, code, column, cell


def get(name: str) -> Parser:
    """The parser for a ``--from`` name."""
    return IMPORTERS.get(name)


def format_for(path: str) -> str | None:
    """The format an input file's suffix implies (so `--from` can be left out), if any."""
    return IMPORTERS.for_path(path)
