"""A map of a step or two fills a slide instead of a narrow column in its middle.

On a page the sheet was only as wide as the map's steps: for a one-step map
that is about 500 points, so the legend broke into ten lines, the sheet came
out taller than wide, and on a 16:9 slide the map sat in a column in the
middle at 13-point names, with two thirds of the slide empty. Such a map is
now also laid out MIN_POSTER_W wide (as a strip always is) and the larger
type wins: the legend takes four lines and the names grow to 16 points
(A4 landscape: 9 to 10). Where the narrow layout gives the larger type
(letter, A4 portrait) it stays.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

MAP = FIXTURES / "acceptance" / "pictures" / "password-reset.journey.yaml"


def _render(cli, tmp_path, page: str) -> str:
    out = tmp_path / "map.svg"
    result = cli("render", MAP, "--page", page, "-o", out)
    assert result.code == 0, result.err
    return out.read_text(encoding="utf-8")


def _name_size(svg: str) -> float:
    return float(re.search(r'font-size="([\d.]+)"[^>]*>Clicks the reset link', svg).group(1))


def _legend_lines(svg: str) -> int:
    return len(set(re.findall(r'<g id="legend_(\d+)_\d+', svg)))


def test_a_one_step_map_fills_a_slide(cli, tmp_path):
    svg = _render(cli, tmp_path, "16:9")
    assert _legend_lines(svg) <= 4  # it was 9, about one item a line
    assert _name_size(svg) >= 15  # it was 13


@pytest.mark.parametrize(("page", "size"), [("a4", 10), ("letter", 10), ("a4-portrait", 13)])
def test_on_paper_the_one_step_map_keeps_the_larger_type(cli, tmp_path, page, size):
    assert _name_size(_render(cli, tmp_path, page)) >= size
