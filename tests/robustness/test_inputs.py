"""Inputs are regular files within a size limit; what cannot be read or searched is a finding."""

from __future__ import annotations

import os
import socket
import stat

import pytest
from conftest import FIXTURES

from journeycli.inputs import discover

VALID = (FIXTURES / "valid" / "minimal.journey.yaml").read_bytes()


def _codes(result):
    return [(d["file"], d["code"], d["message"]) for d in result.json()["diagnostics"]]


def test_a_device_is_refused_without_reading_it(cli):
    result = cli("validate", "/dev/zero", "--format", "json")
    assert result.code == 1
    [(file, code, message)] = _codes(result)
    assert (file, code) == ("/dev/zero", "E009") and "character device" in message


def test_discovery_refuses_a_journey_symlink_to_a_device_and_a_fifo(cli, tmp_path):
    (tmp_path / "ok.journey.yaml").write_bytes(VALID)
    (tmp_path / "zero.journey.yaml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.journey.yaml")  # opening it for reading would block forever
    result = cli("validate", tmp_path, "--format", "json")
    found = {os.path.basename(file): message for file, code, message in _codes(result) if code == "E009"}
    assert set(found) == {"zero.journey.yaml", "pipe.journey.yaml"}
    assert "character device" in found["zero.journey.yaml"] and "named pipe" in found["pipe.journey.yaml"]
    assert result.json()["summary"]["files"] == 3


def test_a_socket_is_refused(cli, tmp_path):
    path = tmp_path / "s.journey.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert stat.S_ISSOCK(os.stat(path).st_mode)
        result = cli("show", path)
    assert result.code == 1 and "a socket, not a regular file" in result.err


def test_size_limit_from_the_configuration_and_the_environment(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "map.journey.yaml").write_bytes(VALID)
    assert cli("validate", "map.journey.yaml").code == 0
    (tmp_path / "journey.toml").write_text('max_file_size = "100B"\n')
    result = cli("lint", "map.journey.yaml", "--format", "json")
    [(_, code, message)] = _codes(result)
    assert code == "E009" and "larger than the limit of 100 bytes" in message and "max_file_size" in message
    monkeypatch.setenv("JOURNEY_MAX_FILE_SIZE", "1MB")  # the environment wins over the file
    assert cli("validate", "map.journey.yaml").code == 0
    monkeypatch.setenv("JOURNEY_MAX_FILE_SIZE", "lots")
    bad = cli("validate", "map.journey.yaml")
    assert bad.code == 2 and "JOURNEY_MAX_FILE_SIZE" in bad.err


def test_size_limit_applies_to_standard_input_and_every_reader(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEY_MAX_FILE_SIZE", "100")
    result = cli("validate", "-", "--format", "json", stdin=VALID)
    assert [code for _, code, _ in _codes(result)] == ["E009"]
    path = tmp_path / "map.journey.yaml"
    path.write_bytes(VALID)
    for args in (("diff", path, path), ("import", path, "--from", "csv", "-o", "-")):
        refused = cli(*args)
        assert refused.code == 2 and "larger than the limit of 100 bytes" in refused.err


def test_a_bad_size_in_the_configuration_is_a_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "journey.toml").write_text("max_file_size = 0\n")
    (tmp_path / "map.journey.yaml").write_bytes(VALID)
    result = cli("validate", "map.journey.yaml")
    assert result.code == 2 and "max_file_size" in result.err


def test_standard_input_named_twice_is_read_once(cli):
    result = cli("validate", "-", "-", "--format", "json", stdin=VALID)
    assert result.code == 0 and result.json()["summary"]["files"] == 1


def test_an_unreadable_folder_is_a_finding_not_skipped(cli, tmp_path, monkeypatch):
    """Tests run as root, who can read any folder: simulate the refusal where os.walk meets it."""
    (tmp_path / "ok.journey.yaml").write_bytes(VALID)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.journey.yaml").write_bytes(VALID)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("validate", tmp_path, "--format", "json")
    assert result.code == 1
    [(file, code, message)] = _codes(result)
    assert (file, code) == (str(locked), "E009") and "cannot search the folder: Permission denied" in message
    text = cli("validate", tmp_path)
    assert "no problems" not in text.out


def test_a_folder_even_root_cannot_search_is_a_finding(tmp_path):
    """A path longer than the system allows (PATH_MAX) cannot be opened by anyone."""
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 × 250 characters > 4,096
            os.mkdir("d" * 250, dir_fd=fd)
            deeper = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
    finally:
        os.close(fd)
    found = discover([str(tmp_path)], max_bytes=1000)
    problems = [item for item in found if item.problem]
    assert problems and "cannot search the folder" in problems[0].problem
    with pytest.raises(Exception, match="cannot search the folder"):
        problems[0].read()


def test_the_default_limit_takes_a_20000_step_map_and_refuses_beyond_32_mb(cli, tmp_path, monkeypatch):
    """A 20,000-step map is 10.5 MB (benchmarks/run.py): it must not need a setting; 32 MB and one byte is refused unread."""
    monkeypatch.delenv("JOURNEY_MAX_FILE_SIZE", raising=False)
    monkeypatch.chdir(tmp_path)
    for name, size in (("big.journey.yaml", 10_500_000), ("huge.journey.yaml", 32_000_001)):
        with open(name, "wb") as sparse:  # NUL bytes: the loader refuses them at 1:1, after the size check
            sparse.truncate(size)
    messages = {file: message for file, _, message in _codes(cli("validate", ".", "--format", "json"))}
    assert "larger than the limit" not in messages["big.journey.yaml"]
    assert "larger than the limit of 32,000,000 bytes (32,000,001 bytes)" in messages["huge.journey.yaml"]
