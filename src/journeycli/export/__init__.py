"""Exporters: a validated journey as text in another format (Mermaid, Markdown, CSV, JSON).

Each format lives in its own module as ``export(journey) -> str``; this module
only looks them up in ``choices.EXPORTERS``, importing a module when it is used. Exporters never print and never read the clock or the
environment, so the same journey always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from ..choices import EXPORTERS
from ..model import Journey

Exporter = Callable[[Journey], str]

FORMATS = EXPORTERS.names


def format_for(path: str) -> str | None:
    """The format an output path's suffix implies (so `-o map.md` needs no `--format`), if any."""
    return EXPORTERS.for_path(path)


def get(name: str) -> Exporter:
    """The exporter for a format name."""
    return EXPORTERS.get(name)
