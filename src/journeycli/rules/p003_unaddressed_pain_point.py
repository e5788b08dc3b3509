"""P003 unaddressed-pain-point: a high or critical pain point that no opportunity addresses (critical: error)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    for _, step, pain in ctx.resolved.pain_points():
        if pain.severity in ("high", "critical") and pain.id not in ctx.resolved.addressed_by:
            yield Finding(
                (*ctx.pain_path[pain.id], "id"),
                f"the {pain.severity} pain point `{pain.id}` at `{step.id}` has no opportunity addressing it",
                "add an opportunity with `addresses: [" + pain.id + "]` and an owner",
                severity=Severity.ERROR if pain.severity == "critical" else None,
            )


RULE = LintRule(
    code="P003",
    name="unaddressed-pain-point",
    severity=Severity.WARNING,
    summary="A `high`/`critical` pain point that no opportunity addresses (`critical`: error).",
    why="This is the check the tool exists for: customers suffer badly here and nobody has a plan.",
    bad="pain_points:\n  - id: card-declined\n    description: Cards are declined without a reason.\n    severity: critical\n",
    good="pain_points:\n  - id: card-declined\n    description: Cards are declined without a reason.\n    severity: critical\n"
    "opportunities:\n  - id: explain-declines\n    description: Say why and offer another method.\n    addresses: [card-declined]\n",
    details='An opportunity anywhere in the journey counts, whatever its status.',
    check=check,
)
