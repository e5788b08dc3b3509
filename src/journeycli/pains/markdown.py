"""`journey pains --format markdown`: one section per file with a pain table and a hotspot table.

User text is escaped as in `journey export --format markdown`.
"""

from __future__ import annotations

from typing import TextIO

from ..presentation.markdown import cell, code, text
from ..presentation.symbols import words
from .cells import LEGEND, NONE, ONLY_IDEAS, OPEN, WEIGHT_LEGEND, lost, lost_reason, percent, reasons, signed, step_label, summary
from .cells import weighted as weighted_cell
from .score import PainReport, RankedPain


def addressed_cell(row: RankedPain) -> str:
    """As ``cells.addressed``, ids as code; the words that say it is not addressed in bold."""
    listed = ", ".join(f"{code(a.id)} ({words(a.status)})" for a in row.addressed_by)
    if row.addressed:
        return listed
    return f"**{ONLY_IDEAS}** — {listed}" if listed else f"**{OPEN}**"


def _weight_cells(row: RankedPain, weighted: bool) -> list[str]:
    """With --weight-by-drop-off: the customers lost and the weighted score; an unknown loss with its reason."""
    if not weighted:
        return []
    reason = lost_reason(row)
    return [f"{lost(row)} ({text(reason)})" if reason else lost(row), weighted_cell(row)]


def write(reports: list[PainReport], out: TextIO) -> None:
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
                    addressed_cell(row),
                    percent(row),
                    *_weight_cells(row, r.weighted),
                ]
                for row in r.pain_points
            ]
            header = ("rank", "score", "severity", "pain point", "stage", "step", "owner", "evidence", "addressed by", "affected")
            weight = ("lost", "weighted") if r.weighted else ()
            lines += table(header + weight, "rrlllllrlr" + "rr" * bool(weight), rows)
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
                    f"**yes**: {text(', '.join(reasons(h)))}" if h.hotspot else "no",
                ]
                for h in r.hotspots
            ]
            lines += table(("stage", "mean emotion", "pain points", "worst step", "hotspot"), "lrrll", rows)
        else:
            lines.append("_No stages in this view._")
        lines.append("")
    lines += [f"_{text(LEGEND)}_", ""]
    if any(r.weighted for r in reports):
        lines += [f"_{text(WEIGHT_LEGEND)}_", ""]
    out.write("\n".join(lines))
