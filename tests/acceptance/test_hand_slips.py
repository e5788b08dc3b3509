"""Slips in hand-edited journey files that the QA sweep found accepted, each now a located finding."""

from __future__ import annotations

from conftest import FIXTURES

from journeycli.dates import parse_iso_date

MAPS = FIXTURES / "acceptance" / "maps"


def test_a_review_date_written_as_an_iso_week_is_refused_on_every_python(cli):
    # Python 3.11's date.fromisoformat reads "2026-W48-1"; 3.10's does not: the same file must get the same answer.
    result = cli("validate", MAPS / "week-date.journey.yaml", "--format", "json")
    assert result.code == 1, result.out
    [finding] = result.json()["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"]) == ("E002", 4, 16)
    assert "YYYY-MM-DD" in finding["message"] and "2026-W48-1" in finding["message"]


def test_only_yyyy_mm_dd_in_ascii_digits_is_a_date():
    assert parse_iso_date("2026-11-30").isoformat() == "2026-11-30"
    for text in ("2026-W48-1", "20261130", "2026-11-3", "２０２６-11-30", "2026-02-30", "2026-11-30\n", ""):
        assert parse_iso_date(text) is None, text
