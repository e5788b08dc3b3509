"""The quick load (data and every position in a flat array, ``loader._quick``) agrees with the full one wherever it answers.

It may refuse a file (``_Unusual``: anchors, tags, anything to report), and the
full builder then reads it; when it answers, the data is the same, in the same
order, the full load has nothing to report, and its ``FlatMap`` gives every
value's and key's position (and converted scalar's source text) that the full
load's tree gives, also for paths that go past what the file holds.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT
from fuzz.journeys import documents
from hypothesis import HealthCheck, Phase, given, settings

from journeycli import loader
from journeycli.sourcemap import FlatMap, MapLoc, SeqLoc

FILES = sorted(p for folder in (FIXTURES, EXAMPLES) for p in folder.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))


def _paths(loc, path=()):
    """Every path the full load's tree holds, and a few past it: a missing key, an index too far, a step into a scalar."""
    yield path
    if isinstance(loc, MapLoc):
        yield (*path, "no-such-key")
        for key, (_, value) in loc.keys.items():
            yield from _paths(value, (*path, key))
    elif isinstance(loc, SeqLoc):
        yield (*path, len(loc.items))
        yield (*path, -1)
        for index, value in enumerate(loc.items):
            yield from _paths(value, (*path, index))
    else:
        yield (*path, 0)


def agree(data: bytes) -> bool:
    """Whether the quick load answered; asserts that it agrees with the full load."""
    try:
        quick, positions = loader._quick(data)
    except loader._Unusual:
        return False
    assert isinstance(positions, FlatMap)
    full = loader.load(data, "f")
    assert full.diagnostics == []
    assert repr(quick) == repr(full.data)  # repr: the same order, and NaN equal to itself
    for path in _paths(full.sourcemap.root):
        assert positions.value(path) == full.sourcemap.value(path), path
        assert positions.key(path) == full.sourcemap.key(path), path
        assert positions.raw(path) == full.sourcemap.raw(path), path
        assert (positions.node(path)[1] is None) == (full.sourcemap.node(path)[1] is None), path
    return True


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_and_example(path):
    agree(path.read_bytes())


def test_plain_journeys_are_loaded_quickly():
    assert all(agree(path.read_bytes()) for path in EXAMPLES.glob("*.journey.yaml"))


@settings(max_examples=80, derandomize=True, deadline=None, database=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
@given(documents())
def test_fuzzed_files(raw):
    agree(raw)


def test_a_finding_deep_in_a_quickly_loaded_file_points_where_the_full_load_does():
    text = (EXAMPLES / "clinic-visit.journey.yaml").read_bytes()
    quick = loader.load(text, "f", quick=True)
    full = loader.load(text, "f")
    deep = ("stages", 1, "steps", 0, "name")
    assert quick.sourcemap.value(deep) == full.sourcemap.value(deep) and quick.sourcemap.key(deep) == full.sourcemap.key(deep)


UNUSUAL = [b"a: &x 1\nb: *x\n", b"a: 1\na: 2\n", b"a: !!str 1\n", b"a: 1e3\n", b"a: 2026-02-30\n", b"<<: {a: 1}\n", b"- 1\n", b"\xef\xbb\xbfa: 1\n"]
UNUSUAL += [b"a: 'x\xe2\x80\xa8y'\n", b"a: [1\n", b"---\na: 1\n---\nb: 2\n", b"[1]: 2\n", b'a: "\\e"\n', b"a: 'x\ry'\n", b"\xff: 1\n"]


@pytest.mark.parametrize("text", UNUSUAL)
def test_what_the_full_builder_handles_or_reports_is_left_to_it(text):
    with pytest.raises(loader._Unusual):
        loader._quick(text)


def test_pyyaml_is_left_as_it_was_after_every_quick_load():
    """The handlers stand in for PyYAML's event classes only during one read, also when it gives up halfway."""
    import yaml
    import yaml._yaml

    for text in (b"a: 1\nb: [x, y]\n", *UNUSUAL):
        loader.load(text, "f", quick=True)
        assert all(getattr(yaml._yaml, name) is getattr(yaml.events, name) for name in loader._EVENTS)
    assert yaml.load("a: [1, {b: c}]", Loader=yaml.CSafeLoader) == {"a": [1, {"b": "c"}]}


def test_without_the_fast_event_stream_every_file_is_read_by_the_full_builder(monkeypatch):
    """A PyYAML that builds its events some other way (the probe says no) still gives the same data and positions."""
    text = (EXAMPLES / "clinic-visit.journey.yaml").read_bytes()
    quick = loader.load(text, "f", quick=True)
    monkeypatch.setattr(loader, "_fast_events", lambda: False)
    with pytest.raises(loader._Unusual):
        loader._quick(text)
    fallback = loader.load(text, "f", quick=True)
    assert not isinstance(fallback.sourcemap, FlatMap)
    assert repr(fallback.data) == repr(quick.data)
    deep = ("stages", 1, "steps", 0, "name")
    assert fallback.sourcemap.key(deep) == quick.sourcemap.key(deep) and fallback.sourcemap.value(deep) == quick.sourcemap.value(deep)
