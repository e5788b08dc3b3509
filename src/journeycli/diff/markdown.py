"""The PR comment: one summary line, the stages whose mean emotion moved, then a table per stage.

Written for GitHub-flavoured Markdown. Every user string goes through
``presentation.markdown``, so a step named
``<script>`` or ``a | b`` cannot break the table or the page. Past
``DETAILS_FROM`` changes the tables fold into ``<details>``; the whole comment
stays under GitHub's 65,536-character limit by leaving out the last rows with
a note.
"""

from __future__ import annotations

from typing import TextIO

from ..presentation.markdown import code, text
from .changes import Change, FileDiff
from .summary import merge
from .wording import ENTITY_WORDS, counts, emotion_by_stage, mean, metric_note, outcomes, sections, show, title, trend

DETAILS_FROM = 20
"""From this many changes the per-stage tables are folded away."""

MAX_EMOTION_ROWS = 15
"""Stages listed in the mean-emotion table; more are counted."""

MAX_CHARS = 60_000
"""GitHub refuses comments over 65,536 characters; leave room for the closing lines."""

ICON = {"added": "➕", "removed": "➖", "changed": "✏️", "moved": "↕️"}


def write(diffs: list[FileDiff], out: TextIO) -> None:
    total = merge([diff.summary for diff in diffs])
    changed = [diff for diff in diffs if diff.changes]
    head = [_summary_line(total, diffs), ""]
    head.extend(_emotion_table(diffs))
    body: list[str] = []
    for diff in changed:
        body.extend(_file(diff, titled=len(diffs) > 1))
    budget = MAX_CHARS - sum(len(line) + 1 for line in head)
    body = _fit(body, budget)
    if body and total["changes"] >= DETAILS_FROM:
        body = [f"<details><summary>All {total['changes']} changes</summary>", "", *body, "</details>", ""]
    out.write("\n".join([*head, *body]).rstrip("\n") + "\n")


def _summary_line(total: dict, diffs: list[FileDiff]) -> str:
    where = f" in {sum(1 for d in diffs if d.changes)} of {len(diffs)} files" if len(diffs) > 1 else f" of {code(diffs[0].file)}" if diffs else ""
    return " · ".join([f"**Journey diff**{where}: {counts(total)}", *outcomes(total)])


def _emotion_table(diffs: list[FileDiff]) -> list[str]:
    rows = []
    for diff in diffs:
        if diff.old is None or diff.new is None:
            continue  # a whole file added or deleted: its stages did not change mood
        for row in diff.summary["emotion"]:
            if row["old"] != row["new"]:
                where = f"{code(diff.file)}: " if len(diffs) > 1 else ""
                after = f"{mean(row['new'])} {trend(row['old'], row['new'])}".rstrip()
                rows.append(f"| {where}{text(row['name'])} | {mean(row['old'])} | {after} |")
    if not rows:
        return []
    more = [f"| _… and {len(rows) - MAX_EMOTION_ROWS} more stages_ | | |"] if len(rows) > MAX_EMOTION_ROWS else []
    return ["| Stage | Mean emotion before | After |", "| --- | ---: | ---: |", *rows[:MAX_EMOTION_ROWS], *more, ""]


def _file(diff: FileDiff, titled: bool) -> list[str]:
    lines = []
    if titled:
        lines += [f"#### {text(title(diff))}", ""]
    means = emotion_by_stage(diff)
    for section in sections(diff):
        heading = f"**{text(section.title)}**"
        if section.stage is not None:
            before, after = means.get(section.stage, (None, None))
            heading += f" (`{section.stage}`)"
            if before != after:
                heading += f" · mean emotion {mean(before)} → {mean(after)} {trend(before, after)}".rstrip()
        lines += [heading, "", "| | Item | Change | Before | After |", "| --- | --- | --- | --- | --- |"]
        lines += [_row(change, diff) for change in section.changes]
        lines.append("")
    return lines


def _row(change: Change, diff: FileDiff) -> str:
    item = f"{ENTITY_WORDS[change.entity]} `{change.id}`"
    if change.label and change.label != change.id:
        item += f" {text(show(change.label, quote=False))}"
    if change.entity in ("metric", "pain_point", "opportunity") and change.step:
        item += f" · step {text(diff.step_names.get(change.step, change.step))}"
    before = after = ""
    what = change.op
    if change.op == "changed":
        what = code(str(change.field))
        before, after = text(show(change.old, quote=False)), text(show(change.new, quote=False))
        if change.field == "emotion":
            after = f"{after} {trend(change.old, change.new)}".rstrip()
        elif change.entity == "metric":
            after = f"{after} {text(metric_note(change, diff))}".rstrip()
    elif change.op == "moved":
        before, after = _place(change.field, change.old, diff), _place(change.field, change.new, diff)
    elif change.op == "removed" and change.entity == "pain_point":
        what = "removed (resolved)"
    return f"| {ICON[change.op]} | {item} | {what} | {before} | {after} |"


def _place(field: str | None, value: object, diff: FileDiff) -> str:
    """A position or a location path of a ``moved`` change, as its stage or step name."""
    if field == "position":
        return f"position {value}"
    ident = str(value).rsplit(".", 1)[-1]
    names = diff.stage_names if field == "stage" else diff.step_names
    return f"{field} {text(names.get(ident, ident))}"


def _fit(lines: list[str], budget: int) -> list[str]:
    """``lines`` cut so that they fit in ``budget`` characters, with a note of how many rows were left out."""
    used = 0
    for i, line in enumerate(lines):
        used += len(line) + 1
        if used > budget - 200:
            left = sum(1 for rest in lines[i:] if rest.startswith("| ") and not rest.startswith("| |") and not rest.startswith("| ---"))
            return [*lines[:i], "", f"_… {left} more rows not shown (GitHub limits a comment to 65,536 characters); run `journey diff` locally for all._", ""]
    return lines
