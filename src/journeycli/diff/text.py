"""The terminal view: each file's changes grouped by stage, then by step, with + − ~ ↕ in colour.

Rich colours it on a terminal; piped or under NO_COLOR the same lines are
written as plain text (``terminal.emit``).
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.text import Text

from ..presentation.terminal import console, emit
from .changes import Change, FileDiff
from .summary import merge
from .wording import ENTITY_WORDS, SYMBOL, Section, counts, emotion_by_stage, mean, metric_note, moved_from, outcomes, sections, show, title, trend

STYLE = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan"}
MAX_STAGE_MEANS = 10
"""Stages listed in the summary's emotion line; more are counted, not named."""


def write(diffs: list[FileDiff], out: TextIO) -> None:
    con = console(out)
    for diff in diffs:
        if diff.changes:
            for line in _file(diff):
                emit(con, out, line)
            emit(con, out, Text(""))
    for line in _summary(diffs):
        emit(con, out, line)


def _file(diff: FileDiff) -> list[Text]:
    lines = [Text(title(diff), style="bold")]
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
        return Text.assemble(
            " " * indent,
            (" ".join(filter(None, (SYMBOL["changed"], name, f"{change.field}:"))), STYLE["changed"]),
            " ",
            (show(change.old), STYLE["removed"]),
            " → ",
            (show(change.new), STYLE["added"]),
            f" {arrow}".rstrip() + note,
        )
    if change.op == "moved":
        return _entry("moved", indent, name, f"{label} {moved_from(change, diff)}")
    return _entry(change.op, indent, name, label)


def _summary(diffs: list[FileDiff]) -> list[Text]:
    total = merge([diff.summary for diff in diffs])
    changed_files = sum(1 for diff in diffs if diff.changes)
    where = f" in {changed_files} of {len(diffs)} files" if len(diffs) > 1 else ""
    if not total["changes"]:
        return [Text.assemble(("✔ ", "bold green"), f"no changes{where}")]
    lines = [Text.assemble(("● ", "bold yellow"), counts(total) + where)]
    extra = outcomes(total)
    if extra:
        lines.append(Text("  " + "; ".join(extra)))
    moved = [row for row in total["emotion"] if row["old"] != row["new"]] if len(diffs) == 1 else []  # else: in each file's headings
    if moved:
        shown = [f"{row['name']} {mean(row['old'])} → {mean(row['new'])} {trend(row['old'], row['new'])}".rstrip() for row in moved[:MAX_STAGE_MEANS]]
        more = f" and {len(moved) - MAX_STAGE_MEANS} more stages" if len(moved) > MAX_STAGE_MEANS else ""
        lines.append(Text("  mean emotion: " + "; ".join(shown) + more))
    return lines
