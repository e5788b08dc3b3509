"""Matching two versions of a journey by id, and listing what changed.

Rules (docs/diff.md explains them to users):

- Every entity is matched by its id: personas, channels, sources, teams and stages
  within their lists; steps, pain points and opportunities across the whole
  journey (their ids are unique there); metrics within their step. So a new
  name under the same id is a rename (``changed``, field ``name``), and an
  entity under a new id is a ``removed`` plus an ``added``.
- Fields are compared on the validated models, so pure formatting (comments,
  key order, quoting, flow or block style, anchors) never shows, and a default
  written out (``layer: frontstage``) equals the default left out. ``x-…``
  extension keys are compared too and reported as fields named ``x-…``; an
  absent ``x-`` key and one set to null are the same.
- ``moved``: a step now in another stage (field ``stage``), a pain point or
  opportunity now at another step (field ``step``), or a stage or step at
  another position among the ones that stayed in its list (field
  ``position``, 1-based positions). Which ones moved is decided by keeping the
  longest run of common items that kept their relative order (a longest
  increasing subsequence, O(n log n)); the others are the moved ones. Moving
  one step to another place therefore reports that one step, not its
  neighbours. The order of personas, channels, sources, teams, metrics, pain points
  and opportunities carries no meaning and is not reported.
- Lists of ids or words (a step's ``personas``, ``sources`` and ``next``, an
  opportunity's ``addresses``, the journey's ``tags``: every field typed as a
  list of text) are sets: a new order is no change, and a change says which
  members were added and removed (``Change.members``). Only ``stages`` and
  ``steps`` have positions.
- An id rename (``renames``: same content under a new id) is one ``changed``
  change of field ``id``, and the references that followed it are no change.
- Nested entities are reported at their own level only: an added pain point
  is one ``added`` change of entity ``pain_point``, and every entity inside an
  added (or removed) step is itself ``added`` (``removed``).
- Order: journey fields, personas, channels, sources, teams, then stages in the new
  order, each followed by its steps (a step's own change, then its metrics,
  pain points and opportunities). Removed items stand where they were: after
  the nearest earlier item that is still there.

An absent ``personas``/``channels``/``teams`` list and an empty one are the same here.
Everything is dicts by id and single passes: linear in the size of the maps.
"""

from __future__ import annotations

import types
import typing
from bisect import bisect_left
from collections.abc import Container
from typing import Any

from pydantic import BaseModel

from ..model import Channel, Journey, Metric, Opportunity, PainPoint, Persona, Source, Stage, Step, Team
from . import renames as id_renames
from .changes import DEFINITIONS, Change, plain
from .index import index

_NESTED = {Journey: {"personas", "channels", "sources", "teams", "stages"}, Stage: {"steps"}, Step: {"metrics", "pain_points", "opportunities"}}
_OWN_FIELDS = {
    model: tuple(name for name in model.model_fields if name not in _NESTED.get(model, ()))
    for model in (Journey, Persona, Channel, Source, Team, Stage, Step, Metric, PainPoint, Opportunity)
}


