"""What a rule is: a code, a name, a default severity and its documentation.

Validation codes (E…) are emitted by the loader and the integrity checks;
quality and pain-point rules (L…, P…) also carry a ``check`` (see ``lint``).
Every rule explains itself the same way — what it catches, why it matters, a
failing and a passing example — and ``journey rules CODE`` and
``docs/rules.md`` are printed from these fields, so the docs cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..sourcemap import Position


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    bad: str
    good: str

    def at(
        self,
        file: str,
        pos: Position,
        message: str,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A finding of this rule at ``pos`` (1-based line, column)."""
        return Diagnostic(
            file=file,
            line=pos[0],
            column=pos[1],
            severity=severity or self.severity,
            code=self.code,
            rule=self.name,
            message=message,
            hint=hint,
        )


@dataclass(frozen=True)
class Finding:
    """What a lint rule yields: where (a path in the file's data) and what.

    ``at_key`` points at the key that ends ``path`` instead of its value.
    ``severity`` overrides the rule's default for this one finding (P003 on a
    critical pain point is an error).
    """

    path: tuple
    message: str
    hint: str | None = None
    at_key: bool = False
    severity: Severity | None = None


@dataclass(frozen=True)
class Placed:
    """What a portfolio check yields: a finding already placed in a file (a journey's or a library's)."""

    file: str
    position: Position
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class LintRule(Rule):
    """A quality or pain-point rule.

    ``check(context)`` yields Findings in one journey (see ``lint.Context``); ``across(portfolio)``
    yields Placed findings over every journey of a run (see ``portfolio.links.Portfolio``).
    """

    check: Callable[[Any], Iterable[Finding]] | None = None
    across: Callable[[Any], Iterable[Placed]] | None = None
