"""Loader regressions: every bad scalar is a located finding, string bombs stop, lines count as editors do, long lines stay short in reports."""

from __future__ import annotations

import json

import pytest

from journeycli.loader import MAX_ALIAS_CHARS, MAX_DEPTH, load

MINIMAL = "format: 1\nid: x\ntitle: T\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        name: A\n"


@pytest.mark.parametrize(
    "text, column",
    [
        ("<<\n", None),  # resolves to YAML's merge tag: plain text outside a key
        ("=\n", None),  # resolves to YAML's value tag
        ("!!timestamp x\n", 1),  # AttributeError inside PyYAML
        ("!!int\n", 1),  # IndexError
        ("!!float\n", 1),
        ("!!bool x\n", 1),  # KeyError
        ("a: !!int\n", 4),
        ("a: !!float ''\n", 4),
        ("a: !!timestamp 2026-99-99\n", 4),
    ],
)
def test_any_scalar_pyyaml_cannot_build_is_a_located_finding(text, column, cli, tmp_path):
    path = tmp_path / "t.journey.yaml"
    path.write_text(text)
    result = cli("validate", path, "--format", "json")
    assert result.code == 1, result.err
    found = result.json()["diagnostics"]
    assert found and all(d["line"] >= 1 and d["column"] >= 1 for d in found)
    if column is not None:
        assert any(d["code"] == "E002" and (d["line"], d["column"]) == (1, column) for d in found)


def test_merge_of_non_mappings_is_reported_once(cli, tmp_path):
    path = tmp_path / "t.journey.yaml"
    path.write_text(MINIMAL + "x-a:\n  <<: [1, 2]\n")
    merges = [d for d in cli("validate", path, "--format", "json").json()["diagnostics"] if "<<" in d["message"]]
    assert [(d["line"], d["column"]) for d in merges] == [(11, 3)]


def _string_bomb(width: int) -> str:
    text = "x" * width
    return (
        MINIMAL
        + f'x-a: &a "{text}"\n'
        + "x-b: &b [" + ",".join(["*a"] * 10) + "]\n"
        + "x-c: &c [" + ",".join(["*b"] * 10) + "]\n"
        + "x-d: [" + ",".join(["*c"] * 10) + "]\n"
    )


def test_string_bomb_stops_at_the_character_bound(cli, tmp_path):
    path = tmp_path / "bomb.journey.yaml"
    path.write_text(_string_bomb(10_000))  # 100 KB that would expand to 10 MB
    result = cli("export", path, "--format", "json")
    assert result.code == 1 and result.out == ""
    found = load(path.read_bytes(), "bomb").diagnostics
    assert [(d.code, d.line) for d in found] == [("E001", 12)]
    assert f"{MAX_ALIAS_CHARS:,} characters" in found[0].message


def test_text_reused_within_the_bound_still_loads():
    loaded = load(_string_bomb(900).encode(), "ok")  # 900 × 1,110 characters: under the bound
    assert loaded.diagnostics == [] and len(loaded.data["x-d"][0][0][0]) == 900


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r"])
def test_line_breaks_editors_do_not_count_do_not_shift_later_lines(separator, cli, tmp_path):
    path = tmp_path / "t.journey.yaml"
    path.write_bytes(f'format: 1\nid: x\ntitle: "a{separator}b"\nstages: 3\n'.encode())
    result = cli("validate", path, "--format", "json")
    (stages,) = result.json()["diagnostics"]
    assert (stages["line"], stages["column"]) == (4, 9)
    text = cli("validate", path)
    assert " 4 │ stages: 3" in text.out  # the excerpt is the editor's line 4 too


def test_syntax_error_after_a_unicode_separator_is_located_as_editors_count():
    found = load('format: 1\ntitle: "a\u2028b"\nid: x: y\n'.encode(), "t").diagnostics
    assert [(d.code, d.line) for d in found] == [("E001", 3)]


def _nested(levels: int) -> str:
    """A valid journey whose deepest value sits ``levels`` levels down (the root mapping is the first)."""
    return MINIMAL + "x-deep: " + "[" * (levels - 1) + "1" + "]" * (levels - 1) + "\n"


def test_deepest_accepted_nesting_works_in_every_later_command(cli, tmp_path):
    old, new = tmp_path / "old.journey.yaml", tmp_path / "new.journey.yaml"
    old.write_text(_nested(MAX_DEPTH))
    new.write_text(_nested(MAX_DEPTH).replace("1]", "2]", 1))
    assert cli("validate", old).code == 0
    exported = cli("export", old, "--format", "json")
    assert exported.code == 0, exported.err
    assert json.loads(exported.out)
    changed = cli("diff", old, new, "--format", "json")
    assert changed.code == 0, changed.err
    assert json.loads(changed.out)["changes"]
    too_deep = tmp_path / "deep.journey.yaml"
    too_deep.write_text(_nested(MAX_DEPTH + 1))
    assert [d["code"] for d in cli("validate", too_deep, "--format", "json").json()["diagnostics"]] == ["E001"]


def test_findings_on_one_long_line_show_a_window_of_it(cli, tmp_path):
    """3,000 findings on one 9 KB line printed that line 3,000 times (40 MB): the report grew with the square of the file."""
    path = tmp_path / "flat.journey.yaml"
    path.write_text("format: 1\nid: x\ntitle: t\nstages: [" + "1, " * 3000 + "]\n")
    result = cli("validate", str(path))
    assert result.code == 1 and len(result.out) < 1_500_000
    last = result.out.split("stage 3000 must be a mapping")[1].splitlines()
    source, caret = last[1], last[2]
    assert source.startswith(" 4 │ …1, 1") and source.endswith(", ]") and len(source) < 200
    assert source[caret.index("^")] == "1"  # the caret is still under the value it names
