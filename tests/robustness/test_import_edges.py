"""`journey import` on inputs that used to crash it: number-like names, control characters, huge numbers and cells."""

from __future__ import annotations

import pytest

from journeycli.presentation.terminal import printable
from journeycli.validation import validate


def _imported(cli, path, *args):
    result = cli("import", path, *args, "-o", "-")
    assert result.code == 0, result.err
    checked = validate(result.out.encode(), "<imported>")
    assert checked.ok, checked.diagnostics
    return checked.journey


def _refused(cli, path):
    result = cli("import", path, "-o", "-")
    assert result.code == 1 and result.out == "", result.err
    assert result.err.startswith(f"{printable(str(path))}:") and result.err.count(" error I00") == 1
    return result.err


@pytest.mark.parametrize("name", ["1e3", "0o17", "0x1F", ".5e1"])
def test_names_yaml_12_reads_as_numbers_stay_text(cli, tmp_path, name):
    path = tmp_path / "n.mmd"
    path.write_text(f"journey\n  title {name}\n  section {name}\n    {name}: 3: Me\n")
    journey = _imported(cli, path)
    assert (journey.title, journey.stages[0].name, journey.stages[0].steps[0].name) == (name, name, name)


def test_an_id_and_a_name_like_1e3_survive_export_and_import(cli, tmp_path):
    source = tmp_path / "r.journey.yaml"
    source.write_text('format: 1\nid: x\ntitle: T\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: "1e3"\n        name: "1e3"\n')
    for fmt, suffix in (("csv", "csv"), ("mermaid", "mmd")):
        exported = tmp_path / f"r.{suffix}"
        exported.write_text(cli("export", source, "--format", fmt).out)
        step = _imported(cli, exported).stages[0].steps[0]
        assert step.name == "1e3"
        if fmt == "csv":
            assert step.id == "1e3"


def test_a_control_character_is_refused_with_its_line_and_shown_visibly(cli, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"stage_name,step_name\nS,a\nS,\"b\x1b[2Jc\"\n")
    err = _refused(cli, path)
    assert ":3:5: error I001 " in err and "U+001B" in err and "\x1b" not in err


def test_a_malformed_message_never_echoes_raw_control_bytes(cli, tmp_path):
    path = tmp_path / "bad\x1b]0;x\x07name.csv"
    path.write_bytes(b"stage_name,step_name,emotion\nS,a,9\n")
    err = _refused(cli, path)
    assert "\x1b" not in err and "\x07" not in err and "␛" in err


@pytest.mark.parametrize("metric", ["m=1e999", "m=1/1e999", "m=" + "9" * 400])
def test_a_metric_that_overflows_is_refused(cli, tmp_path, metric):
    path = tmp_path / "m.csv"
    path.write_text(f"stage_name,step_name,metrics\nS,a,{metric}\n")
    assert "too large" in _refused(cli, path)


def test_an_emotion_with_hundreds_of_digits_is_refused(cli, tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("stage_name,step_name,emotion\nS,a," + "1" * 400 + "\n")
    assert "emotion must be a whole number from -2 to 2" in _refused(cli, path)


def test_a_cell_longer_than_csvs_default_limit_round_trips(cli, tmp_path):
    long = "x" * 140_000
    source = tmp_path / "long.journey.yaml"
    source.write_text(f"format: 1\nid: x\ntitle: T\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        name: A\n        description: {long}\n")
    sheet = tmp_path / "long.csv"
    sheet.write_text(cli("export", source, "--format", "csv").out)
    assert _imported(cli, sheet).stages[0].steps[0].description == long
    import csv

    assert csv.field_size_limit() == 131_072  # the raised limit does not leak out of the import
