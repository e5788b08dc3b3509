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


@dataclass(slots=True)  # not frozen: one per main-path step, and frozen dataclasses are slow to build
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
    index, successors = resolved.index, model.successors
    found = {end}
    for s in reversed(resolved.order[: index[end]]):
        i = index[s]
        for t in successors[s]:
            if t in found and index[t] > i:
                found.add(s)
                break
    return found


def main_path(model: DropOff, to: str | None = None) -> tuple[list[str], str | None]:
    resolved, r, index = model.resolved, model.reach, model.resolved.index
    if resolved.start is None:
        return [], None
    successors, skipped = model.successors, model.skipped
    end = to or next((s for s in reversed(resolved.order) if r[s] is not None), resolved.order[-1])
    onward = _leads_to(model, end)
    path = [resolved.start]
    here = path[-1]
    while here != end:
        i = index[here]
        ways = [t for t in successors[here] if index[t] > i]
        if skipped:  # a step some customers go round: the main path may go round it too
            ways += [u for t in ways if t in skipped for u in successors[t] if index[u] > index[t] and u not in ways]
        if here in onward:
            ways = [t for t in ways if t in onward]
        if not ways:
            break
        best = ways[0]  # the way more customers take; the first listed on a tie or without reach
        for t in ways:
            if r[t] is not None and (r[best] is None or r[t] > r[best]):
                best = t
        here = best
        path.append(here)
    if to is None:  # the default end: stop after the last step that has reach
        while len(path) > 1 and r[path[-1]] is None:
            path.pop()
    return path, end


def build(resolved: Resolved, to: str | None = None) -> Funnel:
    """The funnel of one journey as ``resolved.persona`` walks it."""
    model = compute(resolved)
    ids, end = main_path(model, to)
    r, flows, stage_of, steps = model.reach, model.steps, resolved.stage_of, resolved.steps
    addressed_by = resolved.addressed_by
    elsewhere: dict[str, Opportunity] | None = None  # opportunity id -> opportunity, built when a pain point is addressed
    path: list[PathStep] = []
    last = len(ids) - 1
    for n, s in enumerate(ids):
        step = steps[s]
        here = r[s]
        drop, reason, after = None, None, None
        if n < last:
            after = ids[n + 1]
            there = r[after]
            if here is None:
                reason = f"`{s}` has no reach"
            elif there is None:
                reason = f"`{after}` has no reach"
            elif not model.dominates(s, after):
                reason = f"customers can get to `{after}` without passing `{s}`, so the reach of `{after}` is not all from `{s}`"
            elif there > here + EPSILON * max(1.0, here):
                reason = f"reach grows from `{s}` to `{after}`"
            else:
                drop = max(0.0, here - there)
        pains = tuple(step.pain_points)
        opportunities: tuple[Opportunity, ...] = tuple(step.opportunities)
        if pains and addressed_by:  # its own, then those elsewhere that address its pain points
            chosen = {o.id: o for o in opportunities}
            for pain in pains:
                for o in addressed_by.get(pain.id, ()):
                    if o not in chosen:
                        if elsewhere is None:
                            elsewhere = {o.id: o for _, st in resolved.journey.steps() for o in st.opportunities}
                        chosen[o] = elsewhere[o]
            opportunities = tuple(chosen.values())
        path.append(PathStep(stage_of[s], step, here, drop, reason, flows[s], after, pains, opportunities))
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
