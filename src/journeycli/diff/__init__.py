"""`journey diff`: what changed between two versions of a journey map, in the map's own terms.

The pipeline, one module each:

- ``sides``: read the two versions (files, ``REV:path`` through git, ``--base REV``);
- ``compare``: match every entity by id and list the changes (``Change``);
- ``summary``: counts, pain points and opportunities, emotion per stage, metrics;
- ``text``, ``markdown``, ``json_format``: the output formats (``write`` picks one);
- ``visual``: the ``--render`` SVG of the new map with the changes marked;
- the command itself (``commands.diff``) reads the sides and wires these together.

Nothing here prints except the output formats, and they only write to the
stream they are given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..choices import DIFF_FORMATS
from .changes import FileDiff

FORMATS = DIFF_FORMATS.names

Writer = Callable[[list[FileDiff], TextIO], None]


def writer(name: str) -> Writer:
    """The output function for a ``--format`` name; imported on use to keep start-up fast."""
    return DIFF_FORMATS.get(name)
