"""Reading a CSV spreadsheet in the layout `journey export --format csv` writes.

Only ``stage_name`` and ``step_name`` are required; every other column of
``COLUMNS`` is optional, in any order. Headers are matched loosely
(``Stage name`` = ``stage_name``). Rows of one stage must be together; a row
with an empty step is a stage without steps. ``pain_count`` and
``worst_severity`` are summaries and are not read back. Channels and personas
named in the sheet are declared with ids made from their names (an id stays as
it is). The delimiter is ``,``, ``;`` or a tab, whichever the header uses most.
A leading ``'`` added against formula injection is removed again.
"""

from __future__ import annotations

import csv
import io
import math
import re
from typing import Any, get_args

from ..export.csv_format import COLUMNS
from ..model import Layer
from ..presentation.spreadsheet import field_starts, unguard
from ..suggest import closest
from . import Malformed
from .draft import Draft
from .ids import UniqueIds

HEADER, ROW = "I002", "I003"
"""The codes of findings about the header and about a row (importers.CODES)."""

REQUIRED = ("stage_name", "step_name")
_SUMMARIES = ("pain_count", "worst_severity")
_STEP_COLUMNS = tuple(c for c in COLUMNS if c not in ("stage_id", "stage_name") and c not in _SUMMARIES)
_EMOTION = re.compile(r"[-+]?[0-9]+(\.0*)?")
_NUMBER = r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"  # ASCII digits: float() also reads other scripts'
_METRIC = re.compile(rf"\s*([^=]+?)\s*=\s*({_NUMBER})\s*(?:/\s*({_NUMBER})\s*)?")
_TRUTH = {"true": True, "yes": True, "y": True, "1": True, "x": True, "false": False, "no": False, "n": False, "0": False}
_LAYERS = get_args(Layer)


def _column(header: str) -> str:
    return re.sub(r"[\s-]+", "_", header.strip().lstrip("\ufeff").lower())


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","


def _columns(header: list[str]) -> list[str]:
    names = [_column(cell) for cell in header]
    for index, name in enumerate(names):
        if name not in COLUMNS:
            close = closest(name, COLUMNS)
            hint = f"did you mean `{close}`?" if close else f"the columns are: {', '.join(COLUMNS)}"
            raise Malformed(1, f"unknown column `{name}`; {hint}", HEADER, cell=index)
        if name in names[:index]:
            raise Malformed(1, f"the column `{name}` appears twice", HEADER, cell=index)
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise Malformed(1, f"the header needs the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}", HEADER)
    return names


def _emotion(value: str, line: int) -> int | None:
    if not value:
        return None
    if not _EMOTION.fullmatch(value) or not -2 <= float(value) <= 2:  # float: a 400-digit number is no overflow
        raise Malformed(line, f"emotion must be a whole number from -2 to 2; found `{value}`", ROW, cell="emotion")
    return int(float(value))


def _truth(value: str, line: int) -> bool | None:
    if value.lower() not in _TRUTH:
        raise Malformed(line, f"moment_of_truth must be true or false; found `{value}`", ROW, cell="moment_of_truth")
    return _TRUTH[value.lower()] or None


def _layer(value: str, line: int) -> str | None:
    if value.lower() not in _LAYERS:
        raise Malformed(line, f"layer must be one of {', '.join(_LAYERS)}; found `{value}`", ROW, cell="layer")
    return value.lower() if value.lower() != "frontstage" else None


def _number(text: str, line: int) -> int | float:
    value = float(text)
    if not math.isfinite(value):
        raise Malformed(line, f"the metric number `{text[:40]}{'…' if len(text) > 40 else ''}` is too large to use", ROW, cell="metrics")
    return int(text) if re.fullmatch(r"[-+]?\d{1,300}", text) else value


def _metrics(value: str, line: int) -> list[dict[str, Any]]:
    ids = UniqueIds("metric")
    metrics = []
    for part in filter(str.strip, value.split(";")):
        match = _METRIC.fullmatch(part)
        if match is None:
            raise Malformed(line, f"a metric is written `id=value` or `id=value/target`; found `{part.strip()}`", ROW, cell="metrics")
        metric: dict[str, Any] = {"id": ids.make(match[1]), "value": _number(match[2], line)}
        if match[3] is not None:
            metric["target"] = _number(match[3], line)
        metrics.append(metric)
    return metrics


