"""The review gate: what each change means (``kind``) and whether it makes the map better or worse (``review``).

The rules (docs/diff.md lists them for users), on changes between two
versions of one map:

- a step's ``emotion`` rises: improvement; falls: regression. A step that
  becomes a ``moment_of_truth`` while its emotion is negative: regression.
- a pain point added to a step that was already there: regression (one that
  comes with a new step or a new file maps new ground: neutral). Its
  ``severity`` or ``affected`` share rises: regression; falls: improvement.
- a pain point removed while its step stays is ``resolved``: improvement; one
  removed together with its step or stage is only ``removed``: neutral.
- an opportunity's ``status`` goes forward (idea → planned → in_progress →
  done): improvement; backwards: regression.
- a step's ``reach`` falls as a share of the entrants (more customers drop
  off before it): regression; rises: improvement.
- a metric's ``value`` moves toward its target: improvement; away:
  regression (measured against the new target, in the new ``better``
  direction). A changed ``target`` is its own kind, ``target raised`` or
  ``target lowered``, and is neutral: moving the goal is not progress.
- everything else (additions, removals, moves, renames, text) is neutral.

A pain point also counts as resolved, in the summary, when every opportunity
addressing it is ``done`` now and was not before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import Journey, Metric
from .changes import Change
from .index import index

STATUS_ORDER = {"idea": 0, "planned": 1, "in_progress": 2, "done": 3}
SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2, "critical": 3}
KINDS = ("id renamed", "resolved", "removed with its step", "toward target", "away from target", "target raised", "target lowered", "done", "more drop-off", "less drop-off")


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _up_or_down(old: Any, new: Any, worse_when_up: bool) -> str:
    a, b = _number(old), _number(new)
    if a is None or b is None or a == b:
        return "neutral"
    return "regression" if (b > a) == worse_when_up else "improvement"


def gap(value: float, target: float, better: str | None) -> float:
    """How far a value is from its target: the shortfall in the ``better`` direction, else the plain distance."""
    if better == "higher":
        return max(0.0, target - value)
    if better == "lower":
        return max(0.0, value - target)
    return abs(value - target)


class _Maps:
    """What the rules look up in the two versions (the old one with renamed ids already translated)."""

    def __init__(self, old: Journey | None, new: Journey | None) -> None:
        self.old_steps = index(old).step_models
        self.new_steps = index(new).step_models
        self.old_total = float(old.entrants or 1) if old else 1.0
        self.new_total = float(new.entrants or 1) if new else 1.0

    def metric(self, steps: dict, path: str) -> Metric | None:
        return metric_at(steps, path)


def metric_at(steps: dict[str, Any], path: str) -> Metric | None:
    """The metric at ``stages.S.steps.STEP.metrics.M``, found by its step id (its stage may differ between versions)."""
    parts = path.split(".")
    step = steps.get(parts[3])
    return next((m for m in step.metrics if m.id == parts[5]), None) if step else None


def classify(changes: list[Change], old: Journey | None, new: Journey | None) -> list[Change]:
    """``changes`` with their ``kind`` and ``review`` class set."""
    maps = _Maps(old, new)
    return [_classified(change, maps) for change in changes]


def _classified(change: Change, maps: _Maps) -> Change:
    kind, review = change.kind, "neutral"
    entity, op, name = change.entity, change.op, change.field
    if entity == "step" and op == "changed":
        if name == "emotion":
            review = _up_or_down(change.old, change.new, worse_when_up=False)
        elif name == "reach":
            kind, review = _reach(change, maps)
        elif name == "moment_of_truth" and change.new is True:
            step = maps.new_steps.get(change.id)
            review = "regression" if step is not None and step.emotion is not None and step.emotion < 0 else "neutral"
    elif entity == "pain_point":
        if op == "added":
            review = "regression" if change.step in maps.old_steps else "neutral"
        elif op == "removed":
            kind = "resolved" if change.step in maps.new_steps else "removed with its step"
            review = "improvement" if kind == "resolved" else "neutral"
        elif op == "changed" and name == "severity":
            review = _up_or_down(SEVERITY_ORDER.get(change.old), SEVERITY_ORDER.get(change.new), worse_when_up=True)
        elif op == "changed" and name == "affected":
            review = _up_or_down(change.old, change.new, worse_when_up=True)
    elif entity == "opportunity" and op == "changed" and name == "status":
        review = _up_or_down(STATUS_ORDER.get(change.old), STATUS_ORDER.get(change.new), worse_when_up=False)
        kind = "done" if change.new == "done" else kind
    elif entity == "metric" and op == "changed" and name in ("value", "target"):
        kind, review = _metric(change, maps)
    return replace(change, kind=kind, review=review) if (kind, review) != (change.kind, change.review) else change


def _reach(change: Change, maps: _Maps) -> tuple[str | None, str]:
    """A step reached by a smaller share of the entrants: more customers drop off before it (a regression)."""
    old, new = (v.get("default") if isinstance(v, dict) else v for v in (change.old, change.new))
    a, b = _number(old), _number(new)
    if a is None or b is None:
        return None, "neutral"
    review = _up_or_down(a / maps.old_total, b / maps.new_total, worse_when_up=False)
    return {"regression": "more drop-off", "improvement": "less drop-off"}.get(review), review


def _metric(change: Change, maps: _Maps) -> tuple[str | None, str]:
    if change.field == "target":
        a, b = _number(change.old), _number(change.new)
        if a is None or b is None:
            return None, "neutral"
        return ("target raised" if b > a else "target lowered"), "neutral"
    now, was = maps.metric(maps.new_steps, change.path), maps.metric(maps.old_steps, change.path)
    target = now.target if now is not None and now.target is not None else was.target if was is not None else None
    if now is None or target is None or _number(change.old) is None:
        return None, "neutral"
    better = now.better or (was.better if was is not None else None)
    before, after = gap(float(change.old), target, better), gap(now.value, target, better)
    if before == after:
        return None, "neutral"
    return ("toward target", "improvement") if after < before else ("away from target", "regression")


def addressed(old: Journey | None, new: Journey | None) -> list[str]:
    """Ids of the pain points in both versions whose every addressing opportunity is done now, and was not all done before."""

    def done(journey: Journey | None) -> dict[str, bool]:
        states: dict[str, bool] = {}
        for where in index(journey).opportunities.values():
            opportunity = where.item
            for pain in opportunity.addresses:
                states[pain] = states.get(pain, True) and opportunity.status == "done"
        return states

    before, after = done(old), done(new)
    had, pains = index(old).pains, index(new).pains
    return [pain for pain, all_done in after.items() if all_done and pain in pains and pain in had and not before.get(pain, False)]
