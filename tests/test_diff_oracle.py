"""The comparison against an independent oracle: every field of every entity that differs is reported once, nothing else.

Random edit sets (fixed seeds) are applied to the diff fixture: field edits
of every entity kind, reorders of set-like lists (no change), steps and pain
points added, removed (with the references to them) and moved, so every
edit set gives a valid map and every case runs. The oracle walks both versions naively
(``model_dump`` of every entity, lists of text as sets) and lists what
differs; the diff's changes must be exactly that, each once. Positions
inside a list are left to the unit tests of moves.
"""

from __future__ import annotations

import copy
import random
from collections import Counter

import pytest
import yaml
from conftest import FIXTURES

from journeycli.diff.compare import compare
from journeycli.model import Journey
from journeycli.validation import validate

BASE = yaml.safe_load((FIXTURES / "diff" / "old.journey.yaml").read_text())
NESTED = {"personas", "channels", "sources", "stages", "steps", "metrics", "pain_points", "opportunities"}


def entities(journey: Journey) -> dict[tuple[str, str], tuple[object, str | None]]:
    """(entity, key) → (model, where it sits) for every entity of a journey."""
    found: dict[tuple[str, str], tuple[object, str | None]] = {("journey", ""): (journey, None)}
    for kind, attr in (("persona", "personas"), ("channel", "channels"), ("source", "sources")):
        for item in getattr(journey, attr) or ():
            found[(kind, item.id)] = (item, None)
    for stage in journey.stages:
        found[("stage", stage.id)] = (stage, None)
        for step in stage.steps:
            found[("step", step.id)] = (step, stage.id)
            for metric in step.metrics:
                found[("metric", f"{step.id}/{metric.id}")] = (metric, step.id)
            for pain in step.pain_points:
                found[("pain_point", pain.id)] = (pain, step.id)
            for opportunity in step.opportunities:
                found[("opportunity", opportunity.id)] = (opportunity, step.id)
    return found


def own_fields(model) -> dict[str, object]:
    dumped = {k: v for k, v in model.model_dump(mode="json").items() if k not in NESTED and v is not None}
    return {k: sorted(v) if isinstance(v, list) and all(isinstance(x, str) for x in v) else v for k, v in dumped.items()}


def oracle(old: Journey, new: Journey) -> Counter:
    before, after = entities(old), entities(new)
    expected: Counter = Counter()
    for key in before.keys() - after.keys():
        expected[("removed", key[0], key[1], None)] += 1
    for key in after.keys() - before.keys():
        expected[("added", key[0], key[1], None)] += 1
    for key in before.keys() & after.keys():
        (a, where_a), (b, where_b) = before[key], after[key]
        fa, fb = own_fields(a), own_fields(b)
        for name in fa.keys() | fb.keys():
            if fa.get(name) != fb.get(name):
                expected[("changed", key[0], key[1], name)] += 1
        if key[0] != "metric" and where_a != where_b:
            expected[("moved", key[0], key[1], "stage" if key[0] == "step" else "step")] += 1
    return expected


def reported(old: Journey, new: Journey) -> Counter:
    found: Counter = Counter()
    for change in compare(old, new):
        if change.op == "moved" and change.field == "position":
            continue
        ident = f"{change.path.split('.')[3]}/{change.id}" if change.entity == "metric" else "" if change.entity == "journey" else change.id
        found[(change.op, change.entity, ident, change.field)] += 1
    return found


def steps(data: dict) -> list[dict]:
    return [step for stage in data["stages"] for step in stage["steps"]]


def edit(data: dict, rng: random.Random, serial: int) -> None:
    """One random edit, of a kind a map really gets."""
    all_steps = steps(data)
    step = rng.choice(all_steps)
    kind = rng.randrange(14)
    if kind == 0:
        step["emotion"] = rng.choice([-2, -1, 0, 1, 2, None])
    elif kind == 1:
        step["name"] = f"{step['name']} (v{serial})"
    elif kind == 2:
        step["description"] = f"What happens here, take {serial}: " + "words " * rng.randrange(1, 30)
    elif kind == 3 and step.get("pain_points"):
        pain = rng.choice(step["pain_points"])
        pain["severity"] = rng.choice(["low", "medium", "high", "critical"])
        pain["affected"] = rng.choice([None, 0.1, 0.5])
    elif kind == 4 and step.get("metrics"):
        metric = rng.choice(step["metrics"])
        metric[rng.choice(["value", "target"])] = round(rng.random(), 2)
    elif kind == 5:
        for opportunity in step.get("opportunities", ()):
            opportunity["status"] = rng.choice(["idea", "planned", "in_progress", "done"])
    elif kind == 6:  # reorder set-like lists: no change
        for key in ("personas", "sources", "next"):
            if isinstance(step.get(key), list):
                rng.shuffle(step[key])
        rng.shuffle(data["tags"])
    elif kind == 7:
        step.setdefault("pain_points", []).append({"id": f"pain-{serial}", "description": f"New pain {serial}", "severity": "high"})
    elif kind == 8 and step.get("pain_points"):
        forget(data, pains={step["pain_points"].pop(rng.randrange(len(step["pain_points"])))["id"]})
    elif kind == 9:  # a step moves to another stage
        source = rng.choice([s for s in data["stages"] if s["steps"]])
        target = rng.choice(data["stages"])
        moving = source["steps"].pop(rng.randrange(len(source["steps"])))
        target["steps"].insert(rng.randrange(len(target["steps"]) + 1), moving)
    elif kind == 10:
        stage = rng.choice(data["stages"])
        stage["steps"].insert(rng.randrange(len(stage["steps"]) + 1), {"id": f"new-step-{serial}", "name": f"New step {serial}", "emotion": rng.choice([-1, 0, 1])})
    elif kind == 11 and len(all_steps) > 3:
        stage = rng.choice([s for s in data["stages"] if s["steps"]])
        gone = stage["steps"].pop(rng.randrange(len(stage["steps"])))
        forget(data, steps={gone["id"]}, pains={pain["id"] for pain in gone.get("pain_points", ())})
    elif kind == 12:
        step["x-note"] = rng.choice([None, f"note {serial}"])
    elif kind == 13 and step.get("pain_points"):  # a pain point moves to another step
        pain = step["pain_points"].pop()
        rng.choice(all_steps).setdefault("pain_points", []).append(pain)


def forget(data: dict, steps: set[str] = frozenset(), pains: set[str] = frozenset()) -> None:
    """Drop the references to removed steps and pain points, as the person removing them would (the map stays valid)."""
    for step in [step for stage in data["stages"] for step in stage["steps"]]:
        if isinstance(step.get("next"), list):
            step["next"] = [target for target in step["next"] if target not in steps]
        for opportunity in step.get("opportunities", ()):
            opportunity["addresses"] = [pain for pain in opportunity.get("addresses", ()) if pain not in pains]


def valid(data: dict) -> Journey | None:
    return validate(yaml.safe_dump(data, sort_keys=False).encode(), "x").journey


@pytest.mark.parametrize("seed", range(120))
def test_every_differing_field_is_reported_once_and_nothing_else(seed):
    rng = random.Random(seed)
    old = valid(BASE)
    data = copy.deepcopy(BASE)
    for serial in range(rng.randrange(1, 12)):
        edit(data, rng, serial)
    new = valid(data)
    assert new is not None, "the edits keep the map valid"
    assert reported(old, new) == oracle(old, new)
