"""The journey as a Markdown report for wikis and pull requests.

Layout: title and description; owner, review date, personas and objectives;
then stage by stage a table of steps (emotion as number and face, channel,
pain points, opportunities); then every pain point (worst first), every
opportunity and every metric with its target.

User text is escaped by ``presentation.markdown``, never trusted.
"""

from __future__ import annotations

from ..model import Journey, Metric, Step
from ..presentation.markdown import cell, code, text
from ..presentation.symbols import SEVERITIES, emotion_label, number, words
from ..verdicts import on_target


def _table(header: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _meta(journey: Journey) -> list[str]:
    reviewed = journey.last_reviewed.isoformat() if journey.last_reviewed else "never"
    lines = [f"- **Owner:** {text(journey.owner)}"] if journey.owner else []
    lines.append(f"- **Last reviewed:** {reviewed} (review every {journey.review_interval_months} months)")
    if journey.personas:
        lines.append("- **Personas:** " + ", ".join(text(p.name) for p in journey.personas))
    if journey.tags:
        lines.append("- **Tags:** " + ", ".join(text(tag) for tag in journey.tags))
    if journey.objectives:
        lines += ["", "**Objectives**", ""] + [f"- {text(objective)}" for objective in journey.objectives]
    return lines


def _step_row(step: Step, channels: dict[str, str]) -> list[str]:
    name = text(step.name) + (" ★ *moment of truth*" if step.moment_of_truth else "")
    channel = channels.get(step.channel, step.channel) if step.channel else None
    pains = "<br>".join(f"⚠ {p.severity} {code(p.id)}" for p in step.pain_points) or "—"
    opportunities = "<br>".join(f"→ {words(o.status)} {code(o.id)}" for o in step.opportunities) or "—"
    return [name, emotion_label(step.emotion), cell(channel) if channel else "—", pains, opportunities]


def _stages(journey: Journey) -> list[str]:
    channels = {c.id: c.name for c in journey.channels or []}
    lines: list[str] = []
    for n, stage in enumerate(journey.stages, 1):
        lines += ["", f"## {n}. {text(stage.name)}", ""]
        if stage.goal:
            lines += [f"*Goal:* {text(stage.goal)}", ""]
        if stage.description:
            lines += [text(stage.description), ""]
        if stage.steps:
            rows = [_step_row(step, channels) for step in stage.steps]
            lines += _table(("Step", "Emotion", "Channel", "Pain points", "Opportunities"), rows)
        else:
            lines.append("*No steps yet.*")
    return lines


def _pains(journey: Journey) -> list[str]:
    found = [(stage, step, pain) for stage, step in journey.steps() for pain in step.pain_points]
    if not found:
        return []
    addressed: dict[str, list[str]] = {}
    for _, step in journey.steps():
        for opportunity in step.opportunities:
            for pain_id in opportunity.addresses:
                addressed.setdefault(pain_id, []).append(code(opportunity.id))
    found.sort(key=lambda item: -SEVERITIES.index(item[2].severity))  # stable: document order within a severity
    rows = [
        [
            f"⚠ {pain.severity}",
            f"{code(pain.id)} {cell(pain.description)}",
            f"{text(stage.name)} › {text(step.name)}",
            f"{pain.affected:.0%}" if pain.affected is not None else "—",
            ", ".join(addressed.get(pain.id, [])) or "**nothing yet**",
        ]
        for stage, step, pain in found
    ]
    return ["", "## Pain points", ""] + _table(("Severity", "Pain point", "Where", "Affected", "Addressed by"), rows)


def _opportunities(journey: Journey) -> list[str]:
    rows = [
        [
            f"→ {words(o.status)}",
            f"{code(o.id)} {cell(o.description)}",
            words(o.kind) if o.kind else "—",
            f"{text(stage.name)} › {text(step.name)}",
            ", ".join(code(p) for p in o.addresses) or "—",
            cell(o.owner) if o.owner else "—",
        ]
        for stage, step in journey.steps()
        for o in step.opportunities
    ]
    if not rows:
        return []
    return ["", "## Opportunities", ""] + _table(("Status", "Opportunity", "Kind", "Where", "Addresses", "Owner"), rows)


def _status(metric: Metric) -> str:
    judged = on_target(metric)
    if judged is None:
        return "no target" if metric.target is None else "no direction (`better`)"
    return "✅ on target" if judged else "❌ off target"


def _metrics(journey: Journey) -> list[str]:
    rows = []
    for stage, step in journey.steps():
        for metric in step.metrics:
            unit = f" {text(metric.unit)}" if metric.unit else ""
            target = f"{number(metric.target)}{unit}" if metric.target is not None else "—"
            better = f" ({metric.better} is better)" if metric.better else ""
            rows.append(
                [
                    f"{text(metric.name or metric.id)} {code(metric.id)}",
                    f"{text(stage.name)} › {text(step.name)}",
                    f"{number(metric.value)}{unit}",
                    target + better,
                    _status(metric),
                ]
            )
    if not rows:
        return []
    return ["", "## Metrics", ""] + _table(("Metric", "Where", "Value", "Target", "Status"), rows)


def export(journey: Journey) -> str:
    lines = [f"# {text(journey.title)}", ""]
    if journey.description:
        lines += [text(journey.description), ""]
    lines += _meta(journey)
    lines += _stages(journey)
    lines += _pains(journey)
    lines += _opportunities(journey)
    lines += _metrics(journey)
    return "\n".join(lines) + "\n"
