"""Lint a snippet of YAML inside a clean journey: the unit layer for rule edge cases.

``journey_with(fragment)`` puts a fragment — the shape the rule docs use —
into ``fixtures/lint/clean.journey.yaml`` (which lints with no finding):

- a list is a list of steps, added at the end of the first stage;
- a mapping with ``steps`` is a new stage, before the last one;
- a mapping of step keys (``metrics``, ``pain_points``, ``emotion``…) is
  merged into the first step;
- a mapping of journey keys is merged into the journey: lists of entries with
  ids (``stages``, ``channels``…) are merged by id, other keys replaced.

``without`` names keys to take out of the level the fragment goes to first,
so a fragment can show something missing (a journey without ``owner``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from journeycli.config import Settings
from journeycli.lint import lint_file
from journeycli.model import Stage, Step
from journeycli.validation import validate

CLEAN = Path(__file__).parent / "fixtures" / "lint" / "clean.journey.yaml"
TODAY = date(2026, 11, 22)  # the clean journey's dates are written relative to this day


def _merge_by_id(base: list[Any], extra: list[Any]) -> list[Any]:
    ids = {entry.get("id"): n for n, entry in enumerate(base) if isinstance(entry, dict)}
    merged = list(base)
    for entry in extra:
        key = entry.get("id") if isinstance(entry, dict) else None
        if key in ids:
            merged[ids[key]] = entry
        else:
            merged.append(entry)
    return merged


def _make_room(journey: dict[str, Any], fragment: str) -> None:
    """Keep the clean journey clean around ``fragment``: rename the steps whose ids it uses (step ids are
    unique journey-wide), and date the metrics when it dates numbers."""
    used = {line.split("id:", 1)[1].split(",")[0].strip(" }") for line in fragment.splitlines() if "id:" in line}
    for stage in journey["stages"]:
        for step in stage["steps"]:
            if step["id"] in used:
                step["id"] += "-clean"
            if "as_of" in fragment:  # the fragment dates its numbers (F004): the clean journey's are dated too
                for metric in step.get("metrics", []):
                    metric.setdefault("as_of", TODAY.replace(day=1))


def _fields(model: type) -> set[str]:
    return set(model.model_fields) | {"x-journey-ignore"}


def journey_with(fragment: str, without: set[str] = frozenset()) -> str:
    """The clean journey with ``fragment`` put where its keys belong, as YAML text."""
    journey = yaml.safe_load(CLEAN.read_text())
    data = yaml.safe_load(fragment)
    _make_room(journey, fragment)
    if isinstance(data, list):
        journey["stages"][0]["steps"] += data
    elif set(data) <= _fields(Stage) and "steps" in data:
        journey["stages"].insert(len(journey["stages"]) - 1, {"id": "example", "name": "Example stage", **data})
    elif set(data) <= _fields(Step) - {"id", "name"}:
        step = journey["stages"][0]["steps"][0]
        for key in without:
            step.pop(key, None)
        step.update(data)
    else:
        for key in without:
            journey.pop(key, None)
        for key, value in data.items():
            old = journey.get(key)
            journey[key] = _merge_by_id(old, value) if isinstance(old, list) and isinstance(value, list) else value
    return yaml.safe_dump(journey, sort_keys=False, allow_unicode=True)


def codes(text: str, **settings: Any) -> list[str]:
    """The codes of every finding (validation and lint, any severity) in journey ``text``."""
    return [d.code for d in lint_file(text.encode(), "snippet.journey.yaml", Settings(today=TODAY, **settings))]


def lint_snippet(fragment: str, without: set[str] = frozenset(), **settings: Any) -> list[str]:
    """The codes of every finding once ``fragment`` is put into the clean journey."""
    return codes(journey_with(fragment, without), **settings)


def validate_snippet(fragment: str) -> list[str]:
    return [d.code for d in validate(journey_with(fragment).encode(), "snippet.journey.yaml").diagnostics]

