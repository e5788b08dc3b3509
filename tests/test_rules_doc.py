"""docs/rules.md is generated from the rules, and the examples in it are real YAML."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from journeycli.rules import LINT_FAMILIES, all_rules, lint_rules
from journeycli.rules_doc import rules_markdown

RULES = all_rules()


def test_rules_reference_is_in_sync_with_the_rules():
    assert (ROOT / "docs" / "rules.md").read_text() == rules_markdown(RULES), "run: python -m journeycli.rules_doc > docs/rules.md"


def test_every_rule_is_documented_once_with_an_anchor():
    text = (ROOT / "docs" / "rules.md").read_text()
    for rule in RULES:
        assert text.count(f"\n## {rule.code} {rule.name}\n") == 1
        assert f"(#{rule.code.lower()}-{rule.name})" in text


@pytest.mark.parametrize("rule", [r for r in RULES if r.code not in ("E001", "E009")], ids=lambda r: r.code)
def test_examples_are_valid_yaml(rule):
    for example in (rule.bad, rule.good):
        assert yaml.safe_load(example) is not None


def test_yaml_syntax_example_fails_to_parse_and_its_fix_parses():
    e001 = next(r for r in RULES if r.code == "E001")
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(e001.bad)
    assert yaml.safe_load(e001.good) == {"title": "Checkout: the fast way"}


def test_unreadable_file_examples_are_about_the_file_not_its_text():
    e009 = next(r for r in RULES if r.code == "E009")
    assert yaml.safe_load(e009.bad) is None and yaml.safe_load(e009.good) is None  # comments: the text does not matter
    assert "chmod" in e009.good


def test_codes_are_unique_and_in_order():
    codes = [r.code for r in RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert [r.code for r in lint_rules()] == [c for c in codes if c[0] in LINT_FAMILIES]
