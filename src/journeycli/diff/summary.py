"""The summary of a diff: what a reviewer asks first.

- counts of changes by op, by entity and op (``changed`` counts fields), and
  by review class (``review``);
- pain points added, resolved (gone while their step stays, or every
  opportunity addressing them done now: ``review.addressed``) and removed
  (gone with their step or stage);
- opportunities added, and done (status ``done`` now, and not before);
- the mean emotion of every stage before and after (steps without an
  emotion are left out; null when a stage has none or does not exist), with
  what moved it: how many of the stage's steps changed emotion, and how many
  steps came in (added or moved here) or went out;
- metrics whose value moved toward or away from their target (the review
  rule), and, apart, metrics whose target was raised or lowered.

Every list entry names its ``file`` so that the summaries of several files
(``--base``) merge by adding counts and joining lists.
"""

from __future__ import annotations

from typing import Any

from ..model import Journey
from .changes import CLASSES, ENTITIES, OPS, Change, plain
from .compare import interleave
from .index import index
from .review import addressed, metric_at


def summarize(file: str, changes: list[Change], old: Journey | None, new: Journey | None) -> dict[str, Any]:
    """The summary of one file's changes (``old`` with renamed ids already translated, as ``compare`` saw it)."""
    summary: dict[str, Any] = {"files": 1, "changes": len(changes), **dict.fromkeys(OPS, 0)}
    entities: dict[str, dict[str, int]] = {}
    for change in changes:
        summary[change.op] += 1
        counts = entities.setdefault(change.entity, dict.fromkeys(OPS, 0))
        counts[change.op] += 1
    summary["entities"] = {entity: entities[entity] for entity in ENTITIES if entity in entities}
    summary["review"] = {name: sum(1 for change in changes if change.review == name) for name in CLASSES}
    gone = [c for c in changes if c.entity == "pain_point" and c.op == "removed"]
    summary["pain_points"] = {
        "added": _refs(file, [c for c in changes if c.entity == "pain_point" and c.op == "added"]),
        "resolved": [*_refs(file, [c for c in gone if c.kind == "resolved"]), *_addressed(file, old, new)],
        "removed": _refs(file, [c for c in gone if c.kind != "resolved"]),
    }
    summary["opportunities"] = {
        "added": _refs(file, [c for c in changes if c.entity == "opportunity" and c.op == "added"]),
        "done": _done(file, changes, old, new),
    }
    summary["emotion"] = _emotion(file, old, new)
    summary["metrics"] = _metric_rows(file, changes, {"toward target": "toward", "away from target": "away"}, "trend", old, new)
    summary["targets"] = _metric_rows(file, changes, {"target raised": "raised", "target lowered": "lowered"}, "direction", old, new)
    return summary


def merge(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary for several files: counts added up, lists joined."""
    total: dict[str, Any] = {"files": 0, "changes": 0, **dict.fromkeys(OPS, 0), "entities": {}, "review": dict.fromkeys(CLASSES, 0)}
    total.update(pain_points={"added": [], "resolved": [], "removed": []}, opportunities={"added": [], "done": []}, emotion=[], metrics=[], targets=[])
    for summary in summaries:
        for key in ("files", "changes", *OPS):
            total[key] += summary[key]
        for entity, counts in summary["entities"].items():
            into = total["entities"].setdefault(entity, dict.fromkeys(OPS, 0))
            for op, count in counts.items():
                into[op] += count
        for name, count in summary["review"].items():
            total["review"][name] += count
        for group in ("pain_points", "opportunities"):
            for key, refs in summary[group].items():
                total[group][key].extend(refs)
        for key in ("emotion", "metrics", "targets"):
            total[key].extend(summary[key])
    total["entities"] = {entity: total["entities"][entity] for entity in ENTITIES if entity in total["entities"]}
    return total


def _refs(file: str, changes: list[Change]) -> list[dict[str, str]]:
    return [{"file": file, "id": c.id, "path": c.path, "label": c.label} for c in changes]


def _addressed(file: str, old: Journey | None, new: Journey | None) -> list[dict[str, str]]:
    """Pain points still in the map whose every addressing opportunity became done."""
    ids = set(addressed(old, new))
    if not ids or new is None:
        return []
    return [
        {"file": file, "id": pain_id, "path": f"stages.{where.stage}.steps.{where.step}.pain_points.{pain_id}", "label": where.item.description}
        for pain_id, where in index(new).pains.items()
        if pain_id in ids
    ]


def _done(file: str, changes: list[Change], old: Journey | None, new: Journey | None) -> list[dict[str, str]]:
    before = index(old).opportunities
    paths = {c.id: c.path for c in changes if c.entity == "opportunity" and c.op != "removed"}
    return [
        {"file": file, "id": o_id, "path": paths[o_id], "label": where.item.description}
        for o_id, where in index(new).opportunities.items()
        if where.item.status == "done" and (o_id not in before or before[o_id].item.status != "done")
    ]


def _mean(emotions: list[int]) -> float | None:
    return round(sum(emotions) / len(emotions), 2) if emotions else None


def _emotion(file: str, old: Journey | None, new: Journey | None) -> list[dict[str, Any]]:
    """Per stage: mean emotion before and after, and what moved it (emotions changed, steps in, steps out)."""

    def members(journey: Journey | None) -> dict[str, tuple[str, dict[str, int | None]]]:
        return {stage.id: (stage.name, {s.id: s.emotion for s in stage.steps}) for stage in (journey.stages if journey else ())}

    def mean_of(steps: dict[str, int | None]) -> float | None:
        return _mean([e for e in steps.values() if e is not None])

    before, after = members(old), members(new)
    rows = []
    for stage_id in interleave(list(after), list(before), after):
        name = (after.get(stage_id) or before[stage_id])[0]
        was, now = before.get(stage_id, ("", {}))[1], after.get(stage_id, ("", {}))[1]
        rows.append(
            {
                "file": file,
                "stage": stage_id,
                "name": name,
                "old": mean_of(was) if stage_id in before else None,
                "new": mean_of(now) if stage_id in after else None,
                "emotion_changed": sum(1 for step, emotion in now.items() if step in was and was[step] != emotion),
                "steps_in": sum(1 for step in now if step not in was),
                "steps_out": sum(1 for step in was if step not in now),
            }
        )
    return rows


def _metric_rows(file: str, changes: list[Change], kinds: dict[str, str], key: str, old: Journey | None, new: Journey | None) -> list[dict[str, Any]]:
    """One row per metric change of the given kinds, with its value and target before and after."""
    picked = [change for change in changes if change.entity == "metric" and change.kind in kinds]
    if not picked:
        return []
    old_steps, new_steps = index(old).step_models, index(new).step_models
    rows = []
    for change in picked:
        was, now = metric_at(old_steps, change.path), metric_at(new_steps, change.path)
        if was is None or now is None:
            continue
        rows.append(
            {
                "file": file,
                "id": change.id,
                "path": change.path,
                "label": now.name or change.id,
                "old": plain(was.value),
                "new": plain(now.value),
                "old_target": plain(was.target),
                "target": plain(now.target),
                key: kinds[change.kind],
            }
        )
    return rows
