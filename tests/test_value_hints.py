"""Type errors that explain the surprise, did-you-mean only when close, no follow-on reference errors.

Real fixtures through the CLI, then the two units with rules of their own
(look-alike characters, the typo distance) on their own.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from journeycli.suggest import closest
from journeycli.value_hints import explain_text

VALUES = FIXTURES / "values"

# fixture -> [(code, line, column, words in the message and hint)]
EXPECTED = {
    "quoted_number": [("E002", 10, 18, ['`"-1"` is text because of the quotes', "remove the quotes: `emotion: -1`"])],
    "unicode_minus_sign": [("E002", 10, 18, ["U+2212 MINUS SIGN", "looks like a minus sign", "`emotion: -1`"])],
    "en_dash": [("E002", 10, 18, ["U+2013 EN DASH", "`emotion: -2`"])],
    "fullwidth_digit": [("E002", 10, 18, ["U+FF11 FULLWIDTH DIGIT ONE", "looks like a digit", "`emotion: 1`"])],
    "fraction_for_whole_number": [("E002", 10, 18, ["`1.5` is not a whole number", "`emotion: 1`", "`emotion: 2`"])],
    "percent_for_share": [("E002", 13, 23, ["because of the `%`", "`affected: 0.35`"])],
    # a flag: `true` or `false`, the two words every YAML reads as one (journeycli's YAML 1.1 also takes `yes`, editors do not)
    "quoted_flag": [("E002", 10, 26, ['`"yes"` is text because of the quotes', "write it without them: `moment_of_truth: true`"])],
    "number_for_flag": [("E002", 10, 26, ["`1` is a number", "write `moment_of_truth: true`"])],
    "word_for_flag": [("E002", 10, 26, ["must be true or false; found `ja`", "`moment_of_truth: true` or `moment_of_truth: false`"])],
    "unknown_key_nothing_close": [("E002", 10, 9, ["unknown key `version`", "keys allowed here: id, name,"])],
    "hash_starts_a_comment": [("E002", 3, 8, ["`title` in the journey is empty", "`#` starts a comment", "`#1 parcel delivery`", '`title: "#1 parcel delivery"`'])],
    "date_that_does_not_exist": [("E002", 4, 16, ["`2026-02-30` is written as a date, but there is no such day", "month 01 to 12"])],
    # a misspelt required key is one finding: no "missing the required key `name`" beside it
    "required_key_misspelt": [("E002", 6, 5, ["unknown key `nme` in stage `wait`", "did you mean `name`?", "`name` is required here"])],
    # the mapping is reported once: no key-by-key "unknown key", no "not a defined pain point id" for `late-parcel`
    "pain_points_as_mapping": [("E002", 11, 11, ["must be a list, not a mapping", "`- id: late-parcel`"])],
}


def test_every_values_fixture_has_expectations():
    assert {p.name.removesuffix(".journey.yaml") for p in VALUES.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_value_errors_explain_the_surprise(cli, name):
    result = cli("validate", VALUES / f"{name}.journey.yaml", "--format", "json")
    assert result.code == 1
    found = result.json()["diagnostics"]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [entry[:3] for entry in EXPECTED[name]]
    for finding, (*_, words) in zip(found, EXPECTED[name]):
        for word in words:
            assert word in finding["message"]
        assert "did you mean `personas`" not in finding["message"]
        assert "found `-1`" not in finding["message"]  # the old contradiction


def test_a_float_with_nothing_after_the_point_is_told_to_drop_it(cli, tmp_path):
    path = tmp_path / "x.journey.yaml"
    path.write_text((VALUES / "fraction_for_whole_number.journey.yaml").read_text().replace("1.5", "1.0"))
    [finding] = cli("validate", path, "-f", "json").json()["diagnostics"]
    assert "`1.0` has a decimal point" in finding["message"] and "`emotion: 1`" in finding["message"]


def test_a_percentage_written_as_a_number_gets_its_share(cli, tmp_path):
    path = tmp_path / "x.journey.yaml"
    path.write_text((VALUES / "percent_for_share.journey.yaml").read_text().replace("35%", "35"))
    [finding] = cli("validate", path, "-f", "json").json()["diagnostics"]
    assert "35% is `affected: 0.35`" in finding["message"]


def test_a_reference_to_a_rejected_source_list_is_not_reported_again(cli, tmp_path):
    path = tmp_path / "x.journey.yaml"
    path.write_text(
        "format: 1\nid: x\ntitle: X\nsources:\n  survey:\n    title: Survey\n"
        "stages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        name: A\n        sources: [survey, survye]\n"
    )
    found = cli("validate", path, "-f", "json").json()["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == [("E002", 5), ("E005", 13)]
    assert "`survye`" in found[1]["message"]  # a reference to nothing defined at all is still reported


@pytest.mark.parametrize(
    ("text", "quoted", "words"),
    [
        ("-1", True, ['`"-1"`', "quotes"]),
        ("0.35", True, ["`affected: 0.35`"]),
        ("\u22122", False, ["U+2212", "`affected: -2`"]),
        ("\u20141", False, ["U+2014 EM DASH"]),
        ("\uff10.\uff15", False, ["U+FF10", "`affected: 0.5`"]),
        ("\u0662", False, ["ARABIC-INDIC DIGIT TWO", "`affected: 2`"]),
        ("0,35", False, ["comma", "`affected: 0.35`"]),
        ("12.5 %", False, ["`%`", "`affected: 0.125`"]),
    ],
)
def test_text_where_a_number_goes(text, quoted, words):
    reason, hint = explain_text(text, "affected", quoted, whole=False)
    for word in words:
        assert word in reason + " " + hint


def test_ordinary_words_are_not_explained_as_numbers():
    assert explain_text("bad", "emotion", quoted=False, whole=True) is None
    assert explain_text("-1", "emotion", quoted=False, whole=True) is None  # not quoted: nothing surprising to name


@pytest.mark.parametrize(
    ("word", "options", "expected"),
    [
        ("emotoin", ["emotion", "name"], "emotion"),  # two letters swapped
        ("Title", ["title", "tags"], "title"),  # case
        ("last-reviewed", ["last_reviewed"], "last_reviewed"),  # - for _
        ("pain_point", ["pain_points", "opportunities"], "pain_points"),
        ("interveiws", ["interviews", "survey-q2"], "interviews"),
        ("wbe", ["web", "app"], "web"),
        ("version", ["personas", "description", "sources"], None),
        ("colour", ["channel", "owner"], None),
        ("urgent", ["low", "medium", "high", "critical"], None),
        ("ab", ["cd"], None),
    ],
)
def test_did_you_mean_only_when_close(word, options, expected):
    assert closest(word, options) == expected
