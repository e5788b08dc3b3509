"""The pain-point report: every pain point scored and ranked, and each stage's hotspot figures.

This module computes; it never prints (the format modules beside it write).

The score of a pain point is the product of four factors:

    score = severity weight × affected × moment-of-truth factor × emotion factor

- severity weight: low 1, medium 2, high 4, critical 8 (each level hurts about
  twice as much as the one below);
- affected: the pain point's share of customers affected, 0 … 1. When the file
  does not say, 0.5 is used and the row is marked "affected: estimated";
- moment-of-truth factor: 1.5 when the step is a ``moment_of_truth``, else 1;
- emotion factor: 1 + 0.25 × max(0, −emotion) for the step's emotion, so −2
  gives 1.5, −1 gives 1.25, and no emotion or an emotion of 0 or more gives 1.

Example: a critical pain point affecting 40% of customers on a moment of truth
whose emotion is −2 scores 8 × 0.4 × 1.5 × 1.5 = 7.2; the highest possible
score is 8 × 1 × 1.5 × 1.5 = 18.

The score is computed exactly in decimal (0.1 is 0.1, not a binary
approximation), so equal scores really are equal and the tie-breaks decide:
pain points are sorted by score (highest first), then severity (worst first),
then file, then pain point id. Scores are shown rounded half-up to two decimals.
A rank is the position among every pain point of the view, before ``--unaddressed``
and ``--top`` leave some out, so a rank means the same with or without filters.
With ``--weight-by-drop-off`` the rows are ranked again by the score weighted by
the customers lost at their step (``drop_off``).

Hotspots: for every stage of the view (with a persona, the stages the persona
takes no step in are left out) the mean emotion of its steps that have one, the
number of pain points, the worst step (lowest emotion; ties go to the step with
more pain points, then to the earlier step; none when no step has an emotion),
and whether lint rule P006 calls the stage a hotspot (``verdicts``): mean
emotion below 0, at least ``hotspot_pain_count`` pain points (3 unless the
configuration says otherwise), or a critical pain point. Hotspots describe the
stage: the filters do not change them.

A pain point is addressed when an opportunity naming it is planned, in
progress or done (``verdicts.addressing``); one with only ideas is not, and
is told apart from one with none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from ..flow import Resolved, check_persona, resolve
from ..model import Journey, Opportunity, Step
from ..verdicts import AddressingVerdict, addressing, stage_figures
from .drop_off import Lost, lost_by_step

SEVERITY_WEIGHT = {"low": 1, "medium": 2, "high": 4, "critical": 8}
ESTIMATED_AFFECTED = Decimal("0.5")
MOMENT_OF_TRUTH_FACTOR = Decimal("1.5")
EMOTION_FACTOR_PER_POINT = Decimal("0.25")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Addressing:
    """An opportunity that addresses a pain point, and how far it has come."""

    id: str
    status: str


@dataclass(frozen=True)
class RankedPain:
    """One pain point with its score, rank and the facts the report shows beside it."""

    rank: int
    score: Decimal  # exact; ``shown_score`` is what people read
    severity: str
    id: str
    description: str
    stage: str
    stage_name: str
    step: str
    step_name: str
    owner: str | None  # the pain point's owner, else the step's
    sources: tuple[str, ...]
    addressed_by: tuple[Addressing, ...]
    affected: Decimal  # the share used in the score: ESTIMATED_AFFECTED when the file gives none
    affected_estimated: bool
    moment_of_truth: bool
    emotion: int | None
    lost: Lost | None = None  # with --weight-by-drop-off: the customers lost at the step
    weighted: Decimal | None = None  # score × percentage of entrants lost; None when ``lost`` is unknown

    @property
    def shown_score(self) -> Decimal:
        return round_score(self.score)

    @property
    def addressing(self) -> AddressingVerdict:
        """``addressed`` (an opportunity under way), ``ideas`` (only ideas) or ``open`` (none)."""
        return addressing(a.status for a in self.addressed_by)

    @property
    def addressed(self) -> bool:
        return self.addressing == "addressed"


@dataclass(frozen=True)
class Hotspot:
    """One stage's pain figures, as P006 judges them."""

    stage: str
    name: str
    mean_emotion: Decimal | None  # rounded half-up to two decimals
    pain_count: int
    worst_step: str | None
    worst_step_name: str | None
    reasons: tuple[str, ...]  # why it is a hotspot, in P006's words; empty when it is not

    @property
    def hotspot(self) -> bool:
        return bool(self.reasons)


@dataclass(frozen=True)
class PainReport:
    """The report of one journey file."""

    file: str
    journey: str
    title: str
    persona: str | None
    pain_points: list[RankedPain]  # after the filters
    hotspots: list[Hotspot]
    total: int  # pain points in the view, before the filters
    unaddressed: int  # of those, how many no opportunity under way addresses
    ideas_only: int  # of the unaddressed, how many have ideas
    weighted: bool = False  # ranked by the score weighted by drop-off (``drop_off``)


def round_score(score: Decimal) -> Decimal:
    return score.quantize(_CENT, rounding=ROUND_HALF_UP)


