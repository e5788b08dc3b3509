"""P003 unaddressed-pain-point: a high or critical pain point that no opportunity under way addresses (critical: error).

"Addressed" is ``verdicts.addressing``, the same verdict `journey pains` and the portfolio show.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..verdicts import addressing_of
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    verdicts = addressing_of(ctx.resolved)
    for _, step, pain in ctx.resolved.pain_points():
        if pain.severity not in ("high", "critical"):
            continue
        verdict = verdicts.get(pain.id, "open")
        if verdict == "addressed":
            continue
        if verdict == "ideas":
            ideas = ", ".join(f"`{o}`" for o in ctx.resolved.addressed_by[pain.id])
            message = f"the {pain.severity} pain point `{pain.id}` at `{step.id}` has only ideas addressing it ({ideas}), none planned"
            hint = "when the team commits to one, set its `status` to `planned` (or `in_progress`, `done`)"
        else:
            message = f"the {pain.severity} pain point `{pain.id}` at `{step.id}` has no opportunity addressing it"
            hint = "add an opportunity with `addresses: [" + pain.id + "]`, a `status` of `planned` or later, and an owner"
        yield Finding((*ctx.pain_path(step, pain.id), "id"), message, hint, severity=Severity.ERROR if pain.severity == "critical" else None)


RULE = LintRule(
    code="P003",
    name="unaddressed-pain-point",
    severity=Severity.WARNING,
    summary="A `high`/`critical` pain point that no opportunity addresses (`critical`: error).",
    why="This is the check the tool exists for: customers suffer badly here and nobody has a plan.",
    bad="pain_points:\n  - id: card-declined\n    description: Cards are declined without a reason.\n    severity: high\n",
    good="pain_points:\n  - id: card-declined\n    description: Cards are declined without a reason.\n    severity: high\n"
    "opportunities:\n  - id: explain-declines\n    description: Say why and offer another method.\n    addresses: [card-declined]\n"
    "    status: planned\n",
    details="An opportunity anywhere in the journey counts once its `status` is `planned`, `in_progress` or `done`: "
    "an `idea` (the default status) is not yet a plan, so a pain point with only ideas is still reported, naming them. "
    "`journey pains` and `journey portfolio` use the same definition (docs/pains.md).",
    check=check,
)
