"""Every rule journeycli knows, by code: the validation codes and the lint rules.

Adding a lint rule is adding one module with a ``RULE`` and listing it here.
"""

from __future__ import annotations

from functools import cache

from .base import LintRule, Rule
from .validation import VALIDATION_RULES


@cache
def lint_rules() -> tuple[LintRule, ...]:
    from . import (
        l001_empty_stage,
        l002_unreachable_step,
        l003_missing_owner,
        l004_stale_review,
        l005_unused_definition,
        l006_missing_emotion,
        l007_duplicate_name,
        l008_missing_objectives,
        l009_unsupported_pain_point,
        l010_bad_suppression,
        p001_unexplained_negative_emotion,
        p002_emotional_cliff,
        p003_unaddressed_pain_point,
        p004_metric_off_target,
        p005_negative_moment_of_truth,
        p006_pain_hotspot_stage,
        p007_negative_ending,
    )

    modules = (
        l001_empty_stage,
        l002_unreachable_step,
        l003_missing_owner,
        l004_stale_review,
        l005_unused_definition,
        l006_missing_emotion,
        l007_duplicate_name,
        l008_missing_objectives,
        l009_unsupported_pain_point,
        l010_bad_suppression,
        p001_unexplained_negative_emotion,
        p002_emotional_cliff,
        p003_unaddressed_pain_point,
        p004_metric_off_target,
        p005_negative_moment_of_truth,
        p006_pain_hotspot_stage,
        p007_negative_ending,
    )
    return tuple(module.RULE for module in modules)


def all_rules() -> list[Rule]:
    """All rules in code order (E…, L…, P…)."""
    return [*VALIDATION_RULES, *lint_rules()]


def by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}
