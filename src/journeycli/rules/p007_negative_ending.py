"""P007 negative-ending: the journey's last step, or an exit step (`next: []`), ends with negative emotion."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..presentation.quantities import signed
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    resolved = ctx.resolved
    reached = resolved.reachable()
    for step_id in resolved.order:
        step = resolved.steps[step_id]
        if step_id in reached and resolved.is_exit(step_id) and step.emotion is not None and step.emotion < 0:
            yield Finding(
                (*ctx.step_path[step_id], "emotion"),
                f"the journey ends at `{step_id}` with a negative emotion ({signed(step.emotion)})",
                "people remember how an experience ends; look for a way to end this path better",
            )


RULE = LintRule(
    code="P007",
    name="negative-ending",
    severity=Severity.WARNING,
    summary="The journey's last step (or an exit step) ends with negative emotion.",
    why="The end of an experience weighs heavily in how it is remembered (the peak-end rule).",
    bad="- id: leaves\n  name: Leaves the site\n  emotion: -2\n  next: []\n",
    good="- id: leaves\n  name: Leaves with a saved cart\n  emotion: 0\n  next: []\n",
    details='Only steps the flow reaches count; an ending without an emotion is not judged.',
    check=check,
)
