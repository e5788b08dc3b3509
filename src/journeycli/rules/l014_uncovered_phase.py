"""L014 uncovered-phase: a lifecycle phase the configuration requires and no journey covers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Severity
from .base import LintRule, Placed

if TYPE_CHECKING:
    from ..portfolio.links import Portfolio


def _line_of(path: str, key: str) -> int:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if line.lstrip().startswith(key):
                    return number
    except OSError:
        pass
    return 1


def across(portfolio: Portfolio) -> Iterator[Placed]:
    settings = portfolio.settings
    if not settings.required_phases or settings.source is None:
        return
    covered = set().union(*(d.phases for d in portfolio.digests))
    missing = [p for p in settings.required_phases if p not in covered]
    if missing:
        line = _line_of(settings.source, "required_phases")
        for phase in missing:
            yield Placed(
                settings.source,
                (line, 1),
                f"no journey covers the required phase `{phase}`: no stage of the {len(portfolio.digests)} journeys has `phase: {phase}`",
                "map that part of the lifecycle, or set `phase` on the stage that covers it",
            )


RULE = LintRule(
    code="L014",
    name="uncovered-phase",
    severity=Severity.WARNING,
    summary="A lifecycle phase listed in `required_phases` that no stage of any journey covers.",
    why="Teams map the journeys they think of; the ones nobody owns (support, retention) go unmapped. Requiring "
    "phases makes the gap visible in CI instead of in churn figures.",
    bad='# journey.toml says: required_phases = ["support"]\nstages:\n  - id: ask\n    name: Asks for help\n',
    good='# journey.toml says: required_phases = ["support"]\nstages:\n  - id: ask\n    name: Asks for help\n    phase: support\n',
    details=(
        'Judged when lint is given several journeys or a folder and `required_phases` is set in '
        '`[tool.journey]`; reported at that setting in the configuration file. A journey covers a phase when '
        'one of its stages has that `phase`.'
    ),
    across=across,
)
