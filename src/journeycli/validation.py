"""Validating one journey: load → format version → unknown keys → schema → integrity.

The result holds the validated ``Journey`` (None when any error was found)
and every finding, each at the line and column of what is wrong. Messages are
written for people who edit YAML, not for Python programmers: they quote what
the user wrote (``no``, not ``False``) and say what was expected.
"""

from __future__ import annotations

import gc
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import fast_schema, integrity
from .diagnostics import Diagnostic, Severity
from .funnel import reach
from .loader import Invalid, Loaded, load
from .rules.error_codes import E002, E006
from .sourcemap import SourceMap
from .suggest import closest

if TYPE_CHECKING:  # a valid file is checked without Pydantic (fast_schema); the models are built when asked for
    from pydantic import BaseModel

    from .model import Journey
    from .value_hints import Source

_UNBUILT = object()


@dataclass
class Checked:
    """One file after validation: its findings and, when it is valid, its data and (built on first use) its model."""

    file: str
    sourcemap: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    libraries: Any = None  # the ``portfolio.uses.Resolved`` libraries the journey uses, when followed
    data: Any = None  # the loaded journey (plain data), when it has the shape of one
    _model: Any = None  # Pydantic's model, when validation had to build it
    _journey: Any = _UNBUILT

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def valid_data(self) -> dict | None:
        """The journey's plain data when the file is valid, for work that needs no model (digests)."""
        return self.data if self.data is not None and self.ok else None

    @property
    def journey(self) -> Journey | None:
        """The validated journey (with its libraries merged), None when any error was found."""
        if self._journey is _UNBUILT:
            self._journey = None
            if self.valid_data is not None:
                model = self._model
                if model is None:
                    from .model import Journey

                    with no_gc():
                        model = Journey.model_validate(self.data)
                self._journey = model if self.libraries is None else self.libraries.merged(model)
            self._model = None
        return self._journey


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
        from . import schema_wording

        shown = loaded.sourcemap.raw(("format",)) or schema_wording.show(version)
        found.append(E002.at(file, loaded.sourcemap.value(("format",)), f"`format` must be the whole number 1; found `{shown}`", "write: format: 1"))
    return raw, found


def check_model(raw: dict, model: type[BaseModel], file: str, smap: SourceMap, out: list[Diagnostic], source: Source | None = None) -> Any:
    """Unknown keys, then the schema of ``model``: the validated model, or None (findings in ``out``).

    ``source`` (the file's bytes) lets messages say that a number was quoted."""
    from . import value_hints

    out.extend(_unknown_keys(raw, model, (), file, smap, raw))
    return _schema(raw, file, smap, out, model, source or value_hints.Source(b""))


def validate(data: bytes, file: str, scope: Any = None, quick: bool = True) -> Checked:
    """Validate one file's bytes; never raises for any input.

    ``scope`` (a ``portfolio.uses.Scope``) resolves the file's `uses` and the configured default
    libraries; without it a journey's `uses` is not followed. ``quick`` loads a plain file with its
    positions in a compact form (``sourcemap.FlatMap``, good for any number of findings) and checks
    it without Pydantic; the model is built when ``Checked.journey`` is first asked for. Without
    ``quick`` the file is read by the full builder and checked by Pydantic at once.
    """
    with no_gc():
        loaded = load(data, file, quick)
        raw, found = header(loaded, file, "a journey file must be a mapping of keys (format, id, title, stages, …)")
        checked = Checked(file, loaded.sourcemap, loaded.diagnostics + found)
        if raw is None:
            return checked
        if not (quick and fast_schema.journey_ok(raw)):  # Pydantic decides and words what is wrong; work that wants the model builds it now
            from .model import Journey
            from .value_hints import Source

            checked._model = check_model(raw, Journey, file, loaded.sourcemap, checked.diagnostics, Source(data))
        libraries = scope.libraries_of(raw, file, loaded.sourcemap, checked.diagnostics) if scope is not None else None
        checked.diagnostics.extend(integrity.check(raw, file, loaded.sourcemap, libraries))
        checked.libraries = libraries
        checked.diagnostics.extend(reach.check(raw, file, loaded.sourcemap, libraries))
        checked.data = raw
        return checked


# -- unknown keys -----------------------------------------------------------------


def _child_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``list[Model] | None`` and the like, if any."""
    from pydantic import BaseModel

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
            from . import schema_wording

            close = closest(str(key), fields)
            hint = f"did you mean `{close}`?" if close else f"keys allowed here: {', '.join(fields)}; or use an `x-` key for your own data"
            if close and close not in raw and fields[close].is_required():
                hint += f" `{close}` is required here, and this is the only place it is reported"
            yield E002.at(file, smap.key((*path, key)), f"unknown key `{key}` in {schema_wording.place(path, root)}", hint)


# -- schema errors (worded in schema_wording) ------------------------------------------

def _misspelt(raw: Any, loc: tuple) -> bool:
    """Whether the mapping missing the key at ``loc`` has an unknown key that is a typo of it (what `_unknown_keys` suggests)."""
    for step in loc[:-1]:
        try:
            raw = raw[step]
        except (KeyError, IndexError, TypeError):
            return False
    missing = loc[-1]
    return isinstance(raw, dict) and any(isinstance(key, str) and not key.startswith("x-") and closest(key, [missing]) == missing for key in raw)


def _schema(raw: dict, file: str, smap: SourceMap, out: list[Diagnostic], model: type[BaseModel], source: Source) -> Any:
    from pydantic import ValidationError

    from . import schema_wording

    try:
        return model.model_validate(raw)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            if isinstance(item.get("input"), Invalid) or item["type"] == "extra_forbidden" or (tuple(item["loc"]) == ("format",) and "format" in raw):
                continue  # already reported (a present `format` is checked by `validate`, which also catches `true`)
            if item["type"] == "missing" and _misspelt(raw, tuple(item["loc"])):
                continue  # `nme: Buy` is reported once, as an unknown key whose did-you-mean is the missing one
            out.append(schema_wording.diagnostic(item, raw, file, smap, source))
        return None
