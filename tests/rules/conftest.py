"""Lint tests run on a fixed date, in an empty directory (no configuration file can leak in)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURES

LINT = FIXTURES / "lint"
TODAY = date(2026, 11, 22)
"""The fixtures' `last_reviewed` dates are written relative to this day (L004 compares with today)."""


def freeze_today(monkeypatch, day: date) -> None:
    """Make the lint engine believe today is ``day``."""

    class Frozen(date):
        @classmethod
        def today(cls) -> date:
            return day

    monkeypatch.setattr("journeycli.lint.date", Frozen)


@pytest.fixture(autouse=True)
def _fixed_day_in_empty_directory(monkeypatch, tmp_path):
    freeze_today(monkeypatch, TODAY)
    monkeypatch.chdir(tmp_path)


def findings(result) -> list[tuple[str, int, int, str]]:
    """(code, line, column, severity) of every diagnostic in a `-f json` result."""
    return [(d["code"], d["line"], d["column"], d["severity"]) for d in result.json()["diagnostics"]]
