"""L004 stale-review against dates: the real clock, the due day itself, and month ends.

These journeys are written to tmp_path with `last_reviewed` set by the test, so they keep passing
whatever day the tests run on.
"""

from __future__ import annotations

import datetime

import pytest

from .conftest import LINT, freeze_today

CLEAN = (LINT / "clean.journey.yaml").read_text()
REVIEW = "last_reviewed: 2026-11-01\nreview_interval_months: 12\n"


def journey(tmp_path, last_reviewed: datetime.date, interval: int | None) -> str:
    review = f"last_reviewed: {last_reviewed.isoformat()}\n" + (f"review_interval_months: {interval}\n" if interval else "")
    path = tmp_path / "review.journey.yaml"
    path.write_text(CLEAN.replace(REVIEW, review))
    return str(path)


def l004(cli, path) -> list[str]:
    result = cli("lint", path, "-f", "json", "--fail-on", "info")
    return [d["message"] for d in result.json()["diagnostics"] if d["code"] == "L004"]


def test_against_the_real_clock(cli, monkeypatch, tmp_path):
    monkeypatch.setattr("journeycli.lint.date", datetime.date)  # undo the fixed day of conftest
    today = datetime.date.today()
    assert l004(cli, journey(tmp_path, today, None)) == []
    assert l004(cli, journey(tmp_path, today - datetime.timedelta(days=300), None)) == []
    long_ago = datetime.date(today.year - 2, today.month, 1)
    [message] = l004(cli, journey(tmp_path, long_ago, None))
    assert f"last reviewed on {long_ago.isoformat()}; with a review every 12 months" in message
    assert l004(cli, journey(tmp_path, long_ago, 36)) == []


@pytest.mark.parametrize(
    "today, last_reviewed, interval, due",
    [
        # due on the same day of the month: that day is still fine, the next is not
        ("2026-11-22", "2026-05-22", 6, None),
        ("2026-11-23", "2026-05-22", 6, "2026-11-22"),
        # a month-end date is due on the last day of a shorter month
        ("2026-02-28", "2026-01-31", 1, None),
        ("2026-03-01", "2026-01-31", 1, "2026-02-28"),
        ("2028-03-01", "2028-01-31", 1, "2028-02-29"),
        # across a year end
        ("2027-02-28", "2026-11-30", 3, None),
        ("2027-03-01", "2026-11-30", 3, "2027-02-28"),
        # without review_interval_months in the file, 12 months
        ("2026-11-22", "2025-11-22", None, None),
        ("2026-11-22", "2025-11-21", None, "2026-11-21"),
    ],
)
def test_due_date(cli, monkeypatch, tmp_path, today, last_reviewed, interval, due):
    freeze_today(monkeypatch, datetime.date.fromisoformat(today))
    found = l004(cli, journey(tmp_path, datetime.date.fromisoformat(last_reviewed), interval))
    if due is None:
        assert found == []
    else:
        assert len(found) == 1 and f"months it was due on {due}" in found[0]


def test_quoted_date_counts_like_a_yaml_date(cli, tmp_path):
    path = tmp_path / "quoted.journey.yaml"
    path.write_text(CLEAN.replace(REVIEW, 'last_reviewed: "2020-01-01"\n'))
    [message] = l004(cli, str(path))
    assert "last reviewed on 2020-01-01" in message
