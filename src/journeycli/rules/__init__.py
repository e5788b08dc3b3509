"""Every rule journeycli knows, by code: the validation codes and the lint rules."""

from __future__ import annotations

from .base import Rule
from .validation import VALIDATION_RULES


def all_rules() -> list[Rule]:
    """All rules in code order (E…, L…, P…)."""
    return list(VALIDATION_RULES)


def by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}
