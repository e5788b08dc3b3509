"""Where every value of a loaded YAML document stands in its source.

The loader builds plain Python data for Pydantic and, beside it, this tree of
positions. Diagnostics look positions up by the same path Pydantic reports
(``("stages", 2, "steps", 0, "id")``), so messages point at the line and
column a person edits rather than at a JSON path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Position = tuple[int, int]  # 1-based line, column


@dataclass(slots=True)
class ScalarLoc:
    """A scalar's position, and its source text when YAML turned it into a non-string."""

    pos: Position
    raw: str | None = None


@dataclass(slots=True)
class MapLoc:
    """A mapping's position and, per key, the key's position and the value's locations."""

    pos: Position
    keys: dict[Any, tuple[Position, Loc]]


@dataclass(slots=True)
class SeqLoc:
    """A sequence's position and its items' locations."""

    pos: Position
    items: list[Loc]


Loc = Position | ScalarLoc | MapLoc | SeqLoc
"""A plain-text scalar is just its position: most values are, and this keeps loading lean."""


def position(loc: Loc) -> Position:
    return loc if isinstance(loc, tuple) else loc.pos


class _Later:
    """Stands for the locations below a value that the quick load did not record (``loader``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<later>"


LATER = _Later()


class SourceMap:
    """Finds the position of a value or key by its path in the loaded data.

    A quick load records positions only near the top (what a valid file's digest points at); the first
    path that reaches below them builds the full map with ``complete``.
    """

    def __init__(self, root: Loc | _Later | None, complete: Callable[[], Loc | None] | None = None) -> None:
        self.root = root
        self._complete = complete

    def node(self, path: tuple[Any, ...]) -> tuple[Loc | None, Position | None]:
        """The deepest location reachable along ``path`` and, if the last step was a key, its key position."""
        loc = self.root
        key_pos = None
        for part in path:
            if loc is LATER:
                break
            if isinstance(loc, MapLoc) and part in loc.keys:
                key_pos, loc = loc.keys[part]
            elif isinstance(loc, SeqLoc) and isinstance(part, int) and 0 <= part < len(loc.items):
                key_pos, loc = None, loc.items[part]
            else:
                return loc, None
        if loc is LATER and self._complete is not None:
            self.root, self._complete = self._complete(), None
            return self.node(path)
        return loc, key_pos  # type: ignore[return-value]

    def value(self, path: tuple[Any, ...]) -> Position:
        """Position of the value at ``path``; for a missing key, the mapping that lacks it."""
        loc, _ = self.node(path)
        return position(loc) if loc is not None else (1, 1)

    def key(self, path: tuple[Any, ...]) -> Position:
        """Position of the key that ends ``path`` (falls back to the value's position)."""
        loc, key_pos = self.node(path)
        if key_pos is not None:
            return key_pos
        return position(loc) if loc is not None else (1, 1)

    def raw(self, path: tuple[Any, ...]) -> str | None:
        """The source text of a scalar that YAML read as a non-string (``no`` → False)."""
        loc, _ = self.node(path)
        return loc.raw if isinstance(loc, ScalarLoc) else None
