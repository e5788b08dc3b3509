"""Mutated journeys and random bytes: every input gets findings or passes, never an exception.

Deterministic (fixed seeds), so a failure here is reproducible: the test id
names the seed.
"""

from __future__ import annotations

import datetime
import random

import pytest
import yaml
from conftest import EXAMPLES

from journeycli import export, render
from journeycli.config import Settings
from journeycli.diagnostics import Severity
from journeycli.diff.compare import compare
from journeycli.flow import resolve
from journeycli.lint import lint_file
from journeycli.pains.score import hotspots, rank
from journeycli.validation import validate

BASE = yaml.safe_load((EXAMPLES / "ecommerce-checkout.journey.yaml").read_text())
REPLACEMENTS = [None, True, 3, -7.5, "", "x" * 70, [], {}, ["a"], {"a": 1}, "<script>", datetime.date(2026, 1, 1), "no", [[1]], {"id": 1}]


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


ALL_PATHS = [p for p in _paths(BASE) if p]
ORIGINAL = validate((EXAMPLES / "ecommerce-checkout.journey.yaml").read_bytes(), "o.journey.yaml").journey


def _edited(seed: int, edits: tuple[int, int], edit) -> bytes:
    """The base journey after a few random ``edit(rng, parent, key)`` calls, as YAML bytes."""
    rng = random.Random(seed)
    data = yaml.safe_load(yaml.safe_dump(BASE))
    for _ in range(rng.randint(*edits)):
        path = rng.choice(ALL_PATHS)
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            edit(rng, parent, path[-1])
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit changed the shape here
    return yaml.safe_dump(data, allow_unicode=True).encode()


def _break(rng, parent, key):
    if rng.random() < 0.15 and isinstance(parent, dict):
        del parent[key]
    else:
        parent[key] = rng.choice(REPLACEMENTS)


def _mutate(seed: int) -> bytes:
    return _edited(seed, (1, 4), _break)


def _corrupt(seed: int) -> bytes:
    rng = random.Random(seed)
    text = bytearray((EXAMPLES / "saas-onboarding.journey.yaml").read_bytes())
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(text))
        choice = rng.random()
        if choice < 0.3:
            del text[at : at + rng.randint(1, 40)]
        elif choice < 0.6:
            text[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            text[at:at] = rng.choice([b"&a ", b"*a", b"- ", b": ", b"[", b"{", b"'", b'"', b"\t", b"!!python/name:os.system ", b"<<: *a\n"])
    return bytes(text)


@pytest.mark.parametrize("seed", range(150))
def test_mutated_structure_gives_findings_never_an_exception(seed):
    data = _mutate(seed)
    checked = validate(data, "m.journey.yaml")
    assert (checked.journey is None) == any(d.severity is Severity.ERROR for d in checked.diagnostics)
    for d in checked.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.message
    lint_file(data, "m.journey.yaml", Settings())
    if checked.journey is not None:  # what stays valid must also draw, rank, export and diff
        resolved = resolve(checked.journey)
        for view in render.VIEWS:
            assert render.draw(resolved, view).source
        rank(resolved, "m.journey.yaml")
        hotspots(resolved, 3)
        for name in export.FORMATS:
            assert export.get(name)(checked.journey)
        compare(ORIGINAL, checked.journey)
        compare(checked.journey, ORIGINAL)


@pytest.mark.parametrize("seed", range(150))
def test_corrupted_bytes_give_findings_never_an_exception(seed):
    data = _corrupt(seed)
    checked = validate(data, "c.journey.yaml")
    for d in checked.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.code.startswith("E")
    lint_file(data, "c.journey.yaml", Settings())


HOSTILE_TEXT = ["<script>alert(1)</script>", 'quo"te\\N\\G\\l', "{braces} [x] | pipe", "😀 emoji 中文", "\u202eevil\u202c", "x" * 10_000, "=cmd|' /C calc'!A0", "line\nbreak", "%0A::error::"]
FREE_TEXT = {"title", "description", "name", "thoughts", "goal", "owner", "unit", "url"}
OPTIONAL = {"description", "owner", "emotion", "metrics", "opportunities", "thoughts", "goal", "moment_of_truth"}


def _keep_valid(rng, parent, key):
    if key in FREE_TEXT:
        parent[key] = rng.choice(HOSTILE_TEXT)
    elif key in OPTIONAL and rng.random() < 0.5:
        del parent[key]
    elif key == "emotion":
        parent[key] = rng.randint(-2, 2)
    elif key == "next":
        parent[key] = []


def _valid_mutation(seed: int) -> bytes:
    """Changes that keep the journey valid: hostile free text, dropped optional keys, emotions, exits."""
    return _edited(seed, (2, 8), _keep_valid)


@pytest.mark.parametrize("seed", range(60))
def test_valid_hostile_journeys_draw_rank_export_and_diff(seed):
    checked = validate(_valid_mutation(seed), "v.journey.yaml")
    assert checked.journey is not None, [d.message for d in checked.diagnostics]
    resolved = resolve(checked.journey)
    for view in render.VIEWS:
        source = render.draw(resolved, view).source
        assert "<script>" not in source
    rank(resolved, "v.journey.yaml")
    hotspots(resolved, 3)
    for name in export.FORMATS:
        assert export.get(name)(checked.journey)
    assert compare(checked.journey, checked.journey) == []
    compare(ORIGINAL, checked.journey)
