"""A yes-or-unsure schema check without Pydantic, so a valid file never starts it.

Pydantic stays the single source of the format: ``schema_tables`` is the JSON
Schema generated from the models (descriptions and examples left out), and a
test keeps it in sync. This module compiles it once into plain predicates that
answer "certainly valid" for the common case. Anything they do not accept — a
wrong value, an unknown key, a number too large to be sure about — goes to
Pydantic as before, which decides and words every finding, so messages are
unchanged. A predicate may say "unsure" about a valid file (it then costs the
Pydantic check), never "valid" about an invalid one; tests/test_fast_schema.py
checks that on every fixture and on fuzzed journeys.

The predicates follow Pydantic's strict mode, the models' setting: text is a
``str``, a whole number an ``int`` (never a bool), a number an ``int`` or a
finite ``float``, a date a ``date`` or a ``YYYY-MM-DD`` text (as
``model._iso_date`` reads it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from .dates import parse_iso_date
from .schema_tables import DEFINITIONS, JOURNEY, LIBRARY

Check = Callable[[Any], bool]

SAFE_INT = 2**53
"""Beyond this, whether Pydantic takes a whole number as a float (or at all) is left to Pydantic."""


def _is_date(value: Any) -> bool:
    if type(value) is date:
        return True
    return type(value) is str and parse_iso_date(value) is not None


_KNOWN = {"$ref", "anyOf", "type", "enum", "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "ge",
          "items", "minItems", "properties", "required", "additionalProperties", "patternProperties"}
_TYPES = {
    "string": "type({v}) is str",
    "integer": "(type({v}) is int and -SAFE_INT < {v} < SAFE_INT)",
    "number": "(type({v}) is float and isfinite({v}) or type({v}) is int and -SAFE_INT < {v} < SAFE_INT)",
    "boolean": "type({v}) is bool",
    "null": "{v} is None",
    "array": "type({v}) is list",
    "object": "type({v}) is dict",
}


class _Compiler:
    """Writes one Python function per model of the schema: straight-line checks, a few times faster than interpreting it."""

    def __init__(self, definitions: dict[str, Any]) -> None:
        self.definitions = definitions
        self.constants: dict[str, Any] = {"SAFE_INT": SAFE_INT, "isfinite": math.isfinite, "is_date": _is_date}
        self.functions: dict[str, str] = {}

    def constant(self, value: Any) -> str:
        name = f"C{len(self.constants)}"
        self.constants[name] = value
        return name

    def expr(self, node: dict[str, Any], v: str, depth: int) -> str:
        """A Python expression that is true when the value named ``v`` certainly fits ``node``."""
        unknown = set(node) - _KNOWN
        if unknown:
            raise ValueError(f"schema keyword(s) the fast check does not know: {sorted(unknown)}")
        if "$ref" in node:
            return f"{self.model(node['$ref'].rsplit('/', 1)[1])}({v})"
        parts = []
        if "anyOf" in node:
            parts.append("(" + " or ".join(self.expr(option, v, depth) for option in node["anyOf"]) + ")")
        kind = node.get("type")
        if node.get("format") == "date":
            parts.append(f"is_date({v})")
        elif kind is not None:
            if kind not in _TYPES:
                raise ValueError(f"schema type the fast check does not know: {kind}")
            parts.append(_TYPES[kind].format(v=v))
        if "enum" in node:
            parts.append(f"type({v}) is str and {v} in {self.constant(frozenset(node['enum']))}")
        if "const" in node:
            const = node["const"]
            parts.append(f"type({v}) is {type(const).__name__} and {v} == {const!r}")
        if "minLength" in node or "maxLength" in node:
            parts.append(f"{node.get('minLength', 0)} <= len({v}) <= {node.get('maxLength', 2**63)}")
        if "pattern" in node:  # Pydantic's regex: `$` is the end of the text, `\Z` in Python's
            match = re.compile(re.sub(r"[$]$", r"\\Z", node["pattern"])).match
            parts.append(f"{self.constant(match)}({v}) is not None")
        if "minimum" in node or "ge" in node:
            parts.append(f"{v} >= {max(node.get('minimum', node.get('ge')), node.get('ge', node.get('minimum')))!r}")
        if "maximum" in node:
            parts.append(f"{v} <= {node['maximum']!r}")
        if "items" in node:
            item = f"i{depth}"
            parts.append(f"all({self.expr(node['items'], item, depth + 1)} for {item} in {v})")
        if "minItems" in node:
            parts.append(f"len({v}) >= {node['minItems']}")
        extra = node.get("additionalProperties", True)
        if isinstance(extra, dict):  # a mapping of free keys to values of one kind
            key, item = f"k{depth}", f"i{depth}"
            parts.append(f"all(type({key}) is str and {self.expr(extra, item, depth + 1)} for {key}, {item} in {v}.items())")
        elif "properties" in node or extra is False:
            parts.append(self.inline_model(node, v))
        return " and ".join(parts) if parts else "True"

    def inline_model(self, node: dict[str, Any], v: str) -> str:
        name = f"M{len(self.functions)}_root"
        self.write_model(name, node)
        return f"{name}({v})"

    def model(self, name: str) -> str:
        function = f"M_{name}"
        if function not in self.functions:
            self.functions[function] = ""  # recursion: the name exists while the body is written
            self.write_model(function, self.definitions[name])
        return function

    def write_model(self, function: str, node: dict[str, Any]) -> None:
        """A model: its required keys, each value, and no key it does not know but ``x-…`` (validation reports those)."""
        if node.get("additionalProperties", True) is not False or set(node.get("patternProperties", {})) - {"^x-"}:
            raise ValueError("the fast check expects models that refuse unknown keys but `x-…`")
        fields = node.get("properties", {})
        names = self.constant(frozenset(fields))
        lines = [
            f"def {function}(v):",
            "    if type(v) is not dict: return False",
            f"    if not {names}.issuperset(v) and not all(k in {names} or (type(k) is str and k.startswith('x-')) for k in v): return False",
        ]
        for required in node.get("required", ()):
            lines.append(f"    if {required!r} not in v: return False")
        lines.append("    get = v.get")
        for field, sub in fields.items():
            lines.append(f"    x = get({field!r}, MISSING)")
            lines.append(f"    if x is not MISSING and not ({self.expr(sub, 'x', 0)}): return False")
        lines.append("    return True")
        self.functions[function] = "\n".join(lines)


def _root(schema: dict[str, Any]) -> Check:
    """The schema as one compiled predicate."""
    compiler = _Compiler(DEFINITIONS)
    root = compiler.inline_model(schema, "v")
    namespace: dict[str, Any] = {**compiler.constants, "MISSING": object()}
    exec("\n\n".join(compiler.functions.values()), namespace)  # noqa: S102 - our own code, written from our own schema
    return namespace[root.split("(")[0]]


journey_ok = _root(JOURNEY)
"""True when Pydantic is certain to accept this loaded journey with no unknown key."""
library_ok = _root(LIBRARY)
"""The same for a library file."""


def compact(schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema without what only people and editors read: what ``schema_tables`` holds."""
    drop = {"description", "examples", "title", "default", "$schema", "$id"}

    def walk(node: Any, names: bool = False) -> Any:
        if isinstance(node, dict):
            if names:  # `properties` and `definitions` map names (a field may be called `description`) to schemas
                return {key: walk(value) for key, value in node.items()}
            return {key: walk(value, key in ("properties", "definitions")) for key, value in node.items() if key not in drop}
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    return walk(schema)


def tables_source() -> str:
    """The text of ``schema_tables.py``, from the models (imports Pydantic); the two schemas share their definitions."""
    from pprint import pformat

    from .schema import journey_schema, library_schema

    journey, library = compact(journey_schema()), compact(library_schema())
    definitions = journey.pop("definitions")
    for name, definition in library.pop("definitions").items():
        if definitions.setdefault(name, definition) != definition:
            raise ValueError(f"journeys and libraries define `{name}` differently")

    def show(value: dict) -> str:
        return pformat(value, width=200, sort_dicts=False)

    return (
        '"""The journey and library JSON Schemas without descriptions, for ``fast_schema``.\n\n'
        "Generated from the models: python -m journeycli.fast_schema > src/journeycli/schema_tables.py\n"
        '(tests/test_fast_schema.py fails when it drifts)."""\n\n'
        f"DEFINITIONS = {show(definitions)}\n\n"
        f"JOURNEY = {show(journey)}\n\n"
        f"LIBRARY = {show(library)}\n"
    )


if __name__ == "__main__":  # pragma: no cover - the generator, run by hand
    print(tables_source(), end="")
