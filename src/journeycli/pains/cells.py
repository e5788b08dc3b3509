"""What every format of `journey pains` shows the same way: numbers, percentages, labels, the summary line and the legend."""

from __future__ import annotations

from decimal import Decimal

from ..presentation import quantities
from ..presentation.symbols import words
from .score import PainReport, RankedPain

NONE = "—"
MOMENT_OF_TRUTH = "★"
LEGEND = (
    "score = severity weight (low 1, medium 2, high 4, critical 8) × share affected (50% when the map does not say: estimated)"
    f" × 1.5 on a moment of truth ({MOMENT_OF_TRUTH}) × 1.25 at emotion -1 or 1.5 at -2 (the step's emotion is in brackets)."
    " See docs/pains.md."
)


def number(value: Decimal) -> str:
    """A decimal without trailing zeros: ``0.40`` → ``0.4``, ``40.0`` → ``40``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def percent(row: RankedPain) -> str:
    share = number(row.affected * 100) + "%"
    return f"{share} (estimated)" if row.affected_estimated else share


def signed(value: int | Decimal | None, places: int = 0) -> str:
    return NONE if value is None else quantities.signed(value, places)


def step_label(row: RankedPain) -> str:
    """The step's name with its emotion (it changes the score) and a star on a moment of truth."""
    label = row.step_name if row.emotion is None else f"{row.step_name} ({signed(row.emotion)})"
    return f"{label} {MOMENT_OF_TRUTH}" if row.moment_of_truth else label


def addressed(row: RankedPain) -> str:
    return ", ".join(f"{a.id} ({words(a.status)})" for a in row.addressed_by) or "NO"


def summary(report: PainReport) -> str:
    parts = [f"{report.total} pain point{'' if report.total == 1 else 's'}", f"{report.unaddressed} unaddressed"]
    hot = sum(1 for h in report.hotspots if h.hotspot)
    parts.append(f"{hot} hotspot stage{'' if hot == 1 else 's'}")
    if report.persona is not None:
        parts.append(f"persona {report.persona}")
    if len(report.pain_points) < report.total:
        parts.append(f"showing {len(report.pain_points)}")
    return " · ".join(parts)
