"""A journey being assembled by an importer, and its YAML.

Importers add stages and steps by name, in document order; the draft makes
unique ids for them (``ids.py``) and declares every persona and channel the
first time one is named. ``to_yaml`` writes format 1 in the key order of the
examples with PyYAML's safe dumper, which quotes every string YAML 1.1 would
read as something else (``no``, ``2026``, ``1:30``); strings that YAML 1.2 tools
read as numbers (``1e3``, ``0o17``) are quoted too, as the loader asks, so names
survive as text.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..loader import YAML12_NUMBER
from .ids import UniqueIds


class _Dumper(yaml.SafeDumper):
    """Writes YAML the way the examples look: block lists indented under their key, id lists inline."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _list(dumper: yaml.SafeDumper, items: list) -> yaml.Node:
    inline = bool(items) and all(isinstance(item, str) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=inline)


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = "'" if YAML12_NUMBER.fullmatch(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(str, _str)


class Declared:
    """Personas or channels, declared by name on first use; steps refer to their ids."""

    def __init__(self, fallback: str) -> None:
        self._ids = UniqueIds(fallback)
        self._by_name: dict[str, str] = {}

    def id_for(self, name: str) -> str:
        if name not in self._by_name:
            self._by_name[name] = self._ids.make(name)
        return self._by_name[name]

    def ids(self) -> set[str]:
        return set(self._by_name.values())

    def entries(self) -> list[dict[str, str]]:
        return [{"id": id_, "name": name} for name, id_ in self._by_name.items()]


class Draft:
    """Stages and steps as plain data, ready to be dumped as a journey file."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.description: str | None = None
        self.stages: list[dict[str, Any]] = []
        self.notes: list[tuple[int, str]] = []  # (line, message): what the import kept differently, for a warning
        self.personas = Declared("persona")
        self.channels = Declared("channel")
        self._stage_ids = UniqueIds("stage")
        self._step_ids = UniqueIds("step")

    def add_stage(self, name: str, id_hint: str | None = None) -> dict[str, Any]:
        stage: dict[str, Any] = {"id": self._stage_ids.make(id_hint or name), "name": name, "steps": []}
        self.stages.append(stage)
        return stage

    def add_step(self, stage: dict[str, Any], name: str, id_hint: str | None = None, **fields: Any) -> dict[str, Any]:
        """A step with ``fields`` in the order given; fields that are None are left out."""
        step = {"id": self._step_ids.make(id_hint or name), "name": name}
        step.update((key, value) for key, value in fields.items() if value is not None)
        stage["steps"].append(step)
        return step

    def steps(self) -> list[dict[str, Any]]:
        return [step for stage in self.stages for step in stage["steps"]]

    def to_yaml(self, journey_id: str, title: str, source: str) -> str:
        data: dict[str, Any] = {"format": 1, "id": journey_id, "title": title}
        if self.description:
            data["description"] = self.description
        if self.personas.entries():
            data["personas"] = self.personas.entries()
        if self.channels.entries():
            data["channels"] = self.channels.entries()
        data["stages"] = self.stages
        body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        source_line = " ".join(source.split())
        return f"# Imported from {source_line} by `journey import`.\n# Check names and ids, then add pain points, opportunities and sources.\n{body}"
