"""What every format of `journey pains` shows the same way: numbers, percentages, labels, the summary line and the legend."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..presentation import quantities
from ..presentation.symbols import words
from .score import Hotspot, PainReport, RankedPain, round_score

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


OPEN = "none yet"
"""The addressed-by cell of a pain point no opportunity names: a plain word, not an alarm (its row says the rest)."""
ONLY_IDEAS = "only ideas"


def opportunities(row: RankedPain) -> list[str]:
    """Each opportunity that addresses the pain point, with its status in words."""
    return [f"{a.id} ({words(a.status)})" for a in row.addressed_by]


def addressed(row: RankedPain) -> str:
    """The opportunities with their status; ``only ideas:`` before them when none is under way; ``none yet`` without any."""
    if not row.addressed_by:
        return OPEN
    listed = ", ".join(opportunities(row))
    return listed if row.addressed else f"{ONLY_IDEAS} — {listed}"


UNKNOWN = "unknown"
WEIGHT_LEGEND = (
    "weighted = score × lost, the percentage of the journey's entrants lost at the pain point's step"
    " (the drop to the next step of the funnel's main path); unknown where the reach does not say, ranked last. See docs/pains.md."
)


def lost(row: RankedPain) -> str:
    """``23,000 (10.8%)`` when the journey counts customers, ``10.8%`` for shares, ``unknown`` without a number."""
    at = row.lost
    if at is None or at.percent is None:
        return UNKNOWN
    shown = at.percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    share = "<0.1%" if at.percent and not shown else number(shown) + "%"  # a loss too small to show is not none
    return f"{round(at.customers or 0):,} ({share})" if at.counts else share


def weighted(row: RankedPain) -> str:
    return UNKNOWN if row.weighted is None else f"{round_score(row.weighted):.2f}"


def lost_reason(row: RankedPain) -> str | None:
    """Why the customers lost at the step are not known (None when they are, or when not weighting)."""
    return None if row.lost is None else row.lost.reason


def reasons(h: Hotspot) -> list[str]:
    """Why the stage is a hotspot, in plain words (P006's, without code marks)."""
    return [reason.replace("`", "") for reason in h.reasons]


def hotspot(h: Hotspot) -> str:
    """``yes`` with the reasons (a stage can be one for a critical pain point while it feels fine), or ``no``."""
    return "yes: " + ", ".join(reasons(h)) if h.hotspot else "no"


def summary(report: PainReport) -> str:
    open_ = f"{report.unaddressed} unaddressed" + (f" ({report.ideas_only} with only ideas)" if report.ideas_only else "")
    parts = [f"{report.total} pain point{'' if report.total == 1 else 's'}", open_]
    hot = sum(1 for h in report.hotspots if h.hotspot)
    parts.append(f"{hot} hotspot stage{'' if hot == 1 else 's'}")
    if report.persona is not None:
        parts.append(f"persona {report.persona}")
    if report.weighted:
        parts.append("ranked by weighted score")
    if len(report.pain_points) < report.total:
        parts.append(f"showing {len(report.pain_points)}")
    return " · ".join(parts)
