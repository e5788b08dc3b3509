"""The summary of a diff: what a reviewer asks first.

- counts of changes by op, and by entity and op (``changed`` counts fields);
- pain points added and resolved (resolved: no longer in the map);
- opportunities added, and done (status ``done`` now, and not before);
- the mean emotion of every stage before and after (steps without an
  emotion are left out; null when a stage has none or does not exist);
- metrics that moved toward or away from their target. The distance to the
  target is the shortfall when ``better`` is set (a value past the target in
  the better direction counts as on target), else the plain distance. Each
  side uses its own target, or the other side's when it has none; metrics
  without any target are not classified.

Every list entry names its ``file`` so that the summaries of several files
(``--base``) merge by adding counts and joining lists.
"""

from __future__ import annotations

from typing import Any

from ..model import Journey, Metric
from .changes import ENTITIES, OPS, Change, plain
from .compare import interleave


TREND_FIELDS = ("value", "target", "better")
"""Changes to these fields of a metric can move it toward or away from its target."""


def summarize(file: str, changes: list[Change], old: Journey | None, new: Journey | None) -> dict[str, Any]:
    summary: dict[str, Any] = {"files": 1, "changes": len(changes), **dict.fromkeys(OPS, 0)}
    entities: dict[str, dict[str, int]] = {}
    for change in changes:
        summary[change.op] += 1
        counts = entities.setdefault(change.entity, dict.fromkeys(OPS, 0))
        counts[change.op] += 1
    summary["entities"] = {entity: entities[entity] for entity in ENTITIES if entity in entities}
    summary["pain_points"] = {
        "added": _refs(file, changes, "pain_point", "added"),
        "resolved": _refs(file, changes, "pain_point", "removed"),
    }
    summary["opportunities"] = {"added": _refs(file, changes, "opportunity", "added"), "done": _done(file, changes, old, new)}
    summary["emotion"] = _emotion(file, old, new)
    summary["metrics"] = _metrics(file, changes, old, new)
    return summary


def merge(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary for several files: counts added up, lists joined."""
    total: dict[str, Any] = {"files": 0, "changes": 0, **dict.fromkeys(OPS, 0), "entities": {}}
    total.update(pain_points={"added": [], "resolved": []}, opportunities={"added": [], "done": []}, emotion=[], metrics=[])
    for summary in summaries:
        for key in ("files", "changes", *OPS):
            total[key] += summary[key]
        for entity, counts in summary["entities"].items():
            into = total["entities"].setdefault(entity, dict.fromkeys(OPS, 0))
            for op, count in counts.items():
                into[op] += count
        for group in ("pain_points", "opportunities"):
            for key, refs in summary[group].items():
                total[group][key].extend(refs)
        total["emotion"].extend(summary["emotion"])
        total["metrics"].extend(summary["metrics"])
    total["entities"] = {entity: total["entities"][entity] for entity in ENTITIES if entity in total["entities"]}
    return total


def _refs(file: str, changes: list[Change], entity: str, op: str) -> list[dict[str, str]]:
    return [{"file": file, "id": c.id, "path": c.path, "label": c.label} for c in changes if c.entity == entity and c.op == op]


def _done(file: str, changes: list[Change], old: Journey | None, new: Journey | None) -> list[dict[str, str]]:
    before = {o.id: o.status for _, step in (old.steps() if old else ()) for o in step.opportunities}
    paths = {c.id: c.path for c in changes if c.entity == "opportunity" and c.op != "removed"}
    return [
        {"file": file, "id": o.id, "path": paths[o.id], "label": o.description}
        for _, step in (new.steps() if new else ())
        for o in step.opportunities
        if o.status == "done" and before.get(o.id) != "done"
    ]


def _mean(emotions: list[int]) -> float | None:
    return round(sum(emotions) / len(emotions), 2) if emotions else None


def _emotion(file: str, old: Journey | None, new: Journey | None) -> list[dict[str, Any]]:
    def means(journey: Journey | None) -> dict[str, tuple[str, float | None]]:
        return {
            stage.id: (stage.name, _mean([s.emotion for s in stage.steps if s.emotion is not None]))
            for stage in (journey.stages if journey else ())
        }

    before, after = means(old), means(new)
    rows = []
    for stage_id in interleave(list(after), list(before), after):
        name = (after.get(stage_id) or before[stage_id])[0]
        rows.append({"file": file, "stage": stage_id, "name": name, "old": before.get(stage_id, (None, None))[1], "new": after.get(stage_id, (None, None))[1]})
    return rows


def _gap(metric: Metric, target: float, better: str | None) -> float:
    if better == "higher":
        return max(0.0, target - metric.value)
    if better == "lower":
        return max(0.0, metric.value - target)
    return abs(metric.value - target)


def _metrics(file: str, changes: list[Change], old: Journey | None, new: Journey | None) -> list[dict[str, Any]]:
    paths = dict.fromkeys(c.path for c in changes if c.entity == "metric" and c.op == "changed" and c.field in TREND_FIELDS)
    if not paths:
        return []
    old_steps = {step.id: step for _, step in old.steps()} if old else {}
    new_steps = {step.id: step for _, step in new.steps()} if new else {}
    rows = []
    for path in paths:
        parts = path.split(".")
        step_id, metric_id = parts[3], parts[5]
        was = next(m for m in old_steps[step_id].metrics if m.id == metric_id)
        now = next(m for m in new_steps[step_id].metrics if m.id == metric_id)
        old_target = was.target if was.target is not None else now.target
        new_target = now.target if now.target is not None else was.target
        if old_target is None or new_target is None:
            continue
        better = now.better or was.better
        old_gap, new_gap = _gap(was, old_target, better), _gap(now, new_target, better)
        if old_gap == new_gap:
            continue
        rows.append(
            {
                "file": file,
                "id": metric_id,
                "path": path,
                "label": now.name or metric_id,
                "old": plain(was.value),
                "new": plain(now.value),
                "target": plain(new_target),
                "trend": "toward" if new_gap < old_gap else "away",
            }
        )
    return rows
