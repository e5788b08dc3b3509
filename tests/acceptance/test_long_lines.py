"""A journey written on one long line (minified, generated): its report costs a bounded amount per finding.

The text report used to make the whole source line printable for every
finding before cutting the window it shows: 50,000 steps on one line took
over two minutes to report. The fixture has 1,000 steps on one 40 KB line,
each with a finding (P001: a negative emotion and no pain point).
"""

from __future__ import annotations

from conftest import FIXTURES

from journeycli.reporters import text

MAP = FIXTURES / "acceptance" / "maps" / "one-line.journey.yaml"


def test_each_finding_prepares_only_the_window_it_shows(cli, monkeypatch):
    prepared = []
    shown = text._shown
    monkeypatch.setattr(text, "_shown", lambda source: prepared.append(len(source)) or shown(source))
    result = cli("lint", MAP)
    assert result.code == 0
    assert result.out.count("warning P001 ") == 1000
    assert len(prepared) >= 1000 and max(prepared) <= 4 * text.LINE_CELLS  # not the 40,000 characters of the line


def test_preparing_only_the_window_shows_what_preparing_the_whole_line_showed():
    line = MAP.read_text().splitlines()[6] + "\t\x1b[2J 支払い \u202e" * 30
    for column in [1, 2, 40, 80, 81, *range(100, len(line) + 2, 997), len(line) - 5, len(line), len(line) + 1]:
        for cells in (12, 40, 74):
            assert text.clip(line, column, cells, text._shown) == text.clip(text._shown(line), column, cells), (column, cells)
