"""The portfolio report as data: every journey's figures, one pain ranking, the opportunity backlog,
the persona × phase coverage matrix and the owners view. Writers (``writers``) only format it.

Built in two steps so that files can be read on all cores: ``part`` summarises one valid journey
(in a worker), ``build`` puts the parts together (linear in their size). ``portfolio`` does both for
journeys already in memory — the entry point for anything else that shows a portfolio.

- The pain ranking is `journey pains`'s: the same score (``pains.score``) and the same order, over
  every journey at once; ranks run across the whole portfolio.
- An opportunity's backlog score is the sum of the scores of the pain points it `addresses`
  (0 when it addresses none: upsell and cross-sell ideas usually do); the backlog is sorted by that
  score (highest first), then file, then opportunity id. Every status is listed, `done` included.
- Coverage: a persona covers a phase when one of the steps of a stage with that `phase` is taken by
  that persona (a step without `personas` is taken by every persona the journey knows; in a journey
  that declares no personas, by "any persona").
- Review status: `never reviewed`, `overdue` (with the days since it was due), `due soon` (within
  30 days) or `up to date`, with L004's interval (the file's, else the configured one).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, get_args

from ..flow import resolve
from ..model import Journey, Phase
from ..pains.score import RankedPain, rank, ranking, round_score
from ..presentation.symbols import SEVERITIES

PHASES: tuple[str, ...] = get_args(Phase)
ANY_PERSONA = "*"
DUE_SOON_DAYS = 30
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Review:
    last_reviewed: date | None
    due: date | None
    status: str  # never reviewed | overdue | due soon | up to date
    overdue_days: int  # 0 unless overdue


@dataclass(frozen=True)
class JourneyRow:
    file: str
    id: str
    title: str
    owner: str | None
    state: str
    future_of: str | None
    part_of: str | None  # journey, or journey/step
    phases: tuple[str, ...]  # in lifecycle order
    steps: int
    mean_emotion: Decimal | None
    pains: dict[str, int]  # per severity, low … critical
    unaddressed_severe: int  # high and critical pain points no opportunity addresses
    review: Review


@dataclass(frozen=True)
class PortfolioPain:
    """A pain point in the cross-journey ranking: ``pain.rank`` is its rank in its own journey."""

    rank: int
    journey: str
    file: str
    pain: RankedPain


@dataclass(frozen=True)
class BacklogItem:
    rank: int
    score: Decimal  # exact sum; shown rounded
    journey: str
    file: str
    id: str
    description: str
    kind: str | None
    status: str
    owner: str | None  # the opportunity's, else its step's
    step: str
    addresses: tuple[str, ...]

    @property
    def shown_score(self) -> Decimal:
        return round_score(self.score)


@dataclass
class OwnerView:
    team: str
    name: str | None
    journeys: list[str] = field(default_factory=list)
    steps: int = 0
    pain_points: int = 0
    opportunities: int = 0
    overdue_journeys: list[str] = field(default_factory=list)
    unaddressed: int = 0  # owned pain points no opportunity addresses
    unaddressed_severe: int = 0  # of those, high and critical


@dataclass
class Part:
    """One journey's share of the report (small enough to come back from a worker)."""

    row: JourneyRow
    pains: list[RankedPain]
    backlog: list[BacklogItem]  # unranked
    coverage: dict[str, set[str]]  # persona id → phases
    persona_names: dict[str, str]
    owners: dict[str, OwnerView]


@dataclass
class Coverage:
    phases: tuple[str, ...]
    personas: list[tuple[str, str]]  # (id, name), ANY_PERSONA last
    cells: dict[tuple[str, str], list[str]]  # (persona, phase) → journey ids covering it

    def gaps(self) -> list[tuple[str, str]]:
        return [(p, phase) for p, _ in self.personas for phase in self.phases if not self.cells.get((p, phase))]


@dataclass
class PortfolioReport:
    today: date
    journeys: list[JourneyRow]
    pains: list[PortfolioPain]
    backlog: list[BacklogItem]
    coverage: Coverage
    owners: list[OwnerView]

    def filtered(self, *, kinds: tuple[str, ...] = (), top: int | None = None) -> PortfolioReport:
        """The report with the backlog kept to ``kinds`` and both rankings to their ``top`` rows; ranks do not change."""
        backlog = [b for b in self.backlog if not kinds or (b.kind or "none") in kinds]
        return replace(self, pains=self.pains[:top] if top else self.pains, backlog=backlog[:top] if top else backlog)


def _review(journey: Journey, settings: Any, today: date) -> Review:
    from ..rules.l004_stale_review import add_months, review_interval

    if journey.last_reviewed is None:
        return Review(None, None, "never reviewed", 0)
    due = add_months(journey.last_reviewed, review_interval(journey, settings))
    if due is None:
        return Review(journey.last_reviewed, None, "up to date", 0)
    if today > due:
        return Review(journey.last_reviewed, due, "overdue", (today - due).days)
    return Review(journey.last_reviewed, due, "due soon" if due - today <= timedelta(days=DUE_SOON_DAYS) else "up to date", 0)


