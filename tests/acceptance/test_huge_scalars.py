"""A huge scalar (a pasted text with no spaces) is drawn whole, in time linear in its length.

Breaking a word wider than a line used to measure the rest of the word again
after every piece: a 100,000-character title took 17 s to render, a 5 MB one
minutes. The fixture's title is one 20,000-character word.
"""

from __future__ import annotations

from conftest import FIXTURES

from journeycli.render import labels

MAP = FIXTURES / "acceptance" / "maps" / "long-word-title.journey.yaml"


def test_a_title_of_one_long_word_renders_every_character(cli, tmp_path):
    out = tmp_path / "map.svg"
    result = cli("render", MAP, "-o", out)
    assert result.code == 0, result.err
    svg = out.read_text()
    pieces = [line for line in svg.split(">") if "Checkout" in line and "<" in line]
    drawn = "".join(piece.split("<")[0] for piece in pieces if "Checkout" in piece.split("<")[0])
    assert drawn.count("Checkout") >= 2500  # every piece of the word is on the poster (and the tooltip may repeat some)


def test_breaking_a_long_word_measures_each_character_a_bounded_number_of_times(monkeypatch):
    calls = 0
    measure = labels._char_width

    def counted(char: str) -> int:
        nonlocal calls
        calls += 1
        return measure(char)

    monkeypatch.setattr(labels, "_char_width", counted)
    word = "a" * 40_000
    lines = labels.wrap_all(word, 200, 10)
    assert "".join(lines) == word and len(lines) > 100
    assert calls < 5 * len(word)  # it was about len(word) ** 2 / (2 * chars per line): over 10 million here
