"""The terminal view: each file's changes grouped by stage, then by step, with + − ~ ↕ in colour.

Rich colours it on a terminal; piped or under NO_COLOR the same lines are
written as plain text (``terminal.emit``).
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.text import Text

from ..presentation.terminal import console, emit, printable
from .changes import Change, FileDiff
from .summary import merge
from .wording import (
    CLASS_WORDS,
    ENTITY_WORDS,
    SYMBOL,
    Section,
    counts,
    emotion_by_stage,
    emotion_cause,
    emotion_rows,
    file_notes,
    files_phrase,
    findings,
    mean,
    members,
    metric_note,
    moved_from,
    now_valid_summary,
    outcomes,
    problem_heading,
    sections,
    show,
    title,
    trend,
    word_diff,
)

STYLE = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan"}
CLASS_STYLE = {"improvement": "green", "regression": "bold red", "neutral": ""}
MAX_STAGE_MEANS = 10
"""Stages listed in the summary's emotion line; more are counted, not named."""


def write(diffs: list[FileDiff], out: TextIO) -> None:
    write_drawn([(diff, file_lines(diff)) for diff in diffs], out)


def write_drawn(drawn: list[tuple[FileDiff, list[Text]]], out: TextIO) -> None:
    """``write`` for files whose lines are already drawn (`journey data import` draws them in worker processes)."""
    con = console(out)
    for diff, lines in drawn:
        if diff.shows_anything:
            for line in lines:
                emit(con, out, line)
            emit(con, out, Text(""))
    for line in _summary([diff for diff, _ in drawn]):
        emit(con, out, line)


def file_lines(diff: FileDiff) -> list[Text]:
    """The lines of one file's changes (none when it shows nothing)."""
    if not diff.shows_anything:
        return []
    lines = [Text(printable(title(diff)), style="bold")]
    for problem in diff.problems:
        lines.append(Text.assemble(("  ✖ ", "bold red"), printable(problem_heading(diff, problem))))
        lines.extend(Text("      " + printable(line)) for line in findings(problem))
    if diff.status == "now valid":
        lines.append(Text.assemble(("  ✔ ", "bold green"), printable(now_valid_summary(diff))))
    means = emotion_by_stage(diff)
    for section in sections(diff):
        lines.append(_heading(section, means))
        for step, group in groupby(section.changes, key=lambda change: change.step):
            changes = list(group)
            if step is None:
                lines.extend(_line(change, diff, 2, section.stage) for change in changes)
                continue
            first = changes[0]
            if first.entity == "step" and first.op != "changed":
                lines.append(_line(first, diff, 2, None))
                changes = changes[1:]
            else:
                lines.append(_entry("changed", 2, f"step {step}", f" {show(diff.step_names.get(step, step))}"))
            lines.extend(_line(change, diff, 6, step) for change in changes)
    return lines


def _heading(section: Section, means: dict[str, tuple[float | None, float | None]]) -> Text:
    heading = Text(section.title, style="bold")
    if section.stage is not None:
        heading.append(f" ({section.stage})", style="dim")
        before, after = means.get(section.stage, (None, None))
        if before != after:
            heading.append(f"  mean emotion {mean(before)} → {mean(after)} {trend(before, after)}".rstrip())
    return heading


def _entry(op: str, indent: int, what: str, rest: str = "") -> Text:
    return Text.assemble(" " * indent, (f"{SYMBOL[op]} {what}", STYLE[op]), rest)


def _line(change: Change, diff: FileDiff, indent: int, under: str | None) -> Text:
    """One change; the entity is not named again in a field change of what the heading above names (``under``)."""
    own = change.op == "changed" and (change.entity == "journey" or (change.entity in ("stage", "step") and change.id == under))
    name = "" if own else f"{ENTITY_WORDS[change.entity]} {change.id}"
    label = f" {show(change.label)}" if change.label and change.label != change.id else ""
    if change.op == "changed":
        note = metric_note(change, diff) if change.entity == "metric" else ""
        arrow = trend(change.old, change.new) if change.field == "emotion" else ""
        line = Text.assemble(" " * indent, (" ".join(filter(None, (SYMBOL["changed"], name, f"{change.field}:"))), STYLE["changed"]), " ")
        line.append_text(_values(change))
        line.append(f" {arrow}".rstrip() + note)
    elif change.op == "moved":
        line = _entry("moved", indent, name, f"{label} {moved_from(change, diff)}")
    else:
        kind = f" ({change.kind})" if change.kind else ""
        line = _entry(change.op, indent, name, label + kind)
    if change.review != "neutral":
        line.append(f"  {CLASS_WORDS[change.review]}", CLASS_STYLE[change.review])
    return line


def _values(change: Change) -> Text:
    """``old → new``; for a set-like list the members added and removed; for long text a word diff."""
    listed = members(change)
    if listed is not None:
        return Text(listed)
    runs = word_diff(change.old, change.new)
    if runs is not None:
        before, after = runs
        text = Text()
        for side, style, mark in ((before, STYLE["removed"], ("[-", "-]")), (after, STYLE["added"], ("{+", "+}"))):
            if len(text):
                text.append(" → ")
            text.append("“")
            for i, (kind, words) in enumerate(side):
                text.append(" " * bool(i))
                text.append(words if kind == "same" else f"{mark[0]}{words}{mark[1]}", "" if kind == "same" else style)
            text.append("”")
        return text
    return Text.assemble((show(change.old, field=change.field), STYLE["removed"]), " → ", (show(change.new, field=change.field), STYLE["added"]))


def _summary(diffs: list[FileDiff]) -> list[Text]:
    total = merge([diff.summary for diff in diffs])
    where = files_phrase(diffs)
    notes = "".join(f"; {note}" for note in file_notes(diffs))
    if not any(diff.shows_anything for diff in diffs):
        return [Text.assemble(("✔ ", "bold green"), f"no changes{where}{notes}")]
    broken = any(diff.broken_now for diff in diffs)
    lines = [Text.assemble(("✖ " if broken else "● ", "bold red" if broken else "bold yellow"), counts(total) + where + notes)]
    extra = outcomes(total)
    if extra:
        lines.append(Text("  " + "; ".join(extra)))
    moved = emotion_rows(total) if len(diffs) == 1 else []  # else: in each file's headings
    if moved:
        shown = [f"{printable(row['name'])} {mean(row['old'])} → {mean(row['new'])} {trend(row['old'], row['new'])} ({emotion_cause(row)})".replace("  (", " (") for row in moved[:MAX_STAGE_MEANS]]
        more = f" and {len(moved) - MAX_STAGE_MEANS} more stages" if len(moved) > MAX_STAGE_MEANS else ""
        lines.append(Text("  mean emotion: " + "; ".join(shown) + more))
    return lines
