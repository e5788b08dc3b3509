"""The legend's words never run over its chips, at any page scale.

On a page the poster is drawn at a scale such as 0.87, and Graphviz draws
font sizes in whole points, rounded up (``cards.points``): 8.7-point words
are drawn at 9. The legend's text cells were fixed to the width measured
at the unrounded size, so the wider text spilled out of both sides of its
cell: on the 16:9 pages of a big map "pain point, opportunity…" started on
top of the O1 chip. The fixture is a 45-step map with long, CJK, Arabic and
emoji text, branches, loops, an exit and an empty stage.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

from journeycli.render import labels

MAP = FIXTURES / "acceptance" / "pictures" / "big-bank.journey.yaml"
GROUP = re.compile(r'<g id="(legend_[^"]*)" class="node">(.*?)</g>', re.S)
ELEMENT = re.compile(r'<(polygon) fill="none"[^>]*points="([^"]*)"|<(text) [^>]*x="([-\d.]+)"([^>]*)font-size="([\d.]+)"[^>]*>([^<]*)</text>')


def _gaps(svg: str) -> list[tuple[str, float]]:
    """Per legend item: the room between its title and its first chip, and between its last chip and its words.

    In the SVG an item is its title, then per chip a filled and an outlined polygon and the chip's word, then its words.
    """
    found = []
    for name, body in GROUP.findall(svg):
        title_end = chip_right = None
        after_chip = False
        for polygon, points, _text, x, bold, size, words in ELEMENT.findall(body):
            if polygon:
                xs = [float(p.split(",")[0]) for p in points.split()]
                if title_end is not None and chip_right is None:
                    found.append((f"{name}: first chip", min(xs) - title_end))
                chip_right, after_chip = max(xs), True
            elif after_chip:
                after_chip = False  # the chip's own word
            elif chip_right is None:
                title_end = float(x) + labels.text_width(words, float(size), "bold" in bold)
            else:
                found.append((f"{name}: {words!r}", float(x) - chip_right))
    return found


@pytest.mark.parametrize("page", ["16:9", "a4", "strip"])
def test_legend_words_start_after_their_chips(cli, tmp_path, page):
    result = cli("render", MAP, "--page", page, "-o", tmp_path / "map.svg")
    assert result.code == 0, result.err
    first = tmp_path / ("map.svg" if page == "strip" else "map-1.svg")
    gaps = _gaps(first.read_text(encoding="utf-8"))
    assert len(gaps) >= 5  # the chips of emotion, line ends, severity, status and references were found
    overlapping = [(where, round(gap, 2)) for where, gap in gaps if gap < 1]
    assert not overlapping
