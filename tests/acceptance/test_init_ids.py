"""`journey init ID` writes a starter that validates and lints clean for every valid id, also those YAML would read as something else."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("journey_id", ["no", "on", "true", "null", "2026", "1e3", "0755", "0x1f", "1_000", "my-journey"])
def test_the_starter_keeps_the_id_as_text_and_lints_clean(cli, tmp_path, monkeypatch, journey_id):
    monkeypatch.chdir(tmp_path)
    assert cli("init", journey_id).code == 0
    path = tmp_path / f"{journey_id}.journey.yaml"
    lint = cli("lint", path, "--fail-on", "info", "--format", "json")
    assert lint.code == 0, lint.out
    assert lint.json()["summary"] == {"files": 1, "errors": 0, "warnings": 0, "infos": 0}
    exported = json.loads(cli("export", path, "--format", "json").out)
    assert exported["id"] == journey_id and isinstance(exported["title"], str)