def emotion_factor(emotion: int | None) -> Decimal:
    """1 + 0.25 per point of negative emotion; neutral, positive or unknown emotion changes nothing."""
    return 1 + EMOTION_FACTOR_PER_POINT * max(0, -(emotion or 0))


def score(severity: str, affected: Decimal, moment_of_truth: bool, emotion: int | None) -> Decimal:
    """severity weight × affected × (1.5 on a moment of truth) × emotion factor, exactly."""
    mot = MOMENT_OF_TRUTH_FACTOR if moment_of_truth else Decimal(1)
    return SEVERITY_WEIGHT[severity] * affected * mot * emotion_factor(emotion)


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))  # the number as written in the file, not its binary approximation


def rank(resolved: Resolved, file: str) -> list[RankedPain]:
    """Every pain point of the view, scored, best-ranked (worst pain) first."""
    opportunities: dict[str, Opportunity] = {o.id: o for _, step in resolved.journey.steps() for o in step.opportunities}
    rows = []
    for stage, step, pain in resolved.pain_points():
        estimated = pain.affected is None
        affected = ESTIMATED_AFFECTED if pain.affected is None else _decimal(pain.affected)
        rows.append(
            RankedPain(
                rank=0,
                score=score(pain.severity, affected, step.moment_of_truth, step.emotion),
                severity=pain.severity,
                id=pain.id,
                description=pain.description,
                stage=stage.id,
                stage_name=stage.name,
                step=step.id,
                step_name=step.name,
                owner=pain.owner or step.owner,
                sources=tuple(pain.sources),
                addressed_by=tuple(
                    Addressing(o, opportunities[o].status) for o in resolved.addressed_by.get(pain.id, []) if o in opportunities
                ),
                affected=affected,
                affected_estimated=estimated,
                moment_of_truth=step.moment_of_truth,
                emotion=step.emotion,
            )
        )
    rows.sort(key=lambda r: ranking(r, file))
    return [replace(row, rank=n) for n, row in enumerate(rows, 1)]


def ranking(row: RankedPain, file: str) -> tuple:
    """The order of the ranking: score (highest first), severity (worst first), file, pain point id."""
    return (-row.score, -SEVERITY_WEIGHT[row.severity], file, row.id)


def weigh(rows: list[RankedPain], resolved: Resolved, file: str) -> list[RankedPain]:
    """The rows weighted by the customers lost at their steps and ranked again: weighted score (highest
    first), then the usual order; rows whose loss is unknown after all the others, in their usual order."""
    lost = lost_by_step(resolved)
    weighed = []
    for row in rows:
        at = lost[row.step]
        weighed.append(replace(row, lost=at, weighted=None if at.percent is None else row.score * at.percent))
    weighed.sort(key=lambda r: (r.weighted is None, -(r.weighted or 0), *ranking(r, file)))
    return [replace(row, rank=n) for n, row in enumerate(weighed, 1)]


def _worst(steps: list[Step]) -> Step | None:
    felt = [s for s in steps if s.emotion is not None]
    # min() keeps the first of equals, so a full tie goes to the earlier step
    return min(felt, key=lambda s: (s.emotion, -len(s.pain_points)), default=None)


def hotspots(resolved: Resolved, hotspot_pain_count: int) -> list[Hotspot]:
    """Each stage's mean emotion, pain count, worst step and P006 verdict, in journey order."""
    found = []
    for figures in stage_figures(resolved):
        if resolved.persona is not None and not figures.steps:
            continue  # the persona never enters this stage
        mean = figures.mean_emotion
        worst = _worst(figures.steps)
        found.append(
            Hotspot(
                stage=figures.stage.id,
                name=figures.stage.name,
                mean_emotion=None if mean is None else mean.quantize(_CENT, rounding=ROUND_HALF_UP),
                pain_count=figures.pain_count,
                worst_step=worst.id if worst else None,
                worst_step_name=worst.name if worst else None,
                reasons=tuple(figures.hotspot_reasons(hotspot_pain_count)),
            )
        )
    return found


def report(
    journey: Journey,
    file: str,
    *,
    persona: str | None = None,
    top: int | None = None,
    unaddressed: bool = False,
    hotspot_pain_count: int = 3,
    weight_by_drop_off: bool = False,
) -> PainReport:
    """The pain report of one valid journey; ``top`` and ``unaddressed`` filter the ranked list only."""
    if persona is not None:
        check_persona(journey, persona, file)
    resolved = resolve(journey, persona)
    ranked = rank(resolved, file)
    if weight_by_drop_off:
        ranked = weigh(ranked, resolved, file)
    open_pains = [row for row in ranked if not row.addressed]
    shown = open_pains if unaddressed else ranked
    if top is not None:
        shown = shown[:top]
    return PainReport(
        file=file,
        journey=journey.id,
        title=journey.title,
        persona=persona,
        pain_points=shown,
        hotspots=hotspots(resolved, hotspot_pain_count),
        total=len(ranked),
        unaddressed=len(open_pains),
        ideas_only=sum(1 for row in open_pains if row.addressing == "ideas"),
        weighted=weight_by_drop_off,
    )
