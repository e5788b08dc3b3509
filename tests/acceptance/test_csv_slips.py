"""`journey data import` with the CSVs people really produce: each slip is a located finding, and no file changes.

The fixtures under tests/fixtures/acceptance/csv/ are what the QA sweep found
slipping through: numbers Python's ``float`` reads but no spreadsheet writes,
a truncated file, a column named twice, a `;`-separated export, a week date.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import FIXTURES

HERE = FIXTURES / "acceptance"


@pytest.fixture
def maps(tmp_path, monkeypatch):
    shutil.copy(HERE / "maps" / "shop.journey.yaml", tmp_path / "shop.journey.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _findings(cli, name: str):
    """Each finding of the text report as (code, line, column, message, hint)."""
    result = cli("data", "import", HERE / "csv" / name, ".")
    assert result.code == 1, result.out + result.err
    found = []
    for text in result.out.splitlines():
        match = re.match(r".+?\.csv:(\d+):(\d+): error (D\d{3}) (.*?)  \[[a-z-]+\]$", text)
        if match:
            found.append([match[3], int(match[1]), int(match[2]), match[4], None])
        elif text.lstrip(" ").startswith("= hint: "):
            found[-1][4] = text.split("= hint: ", 1)[1]
    return [tuple(f) for f in found]


@pytest.mark.parametrize(
    "name, where, said",
    [
        ("other-digits.csv", ("D003", 2, 21), "`١٢` in `value` is not a number"),
        ("underscore.csv", ("D003", 2, 21), "`1_000` in `value` is not a number"),
        ("unclosed-quote.csv", ("D006", 2, 1), "a quoted cell is never closed"),  # the hint
        ("column-twice.csv", ("D001", 1, 27), "the column `journey` appears twice in the header"),
        ("semicolons.csv", ("D001", 1, 1), "the header is separated by `;`; save the file as comma-separated CSV"),
        ("week-date.csv", ("D004", 2, 25), "`2026-W48-1` in `as_of` is not a date"),
    ],
)
def test_each_slip_is_one_located_finding_and_nothing_changes(cli, maps, name, where, said):
    [(code, line, column, message, hint)] = _findings(cli, name)
    assert (code, line, column) == where
    assert said in (message, hint)
    assert (maps / "shop.journey.yaml").read_bytes() == (HERE / "maps" / "shop.journey.yaml").read_bytes()


def test_the_same_csv_without_the_slip_is_imported(cli, maps, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("journey,step,metric,value,as_of\nshop,pay,conversion,-2.5e-1,2026-11-30\n")
    result = cli("data", "import", good, ".")
    assert result.code == 0, result.err
    assert "value: -0.25, target: 0.5" in (maps / "shop.journey.yaml").read_text()
