"""The judgements that lint rules and the reports share, made once so they never disagree.

- ``on_target``: whether a metric meets its target (P004; export's Markdown
  and the diff's notes show the same verdict);
- ``stage_figures`` and ``StageFigures.hotspot``: each stage's mean emotion and
  pain count in a view, and whether it is a pain hotspot (P006, `journey pains`):
  mean emotion below 0, or at least ``hotspot_pain_count`` pain points.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .presentation.quantities import signed

if TYPE_CHECKING:
    from .flow import Resolved
    from .model import Metric, Stage, Step


def on_target(metric: Metric) -> bool | None:
    """Whether a metric meets its target by its `better` direction; None when it cannot be judged."""
    if metric.target is None or metric.better is None:
        return None
    return metric.value >= metric.target if metric.better == "higher" else metric.value <= metric.target


@dataclass(frozen=True)
class StageFigures:
    """A stage as one view (a persona's, or everyone's) sees it."""

    stage: Stage
    steps: list[Step]  # the steps of the stage the view walks, in flow order
    mean_emotion: Decimal | None  # exact; None when no step has an emotion
    pain_count: int

    def hotspot_reasons(self, hotspot_pain_count: int) -> list[str]:
        """Why the stage is a hotspot (empty when it is not)."""
        reasons = []
        if self.mean_emotion is not None and self.mean_emotion < 0:
            reasons.append(f"mean emotion {signed(self.mean_emotion, 2)}")
        if self.pain_count >= hotspot_pain_count:
            reasons.append(f"{self.pain_count} pain points")
        return reasons

    def hotspot(self, hotspot_pain_count: int) -> bool:
        return bool(self.hotspot_reasons(hotspot_pain_count))


def stage_figures(resolved: Resolved) -> list[StageFigures]:
    """Every stage of the journey, in order, with the figures of the steps the view walks."""
    by_stage: dict[str, list[Step]] = {}
    for step_id in resolved.order:
        by_stage.setdefault(resolved.stage_of[step_id].id, []).append(resolved.steps[step_id])
    figures = []
    for stage in resolved.journey.stages:
        steps = by_stage.get(stage.id, [])
        emotions = [s.emotion for s in steps if s.emotion is not None]
        mean = Decimal(sum(emotions)) / len(emotions) if emotions else None
        figures.append(StageFigures(stage, steps, mean, sum(len(s.pain_points) for s in steps)))
    return figures
