"""`journey pains --format csv`: one row per pain point, with a ``file`` column.

Text cells a spreadsheet would run as a formula get a leading ``'``, as in
`journey export --format csv`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TextIO

from ..presentation.spreadsheet import csv_line, guard
from .cells import number
from .score import PainReport, RankedPain, round_score

CSV_COLUMNS = (
    "file",
    "journey",
    "rank",
    "score",
    "severity",
    "id",
    "description",
    "stage",
    "stage_name",
    "step",
    "step_name",
    "owner",
    "evidence",
    "sources",
    "addressed",
    "addressed_by",
    "affected",
    "affected_estimated",
    "moment_of_truth",
    "emotion",
)


WEIGHT_COLUMNS = ("lost_customers", "lost_share", "lost_unknown_reason", "weighted_score")
"""Added after the others with --weight-by-drop-off."""


def _weight_cells(row: RankedPain) -> list[str]:
    at = row.lost
    if at is None or at.share is None:
        return ["", "", guard(at.reason or "") if at else "", ""]
    customers = str(round(at.customers or 0)) if at.counts else ""
    return [customers, number(at.shown_share or Decimal(0)), "", f"{round_score(row.weighted or Decimal(0)):.2f}"]


def write(reports: list[PainReport], out: TextIO) -> None:
    weighted = any(r.weighted for r in reports)
    out.write(csv_line(CSV_COLUMNS + (WEIGHT_COLUMNS if weighted else ())))
    for r in reports:
        for row in r.pain_points:
            out.write(
                csv_line(
                    [
                        guard(r.file),
                        guard(r.journey),
                        row.rank,
                        f"{row.shown_score:.2f}",
                        row.severity,
                        guard(row.id),
                        guard(row.description),
                        guard(row.stage),
                        guard(row.stage_name),
                        guard(row.step),
                        guard(row.step_name),
                        guard(row.owner or ""),
                        len(row.sources),
                        guard(";".join(row.sources)),
                        "yes" if row.addressed else "no",
                        guard("; ".join(f"{a.id} ({a.status})" for a in row.addressed_by)),
                        number(row.affected),
                        "true" if row.affected_estimated else "false",
                        "true" if row.moment_of_truth else "false",
                        "" if row.emotion is None else row.emotion,
                        *(_weight_cells(row) if weighted else []),
                    ]
                )
            )
