"""L006 missing-emotion: a frontstage step without `emotion`. Backstage and support steps need none."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    for step_id in ctx.resolved.order:
        step = ctx.resolved.steps[step_id]
        if step.layer == "frontstage" and step.emotion is None:
            yield Finding((*ctx.step_path[step_id], "id"), f"the step `{step_id}` has no `emotion`", "add `emotion:` from -2 (very negative) to 2 (very positive)")


RULE = LintRule(
    code="L006",
    name="missing-emotion",
    severity=Severity.INFO,
    summary="A frontstage step without `emotion`.",
    why="The emotion curve is what makes a journey map more than a process chart; a gap hides how the customer feels there.",
    bad="- id: pay\n  name: Pays\n",
    good="- id: pay\n  name: Pays\n  emotion: 1\n",
    check=check,
)
