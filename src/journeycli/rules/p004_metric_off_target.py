"""P004 metric-off-target: a metric worse than its `target`, by its `better` direction."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..presentation.quantities import amount
from ..verdicts import on_target
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    for step_id in ctx.resolved.order:
        for n, metric in enumerate(ctx.resolved.steps[step_id].metrics):
            if on_target(metric) is False:
                yield Finding(
                    (*ctx.step_path[step_id], "metrics", n, "value"),
                    f"{metric.name or metric.id} at `{step_id}` is {amount(metric.value, metric.unit)}, "
                    f"{'below' if metric.better == 'higher' else 'above'} its target of {amount(metric.target, metric.unit)}",
                )


RULE = LintRule(
    code="P004",
    name="metric-off-target",
    severity=Severity.WARNING,
    summary="A metric worse than its `target`, by its `better` direction.",
    why="A KPI that misses its target marks a moment the business already agreed matters.",
    bad="metrics:\n  - id: conversion\n    value: 0.41\n    target: 0.5\n    better: higher\n",
    good="metrics:\n  - id: conversion\n    value: 0.55\n    target: 0.5\n    better: higher\n",
    details='A metric without `target` or without `better` cannot be judged and is skipped.',
    check=check,
)
