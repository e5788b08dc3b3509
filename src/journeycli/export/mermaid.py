"""The journey as a Mermaid ``journey`` diagram (GitHub renders it inside Markdown).

Mapping: the title is the diagram title, each stage a ``section``, each step a
task ``name: score: actors``. The score is the emotion moved to Mermaid's 1–5
scale (emotion + 3; a step without emotion scores a neutral 3). The actors are
the names of the step's personas, or of every persona when the step names none.

Mermaid's journey grammar cannot escape anything, so text is made safe instead:

- line breaks, tabs and control characters become single spaces;
- bidirectional embedding, override and isolate controls (U+202A–U+202E,
  U+2066–U+2069) are dropped: a browser would apply them to the label, so a
  name could show its letters in another order than the file holds ("Trojan
  Source"). Right-to-left text needs none of them to display correctly; the
  marks U+200E, U+200F and U+061C, which only settle neutral characters, stay;
- characters that end a token become their full-width look-alikes: ``#`` and
  ``;`` everywhere, ``:`` in section, task and actor names, ``,`` in actor names
  (``#``→``＃``, ``;``→``；``, ``:``→``：``, ``,``→``，``);
- ``%`` becomes ``％``: Mermaid's lexer takes a ``%`` for the start of a
  comment and drops the rest of the line, task and all;
- a task name that Mermaid would read as a keyword (``Title page…``,
  ``Section 2…``, ``Journey…``, ``accDescr…``) gets an invisible zero-width
  space in front, which ``journey import`` removes again;
- an empty name falls back to the stage or step id.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Journey

KEYWORD_GUARD = "\u200b"
"""Zero-width space: invisible, and not whitespace to Mermaid's lexer, so a keyword after it is plain text."""

_KEYWORD = re.compile(r"(?ai)(journey\b|title\s|section\s|acc(title|descr)\b)")
_LOOKALIKE = {"#": "＃", ";": "；", ":": "：", ",": "，"}
_NO_REORDERING = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
TITLE, NAME, ACTOR = "#;", "#;:", "#;:,"
"""The characters each kind of text must not contain."""


def score(emotion: int | None) -> int:
    """Emotion -2 … +2 as Mermaid's 1 … 5; no emotion is a neutral 3."""
    return 3 if emotion is None else emotion + 3


def clean(text: str, forbidden: str) -> str:
    """``text`` on one line, without reordering controls, with ``forbidden`` characters replaced by look-alikes."""
    spaced = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text.translate(_NO_REORDERING))
    flat = " ".join(spaced.split()).replace("%", "％")
    return "".join(_LOOKALIKE[ch] if ch in forbidden else ch for ch in flat)


def task_name(text: str) -> str:
    return KEYWORD_GUARD + text if _KEYWORD.match(text) else text


def export(journey: Journey) -> str:
    persona_names = {p.id: clean(p.name, ACTOR) or p.id for p in journey.personas or []}
    everyone = list(persona_names.values())
    lines = ["journey"]
    title = clean(journey.title, TITLE)
    if title:
        lines.append(f"  title {title}")
    for stage in journey.stages:
        lines.append(f"  section {clean(stage.name, NAME) or stage.id}")
        for step in stage.steps:
            actors = everyone if step.personas is None else [persona_names.get(p) or clean(p, ACTOR) for p in step.personas]
            task = f"    {task_name(clean(step.name, NAME) or step.id)}: {score(step.emotion)}"
            actors = [a for a in dict.fromkeys(actors) if a]
            lines.append(f"{task}: {', '.join(actors)}" if actors else task)
    return "\n".join(lines) + "\n"
