"""The lean tables lint reads at scale answer exactly as the plain tables they replace.

Lint on an 80,000-step map keeps no table of paths, stages or reached steps (docs/performance.md): step and pain
point paths are made when a finding asks (``rules.base.StepPaths``, ``Context.pain_path``), a step's stage comes from
where each stage begins (``flow.StageOf``), the reached steps are kept as the ones not reached, and the line
table is made in one piece. Each is compared here with the obvious table, on every valid fixture and example,
as everyone and as each persona.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

from journeycli.config import load_settings
from journeycli.flow import resolve
from journeycli.journey_view import journey_view
from journeycli.portfolio.library import is_library_name
from journeycli.rules.base import Context, StepPaths
from journeycli.sourcemap import Lines
from journeycli.validation import validate

FILES = sorted(p for folder in (FIXTURES, EXAMPLES) for p in folder.rglob("*.journey.y*ml") if not is_library_name(p.name))


def _views(path: Path):
    checked = validate(path.read_bytes(), path.name)
    if checked.valid_data is None:
        return
    journey = journey_view(checked.valid_data)
    for persona in [None, *(p.id for p in journey.personas or ())]:
        yield journey, persona


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_paths_stages_and_reach_are_the_plain_tables(path: Path):
    for journey, persona in _views(path):
        resolved = resolve(journey, persona)
        step_paths = StepPaths(journey, resolved.index)
        context = Context(path.name, journey, resolved, load_settings(), None, step_path=step_paths)  # type: ignore[arg-type]
        steps, pains = {}, {}
        for i, stage in enumerate(journey.stages):
            for j, step in enumerate(stage.steps):
                steps[step.id] = ("stages", i, "steps", j)
                for k, pain in enumerate(step.pain_points):
                    pains[pain.id] = ("stages", i, "steps", j, "pain_points", k), step
        assert {step_id: step_paths[step_id] for step_id in steps} == steps, persona
        assert all(context.pain_path(step, pain_id) == found for pain_id, (found, step) in pains.items()), persona
        stage_of = {step.id: stage for stage in journey.stages for step in stage.steps}
        assert all(resolved.stage_of[step_id] is stage_of[step_id] for step_id in resolved.order), persona
        reachable = resolved.reachable()  # kept as the steps not reached: it answers as the walk's own set
        assert {step_id for step_id in steps if step_id in reachable} == resolved._walk(), persona


def test_step_paths_pass_over_empty_stages_and_steps_left_out():
    data = validate(
        b"format: 1\nid: j\ntitle: J\npersonas: [{id: p, name: P}, {id: q, name: Q}]\nstages:\n  - {id: e1, name: E1}\n"
        b"  - id: s\n    name: S\n    steps:\n      - {id: a, name: A, personas: [q]}\n      - {id: b, name: B}\n"
        b"  - {id: e2, name: E2, steps: []}\n  - id: t\n    name: T\n    steps: [{id: c, name: C}]\n",
        "f",
    ).valid_data
    journey = journey_view(data)
    for persona in (None, "p"):
        resolved = resolve(journey, persona)
        paths = StepPaths(journey, resolved.index)
        assert [paths[s] for s in "abc"] == [("stages", 1, "steps", 0), ("stages", 1, "steps", 1), ("stages", 3, "steps", 0)]
    resolved = resolve(journey, "p")
    assert resolved.order == ["b", "c"] and "a" not in resolved.reachable() and resolved.stage_of["c"].id == "t"


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 18])
def test_the_line_table_is_every_line_start_whatever_the_chunk(monkeypatch, chunk):
    monkeypatch.setattr(Lines, "_CHUNK", chunk)
    rng = random.Random(chunk)
    texts = ["", "a", "\n", "\n\n", "a\nb", "ab\ncd\n\nef\n", *("".join(rng.choice("ab\n") for _ in range(rng.randint(0, 40))) for _ in range(200))]
    for text in texts:
        expected = [0, *(n + 1 for n, c in enumerate(text) if c == "\n"), len(text) + 1]
        for source in (text, text.encode()):
            assert list(Lines(source).starts) == expected, text
