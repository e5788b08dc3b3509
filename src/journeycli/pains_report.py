"""The formats of `journey pains`: each ``pains.PainReport`` as text, JSON, Markdown or CSV.

The scoring lives in ``pains``, the command in ``commands.pains``; this module only writes.

- text: on a terminal (without ``NO_COLOR``), Rich tables with colour; anywhere
  else the same columns as plain aligned text without a single escape code,
  one line per pain point with its description on the line below.
- json: ``{"files": [{"file", "journey", "title", "pain_points": [...],
  "hotspots": [...]}]}``; see docs/pains.md for every key.
- markdown: one section per file with a pain table and a hotspot table; user
  text is escaped as in `journey export --format markdown`.
- csv: one row per pain point with a ``file`` column; text cells a spreadsheet
  would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) get a
  leading ``'`` as in `journey export --format csv`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from .export.symbols import words
from .pains import Hotspot, PainReport, RankedPain

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

FORMATS = ("text", "json", "markdown", "csv")

CSV_COLUMNS = (
    "file",
    "journey",
    "rank",
    "score",
    "severity",
    "id",
    "description",
    "stage",
    "stage_name",
    "step",
    "step_name",
    "owner",
    "evidence",
    "sources",
    "addressed",
    "addressed_by",
    "affected",
    "affected_estimated",
    "moment_of_truth",
    "emotion",
)

SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "dim"}
NONE = "—"
MOMENT_OF_TRUTH = "★"
LEGEND = (
    "score = severity weight (low 1, medium 2, high 4, critical 8) × share affected (50% when the map does not say: estimated)"
    f" × 1.5 on a moment of truth ({MOMENT_OF_TRUTH}) × 1.25 at emotion -1 or 1.5 at -2 (the step's emotion is in brackets)."
    " See docs/pains.md."
)


# What every format shows the same way -----------------------------------------------------------


def number(value: Decimal) -> str:
    """A decimal without trailing zeros: ``0.40`` → ``0.4``, ``40.0`` → ``40``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def percent(row: RankedPain) -> str:
    share = number(row.affected * 100) + "%"
    return f"{share} (estimated)" if row.affected_estimated else share


def signed(value: int | Decimal | None, places: int = 0) -> str:
    if value is None:
        return NONE
    return f"{value:+.{places}f}" if value else f"{0:.{places}f}"


def step_label(row: RankedPain) -> str:
    """The step's name with its emotion (it changes the score) and a star on a moment of truth."""
    label = row.step_name if row.emotion is None else f"{row.step_name} ({signed(row.emotion)})"
    return f"{label} {MOMENT_OF_TRUTH}" if row.moment_of_truth else label


def addressed(row: RankedPain) -> str:
    return ", ".join(f"{a.id} ({words(a.status)})" for a in row.addressed_by) or "NO"


def summary(report: PainReport) -> str:
    parts = [f"{report.total} pain point{'' if report.total == 1 else 's'}", f"{report.unaddressed} unaddressed"]
    hot = sum(1 for h in report.hotspots if h.hotspot)
    parts.append(f"{hot} hotspot stage{'' if hot == 1 else 's'}")
    if report.persona is not None:
        parts.append(f"persona {report.persona}")
    if len(report.pain_points) < report.total:
        parts.append(f"showing {len(report.pain_points)}")
    return " · ".join(parts)


# JSON ----------------------------------------------------------------------------------------------


def _pain_json(row: RankedPain) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "score": float(row.shown_score),
        "severity": row.severity,
        "id": row.id,
        "description": row.description,
        "stage": row.stage,
        "step": row.step,
        "owner": row.owner,
        "sources": list(row.sources),
        "addressed_by": [{"id": a.id, "status": a.status} for a in row.addressed_by],
        "affected": float(row.affected),
        "affected_estimated": row.affected_estimated,
        "moment_of_truth": row.moment_of_truth,
        "emotion": row.emotion,
    }


def _hotspot_json(hotspot: Hotspot) -> dict[str, Any]:
    return {
        "stage": hotspot.stage,
        "name": hotspot.name,
        "mean_emotion": None if hotspot.mean_emotion is None else float(hotspot.mean_emotion),
        "pain_count": hotspot.pain_count,
        "worst_step": hotspot.worst_step,
        "hotspot": hotspot.hotspot,
    }


def to_json(reports: list[PainReport]) -> str:
    files = [
        {
            "file": r.file,
            "journey": r.journey,
            "title": r.title,
            "pain_points": [_pain_json(row) for row in r.pain_points],
            "hotspots": [_hotspot_json(h) for h in r.hotspots],
        }
        for r in reports
    ]
    return json.dumps({"files": files}, indent=2, ensure_ascii=False) + "\n"


# CSV -----------------------------------------------------------------------------------------------


