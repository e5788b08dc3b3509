"""F002 unexplained-drop: a large drop on the main path at a step with no pain point."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..funnel import report
from ..funnel.cells import amount, percent
from .base import Context, Finding, LintRule, Option


def check(ctx: Context) -> Iterator[Finding]:
    if not any(step.reach is not None for step in ctx.resolved.steps.values()):
        return
    funnel = report.build(ctx.resolved)
    large = ctx.option("large_drop")
    for n, here in enumerate(funnel.path[:-1]):
        share = here.drop_share
        if share is None or share < large or here.pain_points:
            continue
        after = funnel.path[n + 1].step.id
        yield Finding(
            (*ctx.step_path[here.step.id], "reach"),
            f"{percent(share)} of the customers at `{here.step.id}` ({amount(here.drop, funnel.model)}) do not get to `{after}`, "
            "and no pain point at this step says why",
            "add the pain point research shows here, or check the reach numbers",
        )


RULE = LintRule(
    code="F002",
    name="unexplained-drop",
    severity=Severity.WARNING,
    summary="A main-path step that loses at least `large_drop` (default 30%) of its customers and has no pain point.",
    why="Where many customers leave is where the journey most needs understanding. A big drop with no pain point "
    "means the map shows the loss but not its cause, so nobody can act on it.",
    bad="- id: delivery\n  name: Sees the delivery cost\n  reach: 0.6\n- id: pay\n  name: Pays\n  reach: 0.3\n",
    good="- id: delivery\n  name: Sees the delivery cost\n  reach: 0.6\n  pain_points:\n    - id: surprise-cost\n"
    "      description: Delivery cost appears only now.\n- id: pay\n  name: Pays\n  reach: 0.3\n",
    details=(
        'The drop is the one `journey funnel` shows: the customers at a main-path step who do not get to the '
        'next one, as a share of those at the step. The threshold is `large_drop` (default 0.3, i.e. 30%).'
    ),
    check=check,
    options=(Option("large_drop", float, 0.3, "Share of a step's customers lost on the way to the next main-path step that needs a pain point."),),
)
