"""Where every value of a loaded YAML document stands in its source.

The loader builds plain Python data for Pydantic and, beside it, this tree of
positions. Diagnostics look positions up by the same path Pydantic reports
(``("stages", 2, "steps", 0, "id")``), so messages point at the line and
column a person edits rather than at a JSON path.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, islice
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


class Lines:
    """Line and column of a character offset, counting only line feeds as line breaks (as editors and GitHub do)."""

    _CHUNK = 1 << 18
    """Characters split at a time: a large file is never held again as one string per line (35 MB of them at 20,000 steps)."""

    def __init__(self, text: str | bytes) -> None:
        """``text``: the decoded file, or the bytes of an ASCII one (the same offsets)."""
        feed = b"\n" if isinstance(text, bytes) else "\n"
        # 4 bytes a line (a large file has a million), the whole table made at once: growing it copied it again and again
        starts = array("I" if len(text) < 0xFFFFFFFF else "q", [0]) * (text.count(feed) + 2)  # type: ignore[arg-type]
        at = 1
        for low in range(0, len(text), self._CHUNK):
            lines = text[low : low + self._CHUNK].split(feed)  # type: ignore[arg-type]
            found = array(starts.typecode, islice(accumulate(map((1).__add__, map(len, lines[:-1])), initial=low), 1, None))
            starts[at : at + len(found)] = found
            at += len(found)
        starts[at] = len(text) + 1  # past the end, as if the text ended with a line feed
        self.starts = starts

    def at(self, index: int) -> Position:
        line = bisect_right(self.starts, index)
        return (line, index - self.starts[line - 1] + 1)


class SourceMap:
    """Finds the position of a value or key by its path in the loaded data (the full load's tree of locations)."""

    def __init__(self, root: Loc | None) -> None:
        self.root = root

    def node(self, path: tuple[Any, ...]) -> tuple[Loc | None, Position | None]:
        """The deepest location reachable along ``path`` and, if the last step was a key, its key position."""
        loc = self.root
        key_pos = None
        for part in path:
            if isinstance(loc, MapLoc) and part in loc.keys:
                key_pos, loc = loc.keys[part]
            elif isinstance(loc, SeqLoc) and isinstance(part, int) and 0 <= part < len(loc.items):
                key_pos, loc = None, loc.items[part]
            else:
                return loc, None
        return loc, key_pos

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


_COUNTED_EACH_TIME = 32
"""Lists up to this long have their item slots counted on every path through them, not kept: a table per step's
short list (its metrics, its pain points) cost lint 6 MB at 80,000 steps; the stages' steps are counted once."""


class FlatMap(SourceMap):
    """The same answers as ``SourceMap`` from one flat array of numbers, laid out like the event stream.

    The quick load (``loader._quick``) appends, in document order, the character offset of each key
    and scalar, and two numbers per mapping or list: its offset and the slot just past its last
    descendant; offsets become lines and columns once a position is asked for. A path is then found by walking the data beside it: within a mapping a key's slot
    follows the previous value's, and a long list's item slots are counted once, on first use. About
    five bytes per value instead of a location object each, and nothing built until a finding asks.
    The walk relies on what the quick load guarantees: no aliases or merges (every value appears
    once, where it is written) and mappings in the order written.
    """

    def __init__(self, data: Any, slots: array, raw_slots: array, raws: list[str], source: bytes) -> None:
        super().__init__(None)
        self.data = data
        self.slots = slots
        self.raw_slots, self.raws = raw_slots, raws  # the scalars YAML converted (`no` → False): slots, ascending, and source texts
        self.source = source  # the file's bytes (UTF-8, only line feeds break lines: what the quick load accepts)
        self._items: dict[int, tuple[list, array]] = {}  # id of a long list → (the list, its items' slots)
        self._lines: Lines | None = None
        self._counted = 0  # characters scanned to count lines before there was a table
        self._ascii = source.isascii()  # then a character's offset is its byte's

    def _pos(self, slot: int) -> Position:
        offset = self.slots[slot]
        if self._lines is None:
            source = self.source
            if self._counted + offset <= len(source) // 4 and self._ascii:  # a few positions near the top (a valid file's digest): count lines up to each
                self._counted += offset
                return (source.count(b"\n", 0, offset) + 1, offset - source.rfind(b"\n", 0, offset))
            self._lines = Lines(source if self._ascii else source.decode("utf-8"))  # many, or far down: index every line once
        return self._lines.at(offset)

    def _item_slot(self, items: list, slot: int, index: int) -> int:
        """The slot of ``items[index]`` (``items`` at ``slot``): counted each time in a short list, once in a long one."""
        if len(items) <= _COUNTED_EACH_TIME:
            return next(islice(self._item_slots(items, slot), index, None))
        known = self._items.get(id(items))
        if known is None or known[0] is not items:
            known = self._items[id(items)] = (items, array("I", self._item_slots(items, slot)))
        return known[1][index]

    def _item_slots(self, items: list, slot: int) -> Iterator[int]:
        """The slot of each item of ``items`` (at ``slot``): a list or mapping spans up to its end slot."""
        slots = self.slots
        at = slot + 2
        for item in items:
            yield at
            at = slots[at + 1] if type(item) is dict or type(item) is list else at + 1

    def _find(self, path: tuple[Any, ...]) -> tuple[Any, int, int | None]:
        """The deepest value reachable along ``path``, its slot and, if the last step was a key, the key's slot."""
        value, slot, key_slot = self.data, 0, None
        slots = self.slots
        for part in path:
            if type(value) is dict:
                if part not in value:
                    return value, slot, None
                at = slot + 2
                for key, item in value.items():
                    if key == part:
                        value, slot, key_slot = item, at + 1, at
                        break
                    at = slots[at + 2] if type(item) is dict or type(item) is list else at + 2
            elif type(value) is list and type(part) is int and 0 <= part < len(value):
                value, slot, key_slot = value[part], self._item_slot(value, slot, part), None
            else:
                return value, slot, None
        return value, slot, key_slot

    def _raw(self, slot: int) -> str | None:
        found = bisect_left(self.raw_slots, slot)
        return self.raws[found] if found < len(self.raw_slots) and self.raw_slots[found] == slot else None

    def node(self, path: tuple[Any, ...]) -> tuple[Loc | None, Position | None]:
        """As ``SourceMap.node``; a mapping or list is given by its position alone."""
        _, slot, key_slot = self._find(path)
        raw = self._raw(slot)
        pos = self._pos(slot)
        return (pos if raw is None else ScalarLoc(pos, raw)), (None if key_slot is None else self._pos(key_slot))

    # value, key and raw as SourceMap's, each computing only the position it gives (lint asks thousands)

    def value(self, path: tuple[Any, ...]) -> Position:
        return self._pos(self._find(path)[1])

    def key(self, path: tuple[Any, ...]) -> Position:
        _, slot, key_slot = self._find(path)
        return self._pos(slot if key_slot is None else key_slot)

    def raw(self, path: tuple[Any, ...]) -> str | None:
        return self._raw(self._find(path)[1])
