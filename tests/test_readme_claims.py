"""What the README says `journey lint examples/` prints is what it prints."""

from __future__ import annotations

import re

from conftest import ROOT

NUMBERS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def _quick_start_text() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]


def test_lint_examples_prints_what_the_readme_says(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("lint", "examples/", "--format", "json")
    text = " ".join(_quick_start_text().split())
    assert result.code == 0 and result.json()["summary"]["errors"] == 0 and "no errors (it exits 0)" in text
    found = {d["code"] for d in result.json()["diagnostics"]}
    named = set(re.findall(r"\(([ELP]\d{3})\)", text))
    assert named and named <= found, named - found
    about = re.search(r"about (\w+) warnings and infos over the (\w+) example files", text)
    summary = result.json()["summary"]
    total, files = summary["warnings"] + summary["infos"], summary["files"]
    assert abs(total - NUMBERS[about[1]]) <= 7, f"the README says about {about[1]} findings; lint finds {total}"
    assert about[2] == {8: "eight", 9: "nine", 10: "ten"}.get(files), f"the README says {about[2]} files; lint checks {files}"
