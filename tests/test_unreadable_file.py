"""A file the system will not let us read is E009 unreadable-file with the fix, never a YAML syntax error."""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES

VALID = (FIXTURES / "valid" / "minimal.journey.yaml").read_bytes()


def _refuse(monkeypatch, path):
    """Refuse to open ``path`` as the system does without read permission (tests run as root, who may read anything)."""
    real_open = os.open

    def refusing_open(file, flags, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)


@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A journey file whose reading is refused."""
    path = tmp_path / "locked.journey.yaml"
    path.write_bytes(VALID)
    path.chmod(0o200)
    _refuse(monkeypatch, path)
    return path


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_permission_denied_is_its_own_finding(cli, locked, command):
    result = cli(command, locked, "--format", "json")
    assert result.code == 1
    [finding] = result.json()["diagnostics"]
    assert (finding["code"], finding["rule"], finding["line"], finding["column"]) == ("E009", "unreadable-file", 1, 1)
    assert finding["message"].startswith("cannot read the file: permission denied (you may not read it")


def test_the_text_report_says_how_to_fix_it(cli, locked):
    out = cli("validate", locked).out
    assert "error E009 cannot read the file: permission denied  [unreadable-file]" in out
    assert f"chmod u+r {locked}" in out
    assert "yaml-syntax" not in out and "E001" not in out


def test_the_other_files_are_still_checked(cli, locked):
    (locked.parent / "fine.journey.yaml").write_bytes(VALID)
    result = cli("validate", locked.parent, "--format", "json")
    assert [d["code"] for d in result.json()["diagnostics"]] == ["E009"] and result.json()["summary"]["files"] == 2


def test_a_library_that_cannot_be_read(cli, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    library = tmp_path / "people.library.yaml"
    library.write_text("personas:\n  - {id: anyone, name: Anyone}\n")
    (tmp_path / "a.journey.yaml").write_text("format: 1\nid: a\ntitle: A\nuses: [people.library.yaml]\nstages:\n  - id: s\n    name: S\n")
    _refuse(monkeypatch, os.path.realpath(library))
    [finding] = cli("validate", tmp_path / "a.journey.yaml", "-f", "json").json()["diagnostics"]
    assert finding["code"] == "E009" and finding["message"].startswith("cannot read the library: permission denied")
