"""What a diff is made of: one ``Change`` per difference, and a ``FileDiff`` per compared file.

A ``Change`` carries exactly the SPEC's seven JSON keys plus ``label`` (the
entity's display name, for the human formats only). Values in ``old``/``new``
are already JSON values (dates as ISO text, lists as lists), so every output
format shows the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from ..model import Journey

OPS = ("added", "removed", "changed", "moved")
ENTITIES = ("journey", "persona", "channel", "source", "stage", "step", "pain_point", "opportunity", "metric")


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
        """The SPEC's seven keys, and the file when several files were compared."""
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
        return document


@dataclass
class FileDiff:
    """One compared pair. ``old``/``new`` is None for a side that does not exist (``--base``)."""

    file: str  # how the output names the pair: the new side's name, or the old one's when deleted
    old_name: str | None
    new_name: str | None
    old: Journey | None
    new: Journey | None
    changes: list[Change]
    summary: dict[str, Any] = field(default_factory=dict)

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
    return value
