"""L003 missing-owner: no journey `owner`."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.journey.owner:
        yield Finding((), "the journey has no `owner`", "add `owner: <team>`: the team accountable for keeping this map true")


RULE = LintRule(
    code="L003",
    name="missing-owner",
    severity=Severity.WARNING,
    summary="No journey `owner`.",
    why="A map without an owner goes stale: nobody is asked to review it, and nobody answers for its pain points.",
    bad="format: 1\nid: checkout\ntitle: Checkout\n",
    good="format: 1\nid: checkout\ntitle: Checkout\nowner: growth-team\n",
    check=check,
)
