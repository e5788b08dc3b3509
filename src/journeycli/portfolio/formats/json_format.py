"""`journey portfolio --format json`: one object with a key per section asked for (see docs/portfolio.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ...pains.json_format import pain_json
from ..report import PortfolioReport


def data(report: PortfolioReport, sections: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"today": report.today.isoformat()}
    if "journeys" in sections:
        out["journeys"] = [
            {
                "file": j.file,
                "id": j.id,
                "title": j.title,
                "owner": j.owner,
                "state": j.state,
                "future_of": j.future_of,
                "part_of": j.part_of,
                "phases": list(j.phases),
                "steps": j.steps,
                "mean_emotion": None if j.mean_emotion is None else float(j.mean_emotion),
                "pain_points": j.pains,
                "unaddressed_high_critical": j.unaddressed_severe,
                "review": {
                    "last_reviewed": j.review.last_reviewed.isoformat() if j.review.last_reviewed else None,
                    "due": j.review.due.isoformat() if j.review.due else None,
                    "status": j.review.status,
                    "overdue_days": j.review.overdue_days,
                },
            }
            for j in report.journeys
        ]
    if "pains" in sections:
        out["pain_points"] = [
            {**pain_json(p.pain), "rank": p.rank, "rank_in_journey": p.pain.rank, "journey": p.journey, "file": p.file} for p in report.pains
        ]
    if "backlog" in sections:
        out["backlog"] = [
            {
                "rank": b.rank,
                "score": float(b.shown_score),
                "journey": b.journey,
                "file": b.file,
                "id": b.id,
                "description": b.description,
                "kind": b.kind,
                "status": b.status,
                "owner": b.owner,
                "step": b.step,
                "addresses": list(b.addresses),
            }
            for b in report.backlog
        ]
    if "coverage" in sections:
        c = report.coverage
        out["coverage"] = {
            "phases": list(c.phases),
            "personas": [{"id": p, "name": name, "phases": {ph: c.cells.get((p, ph), []) for ph in c.phases}} for p, name in c.personas],
            "gaps": [{"persona": p, "phase": ph} for p, ph in c.gaps()],
        }
    if "owners" in sections:
        out["owners"] = [
            {
                "team": o.team,
                "name": o.name,
                "journeys": o.journeys,
                "steps": o.steps,
                "pain_points": o.pain_points,
                "opportunities": o.opportunities,
                "overdue_journeys": o.overdue_journeys,
                "unaddressed": o.unaddressed,
                "unaddressed_high_critical": o.unaddressed_severe,
            }
            for o in report.owners
        ]
    return out


def write(report: PortfolioReport, sections: tuple[str, ...], out: TextIO) -> None:
    out.write(json.dumps(data(report, sections), indent=2, ensure_ascii=False) + "\n")
