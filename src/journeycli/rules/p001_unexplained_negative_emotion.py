"""P001 unexplained-negative-emotion: emotion ≤ -1 on a step with no pain point."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..presentation.quantities import signed
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    for step_id in ctx.resolved.order:
        step = ctx.resolved.steps[step_id]
        if step.emotion is not None and step.emotion <= -1 and not step.pain_points:
            yield Finding(
                (*ctx.step_path[step_id], "emotion"),
                f"customers feel bad at `{step_id}` (emotion {signed(step.emotion)}) but the step has no pain point saying why",
                "add a pain point that explains the feeling",
            )


RULE = LintRule(
    code="P001",
    name="unexplained-negative-emotion",
    severity=Severity.WARNING,
    summary="Emotion ≤ -1 on a step with no pain point.",
    why="A low point on the emotion curve with no pain point gives the team nothing to act on: nobody knows what hurts.",
    bad="- id: pay\n  name: Pays\n  emotion: -1\n",
    good="- id: pay\n  name: Pays\n  emotion: -1\n  pain_points:\n    - id: card-declined\n      description: Cards are declined without a reason.\n",
    check=check,
)
