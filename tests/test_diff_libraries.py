"""`journey diff` over library files, on real git histories: a library's changes in the words of a journey's, once.

The example portfolio (a library and four journeys that use it) is committed as
the base of a temporary repository; each test makes a pull request's change and
reads `journey diff --base HEAD .` as the Action does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_diff_history import git

LIBRARY = Path("shared/webshop.library.yaml")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "portfolio", root)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    monkeypatch.chdir(root)
    return root


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text)


def changes(result) -> list[tuple]:
    return [(c["file"], c["op"], c["entity"], c["id"], c["field"]) for c in result.json()["changes"]]


def test_a_directory_diff_compares_its_library_files_team_by_team(cli, repo):
    edit(
        repo / LIBRARY,
        ("    name: Checkout squad\n", "    name: Checkout and payments squad\n"),
        ("  - id: logistics-team\n", "  - id: data-team\n    name: Data\n  - id: logistics-team\n"),
        ("    name: Busy parent\n", "    name: Busy working parent\n"),
    )
    result = cli("diff", "--base", "HEAD", ".", "-f", "json")
    assert result.code == 0, result.err
    file = str(LIBRARY)
    assert changes(result) == [
        (file, "changed", "persona", "busy-parent", "name"),
        (file, "changed", "team", "checkout-team", "name"),
        (file, "added", "team", "data-team", None),
    ]  # once, in the library: not again in each of the four journeys that use it
    text = cli("diff", "--base", "HEAD", ".")
    assert "Teams\n  ~ team checkout-team name: “Checkout squad” → “Checkout and payments squad”\n  + team data-team “Data”\n" in text.out
    assert "3 changes (1 added, 2 changed) in 1 of 5 files" in text.out


def test_a_team_removed_with_its_owners_moved_in_the_same_change(cli, repo):
    """The old journeys are checked with the library of the base: a team removed now does not make them invalid."""
    edit(repo / LIBRARY, ("  - id: support-team\n    name: Customer support\n    description: Phone, email and the help centre.\n", ""))
    edit(repo / "delivery.journey.yaml", *[("support-team", "logistics-team")])
    result = cli("diff", "--base", "HEAD", ".", "-f", "json")
    assert result.code == 0, result.err
    assert ("shared/webshop.library.yaml", "removed", "team", "support-team", None) in changes(result)
    owners = [c for c in result.json()["changes"] if c["field"] == "owner"]
    assert owners and all((c["old"], c["new"], c["file"]) == ("support-team", "logistics-team", "delivery.journey.yaml") for c in owners)
    assert all(f["status"] == "compared" for f in result.json()["files"])


def test_a_library_renamed_with_git_mv_is_one_renamed_file(cli, repo):
    git(repo, "mv", str(LIBRARY), "shared/shop.library.yaml")
    for journey in repo.glob("*.journey.yaml"):
        edit(journey, ("shared/webshop.library.yaml", "shared/shop.library.yaml"))
    edit(repo / "shared/shop.library.yaml", ("    name: Busy parent\n", "    name: Busy working parent\n"))
    result = cli("diff", "--base", "HEAD", ".", "-f", "json")
    assert result.code == 0, result.err
    found = changes(result)
    assert ("shared/shop.library.yaml", "changed", "persona", "busy-parent", "name") in found
    assert sorted((c[0], c[4]) for c in found if c[0].endswith(".journey.yaml")) == [
        (name, "uses") for name in ("checkout-2027.journey.yaml", "checkout.journey.yaml", "delivery.journey.yaml", "discovery.journey.yaml")
    ]  # the old versions found their library at its old place, in the base revision
    assert len(found) == 5
    text = cli("diff", "--base", "HEAD", ".").out
    assert "shared/shop.library.yaml (renamed from shared/webshop.library.yaml to shared/shop.library.yaml)" in text


def test_a_library_moved_without_git_is_paired_by_its_id(cli, repo):
    data = (repo / LIBRARY).read_bytes()
    (repo / LIBRARY).unlink()
    (repo / "libraries").mkdir()
    (repo / "libraries/webshop.library.yaml").write_bytes(data.replace(b"../../../schemas", b"../../schemas"))  # untracked: git sees no rename
    for journey in repo.glob("*.journey.yaml"):
        edit(journey, ("shared/webshop.library.yaml", "libraries/webshop.library.yaml"))
    result = cli("diff", "--base", "HEAD", ".")
    assert result.code == 0, result.err
    assert "libraries/webshop.library.yaml (renamed from shared/webshop.library.yaml to libraries/webshop.library.yaml)" in result.out
    assert "team" not in result.out and "persona" not in result.out


def test_a_library_broken_at_the_base_names_its_findings_at_the_base_revision(cli, repo):
    edit(repo / LIBRARY, ("channels:\n", "channels:\n  - id: web\n    name: Web again\n"))  # a duplicate id: the library is invalid
    git(repo, "commit", "-q", "-am", "broken library")
    git(repo, "revert", "--no-edit", "HEAD")
    result = cli("diff", "--base", "HEAD~1", ".", "-f", "json")
    assert result.code == 0, result.err  # invalid only at the base: the repair passes
    files = {f["file"]: f for f in result.json()["files"]}
    assert files["shared/webshop.library.yaml"]["status"] == "now valid"
    broken = [d for f in files.values() for p in f.get("problems", ()) for d in p["diagnostics"]]
    assert broken and {d["file"] for d in broken} == {"HEAD~1:shared/webshop.library.yaml"}
    assert all(d["line"] > 0 and d["column"] > 0 for d in broken)


def test_a_rev_path_side_is_checked_with_the_libraries_of_its_revision(cli, repo):
    edit(repo / LIBRARY, ("  - id: support-team\n", "  - id: care-team\n"))
    edit(repo / "delivery.journey.yaml", *[("support-team", "care-team")])
    result = cli("diff", "HEAD:delivery.journey.yaml", "delivery.journey.yaml", "-f", "json")
    assert result.code == 0, result.err
    assert {(c["field"], c["old"], c["new"]) for c in result.json()["changes"]} == {("owner", "support-team", "care-team")}
    assert result.json()["diagnostics"] == []
