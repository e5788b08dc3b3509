"""SARIF (GitHub code scanning) and GitLab Code Quality reports, checked against the official SARIF 2.1.0 schema
(a copy of oasis-tcs/sarif-spec's sarif-2.1/schema/sarif-schema-2.1.0.json, commit e058381, in
tests/fixtures/sarif/) with every format check on, for files whose names need percent-encoding, run from a
subfolder of the repository."""

from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest
from conftest import EXAMPLES, FIXTURES

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
NAMES = ["my map.journey.yaml", "café.journey.yaml", "100%.journey.yaml", "c#.journey.yaml"]
ENCODED = ["my%20map.journey.yaml", "caf%C3%A9.journey.yaml", "100%25.journey.yaml", "c%23.journey.yaml"]
# Two steps with one id and the same unknown key: the same finding, with the same message, on two lines.
TWICE = """format: 1
id: twice
title: Twice
stages:
  - id: s
    name: S
    steps:
      - {id: a, name: A, colour: red}
      - {id: a, name: B, colour: red}
"""


def validate_sarif(document) -> None:
    """Every error of the official schema, formats included (uri, uri-reference need rfc3986-validator)."""
    checker = jsonschema.FormatChecker()
    assert not checker.conforms("my map.journey.yaml", "uri-reference"), "format checks are off: install the test extras"
    errors = sorted(jsonschema.Draft4Validator(SCHEMA, format_checker=checker).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository whose maps/ folder holds the awkwardly named files; the current folder is maps/."""
    root = tmp_path / "repo"
    maps = root / "maps"
    maps.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    for name in NAMES:
        (maps / name).write_text(TWICE.replace("id: twice", f"id: t{NAMES.index(name)}"))
    monkeypatch.chdir(maps)
    return root


def _results(document):
    return document["runs"][0]["results"]


def test_sarif_from_a_subfolder_is_valid_and_relative_to_the_repository_root(cli, repo):
    result = cli("validate", ".", "-f", "sarif")
    assert result.code == 1
    document = result.json()
    validate_sarif(document)
    run = document["runs"][0]
    assert set(run["originalUriBaseIds"]) == {"%SRCROOT%"} and "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]
    locations = [r["locations"][0]["physicalLocation"] for r in _results(document)]
    assert {loc["artifactLocation"]["uri"] for loc in locations} == {f"maps/{name}" for name in ENCODED}
    assert all(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for loc in locations)
    first = locations[0]["region"]
    line = TWICE.splitlines()[first["startLine"] - 1]
    assert first["endLine"] == first["startLine"] and first["endColumn"] == len(line) + 1 > first["startColumn"]


def test_sarif_fingerprints_differ_between_findings_and_survive_edits_above(cli, repo):
    before = _results(cli("validate", "café.journey.yaml", "-f", "sarif").json())
    same = [r["message"] for r in before if r["ruleId"] == "E002"]
    assert len(before) == 3 and len(same) == 2 and same[0] == same[1]  # the same finding on two lines, and E004 naming a line
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in before]
    assert len(set(hashes)) == 3
    path = repo / "maps" / "café.journey.yaml"
    path.write_text("# a comment line added at the top\n\n" + path.read_text())
    after = _results(cli("validate", "café.journey.yaml", "-f", "sarif").json())
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in before
    ]
    assert [r["partialFingerprints"]["primaryLocationLineHash"] for r in after] == hashes


def test_gitlab_fingerprints_ignore_the_line_and_paths_are_repository_relative(cli, repo):
    before = cli("validate", "my map.journey.yaml", "-f", "gitlab").json()
    assert [issue["location"]["path"] for issue in before] == ["maps/my map.journey.yaml"] * 3
    assert len({issue["fingerprint"] for issue in before}) == 3
    path = repo / "maps" / "my map.journey.yaml"
    path.write_text("# moved down\n" + path.read_text())
    after = cli("validate", "my map.journey.yaml", "-f", "gitlab").json()
    assert [i["location"]["lines"]["begin"] for i in after] == [i["location"]["lines"]["begin"] + 1 for i in before]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_github_annotations_name_files_from_the_repository_root(cli, repo):
    result = cli("validate", "c#.journey.yaml", "-f", "github")
    assert result.out.startswith("::error file=maps/c#.journey.yaml,line=8,")


def test_lint_sarif_of_every_example_is_valid(cli, tmp_path, monkeypatch):
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path / "examples")
    document = cli("lint", ".", "-f", "sarif").json()
    validate_sarif(document)
    assert len(_results(document)) > 5
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in _results(document)]
    assert len(set(hashes)) == len(hashes)


def test_sarif_is_the_same_bytes_in_every_checkout(cli, repo, tmp_path, monkeypatch):
    """Nothing of the checkout's location leaks in: CI runners and laptops upload the same report."""
    elsewhere = tmp_path / "another" / "checkout"
    shutil.copytree(repo, elsewhere)
    here = cli("lint", ".", "-f", "sarif").out
    monkeypatch.chdir(elsewhere / "maps")
    there = cli("lint", ".", "-f", "sarif").out
    assert here == there and str(tmp_path) not in here and "file:" not in here


def test_outside_a_repository_paths_are_relative_to_the_current_folder(cli, tmp_path, monkeypatch):
    (tmp_path / "a b.journey.yaml").write_text(TWICE)
    monkeypatch.chdir(tmp_path)
    document = cli("validate", "a b.journey.yaml", "-f", "sarif").json()
    validate_sarif(document)
    assert _results(document)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b.journey.yaml"


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "json"])
def test_no_journey_files_writes_a_valid_empty_report_and_the_error(cli, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    for command in ("validate", "lint"):
        result = cli(command, ".", "-f", fmt)
        assert result.code == 2
        assert result.err == "journey: error: no journey files (*.journey.yaml, *.journey.yml) found in .\n"
        document = result.json()
        if fmt == "sarif":
            validate_sarif(document)
            assert _results(document) == []
        elif fmt == "gitlab":
            assert document == []
        else:
            assert document == {"diagnostics": [], "summary": {"files": 0, "errors": 0, "warnings": 0, "infos": 0}}


def test_a_path_that_does_not_exist_writes_no_report(cli, tmp_path):
    result = cli("validate", str(tmp_path / "missing"), "-f", "sarif")
    assert result.code == 2 and result.out == ""
