"""The journey file format, version 1, as Pydantic models.

These models are the single source of the format: validation, the JSON Schema
in ``schemas/`` and the format reference in the docs are all generated from
them. Every field carries a description and an example because editors show
them as completion and hover help.

Models are strict (a name is never silently built from a number) and accept
extra keys only so that ``x-…`` extension data is kept; unknown keys that do
not start with ``x-`` are reported by ``validation`` with their position.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .dates import parse_iso_date
from .ids import ID_MAX_LENGTH, ID_PATTERN

Severity = Literal["low", "medium", "high", "critical"]
Layer = Literal["frontstage", "backstage", "support"]
SourceKind = Literal["survey", "interview", "analytics", "support_tickets", "usability_test", "other"]
OpportunityKind = Literal["fix", "improvement", "upsell", "cross_sell", "operational"]
OpportunityStatus = Literal["idea", "planned", "in_progress", "done"]
Direction = Literal["higher", "lower"]
Phase = Literal["awareness", "consideration", "purchase", "onboarding", "usage", "support", "retention", "advocacy"]
"""The customer-lifecycle vocabulary a stage may name, so a portfolio can tell which phases its maps cover."""
JourneyState = Literal["current", "future"]


def _iso_date(value: Any) -> Any:
    """YAML dates arrive as ``date``; quoted ones as text, which must be YYYY-MM-DD."""
    if isinstance(value, datetime):
        raise PydanticCustomError("date_only", "a date without a time of day is expected")
    if isinstance(value, str):
        day = parse_iso_date(value)
        if day is None:
            raise PydanticCustomError("date_text", "a date written as YYYY-MM-DD is expected")
        return day
    return value


def _no_unknown_keys(schema: dict[str, Any]) -> None:
    schema["additionalProperties"] = False
    schema["patternProperties"] = {"^x-": {"description": "Free extension data: kept, never checked."}}


Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        min_length=1,
        max_length=ID_MAX_LENGTH,
        description="Lowercase letters, digits, `-` and `_`, starting with a letter or digit; at most 64 characters.",
    ),
]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _reach_shape(value: Any) -> Any:
    """One clear message for a reach of the wrong shape, instead of one per member of the union."""
    numbers = list(value.values()) if isinstance(value, dict) else [value]
    if not all(isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) and n >= 0 for n in numbers):
        raise PydanticCustomError("reach", "a share from 0 to 1, a count of customers, or a mapping of persona ids to them is expected")
    return value


ReachNumber = Annotated[int | float, Field(ge=0)]  # a count stays a whole number
Reach = Annotated[
    ReachNumber | dict[str, ReachNumber],
    BeforeValidator(_reach_shape),
]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", allow_inf_nan=False, json_schema_extra=_no_unknown_keys)


class Persona(_Model):
    """A customer type the journey follows."""

    id: Id = Field(description="Unique among personas; steps name it in `personas`.", examples=["bargain-hunter"])
    name: str = Field(description="How the team calls this persona.", examples=["Bargain hunter"])
    description: str | None = Field(None, description="Who they are, in a sentence or two.", examples=["Price-sensitive, compares shops."])
    goals: list[str] = Field(default_factory=list, description="What this persona wants to achieve.", examples=[["Pay as little as possible"]])
    frustrations: list[str] = Field(
        default_factory=list, description="What typically annoys this persona.", examples=[["Hidden shipping costs"]]
    )


class Channel(_Model):
    """A medium through which the customer meets the service (web, phone, store…)."""

    id: Id = Field(description="Unique among channels; steps name it in `channel`.", examples=["web"])
    name: str = Field(description="Display name of the channel.", examples=["Web shop"])


class Source(_Model):
    """A piece of research evidence: steps and pain points cite it in `sources`."""

    id: Id = Field(description="Unique among sources.", examples=["survey-q2"])
    kind: SourceKind = Field("other", description="What kind of research this is.", examples=["survey"])
    title: str = Field(description="What the source is, with its size if it has one.", examples=["Q2 checkout survey (n=412)"])
    date: IsoDate | None = Field(None, description="When the research was done (YYYY-MM-DD).", examples=["2026-06-30"])
    url: str | None = Field(None, description="Where to read it.", examples=["https://example.com/survey-q2"])


class Team(_Model):
    """A team that owns journeys, steps, pain points or opportunities; once declared, `owner` fields must name one."""

    id: Id = Field(description="Unique among teams; `owner` fields name it.", examples=["checkout-team"])
    name: str = Field(description="Display name of the team.", examples=["Checkout squad"])
    description: str | None = Field(None, description="What the team looks after.", examples=["Cart, payment and delivery options."])


class PartOf(_Model):
    """The journey (and optionally its stage or step) that this journey details."""

    journey: Id = Field(description="Id of the journey this one details.", examples=["onboarding"])
    stage: Id | None = Field(None, description="Id of the stage of that journey this one details.", examples=["verify"])
    step: Id | None = Field(None, description="Id of the step of that journey this one details.", examples=["verify-identity"])


class Metric(_Model):
    """A KPI measured at a step, optionally with a target and a direction."""

    id: Id = Field(description="Unique within its step.", examples=["bounce-rate"])
    name: str | None = Field(None, description="Display name of the metric.", examples=["Bounce rate"])
    value: float = Field(description="The current value.", examples=[0.41])
    target: float | None = Field(None, description="The value the team aims for.", examples=[0.3])
    unit: str | None = Field(None, description="Free text: ratio, %, seconds, NPS…", examples=["ratio"])
    better: Direction | None = Field(
        None, description="Which direction is an improvement; needed to tell whether the target is missed.", examples=["lower"]
    )
    as_of: IsoDate | None = Field(None, description="When `value` was measured (YYYY-MM-DD).", examples=["2026-09-30"])


class PainPoint(_Model):
    """Something that hurts the customer at a step."""

    id: Id = Field(description="Unique across the journey; opportunities name it in `addresses`.", examples=["hidden-shipping"])
    description: str = Field(description="What goes wrong, from the customer's side.", examples=["Shipping cost appears only at the last step."])
    severity: Severity = Field("medium", description="How badly it hurts.", examples=["high"])
    affected: float | None = Field(None, ge=0, le=1, description="Share of customers affected, from 0 to 1.", examples=[0.35])
    sources: list[str] = Field(default_factory=list, description="Ids of the sources that show it.", examples=[["survey-q2"]])
    owner: str | None = Field(None, description="Team responsible for fixing it.", examples=["checkout-team"])


class Opportunity(_Model):
    """A way to improve the journey, usually by addressing pain points."""

    id: Id = Field(description="Unique across the journey.", examples=["show-shipping-early"])
    description: str = Field(description="What would be done.", examples=["Show shipping estimate on product pages."])
    addresses: list[str] = Field(
        default_factory=list, description="Ids of the pain points (anywhere in the journey) it addresses.", examples=[["hidden-shipping"]]
    )
    kind: OpportunityKind | None = Field(None, description="What sort of change it is.", examples=["fix"])
    status: OpportunityStatus = Field("idea", description="How far it has come.", examples=["planned"])
    owner: str | None = Field(None, description="Team driving it.", examples=["checkout-team"])


class Step(_Model):
    """One thing the customer (or the organisation, backstage) does at a touchpoint."""

    id: Id = Field(description="Unique across the journey; `next` names it.", examples=["compare-prices"])
    name: str = Field(description="Short name of the step, as a verb phrase.", examples=["Compares prices"])
    description: str | None = Field(None, description="What happens in this step.", examples=["Opens three shops in tabs."])
    channel: str | None = Field(None, description="The channel id (free text when `channels` is not declared).", examples=["web"])
    personas: list[str] | None = Field(
        None, description="Persona ids that take this step; absent means every persona.", examples=[["bargain-hunter"]]
    )
    owner: str | None = Field(None, description="Team responsible for this touchpoint.", examples=["marketing"])
    layer: Layer = Field(
        "frontstage", description="Frontstage (the customer sees it), backstage or support, as in a service blueprint.", examples=["frontstage"]
    )
    emotion: int | None = Field(
        None, ge=-2, le=2, description="The customer's feeling, from -2 (very negative) to +2 (very positive).", examples=[0]
    )
    thoughts: str | None = Field(None, description="What the customer thinks here, in their words.", examples=["Is shipping included?"])
    moment_of_truth: bool = Field(False, description="A moment that matters most to the customer.", examples=[False])
    sources: list[str] = Field(default_factory=list, description="Ids of the sources behind this step.", examples=[["survey-q2"]])
    metrics: list[Metric] = Field(
        default_factory=list,
        description="KPIs measured at this step.",
        examples=[[{"id": "bounce-rate", "name": "Bounce rate", "value": 0.41, "target": 0.3, "better": "lower"}]],
    )
    pain_points: list[PainPoint] = Field(
        default_factory=list,
        description="What hurts the customer here.",
        examples=[[{"id": "hidden-shipping", "description": "Shipping cost appears only at the last step.", "severity": "high"}]],
    )
    opportunities: list[Opportunity] = Field(
        default_factory=list,
        description="Ways to improve this step or others.",
        examples=[[{"id": "show-shipping-early", "description": "Show shipping on product pages.", "addresses": ["hidden-shipping"]}]],
    )
    next: list[str] | None = Field(
        None,
        description="Step ids this step leads to, replacing the default (the next step in the file): several ids "
        "branch, an earlier id loops, `[]` is an exit.",
        examples=[["add-to-cart"]],
    )
    reach: Reach | None = Field(
        None,
        description="How many of the journey's entrants get to this step: a share from 0 to 1, or a count of customers when "
        "the journey declares `entrants`. Per persona: a mapping of persona ids (and `default` for the others) to those numbers.",
        examples=[0.62, {"default": 0.6, "busy-parent": 0.4}],
    )
    reach_source: str | None = Field(None, description="Id of the source the reach comes from; default: the journey's `reach_source`.", examples=["funnel-q3"])
    reach_as_of: IsoDate | None = Field(None, description="When the reach was measured (YYYY-MM-DD); default: the journey's `reach_as_of`.", examples=["2026-09-30"])


class Stage(_Model):
    """A phase of the journey (awareness, consideration, purchase…), in journey order."""

    id: Id = Field(description="Unique among stages.", examples=["consideration"])
    name: str = Field(description="Display name of the stage.", examples=["Consideration"])
    description: str | None = Field(None, description="What this stage covers.", examples=["Compares offers."])
    goal: str | None = Field(None, description="The customer's goal in this stage.", examples=["Find the best price"])
    phase: Phase | None = Field(None, description="The customer-lifecycle phase this stage belongs to, for portfolio coverage.", examples=["consideration"])
    steps: list[Step] = Field(
        default_factory=list, description="The steps of this stage, in order.", examples=[[{"id": "compare-prices", "name": "Compares prices", "emotion": 0}]]
    )


class Journey(_Model):
    """A customer journey map: one customer's way through ordered stages."""

    format: Literal[1] = Field(description="Version of the journey file format; the only version is 1.", examples=[1])
    id: Id = Field(description="Identifies the journey.", examples=["online-checkout"])
    title: str = Field(description="Display title of the map.", examples=["Online checkout"])
    description: str | None = Field(None, description="What the journey covers.", examples=["Returning shoppers buying from the web shop."])
    owner: str | None = Field(None, description="Team accountable for the map.", examples=["growth-team"])
    tags: list[str] = Field(default_factory=list, description="Free labels for finding maps.", examples=[["ecommerce", "web"]])
    objectives: list[str] = Field(
        default_factory=list, description="What the mapping exercise should achieve.", examples=[["Cut cart abandonment below 55%"]]
    )
    last_reviewed: IsoDate | None = Field(None, description="When the map was last checked against reality (YYYY-MM-DD).", examples=["2026-09-01"])
    review_interval_months: int = Field(12, ge=1, description="How often the map should be reviewed, in months.", examples=[6])
    entrants: int | None = Field(
        None, ge=1, description="How many customers enter the journey; step `reach` is then a count of customers, not a share.", examples=[212000]
    )
    reach_source: str | None = Field(None, description="Id of the source of the steps' reach, for steps that do not name their own.", examples=["funnel-q3"])
    reach_as_of: IsoDate | None = Field(None, description="When the steps' reach was measured, for steps that do not say (YYYY-MM-DD).", examples=["2026-09-30"])
    uses: list[str] = Field(
        default_factory=list,
        description="Library files (paths or globs, relative to this file) whose personas, channels, sources and teams this journey refers to.",
        examples=[["../shared/customers.library.yaml"]],
    )
    state: JourneyState = Field("current", description="Whether the map shows the journey as it is today or as it should become.", examples=["future"])
    future_of: Id | None = Field(None, description="For a future-state map: the id of the current-state journey it redesigns.", examples=["online-checkout"])
    part_of: PartOf | None = Field(
        None, description="The journey (stage or step) this journey details.", examples=[{"journey": "onboarding", "step": "verify-identity"}]
    )
    teams: list[Team] | None = Field(
        None, description="Teams that own parts of the journey. When declared here or in a library, `owner` fields must name one.", examples=[[{"id": "checkout-team", "name": "Checkout squad"}]]
    )
    personas: list[Persona] | None = Field(
        None,
        description="The customers this journey follows. When absent, step `personas` are free text.",
        examples=[[{"id": "bargain-hunter", "name": "Bargain hunter"}]],
    )
    channels: list[Channel] | None = Field(
        None, description="Channels used. When absent, step `channel` is free text.", examples=[[{"id": "web", "name": "Web shop"}]]
    )
    sources: list[Source] = Field(
        default_factory=list,
        description="Research evidence cited by steps and pain points.",
        examples=[[{"id": "survey-q2", "kind": "survey", "title": "Q2 checkout survey (n=412)"}]],
    )
    stages: list[Stage] = Field(
        min_length=1,
        description="The stages, in journey order; at least one.",
        examples=[[{"id": "consideration", "name": "Consideration", "steps": [{"id": "compare-prices", "name": "Compares prices"}]}]],
    )

    def steps(self) -> list[tuple[Stage, Step]]:
        """Every step with its stage, in document order."""
        return [(stage, step) for stage in self.stages for step in stage.steps]