def part(journey: Journey, file: str, settings: Any, today: date) -> Part:
    """The share of one valid journey (with its libraries merged in)."""
    steps = journey.steps()
    ranked = rank(resolve(journey), file)
    emotions = [step.emotion for _, step in steps if step.emotion is not None]
    mean = (Decimal(sum(emotions)) / len(emotions)).quantize(_CENT, rounding=ROUND_HALF_UP) if emotions else None
    by_severity = dict.fromkeys(SEVERITIES, 0)
    for row in ranked:
        by_severity[row.severity] += 1
    severe_open = sum(1 for row in ranked if not row.addressed and row.severity in ("high", "critical"))
    link = journey.part_of
    review = _review(journey, settings, today)
    row = JourneyRow(
        file=file,
        id=journey.id,
        title=journey.title,
        owner=journey.owner,
        state=journey.state,
        future_of=journey.future_of,
        part_of=None if link is None else "/".join(x for x in (link.journey, link.stage, link.step) if x),
        phases=tuple(p for p in PHASES if any(stage.phase == p for stage in journey.stages)),
        steps=len(steps),
        mean_emotion=mean,
        pains=by_severity,
        unaddressed_severe=severe_open,
        review=review,
    )
    score_of = {r.id: r.score for r in ranked}
    backlog = [
        BacklogItem(0, sum((score_of.get(p, Decimal(0)) for p in o.addresses), Decimal(0)), journey.id, file, o.id, o.description, o.kind, o.status, o.owner or step.owner, step.id, tuple(o.addresses))
        for _, step in steps
        for o in step.opportunities
    ]
    names = {p.id: p.name for p in journey.personas or ()}
    everyone = list(names) or [ANY_PERSONA]
    coverage: dict[str, set[str]] = {}
    for stage in journey.stages:
        if stage.phase is None:
            continue
        for step in stage.steps:
            for persona in step.personas if step.personas is not None else everyone:
                coverage.setdefault(persona, set()).add(stage.phase)
    teams = {t.id: t.name for t in journey.teams or ()}
    owners: dict[str, OwnerView] = {}

    def view(team: str | None) -> OwnerView | None:
        if team is None:
            return None
        if team not in owners:
            owners[team] = OwnerView(team, teams.get(team))
        return owners[team]

    if (v := view(journey.owner)) is not None:
        v.journeys.append(journey.id)
        if review.status == "overdue":
            v.overdue_journeys.append(journey.id)
    for _, step in steps:
        if (v := view(step.owner)) is not None:
            v.steps += 1
        for o in step.opportunities:
            if (v := view(o.owner or step.owner)) is not None:
                v.opportunities += 1
    for r in ranked:
        if (v := view(r.owner)) is not None:
            v.pain_points += 1
            if not r.addressed:
                v.unaddressed += 1
                v.unaddressed_severe += r.severity in ("high", "critical")
    return Part(row, ranked, backlog, coverage, names, owners)


def build(parts: list[Part], today: date) -> PortfolioReport:
    """The report of every part, in the order given (journeys keep it; rankings are sorted)."""
    pains = sorted(((p.row, r) for p in parts for r in p.pains), key=lambda x: ranking(x[1], x[0].file))
    backlog = sorted((b for p in parts for b in p.backlog), key=lambda b: (-b.score, b.file, b.id))
    names: dict[str, str] = {}
    cells: dict[tuple[str, str], list[str]] = {}
    owners: dict[str, OwnerView] = {}
    for p in parts:
        for persona, name in p.persona_names.items():
            names.setdefault(persona, name)
        for persona, phases in p.coverage.items():
            names.setdefault(persona, "any persona" if persona == ANY_PERSONA else persona)
            for phase in phases:
                cells.setdefault((persona, phase), []).append(p.row.id)
        for team, v in p.owners.items():
            total = owners.setdefault(team, OwnerView(team, v.name))
            total.name = total.name or v.name
            total.journeys += v.journeys
            total.overdue_journeys += v.overdue_journeys
            for key in ("steps", "pain_points", "opportunities", "unaddressed", "unaddressed_severe"):
                setattr(total, key, getattr(total, key) + getattr(v, key))
    personas = sorted(((k, v) for k, v in names.items() if k != ANY_PERSONA), key=lambda kv: kv[0])
    if ANY_PERSONA in names:
        personas.append((ANY_PERSONA, names[ANY_PERSONA]))
    return PortfolioReport(
        today=today,
        journeys=[p.row for p in parts],
        pains=[PortfolioPain(n, row.id, row.file, r) for n, (row, r) in enumerate(pains, 1)],
        backlog=[replace(b, rank=n) for n, b in enumerate(backlog, 1)],
        coverage=Coverage(PHASES, personas, cells),
        owners=[owners[t] for t in sorted(owners)],
    )


def portfolio(journeys: list[tuple[str, Journey]], settings: Any, today: date) -> PortfolioReport:
    """The report of journeys already read and valid: (file, journey) pairs."""
    return build([part(journey, file, settings, today) for file, journey in journeys], today)
