"""`journey diff --base` on real git histories, as a reviewer meets them on a pull request.

Each test builds a temporary repository, commits a base version, makes the
pull request's change (committed, or only in the working tree), and reads
the diff the way the Action does: `journey diff --base BASE maps`.
"""

from __future__ import annotations

import copy
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES

MAP = FIXTURES / "diff" / "old.journey.yaml"


def where(text: str) -> tuple[int, int]:
    """Line and column of the value ``text`` in the fixture."""
    lines = MAP.read_text().splitlines()
    line = next(i for i, line in enumerate(lines) if text in line)
    return line + 1, lines[line].index(text) + len(text.split(": ")[0]) + 3


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """maps/checkout.journey.yaml (the diff fixture) and maps/other.journey.yaml, committed as the base."""
    root = tmp_path / "repo"
    (root / "maps").mkdir(parents=True)
    git(root, "init", "-q")
    (root / "maps" / "checkout.journey.yaml").write_bytes(MAP.read_bytes())
    other = yaml.safe_load(MAP.read_text())
    other.update(id="returns-journey", title="Returns")
    dump(root / "maps" / "other.journey.yaml", other)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    monkeypatch.chdir(root)
    return root


def base_map() -> dict:
    return yaml.safe_load(MAP.read_text())


def commit(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def diff_json(cli, *extra: str) -> tuple[int, dict]:
    result = cli("diff", "--base", "HEAD~1", "maps", "--format", "json", *extra)
    return result.code, result.json()


def step(data: dict, step_id: str) -> dict:
    return next(s for stage in data["stages"] for s in stage["steps"] if s["id"] == step_id)


# -- file renames ----------------------------------------------------------------------------------


def test_a_git_mv_is_one_renamed_file_with_no_changes(cli, repo):
    git(repo, "mv", "maps/checkout.journey.yaml", "maps/web-checkout.journey.yaml")
    commit(repo)
    code, document = diff_json(cli, "--exit-code")
    assert code == 1  # --exit-code: a renamed file is something to report
    assert document["changes"] == []
    renamed = [f for f in document["files"] if f["renamed_from"]]
    assert [(f["renamed_from"], f["file"], f["old"]) for f in renamed] == [
        (os.path.join("maps", "checkout.journey.yaml"), os.path.join("maps", "web-checkout.journey.yaml"), "HEAD~1:" + os.path.join("maps", "checkout.journey.yaml"))
    ]
    assert len(document["files"]) == 2 and document["summary"]["pain_points"] == {"added": [], "resolved": [], "removed": []}
    text = cli("diff", "--base", "HEAD~1", "maps").out
    assert f"{os.path.join('maps', 'web-checkout.journey.yaml')} (renamed from {os.path.join('maps', 'checkout.journey.yaml')} to {os.path.join('maps', 'web-checkout.journey.yaml')})" in text
    assert text.splitlines()[-1] == "● no changes in 2 files; 1 file renamed"


def test_a_renamed_and_edited_file_shows_only_the_real_changes(cli, repo):
    data = base_map()
    step(data, "pay")["emotion"] = -1
    (repo / "maps" / "checkout.journey.yaml").unlink()
    dump(repo / "maps" / "flows" / "checkout.journey.yaml", data)
    commit(repo)
    code, document = diff_json(cli)
    assert code == 0
    assert [(c["op"], c["id"], c["field"], c["old"], c["new"]) for c in document["changes"]] == [("changed", "pay", "emotion", -2, -1)]
    assert document["changes"][0]["file"] == os.path.join("maps", "flows", "checkout.journey.yaml")


def test_a_file_git_does_not_track_yet_is_paired_by_its_journey_id(cli, repo):
    data = base_map()
    data["title"] = "Checkout, rewritten"
    for stage in data["stages"]:  # far too different for git's rename detection, same journey id
        stage["description"] = "Rewritten " * 40
    (repo / "maps" / "checkout.journey.yaml").unlink()
    dump(repo / "maps" / "new-name.journey.yaml", data)  # not added to git
    result = cli("diff", "--base", "HEAD", "maps", "--format", "json")
    document = result.json()
    assert [f["renamed_from"] for f in document["files"] if f["renamed_from"]] == [os.path.join("maps", "checkout.journey.yaml")]
    assert {c["op"] for c in document["changes"]} == {"changed"}
    assert {(c["entity"], c["field"]) for c in document["changes"]} == {("journey", "title"), ("stage", "description")}


# -- broken sides ---------------------------------------------------------------------------------------


def test_a_map_broken_on_the_base_and_fixed_now_is_now_valid_and_the_others_are_diffed(cli, repo):
    (repo / "maps" / "checkout.journey.yaml").write_text(MAP.read_text().replace("emotion: -2", "emotion: -7"))
    commit(repo, "broken")
    (repo / "maps" / "checkout.journey.yaml").write_bytes(MAP.read_bytes())
    other = yaml.safe_load((repo / "maps" / "other.journey.yaml").read_text())
    other["title"] = "Returns and refunds"
    dump(repo / "maps" / "other.journey.yaml", other)
    commit(repo, "fix")
    code, document = diff_json(cli)
    assert code == 0  # a pull request that repairs a map can pass
    status = {f["file"]: f["status"] for f in document["files"]}
    assert status == {os.path.join("maps", "checkout.journey.yaml"): "now valid", os.path.join("maps", "other.journey.yaml"): "compared"}
    assert [(c["entity"], c["field"], c["new"]) for c in document["changes"]] == [("journey", "title", "Returns and refunds")]
    problem = document["files"][0]["problems"][0]
    assert problem["side"] == "old" and problem["name"] == "HEAD~1:" + os.path.join("maps", "checkout.journey.yaml")
    line, column = where("emotion: -2")
    assert [(d["line"], d["column"], d["code"]) for d in problem["diagnostics"]] == [(line, column, "E002")]
    markdown = cli("diff", "--base", "HEAD~1", "maps", "--format", "markdown").out
    assert "not a valid journey: 1 finding; the new version is valid now" in markdown
    assert f"`HEAD~1:{os.path.join('maps', 'checkout.journey.yaml')}:{line}:{column}` error E002" in markdown
    assert "**✔ now valid: Online checkout, 5 stages, 10 steps, 4 pain points, 3 opportunities**" in markdown


def test_a_map_broken_now_fails_with_its_findings_and_the_others_are_still_diffed(cli, repo):
    (repo / "maps" / "checkout.journey.yaml").write_text(MAP.read_text().replace("emotion: -2", "emotion: -7").replace("severity: low", "severity: dire"))
    other = yaml.safe_load((repo / "maps" / "other.journey.yaml").read_text())
    step(other, "track")["emotion"] = -2
    dump(repo / "maps" / "other.journey.yaml", other)
    commit(repo)
    code, document = diff_json(cli)
    assert code == 1
    assert [(c["file"], c["id"], c["field"]) for c in document["changes"]] == [(os.path.join("maps", "other.journey.yaml"), "track", "emotion")]
    broken = document["files"][0]
    assert broken["status"] == "invalid" and [p["side"] for p in broken["problems"]] == ["new"]
    line, column = where("emotion: -2")
    assert [(d["line"], d["code"]) for d in document["diagnostics"]] == [(line, "E002"), (where("severity: low")[0], "E002")]
    text = cli("diff", "--base", "HEAD~1", "maps")
    assert text.code == 1
    assert f"✖ the new version ({os.path.join('maps', 'checkout.journey.yaml')}) is not a valid journey: 2 findings" in text.out
    assert f"{os.path.join('maps', 'checkout.journey.yaml')}:{line}:{column}: error E002" in text.out
    assert "~ emotion: 0 → -2 ↓  ▼ regression" in text.out
    assert text.out.splitlines()[-2].endswith("1 change (1 changed) in 1 of 2 files; 1 file not a valid journey now")


# -- sets, words, renames of ids -------------------------------------------------------------------------


def test_reordered_id_lists_are_no_change_and_members_are_named(cli, repo):
    data = base_map()
    data["tags"] = ["web", "ecommerce"]
    data["personas"].reverse()
    step(data, "compare")["personas"] = ["busy-parent", "bargain-hunter"]
    step(data, "compare")["sources"] = ["funnel", "survey-q2"]
    step(data, "pay")["next"] = ["confirm"]
    step(data, "pay")["opportunities"][0]["addresses"] = ["slow-3ds", "hidden-shipping"]
    dump(repo / "maps" / "checkout.journey.yaml", data)
    commit(repo)
    first = diff_json(cli)[1]["changes"]
    assert [(c["id"], c["field"], c["members"]) for c in first] == [
        ("compare", "personas", {"added": ["busy-parent"], "removed": []}),
        ("compare", "sources", {"added": ["funnel"], "removed": []}),
        ("faster-3ds", "addresses", {"added": ["hidden-shipping"], "removed": []}),
    ]
    reordered = copy.deepcopy(data)
    reordered["tags"].reverse()
    step(reordered, "compare")["personas"].reverse()
    step(reordered, "compare")["sources"].reverse()
    step(reordered, "pay")["opportunities"][0]["addresses"].reverse()
    dump(repo / "maps" / "checkout.journey.yaml", reordered)
    commit(repo)
    assert diff_json(cli)[1]["changes"] == []


def test_a_deleted_stage_removes_its_pain_points_it_does_not_resolve_them(cli, repo):
    data = base_map()
    data["stages"] = [s for s in data["stages"] if s["id"] != "loyalty"]
    dump(repo / "maps" / "checkout.journey.yaml", data)
    commit(repo)
    document = diff_json(cli)[1]
    pains = document["summary"]["pain_points"]
    assert pains["resolved"] == [] and [p["id"] for p in pains["removed"]] == ["spammy-emails"]
    pain = next(c for c in document["changes"] if c["entity"] == "pain_point")
    assert (pain["kind"], pain["class"]) == ("removed with its step", "neutral")
    text = cli("diff", "--base", "HEAD~1", "maps").out
    assert "resolved" not in text.replace("0 resolved", "")
    markdown = cli("diff", "--base", "HEAD~1", "maps", "--format", "markdown").out
    assert markdown.index("**Removed stages and steps**") < markdown.index("stage `loyalty`")


def test_a_pain_point_gone_while_its_step_stays_is_resolved(cli, repo):
    data = base_map()
    step(data, "pay")["pain_points"] = []
    step(data, "pay")["opportunities"][0]["addresses"] = []
    dump(repo / "maps" / "checkout.journey.yaml", data)
    commit(repo)
    document = diff_json(cli)[1]
    assert [p["id"] for p in document["summary"]["pain_points"]["resolved"]] == ["slow-3ds"]
    assert next(c for c in document["changes"] if c["entity"] == "pain_point")["class"] == "improvement"


def test_a_lowered_target_is_its_own_kind_and_never_progress(cli, repo):
    data = base_map()
    step(data, "pay")["metrics"][1]["target"] = 120  # time to pay: the value (95) now beats the target
    dump(repo / "maps" / "checkout.journey.yaml", data)
    commit(repo)
    document = diff_json(cli, "--fail-on", "regression")[1]
    [change] = document["changes"]
    assert (change["field"], change["kind"], change["class"]) == ("target", "target raised", "neutral")
    assert document["summary"]["metrics"] == [] and [t["direction"] for t in document["summary"]["targets"]] == ["raised"]
    step(data, "pay")["metrics"][0]["target"] = 0.45  # conversion: higher is better, the goal comes down
    dump(repo / "maps" / "checkout.journey.yaml", data)
    commit(repo)
    [change] = diff_json(cli)[1]["changes"]
    assert (change["id"], change["kind"], change["class"]) == ("conversion", "target lowered", "neutral")
    text = cli("diff", "--base", "HEAD~1", "maps").out
    assert "toward target" not in text and "targets: 0 raised, 1 lowered" in text


def test_a_step_id_rename_with_its_references_is_one_change(cli, repo):
    text = MAP.read_text().replace("id: confirm", "id: see-confirmation").replace("next: [confirm]", "next: [see-confirmation]")
    (repo / "maps" / "checkout.journey.yaml").write_text(text)
    commit(repo)
    document = diff_json(cli)[1]
    assert [(c["op"], c["entity"], c["id"], c["field"], c["old"], c["new"], c["kind"]) for c in document["changes"]] == [
        ("changed", "step", "see-confirmation", "id", "confirm", "see-confirmation", "id renamed")
    ]
    assert "moved" not in cli("diff", "--base", "HEAD~1", "maps").out


def test_fail_on_regression(cli, repo):
    data = base_map()
    step(data, "confirm")["emotion"] = -1
    dump(repo / "maps" / "checkout.journey.yaml", data)
    commit(repo)
    assert cli("diff", "--base", "HEAD~1", "maps").code == 0
    code, document = diff_json(cli, "--fail-on", "regression")
    assert code == 1 and [c["class"] for c in document["changes"]] == ["regression"]
    assert document["summary"]["review"] == {"improvement": 0, "regression": 1, "neutral": 0}
    step(data, "confirm")["emotion"] = 2
    dump(repo / "maps" / "checkout.journey.yaml", data)
    commit(repo)
    assert cli("diff", "--base", "HEAD~1", "maps", "--fail-on", "regression").code == 0


def test_maps_that_use_a_library_are_valid_in_both_versions(cli, repo):
    shared = FIXTURES.parent.parent / "examples" / "portfolio"
    for path in (shared / "shared").iterdir():
        (repo / "maps" / "shared").mkdir(exist_ok=True)
        (repo / "maps" / "shared" / path.name).write_bytes(path.read_bytes())
    (repo / "maps" / "checkout.journey.yaml").write_bytes((shared / "checkout.journey.yaml").read_bytes())
    commit(repo, "portfolio")
    data = yaml.safe_load((repo / "maps" / "checkout.journey.yaml").read_text())
    data["stages"][0]["steps"][0]["emotion"] = 2
    dump(repo / "maps" / "checkout.journey.yaml", data)
    result = cli("diff", "--base", "HEAD", "maps", "--format", "json")
    code, document = result.code, result.json()
    assert code == 0, document["diagnostics"]
    assert [(c["entity"], c["field"]) for c in document["changes"]] == [("step", "emotion")]
    assert {f["status"] for f in document["files"]} == {"compared"}


def test_a_file_with_the_same_bytes_in_both_versions_is_validated_once(cli, repo, monkeypatch):
    from journeycli.commands import diff as command

    seen: list[str] = []
    real = command.validate
    monkeypatch.setattr(command, "validate", lambda data, file, scope=None: seen.append(file) or real(data, file, scope))
    other = yaml.safe_load((repo / "maps" / "other.journey.yaml").read_text())
    other["title"] = "Returns and refunds"
    dump(repo / "maps" / "other.journey.yaml", other)
    assert cli("diff", "--base", "HEAD", "maps").code == 0
    assert sorted(seen) == sorted([os.path.join("maps", "checkout.journey.yaml"), *[os.path.join("maps", "other.journey.yaml")] * 2])
