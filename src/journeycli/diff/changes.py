"""What a diff is made of: one ``Change`` per difference, and a ``FileDiff`` per compared file.

A ``Change`` carries the seven JSON keys of docs/diff.md, and three additions the
contract allows (new keys, none removed): ``class`` (the review class:
improvement, regression or neutral), ``kind`` (what the change means, e.g.
``resolved`` or ``target lowered``) and, for a list compared as a set,
``members`` (the ids added to and removed from it). ``label`` is the entity's
display name, for the human formats only. Values in ``old``/``new`` are
already JSON values (dates as ISO text, lists as lists), so every output
format shows the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from ..diagnostics import Diagnostic
from ..model import Journey

OPS = ("added", "removed", "changed", "moved")
CLASSES = ("improvement", "regression", "neutral")
ENTITIES = ("journey", "persona", "channel", "source", "team", "stage", "step", "pain_point", "opportunity", "metric")
DEFINITIONS = (("persona", "personas"), ("channel", "channels"), ("source", "sources"), ("team", "teams"))
"""A journey's (or a library's) lists of declarations: (entity, list), in the order a diff reports them."""


@dataclass(frozen=True, slots=True)
class Change:
    op: str  # one of OPS
    entity: str  # one of ENTITIES
    id: str
    path: str  # "" for the journey itself, else e.g. "stages.purchase.steps.pay"
    field: str | None = None  # changed: the field; moved: "stage", "step" or "position"
    old: Any = None
    new: Any = None
    label: str = ""  # display name (not part of the JSON contract)
    members: tuple[tuple[Any, ...], tuple[Any, ...]] | None = None  # a set-like list: (added, removed) members
    kind: str | None = None  # what it means, when the op alone does not say it (see review.KINDS)
    review: str = "neutral"  # one of CLASSES

    @property
    def stage(self) -> str | None:
        """The stage this change is shown under (its new stage; the old one when removed)."""
        parts = self.path.split(".")
        return parts[1] if parts[0] == "stages" and len(parts) > 1 else None

    @property
    def step(self) -> str | None:
        """The step this change belongs to (itself for a step), if any."""
        parts = self.path.split(".")
        return parts[3] if parts[0] == "stages" and len(parts) > 3 else None

    def as_json(self, file: str | None = None) -> dict[str, Any]:
        """The seven contract keys (docs/diff.md), then ``file``, ``class``, ``kind`` and (set-like lists only) ``members``."""
        document = {
            "op": self.op,
            "entity": self.entity,
            "id": self.id,
            "path": self.path,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }
        if file is not None:
            document["file"] = file
        document["class"] = self.review
        document["kind"] = self.kind
        if self.members is not None:
            document["members"] = {"added": list(self.members[0]), "removed": list(self.members[1])}
        return document


STATUSES = ("compared", "now valid", "invalid")
"""``compared``; ``now valid``: invalid before, valid now (nothing to compare it with); ``invalid``: a side is not a valid journey."""


@dataclass(frozen=True)
class Problem:
    """A side that is not a valid journey: which one, its name, and its findings."""

    side: str  # "old" or "new"
    name: str
    diagnostics: list[Diagnostic]


@dataclass
class FileDiff:
    """One compared pair. ``old``/``new`` is None for a side that does not exist (``--base``) or is invalid.

    ``old`` is the old version as compared: with renamed ids already replaced
    by the new ones (``renames``), so that both versions use the same ids.
    """

    file: str  # how the output names the pair: the new side's name, or the old one's when deleted
    old_name: str | None
    new_name: str | None
    old: Journey | None
    new: Journey | None
    changes: list[Change]
    summary: dict[str, Any] = field(default_factory=dict)
    status: str = "compared"  # one of STATUSES
    problems: list[Problem] = field(default_factory=list)
    renamed_from: str | None = None  # the old path of a file renamed since --base REV
    unchanged: bool = False  # both versions have the same bytes

    @property
    def shows_anything(self) -> bool:
        """Something to report: a change, a rename of the file, or a side that is (or was) invalid."""
        return bool(self.changes or self.renamed_from or (self.problems and not self.unchanged))

    @property
    def broken_now(self) -> bool:
        """The new version exists, is not a valid journey, and this change made it so or kept editing it."""
        return not self.unchanged and any(problem.side == "new" for problem in self.problems)

    @cached_property
    def metric_trends(self) -> dict[str, dict[str, Any]]:
        """The summary's metric rows by metric path."""
        return {row["path"]: row for row in self.summary.get("metrics", ())}

    @cached_property
    def stage_names(self) -> dict[str, str]:
        """Display names of stages by id, from both versions; the new name wins."""
        return {stage.id: stage.name for journey in (self.old, self.new) if journey for stage in journey.stages}

    @cached_property
    def step_names(self) -> dict[str, str]:
        """Display names of steps by id (unique across a journey), from both versions; the new name wins."""
        return {step.id: step.name for journey in (self.old, self.new) if journey for _, step in journey.steps()}


def plain(value: Any) -> Any:
    """``value`` as a JSON value: dates as ISO text, lists and mappings recursively, NaN/∞ as text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if hasattr(value, "model_dump"):  # a model held as a field (`part_of`, `teams`): the keys the file sets
        return plain(value.model_dump(exclude_unset=True))
    return value
