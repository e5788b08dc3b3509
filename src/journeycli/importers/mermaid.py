"""Reading a Mermaid ``journey`` diagram: title → title, sections → stages, tasks → steps.

A task ``Pay: 2: Shopper, Partner`` becomes the step "Pay" with emotion
``score - 3`` (Mermaid's 1–5 scale moved to -2 … +2, rounded and clamped), and
its actors become declared personas. A step whose actors are all the
diagram's actors gets no `personas` (which means every persona). Tasks before
the first section go into a stage called "Steps". ``accDescr`` becomes the
description. The file may be the diagram itself or Markdown holding it in a
```` ```mermaid ```` or ```` ```mermaid-example ```` block (fenced with three
or more backticks or tildes); a ``---`` front-matter block is read as YAML for
its ``title`` (used when the diagram has none) and otherwise skipped, as are
``%%{…}%%`` directives. A diagram with a title and nothing else gets one empty
stage, so that it validates.

The grammar followed is Mermaid's own (its ``journey.jison``): the diagram is
dedented first, ``#`` and ``%%`` start comments, ``;`` is not allowed,
keywords are case-insensitive, an ``accDescr { … }`` block may be followed by
another statement on its closing line, and a task's data after a second ``:``
is ignored. What Mermaid would reject is rejected here with the line to fix.
Every journey diagram of Mermaid's own docs and tests imports (see
tests/fixtures/import/mermaid-upstream/).
"""

from __future__ import annotations

import math
import re

import yaml

from ..export.mermaid import KEYWORD_GUARD
from . import Malformed
from .draft import Draft

MERMAID = "I004"
"""The code of every finding about a diagram (importers.CODES)."""

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*mermaid(-example)?\s*$", re.IGNORECASE)
_TITLE = re.compile(r"(?i)title\s+(.*)")
_ACC_TITLE = re.compile(r"(?i)acctitle\s*:")
_ACC_DESCR = re.compile(r"(?i)accdescr\s*:(.*)")
_ACC_DESCR_BLOCK = re.compile(r"(?i)accdescr\s*\{(.*)")
_SECTION = re.compile(r"(?i)section\s+(.*)")
_SCORE = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")

Line = tuple[int, str]


def _diagram(text: str) -> list[Line]:
    """The numbered, dedented lines of the diagram: the whole file, or the first Mermaid block that holds a journey."""
    lines = list(enumerate(text.splitlines(), 1))
    start = 0
    while start < len(lines):
        opening = next((i for i in range(start, len(lines)) if _FENCE.match(lines[i][1])), None)
        if opening is None:
            break
        fence = _FENCE.match(lines[opening][1])[1]
        closing = next((i for i in range(opening + 1, len(lines)) if _closes(lines[i][1], fence)), len(lines))
        block = lines[opening + 1 : closing]
        if any(line.strip().lower() == "journey" for _, line in block):
            return _dedent(block)
        start = closing + 1
    return _dedent(lines)


def _closes(line: str, fence: str) -> bool:
    """A closing fence: the opening's character, at least as many times, and nothing else (CommonMark)."""
    stripped = line.strip()
    return len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)


def _dedent(lines: list[Line]) -> list[Line]:
    """Lines without the indentation they all share, as Mermaid dedents a diagram before reading it."""
    indents = [len(line) - len(line.lstrip()) for _, line in lines if line.strip()]
    cut = min(indents, default=0)
    return [(number, line[cut:]) for number, line in lines]


