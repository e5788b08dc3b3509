"""Dates written as text: exactly ``YYYY-MM-DD`` in ASCII digits, the one form journey files and CSVs accept.

``date.fromisoformat`` alone is not the rule: from Python 3.11 it also takes
ISO week dates (``2026-W48-1``, ten characters too) and other basic forms,
so the same file would be valid on one machine and not on another.
"""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def parse_iso_date(text: str) -> date | None:
    """The day ``text`` names as YYYY-MM-DD, or None when it is not one (another form, or a day that does not exist)."""
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
