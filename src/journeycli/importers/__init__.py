"""Importers: start a journey file from a Mermaid ``journey`` diagram or a CSV spreadsheet.

Each format lives in its own module as ``parse(text) -> Draft``; a ``Draft``
(``draft.py``) makes the ids and writes the YAML. A file that cannot be read
raises ``Malformed`` with the line to fix, before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .draft import Draft

Parser = Callable[[str], "Draft"]

FORMATS = ("mermaid", "csv")

SUFFIXES = {".mmd": "mermaid", ".mermaid": "mermaid", ".md": "mermaid", ".markdown": "mermaid", ".csv": "csv", ".tsv": "csv"}
"""Input file suffixes that name a format, so `--from` can be left out."""


class Malformed(Exception):
    """The input cannot be imported; ``line`` (1-based) is where to look."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def get(name: str) -> Parser:
    """The parser for a ``--from`` name."""
    if name == "mermaid":
        from .mermaid import parse
    elif name == "csv":
        from .csv_format import parse
    else:
        raise KeyError(name)
    return parse
