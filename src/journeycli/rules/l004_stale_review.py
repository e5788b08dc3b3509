"""L004 stale-review: `last_reviewed` missing, or older than the review interval."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..diagnostics import Severity
from .base import Context, Finding, LintRule, Option

if TYPE_CHECKING:
    from ..config import Settings
    from ..model import Journey


def add_months(day: date, months: int) -> date | None:
    """``day`` plus ``months``, or None when that is later than any date Python can represent."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > date.max.year:
        return None
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_interval(journey: Journey, settings: Settings) -> int:
    """The file's `review_interval_months` when it sets one, else the configured default (F003 and the portfolio use it too)."""
    return journey.review_interval_months if "review_interval_months" in journey.model_fields_set else settings.option("review_interval_months")


def check(ctx: Context) -> Iterator[Finding]:
    journey = ctx.journey
    interval = review_interval(ctx.journey, ctx.settings)
    if journey.last_reviewed is None:
        yield Finding((), "the journey has no `last_reviewed` date", f"add `last_reviewed: {ctx.today.isoformat()}` after checking the map against reality")
        return
    if journey.last_reviewed > ctx.today + timedelta(days=1):  # a day of grace for time zones
        yield Finding(
            ("last_reviewed",),
            f"`last_reviewed` is {journey.last_reviewed.isoformat()}, a date in the future",
            f"set it to the day the map was last checked against reality, e.g. {ctx.today.isoformat()}",
        )
        return
    due = add_months(journey.last_reviewed, interval)
    if due is not None and ctx.today > due:
        yield Finding(
            ("last_reviewed",),
            f"the map was last reviewed on {journey.last_reviewed.isoformat()}; with a review every {interval} months it was due on {due.isoformat()}",
            "check the map against current research, then update `last_reviewed`",
        )


RULE = LintRule(
    code="L004",
    name="stale-review",
    severity=Severity.WARNING,
    summary="`last_reviewed` missing or older than `review_interval_months` (default 12).",
    why="Journeys change when products, channels and customers do. A map nobody has checked for a year is "
    "likely to describe a journey that no longer exists.",
    bad="last_reviewed: 2023-01-15\nreview_interval_months: 6\n",
    good="last_reviewed: 2026-10-01\nreview_interval_months: 6\n",
    details=(
        "The interval is the file's `review_interval_months` when it sets one, else the configured default "
        '(12 months). A map reviewed on 31 January with a one-month interval is due on the last day of '
        'February. An interval that reaches past the last date Python can hold (year 9999) is never due; a '
        '`last_reviewed` date in the future is a finding of its own, since it would silence the rule for '
        'good.'
    ),
    check=check,
    options=(Option("review_interval_months", int, 12, "Review interval for journeys that do not set `review_interval_months` (F003 uses it too)."),),
)
