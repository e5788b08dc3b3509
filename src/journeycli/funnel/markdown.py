"""`journey funnel --format markdown`: the path as a table, the ranked drops, stage conversion (for a PR or a wiki)."""

from __future__ import annotations

from typing import TextIO

from .cells import UNKNOWN, basis, drop_words, goes, percent, share_of, short
from .report import Funnel


def write(funnels: list[tuple[str, Funnel]], out: TextIO) -> None:
    from ..presentation.markdown import cell, code, text

    lines: list[str] = []
    for _file, f in funnels:
        lines += [f"## {text(f.resolved.journey.title)} — funnel", ""]
        if f.resolved.persona:
            lines += [f"Persona: {code(f.resolved.persona)}", ""]
        if not f.measured:
            lines += ["No step on the main path has reach.", ""]
            continue
        lines += [f"Main path, {basis(f)}.", "", "| Step | Stage | Reach | Share | Drop |", "|---|---|--:|--:|--:|"]
        for p in f.path:
            drop = "" if p is f.path[-1] else (f"{short(p.drop, f.model)} ({percent(p.drop_share or 0)})" if p.drop is not None else UNKNOWN)
            share = share_of(p.reach, f.model)
            lines.append(f"| {cell(p.step.name)} ({code(p.step.id)}) | {cell(p.stage.name)} | {short(p.reach, f.model)} | {percent(share) if share is not None else '—'} | {drop} |")
        lines += ["", "### Largest drops", ""]
        for rank, p in enumerate(f.ranked(), 1):
            lines.append(f"{rank}. {text(drop_words(p, f))}")
            for where in goes(p.flow, f.model, p.after):
                lines.append(f"   - {text(where)}")
            for pain in p.pain_points:
                lines.append(f"   - pain point {code(pain.id)} ({pain.severity}): {text(pain.description)}")
            for opp in p.opportunities:
                lines.append(f"   - opportunity {code(opp.id)} ({opp.status}): {text(opp.description)}")
        lines += ["", "### Stage conversion", "", "| Stage | Entered | Went on | Conversion |", "|---|--:|--:|--:|"]
        for s in f.stages:
            lines.append(
                f"| {cell(s.stage.name)} | {short(s.entered, f.model)} | {short(s.converted, f.model)} | {percent(s.conversion) if s.conversion is not None else UNKNOWN} |"
            )
        lines.append("")
    out.write("\n".join(lines) + ("\n" if not lines else ""))
