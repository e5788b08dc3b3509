"""F004 undated-metric: a metric without `as_of`, in a journey that dates its numbers elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    journey, steps = ctx.journey, ctx.resolved.steps
    dates = journey.reach_as_of is not None or any(
        step.reach_as_of is not None or any(m.as_of is not None for m in step.metrics) for step in steps.values()
    )
    if not dates:
        return
    for step_id in ctx.resolved.order:
        for n, metric in enumerate(steps[step_id].metrics):
            if metric.as_of is None:
                yield Finding(
                    (*ctx.step_path[step_id], "metrics", n, "value"),
                    f"{metric.name or metric.id} at `{step_id}` has no `as_of` date, though the journey dates its other numbers",
                    "add `as_of: YYYY-MM-DD`: the day the value was measured",
                    at_key=True,
                )


RULE = LintRule(
    code="F004",
    name="undated-metric",
    severity=Severity.INFO,
    summary="A metric with no `as_of`, in a journey that dates its numbers elsewhere (`as_of` or `reach_as_of`).",
    why="A number without a date looks as true years later as the day it was typed in. Readers cannot tell "
    "which figures are current once some carry a date and others do not.",
    bad="metrics:\n  - id: conversion\n    value: 0.41\n  - id: exit-rate\n    value: 0.2\n    as_of: 2026-10-31\n",
    good="metrics:\n  - id: conversion\n    value: 0.41\n    as_of: 2026-10-31\n  - id: exit-rate\n    value: 0.2\n    as_of: 2026-10-31\n",
    details=(
        'Only journeys that give an `as_of` on some metric or a `reach_as_of` are checked: once a map dates '
        'its numbers, an undated one cannot be told apart from a fresh one. Maps that date nothing (all v1 '
        'maps before `as_of`) are left alone. Info by default.'
    ),
    check=check,
)
