"""`journey pains`: every pain point scored and ranked, and each stage's hotspot figures.

One module each:

- ``score``: the scoring, ranking and hotspots (``report`` builds a ``PainReport``);
- ``cells``: what every format shows the same way (numbers, labels, summary, legend);
- ``text``, ``json_format``, ``markdown``, ``csv_format``: the output formats (``writer`` picks one);
- the command itself is ``commands.pains``.

Nothing here prints except the output formats, and they only write to the
stream they are given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..choices import PAINS_FORMATS

if TYPE_CHECKING:
    from .score import PainReport

FORMATS = PAINS_FORMATS.names

Writer = Callable[[list["PainReport"], TextIO], None]


def writer(name: str) -> Writer:
    """The output function for a ``--format`` name; imported on use to keep start-up fast."""
    return PAINS_FORMATS.get(name)
