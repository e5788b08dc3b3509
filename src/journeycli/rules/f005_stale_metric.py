"""F005 stale-metric: a metric whose `as_of` is older than `metric_age_months` (default 12)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule, Option
from .l004_stale_review import add_months


def check(ctx: Context) -> Iterator[Finding]:
    age = ctx.option("metric_age_months")
    steps = ctx.resolved.steps
    for step_id in ctx.resolved.order:
        for n, metric in enumerate(steps[step_id].metrics):
            if metric.as_of is not None and ctx.today > add_months(metric.as_of, age):
                yield Finding(
                    (*ctx.step_path[step_id], "metrics", n, "as_of"),
                    f"{metric.name or metric.id} at `{step_id}` was measured on {metric.as_of.isoformat()}, more than {age} months ago",
                    "measure it again and update `value` and `as_of`",
                )


RULE = LintRule(
    code="F005",
    name="stale-metric",
    severity=Severity.WARNING,
    summary="A metric whose `as_of` is older than `metric_age_months` (default 12).",
    why="An old measurement is read as today's. Targets are judged against it (P004) and decisions made on it.",
    bad="metrics:\n  - id: conversion\n    value: 0.41\n    as_of: 2024-03-31\n",
    good="metrics:\n  - id: conversion\n    value: 0.41\n    as_of: 2026-09-30\n",
    check=check,
    options=(Option("metric_age_months", int, 12, "Months after which a metric's `as_of` is too old."),),
)
