"""F003 stale-reach: reach measured longer ago than the journey's review interval."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule
from .l004_stale_review import add_months, review_interval


def check(ctx: Context) -> Iterator[Finding]:
    journey = ctx.journey
    interval = review_interval(ctx.journey, ctx.settings)
    measured = [s for s in ctx.resolved.order if ctx.resolved.steps[s].reach is not None]
    dated: list[tuple[tuple, object, list[str]]] = []
    inherit = [s for s in measured if ctx.resolved.steps[s].reach_as_of is None]
    if journey.reach_as_of is not None and inherit:
        dated.append((("reach_as_of",), journey.reach_as_of, inherit))
    dated.extend(((*ctx.step_path[s], "reach_as_of"), ctx.resolved.steps[s].reach_as_of, [s]) for s in measured if ctx.resolved.steps[s].reach_as_of)
    for path, day, steps in dated:
        due = add_months(day, interval)
        if ctx.today > due:
            which = f"`{steps[0]}`" if len(steps) == 1 else f"{len(steps)} steps"
            yield Finding(
                path,
                f"the reach of {which} was measured on {day.isoformat()}; with a review every {interval} months it was due again on {due.isoformat()}",
                "measure the reach again and update it with its date, or remove reach that no longer holds",
            )


RULE = LintRule(
    code="F003",
    name="stale-reach",
    severity=Severity.WARNING,
    summary="`reach_as_of` older than the review interval (`review_interval_months`, default 12).",
    why="Drop-off numbers move with every release and campaign. A funnel measured two years ago looks as "
    "precise as last week's, and sends the team after the wrong step.",
    bad="review_interval_months: 6\nreach_as_of: 2025-01-31\nstages:\n  - id: buy\n    name: Buy\n    steps:\n      - {id: pay, name: Pays, emotion: 0, reach: 0.4}\n",
    good="review_interval_months: 6\nreach_as_of: 2026-10-31\nstages:\n  - id: buy\n    name: Buy\n    steps:\n      - {id: pay, name: Pays, emotion: 0, reach: 0.4}\n",
    details=(
        "A step's `reach_as_of` (or the journey's, for steps that do not say) is compared with today; the "
        "interval is the file's `review_interval_months`, else the configured one (12 months), as for L004."
    ),
    check=check,
)
