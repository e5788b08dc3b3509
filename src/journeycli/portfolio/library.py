"""A library file (``*.library.yaml``): personas, channels, sources and teams declared once for many journeys.

A library is checked like a journey (YAML, `format`, unknown keys, schema, duplicate ids) and may itself
use other libraries. Its findings are reported in its own file, once, however many journeys use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Severity
from ..integrity import declarations
from ..loader import load
from ..runner import with_excerpts
from ..sourcemap import Position
from ..validation import check_model, header, no_gc

if TYPE_CHECKING:  # the model (Pydantic) is imported when a library is checked, so `journey validate` of a journey starts without it
    from .library_model import Library

SUFFIXES = (".library.yaml", ".library.yml")
GLOBS = tuple(f"*{suffix}" for suffix in SUFFIXES)
UNNAMED = "library"
"""The id `journey diff` gives a library that has none (such libraries are not paired across files by id)."""


def is_library_name(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


@dataclass(frozen=True)
class Entry:
    """One declaration of a library, where it stands, and its model when the library is valid."""

    file: str
    kind: str
    id: str
    position: Position
    model: Any = None


@dataclass
class LibraryFile:
    """One library file after checking: its own entries (from the data, even when invalid) and findings."""

    file: str
    library: Library | None
    entries: dict[str, dict[str, Entry]]
    declared: frozenset[str]  # the lists the file has at all: a declared list makes references to it checked
    uses: list[tuple[int, str]]  # (index in `uses`, the entry as written)
    sourcemap: Any
    data: bytes
    diagnostics: list[Diagnostic] = field(default_factory=list)
    readable: bool = False  # the file is a mapping: its ids are known even if some entries are wrong


KINDS = ("personas", "channels", "sources", "teams")


def check_library(data: bytes, file: str) -> LibraryFile:
    """Check one library file's bytes; never raises."""
    with no_gc():
        loaded = load(data, file)
        raw, found = header(loaded, file, "a library file must be a mapping of keys (format, personas, channels, sources, teams, …)")
        result = LibraryFile(file, None, {k: {} for k in KINDS}, frozenset(), [], loaded.sourcemap, data, loaded.diagnostics + found)
        if raw is None:
            result.diagnostics = with_excerpts(data, result.diagnostics)
            return result
        result.readable = True
        from .library_model import Library

        library = check_model(raw, Library, file, loaded.sourcemap, result.diagnostics)
        ids, duplicates = declarations(raw, file, loaded.sourcemap)
        result.diagnostics.extend(duplicates)
        models = {k: {m.id: m for m in getattr(library, k)} for k in KINDS} if library is not None else {}
        for kind in KINDS:
            result.entries[kind] = {
                value: Entry(file, kind, value, loaded.sourcemap.value(path), models.get(kind, {}).get(value)) for value, path in ids[kind].items()
            }
        result.declared = frozenset(k for k in KINDS if isinstance(raw.get(k), list))
        uses = raw.get("uses")
        if isinstance(uses, list):
            result.uses = [(i, u) for i, u in enumerate(uses) if isinstance(u, str)]
        if not any(d.severity is Severity.ERROR for d in result.diagnostics):
            result.library = library
        result.diagnostics = with_excerpts(data, result.diagnostics)
        return result


def as_journey(data: bytes, file: str) -> tuple[Any, list[Diagnostic]]:
    """A library as the journey-shaped lists `journey diff` compares (personas, channels, sources, teams, each
    entry by id), or None and its findings: diff then reports library changes in the words it uses for journeys."""
    from ..model import Journey

    checked = check_library(data, file)
    library = checked.library
    if library is None:
        return None, checked.diagnostics
    fields = {k: getattr(library, k) for k in KINDS}
    journey = Journey.model_construct(
        format=1, id=library.id or UNNAMED, title=library.title or file, description=library.description, uses=library.uses, stages=[], **fields
    )
    return journey, []
