"""`journey portfolio --format csv`: one table (a CSV file holds one), the section asked for with --section.

Text cells a spreadsheet would run as a formula get a leading ``'``, as in every CSV of journeycli.
"""

from __future__ import annotations

from typing import TextIO

from ...presentation.spreadsheet import csv_line, guard
from ..report import PortfolioReport
from .json_format import data

COLUMNS = {
    "journeys": (
        "file", "id", "title", "owner", "state", "future_of", "part_of", "phases", "steps", "mean_emotion",
        "low", "medium", "high", "critical", "unaddressed_high_critical", "last_reviewed", "review_due", "review_status", "overdue_days",
    ),
    "pains": (
        "rank", "score", "journey", "file", "id", "description", "severity", "stage", "step", "owner",
        "addressed_by", "affected", "affected_estimated", "moment_of_truth", "emotion", "rank_in_journey",
    ),
    "backlog": ("rank", "score", "journey", "file", "id", "description", "kind", "status", "owner", "step", "addresses"),
    "coverage": ("persona", "name", "phase", "covered", "journeys"),
    "owners": ("team", "name", "journeys", "steps", "pain_points", "opportunities", "overdue_journeys", "unaddressed", "unaddressed_high_critical"),
}


def _value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return guard(";".join(v if isinstance(v, str) else v["id"] + f" ({v['status']})" for v in value))
    return guard(value) if isinstance(value, str) else value


def _rows(section: str, found: dict) -> list[dict]:
    if section == "journeys":
        review = ("last_reviewed", "last_reviewed"), ("review_due", "due"), ("review_status", "status"), ("overdue_days", "overdue_days")
        return [{**j, **j["pain_points"], **{column: j["review"][key] for column, key in review}} for j in found["journeys"]]
    if section == "pains":
        return found["pain_points"]
    if section == "coverage":
        c = found["coverage"]
        return [{"persona": p["id"], "name": p["name"], "phase": ph, "covered": bool(js), "journeys": js} for p in c["personas"] for ph, js in p["phases"].items()]
    return found[section]


def write(report: PortfolioReport, sections: tuple[str, ...], out: TextIO) -> None:
    (section,) = sections  # the command asks for exactly one
    columns = COLUMNS[section]
    out.write(csv_line(columns))
    for row in _rows(section, data(report, sections)):
        out.write(csv_line([_value(row.get(c)) for c in columns]))
