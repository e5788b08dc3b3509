"""What a rule is: a code, a name, a default severity, its documentation, its options and its check.

Validation codes (E…) are emitted by the loader and the integrity checks;
lint rules (F…, L…, P…) also carry a ``check`` that reads a ``Context`` (see
``lint``). Every rule explains itself the same way — what it catches, why it
matters, its edge cases (``details``), the options it takes, a failing and a
passing example — and ``journey rules CODE``, ``docs/rules.md`` and the
validation of ``[thresholds]`` in the configuration are all made from these
fields, so they cannot drift. Adding an option to a rule touches only its module.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from ..diagnostics import Diagnostic, Severity
from ..sourcemap import Position
from ..usage import UsageError

if TYPE_CHECKING:
    from ..config import Settings
    from ..flow import Resolved
    from ..model import Journey


@dataclass(frozen=True)
class Option:
    """A setting of one rule, given under ``[thresholds]`` in the configuration."""

    name: str
    kind: type[int] | type[float]  # int: a whole number of at least 1; float: a share above 0 and at most 1
    default: int | float
    summary: str  # one line

    @property
    def kind_text(self) -> str:
        return "a whole number of at least 1" if self.kind is int else "a share above 0 and at most 1 (0.3 means 30%)"

    def parse(self, value: Any, where: str) -> int | float:
        """``value`` from the configuration file, checked; a usage error says what is expected."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            ok = False
        elif self.kind is int:
            ok = isinstance(value, int) and value >= 1
        else:
            ok = 0 < value <= 1
        if not ok:
            raise UsageError(f"{where} must be {self.kind_text}, not {value!r}")
        return self.kind(value)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    bad: str
    good: str
    details: str = ""  # edge cases and exact behaviour, shown by `journey rules CODE` and docs/rules.md

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


class Finding(NamedTuple):
    """What a lint rule yields: where (a path in the file's data) and what.

    ``at_key`` points at the key that ends ``path`` instead of its value.
    ``severity`` overrides the rule's default for this one finding (P003 on a
    critical pain point is an error). A tuple, because a large map yields
    thousands and a frozen dataclass costs several times more to make.
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


class StepPaths:
    """The data path of each step, ``("stages", i, "steps", j)``, made when a finding asks for it.

    A table of them cost lint 13 MB at 80,000 steps. This keeps where each stage's steps begin and each
    step's place in the document: the flow's ``index`` when every step is in the flow (no persona left one out).
    """

    __slots__ = ("_place", "_starts")

    def __init__(self, journey: Journey, flow_index: Mapping[str, int]) -> None:
        self._starts = array("L")
        count = 0
        for stage in journey.stages:
            self._starts.append(count)
            count += len(stage.steps)
        self._place = flow_index if len(flow_index) == count else {step.id: n for n, (_, step) in enumerate(journey.steps())}

    def __getitem__(self, step_id: str) -> tuple:
        place = self._place[step_id]
        stage = bisect_right(self._starts, place) - 1  # the last stage that begins at or before it: empty stages begin there too
        return ("stages", stage, "steps", place - self._starts[stage])


@dataclass
class Context:
    """What every rule's ``check`` may look at; built once per file by the lint engine."""

    file: str
    journey: Journey
    resolved: Resolved
    settings: Settings
    today: date
    stage_path: dict[str, tuple] = field(default_factory=dict)
    step_path: Mapping[str, tuple] | StepPaths = field(default_factory=dict)
    library_ids: dict[str, frozenset[str]] = field(default_factory=dict)  # per list: the ids that come from libraries

    def pain_path(self, step: Any, pain_id: str) -> tuple:
        """The data path of the pain point ``pain_id`` of ``step`` (ids are unique in a valid journey)."""
        place = next(k for k, pain in enumerate(step.pain_points) if pain.id == pain_id)
        return (*self.step_path[step.id], "pain_points", place)

    def option(self, name: str) -> Any:
        """The value of a rule option: the configuration's, else the rule's default."""
        return self.settings.option(name)


@dataclass(frozen=True)
class LintRule(Rule):
    """A quality or pain-point rule.

    ``check(context)`` yields Findings in one journey; ``across(portfolio)``
    yields Placed findings over every journey of a run (see ``portfolio.links.Portfolio``).
    ``options`` are the settings the rule reads with ``Context.option``.
    """

    check: Callable[[Context], Iterable[Finding]] | None = None
    across: Callable[[Any], Iterable[Placed]] | None = None
    options: tuple[Option, ...] = ()
