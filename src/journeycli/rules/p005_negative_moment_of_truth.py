"""P005 negative-moment-of-truth: a `moment_of_truth` step with negative emotion."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..presentation.quantities import signed
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    for step_id in ctx.resolved.order:
        step = ctx.resolved.steps[step_id]
        if step.moment_of_truth and step.emotion is not None and step.emotion < 0:
            yield Finding(
                (*ctx.step_path[step_id], "emotion"),
                f"`{step_id}` is a moment of truth and customers feel bad there (emotion {signed(step.emotion)})",
                "this is where customers decide; fix it first",
            )


RULE = LintRule(
    code="P005",
    name="negative-moment-of-truth",
    severity=Severity.ERROR,
    summary="A `moment_of_truth` step with negative emotion.",
    why="Moments of truth decide whether customers stay. A negative one is the most expensive problem on the map.",
    bad="- id: first-invoice\n  name: Sends first invoice\n  moment_of_truth: true\n  emotion: -1\n"
    "  pain_points:\n    - id: wrong-amount\n      description: The invoice shows the wrong amount.\n      severity: medium\n      sources: [survey]\n",
    good="- id: first-invoice\n  name: Sends first invoice\n  moment_of_truth: true\n  emotion: 1\n",
    check=check,
)
