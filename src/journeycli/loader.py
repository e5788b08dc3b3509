"""Reading journey YAML safely: bytes → plain data and a SourceMap, or located E001/E003 findings.

We build values from libyaml's event stream ourselves instead of calling
``yaml.compose``/``yaml.load``, because that is the one place where all of these
can be enforced cheaply and in a single pass:

- nesting is bounded *while* parsing (libyaml's C composer recurses and
  segfaults on deep nesting; the Python one raises RecursionError);
- a repeated key is an error with both positions (PyYAML keeps the last silently);
- aliases are counted as they expand, in values and in characters, so neither an
  alias bomb nor a string bomb (a long text repeated through aliases) gets past;
- only plain YAML types are built: any other tag is refused, and a scalar PyYAML
  cannot build (whatever it raises) is a located E002;
- positions count lines as editors do: only a line feed starts a line (libyaml
  also breaks lines at a lone CR, U+0085, U+2028 and U+2029, even inside quotes);
- the source text of every scalar that YAML converts (``no`` → False) is kept,
  so messages can quote what the user wrote.

Pure formatting (comments, flow vs block style, anchors, merge keys) leaves no
trace in the data. Schema checks do not live here.
"""

from __future__ import annotations

import codecs
import functools
import re
import sys
from array import array
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from .diagnostics import Diagnostic
from .rules.error_codes import E001, E002, E003
from .sourcemap import FlatMap, Lines, Loc, MapLoc, Position, ScalarLoc, SeqLoc, SourceMap

try:  # libyaml is several times faster; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
    from yaml import _yaml
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _yaml = _CParser = None  # type: ignore[assignment]

MAX_DEPTH = 100
"""Deepest nesting accepted; a journey needs fewer than ten levels.

Well below libyaml's own limit (1,000 levels since PyYAML 6.0.3), so the message
is always ours whatever the PyYAML version, and low enough that every later
command (JSON export, diff) handles whatever the loader accepts."""

MAX_ALIAS_NODES = 100_000
"""Values that aliases may add in total; real files reuse a few small blocks."""

MAX_ALIAS_CHARS = 1_000_000
"""Characters of keys and text that aliases may add in total, so a long text repeated
through aliases cannot make later commands (export, lint, render) work on gigabytes."""

_TOO_DEEP = f"the data is nested more than {MAX_DEPTH} levels deep"
_TOO_DEEP_HINT = "a journey needs only a few levels; look for brackets that are opened and never closed"

