"""Following `uses`: from a journey to the library files it may refer to, each read and checked once.

A `uses` entry is a path or a glob, relative to the file that holds it; the configured default libraries
(``libraries`` in `[tool.journey]`) are used by every journey. An entry that names no file, a folder, a
file outside the repository or a file not named ``*.library.yaml`` is E007 at the entry. Libraries may use
libraries; an entry that lies on a cycle is E007 at that entry, in the library that holds it.

The repository is the nearest folder upward holding ``.git``; outside git, the folder of the
configuration file; with neither, paths are not confined.

A scope caches the library files it has read by their real path, so 500 journeys sharing a library
read it once per process of a run (a new run, a new scope: an edited library is read again).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..inputs import MAX_FILE_BYTES, InputError, read_bytes
from ..rules.error_codes import E004, E007, E009
from ..runner import unreadable, with_excerpts
from ..sourcemap import Position, SourceMap
from .library import KINDS, Entry, LibraryFile, check_library, is_library_name

_WORDS = {"personas": "persona", "channels": "channel", "sources": "source", "teams": "team"}


def display(real: str) -> str:
    """How findings name a library: relative to the current folder when inside it."""
    relative = os.path.relpath(real)
    return real if relative.startswith("..") else relative


@cache
def repository_root(directory: str) -> str | None:
    current = directory
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class Disk:
    """The files as they are on disk: where a scope finds and reads libraries unless told otherwise."""

    read = staticmethod(read_bytes)
    exists = staticmethod(os.path.exists)
    isdir = staticmethod(os.path.isdir)
    isfile = staticmethod(os.path.isfile)
    name = staticmethod(display)

    @staticmethod
    def glob(pattern: str) -> list[str]:
        return sorted(glob.glob(pattern, recursive=True))


DISK = Disk()


@dataclass(frozen=True)
class Scope:
    """How one run follows `uses`: the default libraries and the folder that confines paths outside git.

    ``files`` is where library files are looked for and read: the disk, or (for `journey diff`) a git
    revision, so that an old version of a journey is checked with the libraries of its own time.
    """

    defaults: tuple[str, ...] = ()  # absolute paths or globs, from the configuration
    config_dir: str | None = None
    max_bytes: int = MAX_FILE_BYTES  # libraries are inputs too: regular files within the size limit
    files: Any = DISK  # Disk's methods: read, exists, isdir, isfile, glob, name
    _files: dict[str, LibraryFile] = field(default_factory=dict, compare=False, repr=False)
    _edges: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict, compare=False, repr=False)  # (index in `uses`, entry, target)
    _cycles_checked: set[str] = field(default_factory=set, compare=False, repr=False)
    _elsewhere: dict[Any, Scope] = field(default_factory=dict, compare=False, repr=False)

    def library(self, real: str) -> LibraryFile:
        """The checked library at a real path, read once in this scope."""
        found = self._files.get(real)
        if found is None:
            name = self.files.name(real)
            try:
                data = self.files.read(real, self.max_bytes)
            except (InputError, OSError) as error:
                found = LibraryFile(name, None, {k: {} for k in KINDS}, frozenset(), [], SourceMap(None), b"")
                found.diagnostics = [E009.at(name, (1, 1), f"cannot read the library: {error}") if isinstance(error, InputError) else unreadable(name, error, "library")]
            else:
                found = check_library(data, name)
            self._files[real] = found
        return found

    def _root(self, directory: str) -> str | None:
        return repository_root(directory) or self.config_dir

    def follow(self, written: str, base: str, file: str, pos: Position, out: list[Diagnostic]) -> list[str]:
        """The real paths of the library files one `uses` entry names; its problems are E007 in ``out``."""
        target = os.path.normpath(os.path.join(base, written))
        root = self._root(os.path.abspath(base))
        if root is not None and os.path.commonpath([os.path.realpath(root), os.path.realpath(target)]) != os.path.realpath(root):
            out.append(E007.at(file, pos, f"`{written}` points outside the repository ({display(root)})", "keep shared libraries inside the repository"))
            return []
        if glob.has_magic(written):
            matches = [m for m in self.files.glob(target) if is_library_name(m) and self.files.isfile(m)]
            if not matches:
                out.append(E007.at(file, pos, f"`{written}` matches no library file (*.library.yaml)"))
            return [os.path.realpath(m) for m in matches]
        if not self.files.exists(target):
            out.append(E007.at(file, pos, f"`{written}` names no file ({target} does not exist)", "check the path: it is relative to this file"))
            return []
        if self.files.isdir(target):
            out.append(E007.at(file, pos, f"`{written}` is a folder", f"name the library file, or a glob such as {written.rstrip('/')}/*.library.yaml"))
            return []
        if not is_library_name(target):
            out.append(E007.at(file, pos, f"`{written}` is not a library file: library files are named *.library.yaml"))
            return []
        return [os.path.realpath(target)]

    def uses_of(self, real: str) -> list[tuple[int, str, str]]:
        edges = self._edges.get(real)
        if edges is None:
            library = self.library(real)
            found: list[Diagnostic] = []
            edges = []
            for index, written in library.uses:
                pos = library.sourcemap.value(("uses", index))
                edges.extend((index, written, target) for target in self.follow(written, os.path.dirname(real), library.file, pos, found))
            library.diagnostics = with_excerpts(library.data, library.diagnostics + found)
            self._edges[real] = edges
        return edges

    def closure(self, real: str) -> list[str]:
        """``real`` and every library it uses, directly or not, in the order first met."""
        order, seen, stack = [], {real}, [real]
        while stack:
            current = stack.pop(0)
            order.append(current)
            for _, _, target in self.uses_of(current):
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return order

    def _cycles(self, real: str) -> None:
        """E007 on each `uses` entry of ``real`` that leads back to ``real`` (checked once per library)."""
        if real in self._cycles_checked:
            return
        self._cycles_checked.add(real)
        library = self.library(real)
        found = []
        for index, written, target in self.uses_of(real):
            if real in self.closure(target):
                found.append(
                    E007.at(
                        library.file,
                        library.sourcemap.value(("uses", index)),
                        f"`{written}` makes a cycle: that library uses this one, directly or not",
                        "remove one of the `uses` entries of the cycle",
                    )
                )
        if found:
            library.diagnostics = with_excerpts(library.data, library.diagnostics + found)

    def libraries_of(self, raw: dict, file: str, smap: SourceMap, out: list[Diagnostic]) -> Resolved | None:
        """The libraries a journey uses (its `uses` and the defaults); their findings are added to ``out``."""
        base = os.path.dirname(file) if file != "<stdin>" else "."
        direct: list[str] = []
        uses = raw.get("uses")
        for index, written in enumerate(uses if isinstance(uses, list) else ()):
            if isinstance(written, str):
                direct.extend(self.follow(written, base or ".", file, smap.value(("uses", index)), out))
        for pattern in self.defaults:
            direct.extend(os.path.realpath(m) for m in self.files.glob(pattern) if is_library_name(m))
        if not direct:
            return None
        order: list[str] = []
        for real in direct:
            for found in self.closure(real):
                if found not in order:
                    order.append(found)
        for real in order:
            self._cycles(real)
        resolved = Resolved(tuple(order), [self.library(real) for real in order])
        for library in resolved.files:
            out.extend(library.diagnostics)
        out.extend(resolved.conflicts)
        return resolved


    def at(self, files: Any) -> Scope:
        """This scope finding and reading library files in ``files`` instead: one such scope per ``files``, with its own cache."""
        found = self._elsewhere.get(files)
        if found is None:
            found = self._elsewhere[files] = Scope(self.defaults, self.config_dir, self.max_bytes, files)
        return found


def scope_of(settings: Any = None) -> Scope:
    """The scope of a run with ``settings`` (by default those of the nearest configuration file)."""
    from ..config import load_settings

    settings = settings or load_settings()
    return Scope(settings.libraries, os.path.dirname(os.path.abspath(settings.source)) if settings.source else None, settings.max_file_size)


@dataclass
class Resolved:
    """The libraries one journey uses, with their declarations merged (the first library declaring an id wins)."""

    paths: tuple[str, ...]  # real paths, in the order first met
    files: list[LibraryFile]
    merged_entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    conflicts: list[Diagnostic] = field(default_factory=list)  # an id declared by two of the libraries

    def __post_init__(self) -> None:
        for kind in KINDS:
            merged: dict[str, Entry] = {}
            for library in self.files:
                for value, entry in library.entries[kind].items():
                    first = merged.get(value)
                    if first is None:
                        merged[value] = entry
                    elif first.file != entry.file:
                        self.conflicts.append(
                            E004.at(
                                entry.file,
                                entry.position,
                                f"the {_WORDS[kind]} id `{value}` is also declared in the library {first.file} (line {first.position[0]}), used by the same journeys",
                                "declare it in one library only",
                            )
                        )
            self.merged_entries[kind] = merged

    def entries(self, kind: str) -> dict[str, Entry]:
        return self.merged_entries[kind]

    @property
    def complete(self) -> bool:
        """Whether every library could be read: references into one that could not are not judged."""
        return all(library.readable for library in self.files)

    def declares(self, kind: str) -> bool:
        return any(kind in library.declared for library in self.files)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for library in self.files for d in library.diagnostics)

    def merged(self, journey: Any) -> Any:
        """The journey with the libraries' declarations after its own, as every command shows it."""
        update = {}
        for kind in KINDS:
            models = [entry.model for entry in self.merged_entries[kind].values() if entry.model is not None]
            if models:
                update[kind] = [*(getattr(journey, kind) or ()), *models]
        return journey.model_copy(update=update) if update else journey
