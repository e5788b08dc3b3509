"""The lint engine around the rules: invalid files, several files in one run, --persona, and
`x-journey-ignore` suppressions with their scopes and their L010 findings."""

from __future__ import annotations

import pytest

from .conftest import LINT, findings
from .test_rules import CLEAN, EXPECTED

WARN, ERR, INFO = "warning", "error", "info"


def path(name: str) -> str:
    return str(LINT / f"{name}.journey.yaml")


def by_file(result) -> dict[str, list[tuple[str, int, int, str]]]:
    grouped: dict[str, list[tuple[str, int, int, str]]] = {}
    for d in result.json()["diagnostics"]:
        grouped.setdefault(d["file"], []).append((d["code"], d["line"], d["column"], d["severity"]))
    return grouped


# --- invalid files ---------------------------------------------------------------------------


def test_an_invalid_file_gets_validation_errors_only_and_the_next_file_is_still_linted(cli):
    # invalid_reference has no owner, no objectives, no last_reviewed and an unexplained -2:
    # none of that may be reported while the file does not validate.
    result = cli("lint", path("invalid_reference"), path("l003_missing_owner"), "-f", "json", "--fail-on", "info")
    assert result.code == 1
    assert by_file(result) == {
        path("invalid_reference"): [("E005", 15, 18, ERR)],
        path("l003_missing_owner"): [("L003", 2, 1, WARN)],
    }
    assert result.json()["summary"] == {"files": 2, "errors": 1, "warnings": 1, "infos": 0}


def test_invalid_file_fails_even_with_every_lint_rule_ignored(cli):
    result = cli("lint", path("invalid_reference"), "-f", "json", "--ignore", "L,P")
    assert result.code == 1
    assert findings(result) == [("E005", 15, 18, ERR)]


def test_a_directory_run_reports_each_file_as_it_would_alone(cli):
    """No state leaks from one file to the next (and the run is large enough to use worker processes)."""
    result = cli("lint", LINT, "-f", "json", "--fail-on", "info")
    grouped = by_file(result)
    for name, expected in EXPECTED.items():
        assert grouped.pop(path(name)) == expected, name
    for name in CLEAN:
        assert path(name) not in grouped
    assert set(grouped) == {path("invalid_reference"), path("persona_only_step"), path("suppressions")}
    assert result.json()["summary"]["files"] == len(list(LINT.glob("*.journey.yaml")))


def test_standard_input_is_linted_like_a_file(cli):
    result = cli("lint", "-", "-f", "json", "--fail-on", "info", stdin=(LINT / "p001_unexplained_negative_emotion.journey.yaml").read_bytes())
    assert [(d["file"], d["code"], d["line"], d["column"]) for d in result.json()["diagnostics"]] == [("<stdin>", "P001", 53, 18)]


# --- --persona -------------------------------------------------------------------------------


def test_persona_leaves_out_steps_it_does_not_take(cli):
    everyone = cli("lint", path("persona_only_step"), "-f", "json", "--fail-on", "info")
    assert findings(everyone) == [("P001", 24, 18, WARN)]
    assert "`redeem-points`" in everyone.json()["diagnostics"][0]["message"]

    bargain_hunter = cli("lint", path("persona_only_step"), "-f", "json", "--fail-on", "info", "--persona", "bargain-hunter")
    assert findings(bargain_hunter) == []
    assert bargain_hunter.code == 0

    loyal = cli("lint", path("persona_only_step"), "-f", "json", "--fail-on", "info", "--persona", "loyal-customer")
    assert findings(loyal) == [("P001", 24, 18, WARN)]


def test_persona_flow_continues_past_a_left_out_step(cli):
    # everyone: +2 -> +1 -> 0; the bargain hunter's explicit `next` into the left-out step goes on to `pay`: +2 -> 0
    assert findings(cli("lint", path("persona_flow"), "-f", "json", "--fail-on", "info")) == []
    result = cli("lint", path("persona_flow"), "-f", "json", "--fail-on", "info", "--persona", "bargain-hunter")
    assert findings(result) == [("P002", 29, 18, WARN)]
    assert "from +2 at `find-deal` to 0 at `pay`" in result.json()["diagnostics"][0]["message"]
    assert findings(cli("lint", path("persona_flow"), "-f", "json", "--fail-on", "info", "--persona", "loyal-customer")) == []


