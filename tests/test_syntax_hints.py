"""YAML syntax errors explained in plain words: the slip, its line and column, and the fix written out.

One real fixture per slip runs through the CLI; the snippets below vary each slip
(block and flow style, nesting, comments, multi-line values) through the loader.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from journeycli.loader import load

SYNTAX = FIXTURES / "syntax"

# fixture -> (line, column, words in the message, words in the hint)
SLIPS = {
    "apostrophe_in_single_quotes": (11, 22, ["apostrophe", "`It's`", "single quotes"], ["`thoughts: \"It's late again\"`", "`thoughts: 'It''s late again'`"]),
    "double_quotes_inside_double_quotes": (11, 35, ['"', "`tomorrow`", "double quotes"], ["`thoughts: 'The agent said \"tomorrow\" again'`", '\\"']),
    "key_indented_less": (11, 8, ["`channel:`", "1 space less", "`name:` on line 10"], ["8 spaces", "`name:`"]),
    "steps_indented_less": (7, 4, ["`steps:`", "1 space less", "`name:` on line 6"], ["4 spaces"]),
    "key_indented_more": (11, 11, ["2 spaces more", "`name:` on line 10", "value of `name`"], ["8 spaces"]),
    "tab_indent": (11, 1, ["tab", "only spaces"], ["8 spaces", "`name:` on line 10"]),
    "unclosed_bracket": (11, 18, ["`[`", "line 11", "never closed"], ["`sources: [tracking-logs, call-notes]`"]),
    "unclosed_quote_on_its_line": (11, 19, ['"', "never closed"], ['`thoughts: "Where is it?"`']),
    "colon_in_plain_value": (10, 23, ["value of `name`", "`: `"], ['`name: "Tracking: where is my parcel"`']),
    "missing_dash": (11, 7, ["new list item", "no `- `"], ["`      - id: call`"]),
    "missing_dash_in_text_list": (6, 3, ["in a list", "`- `"], ["`  - Deliver on the first attempt`"]),
    "bracket_starts_plain_value": (10, 15, ["starts with `[`", "list"], ['`name: "[Draft] Tracks the parcel"`']),
    "no_space_after_colon": (11, 16, ["`emotion:-1`", "no space after the colon", "not as the key `emotion`"], ["`emotion: -1`"]),
    "no_space_after_colon_in_item": (9, 11, ["`id:track`", "no space after the colon"], ["`id: track`"]),
    "two_keys_on_one_line": (10, 33, ["`emotion:` looks like a second key", "same line as `name:`"], ["put `emotion: -1` on the next line", "8 spaces"]),
    "dash_without_space": (9, 7, ["no space after it", "`-id` as a key"], ["`      - id: track`"]),
}


def test_every_syntax_fixture_has_expectations():
    assert {p.name.removesuffix(".journey.yaml") for p in SYNTAX.iterdir()} == set(SLIPS)


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_slip_is_explained_at_its_place_with_the_fix(cli, name):
    line, column, message_words, hint_words = SLIPS[name]
    result = cli("validate", SYNTAX / f"{name}.journey.yaml", "--format", "json")
    assert result.code == 1
    [finding] = result.json()["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"]) == ("E001", line, column)
    for words in message_words + hint_words:
        assert words in finding["message"]
    assert "(YAML parser: " in finding["message"]  # the parser's words stay, as a detail


def test_text_report_puts_the_plain_words_first_and_the_fix_in_the_hint(cli):
    out = cli("validate", SYNTAX / "apostrophe_in_single_quotes.journey.yaml").out
    assert "E001 the apostrophe in `It's` ends the text in single quotes early" in out
    assert "hint: use double quotes around text that contains an apostrophe" in out
    assert "indentation" not in out  # the old, wrong guess


def _explained(text: str) -> tuple[int, int, str, str]:
    [finding] = [d for d in load(text.encode(), "f").diagnostics if d.code in ("E001", "E003")]
    return finding.line, finding.column, finding.message, finding.hint or ""


# Variants of each slip: (YAML, line, column, words in the message, words in the hint)
VARIANTS = [
    # quotes ending quoted text early, in block, flow, multi-line values and with comments
    ("a:\n  thoughts: 'Don't make me wait' # comment\n", 2, 17, ["apostrophe", "`Don't`"], ["\"Don't make me wait\"", "'Don''t make me wait'"]),
    ("tags: ['it's', b]\n", 1, 11, ["apostrophe", "`it's`"], ["`\"it's\"`", "`'it''s'`"]),
    ('tags: ["a "b" c", d]\n', 1, 11, ['" before `b`'], ["`'a \"b\" c'`"]),
    ("steps:\n  - thoughts: 'I can't\n      see it'\n", 2, 21, ["apostrophe", "`can't`"], ["`can''t`"]),
    ("- name: 'Pay' now\n", 1, 15, ["`now` follows the closing '"], ["`- name: 'Pay now'`"]),
    ('a: "hello\nb: 1\nc: "x"\n', 1, 4, ["not closed on that line", "line 3"], ['`a: "hello"`']),
    ('a: "open\n', 1, 4, ["never closed"], ['`a: "open"`']),
    ('path: "C:\\docs"\n', 1, 10, ["`\\d`", "escape"], ["single quotes"]),
    # indentation
    ("steps:\n  - id: x\n    name: y\n  channel: web\n", 4, 3, ["`channel:`", "2 spaces less"], ["4 spaces", "`- channel: web`"]),
    ("s:\n  - id: a\n    pain_points:\n      - id: p\n        description: d\n       severity: high\n", 6, 8, ["`severity:`", "`description:`"], ["8 spaces"]),
    ("stages:\n  - id: s\n    steps:\n      - id: a\n        name: A\n     - id: b\n", 6, 6, ["5 spaces", "`- id:` on line 4"], ["4 or 6"]),
    ("stages:\n  - id: s\n    steps:\n      - id: a\n        name: A\n    - id: b\n", 6, 5, ["list item on line 6", "line 4"], ["6 spaces"]),
    ("format: 1\nid: x\n  title: y\n", 3, 3, ["2 spaces more", "`id:`"], ["beginning of the line"]),
    ("a:\n  b: [x]\n   c: 1\n", 3, 4, ["1 space more", "`b:` on line 2"], ["2 spaces"]),
    ("a:\n  # a comment\n\tb: 1\n", 3, 1, ["tab"], ["spaces"]),
    # brackets
    ("tags: [a, b\nname: x\n", 1, 7, ["`[`", "never closed"], ["`tags: [a, b]`"]),
    ("next: [\n  - id: b\n", 1, 7, ["`[`", "never closed"], ["]"]),
    ("x: {a: 1, b: 2\ny: 3\n", 1, 4, ["`{`", "never closed"], ["}"]),
    ("tags: [a, b]]\n", 1, 13, ["`]` closes nothing"], ["remove"]),
    ("title: {Draft} Checkout\n", 1, 8, ["starts with `{`", "mapping"], ['`title: "{Draft} Checkout"`']),
    # `key: value: more`, missing `: ` and `- `
    ("objectives:\n  - Checkout: faster\nname: Step two: pay # why\n", 3, 15, ["value of `name`"], ['`name: "Step two: pay"`']),
    ("a:1\nb: 2\n", 1, 2, ["no space after the colon"], ["`a: 1`"]),
    ("steps:\n  - id: a\n    name\n    emotion: 1\n", 3, 5, ["`name`", "no `:`"], ["`name: …`"]),
    ("steps:\n  - id: a\n    name: A\n  id: b\n  name: B\n", 4, 3, ["new list item"], ["`  - id: b`"]),
    ("tags:\n  - a\n  b\n", 3, 3, ["in a list"], ["`  - b`"]),
    ("name: @home\n", 1, 7, ["`@`"], ['`name: "@home"`']),
    ("a: b\n- c\n", 2, 1, ["list item", "line 1"], ["ends with `:`"]),
    ("key: - a\n", 1, 6, ["same line as its key"], ["`key: [a]`"]),
    ("a:\n  - b\n  c: d\n", 3, 3, ["lined up with the `- ` items", "line 2"], ["start it with `- `"]),
    ("name: *bold* text\n", 1, 7, ["`*`", "anchor"], ['"*bold* text"']),
]


@pytest.mark.parametrize(("text", "line", "column", "message_words", "hint_words"), VARIANTS, ids=range(len(VARIANTS)))
def test_variants_of_each_slip(text, line, column, message_words, hint_words):
    found_line, found_column, message, hint = _explained(text)
    assert (found_line, found_column) == (line, column), message
    for words in message_words:
        assert words in message
    for words in hint_words:
        assert words in hint
    assert "YAML cannot read the file from here on" not in message


def test_a_repeated_id_in_a_list_item_suggests_the_missing_dash():
    text = "steps:\n  - id: a\n    name: A\n    id: b\n"
    [finding] = load(text.encode(), "f").diagnostics
    assert (finding.code, finding.line, finding.column) == ("E003", 4, 5)
    assert "`- `" in finding.hint


def test_an_unrecognised_error_still_gets_plain_words_and_the_parser_detail():
    line, column, message, hint = _explained("a: |x\n  b\n")
    assert message.startswith("YAML cannot read")
    assert "(YAML parser: " in message and hint


def test_a_whole_item_missing_its_dash_is_one_finding_not_one_per_key(cli):
    result = cli("validate", FIXTURES / "repeated" / "missing_dash_whole_item.journey.yaml", "--format", "json")
    assert result.code == 1
    [finding] = result.json()["diagnostics"]  # `name` and `emotion` repeat too: the same slip, not three
    assert (finding["code"], finding["line"], finding["column"]) == ("E003", 12, 9)
    assert "repeated in this list item (first at line 9)" in finding["message"] and "new item without its `- `" in finding["message"]
    assert "begin the new item with `- `" in finding["message"]


def test_a_key_repeated_within_the_new_item_is_still_reported():
    text = "steps:\n  - id: a\n    name: A\n    id: b\n    name: B\n    name: B again\n"
    found = [(d.code, d.line) for d in load(text.encode(), "f").diagnostics]
    assert found == [("E003", 4), ("E003", 6)]


def test_a_repeated_key_outside_a_list_item_keeps_its_own_words():
    [finding] = load(b"title: A\ntitle: B\n", "f").diagnostics
    assert finding.message == "the key `title` is repeated in this mapping (first at line 1)" and "keep only one" in finding.hint