_TAG = "tag:yaml.org,2002:"
_PLAIN_TYPES = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_AS_TEXT = {_TAG + "merge", _TAG + "value"}
"""What YAML 1.1 resolves the plain values `<<` and `=` to: outside a key they are just text."""
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BUILD = {
    _TAG + "int": _CONSTRUCTOR.construct_yaml_int,
    _TAG + "float": _CONSTRUCTOR.construct_yaml_float,
    _TAG + "bool": _CONSTRUCTOR.construct_yaml_bool,
    _TAG + "null": _CONSTRUCTOR.construct_yaml_null,
    _TAG + "timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}
_KIND_WORDS = {
    _TAG + "int": "a whole number",
    _TAG + "float": "a number",
    _TAG + "bool": "true/false",
    _TAG + "null": "empty",
    _TAG + "timestamp": "a date",
}

_PLAIN_CACHE: dict[str, tuple[Any, str | None]] = {}
"""Plain scalar text → (value, source text if converted). Values are immutable, so sharing is safe."""
_CACHE_SIZE = 50_000

YAML12_NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+")
"""Plain text that YAML 1.1 keeps as a string but YAML 1.2 tools (editors, JavaScript) read as a number."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tab and line breaks: only double-quoted escapes can produce them."""

_SKIP = object()  # key marker: drop the next value (repeated or non-text key)
_MERGE = object()  # key marker: the next value is a `<<` merge source
_NO_KEY = object()  # a mapping waits for its next key


class Invalid:
    """Stands for a scalar that could not be built; its finding is already reported."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<invalid>"


INVALID = Invalid()


@dataclass
class Loaded:
    """What came out of loading one file: ``data`` is None when nothing usable was read."""

    data: Any
    sourcemap: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Abort(Exception):
    """Stops loading: the file cannot be read any further."""

    def __init__(self, pos: Position, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.pos, self.message, self.hint = pos, message, hint


class _Frame:
    """An open mapping or sequence while its events stream in."""

    __slots__ = ("value", "loc", "anchor", "size", "chars", "key", "key_pos", "merges", "is_map", "new_item")

    def __init__(self, value: dict | list, loc: MapLoc | SeqLoc, anchor: str | None) -> None:
        self.value = value
        self.loc = loc
        self.anchor = anchor
        self.size = 1
        self.chars = 0
        self.key: Any = _NO_KEY
        self.key_pos: Position = loc.pos
        self.merges: list[tuple[Any, Loc, Position]] = []
        self.is_map = isinstance(value, dict)
        self.new_item: set[str] | None = None  # after a repeated `id` (a list item missing its `- `): the keys of that new item


_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
"""Characters libyaml counts as line breaks and editors do not."""


def _resolve(value: str) -> str:
    """The YAML 1.1 type a plain scalar resolves to, as PyYAML's SafeLoader decides it."""
    if not value:
        return _TAG + "null"
    for tag, regexp in _RESOLVERS.get(value[0], ()):
        if regexp.match(value):
            return tag
    return _TAG + "str"


class _Builder:
    """Turns one file's event stream into data and locations (one instance per file)."""

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.lines = Lines(text) if _OTHER_BREAKS.search(text) else None
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, Loc, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.alias_nodes = 0
        self.alias_chars = 0
        self.documents = 0
        self.root: Any = None
        self.root_loc: Loc | None = None
        self.has_root = False
        self.diagnostics: list[Diagnostic] = []

    # -- the event loop ------------------------------------------------------------

    def pos(self, mark: Any) -> Position:
        """A mark's 1-based line and column; recounted from its index when libyaml's line count differs."""
        if self.lines is not None:
            return self.lines.at(mark.index)
        return (mark.line + 1, mark.column + 1)

    def run(self, loader: Any) -> None:
        get_event = loader.get_event
        stack = self.stack
        lines = self.lines
        event = None
        while True:
            try:
                event = get_event()
            except yaml.YAMLError:
                raise
            except Exception as error:  # noqa: BLE001 - whatever the parser raises, the file is unreadable, not our crash
                raise _Abort(self.pos(event.end_mark) if event is not None else (1, 1), f"YAML cannot read this file ({type(error).__name__})", "check the file with a YAML editor") from None
            kind = type(event)
            if kind is ScalarEvent:
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1) if lines is None else lines.at(mark.index)
                frame = stack[-1] if stack else None
                text = event.value
                if frame is not None and frame.is_map:
                    key = frame.key
                    if key is _NO_KEY:  # a key: the common case inlined from _key
                        frame.chars += len(text)
                        if event.tag is None and text != "<<" and text not in frame.value:
                            frame.key, frame.key_pos = text, pos
                        else:
                            self._key(frame, event, pos)
                        continue
                else:
                    key = None
                if event.style == '"' and CONTROL.search(text):
                    value, loc = self._control(text, pos)
                elif event.tag is None and event.anchor is None and (not event.implicit[0] or (text and text[0] not in _RESOLVERS)):
                    value, loc = text, pos  # text YAML cannot read as anything else: the common case
                else:
                    value, loc = self._build_scalar(event, pos)
                    if event.anchor is not None:
                        self.anchors[event.anchor] = (value, loc, 1, len(text))
                if key is not None and key is not _MERGE and key is not _SKIP:
                    frame.value[key] = value  # `key: value`, inlined from _add
                    frame.loc.keys[key] = (frame.key_pos, loc)
                    frame.key = _NO_KEY
                    frame.size += 1
                    frame.chars += len(text)
                else:
                    self._add(value, loc, 1, len(text))
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                self._open(event, {} if kind is MappingStartEvent else [])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self._close()
            elif kind is AliasEvent:
                self._alias(event)
            elif kind is DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise _Abort(
                        self.pos(event.start_mark),
                        "this file holds more than one YAML document; a journey file holds exactly one",
                        "remove the `---` line, or split the journeys into separate files",
                    )
            elif kind is StreamEndEvent:
                return

    # -- values --------------------------------------------------------------------

    def _key(self, frame: _Frame, event: ScalarEvent, pos: Position) -> None:
        """Keys are names: they keep their source text (`yes:` is the key "yes")."""
        if event.tag is not None:
            self._tag_allowed(event.tag, pos, scalar=True)
        if event.value == "<<" and event.tag is None and event.implicit[0]:
            frame.key, frame.key_pos = _MERGE, pos
        else:
            self._set_key(frame, event.value, pos)

    def _build_scalar(self, event: ScalarEvent, pos: Position) -> tuple[Any, Loc]:
        """A scalar's value and location; the location keeps the source text if YAML converted it."""
        text = event.value
        tag = event.tag
        if tag is None:
            if not event.implicit[0]:  # quoted: always a string
                return text, pos
            cached = _PLAIN_CACHE.get(text)
            if cached is not None:
                return cached[0], pos if cached[1] is None else ScalarLoc(pos, cached[1])
            tag = _resolve(text)
            if tag in _AS_TEXT:
                return text, pos
        elif tag == "!":
            return text, pos
        else:
            self._tag_allowed(tag, pos, scalar=True)
        if tag == _TAG + "str":
            if event.tag is None and YAML12_NUMBER.fullmatch(text):
                self.diagnostics.append(
                    E002.at(
                        self.file,
                        pos,
                        f"`{text}` is text here, but YAML 1.2 tools (editors, other languages) read it as a number",
                        f'quote it: "{text}"',
                    )
                )
            elif event.implicit[0] and len(_PLAIN_CACHE) < _CACHE_SIZE:
                _PLAIN_CACHE[text] = (text, None)
            return text, pos
        try:
            value = _BUILD[tag](ScalarNode(tag, text))
        except Exception:  # noqa: BLE001 - PyYAML's constructors raise KeyError, IndexError, AttributeError… on odd text
            self.diagnostics.append(
                E002.at(
                    self.file,
                    pos,
                    f"`{text}` is written as a date, but there is no such day"
                    if tag == _TAG + "timestamp" and text
                    else f"{f'`{text}`' if text else 'an empty value'} is not {_KIND_WORDS.get(tag, 'a valid value')}",
                    "write a date that exists, as YYYY-MM-DD (month 01 to 12, then a day of that month); if it is meant as text, quote it"
                    if tag == _TAG + "timestamp"
                    else 'if it is meant as text, quote it: "…"',
                )
            )
            return INVALID, ScalarLoc(pos, text)
        if event.tag is None and len(_PLAIN_CACHE) < _CACHE_SIZE:
            _PLAIN_CACHE[text] = (value, text)
        return value, ScalarLoc(pos, text)

    def _control(self, text: str, pos: Position) -> tuple[Any, Loc]:
        """Escapes like "\\e" put control characters in text; they would act as commands in a terminal."""
        found = CONTROL.search(text)
        code = ord(found.group()) if found else 0
        self.diagnostics.append(
            E002.at(self.file, pos, f"the text contains the control character U+{code:04X}", "remove the escape sequence (\\e, \\x1b, \\0 …) from the quoted text")
        )
        return INVALID, ScalarLoc(pos, text)

    def _tag_allowed(self, tag: str | None, pos: Position, scalar: bool) -> None:
        if tag is None or tag == "!":
            return
        allowed = _PLAIN_TYPES if scalar else {_TAG + "map", _TAG + "seq"}
        if tag not in allowed:
            shown = tag.replace(_TAG, "!!")
            raise _Abort(
                pos,
                f"the tag `{shown}` is not allowed; journey files hold plain YAML only",
                "remove the tag; journeycli never builds objects from tags",
            )

    def _open(self, event: MappingStartEvent | SequenceStartEvent, value: dict | list) -> None:
        pos = self.pos(event.start_mark)
        self._tag_allowed(event.tag, pos, scalar=False)
        if len(self.stack) >= MAX_DEPTH:
            raise _Abort(pos, _TOO_DEEP, _TOO_DEEP_HINT)
        loc: MapLoc | SeqLoc = MapLoc(pos, {}) if isinstance(value, dict) else SeqLoc(pos, [])
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(value, loc, event.anchor))

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.is_map:
            self._apply_merges(frame)
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.value, frame.loc, frame.size, frame.chars)
        self._add(frame.value, frame.loc, frame.size, frame.chars)

    def _alias(self, event: AliasEvent) -> None:
        pos = self.pos(event.start_mark)
        name = event.anchor
        if name not in self.anchors:
            if name in self.open_anchors:
                raise _Abort(pos, f"the alias `*{name}` refers to the block that contains it", "an alias cannot point into itself")
            raise _Abort(pos, f"the alias `*{name}` has no anchor `&{name}` before it", "define the anchor first")
        value, loc, size, chars = self.anchors[name]
        self.alias_nodes += size
        self.alias_chars += chars
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise _Abort(
                pos,
                f"aliases expand to more than {MAX_ALIAS_NODES:,} values; this looks like an alias bomb",
                "write the repeated parts out, or reuse smaller blocks",
            )
        if self.alias_chars > MAX_ALIAS_CHARS:
            raise _Abort(
                pos,
                f"aliases expand to more than {MAX_ALIAS_CHARS:,} characters of text; this looks like an alias bomb",
                "write the repeated parts out, or reuse shorter texts",
            )
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and frame.key is _NO_KEY:
            self._non_text_key(frame, pos)
            return
        self._add(value, loc, size, chars)

    # -- placing values into their parent -----------------------------------------------

    def _add(self, value: Any, loc: Loc, size: int, chars: int) -> None:
        if not self.stack:
            self.root, self.root_loc, self.has_root = value, loc, True
            return
        frame = self.stack[-1]
        frame.size += size
        frame.chars += chars
        if not frame.is_map:
            frame.value.append(value)
            frame.loc.items.append(loc)
        elif frame.key is _NO_KEY:  # a collection used as a key
            self._non_text_key(frame, loc.pos)
        else:
            key, frame.key = frame.key, _NO_KEY
            if key is _MERGE:
                frame.merges.append((value, loc, frame.key_pos))
            elif key is not _SKIP:
                frame.value[key] = value
                frame.loc.keys[key] = (frame.key_pos, loc)

    def _set_key(self, frame: _Frame, key: str, pos: Position) -> None:
        if key in frame.value:
            frame.key, frame.key_pos = _SKIP, pos
            if frame.new_item is not None and key not in frame.new_item:
                frame.new_item.add(key)  # one slip, one finding: the rest of the item missing its `- ` repeats the item above
                return
            in_list_item = len(self.stack) > 1 and not self.stack[-2].is_map
            from . import syntax_hints  # the hints are needed only when something is wrong

            first = frame.loc.keys[key][0]
            self.diagnostics.append(E003.at(self.file, pos, syntax_hints.repeated_key_message(key, first[0], in_list_item), syntax_hints.repeated_key_hint(key, in_list_item)))
            if in_list_item and key == "id" and frame.new_item is None:
                frame.new_item = {key}
        else:
            frame.key = key
            frame.key_pos = pos
            if frame.new_item is not None:
                frame.new_item.add(key)

    def _non_text_key(self, frame: _Frame, pos: Position) -> None:
        self.diagnostics.append(E002.at(self.file, pos, "a key must be plain text, not a list, mapping or alias"))
        frame.key, frame.key_pos = _SKIP, pos

    def _apply_merges(self, frame: _Frame) -> None:
        """`<<: *defaults` fills keys the mapping does not set itself; earlier sources win."""
        target: dict = frame.value
        for value, loc, pos in frame.merges:
            sources = list(zip(value, loc.items)) if isinstance(value, list) and isinstance(loc, SeqLoc) else [(value, loc)]
            if not all(isinstance(source, dict) and isinstance(source_loc, MapLoc) for source, source_loc in sources):
                self.diagnostics.append(E002.at(self.file, pos, "`<<` merges a mapping (or a list of mappings) into this one"))
                continue
            for source, source_loc in sources:
                for key, item in source.items():
                    if key not in target:
                        target[key] = item
                        frame.loc.keys[key] = source_loc.keys[key]


