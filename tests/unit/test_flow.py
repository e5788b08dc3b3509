"""The flow graph: `emotion_successors` against a plain breadth-first search, and the shared `components`."""

from __future__ import annotations

import random

from journeycli.flow import Resolved, components, resolve
from journeycli.model import Journey


def reference(resolved: Resolved) -> dict[str, list[str]]:
    """For each step, the steps with an emotion reachable through steps without one (slow and obvious)."""
    landings = {}
    for step_id in resolved.order:
        seen: set[str] = set()
        found: list[str] = []
        pending = list(resolved.successors[step_id])
        while pending:
            target = pending.pop(0)
            if target in seen:
                continue
            seen.add(target)
            if resolved.steps[target].emotion is not None:
                found.append(target)
            else:
                pending.extend(resolved.successors[target])
        landings[step_id] = sorted(found, key=resolved.index.__getitem__)
    return landings


def journey(steps: list[dict]) -> Journey:
    return Journey.model_validate({"format": 1, "id": "flow", "title": "Flow", "stages": [{"id": "all", "name": "All", "steps": steps}]})


def test_loops_of_steps_without_emotion():
    # `a` and `b` loop into each other; the search enters at `a` and meets `b` while `a` is still open
    steps = [
        {"id": "start", "name": "Start", "emotion": 0, "next": ["a"]},
        {"id": "a", "name": "A", "layer": "backstage", "next": ["b", "land"]},
        {"id": "b", "name": "B", "layer": "backstage", "next": ["a"]},
        {"id": "land", "name": "Land", "emotion": 0, "next": ["high"]},
        {"id": "high", "name": "High", "emotion": 2, "next": ["b"]},
    ]
    landings = resolve(journey(steps)).emotion_successors()
    assert landings == {"start": ["land"], "a": ["land"], "b": ["land"], "land": ["high"], "high": ["land"]}


def test_matches_a_breadth_first_search_on_random_flows():
    rng = random.Random(20261122)
    for _ in range(1500):
        ids = [f"s{i}" for i in range(rng.randint(1, 9))]
        steps = []
        for step_id in ids:
            step: dict = {"id": step_id, "name": step_id}
            if rng.random() < 0.4:
                step["emotion"] = rng.randint(-2, 2)
            if rng.random() < 0.7:
                step["next"] = rng.sample(ids, rng.randint(0, min(3, len(ids))))
            steps.append(step)
        resolved = resolve(journey(steps))
        got = {k: sorted(v, key=resolved.index.__getitem__) for k, v in resolved.emotion_successors().items()}
        assert got == reference(resolved), steps


def _reach(start: str, successors: dict[str, list[str]], skip: set[str]) -> set[str]:
    seen, pending = {start}, [start]
    while pending:
        for t in successors[pending.pop()]:
            if t not in seen and t not in skip:
                seen.add(t)
                pending.append(t)
    return seen


def test_components_are_the_mutual_reachability_classes_in_dependency_order():
    """`components` (shared by P002's landings and the funnel's loops) against reachability by brute force."""
    rng = random.Random(20261202)
    for _ in range(800):
        nodes = [f"n{i}" for i in range(rng.randint(1, 9))]
        successors = {n: rng.sample(nodes, rng.randint(0, min(3, len(nodes)))) for n in nodes}
        skip = {n for n in nodes if rng.random() < 0.2}
        reached = {n: _reach(n, successors, skip) for n in nodes if n not in skip}
        found = list(components(nodes, successors, skip))
        expected = {frozenset(m for m in reached if n in reached[m] and m in reached[n]) for n in reached}
        assert {frozenset(c) for c in found} == expected and sum(map(len, found)) == len(reached)
        finished: set[str] = set()
        for members in found:  # every component it leads to came before it
            assert all(t in finished | members for m in members for t in reached[m])
            finished |= members
