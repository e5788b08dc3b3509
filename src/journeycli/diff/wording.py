"""The words and symbols the human formats (text, markdown, the SVG legend) share.

Kept in one place so the terminal, the PR comment and the picture say the
same thing the same way: one symbol per op, one name per entity, one way to
show a value and an emotion trend.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .changes import Change, FileDiff
from .summary import TREND_FIELDS

SYMBOL = {"added": "+", "removed": "−", "changed": "~", "moved": "↕"}
ENTITY_WORDS = {
    "journey": "journey",
    "persona": "persona",
    "channel": "channel",
    "source": "source",
    "stage": "stage",
    "step": "step",
    "pain_point": "pain point",
    "opportunity": "opportunity",
    "metric": "metric",
}
SECTION_TITLES = {"journey": "Journey", "persona": "Personas", "channel": "Channels", "source": "Sources"}


def show(value: Any, limit: int = 60, quote: bool = True) -> str:
    """A value as a reader expects it: ``—`` for none, lists with commas, long text shortened."""
    if value is None:
        return "—"
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
    """`` (toward target 0.3)`` for a metric change the summary classified, else nothing."""
    row = diff.metric_trends.get(change.path)
    if row is None or change.field not in TREND_FIELDS:
        return ""
    return f" ({'toward' if row['trend'] == 'toward' else 'away from'} target {show(row['target'])})"


@dataclass
class Section:
    """Consecutive changes shown under one heading: the journey, a definitions list, or a stage."""

    key: str  # "journey", "persona", "channel", "source", or "stages.<id>"
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
    """``OLD → NEW``, or the one side with ``(new file)`` / ``(deleted)``."""
    if diff.old_name is None:
        return f"{diff.new_name} (new file)"
    if diff.new_name is None:
        return f"{diff.old_name} (deleted)"
    return f"{diff.old_name} → {diff.new_name}"


def emotion_by_stage(diff: FileDiff) -> dict[str, tuple[float | None, float | None]]:
    return {row["stage"]: (row["old"], row["new"]) for row in diff.summary.get("emotion", ())}


def counts(summary: dict[str, Any]) -> str:
    """``14 changes (3 added, 2 removed, 7 changed, 2 moved)`` (zero counts left out)."""
    total = summary["changes"]
    if not total:
        return "no changes"
    parts = [f"{summary[op]} {op}" for op in SYMBOL if summary[op]]
    return f"{total} change{'' if total == 1 else 's'} ({', '.join(parts)})"


def outcomes(summary: dict[str, Any]) -> list[str]:
    """The pain point, opportunity and metric counts, only those that are not zero."""
    parts = []
    pains, opportunities = summary["pain_points"], summary["opportunities"]
    if pains["added"] or pains["resolved"]:
        parts.append(f"pain points: {len(pains['added'])} added, {len(pains['resolved'])} resolved")
    if opportunities["added"] or opportunities["done"]:
        parts.append(f"opportunities: {len(opportunities['added'])} added, {len(opportunities['done'])} done")
    toward = sum(1 for row in summary["metrics"] if row["trend"] == "toward")
    away = len(summary["metrics"]) - toward
    if toward or away:
        parts.append(f"metrics: {toward} toward target, {away} away")
    return parts
