"""Making unique ids from the names people write in imported diagrams and spreadsheets.

A name becomes an id by ``ids.slugify``; a name with nothing left (CJK,
emoji) gets a numbered fallback such as ``step-3``. A repeated id gets ``-2``,
``-3``… so the journey stays valid.
"""

from __future__ import annotations

from ..ids import ID_MAX_LENGTH, slugify


class UniqueIds:
    """Hands out ids that are unique within one namespace (stages, steps, personas…)."""

    def __init__(self, fallback: str) -> None:
        self._fallback = fallback
        self._used: set[str] = set()

    def make(self, text: str) -> str:
        """An unused id for ``text``; ``fallback-N`` (N counts ids handed out) when the text has no usable letters."""
        base = slugify(text) or f"{self._fallback}-{len(self._used) + 1}"
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            suffix = f"-{n}"
            candidate = base[: ID_MAX_LENGTH - len(suffix)].rstrip("-_") + suffix
        self._used.add(candidate)
        return candidate