def to_csv(reports: list[PainReport]) -> str:
    from .export.csv_format import guard

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in reports:
        for row in r.pain_points:
            writer.writerow(
                [
                    guard(r.file),
                    guard(r.journey),
                    row.rank,
                    f"{row.shown_score:.2f}",
                    row.severity,
                    guard(row.id),
                    guard(row.description),
                    guard(row.stage),
                    guard(row.stage_name),
                    guard(row.step),
                    guard(row.step_name),
                    guard(row.owner or ""),
                    len(row.sources),
                    guard(";".join(row.sources)),
                    "yes" if row.addressed_by else "no",
                    guard("; ".join(f"{a.id} ({a.status})" for a in row.addressed_by)),
                    number(row.affected),
                    "true" if row.affected_estimated else "false",
                    "true" if row.moment_of_truth else "false",
                    "" if row.emotion is None else row.emotion,
                ]
            )
    return buffer.getvalue()


# Markdown ------------------------------------------------------------------------------------------


def to_markdown(reports: list[PainReport]) -> str:
    from .export.markdown import cell, code, text

    def table(header: tuple[str, ...], align: str, rows: list[list[str]]) -> list[str]:
        rule = "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"
        return ["| " + " | ".join(header) + " |", rule] + ["| " + " | ".join(row) + " |" for row in rows]

    lines = ["# Pain points", ""]
    for r in reports:
        where = text(r.file) if "`" in r.file else code(r.file)  # a file name may hold what an id cannot
        lines += [f"## {text(r.title)}", "", f"{where} · journey {code(r.journey)} · {summary(r)}", ""]
        if r.pain_points:
            rows = [
                [
                    str(row.rank),
                    f"{row.shown_score:.2f}",
                    row.severity,
                    f"{code(row.id)}<br>{cell(row.description)}",
                    text(row.stage_name),
                    text(step_label(row)),
                    text(row.owner) if row.owner else NONE,
                    str(len(row.sources)),
                    ", ".join(f"{code(a.id)} ({words(a.status)})" for a in row.addressed_by) or "**NO**",
                    percent(row),
                ]
                for row in r.pain_points
            ]
            header = ("rank", "score", "severity", "pain point", "stage", "step", "owner", "evidence", "addressed by", "affected")
            lines += table(header, "rrlllllrlr", rows)
        else:
            lines.append("_No pain points to show._")
        lines += ["", "### Hotspots", ""]
        if r.hotspots:
            rows = [
                [
                    text(h.name),
                    signed(h.mean_emotion, 2),
                    str(h.pain_count),
                    text(h.worst_step_name) if h.worst_step_name else NONE,
                    "**yes**" if h.hotspot else "no",
                ]
                for h in r.hotspots
            ]
            lines += table(("stage", "mean emotion", "pain points", "worst step", "hotspot"), "lrrll", rows)
        else:
            lines.append("_No stages in this view._")
        lines.append("")
    lines += [f"_{text(LEGEND)}_", ""]
    return "\n".join(lines)


# Text ----------------------------------------------------------------------------------------------

PAIN_COLUMNS = ("#", "score", "severity", "pain point", "stage", "step", "owner", "evidence", "addressed by", "affected")
PAIN_RIGHT = {0, 1, 7, 9}
HOTSPOT_COLUMNS = ("stage", "mean emotion", "pain points", "worst step", "hotspot")
HOTSPOT_RIGHT = {1, 2}


def _pain_cells(row: RankedPain) -> list[str]:
    return [
        str(row.rank),
        f"{row.shown_score:.2f}",
        row.severity,
        row.id,
        row.stage_name,
        step_label(row),
        row.owner or NONE,
        str(len(row.sources)),
        addressed(row),
        percent(row),
    ]


def _hotspot_cells(h: Hotspot) -> list[str]:
    return [h.name, signed(h.mean_emotion, 2), str(h.pain_count), h.worst_step_name or NONE, "yes" if h.hotspot else "no"]


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _plain_table(columns: tuple[str, ...], right: set[int], rows: list[list[str]], details: list[str] | None = None) -> list[str]:
    """Aligned columns, two spaces apart; a detail line goes under its row, starting at the fourth column."""
    from rich.cells import cell_len

    rows = [[_one_line(c) for c in row] for row in rows]
    widths = [max([cell_len(columns[i])] + [cell_len(row[i]) for row in rows]) for i in range(len(columns))]

    def line(cells: list[str] | tuple[str, ...]) -> str:
        padded = []
        for i, value in enumerate(cells):
            gap = " " * (widths[i] - cell_len(value))
            padded.append(gap + value if i in right else value + gap)
        return "  ".join(padded).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    indent = " " * (sum(widths[:3]) + 6) if details is not None else ""
    for n, row in enumerate(rows):
        out.append(line(row))
        if details is not None:
            out.append(indent + _one_line(details[n]))
    return out


