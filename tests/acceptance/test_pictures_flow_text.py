"""In the flow view, a step's name in Chinese (or any text beyond ASCII) stays inside its card.

Graphviz sizes a flow card by its text, and the bundled engine measures
each byte of a character beyond ASCII as a space: a CJK character came out
three quarters of an em wide instead of one, so a Chinese name ran over the
right edge of its card, and "on to 第16步 填写表格 (row 2)" over its stub.
Such cells now get the width journeycli measures; ASCII keeps the engine's.
"""

from __future__ import annotations

import html
import re

from conftest import FIXTURES

from journeycli.render import labels

MAP = FIXTURES / "acceptance" / "pictures" / "cjk-flow.journey.yaml"
BIG = FIXTURES / "acceptance" / "pictures" / "big-bank.journey.yaml"
NODE = re.compile(r'<g id="([^"]*)" class="node">(.*?)</g>', re.S)
POLYGON = re.compile(r'<polygon fill="none"[^>]*points="([^"]*)"|<path fill="none"[^>]*d="M([^"]*)"')
TEXT = re.compile(r'<text [^>]*x="([-\d.]+)"([^>]*)font-size="([\d.]+)"[^>]*>([^<]*)</text>')


def _overruns(svg: str, prefix: str) -> list[tuple[str, str, float]]:
    """Texts of the nodes named ``prefix…`` that end past their node's outline (by how much)."""
    found = []
    for name, body in NODE.findall(svg):
        if not name.startswith(prefix):
            continue
        numbers = [float(n) for m in POLYGON.findall(body) for part in m if part for n in re.findall(r"(-?[\d.]+),", part)]
        right = max(numbers)
        for x, attrs, size, words in TEXT.findall(body):
            end = float(x) + labels.text_width(html.unescape(words), float(size), "bold" in attrs)
            if not words.isascii() and end > right:
                found.append((name, words, round(end - right, 1)))
    return found


def test_chinese_step_names_fit_their_cards(cli, tmp_path):
    out = tmp_path / "flow.svg"
    assert cli("render", MAP, "--view", "flow", "-o", out).code == 0
    svg = out.read_text(encoding="utf-8")
    assert re.search(r">用户在手机上", svg)  # the name is drawn (the test looks at it)
    assert not _overruns(svg, "step_")


def test_row_stubs_with_chinese_names_hold_their_words(cli, tmp_path):
    out = tmp_path / "flow.svg"
    assert cli("render", BIG, "--view", "flow", "-o", out).code == 0
    svg = out.read_text(encoding="utf-8")
    assert "on to 第16步" in svg
    assert not _overruns(svg, "to_") and not _overruns(svg, "from_")
