"""Every rule's published examples do what they say (sqlfluff's fail_str/pass_str, yamllint's RuleTestCase).

The `bad` example, put into a clean journey (tests/snippets.py), fires exactly
its own rule; the `good` one fires nothing (the short examples' missing
emotions and sources aside, see ``BREVITY``). Examples that need more than one
file (portfolio rules, E007, E008) or a configuration (L014), and E001 (not
YAML at all), are checked by their own tests instead.
"""

from __future__ import annotations

import pytest
import yaml
from snippets import lint_snippet

from journeycli.rules import all_rules

ELSEWHERE = {"E001", "E003", "E007", "E008", "E009", "L010", "L011", "L012", "L013", "L014", "P007"}
"""E003: a repeated key cannot survive being put into another document; L010: a suppression is only right where
its rule fires (tests/rules/test_engine.py); E009: a file that cannot be read (tests/test_unreadable_file.py); P007: an ending cuts off the clean journey's later steps
(tests/rules/test_rules.py); the others need several files or a configuration."""
RULES = [rule for rule in all_rules() if rule.code not in ELSEWHERE]

BREVITY = {"L006", "L009"}
"""Examples leave out emotions and sources to stay short: those two findings are not held against other rules' examples."""


def _fired(rule, fragment: str, without: set[str] = frozenset()) -> set[str]:
    return {code for code in lint_snippet(fragment, without=without) if code == rule.code or code not in BREVITY}


def _missing(rule) -> set[str]:
    """For an example that is a whole journey (it has `format`): the keys the good one has and it leaves out."""
    bad, good = yaml.safe_load(rule.bad), yaml.safe_load(rule.good)
    return set(good) - set(bad) if isinstance(bad, dict) and "format" in bad and isinstance(good, dict) else set()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_bad_example_fires_exactly_its_rule(rule):
    assert _fired(rule, rule.bad, _missing(rule)) == {rule.code}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_good_example_fires_nothing(rule):
    assert _fired(rule, rule.good) == set()
