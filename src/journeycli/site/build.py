"""Building the whole site: the portfolio report first, then every journey's pages on all cores, then the summary pages.

1. Every file is validated and summarised for the portfolio report, as
   `journey portfolio` does (``runner.check_all``).
2. Each valid journey gets its place (``journeys/ID/``; a second journey with
   the same id gets ``ID-2``…, in the order the files were found) and its links
   to the others (``part_of``, ``future_of`` and the other way round).
3. Workers (a forked process pool) draw each journey's maps and write its
   pages (``journey_page``); this is most of the time.
4. The index, pains, opportunities and owners pages and the assets are written,
   and the staged folder takes the place of the old site (``folder``).

Nothing in the output depends on the time, the machine or the order workers
finish in: the same files give the same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..engines import Engine
from ..inputs import Input
from . import folder as site_folder
from . import history
from .journey_page import Job, Links, Place, write_journey
from .pages import ASSET_FILES, ASSETS, SUMMARY_PAGES, render


@dataclass
class Built:
    journeys: int = 0
    invalid: list = field(default_factory=list)  # diagnostics of the files left out
    errors: list[str] = field(default_factory=list)  # journeys whose pictures could not be drawn


@dataclass(frozen=True)
class Plan:
    """Everything the build needs, fixed before it starts (workers inherit it)."""

    inputs: list[Input]
    output: str
    settings: Any
    today: date
    engine: Engine
    pdf_engine: Engine | None
    timeout: float
    history: int  # commits shown per journey; 0: none


def build(plan: Plan) -> Built:
    """Build the site of ``plan`` into ``plan.output``; returns what was built and what was left out."""
    from functools import partial

    from ..portfolio.checks import portfolio_check
    from ..portfolio.report import build as build_report
    from ..portfolio.uses import scope_of
    from ..runner import check_all

    check = partial(portfolio_check, scope=scope_of(plan.settings), settings=plan.settings, today=plan.today)
    outcomes = list(check_all(plan.inputs, check))
    built = Built(invalid=[d for o in outcomes for d in o.diagnostics if d.severity.name == "ERROR"])
    valid = [(item, o.digest) for item, o in zip(plan.inputs, outcomes) if o.digest is not None]
    report = build_report([part for _, part in valid], plan.today)
    jobs = _jobs(valid, plan.history)
    built.journeys = len(jobs)
    staged = site_folder.staging(plan.output)
    try:
        built.errors = _write_journeys(jobs, staged, plan)
        _write_summaries(report, jobs, staged)
        if built.errors:
            site_folder.discard(staged)
        else:
            site_folder.put_in_place(staged, plan.output)
    except BaseException:
        site_folder.discard(staged)
        raise
    return built


def _jobs(valid: list[tuple[Input, Any]], commits: int) -> list[Job]:
    """Each valid journey's place on the site and its links to the others."""
    places: list[Place] = []
    taken: set[str] = set()
    for item, part in valid:
        slug, n = part.row.id, 1
        while slug in taken:
            n += 1
            slug = f"{part.row.id}-{n}"
        taken.add(slug)
        places.append(Place(slug, part.row.id, part.row.title, item.name))
    by_id = _by_id(places)
    parts: dict[str, list[Place]] = {}
    futures: dict[str, list[Place]] = {}
    for (_, part), place in zip(valid, places):
        if part.row.part_of:
            parts.setdefault(part.row.part_of.split("/")[0], []).append(place)
        if part.row.future_of:
            futures.setdefault(part.row.future_of, []).append(place)
    jobs = []
    for (item, part), place in zip(valid, places):
        row = part.row
        linked = row.part_of.split("/") if row.part_of else None
        links = Links(
            part_of=by_id.get(linked[0]) if linked else None,
            part_of_missing=linked[0] if linked and linked[0] not in by_id else None,
            parts=tuple(parts.get(row.id, ()) if by_id[row.id] is place else ()),
            current=by_id.get(row.future_of) if row.future_of else None,
            current_missing=row.future_of if row.future_of and row.future_of not in by_id else None,
            futures=tuple(futures.get(row.id, ()) if by_id[row.id] is place else ()),
        )
        top = history.repository_of(os.path.dirname(os.path.abspath(item.path))) if commits and item.path else None
        jobs.append(Job(item, place, links, row, top))
    return jobs


def _by_id(places: list[Place]) -> dict[str, Place]:
    """The place of each journey id: the first journey with that id, as links and the owners page name it."""
    found: dict[str, Place] = {}
    for place in places:
        found.setdefault(place.id, place)
    return found


_PLAN: Plan | None = None  # the plan workers were forked with


def _one(job: Job, staged: str) -> str | None:
    assert _PLAN is not None
    return write_journey(job, staged, _PLAN.engine, _PLAN.pdf_engine, _PLAN.timeout, _PLAN.history)


def _chunk(args: tuple[list[Job], str]) -> list[str | None]:
    jobs, staged = args
    return [_one(job, staged) for job in jobs]


def _write_journeys(jobs: list[Job], staged: str, plan: Plan) -> list[str]:
    """Every journey's pages, on all cores when there are enough journeys; the error of each one that failed."""
    global _PLAN
    _PLAN = plan
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < 4 or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        results = [_one(job, staged) for job in jobs]
    else:
        size = max(1, len(jobs) // (workers * 4))
        chunks = [(jobs[i : i + size], staged) for i in range(0, len(jobs), size)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = [error for done in pool.imap(_chunk, chunks) for error in done]
    return [error for error in results if error is not None]


def _write_summaries(report: Any, jobs: list[Job], staged: str) -> None:
    """The portfolio's pages and the assets."""
    place_of_file = {job.place.file: job.place for job in jobs}
    place_of_id = _by_id([job.place for job in jobs])
    counts = {"journeys": len(jobs), "pains": len(report.pains), "opportunities": len(report.backlog), "owners": len(report.owners)}
    for name, (file, title) in SUMMARY_PAGES.items():
        page = render(f"{name}.html", root="", title=title, current_page=name, report=report, place_of_file=place_of_file, place_of_id=place_of_id, counts=counts)
        site_folder.save(os.path.join(staged, file), page)
    for asset in ASSET_FILES:
        with open(os.path.join(ASSETS, asset), "rb") as handle:
            site_folder.save(os.path.join(staged, "assets", asset), handle.read())
