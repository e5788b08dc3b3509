"""What every format of `journey portfolio` shows the same way: review status, emotion, counts, headings."""

from __future__ import annotations

from ...pains.cells import NONE, addressed, signed
from ...presentation.symbols import SEVERITIES, words
from ..report import ANY_PERSONA, JourneyRow, PortfolioReport, Review

TITLES = {
    "journeys": "Journeys",
    "pains": "Pain points across journeys",
    "backlog": "Opportunity backlog",
    "coverage": "Coverage: personas × lifecycle phases",
    "owners": "Owners",
}

JOURNEY_COLUMNS = ("journey", "owner", "state", "phases", "steps", "mean emotion", "pain points (L/M/H/C)", "open high+critical", "review")
PAIN_COLUMNS = ("#", "score", "severity", "pain point", "journey", "step", "owner", "addressed by")
BACKLOG_COLUMNS = ("#", "score", "opportunity", "journey", "kind", "status", "owner", "addresses")
OWNER_COLUMNS = ("team", "journeys", "steps", "pain points", "opportunities", "overdue reviews", "unaddressed (high+critical)")
COVERED, GAP = "✓", "·"
BACKLOG_NOTE = "backlog score = the sum of the scores of the pain points an opportunity addresses (see docs/portfolio.md)."


def review(r: Review) -> str:
    if r.status == "never reviewed":
        return "never reviewed"
    if r.status == "overdue":
        return f"overdue by {r.overdue_days} day{'' if r.overdue_days == 1 else 's'} (due {r.due})"
    return f"{r.status}, due {r.due}" if r.due else r.status


def state(row: JourneyRow) -> str:
    if row.state == "future":
        return f"future of {row.future_of}" if row.future_of else "future"
    return f"part of {row.part_of}" if row.part_of else "current"


def severities(row: JourneyRow) -> str:
    return "/".join(str(row.pains[s]) for s in SEVERITIES)


def journey_cells(row: JourneyRow) -> list[str]:
    return [
        row.id,
        row.owner or NONE,
        state(row),
        ", ".join(row.phases) or NONE,
        str(row.steps),
        signed(row.mean_emotion, 2),
        severities(row),
        str(row.unaddressed_severe),
        review(row.review),
    ]


def pain_cells(p) -> list[str]:
    """A row of the cross-journey ranking (``report.PortfolioPain``)."""
    r = p.pain
    return [str(p.rank), f"{r.shown_score:.2f}", r.severity, r.id, p.journey, r.step_name, r.owner or NONE, addressed(r)]


def backlog_cells(b) -> list[str]:
    """A row of the backlog (``report.BacklogItem``)."""
    return [str(b.rank), f"{b.shown_score:.2f}", b.id, b.journey, words(b.kind) if b.kind else NONE, words(b.status), b.owner or NONE, ", ".join(b.addresses) or NONE]


def owner_cells(o) -> list[str]:
    """A row of the owners view (``report.OwnerView``)."""
    team = f"{o.name} ({o.team})" if o.name else o.team
    overdue = ", ".join(o.overdue_journeys) or "0"
    return [team, ", ".join(o.journeys) or NONE, str(o.steps), str(o.pain_points), str(o.opportunities), overdue, f"{o.unaddressed} ({o.unaddressed_severe})"]


def coverage_rows(report: PortfolioReport) -> list[list[str]]:
    c = report.coverage
    return [[persona_label(p, name), *(COVERED if c.cells.get((p, ph)) else GAP for ph in c.phases)] for p, name in c.personas]


def persona_label(persona: str, name: str) -> str:
    return name if persona == ANY_PERSONA else f"{name} ({persona})"


def summary(report: PortfolioReport) -> str:
    journeys = len(report.journeys)
    overdue = sum(1 for j in report.journeys if j.review.status == "overdue")
    gaps = len(report.coverage.gaps())
    return " · ".join(
        [
            f"{journeys} journey{'' if journeys == 1 else 's'}",
            f"{len(report.pains)} pain points shown",
            f"{len(report.backlog)} opportunities shown",
            f"{gaps} coverage gap{'' if gaps == 1 else 's'}",
            f"{overdue} review{'' if overdue == 1 else 's'} overdue",
        ]
    )

