"""P002 emotional-cliff: emotion falls by ≥ 2 (configurable) from a step to a step it leads to."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..presentation.quantities import signed
from .base import Context, Finding, LintRule, Option


def check(ctx: Context) -> Iterator[Finding]:
    resolved = ctx.resolved
    reached = resolved.reachable()
    landings = resolved.emotion_landings()
    cliff = ctx.option("cliff")
    for step_id in resolved.order:
        before = resolved.steps[step_id].emotion
        if before is None or step_id not in reached:
            continue
        for target in landings(step_id):
            landing = resolved.steps[target]
            after = landing.emotion
            if before - after >= cliff:
                yield Finding(
                    (*ctx.step_path[target], "emotion"),
                    f"emotion falls from {signed(before)} at `{step_id}` to {signed(after)} at `{target}` (a drop of {before - after})",
                    None if landing.pain_points else f"Find out what goes wrong between these steps, and record it as a pain point of `{target}`.",
                )


RULE = LintRule(
    code="P002",
    name="emotional-cliff",
    severity=Severity.WARNING,
    summary="Emotion falls by ≥ 2 from a step to a step it leads to.",
    why="Sudden drops are where customers abandon; they deserve attention even when neither step is at the bottom.",
    bad="- id: add-to-cart\n  name: Adds to cart\n  emotion: 2\n- id: see-shipping\n  name: Sees shipping cost\n  emotion: 0\n",
    good="- id: add-to-cart\n  name: Adds to cart\n  emotion: 1\n- id: see-shipping\n  name: Sees shipping cost\n  emotion: 0\n",
    details=(
        'Reported at the step where the emotion lands. Steps without an emotion (e.g. backstage) are passed '
        'through; unreachable steps are left to L002.'
    ),
    check=check,
    options=(Option("cliff", int, 2, "How far emotion must fall from one step to the next to be a cliff."),),
)
