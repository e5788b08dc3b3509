"""The digest of one valid journey: what the checks across files need, and nothing more.

Workers check files in parallel and send back only findings and this digest (ids, positions and small
sets), so the checks across 500 journeys cost a few set operations per journey.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..sourcemap import Position


@dataclass(frozen=True)
class Link:
    """A `part_of` link: the journey (and stage or step) named, with where each is written."""

    journey: str
    journey_pos: Position
    stage: str | None
    stage_pos: Position
    step: str | None
    step_pos: Position


@dataclass(frozen=True)
class Digest:
    file: str
    id: str
    id_pos: Position
    state: str
    state_pos: Position
    future_of: str | None
    future_of_pos: Position
    part_of: Link | None
    stages: frozenset[str]
    steps: frozenset[str]
    phases: frozenset[str]
    libraries: tuple[str, ...]  # real paths of every library the journey uses, directly or not
    used: dict[str, frozenset[str]]  # per list (personas, channels, sources, teams): the ids referred to
    open_to_all: bool  # a step without `personas`: every persona takes it
    named_personas: frozenset[str]  # personas some step names explicitly
    linked: bool  # uses a library or names a link: the journey takes part in a portfolio


def digest(checked: Any) -> Digest | None:
    """The digest of a validated journey (``validation.Checked``); None when it is invalid.

    Read from the journey's plain data, with the models' defaults, so `journey validate` never builds the models."""
    journey = checked.valid_data
    if journey is None:
        return None
    smap = checked.sourcemap
    stages = journey["stages"]
    steps = [step for stage in stages for step in stage.get("steps", ())]
    named = frozenset(p for step in steps for p in step.get("personas") or ())
    owners = {journey.get("owner")} | {
        o for step in steps for o in (step.get("owner"), *(p.get("owner") for p in step.get("pain_points", ())), *(o.get("owner") for o in step.get("opportunities", ())))
    }
    link = journey.get("part_of")
    return Digest(
        file=checked.file,
        id=journey["id"],
        id_pos=smap.value(("id",)),
        state=journey.get("state", "current"),
        state_pos=smap.value(("state",)) if "state" in journey else smap.value(("id",)),
        future_of=journey.get("future_of"),
        future_of_pos=smap.value(("future_of",)),
        part_of=None
        if link is None
        else Link(
            link["journey"],
            smap.value(("part_of", "journey")),
            link.get("stage"),
            smap.value(("part_of", "stage")),
            link.get("step"),
            smap.value(("part_of", "step")),
        ),
        stages=frozenset(stage["id"] for stage in stages),
        steps=frozenset(step["id"] for step in steps),
        phases=frozenset(stage["phase"] for stage in stages if stage.get("phase")),
        libraries=checked.libraries.paths if checked.libraries is not None else (),
        used={
            "personas": named,
            "channels": frozenset(step["channel"] for step in steps if step.get("channel")),
            "sources": frozenset(s for step in steps for s in (*step.get("sources", ()), *(x for p in step.get("pain_points", ()) for x in p.get("sources", ())))),
            "teams": frozenset(o for o in owners if o),
        },
        open_to_all=any(step.get("personas") is None for step in steps),
        named_personas=named,
        linked=bool(checked.libraries is not None or link or journey.get("future_of") or "state" in journey),
    )
