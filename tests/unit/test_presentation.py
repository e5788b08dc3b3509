"""The helpers every writer shares: one Markdown escaper, the spreadsheet guard, visible control characters."""

from __future__ import annotations

import pytest

from journeycli.presentation.markdown import cell, code, text
from journeycli.presentation.spreadsheet import guard, unguard
from journeycli.presentation.terminal import printable


def test_markdown_text_escapes_html_and_every_markdown_special():
    assert text("<b>a</b> & *b* _c_ `d` [e](f) ![g](h) #i ~j~ k|l \\") == (
        "&lt;b&gt;a&lt;/b&gt; &amp; \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\!\\[g\\](h) \\#i \\~j\\~ k\\|l \\\\"
    )


def test_markdown_text_is_one_line_and_cell_keeps_lines_apart():
    assert text("one\n  two\tthree") == "one two three"
    assert cell("one\n\ntwo | three") == "one<br>two \\| three"
    assert cell("  \n") == "—"


def test_markdown_code_only_spans_what_a_code_span_shows_literally():
    assert code("maps/checkout.journey.yaml") == "`maps/checkout.journey.yaml`"
    assert code("a `b` | c") == "a \\`b\\` \\| c"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "'=1", "''=1"])
def test_spreadsheet_guard_defuses_formulas_and_round_trips(value):
    guarded = guard(value)
    assert guarded.startswith("'") and unguard(guarded) == value


@pytest.mark.parametrize("value", ["plain", "'quoted", "1-2"])
def test_spreadsheet_guard_leaves_text_alone(value):
    assert guard(value) == value and unguard(value) == value


def test_control_and_bidi_characters_become_one_visible_character_each():
    shown = printable("a\x1b[2Jb\u202ec\x7f")
    assert shown == "a\u241b[2Jb\ufffdc\u2421" and len(shown) == len("a\x1b[2Jb\u202ec\x7f")


def test_csv_line_quotes_every_cell_with_a_line_break_comma_or_quote():
    import csv
    import io

    from journeycli.presentation.spreadsheet import csv_line

    line = csv_line(["Pays\r'=1+1", "a\nb", 'say "hi"', "x,y", "plain", -2, ""])
    assert line == '"Pays\r\'=1+1","a\nb","say ""hi""","x,y",plain,-2,\n'
    assert list(csv.reader(io.StringIO(line, newline=""))) == [["Pays\r'=1+1", "a\nb", 'say "hi"', "x,y", "plain", "-2", ""]]


@pytest.mark.parametrize("value, guarded", [("Pays\r=1+1", "Pays\r'=1+1"), ("a\n@x\r\n-y", "a\n'@x\r\n'-y"), ("\r=x", "'\r'=x")])
def test_spreadsheet_guard_covers_every_line_of_a_cell(value, guarded):
    assert guard(value) == guarded and unguard(guarded) == value
