"""Lint's Pydantic-free journey view (``journey_view``) reads every valid journey exactly as the models do.

Every attribute of every nested model — value and type (a float stays a float,
a quoted date is a date), the ``x-…`` extras of the journey, its stages and
steps, and which fields the file sets — is compared on every valid fixture and
example and on fuzzed journeys with values of every kind.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT
from fuzz.journeys import dump, journeys
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from journeycli import journey_view
from journeycli.loader import load
from journeycli.model import Journey
from journeycli.portfolio.library import is_library_name
from journeycli.validation import validate

FILES = sorted(p for folder in (FIXTURES, EXAMPLES) for p in folder.rglob("*.journey.y*ml") if not is_library_name(p.name))
SETTINGS = settings(max_examples=60, derandomize=True, phases=[Phase.explicit, Phase.generate], deadline=None, database=None, suppress_health_check=list(HealthCheck))


def differences(model: object, view: object, path: str = "journey") -> list[str]:
    """Where ``view`` reads otherwise than ``model`` (empty when they agree on everything)."""
    if isinstance(model, BaseModel):
        found = [] if type(view).__name__ == type(model).__name__ else [f"{path}: a {type(view).__name__} for a {type(model).__name__}"]
        for name in type(model).model_fields:
            found += differences(getattr(model, name), getattr(view, name), f"{path}.{name}")
        if type(model).__name__ in journey_view.EXTRAS and model.__pydantic_extra__ != view.__pydantic_extra__:
            found.append(f"{path}: extras {model.__pydantic_extra__!r} read as {view.__pydantic_extra__!r}")
        if isinstance(model, Journey) and model.model_fields_set != set(view.model_fields_set):
            found.append(f"{path}: fields set {model.model_fields_set} read as {view.model_fields_set}")
        return found
    if isinstance(model, list) and isinstance(view, list) and len(model) == len(view):
        return [d for n, (m, v) in enumerate(zip(model, view)) for d in differences(m, v, f"{path}[{n}]")]
    if type(model) is not type(view) or model != view:
        return [f"{path}: {model!r} read as {view!r}"]
    return []


def test_the_tables_are_the_models_fields():
    assert (ROOT / "src" / "journeycli" / "view_tables.py").read_text() == journey_view.tables_source(), (
        "run: python -m journeycli.journey_view > src/journeycli/view_tables.py"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_valid_fixture_and_example_reads_as_its_model(path: Path):
    checked = validate(path.read_bytes(), path.name)
    if checked.valid_data is None:
        return
    model = Journey.model_validate(checked.valid_data)
    assert differences(model, journey_view.journey_view(checked.valid_data)) == []


def test_defaults_floats_dates_and_extras_are_the_models():
    data = load(
        b"format: 1\nid: j\ntitle: J\nx-team: {a: 1}\nlast_reviewed: '2026-01-05'\nstages:\n  - id: s\n    name: S\n    steps:\n"
        b"      - id: a\n        name: A\n        x-note: hi\n        metrics: [{id: m, value: 3, target: 1, as_of: 2026-02-01}]\n"
        b"        pain_points: [{id: p, description: D, affected: 1}]\n        opportunities: [{id: o, description: O}]\n",
        "f",
    ).data
    view = journey_view.journey_view(data)
    assert differences(Journey.model_validate(data), view) == []
    assert view.last_reviewed == datetime.date(2026, 1, 5) and view.review_interval_months == 12 and view.personas is None
    step = view.stages[0].steps[0]
    assert (step.metrics[0].value, step.pain_points[0].affected, step.pain_points[0].severity, step.opportunities[0].status) == (3.0, 1.0, "medium", "idea")
    assert type(step.metrics[0].value) is float and step.__pydantic_extra__ == {"x-note": "hi"}
    assert view.model_fields_set == {"format", "id", "title", "x-team", "last_reviewed", "stages"}


def test_a_copy_with_changes_leaves_the_view_as_it_was():
    view = journey_view.journey_view(load(b"format: 1\nid: j\ntitle: J\nstages: [{id: s, name: S}]\n", "f").data)
    copy = view.model_copy(update={"title": "K"})
    assert (copy.title, view.title, copy.stages is view.stages) == ("K", "J", True)


@SETTINGS
@given(journeys(), st.sampled_from([None, "flow", "block"]))
def test_fuzzed_journeys_read_as_their_models(journey: dict, style):
    data = load(dump(journey, style).encode(), "f").data
    model = Journey.model_validate(data)
    assert differences(model, journey_view.journey_view(data)) == []
