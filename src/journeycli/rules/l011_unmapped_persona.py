"""L011 unmapped-persona: a library persona no journey of the portfolio names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Severity
from .base import LintRule, Placed

if TYPE_CHECKING:
    from ..portfolio.links import Portfolio


def across(portfolio: Portfolio) -> Iterator[Placed]:
    named = set().union(*(d.named_personas for d in portfolio.digests))
    for real, library in portfolio.libraries():
        unused = set(portfolio.unused(real, "personas"))
        for value, entry in library.entries["personas"].items():
            if value not in named and value not in unused:
                yield Placed(
                    library.file,
                    entry.position,
                    f"no journey maps the persona `{value}`: no step of the {len(portfolio.digests)} journeys names it (steps open to every persona do not count)",
                    "map this persona's journey, or name it in the `personas` of the steps it takes",
                )


RULE = LintRule(
    code="L011",
    name="unmapped-persona",
    severity=Severity.INFO,
    summary="A library persona that no step of any journey names (a customer the portfolio has no map for).",
    why="A persona in the shared library is a customer the organisation says it serves. If no map follows them, "
    "their experience is unknown. The coverage matrix counts a step open to every persona for each of them, so it "
    "may mark this persona covered; this rule says that no map follows them by name.",
    bad="# customers.library.yaml\npersonas:\n  - id: small-business\n    name: Small business owner\n"
    "# no journey has a step with `personas: [small-business]`\n",
    good="# checkout.journey.yaml\nuses: [customers.library.yaml]\nstages:\n  - id: buy\n    name: Buy\n"
    "    steps:\n      - id: pay\n        name: Pays the invoice\n        personas: [small-business]\n",
    details=(
        'Judged when lint is given several journeys or a folder. A persona counts as mapped when some step of '
        'some journey names it in `personas`; steps open to every persona do not count, because they say '
        "nothing about this persona's own journey. A persona L005 already reports (no journey uses it at all) "
        'is left to L005.'
    ),
    across=across,
)
