"""Every rule journeycli knows, by code: the validation codes and the lint rules.

A lint rule is one module here named after its code (``p002_emotional_cliff``)
with a ``RULE``; it is found by its name, so adding a rule changes nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

from .base import LintRule, Option, Rule
from .error_codes import VALIDATION_RULES

LINT_FAMILIES = "FLP"
"""First letters of the lint rule codes: F (funnel and data freshness), L (quality), P (pain points)."""

_RULE_MODULE = re.compile(r"[flp]\d{3}_\w+")


@cache
def lint_rules() -> tuple[LintRule, ...]:
    """The F, L and P rules, in code order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if _RULE_MODULE.fullmatch(m.name))
    return tuple(importlib.import_module(f"{__name__}.{name}").RULE for name in names)


def all_rules() -> list[Rule]:
    """All rules in code order (E…, F…, L…, P…)."""
    return [*VALIDATION_RULES, *lint_rules()]


@cache
def options() -> dict[str, Option]:
    """Every rule option by name (the keys of ``[thresholds]``), in rule order."""
    return {option.name: option for rule in lint_rules() for option in rule.options}


def by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}
