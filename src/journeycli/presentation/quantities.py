"""Numbers in sentences: counts with the right plural, signed emotions, metric values with their unit.

One style for every report: an emotion is `+1`, `0` or `-1` (never `+0`); a
mean emotion has two decimals everywhere (lint, pains, diff); a value whose
unit is `ratio` (or `share`) is a share and reads as a percentage; a count of
one takes the singular of a unit people write in the plural (`1 day`).
"""

from __future__ import annotations

from decimal import Decimal

_SINGULAR = {
    "days": "day", "hours": "hour", "minutes": "minute", "seconds": "second", "weeks": "week", "months": "month",
    "years": "year", "calls": "call", "clicks": "click", "steps": "step", "visits": "visit", "tickets": "ticket",
    "customers": "customer", "people": "person", "users": "user", "errors": "error", "pages": "page", "mins": "min",
    "secs": "sec", "hrs": "hr", "working days": "working day", "business days": "business day",
}
_SHARE_UNITS = {"ratio", "share", "fraction"}


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 file`, `2 files` (``many`` for irregular plurals)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def signed(value: int | float | Decimal, places: int = 0) -> str:
    """`+1`, `0`, `-1` (with ``places`` decimals: `+0.50`, `0.00`): zero has no sign."""
    return f"{value:+.{places}f}" if value else f"{0:.{places}f}"


def number(value: float) -> str:
    """A metric's number as people write it: `0.4`, `3.5`, `1200`."""
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.6g}"


def amount(value: float, unit: str | None) -> str:
    """A metric value with its unit: `31%` for a ratio, `1 day`, `3.5 minutes`, `0.4` without a unit."""
    if not unit:
        return number(value)
    if unit.strip().lower() in _SHARE_UNITS:
        return f"{number(round(value * 100, 4))}%"
    singular = _SINGULAR.get(unit.strip().lower())
    shown = unit if singular is None or value != 1 else (singular if unit.islower() else singular.capitalize())
    return f"{number(value)} {shown}"
