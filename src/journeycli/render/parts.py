"""Pieces both views share: the words and marks for emotion, severity and
status, the title and meta line, and small HTML-label builders.

Everything that turns user text into label markup goes through ``text()`` or
``lines()`` here, which escape it (see ``labels``); the builders take only our
own markup or already-escaped text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..flow import Resolved
from ..model import Journey, Metric, Step
from . import labels
from .theme import Pill

EMOTION_WORDS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}
SEVERITY_ORDER = ("critical", "high", "medium", "low")
SEVERITY_MARKS = {"critical": "!!!!", "high": "!!!", "medium": "!!", "low": "!"}
STATUS_ORDER = ("idea", "planned", "in_progress", "done")
STATUS_WORDS = {"idea": "IDEA", "planned": "PLANNED", "in_progress": "IN PROGRESS", "done": "DONE"}
EXIT_WORD = "■ EXIT"
"""The mark of a step where the customer leaves: on its card and where its emotion line ends."""
TARGET_WORDS = {"on": "● ON TARGET", "off": "▲ OFF TARGET", "none": "NO TARGET"}
"""A metric against its target: a shape and a word, never a colour alone."""
LINE_SPACING = 1.2
"""Graphviz sets lines ``fontsize × 1.2`` apart; our height sums use the same."""


@dataclass
class Drawing:
    """A journey drawn as DOT, with what the SVG post-processing needs to know."""

    source: str
    layout: str  # "neato": positions are ours, run with -n2; "dot": Graphviz lays it out
    title: str
    description: str
    stage_groups: dict[str, tuple[str, str]] = field(default_factory=dict)  # SVG <title> -> (stage id, stage name)
    size: tuple[float, float] | None = None  # width and height in points, when known before the layout (the map)


def emotion_number(emotion: int) -> str:
    """``−2``, ``0``, ``+1``: a true minus sign, and a plus so that the sign is never only a colour."""
    return "0" if emotion == 0 else f"{'+' if emotion > 0 else '−'}{abs(emotion)}"


def target_state(metric: Metric) -> str:
    """``on`` or ``off`` target by the metric's ``better`` direction, ``none`` when it cannot be judged."""
    if metric.target is None or metric.better is None:
        return "none"
    worse = metric.value < metric.target if metric.better == "higher" else metric.value > metric.target
    return "off" if worse else "on"


def severity_label(severity: str) -> str:
    return f"{SEVERITY_MARKS[severity]} {severity.upper()}"


def channel_name(journey: Journey, channel: str | None) -> str | None:
    if channel is None:
        return None
    for declared in journey.channels or ():
        if declared.id == channel:
            return declared.name
    return channel


def persona_names(journey: Journey, personas: list[str] | None) -> str:
    if personas is None:
        return "All personas"
    names = {p.id: p.name for p in journey.personas or ()}
    return ", ".join(names.get(p, p) for p in personas) or "No persona"


def persona_name(journey: Journey, persona: str) -> str:
    return next((p.name for p in journey.personas or () if p.id == persona), persona)


def meta_line(resolved: Resolved, separator: str = "   ·   ") -> str:
    """Owner, review date, persona and size: the line under the title (plain text, not escaped)."""
    journey = resolved.journey
    stages = len(journey.stages)
    steps = len(resolved.order)
    parts = [
        f"Owner: {journey.owner or 'not set'}",
        f"Last reviewed: {journey.last_reviewed.isoformat() if journey.last_reviewed else 'never'}",
        f"Persona: {persona_name(journey, resolved.persona) if resolved.persona else 'all personas'}",
        f"{steps} step{'' if steps == 1 else 's'} in {stages} stage{'' if stages == 1 else 's'}",
    ]
    return separator.join(parts)


def description(resolved: Resolved) -> str:
    """The text for the SVG ``<desc>``: what the picture shows, for screen readers."""
    journey = resolved.journey
    text = f"Customer journey map: {labels.clean(journey.title)}. {meta_line(resolved, '; ')}."
    if journey.description:
        text += f" {labels.clean(journey.description)}"
    return text


def flow_hint(resolved: Resolved, step_id: str) -> str | None:
    """Where the flow goes from a step, when it is not simply the next column."""
    targets = resolved.successors[step_id]
    position = resolved.index[step_id]
    if not targets:
        return "Exit: the journey ends here" if position == len(resolved.order) - 1 else "Exit: the customer leaves"
    if len(targets) == 1 and resolved.index[targets[0]] == position + 1:
        return None
    names = [labels.clean(resolved.steps[t].name) for t in targets]
    back = [t for t in targets if resolved.index[t] <= position]
    if len(targets) == 1 and back:
        return f"Back to: {names[0]}"
    return f"Next: {' | '.join(names)}"


# -- HTML-like label markup ----------------------------------------------------------


def text(value: str, size: float, color: str, bold: bool = False, italic: bool = False) -> str:
    """One run of escaped user (or our) text in a font."""
    body = labels.html_text(value)
    if bold:
        body = f"<b>{body}</b>"
    if italic:
        body = f"<i>{body}</i>"
    return f'<font point-size="{size:g}" color="{color}">{body}</font>'


def lines(rows: list[str], size: float, color: str, bold: bool = False, italic: bool = False) -> str:
    """Several lines of text, left-aligned, each escaped."""
    return '<br align="left"/>'.join(text(row, size, color, bold, italic) for row in rows) + '<br align="left"/>'


def pill(word: str, colours: Pill, size: float) -> str:
    """A filled table cell holding a short word of ours (a severity, a status…)."""
    return (
        f'<td bgcolor="{colours.fill}" cellpadding="2" border="1" color="{colours.text if colours.border else colours.fill}">'
        f"{text(word, size, colours.text, bold=True)}</td>"
    )


def block_height(count: int, size: float) -> float:
    """Height of ``count`` lines set at ``size`` points."""
    return count * size * LINE_SPACING


def tooltip_for(step: Step) -> str:
    """The full text of a step, for the tooltip that keeps what a label had to cut."""
    parts = [step.name]
    if step.description:
        parts.append(step.description)
    if step.thoughts:
        parts.append(f"“{step.thoughts}”")
    return " — ".join(parts)
