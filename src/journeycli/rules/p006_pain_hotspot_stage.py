"""P006 pain-hotspot-stage: a stage whose mean emotion is below 0, or with 3 (configurable) or more pain points."""

from __future__ import annotations

from ..diagnostics import Severity
from .base import Finding, LintRule


def check(ctx):
    by_stage: dict[str, list] = {}
    for step_id in ctx.resolved.order:
        by_stage.setdefault(ctx.resolved.stage_of[step_id].id, []).append(ctx.resolved.steps[step_id])
    for stage in ctx.journey.stages:
        steps = by_stage.get(stage.id, [])
        emotions = [s.emotion for s in steps if s.emotion is not None]
        pains = sum(len(s.pain_points) for s in steps)
        reasons = []
        if emotions and sum(emotions) / len(emotions) < 0:
            reasons.append(f"mean emotion {sum(emotions) / len(emotions):+.1f}")
        if pains >= ctx.settings.hotspot_pain_count:
            reasons.append(f"{pains} pain points")
        if reasons:
            yield Finding((*ctx.stage_path[stage.id], "id"), f"the stage `{stage.id}` is a pain hotspot: {' and '.join(reasons)}")


RULE = LintRule(
    code="P006",
    name="pain-hotspot-stage",
    severity=Severity.INFO,
    summary="A stage whose mean emotion is below 0, or with 3 or more pain points.",
    why="Hotspots show where to start: a stage that hurts on average, or piles up problems, is the best place for a "
    "focused improvement effort.",
    bad="steps:\n  - {id: a, name: A, emotion: -1}\n  - {id: b, name: B, emotion: 0}\n",
    good="steps:\n  - {id: a, name: A, emotion: 1}\n  - {id: b, name: B, emotion: 0}\n",
    check=check,
)