def _front_matter(lines: list[Line]) -> tuple[list[Line], str | None]:
    """Lines after a leading ``---`` block, and the block's ``title`` if it has one (the block is YAML)."""
    meaningful = [i for i, (_, line) in enumerate(lines) if line.strip()]
    if not meaningful or lines[meaningful[0]][1].strip() != "---":
        return lines, None
    first = meaningful[0]
    end = next((i for i in range(first + 1, len(lines)) if lines[i][1].strip() == "---"), None)
    if end is None:
        raise Malformed(lines[first][0], "the front matter that starts here has no closing `---`", MERMAID)
    try:
        data = yaml.safe_load("\n".join(line for _, line in lines[first + 1 : end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = lines[first + 1 + mark.line][0] if mark is not None and first + 1 + mark.line < end else lines[first][0]
        raise Malformed(line, f"the front matter is not valid YAML: {getattr(error, 'problem', None) or error}", MERMAID) from None
    title = data.get("title") if isinstance(data, dict) else None
    return lines[end + 1 :], str(title).strip() or None if title is not None else None


def _emotion(score_text: str) -> int | None:
    """Mermaid's 1–5 score as -2 … +2 (rounded, clamped); None when it is not a number, which Mermaid still draws."""
    if not _SCORE.fullmatch(score_text):
        return None
    return max(-2, min(2, math.floor(float(score_text) + 0.5) - 3))


class _Reader:
    """Mermaid statements, one line at a time, into a draft."""

    def __init__(self) -> None:
        self.draft = Draft()
        self.stage: dict | None = None

    def statement(self, number: int, line: str) -> None:
        if match := _TITLE.fullmatch(line):
            self.draft.title = match[1].strip()
        elif _ACC_TITLE.match(line):
            pass  # an accessibility title repeats the title for screen readers
        elif match := _ACC_DESCR.fullmatch(line):
            self.draft.description = match[1].strip() or None
        elif match := _SECTION.fullmatch(line):
            if ":" in match[1]:
                raise Malformed(number, "a section name cannot contain `:`", MERMAID)
            self.stage = self.draft.add_stage(match[1].strip())
        else:
            self.task(number, line)

    def task(self, number: int, line: str) -> None:
        name, colon, data = line.partition(":")
        name = name.strip().removeprefix(KEYWORD_GUARD).strip()
        if not colon:
            raise Malformed(number, f"expected a task `name: score: actors`, a `section` or a `title`; found `{_short(line)}`", MERMAID)
        if not name:
            raise Malformed(number, "this task has no name before the `:`", MERMAID)
        pieces = data.split(":")  # Mermaid reads the score and the actors, and ignores anything after a third `:`
        emotion = _emotion(pieces[0].strip())
        if emotion is None:
            shown = pieces[0].strip() or "nothing"
            self.draft.notes.append((number, f"the score must be a number from 1 to 5; found {shown}, so the step `{name}` has no emotion"))
        names = [actor.strip() for actor in pieces[1].split(",")] if len(pieces) >= 2 else []
        if self.stage is None:
            self.stage = self.draft.add_stage("Steps")
        personas = list(dict.fromkeys(self.draft.personas.id_for(n) for n in names if n))
        self.draft.add_step(self.stage, name, personas=personas, emotion=emotion)

    def finish(self) -> Draft:
        """Leave `personas` out where a step has every actor, or none: both mean every persona."""
        everyone = self.draft.personas.ids()
        for step in self.draft.steps():
            if not step["personas"] or set(step["personas"]) == everyone:
                del step["personas"]
        return self.draft


def _short(line: str) -> str:
    return line if len(line) <= 40 else line[:39] + "…"


def parse(text: str) -> Draft:
    lines, front_title = _front_matter(_diagram(text))
    reader = _Reader()
    header: int | None = None
    description_from: int | None = None  # the line where an `accDescr {` block opened
    directive_from: int | None = None  # the line where a `%%{` directive spanning lines opened
    description: list[str] = []
    pending = list(reversed(lines))  # a statement after an `accDescr { … }` block's `}` comes back here
    while pending:
        number, raw = pending.pop()
        if directive_from is not None:
            if "}%%" in raw:
                directive_from = None
            continue
        if description_from is not None:
            body, closed, rest = raw.partition("}")
            description.append(body.strip())
            if closed:
                reader.draft.description = " ".join(part for part in description if part) or None
                description_from = None
                pending.append((number, rest))
            continue
        line = raw.strip()
        if line.startswith("%%{"):
            directive_from = None if "}%%" in line else number
            continue
        line = line.split("%%", 1)[0].split("#", 1)[0].strip()
        if not line:
            continue
        if ";" in line:
            raise Malformed(number, "Mermaid does not allow `;` in a journey; remove it or use `,`", MERMAID)
        if header is None:
            if line.lower() != "journey":
                raise Malformed(number, f"a Mermaid journey diagram starts with the line `journey`; found `{_short(line)}`", MERMAID)
            header = number
        elif match := _ACC_DESCR_BLOCK.fullmatch(line):
            head, closed, rest = match[1].partition("}")
            if closed:
                reader.draft.description = head.strip() or None
                pending.append((number, rest))
            else:
                description_from, description = number, [head.strip()]
        else:
            reader.statement(number, line)
    if description_from is not None:
        raise Malformed(description_from, "the `accDescr {` block that starts here is not closed with `}`", MERMAID)
    if header is None:
        raise Malformed(1, "no `journey` line: this is not a Mermaid journey diagram", MERMAID)
    reader.draft.title = reader.draft.title or front_title
    if not reader.draft.stages:
        if reader.draft.title is None:
            raise Malformed(header, "the diagram has no title, no sections and no tasks", MERMAID)
        reader.draft.add_stage("Steps")  # Mermaid draws a title alone; a journey needs a stage
    return reader.finish()
