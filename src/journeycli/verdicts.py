"""The judgements that lint rules and the reports share, made once so they never disagree.

- ``on_target``: whether a metric meets its target (P004; export's Markdown
  and the diff's notes show the same verdict);
- ``addressing``: whether the opportunities that name a pain point in their
  `addresses` address it (P003, `journey pains`, the portfolio): one that is
  planned, in progress or done does; ideas alone do not;
- ``stage_figures`` and ``StageFigures.hotspot``: each stage's mean emotion and
  pain count in a view, and whether it is a pain hotspot (P006, `journey pains`):
  mean emotion below 0, at least ``hotspot_pain_count`` pain points, or a
  critical pain point.

docs/pains.md explains the pain verdicts to users.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from .presentation.quantities import signed

if TYPE_CHECKING:
    from .flow import Resolved
    from .model import Metric, Stage, Step


def on_target(metric: Metric) -> bool | None:
    """Whether a metric meets its target by its `better` direction; None when it cannot be judged."""
    if metric.target is None or metric.better is None:
        return None
    return metric.value >= metric.target if metric.better == "higher" else metric.value <= metric.target


UNDER_WAY = ("planned", "in_progress", "done")
"""Opportunity statuses that address a pain point: someone has committed to the work. An `idea` has not."""

AddressingVerdict = Literal["addressed", "ideas", "open"]


def addressing(statuses: Iterable[str]) -> AddressingVerdict:
    """``addressed`` when an opportunity is under way, ``ideas`` when there are only ideas, ``open`` when there is none."""
    found = set(statuses)
    if found & set(UNDER_WAY):
        return "addressed"
    return "ideas" if found else "open"


def addressing_of(resolved: Resolved) -> dict[str, AddressingVerdict]:
    """``addressing`` of every pain point some opportunity names, from the opportunities anywhere in the
    journey (whatever the persona); a pain point missing from the result is ``open``."""
    status = {o.id: o.status for _, step in resolved.journey.steps() for o in step.opportunities}
    return {pain: addressing(status[o] for o in ids if o in status) for pain, ids in resolved.addressed_by.items()}


@dataclass(frozen=True)
class StageFigures:
    """A stage as one view (a persona's, or everyone's) sees it."""

    stage: Stage
    steps: list[Step]  # the steps of the stage the view walks, in flow order
    mean_emotion: Decimal | None  # exact; None when no step has an emotion
    pain_count: int
    critical: tuple[str, ...] = ()  # ids of its critical pain points

    def hotspot_reasons(self, hotspot_pain_count: int) -> list[str]:
        """Why the stage is a hotspot (empty when it is not)."""
        reasons = []
        if self.mean_emotion is not None and self.mean_emotion < 0:
            reasons.append(f"mean emotion {signed(self.mean_emotion, 2)}")
        if self.pain_count >= hotspot_pain_count:
            reasons.append(f"{self.pain_count} pain points")
        if self.critical:
            ids = ", ".join(f"`{p}`" for p in self.critical)
            reasons.append(f"a critical pain point ({ids})" if len(self.critical) == 1 else f"{len(self.critical)} critical pain points ({ids})")
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
        pains = [p for s in steps for p in s.pain_points]
        critical = tuple(p.id for p in pains if p.severity == "critical")
        figures.append(StageFigures(stage, steps, mean, len(pains), critical))
    return figures