def test_unknown_persona_is_a_usage_error(cli):
    result = cli("lint", path("persona_only_step"), "--persona", "nobody")
    assert result.code == 2
    assert "nobody" in result.err and "persona_only_step.journey.yaml" in result.err
    assert result.out == "" and "Traceback" not in result.err


def test_persona_view_does_not_call_a_needed_suppression_unused(cli, tmp_path):
    """Under --persona a suppression on a left-out step silences nothing in that view, but it is not unused."""
    text = (LINT / "persona_only_step.journey.yaml").read_text()
    silenced = tmp_path / "silenced.journey.yaml"
    silenced.write_text(
        text.replace(
            "        emotion: -1\n",
            "        emotion: -1\n        x-journey-ignore:\n          - rule: P001\n            reason: Points are being redesigned.\n",
        )
    )
    assert findings(cli("lint", silenced, "-f", "json", "--fail-on", "info")) == []
    assert findings(cli("lint", silenced, "-f", "json", "--fail-on", "info", "--persona", "bargain-hunter")) == []


# --- suppressions ----------------------------------------------------------------------------

SUPPRESSED = [
    ("L003", 2, 1, WARN),  # a step's suppression of L003 does not reach the journey itself
    ("P006", 24, 9, INFO),  # `purchase` is a hotspot too, and only `browse` silences P006
    ("P001", 29, 18, WARN),  # `pay` has no suppression of its own; `browse`'s does not reach it
    ("L010", 31, 13, WARN),  # so the suppression of L003 on `pay` silences nothing
]


def test_suppressions_silence_their_rule_only_inside_their_scope(cli):
    # silenced: L008 (file level), P001 at `search` and P006 at `browse` (stage level), P001 at `retry` (step level)
    result = cli("lint", path("suppressions"), "-f", "json", "--fail-on", "info")
    assert findings(result) == SUPPRESSED
    assert "suppression of L003 silences nothing" in result.json()["diagnostics"][3]["message"]


def test_each_suppression_is_needed(cli, tmp_path):
    """Taking a suppression out brings its finding back: they are not silencing by accident."""
    text = (LINT / "suppressions.journey.yaml").read_text()
    cases = {
        "file": ("  - rule: L008\n", "  - rule: L001\n", ("L008", 2, 1, INFO)),
        "stage": ("      - rule: P001\n        reason: Browsing", "      - rule: P002\n        reason: Browsing", ("P001", 20, 18, WARN)),
        "step": ("          - rule: P001\n", "          - rule: P002\n", ("P001", 35, 18, WARN)),
    }
    for level, (old, new, finding) in cases.items():
        changed = tmp_path / f"{level}.journey.yaml"
        assert text.count(old) == 1
        changed.write_text(text.replace(old, new))
        found = findings(cli("lint", changed, "-f", "json", "--fail-on", "info"))
        assert finding in found, level
        assert sum(code == "L010" for code, *_ in found) == 2, level  # the swapped-in code silences nothing


def test_a_file_level_suppression_reaches_every_step(cli, tmp_path):
    text = (LINT / "p001_unexplained_negative_emotion.journey.yaml").read_text()
    silenced = tmp_path / "silenced.journey.yaml"
    silenced.write_text(text.replace("format: 1\n", "format: 1\nx-journey-ignore:\n  - rule: P001\n    reason: Payment research runs in Q1.\n"))
    result = cli("lint", silenced, "-f", "json", "--fail-on", "info")
    assert findings(result) == []
    assert result.code == 0


@pytest.mark.parametrize(
    "options, codes",
    [(("--ignore", "L010"), {"L003", "P001", "P006"}), (("--select", "P"), {"P001", "P006"}), (("--select", "P001,L003"), {"P001", "L003"})],
)
def test_suppressions_apply_even_when_l010_does_not_run(cli, options, codes):
    result = cli("lint", path("suppressions"), "-f", "json", "--fail-on", "info", *options)
    assert findings(result) == [f for f in SUPPRESSED if f[0] in codes]


def test_an_unused_suppression_of_a_rule_that_does_not_run_is_not_reported(cli):
    # the L003 suppression on `pay` can only be judged when L003 runs
    result = cli("lint", path("suppressions"), "-f", "json", "--fail-on", "info", "--ignore", "L003")
    assert findings(result) == [f for f in SUPPRESSED if f[0] not in ("L003", "L010")]


def test_suppression_findings_can_be_ignored_like_any_rule(cli):
    result = cli("lint", path("l010_bad_suppression"), "-f", "json", "--fail-on", "info", "--ignore", "L010")
    assert findings(result) == []
