"""Validating one journey: load → format version → unknown keys → schema → integrity.

The result holds the validated ``Journey`` (None when any error was found)
and every finding, each at the line and column of what is wrong. Messages are
written for people who edit YAML, not for Python programmers: they quote what
the user wrote (``no``, not ``False``) and say what was expected.
"""

from __future__ import annotations

import gc
import re
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from . import integrity, value_hints
from .diagnostics import Diagnostic, Severity
from .funnel import reach
from .ids import ID_MAX_LENGTH, ID_RULE, suggestion
from .loader import Invalid, Loaded, load
from .model import Journey
from .rules.validation import E002, E006
from .sourcemap import Position, SourceMap
from .suggest import closest


@dataclass
class Checked:
    """One file after validation: the journey when it is valid, and its findings."""

    file: str
    journey: Journey | None
    sourcemap: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    libraries: Any = None  # the ``portfolio.uses.Resolved`` libraries the journey uses, when followed

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


@contextmanager
def no_gc() -> Iterator[None]:
    """Building many small containers triggers the cyclic GC over and over; nothing here makes cycles.

    Freezing before re-enabling keeps the first collection afterwards from
    scanning everything just built (refcounting still frees it).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def header(loaded: Loaded, file: str, not_a_mapping: str) -> tuple[dict | None, list[Diagnostic]]:
    """The file's top-level mapping and the findings about its `format`; None when checking must stop.

    Shared by journeys and libraries; ``not_a_mapping`` is the message for a file that is not a mapping.
    """
    found: list[Diagnostic] = []
    raw = loaded.data
    if raw is None:
        return None, found
    if not isinstance(raw, dict):
        found.append(E002.at(file, loaded.sourcemap.value(()), not_a_mapping))
        return None, found
    version = raw.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version != 1:
        found.append(
            E006.at(
                file,
                loaded.sourcemap.value(("format",)),
                f"this file is format {version}; this journeycli reads format 1",
                "upgrade journeycli, or write the file in format 1",
            )
        )
        return None, found
    if "format" in raw and (isinstance(version, bool) or not isinstance(version, int)) and not isinstance(version, Invalid):
        shown = loaded.sourcemap.raw(("format",)) or _show(version)
        found.append(E002.at(file, loaded.sourcemap.value(("format",)), f"`format` must be the whole number 1; found `{shown}`", "write: format: 1"))
    return raw, found


def check_model(raw: dict, model: type[BaseModel], file: str, smap: SourceMap, out: list[Diagnostic], source: value_hints.Source | None = None) -> Any:
    """Unknown keys, then the schema of ``model``: the validated model, or None (findings in ``out``).

    ``source`` (the file's bytes) lets messages say that a number was quoted."""
    out.extend(_unknown_keys(raw, model, (), file, smap, raw))
    return _schema(raw, file, smap, out, model, source or value_hints.Source(b""))


def validate(data: bytes, file: str, scope: Any = None) -> Checked:
    """Validate one file's bytes; never raises for any input.

    ``scope`` (a ``portfolio.uses.Scope``) resolves the file's `uses` and the configured default
    libraries; without it a journey's `uses` is not followed.
    """
    with no_gc():
        loaded = load(data, file)
        raw, found = header(loaded, file, "a journey file must be a mapping of keys (format, id, title, stages, …)")
        checked = Checked(file, None, loaded.sourcemap, loaded.diagnostics + found)
        if raw is None:
            return checked
        journey = check_model(raw, Journey, file, loaded.sourcemap, checked.diagnostics, value_hints.Source(data))
        libraries = scope.libraries_of(raw, file, loaded.sourcemap, checked.diagnostics) if scope is not None else None
        checked.diagnostics.extend(integrity.check(raw, file, loaded.sourcemap, libraries))
        checked.libraries = libraries
        checked.diagnostics.extend(reach.check(raw, file, loaded.sourcemap, libraries))
        if checked.ok:
            checked.journey = journey if libraries is None else libraries.merged(journey)
        return checked


# -- unknown keys -----------------------------------------------------------------


def _child_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``list[Model] | None`` and the like, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _child_model(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list or any(_is_list(arg) for arg in typing.get_args(annotation))


def _children(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    return {
        name: child for name, info in model.model_fields.items() if (child := _child_model(info.annotation)) is not None
    }


_CHILDREN: dict[type[BaseModel], dict[str, type[BaseModel]]] = {}


def _unknown_keys(raw: dict, model: type[BaseModel], path: tuple, file: str, smap: SourceMap, root: dict) -> Iterator[Diagnostic]:
    """Keys the format does not know (``x-…`` keys are free), with a did-you-mean."""
    children = _CHILDREN.get(model)
    if children is None:
        children = _CHILDREN[model] = _children(model)
    fields = model.model_fields
    for key, value in raw.items():
        if key in fields:
            child = children.get(key)
            if child is None:
                continue
            if isinstance(value, dict):
                if not _is_list(fields[key].annotation):
                    yield from _unknown_keys(value, child, (*path, key), file, smap, root)
                # a mapping where a list goes is reported once, by the schema check, not key by key
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict):
                        yield from _unknown_keys(item, child, (*path, key, index), file, smap, root)
        elif not (isinstance(key, str) and key.startswith("x-")):
            close = closest(str(key), fields)
            hint = f"did you mean `{close}`?" if close else f"keys allowed here: {', '.join(fields)}; or use an `x-` key for your own data"
            yield E002.at(file, smap.key((*path, key)), f"unknown key `{key}` in {_where(path, root)}", hint)


# -- schema errors ------------------------------------------------------------------

_FIELD_WORDS = {
    "emotion": "a whole number from -2 (very negative) to 2 (very positive)",
    "affected": "a share of customers from 0 to 1 (0.35 means 35%)",
    "review_interval_months": "a whole number of months, at least 1",
    "value": "a number",
    "target": "a number",
    "moment_of_truth": "true or false",
    "format": "1",
    "last_reviewed": "a date written as YYYY-MM-DD",
    "date": "a date written as YYYY-MM-DD",
    "as_of": "a date written as YYYY-MM-DD",
    "reach_as_of": "a date written as YYYY-MM-DD",
    "reach": "a share from 0 to 1, a count of customers, or a mapping of persona ids to them",
    "entrants": "a whole number of customers, at least 1",
}

_YAML_TYPE_WORDS = {bool: "true/false", int: "a number", float: "a number"}


def _schema(raw: dict, file: str, smap: SourceMap, out: list[Diagnostic], model: type[BaseModel], source: value_hints.Source) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            if isinstance(item.get("input"), Invalid) or item["type"] == "extra_forbidden" or (tuple(item["loc"]) == ("format",) and "format" in raw):
                continue  # already reported (a present `format` is checked by `validate`, which also catches `true`)
            out.append(_schema_diagnostic(item, raw, file, smap, source))
        return None


def _subject(loc: tuple, raw: dict) -> tuple[str, str, str]:
    """(field name, how to call the value, the place that holds it) for a Pydantic error location.

    ``("stages", 0, "steps", 1, "next", 0)`` → ``("next", "item 1 of `next`", "step `pay` in stage `buy`")``.
    """
    if len(loc) >= 2 and isinstance(loc[-1], int) and isinstance(loc[-2], str) and loc[-2] not in _SINGULAR:
        return loc[-2], f"item {loc[-1] + 1} of `{loc[-2]}`", _where(loc[:-2], raw)
    if loc and isinstance(loc[-1], str):
        return loc[-1], f"`{loc[-1]}`", _where(loc[:-1], raw)
    return "value", _where(loc, raw), "the journey"


def _schema_diagnostic(item: dict[str, Any], raw: dict, file: str, smap: SourceMap, source: value_hints.Source) -> Diagnostic:
    loc = tuple(item["loc"])
    kind = item["type"]
    value = item.get("input")
    name, subject, where = _subject(loc, raw)
    if kind == "missing":
        return E002.at(file, smap.value(loc[:-1]), f"{where} is missing the required key `{loc[-1]}`")
    pos = smap.value(loc)
    shown = smap.raw(loc) or _show(value)
    if kind == "string_type":
        if value is None:
            return E002.at(file, pos, f"{subject} in {where} is empty; it needs text")
        if isinstance(value, (dict, list)):
            return E002.at(file, pos, f"{subject} in {where} must be text, not {shown}")
        word = "a date" if hasattr(value, "isoformat") else _YAML_TYPE_WORDS.get(type(value), "something else")
        return E002.at(file, pos, f"{subject} in {where} must be text, but YAML read `{shown}` as {word}", f'quote it: "{shown}"')
    if kind == "string_pattern_mismatch":
        return E002.at(file, pos, f"`{value}` is not a valid id: {ID_RULE}", suggestion(str(value)))
    if kind in ("string_too_long", "string_too_short") and name == "id":
        problem = "empty" if kind == "string_too_short" else f"longer than {ID_MAX_LENGTH} characters"
        return E002.at(file, pos, f"the id in {where} is {problem}")
    if kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'", expected) or [expected]
        close = closest(str(value), options)
        return E002.at(
            file,
            pos,
            f"{subject} in {where} must be one of {', '.join(options)}; found `{shown}`",
            f"did you mean `{close}`?" if close else None,
        )
    if kind == "too_short":
        return E002.at(file, pos, f"{subject} in {where} needs at least one entry")
    if kind == "list_type":
        if isinstance(value, dict) and value and all(isinstance(entry, dict) for entry in value.values()):
            first = next(iter(value))
            hint = f"write each entry as a list item that starts with its id: `- id: {first}`, then its other keys indented below it"
        else:
            hint = f"write `{name}: [{shown}]` or one `- item` per line" if not isinstance(value, (dict, list)) else "write one `- item` per line"
        return E002.at(file, pos, f"{subject} in {where} must be a list, not {'`' + shown + '`' if not isinstance(value, (dict, list)) else shown}", hint)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return E002.at(file, pos, f"{_where(loc, raw)} must be a mapping of keys, not {'`' + shown + '`' if not isinstance(value, (dict, list)) else shown}")
    expected = _FIELD_WORDS.get(name)
    if expected is not None:
        reason, hint = _surprise(item, name, pos, source)
        return E002.at(file, pos, f"{subject} in {where} must be {expected}; {reason or f'found `{shown}`'}", hint)
    return E002.at(file, pos, f"{subject} in {where}: {item['msg']} (found `{shown}`)")


def _surprise(item: dict[str, Any], key: str, pos: Position, source: value_hints.Source) -> tuple[str | None, str | None]:
    """Why the value is not the number it looks like (quotes, a look-alike character, a fraction), and the fix."""
    kind, value = item["type"], item.get("input")
    if isinstance(value, str) and kind in ("int_type", "float_type"):
        return value_hints.explain_text(value, key, source.quoted(pos), whole=kind == "int_type") or (None, None)
    if isinstance(value, float) and kind == "int_type":
        return value_hints.explain_fraction(value, key)
    if kind in ("less_than_equal", "less_than") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return None, value_hints.explain_bound(value, key, item.get("ctx", {}).get("le"))
    return None, None


_SINGULAR = {
    "stages": "stage",
    "steps": "step",
    "personas": "persona",
    "channels": "channel",
    "sources": "source",
    "metrics": "metric",
    "pain_points": "pain point",
    "opportunities": "opportunity",
}


def _where(loc: tuple, raw: Any = None) -> str:
    """A reader's name for the place at ``loc``: ``step `pay` in stage `checkout```, ``the journey``.

    Items are named by their id when they have a usable one, else by their
    position (``stage 2``); at most the two innermost levels are named.
    """
    words: list[str] = []
    node = raw
    parts = list(loc)
    i = 0
    while i < len(parts):
        part = parts[i]
        node = node.get(part) if isinstance(node, dict) else None
        if part in _SINGULAR and i + 1 < len(parts) and isinstance(parts[i + 1], int):
            index = parts[i + 1]
            node = node[index] if isinstance(node, list) and index < len(node) else None
            item_id = node.get("id") if isinstance(node, dict) else None
            label = f"`{item_id}`" if isinstance(item_id, str) and item_id else str(index + 1)
            words.append(f"{_SINGULAR[part]} {label}")
            i += 2
        else:
            words.append(f"`{part}`")
            i += 1
    return " in ".join(reversed(words[-2:])) if words else "the journey"


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"

