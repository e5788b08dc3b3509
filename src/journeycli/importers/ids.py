"""Making valid, unique ids from the names people write.

Imported diagrams and spreadsheets name things ("Pays by card", "支払い") but a
journey needs ids (``^[a-z0-9][a-z0-9_-]*$``, at most 64 characters). A name is
folded to ASCII, lowercased and its other characters turned into ``-``; a name
with nothing left (CJK, emoji) gets a numbered fallback such as ``step-3``.
A repeated id gets ``-2``, ``-3``… so the journey stays valid.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import ID_MAX_LENGTH, ID_PATTERN

_VALID = re.compile(ID_PATTERN)


def slugify(text: str) -> str:
    """``"Pays by card!"`` → ``pays-by-card``; an id that is already valid stays as it is; may return ``""``."""
    text = text.strip()
    if _VALID.match(text) and len(text) <= ID_MAX_LENGTH:
        return text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_text)
    slug = re.sub(r"-{2,}", "-", slug).strip("-_")
    return slug[:ID_MAX_LENGTH].rstrip("-_")


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
