"""Id renames: an entity that left under one id and came back under another with the same content.

A rename is found only where it is unambiguous: among the ids of one kind
that were removed and the ones that were added, an old and a new entity pair
up when their content (every field but the id, with references read through
the renames already found) is the same and no other candidate of that kind
has that content. Kinds are taken in the order references point, so that a
renamed source is known before the pain points that cite it: personas,
channels, sources, teams, pain points, opportunities, metrics (within their step),
steps, stages. A step's ``next`` is left out of its content (steps refer to
steps, so it cannot be read through renames that are not found yet); a real
change of it still shows, as a change after the rename.

``translated`` then rebuilds the old journey with the new ids and its
references updated, so that the comparison sees a rename as one change of
field ``id`` and not the references that followed it. Nothing is rebuilt
when no id was removed, which is the usual case.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..model import Journey, Opportunity, PainPoint, Step
from .changes import DEFINITIONS
from .index import index

Renames = dict[str, dict[str, str]]
"""entity → {old id: new id}; metrics (unique only within a step) as ``step/metric``, by their new step id."""

REFERENCES: dict[type[BaseModel], dict[str, str]] = {
    Step: {"personas": "persona", "channel": "channel", "sources": "source", "next": "step", "owner": "team"},
    PainPoint: {"sources": "source", "owner": "team"},
    Opportunity: {"addresses": "pain_point", "owner": "team"},
}
"""Which fields of which entity name ids of which kind (and the journey's ``owner`` names a team)."""

_NESTED = {"steps", "metrics", "pain_points", "opportunities"}


def _translate(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return [names.get(item, item) if isinstance(item, str) else item for item in value]
    return value


def _content(item: BaseModel, renames: Renames, skip: frozenset[str] = frozenset()) -> str:
    """Every field but the id (nested entities by id), references read through ``renames``, as one text."""
    refs = REFERENCES.get(type(item), {})
    document: dict[str, Any] = {}
    for name, value in {**item.__dict__, **(item.__pydantic_extra__ or {})}.items():
        if name == "id" or name in skip:
            continue
        if name in _NESTED:
            kind = {"steps": "step", "pain_points": "pain_point", "opportunities": "opportunity"}.get(name)
            value = [renames.get(kind, {}).get(child.id, child.id) if kind else child.id for child in value]
        elif name in refs:
            value = _translate(value, renames.get(refs[name], {}))
            if isinstance(value, list):
                value = sorted(value)
        document[name] = value
    return json.dumps(document, sort_keys=True, default=str)


def _pair(removed: dict[str, BaseModel], added: dict[str, BaseModel], renames: Renames, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """old id → new id for the removed and added entities whose content is the same and unique."""
    if not removed or not added:
        return {}
    old = {item_id: _content(item, renames, skip) for item_id, item in removed.items()}
    new = {item_id: _content(item, renames, skip) for item_id, item in added.items()}
    old_count, new_count = Counter(old.values()), Counter(new.values())
    by_content = {content: item_id for item_id, content in new.items() if new_count[content] == 1}
    return {item_id: by_content[content] for item_id, content in old.items() if old_count[content] == 1 and content in by_content}


def _ids(journey: Journey) -> dict[str, Any]:
    """Every id of the journey by kind (sets or key views), and every (step, metric) pair under ``metric``."""
    at = index(journey)
    ids: dict[str, Any] = {kind: {item.id for item in getattr(journey, attr) or ()} for kind, attr in DEFINITIONS}
    ids.update(stage={stage.id for stage in journey.stages}, step=at.steps.keys(), pain_point=at.pains.keys(), opportunity=at.opportunities.keys(), metric=at.metrics)
    return ids


def _picked(journey: Journey, wanted: dict[str, set[str]]) -> dict[str, dict[str, BaseModel]]:
    """The entities whose ids are in ``wanted`` (by kind), by kind and id."""
    at = index(journey)
    placed = {"step": at.steps, "pain_point": at.pains, "opportunity": at.opportunities}
    listed = {kind: getattr(journey, attr) or () for kind, attr in DEFINITIONS}
    listed["stage"] = journey.stages
    picked: dict[str, dict[str, BaseModel]] = {}
    for kind, ids in wanted.items():
        if kind in placed:
            picked[kind] = {item_id: placed[kind][item_id].item for item_id in sorted(ids)}  # only what went or came: no walk
        else:
            picked[kind] = {item.id: item for item in listed[kind] if item.id in ids}
    return picked


def find(old: Journey, new: Journey) -> Renames:
    """The unambiguous id renames from ``old`` to ``new``, by kind (empty kinds left out).

    A kind can hold a rename only when one of its ids went and another came;
    that is decided on id sets, and only the entities that went or came are
    looked at further, so the cost stays one pass over the ids.
    """
    old_ids, new_ids = _ids(old), _ids(new)
    metric_steps = {step for step, _ in old_ids["metric"] - new_ids["metric"]} & {step for step, _ in new_ids["metric"] - old_ids["metric"]}
    kinds = {kind for kind in old_ids if kind != "metric" and old_ids[kind] - new_ids[kind] and new_ids[kind] - old_ids[kind]}
    if not kinds and not metric_steps:
        return {}
    before = _picked(old, {kind: old_ids[kind] - new_ids[kind] for kind in kinds})
    after = _picked(new, {kind: new_ids[kind] - old_ids[kind] for kind in kinds})
    renames: Renames = {}
    for kind in ("persona", "channel", "source", "team", "pain_point", "opportunity", "step", "stage"):
        if kind in kinds:
            renames[kind] = _pair(before.get(kind, {}), after.get(kind, {}), renames, frozenset({"next"}) if kind == "step" else frozenset())
    steps = renames.get("step", {})
    renames["metric"] = _metric_renames(old, new, renames, steps, metric_steps | set(steps))
    return {kind: names for kind, names in renames.items() if names}


def _metric_renames(old: Journey, new: Journey, renames: Renames, steps: dict[str, str], candidates: set[str]) -> dict[str, str]:
    """Metric renames within the ``candidates`` steps (by old id), as ``new step id/metric id`` on both sides."""
    if not candidates:
        return {}
    new_steps = {step.id: step for _, step in new.steps()}
    found: dict[str, str] = {}
    for _, step in old.steps():
        if step.id not in candidates:
            continue
        now = new_steps.get(steps.get(step.id, step.id))
        if now is None:
            continue
        was_ids, now_ids = {m.id for m in step.metrics}, {m.id for m in now.metrics}
        pairs = _pair({m.id: m for m in step.metrics if m.id not in now_ids}, {m.id: m for m in now.metrics if m.id not in was_ids}, renames)
        found.update((f"{now.id}/{old_id}", f"{now.id}/{new_id}") for old_id, new_id in pairs.items())
    return found


def translated(old: Journey, renames: Renames) -> Journey:
    """``old`` with the renamed ids replaced by the new ones and every reference to them updated."""

    def refresh(item: BaseModel, kind: str | None, extra: dict[str, Any] | None = None) -> BaseModel:
        update = dict(extra or {})
        if kind is not None and item.id in renames.get(kind, {}):  # type: ignore[attr-defined]
            update["id"] = renames[kind][item.id]  # type: ignore[attr-defined]
        for name, target in REFERENCES.get(type(item), {}).items():
            names = renames.get(target)
            value = getattr(item, name)
            if names and value is not None:
                changed = _translate(value, names)
                if changed != value:
                    update[name] = changed
        return item.model_copy(update=update) if update else item

    def each(items: list[Any], kind: str) -> Iterator[Any]:
        for item in items:
            yield refresh(item, kind)

    stages = []
    for stage in old.stages:
        steps = []
        for step in stage.steps:
            new_id = renames.get("step", {}).get(step.id, step.id)
            metrics = [
                m.model_copy(update={"id": renames["metric"][f"{new_id}/{m.id}"].split("/", 1)[1]}) if f"{new_id}/{m.id}" in renames.get("metric", {}) else m
                for m in step.metrics
            ]
            nested = {
                "pain_points": list(each(step.pain_points, "pain_point")),
                "opportunities": list(each(step.opportunities, "opportunity")),
                "metrics": metrics,
            }
            nested = {name: items for name, items in nested.items() if any(a is not b for a, b in zip(items, getattr(step, name)))}
            steps.append(refresh(step, "step", nested))
        update = {"steps": steps} if any(a is not b for a, b in zip(steps, stage.steps)) else {}
        stages.append(refresh(stage, "stage", update))
    top: dict[str, Any] = {"stages": stages}
    owner = renames.get("team", {}).get(old.owner or "")
    if owner is not None:
        top["owner"] = owner
    for kind, attr in DEFINITIONS:
        items = getattr(old, attr)
        if items is not None and renames.get(kind):
            top[attr] = list(each(items, kind))
    return old.model_copy(update=top)
