"""`journey diff` on a real git history: files named one by one (as pre-commit passes them), and REV:path spellings.

A file renamed with ``git mv`` (and edited) is the same map under a new name:
named on its own, by its new or its old name, it is diffed against its old
version, as it is when its directory is given.
"""

from __future__ import annotations

import subprocess

import pytest
from conftest import FIXTURES

OLD = FIXTURES / "diff" / "old.journey.yaml"


def git(repo, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=QA", "-c", "user.email=qa@example.com", *args], cwd=repo, capture_output=True, check=True)


@pytest.fixture
def moved(tmp_path, monkeypatch):
    """maps/checkout.journey.yaml committed, then `git mv`-ed to maps/web-checkout.journey.yaml with its title changed."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "checkout.journey.yaml").write_bytes(OLD.read_bytes())
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "mv", "maps/checkout.journey.yaml", "maps/web-checkout.journey.yaml")
    new = tmp_path / "maps" / "web-checkout.journey.yaml"
    text = new.read_text()
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    new.write_text(text.replace(title, "title: Web checkout"))
    monkeypatch.chdir(tmp_path)
    return title.removeprefix("title: ")


@pytest.mark.parametrize("named", [["maps/web-checkout.journey.yaml"], ["maps/checkout.journey.yaml"], ["maps"]])
def test_a_renamed_file_named_alone_is_diffed_against_its_old_name(cli, moved, named):
    result = cli("diff", "--base", "HEAD", *named, "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert [(f["file"], f["renamed_from"]) for f in data["files"]] == [("maps/web-checkout.journey.yaml", "maps/checkout.journey.yaml")]
    assert [(c["op"], c["entity"], c["field"], c["old"], c["new"]) for c in data["changes"]] == [("changed", "journey", "title", moved, "Web checkout")]


def test_the_text_view_names_both_names(cli, moved):
    result = cli("diff", "--base", "HEAD", "maps/web-checkout.journey.yaml")
    assert result.out.splitlines()[0] == "maps/web-checkout.journey.yaml (renamed from maps/checkout.journey.yaml to maps/web-checkout.journey.yaml)"
    assert "new file" not in result.out


def test_a_revision_path_spelled_from_the_top_of_the_repository_gets_the_spelling_that_works(cli, moved, monkeypatch):
    monkeypatch.chdir("maps")  # REV:path is relative to where you stand; git's own REV:path is relative to the top
    result = cli("diff", "HEAD:maps/checkout.journey.yaml", "web-checkout.journey.yaml")
    assert result.code == 2
    assert result.err == (
        "journey: error: maps/checkout.journey.yaml does not exist at git revision HEAD; paths are relative to the"
        " current directory, and from here that file is HEAD:checkout.journey.yaml\n"
    )
    assert cli("diff", "HEAD:checkout.journey.yaml", "web-checkout.journey.yaml").code == 0
