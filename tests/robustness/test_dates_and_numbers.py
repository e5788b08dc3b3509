"""Dates and numbers Python cannot represent are findings or usage errors, never crashes."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

MINIMAL = (FIXTURES / "valid" / "minimal.journey.yaml").read_text().rstrip("\n") + "\nowner: team\nobjectives: [x]\n"


def _lint(cli, path, *args):
    result = cli("lint", path, "--format", "json", *args)
    assert result.code in (0, 1), result.err
    return [(d["code"], d["line"], d["message"]) for d in result.json()["diagnostics"] if d["code"] == "L004"]


def test_last_reviewed_on_the_last_representable_day_is_a_future_date_finding(cli, tmp_path):
    path = tmp_path / "map.journey.yaml"
    path.write_text(MINIMAL + "last_reviewed: 9999-12-31\n")
    [(code, line, message)] = _lint(cli, path)
    assert line == 12 and "9999-12-31, a date in the future" in message


@pytest.mark.parametrize("months", ["9999999", "99999999999999999999"])
def test_a_review_interval_beyond_year_9999_is_never_due(cli, tmp_path, months):
    path = tmp_path / "map.journey.yaml"
    path.write_text(MINIMAL + f"last_reviewed: 2020-01-01\nreview_interval_months: {months}\n")
    assert _lint(cli, path) == []


def test_a_huge_review_interval_in_the_configuration(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "journey.toml").write_text("[thresholds]\nreview_interval_months = 99999999999\n")
    path = tmp_path / "map.journey.yaml"
    path.write_text(MINIMAL + "last_reviewed: 2020-01-01\n")
    assert _lint(cli, path) == []
    (tmp_path / "journey.toml").write_text("[thresholds]\nreview_interval_months = 1\n")
    assert [code for code, _, _ in _lint(cli, path)] == ["L004"]  # the same file is stale with a short interval


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_a_whole_number_field_given_nan_or_infinity_is_a_finding(cli, tmp_path, value):
    """Found by the fuzzing: `review_interval_months: .nan` crashed the explanation of the error."""
    path = tmp_path / "map.journey.yaml"
    path.write_text(MINIMAL + f"review_interval_months: {value}\n")
    result = cli("validate", path, "--format", "json")
    assert result.code == 1, result.err
    [finding] = result.json()["diagnostics"]
    assert (finding["code"], finding["line"]) == ("E002", 12) and "not a whole number" in finding["message"]
