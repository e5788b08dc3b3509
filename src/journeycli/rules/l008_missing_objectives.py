"""L008 missing-objectives: no `objectives`."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.journey.objectives:
        yield Finding((), "the journey has no `objectives`", "say what the mapping exercise should achieve, e.g. a metric to move")


RULE = LintRule(
    code="L008",
    name="missing-objectives",
    severity=Severity.INFO,
    summary="No `objectives`.",
    why="Without objectives a map is a description, not a tool: nobody can tell which pain points matter most.",
    bad="format: 1\nid: checkout\ntitle: Checkout\n",
    good="format: 1\nid: checkout\ntitle: Checkout\nobjectives:\n  - Cut cart abandonment below 55%\n",
    check=check,
)
