"""What each card of the poster says: steps, pain points, opportunities, metrics, heads and the header panel.

Every card is built once, at scale 1, from the journey alone (never from the
page), so the layout can try page widths without building them again.
Cross-references are short and global: pain points are ``P1``, ``P2``… and
opportunities ``O1``… in the order of the file, sources ``S1``… in the order
of ``sources``, so "Addresses P7" reads the same on any row or page. Whether
a pain point is addressed is ``verdicts.addressing`` (an opportunity planned,
in progress or done), as in `journey pains` and P003; an idea is named as an
idea, never as a fix. To add a
field to a lane, add a line to its builder; the layout sizes lanes from the
cards, whatever they hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..flow import Resolved
from ..model import Metric, Stage, Step
from ..verdicts import UNDER_WAY, addressing
from . import labels
from .cards import Card
from .geometry import BODY, CARD_PAD, GOAL, HEAD_W, HEADING, LANE_NAME, META, NAME, PILL, STAGE_NAME, SUBTITLE, THOUGHT, TITLE
from .parts import (
    EXIT_WORD,
    SEVERITY_ORDER,
    STATUS_ORDER,
    STATUS_WORDS,
    channel_name,
    flow_hint,
    meta_line,
    persona_names,
    severity_label,
    target_state,
    tooltip_for,
)
from .theme import Theme

LANES = {
    "steps": ("Steps", "touchpoint, channel, persona"),
    "emotion": ("Emotion", "how the customer feels"),
    "pains": ("Pain points", "by severity, numbered P1, P2 to cite them"),
    "opportunities": ("Opportunities", "with their status and the pain points they address"),
    "metrics": ("Metrics", "value against target"),
    "backstage": ("Backstage", "what the organisation does out of sight"),
    "support": ("Support", "systems and partners behind it"),
}
HIDDEN_LAYERS = ("backstage", "support")


@dataclass
class Refs:
    """The short names of pain points, opportunities and sources, and the status of every opportunity
    in the journey (drawn or not: a persona's view still knows what addresses its pain points)."""

    pains: dict[str, str]
    opportunities: dict[str, str]
    sources: dict[str, str]
    status: dict[str, str]

    @classmethod
    def of(cls, resolved: Resolved) -> Refs:
        pains: dict[str, str] = {}
        opportunities: dict[str, str] = {}
        for step_id in resolved.order:
            step = resolved.steps[step_id]
            for pain in step.pain_points:
                pains[pain.id] = f"P{len(pains) + 1}"
            for item in step.opportunities:
                opportunities[item.id] = f"O{len(opportunities) + 1}"
        sources = {source.id: f"S{n}" for n, source in enumerate(resolved.journey.sources, 1)}
        status = {o.id: o.status for _, step in resolved.journey.steps() for o in step.opportunities}
        return cls(pains, opportunities, sources, status)

    def name(self, ids: list[str]) -> str:
        """``O1, O3``, with the opportunities this view does not draw counted, not named."""
        drawn = [self.opportunities[o] for o in ids if o in self.opportunities]
        hidden = len(ids) - len(drawn)
        if hidden:
            drawn.append("an opportunity not drawn" if hidden == 1 else f"{hidden} opportunities not drawn")
        return ", ".join(drawn)

    def cite(self, sources: list[str]) -> str:
        return ", ".join(self.sources.get(s, s) for s in sources)


def step_card(resolved: Resolved, step: Step, theme: Theme, refs: Refs, reach: list[str] = ()) -> Card:
    """A step's card; ``reach``: its reach and drop-off in words (``dropoff.step_lines``), when the journey gives reach."""
    journey = resolved.journey
    card = Card(tooltip=tooltip_for(step))
    tags = []
    if step.moment_of_truth:
        tags.append(("MOMENT OF TRUTH", theme.star))
    if resolved.is_exit(step.id):
        tags.append((EXIT_WORD, theme.exit))
    if tags:
        card.add_pills(tags, PILL)
    card.add_text(step.name, NAME, theme.text, bold=True)
    if step.description:
        card.add_text(step.description, BODY, theme.text)
    channel = channel_name(journey, step.channel)
    if channel:
        card.add_text(f"Channel: {channel}", META, theme.muted)
    if step.layer == "frontstage":
        card.add_text(persona_names(journey, step.personas), META, theme.muted)
    if step.owner:
        card.add_text(f"Owner: {step.owner}", META, theme.muted)
    if step.thoughts:
        card.add_text(f"“{labels.clean(step.thoughts)}”", THOUGHT, theme.text, italic=True)
    hint = flow_hint(resolved, step.id)
    if hint:
        card.add_text(hint, META, theme.muted, italic=True)
    for number, line in enumerate(reach):
        card.add_text(line, META, theme.text, bold=number == 0)
    if step.sources:
        card.add_text(f"Evidence: {refs.cite(step.sources)}", META, theme.muted)
    return card


def pain_card(resolved: Resolved, step: Step, theme: Theme, refs: Refs) -> Card | None:
    if not step.pain_points:
        return None
    pains = sorted(step.pain_points, key=lambda p: SEVERITY_ORDER.index(p.severity))
    card = Card(tooltip="\n".join(f"{refs.pains[p.id]} {p.severity.upper()}: {p.description}" for p in pains))
    for number, pain in enumerate(pains):
        if number:
            card.add_gap(4)
        affected = f"{round(pain.affected * 100)}% affected" if pain.affected is not None else ""
        card.add_pills([(refs.pains[pain.id], theme.ref), (severity_label(pain.severity), theme.severity[pain.severity])], PILL, affected, theme.muted)
        card.add_text(pain.description, BODY, theme.text)
        line, caveat = _addressing_line(resolved.addressed_by.get(pain.id, []), refs)
        card.add_text(line, META, theme.muted, italic=caveat)
        if pain.sources:
            card.add_text(f"Evidence: {refs.cite(pain.sources)}", META, theme.muted)
        if pain.owner:
            card.add_text(f"Owner: {pain.owner}", META, theme.muted)
    return card


def _addressing_line(ids: list[str], refs: Refs) -> tuple[str, bool]:
    """What a pain card says of the opportunities naming it, and whether it is a caveat (drawn in italics):
    ``Addressed by O1`` only for work under way; ideas are called ideas."""
    ids = [o for o in ids if o in refs.status]
    verdict = addressing(refs.status[o] for o in ids)
    if verdict == "open":
        return "No opportunity addresses it", True
    ideas = [o for o in ids if refs.status[o] not in UNDER_WAY]
    ideas_named = f"{'idea' if len(ideas) == 1 else 'ideas'}: {refs.name(ideas)}"
    if verdict == "ideas":
        return f"Not addressed yet; {ideas_named}", True
    line = f"Addressed by {refs.name([o for o in ids if o not in ideas])}"
    return (f"{line}; {ideas_named}" if ideas else line), False


def opportunity_card(step: Step, theme: Theme, refs: Refs) -> Card | None:
    if not step.opportunities:
        return None
    items = sorted(step.opportunities, key=lambda o: -STATUS_ORDER.index(o.status))
    card = Card(tooltip="\n".join(f"{refs.opportunities[o.id]} {STATUS_WORDS[o.status]}: {o.description}" for o in items))
    for number, item in enumerate(items):
        if number:
            card.add_gap(4)
        kind = item.kind.replace("_", "-") if item.kind else ""
        card.add_pills([(refs.opportunities[item.id], theme.ref), (STATUS_WORDS[item.status], theme.status[item.status])], PILL, kind, theme.muted)
        card.add_text(item.description, BODY, theme.text)
        if item.addresses:
            named = ", ".join(refs.pains.get(p, p) for p in item.addresses)
            if item.status in UNDER_WAY:
                card.add_text(f"Addresses {named}", META, theme.text, bold=True)
            else:
                card.add_text(f"An idea for {named}", META, theme.muted, italic=True)
        if item.owner:
            card.add_text(f"Owner: {item.owner}", META, theme.muted)
    return card


def _number(value: float, unit: str | None) -> str:
    shown = f"{value:g}"
    if unit in ("%", "percent"):
        return f"{shown}%"
    return f"{shown} {labels.clean(unit)}" if unit else shown


def metric_card(step: Step, theme: Theme) -> Card | None:
    if not step.metrics:
        return None
    card = Card(tooltip="\n".join(_metric_line(m) for m in step.metrics))
    for number, metric in enumerate(step.metrics):
        if number:
            card.add_gap(4)
        state = target_state(metric)
        card.add_pills([theme.target_pill(state)], PILL)
        card.add_text(metric.name or metric.id, META + 0.5, theme.text, bold=True)
        card.add_text(_against_target(metric), META, theme.text)
    return card


def _metric_line(metric: Metric) -> str:
    return f"{metric.name or metric.id}: {_against_target(metric)}"


def _against_target(metric: Metric) -> str:
    line = _number(metric.value, metric.unit)
    if metric.target is not None:
        line += f", target {_number(metric.target, metric.unit)}"
    if metric.better:
        line += f" ({metric.better} is better)"
    return line


def lane_head(lane: str, theme: Theme) -> Card:
    name, note = LANES[lane]
    head = Card(width=HEAD_W - 2 * CARD_PAD - 8)
    head.add_text(name, LANE_NAME, theme.text, bold=True)
    if lane != "emotion":  # its scale speaks for itself
        head.add_text(note, META, theme.muted, italic=True)
    return head


def stage_head(stage: Stage, width: float, theme: Theme, part: int, parts: int) -> Card:
    card = Card(tooltip=" — ".join(x for x in (stage.name, stage.goal, stage.description) if x), width=width - 2 * CARD_PAD - 8)
    name = stage.name if parts == 1 else f"{labels.clean(stage.name)} ({part} of {parts}{', continued' if part > 1 else ''})"
    card.add_text(name, STAGE_NAME, theme.text, bold=True)
    if stage.goal:
        card.add_text(f"Goal: {labels.clean(stage.goal)}", GOAL, theme.text, italic=True)
    if stage.description and part == 1:
        card.add_text(stage.description, META, theme.muted)
    return card


def title_card(resolved: Resolved, width: float, theme: Theme, page: int, pages: int) -> Card:
    """The title block: in full on the first page, the title and page number on the others."""
    journey = resolved.journey
    card = Card(tooltip=journey.description or journey.title, width=width - 2 * CARD_PAD - 8)
    suffix = f" (page {page} of {pages})" if pages > 1 else ""
    card.add_text(f"{labels.clean(journey.title)}{suffix}", TITLE if page == 1 else SUBTITLE + 3, theme.text, bold=True)
    if page == 1 and journey.description:
        card.add_text(journey.description, SUBTITLE, theme.text)
    card.add_text(meta_line(resolved), SUBTITLE, theme.muted, bold=True)
    return card


def panels(resolved: Resolved, width: float, theme: Theme) -> list[Card]:
    """The header panels of the first page: objectives, the persona drawn, the sources cited."""
    journey = resolved.journey
    found: list[tuple[str, list[str], str]] = []
    if journey.objectives:
        found.append(("Objectives", journey.objectives, ""))
    if resolved.persona is not None:
        persona = next((p for p in journey.personas or () if p.id == resolved.persona), None)
        if persona is not None:
            lines = [f"Goal: {g}" for g in persona.goals] + [f"Frustration: {f}" for f in persona.frustrations]
            found.append((f"Persona: {persona.name}", lines, persona.description or ""))
    if journey.sources:
        refs = Refs.of(resolved)
        lines = [f"{refs.sources[s.id]} {s.kind.replace('_', ' ')}: {s.title}{f' ({s.date.isoformat()})' if s.date else ''}" for s in journey.sources]
        found.append(("Evidence", lines, ""))
    if not found:
        return []
    gap = 12
    each = (width - gap * (len(found) - 1)) / len(found)
    out = []
    for heading, lines, intro in found:
        card = Card(width=each - 2 * CARD_PAD - 8)
        card.add_text(heading, HEADING, theme.text, bold=True)
        if intro:
            card.add_text(intro, META, theme.muted, italic=True)
        for line in lines:
            card.add_text(f"• {labels.clean(line)}", BODY, theme.text)
        out.append(card)
    return out
