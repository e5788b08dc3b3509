"""`journey show`: the journey map in the terminal, stages side by side.

Layout: the title; owner, review date and size; an emotion sparkline across
the journey (one block per step, ``▁`` -2 … ``▇`` +2, ``·`` without emotion,
stages separated by a space); then one column per stage. Each step shows its
name, its emotion as a number and a face, channel, its reach when the journey
gives reach (``docs/funnel.md``), pain points (``⚠`` and severity, and
*not addressed* or *only ideas* when no opportunity under way addresses one:
``verdicts.addressing``), opportunities (``→`` and status), and where the flow
branches or leaves (``↪``). Descriptions wrap inside their column, under
their own first word. ``--compact`` keeps only emotions and names.

Columns never get narrower than ``MIN_COLUMN`` cells (``MIN_COMPACT`` in the
compact view): when the terminal is too narrow for every stage, the stages
wrap into tables stacked one below the other (six stages on 80 columns: three
tables of two; on a very narrow terminal one stage per table, so the stages
become rows). The stage names are the table's first row, not Rich's header
(which bottom-aligns), so a long name that wraps leaves the others on the top
line. Rich measures text in terminal cells, so CJK names and emoji keep the
borders aligned.

Text from the file goes through ``printable`` before Rich measures it: a bidi
or control character would otherwise count as no cell in the layout and one
on the screen, pushing a border out.

Colour only on a terminal without ``NO_COLOR`` (``terminal.use_rich``);
anywhere else the same layout is printed without a single escape code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .flow import Resolved
from .model import Stage, Step
from .presentation.symbols import FACES, NO_EMOTION, SPARKS, emotion_label, words
from .presentation.terminal import printable
from .verdicts import AddressingVerdict, addressing_of

MIN_COLUMN = 28
"""Narrowest stage column, in cells; below this, stages stack instead (room for a description to read as a sentence)."""
MIN_COMPACT = 18
"""The same for ``--compact``, which shows only emotions and names."""

_FRAME = 3  # cells a column adds around its text: one border and two padding
EMOTION_STYLE = {-2: "bold red", -1: "red", 0: "yellow", 1: "green", 2: "bold green"}
SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "dim"}
STATUS_STYLE = {"done": "green", "in_progress": "cyan", "planned": "blue", "idea": "dim"}


def _style(emotion: int | None) -> str:
    return "dim" if emotion is None else EMOTION_STYLE[emotion]


def _emotion(emotion: int | None) -> Text:
    """The emotion as number and face; the style sits on the span so text appended later stays unstyled."""
    return Text.assemble((emotion_label(emotion), _style(emotion)))


def sparkline(resolved: Resolved) -> Text:
    """The emotion of every step the view walks, one block each, stages separated by a space."""
    line = Text.assemble(("emotion ", "bold"))
    for n, stage in enumerate(resolved.journey.stages):
        if n:
            line.append(" ")
        for step in stage.steps:
            if step.id in resolved.index:
                line.append(NO_EMOTION if step.emotion is None else SPARKS[step.emotion], style=_style(step.emotion))
    return line


def _legend(resolved: Resolved, width: int) -> Text:
    """What the blocks mean, and the step where the customer feels worst."""
    parts = ["  ".join(f"{SPARKS[e]} {e:+d}" if e else f"{SPARKS[0]} 0" for e in sorted(FACES)) + f"  {NO_EMOTION} none"]
    felt = [resolved.steps[s] for s in resolved.order if resolved.steps[s].emotion is not None]
    if felt:
        low = min(felt, key=lambda step: step.emotion or 0)
        parts.append(f"low point: {printable(low.name)} ({emotion_label(low.emotion)})")
    return Text(_joined(parts, width), style="dim")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _joined(parts: list[str], width: int) -> str:
    """``parts`` joined by `` · ``, a line break in place of the separator where the next part would not fit,
    so a line never breaks inside a part ("11 / steps")."""
    from rich.cells import cell_len

    lines = [parts[0]]
    for part in parts[1:]:
        if cell_len(lines[-1]) + 3 + cell_len(part) > width:
            lines.append(part)
        else:
            lines[-1] += " · " + part
    return "\n".join(lines)


def _header(resolved: Resolved, width: int) -> Text:
    journey = resolved.journey
    parts = [f"owner {printable(journey.owner)}" if journey.owner else "no owner"]
    if journey.last_reviewed:
        parts.append(f"reviewed {journey.last_reviewed.isoformat()} (every {journey.review_interval_months} months)")
    else:
        parts.append("never reviewed")
    parts.append(f"{_count(len(journey.stages), 'stage')}, {_count(len(resolved.order), 'step')}")
    if resolved.persona is not None:
        names = {p.id: printable(p.name) for p in journey.personas or []}
        parts.append(f"persona: {names.get(resolved.persona, resolved.persona)}")
    return Text.assemble((printable(journey.title), "bold"), "\n", (_joined(parts, width), "dim"))


def _flow(resolved: Resolved, step: Step) -> Table | None:
    """Where the flow goes when it is not simply the next step: a branch, a jump back, or an exit."""
    targets = resolved.successors[step.id]
    position = resolved.index[step.id]
    following = resolved.order[position + 1 : position + 2]
    if targets == following:
        return None
    if not targets:
        return _item("↪", ("leaves the journey", "dim"))
    return _item("↪", (" | ".join(printable(resolved.steps[t].name) for t in targets), "dim"))


def _item(marker: str, *parts: tuple[str, str]) -> Table:
    """A marker with text beside it that wraps under its own first word, not under the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(Text(marker, style=parts[0][1]), Text.assemble(*parts))
    return grid


