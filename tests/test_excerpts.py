"""The source line under a finding: a long line is cut to a window around the column, the caret under the right character."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from rich.cells import cell_len

from journeycli.reporters.text import LINE_CELLS, clip


def _excerpt_and_caret(out: str) -> tuple[str, int]:
    """The excerpt shown under the first finding, and the cell offset of its caret (gutters removed)."""
    lines = out.splitlines()
    source_line, caret_line = lines[1], lines[2]
    source = source_line.split(" │ ", 1)[1]
    caret = caret_line.split(" │ ", 1)[1]
    assert caret.strip() == "^"
    return source, caret.index("^")


def _character_at(text: str, cells: int) -> str:
    """The character that starts at terminal cell ``cells`` of ``text``."""
    used = 0
    for char in text:
        if used == cells:
            return char
        used += cell_len(char)
    return ""


@pytest.mark.parametrize(
    ("fixture", "under", "cut"),
    [
        ("excerpts/one_line_json.journey.yaml", "5", "both"),  # a one-line 2 KB JSON-style file, the error in its middle
        ("invalid/e001_deep_nesting.journey.yaml", "[", "both"),  # a 50,000-character line of brackets
        ("excerpts/cjk_before_column.journey.yaml", "e", "left"),  # wide characters before the column
    ],
)
def test_long_line_is_a_window_around_the_column(cli, fixture, under, cut):
    result = cli("validate", FIXTURES / fixture)
    assert result.code == 1
    source, caret = _excerpt_and_caret(result.out)
    assert source.startswith("…") and source.endswith("…") == (cut == "both")
    assert _character_at(source, caret) == under
    assert max(cell_len(line) for line in result.out.splitlines()[1:3]) <= LINE_CELLS  # with the gutter it fits 80 columns


def test_the_key_before_the_value_stays_in_view(cli):
    source, caret = _excerpt_and_caret(cli("validate", FIXTURES / "excerpts/one_line_json.journey.yaml").out)
    assert source[:caret].endswith('"emotion": ')


def test_a_short_line_is_shown_whole(cli):
    out = cli("validate", FIXTURES / "syntax/apostrophe_in_single_quotes.journey.yaml").out
    source, _ = _excerpt_and_caret(out)
    assert "…" not in source and "'It's" in source


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("x" * 100, 1, ("x" * 75 + "…", 0)),  # the caret at the start: only the end is cut
        ("x" * 100, 100, ("…" + "x" * 25, 25)),  # at the last character: only the start is cut
        ("x" * 100, 101, ("…" + "x" * 24, 25)),  # just past the end (a missing closing bracket)
        ("x" * 76, 76, ("x" * 76, 75)),  # exactly the width: nothing cut
        ("漢" * 100, 50, ("…" + "漢" * 37 + "…", 25)),  # wide characters count as two cells each
        ("漢" * 100, 1, ("漢" * 37 + "…", 0)),
    ],
)
def test_clip(line, column, expected):
    window, caret = clip(line, column, 76)
    assert (window, caret) == expected
    assert cell_len(window) <= 76
