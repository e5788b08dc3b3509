"""The words and symbols the human formats (text, markdown, the SVG legend) share.

Kept in one place so the terminal, the PR comment and the picture say the
same thing the same way: one symbol per op, one name per entity, one way to
show a value and an emotion trend.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any

from ..portfolio.library import is_library_name
from .changes import DEFINITIONS, Change, FileDiff

SYMBOL = {"added": "+", "removed": "−", "changed": "~", "moved": "↕"}
ENTITY_WORDS = {
    "journey": "journey",
    "persona": "persona",
    "channel": "channel",
    "source": "source",
    "team": "team",
    "stage": "stage",
    "step": "step",
    "pain_point": "pain point",
    "opportunity": "opportunity",
    "metric": "metric",
}
UNSET = {
    "personas": "every persona",
    "next": "the next step in the file",
    "channel": "no channel",
    "emotion": "no emotion",
    "target": "no target",
    "better": "no direction",
}
"""How an unset (null) field reads, where the format gives it a meaning; any other reads ``not set``."""

CLASS_WORDS = {"improvement": "▲ improvement", "regression": "▼ regression", "neutral": ""}

WORD_DIFF_FROM = 60
"""Text longer than this is shown as a word-level diff of the changed part."""
CONTEXT_WORDS = 4

SECTION_TITLES = {"journey": "Journey", "persona": "Personas", "channel": "Channels", "source": "Sources", "team": "Teams"}


def show(value: Any, limit: int = 60, quote: bool = True, field: str | None = None) -> str:
    """A value as a reader expects it: unset in the map's words, lists with commas, long text shortened."""
    if value is None:
        return UNSET.get(field or "", "not set")
    if field == "next" and value == []:
        return "none (the journey can end here)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(show(item, limit, quote=False) for item in value) + "]"
    if isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    elif isinstance(value, str):
        return f"“{shorten(value, limit)}”" if quote else shorten(value, limit)
    else:
        text = str(value)
    return shorten(text, limit)


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def trend(old: Any, new: Any) -> str:
    """↑ or ↓ between two numbers (emotion: up is better), else nothing."""
    if isinstance(old, (int, float)) and isinstance(new, (int, float)) and not isinstance(old, bool) and not isinstance(new, bool):
        return "↑" if new > old else "↓" if new < old else ""
    return ""


def mean(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}".replace("+0.00", "0.00")


def moved_from(change: Change, diff: FileDiff) -> str:
    """Where a moved item was, in words: ``from stage Browse``, ``from step Pays``, ``position 3 → 2``."""
    if change.field == "stage":
        stage = str(change.old).rsplit(".", 1)[-1]
        return f"from stage {diff.stage_names.get(stage, stage)}"
    if change.field == "step":
        step = str(change.old).rsplit(".", 1)[-1]
        return f"from step {diff.step_names.get(step, step)}"
    return f"position {change.old} → {change.new}"


def metric_note(change: Change, diff: FileDiff) -> str:
    """`` (toward target 0.3)``, `` (target lowered)`` for a metric change the review classified, else nothing."""
    if change.kind in ("toward target", "away from target"):
        row = diff.metric_trends.get(change.path)
        target = f" {show(row['target'])}" if row is not None else ""
        return f" ({change.kind}{target})"
    if change.kind in ("target raised", "target lowered"):
        return f" ({change.kind})"
    return ""


def members(change: Change) -> str | None:
    """``+a, +b, −c`` for a set-like list change, else None."""
    if change.members is None:
        return None
    added, removed = change.members
    return ", ".join([*(f"+{item}" for item in added), *(f"{SYMBOL['removed']}{item}" for item in removed)])


