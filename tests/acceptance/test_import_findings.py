"""`journey import` reports a malformed sheet or diagram as one finding, the way `journey validate` does.

file:line:column (the cell's own column in a CSV), a stable code (I001–I004,
docs/export-import.md), the source line with a caret, exit 1, nothing written.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

HERE = FIXTURES / "acceptance" / "import"


@pytest.mark.parametrize(
    "name, where, said",
    [
        ("other-digits-emotion.csv", (3, 10, "I003", "csv-row"), "emotion must be a whole number from -2 to 2; found `٣`"),
        ("column-twice.csv", (1, 30, "I002", "csv-header"), "the column `stage_name` appears twice"),
        ("bad-layer.csv", (2, 10, "I003", "csv-row"), "layer must be one of frontstage, backstage, support; found `front stage`"),
        ("extra-cell.csv", (2, 10, "I003", "csv-row"), "this row has 3 cells, but the header has 2 columns"),
    ],
)
def test_a_malformed_sheet_is_one_located_finding(cli, tmp_path, monkeypatch, name, where, said):
    monkeypatch.chdir(tmp_path)
    result = cli("import", HERE / name)
    assert result.code == 1 and result.out == ""
    first, excerpt, caret = result.err.splitlines()[:3]
    line, column, code, rule = where
    assert first == f"{HERE / name}:{line}:{column}: error {code} {said}  [{rule}]"
    assert excerpt.startswith(f" {line} │ ")
    assert caret.index("^") == excerpt.index("│") + 1 + column  # the caret is under the cell
    assert list(tmp_path.iterdir()) == []


def test_a_score_in_other_digits_is_what_mermaid_cannot_read(cli):
    # float("٤") is 4.0, but Mermaid's own grammar reads only ASCII digits: the step gets no emotion and a warning.
    result = cli("import", HERE / "other-digits-score.mmd", "-o", "-")
    assert result.code == 0
    assert re.search(r":4: the score must be a number from 1 to 5; found ٤", result.err)
    assert "emotion" not in result.out
