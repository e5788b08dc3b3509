"""Journey ids: what makes one valid, the one way to make one from a name, and the one message for a bad one.

An id is ``^[a-z0-9][a-z0-9_-]*$`` and at most ``ID_MAX_LENGTH`` characters. A
name becomes an id by folding it to ASCII (``Café Été`` → ``cafe-ete``),
lowercasing it and turning every other run of characters into one ``-``; a name
with nothing left (CJK, emoji) gives ``""``. Validation (E002's hint),
`journey init`, and `journey import` (its ids and ``--id``) all use these.
"""

from __future__ import annotations

import re
import unicodedata

from .usage import UsageError

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
ID_MAX_LENGTH = 64
ID_RULE = "ids use lowercase letters, digits, `-` and `_`, and start with a letter or digit"

_VALID = re.compile(ID_PATTERN)


def is_id(text: str) -> bool:
    return bool(_VALID.match(text)) and len(text) <= ID_MAX_LENGTH


def slugify(text: str) -> str:
    """``"Pays by card!"`` → ``pays-by-card``; an id that is already valid stays as it is; may return ``""``."""
    text = text.strip()
    if is_id(text):
        return text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_text)
    slug = re.sub(r"-{2,}", "-", slug).strip("-_")
    return slug[:ID_MAX_LENGTH].rstrip("-_")


def suggestion(text: str) -> str | None:
    """``for example: …`` with the id made from ``text``, when one can be made."""
    slug = slugify(text)
    return f"for example: {slug}" if slug else None


def require_id(text: str) -> str:
    """``text`` when it is a valid id; otherwise a usage error that says the rule and suggests one."""
    if is_id(text):
        return text
    hint = suggestion(text)
    raise UsageError(f"`{text}` is not a valid id: {ID_RULE}, at most {ID_MAX_LENGTH} characters" + (f"; {hint}" if hint else ""))
