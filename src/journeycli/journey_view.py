"""A light, read-only view of a valid journey: the models' attributes over the plain data, without Pydantic.

Lint reads thousands of steps and builds nothing it does not read. Building the
Pydantic models of a 20,000-step journey costs more than every lint rule
together, and importing Pydantic a tenth of a second; these views give the
rules (and ``flow``, ``funnel``, ``verdicts``) the same attribute names,
defaults and values as the models, for data that validation has already
accepted:

- a missing field takes the model's default (``severity`` → ``medium``);
- a ``float`` field holds a float (``value: 3`` → ``3.0``), as Pydantic's
  strict mode makes it;
- a date field holds a ``date``, also when it was quoted (``"2026-01-05"``);
- nested models are views too; ``x-…`` keys are in ``__pydantic_extra__`` of
  the journey, its stages and steps (where suppressions live), and the
  journey's ``model_fields_set`` says which fields the file sets.

A view reads the loaded mapping it wraps, and lists of text are the loaded
lists themselves, so neither may be changed; ``model_copy(update=…)`` makes
a changed copy, as on a model (the libraries' declarations are merged that
way). The field table is ``view_tables``, generated from the models and kept in sync by
tests/test_journey_view.py, which also checks that a view reads as the
model on every fixture and on fuzzed journeys.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from .dates import parse_iso_date
from .view_tables import EXTRAS, REQUIRED, VIEWS


def _date(value: Any) -> Any:
    """A YAML date as it is, a quoted one (validated as YYYY-MM-DD) read as a date, like ``model._iso_date``."""
    return value if value is None or type(value) is date else parse_iso_date(value)


class View:
    """The base of the view classes; each wraps one validated mapping (``_d``).

    A plain field is read from the mapping each time it is asked for (a property: the model's default
    when the key is missing, a float or a date made as the model makes it); nested models are views
    made once, when the view is, except in ``MADE_ON_READ``. A view holds no copy of its fields but
    the few in ``KEPT``: at 80,000 steps copies cost lint 20 MB, a fifth of what it adds to the loaded file.
    """

    __slots__ = ("_d",)

    def model_copy(self, update: dict[str, Any] | None = None) -> View:
        """A shallow copy with the fields in ``update`` replaced, like ``BaseModel.model_copy``."""
        copy = object.__new__(type(self))
        for name in _all_slots(type(self)):
            object.__setattr__(copy, name, getattr(self, name))
        update = update or {}
        plain = {name: value for name, value in update.items() if name not in copy.__slots__}
        if plain:  # a float or date given stays one when read again: the conversions take their own results as they are
            object.__setattr__(copy, "_d", {**self._d, **plain})
        for name, value in update.items():
            if name not in plain:
                object.__setattr__(copy, name, value)
        return copy

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={getattr(self, 'id', None)!r})"


MADE_ON_READ = ("Step",)
"""The views whose nested views are made each time they are read, not kept: a step's metrics, pain points and
opportunities (kept, they were 10 MB at 80,000 steps, and a rule reads each list once or twice)."""

KEPT = {"Step": ("id", "emotion", "next", "reach", "personas", "channel")}
"""Plain fields read so often (the flow, the emotion rules, each step's reach) that they are kept as attributes:
8 bytes a step each, against a property call per read (lint read a step's emotion nine times)."""


def _all_slots(kind: type) -> list[str]:
    return [name for klass in kind.__mro__ for name in getattr(klass, "__slots__", ())]


_EMPTY: list = []
"""What a missing list of models reads as in every view (views are read-only): a new empty list per step
would be a tenth of a large journey's views."""


def _expression(field: str, kind: str, default: Any, child: str | None, d: str) -> str:
    """The Python expression that reads ``field`` of the mapping ``d`` as the model's attribute."""
    got = f"{d}[{field!r}]" if default == REQUIRED else f"{d}.get({field!r}, _EMPTY)" if default == [] else f"{d}.get({field!r}, {default!r})"
    if kind == "models" and default == []:
        return f"(v if not (v := {got}) else [{child}(x) for x in v])"
    if kind == "value":
        return got
    if kind == "float":
        return f"(v if (v := {got}) is None else float(v))"
    if kind == "date":
        return f"_date({got})"
    if kind == "model":
        return f"(None if (v := {got}) is None else {child}(v))"
    if kind == "models":
        return f"(None if (v := {got}) is None else [{child}(x) for x in v])"
    raise ValueError(f"unknown field kind {kind!r}")


def _classes() -> dict[str, type]:
    """The view classes, written out from the rows of ``VIEWS``: an ``__init__`` that makes the nested views, a property per plain field."""
    namespace: dict[str, Any] = {"_date": _date, "_EMPTY": _EMPTY, "_NO_EXTRAS": {}}
    for name, fields in VIEWS.items():
        kept = [row for row in fields if (row[1] in ("model", "models") and name not in MADE_ON_READ) or row[0] in KEPT.get(name, ())]
        plain = [row for row in fields if row not in kept]
        lines = ["def __init__(self, d):", "    self._d = d"]
        lines += [f"    self.{field} = {_expression(field, kind, default, child, 'd')}" for field, kind, default, child in kept]
        slots = [field for field, *_ in kept]
        if name == "Journey":
            slots.append("model_fields_set")
            lines.append("    self.model_fields_set = frozenset(d)")  # as Pydantic's: the fields and extras the file sets
        for field, kind, default, child in plain:
            lines += [f"def _get_{field}(self):", f"    return {_expression(field, kind, default, child, 'self._d')}"]
        if name in EXTRAS:
            namespace[f"_FIELDS_{name}"] = frozenset(field for field, *_ in fields)
            lines += [
                "def _extras(self):",
                f"    rest = self._d.keys() - _FIELDS_{name}",
                "    return {k: v for k, v in self._d.items() if k in rest} if rest else _NO_EXTRAS",
            ]
        exec("\n".join(lines), namespace)  # noqa: S102 - our own code, written from the models' own field table
        members: dict[str, Any] = {"__slots__": tuple(slots), "__init__": namespace.pop("__init__")}
        members.update({field: property(namespace.pop(f"_get_{field}")) for field, *_ in plain})
        if name in EXTRAS:
            members["__pydantic_extra__"] = property(namespace.pop("_extras"))
        if name == "Journey":
            members["steps"] = _steps
        namespace[name] = type(name, (View,), members)
    return {name: namespace[name] for name in VIEWS}


def _steps(self: Any) -> _Steps:
    """Every step with its stage, in document order (``model.Journey.steps``)."""
    return _Steps(self.stages)


class _Steps:
    """``model.Journey.steps``'s pairs, made as they are walked: a list of them was 5 MB at 80,000 steps, made by each rule that asked."""

    __slots__ = ("_stages",)

    def __init__(self, stages: list) -> None:
        self._stages = stages

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        return ((stage, step) for stage in self._stages for step in stage.steps)

    def __reversed__(self) -> Iterator[tuple[Any, Any]]:
        return ((stage, step) for stage in reversed(self._stages) for step in reversed(stage.steps))

    def __len__(self) -> int:
        return sum(len(stage.steps) for stage in self._stages)


_CLASSES = _classes()


def journey_view(data: dict) -> Any:
    """The view of a journey's validated plain data (what ``model.Journey.model_validate(data)`` would read as)."""
    return _CLASSES["Journey"](data)


def checked_view(checked: Any) -> Any:
    """The view of a valid ``validation.Checked`` with the libraries it uses merged in, as ``Checked.journey`` gives the models."""
    journey = journey_view(checked.valid_data)
    return journey if checked.libraries is None else checked.libraries.merged(journey)


def tables_source() -> str:
    """The text of ``view_tables.py``, from the models (imports Pydantic)."""
    import typing
    from pprint import pformat

    from pydantic import BaseModel

    from . import model

    def child(annotation: Any) -> type[BaseModel] | None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        return next((found for arg in typing.get_args(annotation) if (found := child(arg)) is not None), None)

    def kind(info: Any) -> tuple[str, str | None]:
        annotation = info.annotation
        inner = child(annotation)
        if inner is not None:
            is_list = typing.get_origin(annotation) is list or any(typing.get_origin(a) is list for a in typing.get_args(annotation))
            return ("models" if is_list else "model"), inner.__name__
        plain = {typing.get_args(a)[0] if typing.get_origin(a) is typing.Annotated else a for a in typing.get_args(annotation) or [annotation]} - {type(None)}
        if plain == {float}:
            return "float", None
        if plain == {date}:
            return "date", None
        return "value", None

    views: dict[str, list[tuple[str, str, Any, str | None]]] = {}
    pending = [model.Journey]
    while pending:
        current = pending.pop(0)
        if current.__name__ in views:
            continue
        rows = []
        for name, info in current.model_fields.items():
            default = REQUIRED if info.is_required() else info.get_default(call_default_factory=True)
            what, inner = kind(info)
            rows.append((name, what, default, inner))
            if inner is not None:
                pending.append(getattr(model, inner))
        views[current.__name__] = rows
    return (
        '"""The models\' fields for ``journey_view``: name, how the model reads it, its default, the model inside.\n\n'
        "Generated from the models: python -m journeycli.journey_view > src/journeycli/view_tables.py\n"
        '(tests/test_journey_view.py fails when it drifts)."""\n\n'
        f"REQUIRED = {REQUIRED!r}\n\n"
        f"EXTRAS = {EXTRAS!r}\n"
        '"""The views that keep their `x-` keys: the places a suppression may stand."""\n\n'
        f"VIEWS = {pformat(views, width=160, sort_dicts=False)}\n"
    )


if __name__ == "__main__":
    print(tables_source(), end="")
