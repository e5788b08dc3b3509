"""The spreadsheet guard: CSV text cells that Excel or LibreOffice would run as a formula get a leading ``'``.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula to a spreadsheet (CSV injection); so is one that starts with ``'``
followed by one of them once the quote is read back, hence the recursion.
"""

from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(value: str) -> bool:
    return value.startswith(_FORMULA_START) or (value.startswith("'") and _needs_guard(value[1:]))


def guard(value: str) -> str:
    """A text cell a spreadsheet will show as text, never run as a formula."""
    return "'" + value if _needs_guard(value) else value


def unguard(value: str) -> str:
    """The text ``guard`` was given."""
    return value[1:] if value.startswith("'") and _needs_guard(value[1:]) else value
