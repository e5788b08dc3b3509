"""The Pydantic-free schema check (``fast_schema``) never calls an invalid file valid, and stays in step with the models.

``fast_schema`` only lets a file skip Pydantic when it is certain Pydantic would
accept it: these compare the two on every fixture and example, on fuzzed files
(tests/fuzz's generators), and on every field given values of every kind.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT
from fuzz.journeys import documents, dump, journeys
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from journeycli import fast_schema
from journeycli.loader import INVALID, load
from journeycli.model import Journey
from journeycli.portfolio.library import is_library_name
from journeycli.portfolio.library_model import Library
from journeycli.sourcemap import SourceMap
from journeycli.validation import check_model

FILES = sorted(p for folder in (FIXTURES, EXAMPLES) for p in folder.rglob("*.y*ml"))
SETTINGS = settings(max_examples=60, derandomize=True, phases=[Phase.explicit, Phase.generate], deadline=None, database=None, suppress_health_check=list(HealthCheck))


def pydantic_accepts(raw, model=Journey) -> bool:
    found: list = []
    return check_model(raw, model, "f", SourceMap(None), found) is not None and not found


def agree(raw, model=Journey) -> tuple[bool, bool]:
    fast = (fast_schema.library_ok if model is Library else fast_schema.journey_ok)(raw)
    return fast, pydantic_accepts(raw, model)


def test_the_tables_are_the_models_json_schema():
    assert (ROOT / "src" / "journeycli" / "schema_tables.py").read_text() == fast_schema.tables_source(), (
        "run: python -m journeycli.fast_schema > src/journeycli/schema_tables.py"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_and_example_is_judged_as_pydantic_judges_it(path: Path):
    data = load(path.read_bytes(), path.name).data
    if not isinstance(data, dict):
        return
    fast, slow = agree(data, Library if is_library_name(path.name) else Journey)
    assert fast == slow or not fast, "the fast check calls valid what Pydantic refuses"


def test_the_valid_examples_skip_pydantic():
    for path in EXAMPLES.glob("*.journey.yaml"):
        assert fast_schema.journey_ok(load(path.read_bytes(), path.name).data), path


@SETTINGS
@given(documents())
def test_fuzzed_files_are_never_called_valid_when_pydantic_refuses_them(raw: bytes):
    data = load(raw, "f").data
    if isinstance(data, dict):
        fast, slow = agree(data)
        assert slow or not fast


VALUES = [
    None, True, False, 0, 1, -1, 2, 3, -3, 0.5, 1.5, -0.0, 2**53, -(2**53), 2**64, 10**30, 1e308, math.inf, -math.inf, math.nan, "", "x", "a" * 65,
    "ok-id", "Bad Id", "ok-id\n", "2026-01-05", "2026-02-30", "2026-W01-1", "20260105", datetime.date(2026, 1, 5), datetime.datetime(2026, 1, 5, 10, 0),
    [], ["a"], [1], [None], {}, {"a": 1}, {"default": 0.5}, {"x": -1}, {"x": True}, INVALID, "low", "survey", "frontstage", "current", "future", "done",
]


def _has_big_int(value) -> bool:
    if isinstance(value, dict):
        return any(_has_big_int(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_big_int(item) for item in value)
    return type(value) is int and abs(value) >= fast_schema.SAFE_INT


def _paths(value, path=()):
    """Every place in the data where a value can be replaced."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from _paths(item, (*path, index))


def _replace(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@SETTINGS
@given(journeys(), st.data())
def test_any_field_given_any_kind_of_value_is_never_called_valid_when_pydantic_refuses_it(journey: dict, data):
    journey = load(dump(journey).encode(), "f").data
    fast, slow = agree(journey)
    assert slow and (fast or _has_big_int(journey))  # beyond 2**53 the fast check leaves a number to Pydantic
    paths = list(_paths(journey))
    for _ in range(6):
        _replace(journey, data.draw(st.sampled_from(paths)), data.draw(st.sampled_from(VALUES)))
        fast, slow = agree(journey)
        assert slow or not fast
        if not slow:
            break
