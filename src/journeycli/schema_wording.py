"""Pydantic's validation errors in the words of someone who edits YAML.

``validation`` runs the model; this module turns each error Pydantic reports
into one located E002 that names the place by id (step `pay` in stage `buy`),
quotes what the user wrote and says what was expected. Nothing here runs a
model, so the wording can change without touching the pipeline.
"""

from __future__ import annotations

import re
from typing import Any

from . import value_hints
from .diagnostics import Diagnostic
from .ids import ID_MAX_LENGTH, ID_RULE, suggestion
from .rules.error_codes import E002
from .sourcemap import Position, SourceMap
from .suggest import closest

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


def _subject(loc: tuple, raw: dict) -> tuple[str, str, str]:
    """(field name, how to call the value, the place that holds it) for a Pydantic error location.

    ``("stages", 0, "steps", 1, "next", 0)`` → ``("next", "item 1 of `next`", "step `pay` in stage `buy`")``.
    """
    if len(loc) >= 2 and isinstance(loc[-1], int) and isinstance(loc[-2], str) and loc[-2] not in _SINGULAR:
        return loc[-2], f"item {loc[-1] + 1} of `{loc[-2]}`", place(loc[:-2], raw)
    if loc and isinstance(loc[-1], str):
        return loc[-1], f"`{loc[-1]}`", place(loc[:-1], raw)
    return "value", place(loc, raw), "the journey"


def diagnostic(item: dict[str, Any], raw: dict, file: str, smap: SourceMap, source: value_hints.Source) -> Diagnostic:
    loc = tuple(item["loc"])
    kind = item["type"]
    value = item.get("input")
    name, subject, where = _subject(loc, raw)
    if kind == "missing":
        return E002.at(file, smap.value(loc[:-1]), f"{where} is missing the required key `{loc[-1]}`")
    pos = smap.value(loc)
    shown = smap.raw(loc) or show(value)
    if kind == "string_type":
        if value is None:
            comment = source.comment(pos)
            if comment is not None and isinstance(loc[-1], str):
                at, text = comment
                return E002.at(
                    file,
                    at,
                    f"{subject} in {where} is empty: after a space, `#` starts a comment, so `{text}` is not part of the value",
                    f'put the text in quotes: `{loc[-1]}: "{text}"`',
                )
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
        return E002.at(file, pos, f"{place(loc, raw)} must be a mapping of keys, not {'`' + shown + '`' if not isinstance(value, (dict, list)) else shown}")
    expected = _FIELD_WORDS.get(name)
    if expected is not None:
        reason, hint = _surprise(item, name, pos, source)
        return E002.at(file, pos, f"{subject} in {where} must be {expected}; {reason or f'found `{shown}`'}", hint)
    return E002.at(file, pos, f"{subject} in {where}: {item['msg']} (found `{shown}`)")


def _surprise(item: dict[str, Any], key: str, pos: Position, source: value_hints.Source) -> tuple[str | None, str | None]:
    """Why the value is not the number or flag it looks like (quotes, a look-alike character, a fraction), and the fix."""
    kind, value = item["type"], item.get("input")
    if isinstance(value, str) and kind in ("int_type", "float_type"):
        return value_hints.explain_text(value, key, source.quoted(pos), whole=kind == "int_type") or (None, None)
    if kind == "bool_type":
        return value_hints.explain_flag(value, key, source.quoted(pos))
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


def place(loc: tuple, raw: Any = None) -> str:
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


def show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"

