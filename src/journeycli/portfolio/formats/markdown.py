"""`journey portfolio --format markdown`: a section per part of the report, tables with user text escaped."""

from __future__ import annotations

from typing import TextIO

from ...pains.cells import LEGEND
from ...presentation.markdown import cell
from ..report import PortfolioReport
from .cells import (
    BACKLOG_COLUMNS,
    BACKLOG_NOTE,
    COVERED,
    GAP,
    JOURNEY_COLUMNS,
    OWNER_COLUMNS,
    PAIN_COLUMNS,
    TITLES,
    backlog_cells,
    coverage_rows,
    journey_cells,
    owner_cells,
    pain_cells,
    summary,
)


def _table(columns: tuple[str, ...] | list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    return lines + ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]


def write(report: PortfolioReport, sections: tuple[str, ...], out: TextIO) -> None:
    lines = ["# Journey portfolio", "", cell(summary(report))]
    parts = {
        "journeys": lambda: _table(JOURNEY_COLUMNS, [journey_cells(j) for j in report.journeys]),
        "pains": lambda: [*_table(PAIN_COLUMNS, [pain_cells(p) for p in report.pains]), "", cell(LEGEND)],
        "backlog": lambda: [*_table(BACKLOG_COLUMNS, [backlog_cells(b) for b in report.backlog]), "", cell(BACKLOG_NOTE)],
        "coverage": lambda: [
            *_table(["persona", *report.coverage.phases], coverage_rows(report)),
            "",
            f"{COVERED} a journey covers it · {GAP} a gap",
        ],
        "owners": lambda: _table(OWNER_COLUMNS, [owner_cells(o) for o in report.owners]),
    }
    for section in sections:
        lines += ["", f"## {TITLES[section]}", ""]
        lines += parts[section]()
    out.write("\n".join(lines) + "\n")
