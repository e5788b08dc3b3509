"""Rule options: declared by each rule, validated in the configuration, documented by `journey rules`."""

from __future__ import annotations

import pytest
from snippets import lint_snippet

from journeycli.config import parse
from journeycli.rules import by_code, options
from journeycli.usage import UsageError

CLIFF = "- {id: happy, name: Happy, emotion: 1}\n- {id: sad, name: Sad, emotion: -1, pain_points: [{id: p, description: D, severity: low, sources: [survey]}]}\n"


def test_every_option_is_declared_by_exactly_one_rule():
    declared = [option.name for rule in by_code().values() for option in getattr(rule, "options", ())]
    assert sorted(declared) == sorted(options()) == sorted(set(declared))
    assert {"cliff", "hotspot_pain_count", "review_interval_months", "large_drop", "metric_age_months"} <= set(options())


def test_configuration_checks_thresholds_against_the_rules_own_declarations():
    assert parse({"thresholds": {"cliff": 3}}, "journey.toml").option("cliff") == 3
    assert parse({}, "journey.toml").option("cliff") == 2  # the rule's default
    with pytest.raises(UsageError, match=r"unknown threshold `clif` \(known: .*cliff"):
        parse({"thresholds": {"clif": 3}}, "journey.toml")
    with pytest.raises(UsageError, match="must be a whole number of at least 1, not 0"):
        parse({"thresholds": {"cliff": 0}}, "journey.toml")
    with pytest.raises(UsageError, match="must be a share above 0 and at most 1"):
        parse({"thresholds": {"large_drop": True}}, "journey.toml")


def test_an_option_changes_what_its_rule_fires():
    assert "P002" in lint_snippet(CLIFF)  # a fall of 2 from happy to sad
    assert "P002" not in lint_snippet(CLIFF, thresholds={"cliff": 3})


def test_journey_rules_shows_the_options_and_details(cli):
    shown = cli("rules", "P002").out
    assert "\nDetails\n" in shown and "\nOptions\n" in shown
    assert "`cliff`: How far emotion must fall" in shown and "default 2" in shown
    data = cli("rules", "P002", "-f", "json").json()[0]
    assert data["options"] == [{"name": "cliff", "type": "int", "default": 2, "summary": options()["cliff"].summary}]
    assert data["details"].startswith("Reported at the step where the emotion lands")