def _decode(data: bytes) -> str:
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"), (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            raise _Abort((1, 1), f"the file is encoded as {name}; journey files must be UTF-8", "save the file as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        prefix = data[: error.start]
        line = prefix.count(b"\n") + 1
        column = len(prefix[prefix.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise _Abort(
            (line, column),
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
            "save the file as UTF-8; binary files are not journeys",
        ) from None


def _libyaml_nesting_bound(error: yaml.YAMLError) -> bool:
    return "maximum nesting depth" in (getattr(error, "problem", None) or "")


def _rerun_pure(builder: _Builder, text: str) -> None:
    """Build ``text`` with the pure-Python SafeLoader; the builder's depth bound raises _Abort on the way."""
    loader = yaml.SafeLoader(text)
    try:
        builder.run(loader)
    except yaml.YAMLError:
        pass  # the C parser's finding stands
    finally:
        loader.dispose()


def _syntax_error(error: yaml.YAMLError, text: str, builder: _Builder) -> _Abort:
    if isinstance(error, yaml.reader.ReaderError):
        return _Abort(Lines(text).at(error.position), "the file contains a character YAML does not allow", "remove control or binary characters")
    problem_mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if "maximum nesting depth" in problem and problem_mark is not None:  # libyaml's own bound, if it ever comes first
        return _Abort(builder.pos(problem_mark), _TOO_DEEP, _TOO_DEEP_HINT)
    from . import syntax_hints

    explained = syntax_hints.explain(error, text)
    return _Abort(explained.pos, explained.message, explained.hint)


def load(data: bytes, file: str, quick: bool = False) -> Loaded:
    """Read one journey file; never raises for any input bytes.

    ``quick`` first tries ``_quick``, which builds the same data, and every position in a compact form,
    a few times faster for a plain file; any other file is read by ``_Builder`` as without it."""
    if quick:
        try:
            root, positions = _quick(data)
        except _Unusual:
            pass
        else:
            return Loaded(root, positions)
    builder = _Builder(file)
    try:
        text = _decode(data)
        if not text.strip():
            raise _Abort((1, 1), "the file is empty", "start from `journey init`")
        builder = _Builder(file, text)
        loader = _Loader(text)
        try:
            builder.run(loader)
        except yaml.YAMLError as error:
            if _libyaml_nesting_bound(error):
                # libyaml >= 0.2.5 (PyYAML 6.0.4) stops at 1,000 levels while scanning ahead, before the
                # builder's own bound: read again with the pure-Python parser, which has no bound of its own,
                # so the finding points where MAX_DEPTH was passed whatever the PyYAML version.
                builder = _Builder(file, text)
                _rerun_pure(builder, text)
            raise _syntax_error(error, text, builder) from None
        finally:
            loader.dispose()
        if not builder.has_root or builder.root is None:
            raise _Abort((1, 1), "the file has no content, only comments", "start from `journey init`")
    except _Abort as abort:
        builder.diagnostics.append(E001.at(file, abort.pos, abort.message, abort.hint))
        return Loaded(None, SourceMap(None), builder.diagnostics)
    return Loaded(builder.root, SourceMap(builder.root_loc), builder.diagnostics)


# -- the quick load ------------------------------------------------------------------------

class _Unusual(Exception):
    """The quick load met something only ``_Builder`` handles or reports."""


_OTHER_BREAKS_UTF8 = re.compile(rb"\r(?!\n)|\xc2\x85|\xe2\x80[\xa8\xa9]")


def _quick(data: bytes) -> tuple[dict, FlatMap]:
    """The data of a plain journey file (mappings, lists and untagged scalars, nothing to report), with every position.

    Raises _Unusual for anything else — a tag, anchor, alias, merge key, repeated key, text YAML 1.2 reads
    as a number, a scalar that cannot be built, a line break editors do not count, a syntax error —
    and ``load`` then reads the file with ``_Builder``, which builds the same data and says what is wrong.
    Keys are interned and equal texts shared: a large journey repeats the same names and ids again and again.
    Positions go into one flat array (``FlatMap``), not an object per value.
    tests/test_loader_quick.py checks that both loads agree on every fixture and on fuzzed files.
    """
    if not _fast_events() or data.startswith(codecs.BOM_UTF8) or _OTHER_BREAKS_UTF8.search(data):
        raise _Unusual
    if len(data) >= 1 << 32:  # offsets and slots are kept as 32-bit numbers
        raise _Unusual
    try:
        data.isascii() or data.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unusual from None
    handlers, result = _handlers()
    parser = _CParser(data)
    try:
        with _events_made_by(handlers):
            deque(iter(parser.get_event, _DONE), 0)  # the handlers do the work as libyaml hands each event over
    except _Unusual:
        raise
    except Exception:  # noqa: BLE001 - whatever the parser raises, _Builder reports it
        raise _Unusual from None
    finally:
        parser.dispose()
    root, slots, raw_slots, raws = result
    if type(root) is not dict:
        raise _Unusual
    return root, FlatMap(root, slots, raw_slots, raws, data)


_DONE = object()  # what the stream's end hands back, to stop the loop

_EVENTS = ("StreamStartEvent", "StreamEndEvent", "DocumentStartEvent", "DocumentEndEvent", "AliasEvent",
           "ScalarEvent", "SequenceStartEvent", "SequenceEndEvent", "MappingStartEvent", "MappingEndEvent")


@contextmanager
def _events_made_by(handlers: dict[str, Callable[..., Any]]) -> Iterator[None]:
    """Let libyaml's parser call ``handlers`` where it would build PyYAML's event objects.

    PyYAML's C extension builds each event by calling the event class it finds among its module's
    names, with the event's fields as arguments. Putting a function there for the duration of one
    read skips an object and a Python ``__init__`` per event (a third of the event stream's cost)
    and does the loader's work in the same call. ``_fast_events`` checks once that this PyYAML
    works that way. Nothing else parses YAML while the block runs (journeycli reads files in one
    thread per process), and the names are put back however the read ends.
    """
    saved = {name: getattr(_yaml, name) for name in _EVENTS}
    for name in _EVENTS:
        setattr(_yaml, name, handlers.get(name, _ignore))
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(_yaml, name, value)


@functools.cache
def _fast_events() -> bool:
    """Whether this PyYAML's C parser builds its events through its module's names (asked once)."""
    if _CParser is None:
        return False
    parser = _CParser(b"a")
    try:
        with _events_made_by({"StreamStartEvent": lambda *_: _DONE}):
            return parser.get_event() is _DONE
    except Exception:  # noqa: BLE001 - any surprise means: read the usual way
        return False
    finally:
        parser.dispose()


def _ignore(*_: Any) -> None:
    return None


def _handlers() -> tuple[dict[str, Callable[..., Any]], list]:
    """The event handlers of one quick load, and the list that receives [root, slots, raws]."""
    stack: list[list] = []  # per open collection: [value, the key waiting for its value (None in a list), its end slot]
    top: list | None = None  # the innermost open collection's frame
    slots = array("I")
    put = slots.append
    raw_slots = array("I")  # the slots of the scalars YAML converted (`no` → False) …
    raws: list[str] = []  # … and their source texts
    result: list = [None, slots, raw_slots, raws]
    intern = sys.intern
    share = {}.setdefault  # one object per distinct text: ids, channels and owners are written again and again
    cached = _PLAIN_CACHE.get
    documents = []

    def scalar(anchor: Any, tag: Any, implicit: tuple, text: str, start: Any, end: Any, style: Any) -> None:
        if anchor is not None or tag is not None or top is None:
            raise _Unusual
        put(start.index)
        key = top[1]
        if key is _NO_KEY:  # a key (only mappings wait for one)
            if text in top[0] or text == "<<":
                raise _Unusual
            top[1] = intern(text)
            return
        if style == '"' and CONTROL.search(text):
            raise _Unusual
        if implicit[0] and (not text or text[0] in _RESOLVERS):
            known = cached(text)
            item = _quick_plain(text) if known is None else known[0]
            if type(item) is not str:
                raw_slots.append(len(slots) - 1)
                raws.append(share(text, text))
        else:
            item = share(text, text)
        if key is None:
            top[0].append(item)
        else:
            top[0][key] = item
            top[1] = _NO_KEY

    def opened(make: type, key: Any) -> Callable[..., None]:
        def start_collection(anchor: Any, tag: Any, implicit: Any, start: Any, end: Any, flow: Any) -> None:
            nonlocal top
            if anchor is not None or tag is not None or len(stack) >= MAX_DEPTH or (top is not None and top[1] is _NO_KEY):
                raise _Unusual  # the last: a list or mapping as a key
            put(start.index)
            put(0)
            top = [make(), key, len(slots) - 1]
            stack.append(top)

        return start_collection

    def closed(start: Any, end: Any) -> None:
        nonlocal top
        frame = stack.pop()
        slots[frame[2]] = len(slots)
        item = frame[0]
        if not stack:
            result[0] = item
            top = None
            return
        top = stack[-1]
        if top[1] is None:
            top[0].append(item)
        else:
            top[0][top[1]] = item
            top[1] = _NO_KEY

    def document(*_: Any) -> None:
        documents.append(None)
        if len(documents) > 1:
            raise _Unusual

    def alias(*_: Any) -> None:
        raise _Unusual

    handlers = {
        "ScalarEvent": scalar,
        "MappingStartEvent": opened(dict, _NO_KEY),
        "SequenceStartEvent": opened(list, None),
        "MappingEndEvent": closed,
        "SequenceEndEvent": closed,
        "AliasEvent": alias,
        "DocumentStartEvent": document,
        "StreamEndEvent": lambda *_: _DONE,
    }
    return handlers, result


def _quick_plain(text: str) -> Any:
    """A plain scalar's value as ``_Builder._build_scalar`` builds it, or _Unusual where it would report something."""
    cached = _PLAIN_CACHE.get(text)
    if cached is not None:
        return cached[0]
    tag = _resolve(text)
    if tag in _AS_TEXT:
        return text
    if tag == _TAG + "str":
        if YAML12_NUMBER.fullmatch(text):
            raise _Unusual
        value, source = text, None
    else:
        try:
            value, source = _BUILD[tag](ScalarNode(tag, text)), text
        except Exception:  # noqa: BLE001 - as in _build_scalar: _Builder reports it
            raise _Unusual from None
    if len(_PLAIN_CACHE) < _CACHE_SIZE:
        _PLAIN_CACHE[text] = (value, source)
    return value
