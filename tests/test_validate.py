"""`journey validate`: every E-code at its line and column, on real fixture files."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, FIXTURES

INVALID = FIXTURES / "invalid"

# file -> the (code, line, column) findings it must produce, in order
EXPECTED = {
    "e001_unclosed_quote": [("E001", 3, 8)],
    "e001_tab_indent": [("E001", 5, 1)],
    "e001_empty": [("E001", 1, 1)],
    "e001_only_comment": [("E001", 1, 1)],
    "e001_two_documents": [("E001", 5, 1)],
    "e001_python_tag": [("E001", 3, 8)],
    "e001_binary_tag": [("E001", 3, 8)],
    "e001_not_utf8": [("E001", 3, 11)],
    "e001_utf16": [("E001", 1, 1)],
    "e001_binary_junk": [("E001", 1, 1)],
    "e001_alias_bomb": [("E001", 9, 8)],
    "e001_journey_alias_bomb": [("E001", 12, 20)],
    "e001_recursive_alias": [("E001", 4, 13)],
    "e001_deep_nesting": [("E001", 4, 108)],  # where MAX_DEPTH is passed, the same with every PyYAML version
    "e002_not_a_mapping": [("E002", 1, 1)],
    # reach: share above 1, negative, unknown persona key, bad date, not a number; an unknown reach_source
    "e002_reach_out_of_range": [("E005", 11, 15), ("E002", 18, 16), ("E002", 21, 16), ("E005", 24, 31), ("E002", 25, 22), ("E002", 28, 16)],
    # with `entrants`: a count above it, a share where a count is due
    "e002_reach_counts": [("E002", 12, 16), ("E002", 15, 16)],
    "e002_bad_scalar": [("E002", 4, 16)],
    "e002_schema": [
        ("E002", 2, 5),
        ("E002", 11, 18),
        ("E002", 12, 26),
        ("E002", 13, 16),
        ("E002", 16, 9),
        ("E002", 18, 13),
        ("E002", 20, 23),
        ("E002", 21, 5),
    ],
    "e002_yaml11": [("E002", 3, 8), ("E002", 5, 9), ("E002", 6, 11), ("E002", 8, 13), ("E002", 9, 15)],
    "e003_duplicate_key": [("E003", 7, 5)],
    "e004_duplicate_ids": [("E004", 7, 9), ("E004", 18, 17), ("E004", 23, 9), ("E004", 26, 13), ("E004", 29, 17)],
    "e005_unknown_references": [("E005", 19, 18), ("E005", 20, 29), ("E005", 21, 27), ("E005", 22, 19), ("E005", 29, 31)],
    "e006_format_2": [("E006", 1, 9)],
}


def test_every_invalid_fixture_has_expectations():
    assert {p.name.removesuffix(".journey.yaml") for p in INVALID.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture_codes_lines_columns(cli, name):
    result = cli("validate", INVALID / f"{name}.journey.yaml", "--format", "json")
    assert result.code == 1
    found = [(d["code"], d["line"], d["column"]) for d in result.json()["diagnostics"]]
    assert found == EXPECTED[name]
    assert "Traceback" not in result.out + result.err


def _messages(cli, name):
    return [d["message"] for d in cli("validate", INVALID / f"{name}.journey.yaml", "-f", "json").json()["diagnostics"]]


def test_messages_quote_what_the_user_wrote_and_say_how_to_fix(cli):
    messages = _messages(cli, "e002_yaml11")
    assert 'YAML read `no` as true/false (quote it: "no")' in messages[0]
    assert "`on`" in messages[1] and "`2026` as a number" in messages[2]
    assert "`1e3`" in messages[3] and "quote it" in messages[3]


def test_schema_messages_name_the_place_by_id_and_suggest(cli):
    messages = _messages(cli, "e002_schema")
    assert "for example: checkout-flow" in messages[0]
    assert "step `search` in stage `browse`" in messages[1]
    # `offstage` is no typo of any layer (issue 12: did-you-mean only when close); the message lists them
    assert "must be one of frontstage, backstage, support; found `offstage`" in messages[3]
    assert "did you mean" not in messages[3]
    assert "unknown key `emotoin`" in messages[4] and "did you mean `emotion`?" in messages[4]
    assert "missing the required key `description`" in messages[5]
    assert "stage `buy` is missing the required key `name`" in messages[7]


def test_duplicate_key_names_the_first_position(cli):
    [message] = _messages(cli, "e003_duplicate_key")
    assert "`name` is repeated" in message and "first at line 6" in message


def test_unknown_reference_suggests_the_close_id(cli):
    messages = _messages(cli, "e005_unknown_references")
    assert "did you mean `web`?" in messages[0]
    assert "did you mean `hurt`?" in messages[4]


def test_examples_and_minimal_are_valid(cli):
    result = cli("validate", EXAMPLES, FIXTURES / "valid")
    assert result.code == 0, result.out
    assert f"{len(list(EXAMPLES.rglob('*.journey.yaml'))) + 1} files checked, no problems" in result.out  # examples/portfolio/ too


def test_text_report_shows_source_line_and_caret(cli):
    result = cli("validate", INVALID / "e003_duplicate_key.journey.yaml")
    lines = result.out.splitlines()
    assert lines[0].startswith(f"{INVALID / 'e003_duplicate_key.journey.yaml'}:7:5: error E003 ")
    assert lines[1] == " 7 │     name: Second name"
    assert lines[2] == "   │     ^"
    assert lines[3].startswith("   = hint: ")
    assert lines[-1] == "✖ 1 error in 1 of 1 file checked"


def test_free_text_channel_and_personas_when_not_declared(cli, tmp_path):
    path = tmp_path / "free.journey.yaml"
    path.write_text(
        "format: 1\nid: free\ntitle: Free\nstages:\n  - id: s\n    name: S\n    steps:\n"
        "      - id: a\n        name: A\n        channel: phone\n        personas: [anyone]\n"
    )
    assert cli("validate", path).code == 0


def test_x_keys_are_allowed_everywhere(cli, tmp_path):
    path = tmp_path / "ext.journey.yaml"
    path.write_text(
        "format: 1\nid: ext\ntitle: Ext\nx-board: {url: x}\nstages:\n  - id: s\n    name: S\n    x-note: hi\n"
        "    steps:\n      - id: a\n        name: A\n        x-jira: [ABC-1]\n"
    )
    assert cli("validate", path).code == 0


def test_merge_keys_work_and_are_not_duplicates(cli, tmp_path):
    path = tmp_path / "merge.journey.yaml"
    path.write_text(
        "format: 1\nid: merge\ntitle: Merge\nx-defaults: &d {owner: web-team, layer: frontstage}\nstages:\n  - id: s\n    name: S\n"
        "    steps:\n      - <<: *d\n        id: a\n        name: A\n        owner: other-team\n"
    )
    assert cli("validate", path).code == 0


def test_dates_accept_yaml_dates_and_iso_text_but_not_other_text(cli, tmp_path):
    template = "format: 1\nid: d\ntitle: D\nlast_reviewed: {}\nstages: [{{id: s, name: S}}]\n"
    for value, code in (("2026-09-01", 0), ('"2026-09-01"', 0), ('"01/09/2026"', 1), ("2026-09-01 10:00:00", 1)):
        path = tmp_path / "d.journey.yaml"
        path.write_text(template.format(value))
        assert cli("validate", path).code == code, value


def test_all_problems_of_a_file_are_reported_in_one_run(cli, tmp_path):
    path = tmp_path / "many.journey.yaml"
    path.write_text(
        "format: 1\nid: many\ntitle: Many\nstages:\n  - id: s\n    name: S\n    name: T\n    steps:\n"
        "      - id: a\n        name: A\n        emotion: 9\n        next: [zz]\n      - id: a\n        name: B\n"
    )
    codes = sorted(d["code"] for d in cli("validate", path, "-f", "json").json()["diagnostics"])
    assert codes == ["E002", "E003", "E004", "E005"]


def test_control_characters_from_quoted_escapes_are_rejected(cli, tmp_path):
    path = tmp_path / "esc.journey.yaml"
    path.write_text('format: 1\nid: x\ntitle: "\\e[2Jhi"\nstages: [{id: s, name: "tab\\there\\nnewline"}]\n')
    found = [(d["code"], d["line"], d["column"]) for d in cli("validate", path, "-f", "json").json()["diagnostics"]]
    assert found == [("E002", 3, 8)]  # tab and newline escapes are fine


@pytest.mark.parametrize(
    "value, code",
    [("1", None), ("2", "E006"), ("0", "E006"), ('"1"', "E002"), ("1.0", "E002"), ("true", "E002"), ("one", "E002")],
)
def test_format_must_be_the_whole_number_1(cli, tmp_path, value, code):
    path = tmp_path / "f.journey.yaml"
    path.write_text(f"format: {value}\nid: x\ntitle: X\nstages: [{{id: s, name: S}}]\n")
    found = [(d["code"], d["line"], d["column"]) for d in cli("validate", path, "-f", "json").json()["diagnostics"]]
    assert found == ([] if code is None else [(code, 1, 9)])


def test_missing_format_is_a_missing_key(cli, tmp_path):
    path = tmp_path / "f.journey.yaml"
    path.write_text("id: x\ntitle: X\nstages: [{id: s, name: S}]\n")
    [finding] = cli("validate", path, "-f", "json").json()["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"]) == ("E002", 1, 1)
    assert "missing the required key `format`" in finding["message"]
