"""The runner's check functions for `journey validate` and `journey lint` with libraries and links followed.

Each returns the file's findings and, unless told the run checks nothing ``across`` files, its digest (``links``).
"""

from __future__ import annotations

from typing import Any

from ..runner import Outcome
from .digest import digest
from .library import check_library, is_library_name


def validate_check(data: bytes, file: str, scope: Any, across: bool = True) -> Outcome:
    """Validate a journey (or, by its name, a library file given directly)."""
    from ..validation import validate

    if is_library_name(file):
        return Outcome(check_library(data, file).diagnostics)
    checked = validate(data, file, scope)
    return Outcome(checked.diagnostics, digest(checked) if across else None)


def lint_check(data: bytes, file: str, scope: Any, settings: Any, across: bool = True) -> Outcome:
    from ..lint import lint_checked
    from ..validation import validate

    if is_library_name(file):
        return Outcome(check_library(data, file).diagnostics)
    checked = validate(data, file, scope)  # every position is kept (FlatMap), and a valid file skips Pydantic
    return Outcome(lint_checked(checked, settings), digest(checked) if across else None)


def portfolio_check(data: bytes, file: str, scope: Any, settings: Any, today: Any) -> Outcome:
    """Validate a journey and, when it is valid, make its share of the portfolio report."""
    from ..validation import validate
    from .report import part

    if is_library_name(file):
        return Outcome(check_library(data, file).diagnostics)
    checked = validate(data, file, scope)
    return Outcome(checked.diagnostics, part(checked.journey, file, settings, today) if checked.journey is not None else None)
