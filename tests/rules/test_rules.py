"""Every lint rule (F001–F005, L001–L010, P001–P007) on real fixture files: where it fires, at which line and
column, with which severity, and the cases it must leave alone.

Each fixture is ``clean.journey.yaml`` with one thing changed, so a finding of any other rule
shows up as a failure here. Line and column point at the place each rule documents.
"""

from __future__ import annotations

import pytest

from journeycli.rules import lint_rules

from .conftest import LINT, findings

WARN, ERR, INFO = "warning", "error", "info"

# fixture -> every (code, line, column, severity) `journey lint -f json --fail-on info` reports, in order
EXPECTED = {
    # at the `reach` value of the step that reaches more customers than could come
    "f001_reach_grows": [("F001", 56, 16, WARN)],
    # at the `reach` value of the main-path step whose drop no pain point explains
    "f002_unexplained_drop": [("F002", 56, 16, WARN)],
    # at the journey's `reach_as_of` value (the step with its own fresh date is left alone)
    "f003_stale_reach": [("F003", 10, 14, WARN)],
    # at the undated metric's `value` key
    "f004_undated_metric": [("F004", 35, 13, INFO)],
    # at the metric's `as_of` value
    "f005_stale_metric": [("F005", 36, 20, WARN)],
    # at the new stage's `id` value
    "l001_empty_stage": [("L001", 64, 9, WARN)],
    # at the unreachable step's `id` value; the negative exit there is not reported again by P007
    "l002_unreachable_step": [("L002", 49, 13, WARN)],
    # at the root mapping: its first key, after the comment line
    "l003_missing_owner": [("L003", 2, 1, WARN)],
    # at the `last_reviewed` value when stale; at the root mapping when it is missing
    "l004_stale_review": [("L004", 8, 16, WARN)],
    "l004_no_last_reviewed": [("L004", 2, 1, WARN)],
    # at the `id` of the unused persona, channel and source
    "l005_unused_definition": [("L005", 13, 9, INFO), ("L005", 18, 9, INFO), ("L005", 24, 9, INFO)],
    # at the step's `id` value
    "l006_missing_emotion": [("L006", 36, 13, INFO)],
    # at the second `name` value: a step in the same stage, then a stage
    "l007_duplicate_name": [("L007", 37, 15, WARN), ("L007", 49, 11, WARN)],
    "l008_missing_objectives": [("L008", 2, 1, INFO)],
    # at the pain point's `id` value
    "l009_unsupported_pain_point": [("L009", 40, 17, INFO)],
    # at each bad entry of `x-journey-ignore` (the mapping's first key), or at the value when it is not a list
    "l010_bad_suppression": [
        ("L010", 11, 5, WARN),  # Q123: no such rule
        ("L010", 13, 5, WARN),  # E002: validation codes cannot be silenced
        ("L010", 15, 5, WARN),  # no reason
        ("L010", 16, 5, WARN),  # a blank reason
        ("L010", 18, 5, WARN),  # silences nothing
        ("L010", 20, 5, WARN),  # not a {rule, reason} mapping
        ("L010", 62, 7, WARN),  # a stage's `x-journey-ignore` that is not a list
    ],
    # at the `emotion` value
    "p001_unexplained_negative_emotion": [("P001", 53, 18, WARN)],
    # at the `emotion` value of the step where the emotion lands
    "p002_emotional_cliff": [("P002", 38, 18, WARN), ("P002", 62, 18, WARN)],
    "p002_cliff_through_backstage_loop": [("P002", 28, 18, WARN)],
    # at the pain point's `id` value; critical is an error, high a warning
    "p003_unaddressed_high": [("P003", 40, 17, WARN)],
    "p003_unaddressed_critical": [("P006", 48, 9, INFO), ("P003", 55, 17, ERR)],  # a critical pain point makes a hotspot
    # at the metric's `value`
    "p004_metric_off_target": [("P004", 33, 20, WARN), ("P004", 56, 20, WARN)],
    # at the `emotion` value, as an error
    "p005_negative_moment_of_truth": [("P005", 53, 18, ERR)],
    # at the stage's `id` value
    "p006_pain_hotspot_stage": [("P006", 21, 9, INFO), ("P006", 58, 9, INFO)],
    # at the `emotion` value of the exit step and of the last step
    "p007_negative_ending": [("P007", 51, 18, WARN), ("P007", 75, 18, WARN)],
}