def word_diff(old: Any, new: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
    """For long text: the old and new words around the changed part, as (kind, text) runs; None for short values.

    Kinds: ``same`` (context, cut to a few words with ``…``), ``removed``, ``added``.
    """
    if not (isinstance(old, str) and isinstance(new, str)) or max(len(old), len(new)) <= WORD_DIFF_FROM:
        return None
    a, b = old.split(), new.split()
    before: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            words = a[i1:i2]
            if len(words) > 2 * CONTEXT_WORDS:
                head = words[:CONTEXT_WORDS] if index else []
                tail = words[-CONTEXT_WORDS:] if index < len(ops) - 1 else []
                text = " ".join([*head, "…", *tail])
            else:
                text = " ".join(words)
            before.append(("same", text))
            after.append(("same", text))
        else:
            if i2 > i1:
                before.append(("removed", " ".join(a[i1:i2])))
            if j2 > j1:
                after.append(("added", " ".join(b[j1:j2])))
    return before, after


@dataclass
class Section:
    """Consecutive changes shown under one heading: the journey, a definitions list, or a stage."""

    key: str  # "journey", "persona", "channel", "source", "team", or "stages.<id>"
    title: str
    changes: list[Change] = field(default_factory=list)

    @property
    def stage(self) -> str | None:
        return self.key.split(".", 1)[1] if self.key.startswith("stages.") else None


def sections(diff: FileDiff) -> list[Section]:
    """The changes of one file cut into headed groups, in change order."""
    found: list[Section] = []
    for change in diff.changes:
        stage = change.stage
        key = f"stages.{stage}" if stage else change.entity
        if not found or found[-1].key != key:
            title = f"Stage {diff.stage_names.get(stage, stage)}" if stage else SECTION_TITLES[change.entity]
            found.append(Section(key, title))
        found[-1].changes.append(change)
    return found


def title(diff: FileDiff) -> str:
    """``OLD → NEW``, ``NEW (renamed from OLD)``, or the one side with ``(new file)`` / ``(deleted)``."""
    if diff.renamed_from is not None:
        return f"{diff.file} (renamed from {diff.renamed_from} to {diff.file})"
    if diff.old_name is None and diff.new_name is None:
        return diff.file
    if diff.old_name is None:
        return f"{diff.new_name} (new file)"
    if diff.new_name is None:
        return f"{diff.old_name} (deleted)"
    return f"{diff.old_name} → {diff.new_name}"


def emotion_by_stage(diff: FileDiff) -> dict[str, tuple[float | None, float | None]]:
    return {row["stage"]: (row["old"], row["new"]) for row in diff.summary.get("emotion", ())}


MAX_FINDINGS = 5
"""Findings of an invalid side shown in the human formats; more are counted (JSON has them all)."""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def problem_heading(diff: FileDiff, problem: Any) -> str:
    """``the new version (maps/a.yaml) is not a valid journey: 2 errors``, and what that means here."""
    side = "new" if problem.side == "new" else "old"
    kind = "library" if is_library_name(diff.file) else "journey"
    what = f"the {side} version ({problem.name}) is not a valid {kind}: {_plural(len(problem.diagnostics), 'finding')}"
    if diff.status == "now valid":
        return f"{what}; the new version is valid now, so there is nothing to compare it with"
    return what + ("" if problem.side == "new" else "; its changes cannot be shown")


def now_valid_summary(diff: FileDiff) -> str:
    """``now valid: 3 stages, 12 steps, 4 pain points, 2 opportunities``: the map a fix produced (a library: what it declares)."""
    journey = diff.new
    if journey is None:
        return ""
    if is_library_name(diff.file):
        return f"now valid: {journey.title}, " + ", ".join(_plural(len(getattr(journey, attr) or ()), entity) for entity, attr in DEFINITIONS)
    steps = [step for _, step in journey.steps()]
    parts = [
        _plural(len(journey.stages), "stage"),
        _plural(len(steps), "step"),
        _plural(sum(len(s.pain_points) for s in steps), "pain point"),
        _plural(sum(len(s.opportunities) for s in steps), "opportunity").replace("opportunitys", "opportunities"),
    ]
    return f"now valid: {journey.title}, " + ", ".join(parts)


def findings(problem: Any) -> list[str]:
    """The first findings of an invalid side as ``file:line:column: error CODE message`` lines, then a count."""
    lines = [f"{d.file}:{d.line}:{d.column}: {d.severity.label} {d.code} {d.full_message}" for d in problem.diagnostics[:MAX_FINDINGS]]
    if len(problem.diagnostics) > MAX_FINDINGS:
        lines.append(f"… and {len(problem.diagnostics) - MAX_FINDINGS} more (journey validate {problem.name} lists them all)")
    return lines


def file_notes(diffs: list[FileDiff]) -> list[str]:
    """``1 file renamed``, ``1 file not a valid journey now``, ``1 file now valid``: what the counts do not say."""
    notes = []
    renamed = sum(1 for d in diffs if d.renamed_from)
    broken = sum(1 for d in diffs if d.broken_now)
    fixed = sum(1 for d in diffs if d.status == "now valid")
    old_only = sum(1 for d in diffs if d.problems and d.new_name is None)
    still = sum(1 for d in diffs if d.problems and d.unchanged)
    if renamed:
        notes.append(f"{_plural(renamed, 'file')} renamed")
    if broken:
        notes.append(f"{_plural(broken, 'file')} not a valid journey now")
    if fixed:
        notes.append(f"{_plural(fixed, 'file')} now valid")
    if old_only:
        notes.append(f"{_plural(old_only, 'file')} invalid before and deleted")
    if still:
        notes.append(f"{_plural(still, 'file')} unchanged and still not {'a valid journey' if still == 1 else 'valid journeys'}")
    return notes


def counts(summary: dict[str, Any]) -> str:
    """``14 changes (3 added, 2 removed, 7 changed, 2 moved)`` (zero counts left out)."""
    total = summary["changes"]
    if not total:
        return "no changes"
    parts = [f"{summary[op]} {op}" for op in SYMBOL if summary[op]]
    return f"{total} change{'' if total == 1 else 's'} ({', '.join(parts)})"


def files_phrase(diffs: list[FileDiff]) -> str:
    """`` in 2 of 3 files`` (the files with changes), or `` in 3 files`` when none has any; nothing for one file."""
    if len(diffs) < 2:
        return ""
    changed = sum(1 for diff in diffs if diff.changes)
    return f" in {changed} of {len(diffs)} files" if changed else f" in {len(diffs)} files"


def outcomes(summary: dict[str, Any]) -> list[str]:
    """The review, pain point, opportunity and metric counts, only those that are not zero."""
    parts = []
    review = summary["review"]
    if review["regression"] or review["improvement"]:
        parts.append(f"review: {review['regression']} regression{'' if review['regression'] == 1 else 's'}, {review['improvement']} improvement{'' if review['improvement'] == 1 else 's'}")
    pains, opportunities = summary["pain_points"], summary["opportunities"]
    if pains["added"] or pains["resolved"] or pains["removed"]:
        words = [f"{len(pains['added'])} added", f"{len(pains['resolved'])} resolved"]
        if pains["removed"]:
            words.append(f"{len(pains['removed'])} removed with their step or stage")
        parts.append("pain points: " + ", ".join(words))
    if opportunities["added"] or opportunities["done"]:
        parts.append(f"opportunities: {len(opportunities['added'])} added, {len(opportunities['done'])} done")
    toward = sum(1 for row in summary["metrics"] if row["trend"] == "toward")
    away = len(summary["metrics"]) - toward
    if toward or away:
        parts.append(f"metrics: {toward} toward target, {away} away")
    targets = summary["targets"]
    if targets:
        raised = sum(1 for row in targets if row["direction"] == "raised")
        parts.append(f"targets: {raised} raised, {len(targets) - raised} lowered")
    return parts


def emotion_cause(row: dict[str, Any]) -> str:
    """Why a stage's mean emotion moved: ``emotion changed at 2 steps``, ``steps in or out: 1 in, 2 out``."""
    parts = []
    if row["emotion_changed"]:
        parts.append(f"emotion changed at {_plural(row['emotion_changed'], 'step')}")
    moved = [f"{row[key]} {word}" for key, word in (("steps_in", "in"), ("steps_out", "out")) if row[key]]
    if moved:
        parts.append("steps in or out: " + ", ".join(moved))
    return "; ".join(parts)


def emotion_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The stages whose mean emotion moved, or where an emotion changed with the mean unchanged."""
    return [row for row in summary["emotion"] if row["old"] != row["new"] or row["emotion_changed"]]