NOT_ADDRESSED = {"open": "not addressed", "ideas": "only ideas"}
"""What a pain point says when no opportunity under way addresses it (``verdicts.addressing``)."""


@dataclass(frozen=True)
class _Facts:
    """What the columns need beyond the steps themselves, found once for the whole map."""

    addressing: dict[str, AddressingVerdict]  # pain id -> verdict; missing means "open"
    reach: bool  # whether any step gives reach (then every step shows a reach line)


def _facts(resolved: Resolved) -> _Facts:
    return _Facts(addressing_of(resolved), any(resolved.steps[s].reach is not None for s in resolved.order))


def _reach(resolved: Resolved, facts: _Facts, step: Step) -> Text | None:
    """``reach 30%``, or ``reach 64,000 (30%)`` when the journey counts customers; None when the journey gives no reach."""
    from .funnel.cells import percent
    from .funnel.reach import total, value

    if not facts.reach:
        return None
    share = value(step, resolved.persona)
    if share is None:
        return Text("no reach given", style="dim")
    journey = resolved.journey
    if journey.entrants is None:
        return Text(f"reach {percent(share)}", style="cyan")
    return Text(f"reach {round(share):,} ({percent(share / total(journey))})", style="cyan")


def _step(resolved: Resolved, facts: _Facts, step: Step) -> list[RenderableType]:
    lines: list[RenderableType] = [Text(printable(step.name), style="bold")]
    detail = _emotion(step.emotion)
    if step.channel:
        channels = {c.id: printable(c.name) for c in resolved.journey.channels or []}
        detail.append(f" · {channels.get(step.channel, step.channel)}", style="dim")
    if step.layer != "frontstage":
        detail.append(f" · {step.layer}", style="dim italic")
    lines.append(detail)
    reach = _reach(resolved, facts, step)
    if reach is not None:
        lines.append(reach)
    if step.moment_of_truth:
        lines.append(Text("★ moment of truth", style="magenta"))
    for pain in step.pain_points:
        style = SEVERITY_STYLE[pain.severity]
        verdict = facts.addressing.get(pain.id, "open")
        note = ("", "") if verdict == "addressed" else (f" ({NOT_ADDRESSED[verdict]})", "yellow")
        lines.append(_item("⚠", (pain.severity, style), note, (": " + printable(pain.description), "")))
    for opportunity in step.opportunities:
        lines.append(_item("→", (words(opportunity.status), STATUS_STYLE[opportunity.status]), (": " + printable(opportunity.description), "")))
    flow = _flow(resolved, step)
    if flow is not None:
        lines.append(flow)
    return lines


def _cell(resolved: Resolved, facts: _Facts, stage: Stage, compact: bool) -> RenderableType:
    steps = [step for step in stage.steps if step.id in resolved.index]
    if not steps:
        return Text("no steps for this persona" if stage.steps else "no steps", style="dim italic")
    if compact:  # emotion and name side by side, so a long name wraps under itself
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right", min_width=5)
        grid.add_column(overflow="fold")
        for step in steps:
            grid.add_row(_emotion(step.emotion), printable(step.name))
        return grid
    lines: list[RenderableType] = []
    for step in steps:
        if lines:
            lines.append(Text(""))
        lines.extend(_step(resolved, facts, step))
    return Group(*lines)


def layout(stage_count: int, width: int, minimum: int = MIN_COLUMN) -> tuple[int, int]:
    """How many stages go side by side (each at least ``minimum`` cells), and the text width of each column."""
    fits = max(1, (width - 1) // (minimum + _FRAME))
    per_table = math.ceil(stage_count / math.ceil(stage_count / fits))
    return per_table, max(1, (width - 1) // per_table - _FRAME)


def view(resolved: Resolved, width: int, compact: bool = False) -> Group:
    """The whole map as one Rich renderable for a terminal ``width`` cells wide."""
    stages = resolved.journey.stages
    per_table, column = layout(len(stages), width, MIN_COMPACT if compact else MIN_COLUMN)
    facts = _facts(resolved)
    tables = []
    for first in range(0, len(stages), per_table):
        # the names are a first row, not the header: Rich bottom-aligns a header, so one long name would push the others down
        table = Table(box=box.ROUNDED, show_header=False, show_lines=False, pad_edge=True, expand=False)
        shown = list(enumerate(stages[first : first + per_table], first + 1))
        for _ in shown:
            table.add_column(width=column, vertical="top", overflow="fold")
        table.add_row(*(Text(f"{n}. {printable(stage.name)}", style="bold") for n, stage in shown), end_section=True)
        table.add_row(*(_cell(resolved, facts, stage, compact) for _, stage in shown))
        tables.append(table)
    return Group(_header(resolved, width), sparkline(resolved), _legend(resolved, width), *tables)


def print_view(resolved: Resolved, out: TextIO, compact: bool = False) -> None:
    """Print the map on ``out``: coloured on a terminal, plain (no escape codes) anywhere else."""
    from .presentation.terminal import safe_console, use_rich

    console = safe_console(file=out, color_system="auto" if use_rich(out) else None, highlight=False, emoji=False, markup=False)
    console.print(view(resolved, console.width, compact))
