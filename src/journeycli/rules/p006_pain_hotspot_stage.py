"""P006 pain-hotspot-stage: a stage whose mean emotion is below 0, with 3 (configurable) or more pain points, or with a
critical pain point. The verdict is ``verdicts.StageFigures.hotspot``, the same one `journey pains` shows."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..verdicts import stage_figures
from .base import Context, Finding, LintRule, Option


def check(ctx: Context) -> Iterator[Finding]:
    for figures in stage_figures(ctx.resolved):
        reasons = figures.hotspot_reasons(ctx.option("hotspot_pain_count"))
        if reasons:
            stage = figures.stage
            yield Finding((*ctx.stage_path[stage.id], "id"), f"the stage `{stage.id}` is a pain hotspot: {' and '.join(reasons)}")


RULE = LintRule(
    code="P006",
    name="pain-hotspot-stage",
    severity=Severity.INFO,
    summary="A stage whose mean emotion is below 0, with 3 or more pain points, or with a `critical` pain point.",
    why="Hotspots show where to start: a stage that hurts on average, or piles up problems, is the best place for a "
    "focused improvement effort.",
    bad="steps:\n  - {id: a, name: A, emotion: -1, pain_points: [{id: p, description: Slow., severity: low, sources: [survey]}]}\n  - {id: b, name: B, emotion: 0}\n",
    good="steps:\n  - {id: a, name: A, emotion: 1}\n  - {id: b, name: B, emotion: 0}\n",
    details="A critical pain point makes its stage a hotspot even when the stage feels fine on average: one step where "
    "customers are badly hurt outweighs pleasant steps around it. `journey pains` shows the same verdict (docs/pains.md).",
    check=check,
    options=(Option("hotspot_pain_count", int, 3, "Pain points that make a stage a hotspot whatever its emotion; `journey pains` uses it too."),),
)
