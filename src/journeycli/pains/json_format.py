"""`journey pains --format json`: ``{"files": [{"file", "journey", "title", "pain_points": [...], "hotspots": [...]}]}``.

See docs/pains.md for every key.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .cells import reasons
from .score import Hotspot, PainReport, RankedPain, round_score


def pain_json(row: RankedPain) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "score": float(row.shown_score),
        "severity": row.severity,
        "id": row.id,
        "description": row.description,
        "stage": row.stage,
        "step": row.step,
        "owner": row.owner,
        "sources": list(row.sources),
        "addressed_by": [{"id": a.id, "status": a.status} for a in row.addressed_by],
        "addressing": row.addressing,
        "affected": float(row.affected),
        "affected_estimated": row.affected_estimated,
        "moment_of_truth": row.moment_of_truth,
        "emotion": row.emotion,
        **(_weight_json(row) if row.lost is not None else {}),
    }


def _weight_json(row: RankedPain) -> dict[str, Any]:
    """Only with --weight-by-drop-off: the customers lost at the step and the weighted score (null when unknown)."""
    at = row.lost
    assert at is not None
    known = at.share is not None
    return {
        "lost": {
            "customers": round(at.customers) if known and at.counts and at.customers is not None else None,
            "share": float(at.shown_share) if at.shown_share is not None else None,
            "unknown_reason": at.reason,
        },
        "weighted_score": None if row.weighted is None else float(round_score(row.weighted)),
    }


def _hotspot_json(hotspot: Hotspot) -> dict[str, Any]:
    return {
        "stage": hotspot.stage,
        "name": hotspot.name,
        "mean_emotion": None if hotspot.mean_emotion is None else float(hotspot.mean_emotion),
        "pain_count": hotspot.pain_count,
        "worst_step": hotspot.worst_step,
        "hotspot": hotspot.hotspot,
        "reasons": reasons(hotspot),
    }


def write(reports: list[PainReport], out: TextIO) -> None:
    files = [
        {
            "file": r.file,
            "journey": r.journey,
            "title": r.title,
            "pain_points": [pain_json(row) for row in r.pain_points],
            "hotspots": [_hotspot_json(h) for h in r.hotspots],
        }
        for r in reports
    ]
    out.write(json.dumps({"files": files}, indent=2, ensure_ascii=False) + "\n")
