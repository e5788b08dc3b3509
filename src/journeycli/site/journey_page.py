"""One journey's page: the map, the persona switcher, every step's details, the tables, the flow and the links.

The page holds one map, drawn for every persona: the persona switcher (a
script) fades the steps a persona does not take, on the map and in the lists
below it, from the ``personas`` of each step. Drawing one map per persona
would give each persona its own layout, but would cost a map per persona for
every journey (500 journeys must build in under a minute) and would not fit in
the 1 MB a page of a 60-step journey may take; `journey render --persona`
draws that picture.

Runs in a worker process: ``write_journey`` reads and validates the file
again (sending models between processes costs more), draws the pictures and
writes the page, and returns only what went wrong.
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
SOURCE = "source.yaml"
"""The journey file's copy on the site: a name no journey glob matches, so `journey lint .` never finds it (it downloads as ID.journey.yaml)."""


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
    """What a worker needs to write one journey's page (small and picklable)."""

    item: Input
    place: Place
    links: Links
    row: Any  # portfolio.report.JourneyRow
    repository: str | None = None  # the top of the git repository the file is in, for its recent history


def write_journey(job: Job, folder: str, engine: Engine, pdf_engine: Engine | None, timeout: float, commits: int) -> str | None:
    """Write the page and the downloads of ``job`` under ``folder`` (with its last ``commits`` changes); returns an error message, or None."""
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
        save(os.path.join(target, SOURCE), handle.read())
    try:
        resolved = resolve(journey)
        names = {step_id: resolved.steps[step_id].name for step_id in resolved.order}
        drawing = draw(resolved, "map")
        svg = picture(drawing, "svg", engine, timeout)
        flow = picture(draw(resolved, "flow"), "svg", engine, timeout)
        save(os.path.join(target, "map.svg"), svg)
        save(os.path.join(target, "flow.svg"), flow)
        if pdf_engine is not None:
            save(os.path.join(target, "map.pdf"), picture(drawing, "pdf", pdf_engine, timeout))
        context = _context(job, journey, resolved, inline(svg, "map", names), inline(flow, "flow", names), pdf_engine is not None, changes)
        save(os.path.join(target, "index.html"), render("journey.html", **context))
    except LayoutTimeout:
        return f"the layout of {job.item.name} took longer than {timeout:g} s and was stopped; raise --timeout"
    except EngineFailed as error:
        return f"{job.item.name}: {error}"
    return None


def _context(job: Job, journey: Journey, resolved: Resolved, map_svg: str, flow_svg: str, pdf: bool, changes: list) -> dict[str, Any]:
    from markupsafe import Markup

    from ..pains.score import rank

    personas = {p.id: p.name for p in journey.personas or ()}
    opportunities = [(o, resolved.steps[step_id]) for step_id in resolved.order for o in resolved.steps[step_id].opportunities]
    pain_names = {pain.id: pain.description for _, _, pain in resolved.pain_points()}
    present = {lane for step_id in resolved.order for lane in _lanes_of(resolved, step_id)}
    slug = job.place.slug
    downloads = [("Map (SVG)", "map.svg", f"{slug}-map.svg"), ("Flow (SVG)", "flow.svg", f"{slug}-flow.svg")]
    if pdf:
        downloads.append(("Map (PDF)", "map.pdf", f"{slug}-map.pdf"))
    downloads.append(("Journey file (YAML)", SOURCE, f"{slug}.journey.yaml"))
    return {
        "root": "../../",
        "title": journey.title,
        "current_page": None,
        "place": job.place,
        "journey": journey,
        "row": job.row,
        "map_svg": Markup(map_svg),
        "flow_svg": Markup(flow_svg),
        "lanes": [(lane, LANES[lane][0]) for lane in SWITCHED_LANES if lane in present],
        "stages": [(stage, stage.steps) for stage in journey.stages],
        "step_names": {step_id: step.name for step_id, step in resolved.steps.items()},
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