class _Sheet:
    """Rows into a draft, one stage at a time."""

    def __init__(self) -> None:
        self.draft = Draft()
        self.stage: dict = {}
        self.stage_key: str | None = None
        self.closed: dict[str, int] = {}  # stage key -> the line where it started

    def row(self, cells: dict[str, str], line: int) -> None:
        name, key = cells.get("stage_name", ""), cells.get("stage_id") or cells.get("stage_name", "")
        if not name:
            raise Malformed(line, "stage_name is empty; every row names its stage", ROW, cell="stage_name")
        if key != self.stage_key:
            if key in self.closed:
                raise Malformed(line, f"the stage `{key}` (line {self.closed[key]}) continues here after another stage; keep each stage's rows together", ROW, cell="stage_name")
            self.closed[key] = line
            self.stage, self.stage_key = self.draft.add_stage(name, cells.get("stage_id")), key
        if cells.get("step_name"):
            self.step(self.stage, cells, line)
        elif filled := [c for c in _STEP_COLUMNS if cells.get(c)]:
            raise Malformed(line, f"step_name is empty, but this row has {', '.join(filled)}", ROW, cell="step_name")

    def step(self, stage: dict, cells: dict[str, str], line: int) -> None:
        channel, personas = cells.get("channel"), [p.strip() for p in cells.get("personas", "").split(";") if p.strip()]
        self.draft.add_step(
            stage,
            cells["step_name"],
            cells.get("step_id"),
            description=cells.get("description") or None,
            channel=self.draft.channels.id_for(channel) if channel else None,
            personas=[self.draft.personas.id_for(p) for p in personas] or None,
            layer=_layer(cells["layer"], line) if cells.get("layer") else None,
            emotion=_emotion(cells.get("emotion", ""), line),
            moment_of_truth=_truth(cells["moment_of_truth"], line) if cells.get("moment_of_truth") else None,
            metrics=_metrics(cells.get("metrics", ""), line) or None,
        )


def parse(text: str) -> Draft:
    # A cell may be as long as the file (whose size is bounded when read); csv's default stops at 131,072.
    field_limit = csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    try:
        return _parse(text)
    finally:
        csv.field_size_limit(field_limit)


def _parse(text: str) -> Draft:
    delimiter = _delimiter(text)
    try:
        return _rows(text, delimiter)
    except Malformed as error:  # a cell's index becomes the column where the cell starts
        if isinstance(error.cell, int) and error.column is None:
            lines = text.split("\n")
            starts = field_starts(lines[error.line - 1], delimiter) if error.line <= len(lines) else []
            error.column = starts[error.cell] if error.cell < len(starts) else None
        raise


def _rows(text: str, delimiter: str) -> Draft:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    sheet = _Sheet()
    names: list[str] | None = None
    line = 1
    try:
        for cells in reader:
            if names is None:
                names = _columns(cells)
            elif any(cell.strip() for cell in cells):
                if len(cells) > len(names):
                    raise Malformed(line, f"this row has {len(cells)} cells, but the header has {len(names)} columns", ROW, cell=len(names))
                try:
                    sheet.row({name: unguard(cell.strip()) for name, cell in zip(names, cells)}, line)
                except Malformed as error:
                    error.cell = names.index(error.cell) if error.cell in names else None
                    raise
            line = reader.line_num + 1
    except csv.Error as error:
        hint = "; a quoted cell is never closed" if "end of data" in str(error) else ""
        raise Malformed(line, f"the row that starts here is not valid CSV: {error}{hint}", ROW) from None
    if names is None:
        raise Malformed(1, "the file is empty; the first line must be a header with stage_name and step_name", HEADER)
    if not sheet.draft.stages:
        raise Malformed(line, "the file has a header but no rows", HEADER)
    return sheet.draft
