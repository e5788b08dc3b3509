"""F001 reach-grows: a step that reaches more customers than the steps leading to it can bring."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..funnel import dropoff
from ..funnel.cells import amount
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    if not any(step.reach is not None for step in ctx.resolved.steps.values()):
        return
    model = dropoff.compute(ctx.resolved)
    for found in dropoff.growth(model):
        came = ", ".join(f"`{p}`" for p in found.preds)
        yield Finding(
            (*ctx.step_path[found.step], "reach"),
            f"`{found.step}` reaches {amount(found.reach, model)}, but the steps that lead to it ({came}) bring at most {amount(found.bound, model)}",
            "check the numbers, or add the `next` that brings the other customers here: a loop or another way in",
        )


RULE = LintRule(
    code="F001",
    name="reach-grows",
    severity=Severity.WARNING,
    summary="A step reaches more customers than the steps leading to it can bring, with no loop or other way in to explain it.",
    why="Customers only get to a step through the steps before it. When the numbers say more arrive than could, "
    "either a figure is wrong (a different date range, another report) or the map misses a way in.",
    bad="- id: cart\n  name: Reviews the cart\n  reach: 0.4\n- id: pay\n  name: Pays\n  reach: 0.55\n",
    good="- id: cart\n  name: Reviews the cart\n  reach: 0.6\n- id: pay\n  name: Pays\n  reach: 0.55\n",
    details=(
        "A step's reach cannot be more than the sum of what its forward predecessors pass on (a second way in "
        'adds its customers). Bounds travel through steps without reach. A step entered by a loop (a `next` '
        'back to an earlier step) is not judged: returning customers can explain it. See docs/funnel.md.'
    ),
    check=check,
)
