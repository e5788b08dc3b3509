"""Links between journeys (`part_of`, `future_of`, `state`) and the portfolio rules (L005 for library
entries, L011–L014), checked across the journeys given together."""

from __future__ import annotations

import shutil

import pytest
from conftest import EXAMPLES, FIXTURES

from journeycli.rules import lint_rules

LINKS = FIXTURES / "portfolio" / "links"


def found(result, codes=None):
    return [
        (d["file"].rsplit("/", 1)[-1], d["line"], d["column"], d["code"])
        for d in result.json()["diagnostics"]
        if codes is None or d["code"] in codes
    ]


def test_link_errors_across_files_are_in_the_file_that_holds_them(cli):
    result = cli("validate", LINKS, "-f", "json")
    assert result.code == 1
    assert found(result) == [
        ("loop-a.journey.yaml", 4, 20, "E008"),
        ("loop-b.journey.yaml", 4, 20, "E008"),
        ("loop-c.journey.yaml", 4, 20, "E008"),
        ("main.journey.yaml", 2, 5, "E004"),  # the later of two files with the id `main`
        ("self.journey.yaml", 4, 12, "E008"),  # future_of: self
        ("unknown-link.journey.yaml", 4, 20, "E005"),  # part_of: {journey: mian}
        ("unknown-link.journey.yaml", 5, 12, "E005"),  # future_of: nowhere
    ]
    messages = [d["message"] for d in result.json()["diagnostics"]]
    assert "loop-a → loop-b → loop-c → loop-a" in messages[0]
    assert "dup-main.journey.yaml (line 2)" in messages[3]
    assert "did you mean `main`?" in messages[5]


def test_a_single_file_is_not_checked_against_journeys_it_was_not_given_with(cli):
    assert cli("validate", LINKS / "unknown-link.journey.yaml").code == 0


def test_plain_maps_with_one_id_stay_valid_together(cli, tmp_path):
    """Copies of a map without libraries or links validated before libraries existed: they still do."""
    for name in ("a", "b"):
        shutil.copy(FIXTURES / "lint" / "clean.journey.yaml", tmp_path / f"{name}.journey.yaml")
    assert cli("validate", tmp_path).code == 0


def test_future_state_and_link_target_rules(cli):
    result = cli("lint", LINKS, "-f", "json", "--select", "L012,L013")
    assert found(result, {"L012", "L013"}) == [
        ("detail-bad-step.journey.yaml", 4, 33, "L013"),  # stage: finish
        ("detail-bad-step.journey.yaml", 4, 47, "L013"),  # step: main-middle
        ("future-alone.journey.yaml", 4, 8, "L012"),  # state: future, no future_of
        ("future-of-future.journey.yaml", 5, 12, "L012"),  # future_of a future state
    ]
    assert [d["severity"] for d in result.json()["diagnostics"] if d["code"] in ("L012", "L013")] == ["warning"] * 4


def test_portfolio_rules_are_configured_like_the_others(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "journey.toml").write_text('select = ["L012"]\n[severity]\nL012 = "error"\n')
    result = cli("lint", LINKS, "-f", "json")
    assert {d["code"] for d in result.json()["diagnostics"]} - {"E004", "E005", "E008"} == {"L012"}
    assert all(d["severity"] == "error" for d in result.json()["diagnostics"])
    (tmp_path / "journey.toml").write_text('ignore = ["L012"]\n')
    assert "L012" not in {d["code"] for d in cli("lint", LINKS, "-f", "json").json()["diagnostics"]}


@pytest.fixture
def portfolio(tmp_path, monkeypatch):
    """The example portfolio, copied so a test can change it."""
    target = tmp_path / "portfolio"
    shutil.copytree(EXAMPLES / "portfolio", target)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return target


def test_example_portfolio_validates_and_lints_with_only_realistic_findings(cli):
    assert cli("validate", EXAMPLES / "portfolio").code == 0
    result = cli("lint", EXAMPLES / "portfolio", "-f", "json")
    assert result.code == 0
    assert {d["severity"] for d in result.json()["diagnostics"]} <= {"warning", "info"}
    assert ("webshop.library.yaml", 19, 9, "L011") in found(result)  # nobody maps the small-business buyer


def test_unused_library_entries_are_judged_over_every_journey_using_the_library(cli, portfolio):
    result = cli("lint", portfolio, "-f", "json", "--select", "L005")
    assert found(result) == []  # every channel, source and team is used by some journey
    checkout = portfolio / "checkout.journey.yaml"
    checkout.write_text(checkout.read_text().replace("channel: email", "channel: web"))
    result = cli("lint", portfolio, "-f", "json", "--select", "L005")
    assert found(result) == [("webshop.library.yaml", 30, 9, "L005")]  # the email channel, now used by none of the 4
    assert "none of the 4 journeys" in result.json()["diagnostics"][0]["message"]


def test_required_phases_no_journey_covers(cli, portfolio, tmp_path):
    (tmp_path / "journey.toml").write_text('fail_on = "warning"\nrequired_phases = ["purchase", "retention", "advocacy"]\n')
    result = cli("lint", portfolio, "-f", "json", "--select", "L014")
    assert result.code == 1
    assert found(result) == [("journey.toml", 2, 1, "L014"), ("journey.toml", 2, 1, "L014")]
    texts = [d["message"] for d in result.json()["diagnostics"]]
    assert any("`advocacy`" in t for t in texts) and any("`retention`" in t for t in texts) and not any("`purchase`" in t for t in texts)
    (tmp_path / "journey.toml").write_text('required_phases = ["loyalty"]\n')
    bad = cli("lint", portfolio)
    assert bad.code == 2 and "unknown phase loyalty" in bad.err


def test_every_portfolio_rule_is_covered_here():
    across = {rule.code for rule in lint_rules() if rule.across is not None}
    assert across == {"L005", "L011", "L012", "L013", "L014"}


def test_a_phase_outside_the_vocabulary_is_a_schema_error_with_a_suggestion(cli, tmp_path):
    (tmp_path / "a.journey.yaml").write_text("format: 1\nid: a\ntitle: A\nstages:\n  - id: s\n    name: S\n    phase: onbaording\n")
    result = cli("validate", tmp_path / "a.journey.yaml", "-f", "json")
    [finding] = result.json()["diagnostics"]
    assert (finding["line"], finding["column"], finding["code"]) == (7, 12, "E002")
    assert "did you mean `onboarding`?" in finding["message"]
