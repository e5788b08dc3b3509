"""One journey's pages: the map for everyone and one per persona, each with its details, tables, flow and links.

A persona's view is a page of its own (``persona-ID.html``), not a picture
swapped by script: each page then carries one map (a 60-step map is a few
hundred kB of SVG; five of them would not fit the 1 MB a page may take), the
switcher is a row of plain links that works without JavaScript, and a view can
be linked to. Everything below the map (step details, pain points,
opportunities) follows the persona, as `journey render --persona` and `journey
pains --persona` do.

Runs in a worker process: ``write_journey`` reads and validates the file
again (sending models between processes costs more), draws the pictures and
writes the pages, and returns only what went wrong.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..engines import Engine
from ..flow import Resolved, resolve
from ..inputs import Input
from ..model import Journey
from ..render.lanes import LANES
from .folder import save
from .maps import SWITCHED_LANES, inline
from .pages import render

JOURNEYS_DIR = "journeys"


@dataclass(frozen=True)
class Place:
    """Where a journey is on the site, and how other pages name it."""

    slug: str
    id: str
    title: str
    file: str

    @property
    def folder(self) -> str:
        return f"{JOURNEYS_DIR}/{self.slug}"


@dataclass(frozen=True)
class Links:
    """A journey's place among the others: what it details, what details it, its current and future states."""

    part_of: Place | None = None  # the journey this one details
    part_of_missing: str | None = None  # the id named in part_of when that journey is not on the site
    parts: tuple[Place, ...] = ()
    current: Place | None = None
    current_missing: str | None = None
    futures: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Job:
    """What a worker needs to write one journey's pages (small and picklable)."""

    item: Input
    place: Place
    links: Links
    row: Any  # portfolio.report.JourneyRow
    repository: str | None = None  # the top of the git repository the file is in, for its recent history


def write_journey(job: Job, folder: str, engine: Engine, pdf_engine: Engine | None, timeout: float, commits: int) -> str | None:
    """Write every page and download of ``job`` under ``folder`` (with its last ``commits`` changes); returns an error message, or None."""
    from ..render import draw, picture
    from ..render.output import EngineFailed, LayoutTimeout
    from ..runner import read_journey
    from .history import recent

    journey, _ = read_journey(job.item)
    if journey is None:
        return f"{job.item.name} changed while the site was built; build it again"
    changes = recent(job.item.path, job.repository, commits) if job.repository and job.item.path and commits else []
    target = os.path.join(folder, job.place.folder)
    os.makedirs(target, exist_ok=True)
    with open(job.item.path, "rb") as handle:  # type: ignore[arg-type]
        save(os.path.join(target, f"{job.place.slug}.journey.yaml"), handle.read())
    views = [None, *(p.id for p in journey.personas or ())]
    try:
        for persona in views:
            resolved = resolve(journey, persona)
            names = {step_id: resolved.steps[step_id].name for step_id in resolved.order}
            suffix = "" if persona is None else f"-{persona}"
            drawing = draw(resolved, "map")
            svg = picture(drawing, "svg", engine, timeout)
            flow = picture(draw(resolved, "flow"), "svg", engine, timeout)
            save(os.path.join(target, f"map{suffix}.svg"), svg)
            save(os.path.join(target, f"flow{suffix}.svg"), flow)
            if persona is None and pdf_engine is not None:
                save(os.path.join(target, "map.pdf"), picture(drawing, "pdf", pdf_engine, timeout))
            context = _context(job, journey, resolved, views, inline(svg, "map", names), inline(flow, "flow", names), suffix, pdf_engine is not None, changes)
            save(os.path.join(target, page_name(persona)), render("journey.html", **context))
    except LayoutTimeout:
        return f"the layout of {job.item.name} took longer than {timeout:g} s and was stopped; raise --timeout"
    except EngineFailed as error:
        return f"{job.item.name}: {error}"
    return None


def page_name(persona: str | None) -> str:
    return "index.html" if persona is None else f"persona-{persona}.html"


def _context(job: Job, journey: Journey, resolved: Resolved, views: list[str | None], map_svg: str, flow_svg: str, suffix: str, pdf: bool, changes: list) -> dict[str, Any]:
    from markupsafe import Markup

    from ..pains.score import rank

    personas = {p.id: p.name for p in journey.personas or ()}
    persona = resolved.persona
    stages = []
    for stage in journey.stages:
        steps = [resolved.steps[s] for s in resolved.order if resolved.stage_of[s].id == stage.id]
        stages.append((stage, steps))
    opportunities = [(o, resolved.steps[step_id]) for step_id in resolved.order for o in resolved.steps[step_id].opportunities]
    pain_names = {pain.id: pain.description for _, _, pain in resolved.pain_points()}
    present = {lane for step_id in resolved.order for lane in _lanes_of(resolved, step_id)}
    downloads = [("Map (SVG)", f"map{suffix}.svg"), ("Flow (SVG)", f"flow{suffix}.svg")]
    if pdf and persona is None:
        downloads.append(("Map (PDF)", "map.pdf"))
    downloads.append(("Journey file (YAML)", f"{job.place.slug}.journey.yaml"))
    return {
        "root": "../../",
        "title": journey.title if persona is None else f"{journey.title} — {personas.get(persona, persona)}",
        "current_page": None,
        "place": job.place,
        "journey": journey,
        "row": job.row,
        "persona": persona,
        "persona_name": personas.get(persona) if persona else None,
        "views": [(p, "All personas" if p is None else personas.get(p, p), page_name(p)) for p in views],
        "map_svg": Markup(map_svg),
        "flow_svg": Markup(flow_svg),
        "lanes": [(lane, LANES[lane][0]) for lane in SWITCHED_LANES if lane in present],
        "stages": stages,
        "step_names": {step_id: step.name for step_id, step in resolved.steps.items()},
        "shown_steps": set(resolved.order),
        "pains": rank(resolved, job.place.file),
        "opportunities": opportunities,
        "pain_names": pain_names,
        "addressed_by": resolved.addressed_by,
        "personas": personas,
        "channels": {c.id: c.name for c in journey.channels or ()},
        "teams": {t.id: t.name for t in journey.teams or ()},
        "sources": {s.id: s for s in journey.sources},
        "successors": resolved.successors,
        "links": job.links,
        "part_of_anchor": None if journey.part_of is None else f"step-{journey.part_of.step}" if journey.part_of.step else f"stage-{journey.part_of.stage}" if journey.part_of.stage else None,
        "part_of_where": None if journey.part_of is None else journey.part_of.step or journey.part_of.stage,
        "history": changes,
        "downloads": downloads,
    }


def _lanes_of(resolved: Resolved, step_id: str) -> list[str]:
    step = resolved.steps[step_id]
    lanes = []
    if step.emotion is not None:
        lanes.append("emotion")
    if step.pain_points:
        lanes.append("pains")
    if step.opportunities:
        lanes.append("opportunities")
    if step.metrics:
        lanes.append("metrics")
    if step.layer in ("backstage", "support"):
        lanes.append(step.layer)
    return lanes
