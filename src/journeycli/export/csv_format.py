"""The journey as CSV, one row per step, for spreadsheets; also the layout `journey import --from csv` reads.

Columns, in this order (``COLUMNS``):

stage_id, stage_name, step_id, step_name, channel, layer, personas (ids joined
with ``;``; empty means every persona), emotion (-2 … 2, empty when unknown),
moment_of_truth (``true``/``false``), pain_count, worst_severity, metrics
(``id=value/target`` or ``id=value``, joined with ``;``), description.

A stage without steps still gets a row, with the step columns empty, so that
importing the file gives back every stage.

Formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula, and some (LibreOffice)
also a line of a multi-line cell. Every line of a *text* cell that starts so
gets a leading ``'`` (as OWASP recommends); numbers such as an emotion of -2
are written as they are. A line that already starts with ``'`` followed by
such a character gets one more ``'``, so ``unguard`` gives back exactly what
was written.

Rows end with ``\\n``; a cell holding a line break is quoted (see
``presentation.spreadsheet.csv_line``).
"""

from __future__ import annotations

from ..model import Journey, Metric, Stage, Step
from ..presentation.spreadsheet import csv_line, guard
from ..presentation.symbols import number, worst_severity

COLUMNS = (
    "stage_id",
    "stage_name",
    "step_id",
    "step_name",
    "channel",
    "layer",
    "personas",
    "emotion",
    "moment_of_truth",
    "pain_count",
    "worst_severity",
    "metrics",
    "description",
)

def metric_cell(metric: Metric) -> str:
    target = "" if metric.target is None else "/" + number(metric.target)
    return f"{metric.id}={number(metric.value)}{target}"


def _row(stage: Stage, step: Step | None) -> list[str | int]:
    if step is None:
        return [guard(stage.id), guard(stage.name)] + [""] * (len(COLUMNS) - 2)
    return [
        guard(stage.id),
        guard(stage.name),
        guard(step.id),
        guard(step.name),
        guard(step.channel or ""),
        step.layer,
        guard(";".join(step.personas or [])),
        "" if step.emotion is None else step.emotion,
        "true" if step.moment_of_truth else "false",
        len(step.pain_points),
        worst_severity(step.pain_points) or "",
        guard(";".join(metric_cell(m) for m in step.metrics)),
        guard(step.description or ""),
    ]


def export(journey: Journey) -> str:
    return csv_line(COLUMNS) + "".join(csv_line(_row(stage, step)) for stage in journey.stages for step in stage.steps or [None])
