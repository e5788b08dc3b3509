"""Exporters: a validated journey as text in another format (Mermaid, Markdown, CSV, JSON).

Each format lives in its own module as ``export(journey) -> str``; this module
only maps ``--format`` names (and output file suffixes) to them, importing a
module when it is used. Exporters never print and never read the clock or the
environment, so the same journey always gives the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..model import Journey

Exporter = Callable[[Journey], str]

FORMATS = ("mermaid", "markdown", "csv", "json")

SUFFIXES = {".mmd": "mermaid", ".mermaid": "mermaid", ".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".json": "json"}
"""Output file suffixes that name a format, so `-o map.md` needs no `--format`."""


def format_for(path: str) -> str | None:
    """The format an output path's suffix implies, if any."""
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def get(name: str) -> Exporter:
    """The exporter for a format name."""
    if name == "mermaid":
        from .mermaid import export
    elif name == "markdown":
        from .markdown import export
    elif name == "csv":
        from .csv_format import export
    elif name == "json":
        from .json_format import export
    else:
        raise KeyError(name)
    return export
