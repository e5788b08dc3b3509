"""`journey funnel --format csv`: one row per main-path step; text cells guarded against spreadsheet formulas."""

from __future__ import annotations

import csv
from typing import TextIO

from ..presentation.spreadsheet import guard
from .cells import share_of
from .report import Funnel

CSV_COLUMNS = ("file", "journey", "persona", "position", "stage", "step", "name", "reach", "share", "drop", "drop_share", "drop_reason", "pain_points")


def _csv_number(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}" if not float(value).is_integer() else str(int(value))


def write(funnels: list[tuple[str, Funnel]], out: TextIO) -> None:
    """One row per main-path step; text cells are guarded against spreadsheet formulas."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for file, f in funnels:
        for n, p in enumerate(f.path, 1):
            writer.writerow(
                [
                    guard(file),
                    f.resolved.journey.id,
                    f.resolved.persona or "",
                    n,
                    p.stage.id,
                    p.step.id,
                    guard(p.step.name),
                    _csv_number(p.reach),
                    _csv_number(share_of(p.reach, f.model)),
                    _csv_number(p.drop),
                    _csv_number(p.drop_share),
                    guard(p.reason or ""),
                    " ".join(pain.id for pain in p.pain_points),
                ]
            )
