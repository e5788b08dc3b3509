"""Each reporter called directly on one Report: what it writes for a finding, and for none."""

from __future__ import annotations

import io
import json

import pytest

from journeycli import reporters
from journeycli.diagnostics import Diagnostic, Severity
from journeycli.reporters import Report

FINDING = Diagnostic("maps/a.journey.yaml", 3, 7, Severity.WARNING, "P002", "emotional-cliff", "emotion falls by 3", "look at it", "  emotion: -2")
REPORT = Report(["maps/a.journey.yaml", "maps/b.journey.yaml"], [FINDING])


def written(name: str, report: Report = REPORT) -> str:
    out = io.StringIO()
    reporters.get(name)(report, out)
    return out.getvalue()


def test_text_shows_place_code_message_excerpt_and_summary():
    text = written("text")
    assert "maps/a.journey.yaml:3:7: warning P002 emotion falls by 3" in text
    assert "  emotion: -2" in text and "look at it" in text


def test_json_keeps_every_field():
    [item] = json.loads(written("json"))["diagnostics"]
    assert (item["file"], item["line"], item["column"], item["code"], item["severity"]) == ("maps/a.journey.yaml", 3, 7, "P002", "warning")


def test_github_annotation_is_one_workflow_command():
    line = written("github").splitlines()[0]
    assert line.startswith("::warning ") and "file=maps/a.journey.yaml,line=3,col=7" in line and "P002" in line


def test_sarif_and_gitlab_place_the_finding():
    sarif = json.loads(written("sarif"))
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "P002" and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    [issue] = json.loads(written("gitlab"))
    assert issue["check_name"].startswith("P002") and issue["location"]["lines"]["begin"] == 3


@pytest.mark.parametrize("name", reporters.FORMATS)
def test_no_findings_is_still_a_valid_document(name):
    text = written(name, Report(["maps/a.journey.yaml"], []))
    if name == "sarif":
        assert json.loads(text)["runs"][0]["results"] == []  # the rule catalogue is still there
    elif name in ("json", "gitlab"):
        assert "P002" not in json.dumps(json.loads(text))
    else:
        assert "P002" not in text
