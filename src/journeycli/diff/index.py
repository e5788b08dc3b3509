"""Where everything of one journey version sits, found in one pass and shared by the comparison, the id
renames, the review rules and the summary (each used to walk the whole journey again)."""

from __future__ import annotations

from functools import cached_property
from typing import Any, NamedTuple

from ..model import Journey, Step


class At(NamedTuple):
    """Where an entity sits in one version."""

    stage: str
    step: str | None
    index: int  # 0-based position in its list
    item: Any


class Index:
    """Steps, pain points and opportunities of one version by id (in document order), with where they sit."""

    def __init__(self, journey: Journey | None) -> None:
        self.steps: dict[str, At] = {}
        self.step_models: dict[str, Step] = {}
        self.pains: dict[str, At] = {}
        self.opportunities: dict[str, At] = {}
        for stage in journey.stages if journey else ():
            for i, step in enumerate(stage.steps):
                self.steps[step.id] = At(stage.id, step.id, i, step)
                self.step_models[step.id] = step
                for j, pain in enumerate(step.pain_points):
                    self.pains[pain.id] = At(stage.id, step.id, j, pain)
                for j, opportunity in enumerate(step.opportunities):
                    self.opportunities[opportunity.id] = At(stage.id, step.id, j, opportunity)

    @cached_property
    def metrics(self) -> set[tuple[str, str]]:
        """Every (step id, metric id) pair."""
        return {(step.id, metric.id) for step in self.step_models.values() for metric in step.metrics}


_KEPT: dict[int, tuple[Journey | None, Index]] = {}
_KEEP = 4  # a diff looks at two versions (and an old one with renamed ids): a few entries are enough


def index(journey: Journey | None) -> Index:
    """The index of ``journey``, made once while it is among the last few asked for."""
    found = _KEPT.get(id(journey))
    if found is None or found[0] is not journey:
        if len(_KEPT) >= _KEEP:
            _KEPT.pop(next(iter(_KEPT)))
        found = _KEPT[id(journey)] = (journey, Index(journey))  # the journey is kept with it, so its id is not reused meanwhile
    return found[1]
