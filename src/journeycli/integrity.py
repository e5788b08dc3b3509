"""Uniqueness (E004) and references (E005), checked on the loaded data.

These run on the plain data rather than on the validated model so that a file
with a schema error elsewhere still gets its duplicate ids and broken
references reported in the same run. Anything of the wrong shape is skipped
here: the schema check reports it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from .diagnostics import Diagnostic
from .rules.validation import E004, E005
from .sourcemap import SourceMap

Path = tuple[Any, ...]


def _entries(container: Any, key: str, path: Path) -> Iterator[tuple[Path, dict]]:
    """(path, mapping) for each mapping in the list ``container[key]``."""
    items = container.get(key) if isinstance(container, dict) else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield (*path, key, index), item


def _ids(entries: list[tuple[Path, dict]]) -> list[tuple[Path, str]]:
    return [((*path, "id"), item["id"]) for path, item in entries if isinstance(item.get("id"), str)]


class _Checker:
    def __init__(self, raw: dict, file: str, smap: SourceMap) -> None:
        self.raw, self.file, self.smap = raw, file, smap
        self.found: list[Diagnostic] = []
        self.stages = list(_entries(raw, "stages", ()))
        self.steps = [step for path, stage in self.stages for step in _entries(stage, "steps", path)]
        self.pains = [pain for path, step in self.steps for pain in _entries(step, "pain_points", path)]
        self.opportunities = [opp for path, step in self.steps for opp in _entries(step, "opportunities", path)]

    def unique(self, ids: list[tuple[Path, str]], what: str, scope: str) -> set[str]:
        first: dict[str, Path] = {}
        for path, value in ids:
            if value in first:
                line = self.smap.value(first[value])[0]
                self.found.append(
                    E004.at(
                        self.file,
                        self.smap.value(path),
                        f"the {what} id `{value}` is already used at line {line}; {what} ids must be unique {scope}",
                        "rename one of them",
                    )
                )
            else:
                first[value] = path
        return set(first)

    def references(self, owner: Path, item: dict, key: str, known: set[str], what: str) -> None:
        value = item.get(key)
        if value is None or (value in known if isinstance(value, str) else isinstance(value, list) and all(type(v) is str and v in known for v in value)):
            return  # the usual case, decided without building any paths
        refs: list[tuple[Path, Any]] = (
            [((*owner, key), value)] if isinstance(value, str) else [((*owner, key, i), v) for i, v in enumerate(value)] if isinstance(value, list) else []
        )
        for path, ref in refs:
            if isinstance(ref, str) and ref not in known:
                close = difflib.get_close_matches(ref, sorted(known), n=1)
                if close:
                    hint = f"did you mean `{close[0]}`?"
                elif known:
                    hint = f"known {what} ids: {', '.join(sorted(known)[:8])}{', …' if len(known) > 8 else ''}"
                else:
                    hint = f"no {what} is defined in this journey"
                self.found.append(E005.at(self.file, self.smap.value(path), f"`{ref}` is not a defined {what} id", hint))

    def run(self) -> list[Diagnostic]:
        declared = {
            key: self.unique(_ids(list(_entries(self.raw, key, ()))), what, "in the list")
            for key, what in (("personas", "persona"), ("channels", "channel"), ("sources", "source"))
        }
        self.unique(_ids(self.stages), "stage", "across the journey")
        step_ids = self.unique(_ids(self.steps), "step", "across the journey")
        pain_ids = self.unique(_ids(self.pains), "pain point", "across the journey")
        self.unique(_ids(self.opportunities), "opportunity", "across the journey")
        step_references = [("sources", declared["sources"], "source"), ("next", step_ids, "step")]
        if isinstance(self.raw.get("channels"), list):
            step_references.append(("channel", declared["channels"], "channel"))
        if isinstance(self.raw.get("personas"), list):
            step_references.append(("personas", declared["personas"], "persona"))
        for path, step in self.steps:
            metrics = step.get("metrics")
            if isinstance(metrics, list) and len(metrics) > 1:
                self.unique(_ids(list(_entries(step, "metrics", path))), "metric", "within a step")
            for key, known, what in step_references:
                if key in step:
                    self.references(path, step, key, known, what)
        for path, pain in self.pains:
            if "sources" in pain:
                self.references(path, pain, "sources", declared["sources"], "source")
        for path, opportunity in self.opportunities:
            if "addresses" in opportunity:
                self.references(path, opportunity, "addresses", pain_ids, "pain point")
        return self.found


def check(raw: dict, file: str, smap: SourceMap) -> list[Diagnostic]:
    """Every duplicate id and every reference to an undefined id in one journey's data."""
    return _Checker(raw, file, smap).run()
