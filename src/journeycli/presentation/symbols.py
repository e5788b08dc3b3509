"""How emotion, severity and metric status are written for people to read.

The Markdown report and the terminal view share these so they never disagree.
Every symbol comes with a number or a word: colour alone must never carry the
meaning (colour-blind readers, NO_COLOR, printed pages).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import PainPoint

FACES = {-2: "😞", -1: "🙁", 0: "😐", 1: "🙂", 2: "😄"}
SPARKS = {-2: "▁", -1: "▂", 0: "▃", 1: "▅", 2: "▇"}
"""Sparkline blocks, low to high; ``NO_EMOTION`` marks a step without emotion."""
NO_EMOTION = "·"
SEVERITIES = ("low", "medium", "high", "critical")


def emotion_label(emotion: int | None) -> str:
    """``+1 🙂``, ``0 😐``, ``-2 😞``; a dash for a step without emotion."""
    if emotion is None:
        return "—"
    return f"{emotion:+d} {FACES[emotion]}" if emotion else f"0 {FACES[0]}"


def worst_severity(pains: Iterable[PainPoint]) -> str | None:
    return max((pain.severity for pain in pains), key=SEVERITIES.index, default=None)


def words(value: str) -> str:
    """``in_progress`` → ``in progress``, for enum values shown to people."""
    return value.replace("_", " ")


def number(value: float) -> str:
    """``48.0`` → ``48``, ``0.41`` → ``0.41``: the shortest text that reads back as the same number."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
