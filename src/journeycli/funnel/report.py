"""The funnel: the main path from the first step to the end, with reach and the drop at each step.

The main path starts at the first step and ends at ``to`` (by default the
last step in file order that has reach). At a branch it follows, among the
forward ways that still lead to the end, the one more customers take (the
first listed when reach does not tell). The drop at a main-path step is its
reach minus the reach of the next main-path step, known when every way to
that next step passes this one (it dominates it); where those customers go
comes from the drop-off model (``dropoff``). A stage's conversion is the
reach where the main path enters the next stage over the reach where it
enters this one, under the same condition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..flow import Resolved
from .dropoff import EPSILON, DropOff, StepFlow, compute

if TYPE_CHECKING:  # F002 builds this report from lint's journey views, without Pydantic
    from ..model import Opportunity, PainPoint, Stage, Step


@dataclass(frozen=True)
class PathStep:
    stage: Stage
    step: Step
    reach: float | None
    drop: float | None  # None on the last step, or when unknown (``reason``)
    reason: str | None
    flow: StepFlow
    after: str | None  # the next main-path step
    pain_points: tuple[PainPoint, ...]
    opportunities: tuple[Opportunity, ...]

    @property
    def drop_share(self) -> float | None:
        """The drop as a share of the customers who got to this step."""
        if self.drop is None or not self.reach:
            return None
        return self.drop / self.reach


@dataclass(frozen=True)
class StageConversion:
    stage: Stage
    entered: float | None
    converted: float | None  # customers who get to the next stage on the main path (or to the end)

    @property
    def conversion(self) -> float | None:
        if self.entered is None or self.converted is None or not self.entered:
            return None
        return self.converted / self.entered


@dataclass
class Funnel:
    model: DropOff
    path: list[PathStep]
    stages: list[StageConversion]
    end: str | None

    @property
    def resolved(self) -> Resolved:
        return self.model.resolved

    def ranked(self) -> list[PathStep]:
        """Main-path steps that lose customers, largest drop first; unknown drops after them, in path order."""
        steps = self.path[:-1]
        known = sorted((p for p in steps if p.drop), key=lambda p: -p.drop)
        return known + [p for p in steps if p.drop is None]

    @property
    def measured(self) -> bool:
        return any(p.reach is not None for p in self.path)


def _leads_to(model: DropOff, end: str) -> set[str]:
    """Steps from which forward edges lead to ``end`` (computed backwards in file order)."""
    resolved = model.resolved
    index = resolved.index
    found = {end}
    for s in reversed(resolved.order[: index[end]]):
        if any(t in found for t in model.successors[s] if index[t] > index[s]):
            found.add(s)
    return found


def main_path(model: DropOff, to: str | None = None) -> tuple[list[str], str | None]:
    resolved, r, index = model.resolved, model.reach, model.resolved.index
    if resolved.start is None:
        return [], None
    end = to or next((s for s in reversed(resolved.order) if r[s] is not None), resolved.order[-1])
    onward = _leads_to(model, end)
    path = [resolved.start]
    while path[-1] != end:
        here = path[-1]
        ways = [t for t in model.successors[here] if index[t] > index[here]]
        # a step some customers go round: the main path may go round it too
        ways += [u for t in ways if t in model.skipped for u in model.successors[t] if index[u] > index[t] and u not in ways]
        if here in onward:
            ways = [t for t in ways if t in onward]
        if not ways:
            break
        measured = [t for t in ways if r[t] is not None]
        path.append(max(measured, key=lambda t: (r[t], -ways.index(t))) if measured else ways[0])
    if to is None:  # the default end: stop after the last step that has reach
        while len(path) > 1 and r[path[-1]] is None:
            path.pop()
    return path, end


def build(resolved: Resolved, to: str | None = None) -> Funnel:
    """The funnel of one journey as ``resolved.persona`` walks it."""
    model = compute(resolved)
    ids, end = main_path(model, to)
    r = model.reach
    opportunity = {o.id: o for _, st in resolved.journey.steps() for o in st.opportunities}
    path: list[PathStep] = []
    for n, s in enumerate(ids):
        step = resolved.steps[s]
        drop, reason = None, None
        if n + 1 < len(ids):
            after = ids[n + 1]
            if r[s] is None:
                reason = f"`{s}` has no reach"
            elif r[after] is None:
                reason = f"`{after}` has no reach"
            elif not model.dominates(s, after):
                reason = f"customers can get to `{after}` without passing `{s}`, so the reach of `{after}` is not all from `{s}`"
            elif r[after] > r[s] + EPSILON * max(1.0, r[s]):
                reason = f"reach grows from `{s}` to `{after}`"
            else:
                drop = max(0.0, r[s] - r[after])
        opportunities = {o.id: o for o in step.opportunities}  # its own, then those elsewhere that address its pain points
        for pain in step.pain_points:
            for o in resolved.addressed_by.get(pain.id, []):
                opportunities.setdefault(o, opportunity[o])
        after_id = ids[n + 1] if n + 1 < len(ids) else None
        path.append(PathStep(resolved.stage_of[s], step, r[s], drop, reason, model.steps[s], after_id, tuple(step.pain_points), tuple(opportunities.values())))
    return Funnel(model, path, _stages(path, model), end)


def _stages(path: list[PathStep], model: DropOff) -> list[StageConversion]:
    firsts: list[PathStep] = []
    for p in path:
        if not firsts or firsts[-1].stage.id != p.stage.id:
            firsts.append(p)
    out = []
    for n, first in enumerate(firsts):
        last = firsts[n + 1] if n + 1 < len(firsts) else path[-1]
        converted = last.reach if model.dominates(first.step.id, last.step.id) else None
        out.append(StageConversion(first.stage, first.reach, converted))
    return out