# fixtures no rule may report anything on, each holding a case a careless rule would flag
CLEAN = sorted(["clean", *(p.name.removesuffix(".journey.yaml") for p in LINT.glob("ok_*.journey.yaml"))])

# fixtures for the engine tests (test_engine.py)
ENGINE = {"invalid_reference", "persona_only_step", "persona_flow", "suppressions"}


def lint(cli, name, *options):
    return cli("lint", LINT / f"{name}.journey.yaml", "-f", "json", *options)


def test_every_fixture_is_accounted_for():
    names = {p.name.removesuffix(".journey.yaml") for p in LINT.glob("*.journey.yaml")}
    assert names == set(EXPECTED) | set(CLEAN) | ENGINE
    assert len(CLEAN) > 5


def test_every_lint_rule_has_a_fixture_that_triggers_it():
    """Rules that judge one journey; those that judge a portfolio (L011–L014) are in tests/test_portfolio_lint.py."""
    triggered = {code for found in EXPECTED.values() for code, *_ in found}
    assert triggered == {rule.code for rule in lint_rules() if not (rule.check is None and rule.across is not None)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rule_fixture_findings(cli, name):
    result = lint(cli, name, "--fail-on", "info")
    assert findings(result) == EXPECTED[name]
    assert result.code == 1
    assert {d["file"] for d in result.json()["diagnostics"]} == {str(LINT / f"{name}.journey.yaml")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exit_code_fails_only_on_errors_by_default(cli, name):
    result = lint(cli, name)
    assert result.code == (1 if any(severity == ERR for *_, severity in EXPECTED[name]) else 0)
    assert findings(result) == EXPECTED[name]  # --fail-on changes the exit code, not what is reported


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures_have_no_finding(cli, name):
    result = lint(cli, name, "--fail-on", "info")
    assert result.json()["diagnostics"] == []
    assert result.code == 0


def test_json_summary_counts_each_severity(cli):
    summary = cli("lint", LINT / "p003_unaddressed_critical.journey.yaml", LINT / "l005_unused_definition.journey.yaml", "-f", "json").json()["summary"]
    assert summary == {"files": 2, "errors": 1, "warnings": 0, "infos": 4}


def _messages(cli, name, code=None):
    return [d["message"] for d in lint(cli, name, "--fail-on", "info").json()["diagnostics"] if code in (None, d["code"])]


def test_p003_severity_follows_the_pain_point(cli):
    critical = lint(cli, "p003_unaddressed_critical", "--select", "P003")
    assert critical.code == 1 and critical.json()["diagnostics"][0]["severity"] == "error"
    high = lint(cli, "p003_unaddressed_high")
    assert high.code == 0 and high.json()["diagnostics"][0]["severity"] == "warning"
    assert lint(cli, "p003_unaddressed_high", "--fail-on", "warning").code == 1
    assert "critical pain point `double-charge` at `pay`" in _messages(cli, "p003_unaddressed_critical", "P003")[0]
    assert "addresses: [slow-filters]" in _messages(cli, "p003_unaddressed_high")[0]


def test_p005_is_an_error(cli):
    result = lint(cli, "p005_negative_moment_of_truth")
    assert result.code == 1
    assert [(d["code"], d["severity"]) for d in result.json()["diagnostics"]] == [("P005", "error")]


def test_p002_compares_across_steps_without_emotion(cli):
    direct, through_backstage = _messages(cli, "p002_emotional_cliff")
    assert "from +2 at `search` to 0 at `compare` (a drop of 2)" in direct
    assert "from +2 at `pay` to 0 at `confirm` (a drop of 2)" in through_backstage
    [through_loop] = _messages(cli, "p002_cliff_through_backstage_loop")
    assert "from +2 at `add-express` to 0 at `receipt`" in through_loop


def test_p004_messages_give_value_target_and_direction(cli):
    below, above = _messages(cli, "p004_metric_off_target")
    assert below == "Search conversion at `search` is 0.4, below its target of 0.5"
    assert above == "time-to-pay at `pay` is 3.5 minutes, above its target of 2 minutes"


def test_p006_says_why_the_stage_is_a_hotspot(cli):
    pains, mean = _messages(cli, "p006_pain_hotspot_stage")
    assert pains == "the stage `browse` is a pain hotspot: 3 pain points"
    assert mean == "the stage `purchase` is a pain hotspot: mean emotion -0.50"


def test_p007_reports_exits_and_the_last_step(cli):
    exit_step, last_step = _messages(cli, "p007_negative_ending")
    assert "ends at `leave`" in exit_step and "ends at `invoice`" in last_step


def test_l004_message_gives_the_due_date(cli):
    [message] = _messages(cli, "l004_stale_review")
    assert "last reviewed on 2025-01-15; with a review every 6 months it was due on 2025-07-15" in message
    [missing] = _messages(cli, "l004_no_last_reviewed")
    assert "no `last_reviewed`" in missing and "last_reviewed: 2026-11-22" in missing


def test_l007_ignores_case_and_spacing(cli):
    step, stage = _messages(cli, "l007_duplicate_name")
    assert "the steps `search` and `compare` in stage `browse`" in step
    assert "the stages `browse` and `purchase`" in stage


def test_l010_messages_say_what_is_wrong(cli):
    messages = _messages(cli, "l010_bad_suppression")
    assert "`Q123` is not a lint rule code" in messages[0]
    assert "`E002` is not a lint rule code" in messages[1]
    assert "suppression of L003 gives no `reason`" in messages[2]
    assert "suppression of P001 gives no `reason`" in messages[3]
    assert "suppression of L008 silences nothing" in messages[4]
    assert "needs a `rule`" in messages[5] and "None" not in messages[5]
    assert "must be a list" in messages[6]


def test_f_messages_give_the_numbers(cli):
    [grows] = _messages(cli, "f001_reach_grows")
    assert "`pay` reaches 85% of entrants, but the steps that lead to it (`compare`) bring at most 80% of entrants" in grows
    [drop] = _messages(cli, "f002_unexplained_drop")
    assert drop.startswith("42.9% of the customers at `pay` (30% of entrants) do not get to `prepare`")
    [stale] = _messages(cli, "f003_stale_reach")
    assert "the reach of `search` was measured on 2025-06-30; with a review every 12 months it was due again on 2026-06-30" in stale


def test_f002_threshold_is_configurable(cli, tmp_path):
    (tmp_path / "journey.toml").write_text("[thresholds]\nlarge_drop = 0.5\n")
    assert lint(cli, "f002_unexplained_drop", "--fail-on", "info").json()["diagnostics"] == []
    (tmp_path / "journey.toml").write_text("[thresholds]\nlarge_drop = 0.2\n")
    codes = [d["code"] for d in lint(cli, "ok_f002_drop_below_threshold_or_explained", "--fail-on", "info").json()["diagnostics"]]
    assert codes == ["F002"]  # the 25% drop at `pay`; the explained one at `compare` stays quiet
    (tmp_path / "journey.toml").write_text("[thresholds]\nlarge_drop = 1.5\n")
    bad = lint(cli, "f002_unexplained_drop")
    assert bad.code == 2 and "large_drop" in bad.err


def test_f005_age_is_configurable(cli, tmp_path):
    (tmp_path / "journey.toml").write_text("[thresholds]\nmetric_age_months = 24\n")
    assert lint(cli, "f005_stale_metric", "--fail-on", "info").json()["diagnostics"] == []


def test_units_plurals_and_shares_read_as_people_write_them(tmp_path, cli):
    """Issue 12: "1 days", "0.31 ratio" and "to +0" were printed; a cliff onto a step with a pain point needs no hint."""
    path = tmp_path / "units.journey.yaml"
    path.write_text(
        "format: 1\nid: units\ntitle: Units\nstages:\n  - id: s\n    name: S\n    steps:\n"
        "      - id: a\n        name: A\n        emotion: 2\n"
        "        metrics:\n          - {id: wait, value: 2, target: 1, unit: days, better: lower}\n"
        "          - {id: bounce, value: 0.31, target: 0.2, unit: ratio, better: lower}\n"
        "      - id: b\n        name: B\n        emotion: 0\n"
        "        pain_points:\n          - {id: slow, description: Slow., severity: low}\n"
        "      - id: c\n        name: C\n        emotion: 2\n      - id: d\n        name: D\n        emotion: 0\n"
    )
    found = {(d["code"], d["line"]): d["message"] for d in cli("lint", path, "-f", "json").json()["diagnostics"]}
    assert found[("P004", 12)] == "wait at `a` is 2 days, above its target of 1 day"
    assert found[("P004", 13)] == "bounce at `a` is 31%, above its target of 20%"
    assert found[("P002", 16)] == "emotion falls from +2 at `a` to 0 at `b` (a drop of 2)"  # b has a pain point: no hint
    assert found[("P002", 24)].endswith("(Find out what goes wrong between these steps, and record it as a pain point of `d`.)")
