"""Uniqueness (E004) and references (E005), checked on the loaded data.

These run on the plain data rather than on the validated model so that a file
with a schema error elsewhere still gets its duplicate ids and broken
references reported in the same run. Anything of the wrong shape is skipped
here: the schema check reports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .diagnostics import Diagnostic
from .rules.error_codes import E004, E005
from .sourcemap import SourceMap
from .suggest import closest

Path = tuple[Any, ...]


def _entries(container: Any, key: str, path: Path) -> Iterator[tuple[Path, dict]]:
    """(path, mapping) for each mapping in the list ``container[key]``."""
    items = container.get(key) if isinstance(container, dict) else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield (*path, key, index), item


def _rejected(container: Any, key: str) -> set[str]:
    """Ids of entries written in a shape the schema rejects (a mapping or bare names where a list of
    mappings goes): references to them would only repeat that error, against what the file visibly says."""
    items = container.get(key) if isinstance(container, dict) else None
    if isinstance(items, dict):
        return {name for name in items if isinstance(name, str)} | {entry["id"] for entry in items.values() if isinstance(entry, dict) and isinstance(entry.get("id"), str)}
    if isinstance(items, list):
        return {item for item in items if isinstance(item, str)}
    return {items} if isinstance(items, str) else set()


def _all_known(value: Any, known: set[str]) -> bool:
    """Whether a reference (an id, or a list of ids) names only ``known`` ids."""
    return value in known if isinstance(value, str) else isinstance(value, list) and all(type(v) is str and v in known for v in value)


def _ids(entries: list[tuple[Path, dict]]) -> list[tuple[Path, str]]:
    return [((*path, "id"), item["id"]) for path, item in entries if isinstance(item.get("id"), str)]


class _Checker:
    def __init__(self, raw: dict, file: str, smap: SourceMap) -> None:
        self.raw, self.file, self.smap = raw, file, smap
        self.found: list[Diagnostic] = []
        self.stages = list(_entries(raw, "stages", ()))
        self.rejected: dict[str, set[str]] = {}
        # (stage index, step index, mapping) of every step: with a path each, and a list of the pain points
        # and opportunities, the checker's lists were 30 MB at 80,000 steps; a path is made when it is used
        self.steps = [(path[1], j, step) for path, stage in self.stages if isinstance(steps := stage.get("steps"), list) for j, step in enumerate(steps) if isinstance(step, dict)]

    def step_paths(self) -> Iterator[tuple[Path, dict]]:
        """(path, mapping) of every step."""
        return ((("stages", i, "steps", j), step) for i, j, step in self.steps)

    def in_steps(self, key: str) -> Iterator[tuple[Path, dict]]:
        """(path, mapping) of every entry of the steps' ``key`` lists (pain points, opportunities)."""
        for i, j, step in self.steps:
            items = step.get(key)
            if isinstance(items, list):
                for k, item in enumerate(items):
                    if isinstance(item, dict):
                        yield ("stages", i, "steps", j, key, k), item

    def unique_ids(self, entries: Callable[[], Iterator[tuple[Path, dict]]], what: str, scope: str) -> set[str]:
        """The ids of ``entries``, checked as ``unique`` does; the table of their paths is made only when one is repeated."""
        ids: set[str] = set()
        for _, item in entries():
            value = item.get("id")
            if isinstance(value, str):
                if value in ids:
                    return set(self.unique(_ids(list(entries())), what, scope))
                ids.add(value)
        return ids

    def unique(self, ids: list[tuple[Path, str]], what: str, scope: str) -> dict[str, Path]:
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
        return first

    def references(self, owner: Path, item: dict, key: str, known: set[str], what: str) -> None:
        value = item.get(key)
        if value is None or _all_known(value, known):
            return  # the usual case, decided without building any paths
        refs: list[tuple[Path, Any]] = (
            [((*owner, key), value)] if isinstance(value, str) else [((*owner, key, i), v) for i, v in enumerate(value)] if isinstance(value, list) else []
        )
        for path, ref in refs:
            if isinstance(ref, str) and ref not in known and ref not in self.rejected.get(what, ()):
                close = closest(ref, sorted(known))
                if close:
                    hint = f"did you mean `{close}`?"
                elif known:
                    hint = f"known {what} ids: {', '.join(sorted(known)[:8])}{', …' if len(known) > 8 else ''}"
                else:
                    hint = f"no {what} is defined in this journey"
                self.found.append(E005.at(self.file, self.smap.value(path), f"`{ref}` is not a defined {what} id", hint))

    def declarations(self) -> dict[str, dict[str, Path]]:
        """Persona, channel, source and team ids declared in this file, each list checked for duplicates."""
        return {key: self.unique(_ids(list(_entries(self.raw, key, ()))), what, "in the list") for key, what in DECLARED}

    def against(self, declared: dict[str, dict[str, Path]], libraries: Any) -> None:
        """An id declared both here and in a library is an error at both places."""
        for key, what in DECLARED:
            theirs = libraries.entries(key)
            for value, path in declared[key].items():
                entry = theirs.get(value)
                if entry is None:
                    continue
                line = self.smap.value(path)[0]
                self.found.append(
                    E004.at(
                        self.file,
                        self.smap.value(path),
                        f"the {what} id `{value}` is also declared in the library {entry.file} (line {entry.position[0]})",
                        "declare it once: remove it here to use the library's, or rename it",
                    )
                )
                self.found.append(
                    E004.at(
                        entry.file,
                        entry.position,
                        f"the {what} id `{value}` is also declared in the journey {self.file} (line {line}) that uses this library",
                        "declare it once: in the library or in the journey",
                    )
                )

    def run(self, libraries: Any = None) -> list[Diagnostic]:
        self.rejected = {what: _rejected(self.raw, key) for key, what in DECLARED}
        self.rejected["pain point"] = {name for _, _, step in self.steps for name in _rejected(step, "pain_points")}
        declared = self.declarations()
        if libraries is not None:
            self.against(declared, libraries)
        known = {key: set(ids) | (set(libraries.entries(key)) if libraries is not None else set()) for key, ids in declared.items()}
        checked = {key: isinstance(self.raw.get(key), list) or (libraries is not None and libraries.declares(key)) for key, _ in DECLARED}
        if libraries is not None and not libraries.complete:  # a library that cannot be read: no follow-on errors
            checked = dict.fromkeys(checked, False)
            known["sources"] = None
        self.unique(_ids(self.stages), "stage", "across the journey")
        step_ids = self.unique_ids(self.step_paths, "step", "across the journey")
        pain_ids = self.unique_ids(lambda: self.in_steps("pain_points"), "pain point", "across the journey")
        self.unique_ids(lambda: self.in_steps("opportunities"), "opportunity", "across the journey")
        step_references = [("next", step_ids, "step")]
        if known["sources"] is not None:
            step_references.append(("sources", known["sources"], "source"))
        if checked["channels"]:
            step_references.append(("channel", known["channels"], "channel"))
        if checked["personas"]:
            step_references.append(("personas", known["personas"], "persona"))
        owners = known["teams"] if checked["teams"] else None
        if owners is not None:
            step_references.append(("owner", owners, "team"))
            if "owner" in self.raw:
                self.references((), self.raw, "owner", owners, "team")
        for i, j, step in self.steps:
            metrics = step.get("metrics")
            if isinstance(metrics, list) and len(metrics) > 1:
                self.unique(_ids(list(_entries(step, "metrics", ("stages", i, "steps", j)))), "metric", "within a step")
            for key, known_ids, what in step_references:
                value = step.get(key)
                if value is not None and not _all_known(value, known_ids):  # the usual case decided here: a step has several references
                    self.references(("stages", i, "steps", j), step, key, known_ids, what)
        for path, pain in self.in_steps("pain_points"):
            if "sources" in pain and known["sources"] is not None:
                self.references(path, pain, "sources", known["sources"], "source")
            if owners is not None and "owner" in pain:
                self.references(path, pain, "owner", owners, "team")
        for path, opportunity in self.in_steps("opportunities"):
            if "addresses" in opportunity:
                self.references(path, opportunity, "addresses", pain_ids, "pain point")
            if owners is not None and "owner" in opportunity:
                self.references(path, opportunity, "owner", owners, "team")
        return self.found


DECLARED = (("personas", "persona"), ("channels", "channel"), ("sources", "source"), ("teams", "team"))
"""The lists a journey or a library declares and steps refer to, with a reader's word for one entry."""


def check(raw: dict, file: str, smap: SourceMap, libraries: Any = None) -> list[Diagnostic]:
    """Every duplicate id and every reference to an undefined id in one journey's data.

    ``libraries`` (a ``portfolio.uses.Resolved``) adds the declarations of the libraries the journey uses.
    """
    return _Checker(raw, file, smap).run(libraries)


def declarations(raw: dict, file: str, smap: SourceMap) -> tuple[dict[str, dict[str, Path]], list[Diagnostic]]:
    """The ids a library declares (id → data path, per list) and its duplicate ids."""
    checker = _Checker(raw, file, smap)
    return checker.declarations(), checker.found