def _is_text_list(annotation: Any) -> bool:
    """``list[str]``, optional or not: the fields compared as sets."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_text_list(arg) for arg in typing.get_args(annotation))
    return typing.get_origin(annotation) is list and typing.get_args(annotation) == (str,)


_SET_FIELDS = {model: frozenset(name for name in names if _is_text_list(model.model_fields[name].annotation)) for model, names in _OWN_FIELDS.items()}
_LABEL = {Journey: "title", Source: "title", PainPoint: "description", Opportunity: "description"}


def compare(old: Journey | None, new: Journey | None) -> list[Change]:
    """Every change from ``old`` to ``new``; a missing side means the whole file was added or removed."""
    return compare_aligned(old, new)[0]


def compare_aligned(old: Journey | None, new: Journey | None) -> tuple[list[Change], Journey | None]:
    """The changes, and ``old`` as compared: with renamed ids replaced by the new ones."""
    out: list[Change] = []
    renamed: dict[str, dict[str, str]] = {}
    if old is None or new is None:
        journey = new or old
        assert journey is not None
        out.append(Change("added" if old is None else "removed", "journey", journey.id, "", label=journey.title))
    else:
        _fields(out, "journey", new.id, "", old, new)
        found = id_renames.find(old, new)
        if found:
            old = id_renames.translated(old, found)
            renamed = {kind: {new_id: old_id for old_id, new_id in names.items()} for kind, names in found.items()}
    for entity, attr in DEFINITIONS:
        before = {item.id: item for item in (getattr(old, attr, None) or ())}
        after = {item.id: item for item in (getattr(new, attr, None) or ())}
        for item_id in interleave(list(after), list(before), after):
            _entity(out, entity, item_id, f"{attr}.{item_id}", before.get(item_id), after.get(item_id), was=renamed.get(entity, {}).get(item_id))
    _Stages(old, new, out, renamed).run()
    return out, old


def _label(item: BaseModel) -> str:
    return getattr(item, _LABEL.get(type(item), "name"), None) or item.id  # type: ignore[attr-defined]


def _entity(
    out: list[Change], entity: str, item_id: str, path: str, old: BaseModel | None, new: BaseModel | None, move: Change | None = None, was: str | None = None
) -> None:
    """The changes of one entity; ``was`` is its old id when it was renamed (``old`` already carries the new one)."""
    if old is None:
        out.append(Change("added", entity, item_id, path, label=_label(new)))  # type: ignore[arg-type]
    elif new is None:
        out.append(Change("removed", entity, item_id, path, label=_label(old)))
    else:
        if was is not None:
            out.append(Change("changed", entity, item_id, path, "id", was, item_id, _label(new), kind="id renamed"))
        if move is not None:
            out.append(move)
        _fields(out, entity, item_id, path, old, new)


def _fields(out: list[Change], entity: str, item_id: str, path: str, old: BaseModel, new: BaseModel) -> None:
    """A ``changed`` per differing own field (nested entity lists excluded) and per differing ``x-`` key."""
    before, after = old.__dict__, new.__dict__
    sets = _SET_FIELDS[type(new)]
    for name in _OWN_FIELDS[type(new)]:
        a, b = before[name], after[name]
        if not _differ(a, b):
            continue
        if name in sets and a is not None and b is not None:
            in_a, in_b = set(a), set(b)
            added, removed = [v for v in dict.fromkeys(b) if v not in in_a], [v for v in dict.fromkeys(a) if v not in in_b]
            if added or removed:
                out.append(Change("changed", entity, item_id, path, name, plain(a), plain(b), _label(new), members=(tuple(added), tuple(removed))))
        else:
            out.append(Change("changed", entity, item_id, path, name, plain(a), plain(b), _label(new)))
    extra_old, extra_new = old.__pydantic_extra__ or {}, new.__pydantic_extra__ or {}
    for key in dict.fromkeys([*extra_new, *extra_old]):
        a, b = extra_old.get(key), extra_new.get(key)
        if _differ(a, b):
            out.append(Change("changed", entity, item_id, path, key, plain(a), plain(b), _label(new)))


def _differ(a: Any, b: Any) -> bool:
    """``a != b``, except that NaN (possible in ``x-`` data) equals NaN."""
    return a != b and not (a != a and b != b)


def _same(old: BaseModel | None, new: BaseModel | None) -> bool:
    """Equal in every field, nested entities and ``x-`` keys included."""
    return old is not None and new is not None and old.__dict__ == new.__dict__ and old.__pydantic_extra__ == new.__pydantic_extra__


def interleave(new_ids: list[str], old_ids: list[str], kept: Container[str]) -> list[str]:
    """``new_ids`` with the old ids that are no longer ``kept`` put back where they were.

    A removed id follows the nearest earlier old id that is still in this list
    (or comes first); old ids that went elsewhere are left to their new place.
    """
    here = set(new_ids)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for item_id in old_ids:
        if item_id in here:
            anchor = item_id
        elif item_id not in kept:
            after.setdefault(anchor, []).append(item_id)
    merged = list(after.get(None, ()))
    for item_id in new_ids:
        merged.append(item_id)
        merged.extend(after.get(item_id, ()))
    return merged


def _out_of_order(old_ids: list[str], new_ids: list[str]) -> set[str]:
    """The ids common to both lists that left the longest run kept in the same relative order.

    A longest increasing subsequence of old positions taken in new order
    (patience sorting): O(n log n), and it blames the fewest items.
    """
    rank = {item_id: i for i, item_id in enumerate(old_ids)}
    common = [item_id for item_id in new_ids if item_id in rank]
    tail_ranks: list[int] = []  # smallest last rank of a run of each length
    tail_index: list[int] = []
    previous = [-1] * len(common)
    for i, item_id in enumerate(common):
        length = bisect_left(tail_ranks, rank[item_id])
        if length:
            previous[i] = tail_index[length - 1]
        if length == len(tail_ranks):
            tail_ranks.append(rank[item_id])
            tail_index.append(i)
        else:
            tail_ranks[length] = rank[item_id]
            tail_index[length] = i
    in_order: set[str] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        in_order.add(common[i])
        i = previous[i]
    return {item_id for item_id in common if item_id not in in_order}


class _Stages:
    """The stage part of a comparison: stages, their steps, and what the steps hold."""

    def __init__(self, old: Journey | None, new: Journey | None, out: list[Change], renamed: dict[str, dict[str, str]]) -> None:
        self.old_stages = {stage.id: stage for stage in (old.stages if old else ())}
        self.new_stages = {stage.id: stage for stage in (new.stages if new else ())}
        before, after = index(old), index(new)
        self.old_steps, self.old_pains, self.old_opportunities = before.steps, before.pains, before.opportunities
        self.new_steps, self.new_pains, self.new_opportunities = after.steps, after.pains, after.opportunities
        self.out = out
        self.renamed = renamed
        self.touched = {*renamed.get("step", ()), *(key.split("/", 1)[0] for key in renamed.get("metric", ()))}
        self.touched.update(self.new_pains[i].step for i in renamed.get("pain_point", ()))  # type: ignore[misc]
        self.touched.update(self.new_opportunities[i].step for i in renamed.get("opportunity", ()))  # type: ignore[misc]

    def run(self) -> None:
        old_order, new_order = list(self.old_stages), list(self.new_stages)
        moved = _out_of_order(old_order, new_order)
        old_position = {stage_id: i + 1 for i, stage_id in enumerate(old_order) if stage_id in moved}
        new_position = {stage_id: i + 1 for i, stage_id in enumerate(new_order) if stage_id in moved}
        for stage_id in interleave(new_order, old_order, self.new_stages):
            old, new = self.old_stages.get(stage_id), self.new_stages.get(stage_id)
            path = f"stages.{stage_id}"
            move = None
            if new is not None and stage_id in moved:
                move = Change("moved", "stage", stage_id, path, "position", old_position[stage_id], new_position[stage_id], new.name)
            _entity(self.out, "stage", stage_id, path, old, new, move, self.renamed.get("stage", {}).get(stage_id))
            self._steps(stage_id, old, new)

    def _steps(self, stage_id: str, old: Stage | None, new: Stage | None) -> None:
        old_ids = [step.id for step in old.steps] if old else []
        new_ids = [step.id for step in new.steps] if new else []
        stayed = [step_id for step_id in new_ids if step_id in self.old_steps and self.old_steps[step_id].stage == stage_id]
        moved = _out_of_order(old_ids, stayed)
        for step_id in interleave(new_ids, old_ids, self.new_steps):
            before, after = self.old_steps.get(step_id), self.new_steps.get(step_id)
            path = f"stages.{stage_id}.steps.{step_id}"
            move = None
            if before and after:
                if before.stage != stage_id:
                    move = Change("moved", "step", step_id, path, "stage", f"stages.{before.stage}", f"stages.{stage_id}", after.item.name)
                elif step_id in moved:
                    move = Change("moved", "step", step_id, path, "position", before.index + 1, after.index + 1, after.item.name)
            old_step = before.item if before else None
            new_step = after.item if after else None
            if move is None and step_id not in self.touched and _same(old_step, new_step):
                continue  # most steps: one C-level comparison instead of a walk through what they hold
            _entity(self.out, "step", step_id, path, old_step, new_step, move, self.renamed.get("step", {}).get(step_id))
            self._held(path, old_step, new_step)

    def _held(self, path: str, old: Step | None, new: Step | None) -> None:
        """The metrics, pain points and opportunities of one step (either side may be missing)."""
        before = {metric.id: metric for metric in (old.metrics if old else ())}
        after = {metric.id: metric for metric in (new.metrics if new else ())}
        renamed = self.renamed.get("metric", {})
        for metric_id in interleave(list(after), list(before), after):
            was = renamed.get(f"{new.id}/{metric_id}", "/").split("/", 1)[1] or None if new else None
            _entity(self.out, "metric", metric_id, f"{path}.metrics.{metric_id}", before.get(metric_id), after.get(metric_id), was=was)
        for entity, attr, old_index, new_index in (
            ("pain_point", "pain_points", self.old_pains, self.new_pains),
            ("opportunity", "opportunities", self.old_opportunities, self.new_opportunities),
        ):
            new_ids = [item.id for item in getattr(new, attr)] if new else []
            old_ids = [item.id for item in getattr(old, attr)] if old else []
            for item_id in interleave(new_ids, old_ids, new_index):
                was, now = old_index.get(item_id), new_index.get(item_id)
                item_path = f"{path}.{attr}.{item_id}"
                move = None
                if was and now and was.step != now.step:
                    move = Change("moved", entity, item_id, item_path, "step", f"stages.{was.stage}.steps.{was.step}", path, now.item.description)
                old_id = self.renamed.get(entity, {}).get(item_id)
                _entity(self.out, entity, item_id, item_path, was.item if was else None, now.item if now else None, move, old_id)