def _write_plain(reports: list[PainReport], out: TextIO) -> None:
    for n, r in enumerate(reports):
        lines = [""] if n else []
        lines += [f"{r.title} ({r.journey}) — {r.file}", summary(r), ""]
        if r.pain_points:
            rows = [_pain_cells(row) for row in r.pain_points]
            lines += _plain_table(PAIN_COLUMNS, PAIN_RIGHT, rows, [row.description for row in r.pain_points])
        else:
            lines.append("No pain points to show.")
        lines += ["", "Hotspots"]
        if r.hotspots:
            lines += _plain_table(HOTSPOT_COLUMNS, HOTSPOT_RIGHT, [_hotspot_cells(h) for h in r.hotspots])
        else:
            lines.append("No stages in this view.")
        out.write("\n".join(lines) + "\n")
    out.write(f"\n{LEGEND}\n")


PAIN_MIN_WIDTH = 30
"""Narrowest the pain point column may get in the wide table; below that the table stacks."""
CAPPED = {4: 24, 5: 28, 6: 20, 8: 32}
"""Columns that wrap in the wide table, and the widest each may get."""


def _fits_wide(rows: list[RankedPain], width: int) -> bool:
    """Whether every column fits side by side with room left for the pain point's description."""
    from rich.cells import cell_len

    needed = PAIN_MIN_WIDTH + 2 * (len(PAIN_COLUMNS) - 1)
    for i, name in enumerate(PAIN_COLUMNS):
        if i == 3:
            continue
        lines = [name] + [line for row in rows for line in _pain_cells(row)[i].split(", " if i == 8 else "\n")]
        natural = max(cell_len(line) for line in lines)
        needed += min(natural, CAPPED.get(i, natural))
    return needed <= width


def _pain_table(rows: list[RankedPain], width: int) -> "Table":
    """The ranked pain points as a Rich table: every column when the terminal is wide enough, else the
    figures in their own columns and everything else stacked under the pain point's description."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    wide = _fits_wide(rows, width)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True)
    shown = PAIN_COLUMNS if wide else PAIN_COLUMNS[:4]
    for i, name in enumerate(shown):
        if i == 3:  # the pain point takes the room the figures leave
            table.add_column(name, ratio=1, min_width=24, overflow="fold")
        elif i in CAPPED:
            table.add_column(name, max_width=CAPPED[i], overflow="fold")
        else:
            table.add_column(name, justify="right" if i in PAIN_RIGHT else "left", no_wrap=True)
    for row in rows:
        cells: list[Any] = list(_pain_cells(row))
        cells[2] = Text(row.severity, style=SEVERITY_STYLE[row.severity])
        open_ = Text("NO", style="bold red") if not row.addressed_by else None
        if wide:
            cells[3] = Text.assemble((row.id, "bold"), "\n", row.description)
            cells[8] = open_ or Text("\n".join(f"{a.id} ({words(a.status)})" for a in row.addressed_by))
            table.add_row(*cells)
            continue
        details = f"{row.stage_name} › {step_label(row)} · owner {row.owner or NONE} · {len(row.sources)} source{'' if len(row.sources) == 1 else 's'} · {percent(row)} affected"
        pain = Text.assemble((row.id, "bold"), "\n", row.description, "\n", (details, "dim"), "\n", ("addressed by: ", "dim"))
        pain.append_text(open_ or Text(addressed(row)))
        table.add_row(*cells[:3], pain)
    return table


def _write_rich(reports: list[PainReport], con: "Console") -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    for n, r in enumerate(reports):
        if n:
            con.print()
        con.print(Text.assemble((r.title, "bold"), (f" ({r.journey}) — {r.file}", "dim")))
        con.print(Text(summary(r), style="dim"))
        if r.pain_points:
            con.print(_pain_table(r.pain_points, con.width))
        else:
            con.print(Text("No pain points to show.", style="italic"))
        con.print(Text("Hotspots", style="bold"))
        if r.hotspots:
            table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
            for i, name in enumerate(HOTSPOT_COLUMNS):
                table.add_column(name, justify="right" if i in HOTSPOT_RIGHT else "left")
            for h in r.hotspots:
                cells = list(_hotspot_cells(h))
                cells[4] = Text(cells[4], style="bold red" if h.hotspot else "dim")
                table.add_row(*cells)
            con.print(table)
        else:
            con.print(Text("No stages in this view.", style="italic"))
    con.print()
    con.print(Text(LEGEND, style="dim"))


def write_text(reports: list[PainReport], out: TextIO) -> None:
    """Rich tables on a terminal; plain aligned text (no escape codes) anywhere else."""
    from .terminal import console

    con = console(out)
    if con is None:
        _write_plain(reports, out)
    else:
        _write_rich(reports, con)
