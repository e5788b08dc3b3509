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


class Malformed(Exception):
    """The input cannot be imported; ``line`` (1-based) is where to look."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def get(name: str) -> Parser:
    """The parser for a ``--from`` name."""
    return IMPORTERS.get(name)


def format_for(path: str) -> str | None:
    """The format an input file's suffix implies (so `--from` can be left out), if any."""
    return IMPORTERS.for_path(path)
