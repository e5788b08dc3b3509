"""L002 unreachable-step: a step the flow never reaches from the first step."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    reached = ctx.resolved.reachable()
    for step_id in ctx.resolved.order:
        if step_id not in reached:
            yield Finding(
                (*ctx.step_path[step_id], "id"),
                f"no path through the flow reaches the step `{step_id}`",
                "check the `next` lists before it: one of them should lead here",
            )


RULE = LintRule(
    code="L002",
    name="unreachable-step",
    severity=Severity.WARNING,
    summary="A step the flow never reaches from the first step.",
    why="A `next` list replaces the default flow; a step no `next` leads to is usually a forgotten branch or a typo, "
    "and the map's flow silently skips it.",
    bad="- id: pay\n  name: Pays\n  next: [confirm]\n- id: retry\n  name: Retries payment\n- id: confirm\n  name: Confirmation\n",
    good="- id: pay\n  name: Pays\n  next: [confirm, retry]\n- id: retry\n  name: Retries payment\n- id: confirm\n  name: Confirmation\n",
    details='Flow rules (P002, P007) ignore unreachable steps, so each is reported once, here.',
    check=check,
)
