"""One journey file through `journey data import`: validated, its rows spliced in, the new bytes validated again, the change described.

Each file is independent of the others, so the command runs ``update`` in
worker processes when there are many (``commands.data``). The new text is
validated as a file of its own before anything is written: if the splices
would leave it invalid, the finding is reported at the CSV row that made the
change (D008) and no file is written. The journey read back from the new
bytes is the "after" side of the change shown, so what is printed is what the
file will say, not what the rows meant to say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..inputs import Input
from .edits import Plan, plan
from .rows import Row, finding


@dataclass
class Outcome:
    """What became of one journey file; ``journey_id`` is None when the file is not valid."""

    path: str
    name: str
    journey_id: str | None = None
    invalid: list[Diagnostic] = field(default_factory=list)  # the file's own findings, then D007: it is never rewritten
    found: list[Diagnostic] = field(default_factory=list)  # findings about CSV rows (D002, D006, D008)
    new_bytes: bytes | None = None  # the file's new content, when it changes
    diff: Any = None  # ``diff.changes.FileDiff`` of the change, without its journeys once ``lines`` are drawn
    lines: list = field(default_factory=list)  # the change in `journey diff`'s text view (Rich ``Text`` lines)


@dataclass
class Job:
    """What every file's update needs: the CSV's rows by journey id, the CSV's name, how to follow `uses`, and whether lines keep their colours.

    Worker processes are forked with it (``serve``), so the rows are not sent to them.
    """

    rows_by_journey: dict[str, list[Row]]
    csv_file: str
    scope: Any
    styled: bool

    def run(self, item: Input) -> Outcome:
        outcome = update(item, self.rows_by_journey, self.csv_file, self.scope)
        outcome.lines = [_packed(line, self.styled) for line in outcome.lines]
        return outcome

    @staticmethod
    def serve(job: Job) -> None:
        """Pool initializer: the job this worker runs."""
        global _JOB
        _JOB = job

    @staticmethod
    def serve_one(item: Input) -> Outcome:
        return _JOB.run(item)


_JOB: Job


def _packed(line: Any, styled: bool) -> Any:
    """A drawn line as plain text, or with its styles as plain tuples: Rich ``Text`` objects are slow to send between processes."""
    if not styled:
        return line.plain
    return line.plain, str(line.style), tuple((span.start, span.end, str(span.style)) for span in line.spans)


def unpacked(line: Any) -> Any:
    """The line ``_packed`` sent, as ``diff.text`` writes it: a string prints as it is, a tuple becomes Rich ``Text`` again."""
    if isinstance(line, str):
        return line
    from rich.text import Span, Text

    plain, style, spans = line
    return Text(plain, style=style, spans=[Span(*span) for span in spans])


def update(item: Input, rows_by_journey: dict[str, list[Row]], csv_file: str, scope: Any) -> Outcome:
    """Validate ``item``, splice in the rows for its journey id, and validate the result."""
    from ..runner import finished, read_input, with_excerpts
    from ..validation import validate

    outcome = Outcome(item.path or item.name, item.name)
    raw = read_input(item)
    checked = None if isinstance(raw, Diagnostic) else validate(raw, item.name, scope)
    if checked is None or checked.journey is None:
        outcome.invalid = [raw] if checked is None else finished(with_excerpts(raw, checked.diagnostics, item.name))
        outcome.invalid.append(finding(item.name, 1, 1, "D007", "this journey file is not valid, so no file is changed; fix it first"))
        return outcome
    journey = checked.journey
    outcome.journey_id = journey.id
    rows = rows_by_journey.get(journey.id)
    if not rows:
        return outcome
    text = raw.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    spliced = plan(text[len(bom) :], checked.sourcemap, journey, rows, csv_file)
    outcome.found = spliced.found
    if spliced.found or not spliced.changes:
        return outcome
    new_bytes = (bom + spliced.result()).encode("utf-8")
    rechecked = validate(new_bytes, item.name, scope)
    if rechecked.journey is None:
        outcome.found = would_be_invalid(spliced, rechecked.diagnostics, item.name, csv_file)
        return outcome
    outcome.new_bytes = new_bytes
    outcome.diff, outcome.lines = _described(outcome.path, journey, rechecked.journey)
    return outcome


def would_be_invalid(spliced: Plan, diagnostics: Sequence[Diagnostic], name: str, csv_file: str) -> list[Diagnostic]:
    """D008 at the CSV row whose change stands on (or last before) the line of each error in the rewritten file."""
    found = []
    for d in diagnostics:
        if d.severity < Severity.ERROR:
            continue
        row = spliced.row_at(d.line)
        found.append(
            finding(
                csv_file,
                row.line,
                row.columns["value"],
                "D008",
                f"with this row {name} would not be valid (line {d.line}, column {d.column} of the rewritten file: {d.message}), so no file is changed",
                "change this value in the journey file by hand",
            )
        )
    return found


def _described(path: str, old: Any, new: Any) -> tuple[Any, list]:
    """The change as `journey diff` shows it: its FileDiff (journeys dropped, they are not needed after drawing) and its text lines."""
    from ..diff import text
    from ..diff.changes import FileDiff
    from ..diff.compare import compare_aligned
    from ..diff.review import classify
    from ..diff.summary import summarize

    changes, aligned = compare_aligned(old, new)
    changes = classify(changes, aligned, new)
    diff = FileDiff(path, None, None, aligned, new, changes, summarize(path, changes, aligned, new))  # titled by the one path
    return replace(diff, old=None, new=None), text.file_lines(diff)


def write_all(files: list[tuple[str, bytes]]) -> None:
    """Every new file written beside its original first, then each renamed over it: a failure before the renames changes no file.

    Each file keeps its permission bits; a reader never sees a half-written file.
    """
    import os
    import tempfile

    from ..files import cannot_write

    staged: list[tuple[str, str]] = []
    try:
        for path, data in files:
            try:
                handle, temp = tempfile.mkstemp(prefix=".journey-", suffix=".tmp", dir=os.path.dirname(os.path.realpath(path)))
            except OSError as error:
                raise cannot_write(path, error) from None
            staged.append((path, temp))
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.chmod(temp, os.stat(path).st_mode & 0o7777)
            except OSError as error:
                raise cannot_write(path, error) from None
        for path, temp in staged:
            try:
                os.replace(temp, os.path.realpath(path))
            except OSError as error:
                raise cannot_write(path, error) from None
    finally:
        for _, temp in staged:
            if os.path.exists(temp):
                os.unlink(temp)
