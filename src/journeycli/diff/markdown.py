"""The PR comment: a summary line, broken files, the stages whose mean emotion moved, then the changes by importance.

Written for GitHub-flavoured Markdown. Each file's changes come in three
parts: the stages and steps removed, the regressions, then the rest by
section and stage (folded into ``<details>`` from ``DETAILS_FROM`` changes).
Every change is shown once.

The comment has a fixed budget (``COMMENT_LIMIT``, under GitHub's 65,536
characters). When the rows do not fit, the least important ones are left
out first (``importance``; the later row first among equals) and a note says
how many of which were left out, per file. The job summary gets the same
Markdown with a larger budget (``SUMMARY_LIMIT``).

Every user string goes through ``presentation.markdown`` (escaped, and
unable to mention people or turn into emoji shortcodes), so a step named
``<script>``, ``a | b`` or ``@team`` cannot break the table, the page or
anyone's inbox.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from ..presentation.markdown import code
from ..presentation.markdown import text as cell
from .changes import Change, FileDiff
from .summary import merge
from .wording import (
    CLASS_WORDS,
    ENTITY_WORDS,
    counts,
    emotion_by_stage,
    emotion_cause,
    emotion_rows,
    file_notes,
    files_phrase,
    findings,
    mean,
    metric_note,
    now_valid_summary,
    outcomes,
    problem_heading,
    sections,
    show,
    title,
    trend,
    word_diff,
)

DETAILS_FROM = 20
"""From this many changes in a file, its other changes are folded away."""

MAX_EMOTION_ROWS = 15
"""Stages listed in the mean-emotion table; more are counted."""

COMMENT_LIMIT = 60_000
"""The budget of a PR comment: GitHub refuses comments over 65,536 characters."""

SUMMARY_LIMIT = 1_000_000
"""The budget of a job summary: GitHub takes up to 1 MiB per step."""

ICON = {"added": "➕", "removed": "➖", "changed": "✏️", "moved": "↕️"}
TABLE_HEAD = ["| | Item | Change | Before | After | Review |", "| --- | --- | --- | --- | --- | --- |"]
_PLURAL = {"journey": "journeys", "opportunity": "opportunities"}


def importance(change: Change) -> int:
    """0 is kept longest: stage removals, step removals, regressions, other stage and journey changes,
    improvements, step additions and moves, then everything else."""
    if change.op == "removed" and change.entity == "stage":
        return 0
    if change.op == "removed" and change.entity == "step":
        return 1
    if change.review == "regression":
        return 2
    if change.entity in ("stage", "journey"):
        return 3
    if change.review == "improvement":
        return 4
    if change.entity == "step" and change.op in ("added", "moved"):
        return 5
    return 6


@dataclass
class _Row:
    rank: int
    order: int
    text: str
    change: Change
    file: str


@dataclass
class _Table:
    heading: list[str]
    rows: list[_Row] = field(default_factory=list)


@dataclass
class _File:
    diff: FileDiff
    lines: list[str]  # title, broken sides: always shown
    first: list[_Table]  # removed stages and steps, regressions
    rest: list[_Table]  # the other changes by section
    fold: bool


def write(diffs: list[FileDiff], out: TextIO, limit: int = COMMENT_LIMIT) -> None:
    total = merge([diff.summary for diff in diffs])
    head = [_summary_line(total, diffs), "", *_emotion_table(diffs)]
    files = [_file(diff, titled=len(diffs) > 1, start=i * 1_000_000) for i, diff in enumerate(diffs) if diff.shows_anything]
    fixed = sum(len(line) + 1 for line in head) + sum(len(line) + 1 for f in files for line in f.lines) + 200 * len(files)
    kept, left_out = _choose(files, limit - fixed - 3_000)
    body: list[str] = []
    for f in files:
        body += f.lines
        body += _tables(f.first, kept)
        rest = _tables(f.rest, kept)
        if rest and f.fold:
            shown = sum(1 for table in f.rest for row in table.rows if id(row) in kept)
            body += [f"<details><summary>Other changes ({shown})</summary>", "", *rest, "</details>", ""]
        else:
            body += rest
    if left_out:
        body += _note(left_out, total["changes"], limit)
    out.write("\n".join([*head, *body]).rstrip("\n") + "\n")


def _choose(files: list[_File], budget: int) -> tuple[set[int], list[_Row]]:
    """The rows kept (by ``id``), most important first while they fit, and the rows left out."""
    rows = sorted(
        ((row, table) for f in files for table in (*f.first, *f.rest) for row in table.rows),
        key=lambda pair: (pair[0].rank, pair[0].order),
    )
    kept: set[int] = set()
    opened: set[int] = set()
    used = 0
    for index, (row, table) in enumerate(rows):
        cost = len(row.text) + 1 + (0 if id(table) in opened else sum(len(line) + 1 for line in table.heading) + len(TABLE_HEAD[0]) * 2 + 4)
        if used + cost > budget:
            return kept, [left for left, _ in rows[index:]]
        used += cost
        kept.add(id(row))
        opened.add(id(table))
    return kept, []


def _tables(tables: list[_Table], kept: set[int]) -> list[str]:
    lines: list[str] = []
    for table in tables:
        rows = [row.text for row in table.rows if id(row) in kept]
        if rows:
            lines += [*table.heading, "", *TABLE_HEAD, *rows, ""]
    return lines


def _note(left_out: list[_Row], total: int, limit: int) -> list[str]:
    """Exactly what was left out: how many changes of which kind, per file and with their stages."""
    by_file: dict[str, list[_Row]] = {}
    for row in left_out:
        by_file.setdefault(row.file, []).append(row)
    lines = [
        f"**Not shown: {len(left_out)} of {total} changes**, to keep this comment under {limit:,} characters (GitHub's limit is 65,536). "
        "The least important were left out first; run `journey diff` for all of them:",
        "",
    ]
    for file, rows in by_file.items():
        kinds = Counter(_kind(row.change) for row in rows)
        stages = list(dict.fromkeys(row.change.stage for row in rows if row.change.stage))
        where = f" in stages {', '.join(code(s) for s in stages[:8])}{f' and {len(stages) - 8} more' if len(stages) > 8 else ''}" if stages else ""
        lines.append(f"- {code(file)}: {', '.join(f'{n} {kind}' for kind, n in kinds.most_common())}{where}")
    return [*lines, ""]


def _kind(change: Change) -> str:
    word = ENTITY_WORDS[change.entity]
    if change.op == "changed":
        return f"{word} field changes"
    return f"{_PLURAL.get(change.entity, word + 's')} {change.op}"


def _summary_line(total: dict, diffs: list[FileDiff]) -> str:
    where = files_phrase(diffs) if len(diffs) > 1 else f" of {code(diffs[0].file)}" if diffs else ""
    return " · ".join([f"**Journey diff**{where}: {counts(total)}", *file_notes(diffs), *outcomes(total)])


def _emotion_table(diffs: list[FileDiff]) -> list[str]:
    rows = []
    for diff in diffs:
        if diff.old is None or diff.new is None:
            continue  # a whole file added or deleted: its stages did not change mood
        for row in emotion_rows(diff.summary):
            where = f"{code(diff.file)}: " if len(diffs) > 1 else ""
            after = f"{mean(row['new'])} {trend(row['old'], row['new'])}".rstrip()
            rows.append(f"| {where}{cell(row['name'])} | {mean(row['old'])} | {after} | {emotion_cause(row)} |")
    if not rows:
        return []
    more = [f"| _… and {len(rows) - MAX_EMOTION_ROWS} more stages_ | | | |"] if len(rows) > MAX_EMOTION_ROWS else []
    return ["| Stage | Mean emotion before | After | Why |", "| --- | ---: | ---: | --- |", *rows[:MAX_EMOTION_ROWS], *more, ""]


def _file(diff: FileDiff, titled: bool, start: int) -> _File:
    lines = [f"#### {cell(title(diff))}", ""] if titled or diff.renamed_from else []
    for problem in diff.problems:
        lines += [f"**✖ {cell(problem_heading(diff, problem))}**", ""]
        lines += [f"- {_finding(line)}" for line in findings(problem)]
        lines.append("")
    if diff.status == "now valid":
        lines += [f"**✔ {cell(now_valid_summary(diff))}**", ""]
    removed = _Table(["**Removed stages and steps**"])
    regressions = _Table(["**Regressions**"])
    rest: list[_Table] = []
    means = emotion_by_stage(diff)
    for section in sections(diff):
        heading = f"**{cell(section.title)}**"
        if section.stage is not None:
            before, after = means.get(section.stage, (None, None))
            heading += f" (`{section.stage}`)"
            if before != after:
                heading += f" · mean emotion {mean(before)} → {mean(after)} {trend(before, after)}".rstrip()
        table = _Table([heading])
        for change in section.changes:
            rank = importance(change)
            into = removed if rank <= 1 else regressions if rank == 2 else table
            into.rows.append(_Row(rank, 0, _row(change, diff, located=into is not table), change, diff.file))
        if table.rows:
            rest.append(table)
    order = start
    for table in (removed, regressions, *rest):
        for row in table.rows:
            row.order = order
            order += 1
    return _File(diff, lines, [t for t in (removed, regressions) if t.rows], rest, len(diff.changes) >= DETAILS_FROM)


def _finding(line: str) -> str:
    place, _, message = line.partition(": ")
    return f"{code(place)} {cell(message)}" if message else cell(line)


def _row(change: Change, diff: FileDiff, located: bool) -> str:
    item = f"{ENTITY_WORDS[change.entity]} `{change.id}`"
    if change.label and change.label != change.id:
        item += f" {cell(show(change.label, quote=False))}"
    if change.entity in ("metric", "pain_point", "opportunity") and change.step:
        item += f" · step {cell(diff.step_names.get(change.step, change.step))}"
    if located and change.stage and change.entity != "stage":
        item += f" · stage {cell(diff.stage_names.get(change.stage, change.stage))}"
    before = after = ""
    what = change.op
    if change.op == "changed":
        what = code(str(change.field))
        before, after = _values(change)
        if change.field == "emotion":
            after = f"{after} {trend(change.old, change.new)}".rstrip()
        elif change.entity == "metric":
            after = f"{after} {cell(metric_note(change, diff))}".rstrip()
    elif change.op == "moved":
        before, after = _place(change.field, change.old, diff), _place(change.field, change.new, diff)
    elif change.kind:
        what = change.kind if change.kind.startswith(change.op) else f"{change.op} ({change.kind})"
    return f"| {ICON[change.op]} | {item} | {what} | {before} | {after} | {CLASS_WORDS[change.review]} |"


def _values(change: Change) -> tuple[str, str]:
    """The Before and After cells: members for a set-like list, a word diff for long text, else both values."""
    if change.members is not None:
        added, removed = change.members
        return cell(", ".join(f"−{item}" for item in removed)), cell(", ".join(f"+{item}" for item in added))
    runs = word_diff(change.old, change.new)
    if runs is not None:
        marks = {"removed": "~~", "added": "**"}
        return tuple(" ".join(cell(words) if kind == "same" else f"{marks[kind]}{cell(words)}{marks[kind]}" for kind, words in side) for side in runs)  # type: ignore[return-value]
    return cell(show(change.old, quote=False, field=change.field)), cell(show(change.new, quote=False, field=change.field))


def _place(field: str | None, value: object, diff: FileDiff) -> str:
    """A position or a location path of a ``moved`` change, as its stage or step name."""
    if field == "position":
        return f"position {value}"
    ident = str(value).rsplit(".", 1)[-1]
    names = diff.stage_names if field == "stage" else diff.step_names
    return f"{field} {cell(names.get(ident, ident))}"
