"""Outputs that cannot be written: one usage line naming the user's file (exit 2), never an internal error (exit 3).

The suite runs as root in CI, where `chmod 555` stops nothing: the folders here are ones root cannot write
either (/sys, an immutable folder from `chattr +i`), a path under a regular file, and a PermissionError
injected into the writer."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

import pytest
from conftest import EXAMPLES

from journeycli.files import write_atomic
from journeycli.usage import UsageError

CLINIC = EXAMPLES / "clinic-visit.journey.yaml"


def _outputs(folder) -> list[list[str]]:
    """Every command that writes a file, aimed at ``folder``."""
    return [
        ["export", str(CLINIC), "-f", "csv", "-o", f"{folder}/map.csv"],
        ["render", str(CLINIC), "--format", "dot", "-o", f"{folder}/map.dot"],
        ["render", str(CLINIC), "--format", "dot", "-o", f"{folder}/new-folder/"],
        ["init", "-o", f"{folder}/new.journey.yaml"],
    ]


def _assert_cannot_write(result, folder, reason="permission denied"):
    assert result.code == 2, result.err
    assert result.err.startswith(f"journey: error: cannot write {folder}/") and result.err.endswith(f": {reason}\n"), result.err
    assert ".journey-" not in result.err and "internal error" not in result.err


@pytest.mark.skipif(not os.path.isdir("/sys/kernel"), reason="needs Linux's sysfs, where nobody can create files")
def test_a_folder_nobody_can_write_to(cli):
    for args in _outputs("/sys"):
        _assert_cannot_write(cli(*args), "/sys")


def test_an_immutable_folder(cli, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        for args in _outputs(folder):
            _assert_cannot_write(cli(*args), folder)
        assert os.listdir(folder) == []
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_path_under_a_regular_file(cli, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("not a folder\n")
    result = cli("export", str(CLINIC), "-f", "csv", "-o", f"{plain}/map.csv")
    assert result.code == 2 and "internal error" not in result.err and str(plain) in result.err
    result = cli("render", str(CLINIC), "--format", "dot", "-o", f"{plain}/sub/")
    assert result.code == 2 and "internal error" not in result.err and str(plain) in result.err


def test_the_writer_names_the_users_file_whatever_step_fails(tmp_path, monkeypatch):
    target = tmp_path / "out.svg"

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".journey-abc.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(UsageError, match=r"^cannot write .*out\.svg: permission denied$"):
        write_atomic(str(target), b"x")
    monkeypatch.undo()
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UsageError, match=r"^cannot write .*out\.svg: permission denied$"):
        write_atomic(str(target), b"x")
    assert os.listdir(tmp_path) == []  # the temporary file is gone too


def test_a_full_disk_says_so(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(UsageError, match=r"^cannot write .*out\.csv: no space left on device$"):
        write_atomic(str(tmp_path / "out.csv"), b"x")
