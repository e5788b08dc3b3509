#!/usr/bin/env python3
"""Benchmark the `journey` CLI on synthetic journey maps (stdlib only).

Generates deterministic journey files (format v1) into a work directory, runs
each selected scenario as a subprocess (best wall time of N runs, peak RSS of
the child) and prints a table, or JSON with --json.

    python benchmarks/run.py                      # every scenario
    python benchmarks/run.py validate-5k startup  # only these
    python benchmarks/run.py --journey "python3 -c pass" --repeat 1
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import random
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SCHEMA = REPO / "schemas" / "journey.schema.json"
MIB = 1024 * 1024
# ru_maxrss is in KiB on Linux and in bytes on macOS.
RSS_BYTES = 1 if sys.platform == "darwin" else 1024

CORPUS_FILES = 1000
CORPUS_STEPS = 40
PORTFOLIO_FILES = 500
PORTFOLIO_STEPS = 40
PHASES = {"Awareness": "awareness", "Consideration": "consideration", "Research": "consideration",
          "Purchase": "purchase", "Onboarding": "onboarding", "Delivery": "onboarding", "Usage": "usage",
          "Support": "support", "Renewal": "retention", "Advocacy": "advocacy"}
IMPORT_STEPS = 240  # steps per file in data-import-100k: enough reach and metric cells for 100,000 rows

# --------------------------------------------------------------------------
# Vocabulary for the generator
# --------------------------------------------------------------------------

DOMAINS = [
    ("Online checkout", ["ecommerce", "web"]),
    ("Mobile banking onboarding", ["banking", "mobile"]),
    ("Home insurance claim", ["insurance", "claims"]),
    ("Broadband installation", ["telecom", "field-service"]),
    ("Hotel booking", ["travel", "web"]),
    ("Patient appointment", ["health", "booking"]),
]
PERSONAS = [
    ("bargain-hunter", "Bargain hunter", "Price-sensitive, compares shops.",
     ["Pay as little as possible"], ["Hidden costs"]),
    ("busy-parent", "Busy parent", "Short on time, often on the phone.",
     ["Get it done in five minutes"], ["Long forms", "Waiting on hold"]),
    ("first-timer", "First-time customer", "Has never used the service.",
     ["Understand what happens next"], ["Jargon", "Unclear next steps"]),
    ("loyal-regular", "Loyal regular", "Buys every month, expects recognition.",
     ["Be recognised as a regular"], ["Re-entering known details"]),
]
CHANNELS = [
    ("web", "Web shop"), ("mobile-app", "Mobile app"), ("email", "Email"),
    ("phone", "Phone support"), ("store", "Retail store"), ("chat", "Live chat"),
]
SOURCE_KINDS = ["survey", "interview", "analytics", "support_tickets", "usability_test", "other"]
TEAMS = ["growth-team", "checkout-team", "support-team", "logistics", "marketing",
         "platform-team", "crm-team"]
STAGES = ["Awareness", "Consideration", "Research", "Purchase", "Onboarding",
          "Delivery", "Usage", "Support", "Renewal", "Advocacy"]
ACTIONS = [
    "Sees an ad", "Reads reviews", "Compares prices", "Visits the website",
    "Searches for a product", "Filters results", "Opens product page",
    "Checks delivery options", "Asks a question in chat", "Adds to cart",
    "Creates an account", "Logs in", "Resets password", "Enters address",
    "Chooses delivery slot", "Applies a voucher", "Pays by card",
    "Receives confirmation email", "Tracks the parcel", "Calls support",
    "Receives the parcel", "Unpacks the order", "Returns an item",
    "Gets a refund", "Leaves a review", "Recommends to a friend", "Reads the FAQ",
    "Uploads documents", "Books an appointment", "Waits in a queue",
    "Signs the contract", "Sets up the app", "Receives an invoice",
    "Updates payment details", "Renews the subscription",
    "Cancels the subscription", "Talks to an advisor", "Visits the store",
    "Scans a QR code", "Watches a tutorial",
]
THOUGHTS = [
    "Is shipping included?", "Why do I need an account for this?", "That was quick.",
    "I can't find the total price.", "Nice: it remembered my address.",
    "Will this arrive before Friday?", "Too many fields to fill in.",
    "Great, exactly what I wanted.", "Who do I call if this goes wrong?",
    "I'll come back to this later.",
]
PAINS = [  # (pain point, opportunity that addresses it)
    ("Shipping cost appears only at the last step.", "Show a shipping estimate on product pages."),
    ("The form loses entered data after an error.", "Keep field values when validation fails."),
    ("Hold time on the phone exceeds 15 minutes.", "Offer a call-back slot instead of waiting."),
    ("The confirmation email lands in spam.", "Fix sender authentication (SPF/DKIM)."),
    ("Password rules are shown only after a failure.", "Show password rules next to the field."),
    ("Delivery slots are fully booked for a week.", "Add evening slots in busy areas."),
    ("Error messages show internal codes.", "Rewrite error messages in plain language."),
    ("The voucher field rejects valid codes.", "Accept codes in any letter case."),
]
OPPORTUNITY_KINDS = ["fix", "improvement", "operational"]
OPPORTUNITY_STATUS = ["idea", "planned", "in_progress", "done"]
SEVERITIES = ["low", "medium", "medium", "high", "critical"]
METRICS = [  # (id, name, unit, better, low, high)
    ("conversion-rate", "Conversion rate", "ratio", "higher", 0.1, 0.9),
    ("drop-off", "Drop-off rate", "ratio", "lower", 0.05, 0.6),
    ("time-on-task", "Time on task", "seconds", "lower", 20, 600),
    ("csat", "Customer satisfaction", "score 1-5", "higher", 2.5, 4.9),
    ("contact-rate", "Support contact rate", "ratio", "lower", 0.01, 0.3),
    ("nps", "Net promoter score", "points", "higher", -30, 60),
]
LOOP_CHANCE = 0.04
PAIN_CHANCE = 0.25
METRIC_CHANCE = 0.4  # not every step has a KPI; keeps 1,000 x 40 steps near the issue's 16 MB


class Context(NamedTuple):
    """Ids (and channel names) that steps may refer to."""

    personas: list[str]
    channels: dict[str, str]
    sources: list[str]


def slug(text: str) -> str:
    """Lower-case, hyphenated id fragment for a name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def context_of(journey: dict) -> Context:
    """Collect the ids a step may reference from a journey model."""
    return Context(
        personas=[p["id"] for p in journey["personas"]],
        channels={c["id"]: c["name"] for c in journey["channels"]},
        sources=[s["id"] for s in journey["sources"]],
    )


def all_steps(journey: dict) -> list[dict]:
    """Every step of a journey model in document order."""
    return [step for stage in journey["stages"] for step in stage["steps"]]


# --------------------------------------------------------------------------
# Generator: a journey model (dicts and lists), then YAML text
# --------------------------------------------------------------------------

def make_sources(rng: random.Random, n_steps: int) -> list[dict]:
    """Research sources: a few for small maps, up to 100 for huge ones."""
    sources = []
    for i in range(min(100, max(4, n_steps // 50))):
        kind = SOURCE_KINDS[i % len(SOURCE_KINDS)]
        source_id = f"{slug(kind)}-{i + 1:03d}"
        sources.append({
            "id": source_id,
            "kind": kind,
            "title": f"{kind.replace('_', ' ').capitalize()} {i + 1} (n={rng.randint(8, 900)})",
            "date": date(2025, 1, 1) + timedelta(days=rng.randrange(540)),
            "url": f"https://research.example.com/{source_id}",
        })
    return sources


def make_metric(rng: random.Random) -> dict:
    """One KPI with a value, a target and a direction."""
    metric_id, name, unit, better, low, high = rng.choice(METRICS)
    return {
        "id": metric_id, "name": name,
        "value": round(rng.uniform(low, high), 2),
        "target": round(rng.uniform(low, high), 2),
        "unit": unit, "better": better,
    }


def make_step(rng: random.Random, index: int, name: str, ctx: Context) -> dict:
    """One step; about a third carry a pain point and an opportunity for it."""
    channel = rng.choice(list(ctx.channels))
    has_pain = rng.random() < PAIN_CHANCE
    step = {
        "id": f"{slug(name)}-{index:05d}",
        "name": name,
        "description": f"{name} via {ctx.channels[channel].lower()}.",
        "channel": channel,
        "personas": sorted(rng.sample(ctx.personas, rng.randint(1, 2))),
        "owner": rng.choice(TEAMS),
        "emotion": rng.choice([-2, -1, -1, 0] if has_pain else [-1, 0, 1, 1, 2]),
        "thoughts": rng.choice(THOUGHTS),
        "sources": sorted(rng.sample(ctx.sources, rng.randint(1, 2))),
    }
    if rng.random() < METRIC_CHANCE:
        step["metrics"] = [make_metric(rng)]
    if has_pain:
        pain, fix = rng.choice(PAINS)
        step["pain_points"] = [{
            "id": f"pain-{index:05d}", "description": pain,
            "severity": rng.choice(SEVERITIES),
            "affected": round(rng.uniform(0.05, 0.6), 2),
            "sources": [rng.choice(ctx.sources)],
        }]
        step["opportunities"] = [{
            "id": f"fix-{index:05d}", "description": fix,
            "addresses": [f"pain-{index:05d}"],
            "kind": rng.choice(OPPORTUNITY_KINDS),
            "status": rng.choice(OPPORTUNITY_STATUS),
            "owner": step["owner"],
        }]
    return step


def stage_sizes(rng: random.Random, n_steps: int) -> list[int]:
    """Split n_steps into stages of 8..12 steps (the last may be shorter)."""
    sizes = []
    while n_steps > 0:
        sizes.append(min(n_steps, rng.randint(8, 12)))
        n_steps -= sizes[-1]
    return sizes


def add_loops(rng: random.Random, steps: list[dict]) -> None:
    """Give a few steps a branch: back to an earlier step, or on to the next."""
    for i in range(1, len(steps) - 1):
        if rng.random() < LOOP_CHANCE:
            back = steps[rng.randint(max(0, i - 5), i - 1)]["id"]
            steps[i]["next"] = [back, steps[i + 1]["id"]]


def build_journey(n_steps: int, seed: int) -> dict:
    """A valid journey model with n_steps steps, deterministic for seed."""
    rng = random.Random(seed)
    domain, tags = DOMAINS[seed % len(DOMAINS)]
    journey = {
        "format": 1,
        "id": f"{slug(domain)}-{seed}",
        "title": f"{domain} {seed}",
        "description": f"How customers get through {domain.lower()}.",
        "owner": rng.choice(TEAMS),
        "tags": tags,
        "objectives": [f"Raise completion above {rng.randint(50, 90)}%",
                       "Halve support contacts"],
        "last_reviewed": date(2025, 6, 1) + timedelta(days=rng.randrange(365)),
        "review_interval_months": 12,
        "personas": [{"id": p, "name": n, "description": d, "goals": g, "frustrations": f}
                     for p, n, d, g, f in PERSONAS],
        "channels": [{"id": c, "name": n} for c, n in CHANNELS],
        "sources": make_sources(rng, n_steps),
        "stages": [],
    }
    ctx = context_of(journey)
    index = 0
    for number, size in enumerate(stage_sizes(rng, n_steps)):
        base, round_ = STAGES[number % len(STAGES)], number // len(STAGES)
        name = base if round_ == 0 else f"{base} {round_ + 1}"
        steps = [make_step(rng, index + j, action, ctx)
                 for j, action in enumerate(rng.sample(ACTIONS, size))]
        index += size
        journey["stages"].append({
            "id": f"{slug(name)}-{number + 1:04d}", "name": name,
            "description": f"The customer's {base.lower()} phase.",
            "goal": f"Finish {base.lower()} without friction",
            "steps": steps,
        })
    add_loops(rng, all_steps(journey))
    return journey


PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_ .,'()/-]*\Z")
YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def scalar(value: object, flow: bool = False) -> str:
    """A YAML scalar: plain where unambiguous, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, date)):
        return str(value)
    text = str(value)
    plain = (PLAIN.match(text) and text.lower() not in YAML11_WORDS
             and not text.endswith(" ") and not (flow and "," in text))
    return text if plain else json.dumps(text, ensure_ascii=False)


def emit_mapping(mapping: dict, indent: int) -> list[str]:
    """Block-style YAML lines for a mapping of scalars and lists."""
    pad = " " * indent
    lines = []
    for key, value in mapping.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            for item in value:
                sub = emit_mapping(item, indent + 4)
                sub[0] = f"{pad}  - {sub[0].lstrip()}"
                lines += sub
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: [{', '.join(scalar(v, flow=True) for v in value)}]")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += emit_mapping(value, indent + 2)
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def to_yaml(journey: dict) -> str:
    """YAML text of a journey model."""
    header = "# yaml-language-server: $schema=../schemas/journey.schema.json"
    return "\n".join([header, *emit_mapping(journey, 0)]) + "\n"


def make_journey(n_steps: int, seed: int) -> str:
    """YAML text of a valid journey with n_steps steps, deterministic for seed."""
    return to_yaml(build_journey(n_steps, seed))


def mutate_journey(journey: dict, seed: int) -> dict:
    """A second version: 2% of emotions changed, a few steps renamed, moved,
    removed and added. References stay valid."""
    new = copy.deepcopy(journey)
    rng = random.Random(seed)
    steps = all_steps(new)
    for step in rng.sample(steps, max(1, len(steps) // 50)):
        step["emotion"] = rng.choice([e for e in range(-2, 3) if e != step["emotion"]])
    targets = {t for step in steps for t in step.get("next", [])}
    free = [s for s in steps if s["id"] not in targets]
    few = max(1, len(steps) // 2000)
    picked = rng.sample(free, 3 * few)
    renamed, moved, removed = picked[:few], picked[few:2 * few], picked[2 * few:]
    for step in renamed:
        step["name"] += " (revised)"
    removed_ids = {s["id"] for s in removed + moved}
    for stage in new["stages"]:
        stage["steps"] = [s for s in stage["steps"] if s["id"] not in removed_ids]
    ctx = context_of(new)
    added = [make_step(rng, len(steps) + i, rng.choice(ACTIONS), ctx) for i in range(few)]
    for step in moved + added:
        target = rng.choice(new["stages"])["steps"]
        target.insert(rng.randint(0, len(target)), step)
    return new


# --------------------------------------------------------------------------
# Inputs: generated once per run, on first use
# --------------------------------------------------------------------------

@dataclass
class Input:
    """A generated input: the path given to the command, its files and size."""

    path: Path
    files: list[Path]
    steps: int

    @property
    def mb(self) -> float:
        """Total size of the files in MiB."""
        return sum(f.stat().st_size for f in self.files) / MIB


def write_corpus(folder: Path) -> Input:
    """CORPUS_FILES files of CORPUS_STEPS steps in one directory."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for seed in range(CORPUS_FILES):
        path = folder / f"journey-{seed:04d}.journey.yaml"
        path.write_text(make_journey(CORPUS_STEPS, seed), encoding="utf-8")
        files.append(path)
    return Input(folder, files, CORPUS_FILES * CORPUS_STEPS)


def write_portfolio(folder: Path) -> Input:
    """PORTFOLIO_FILES journeys sharing two libraries (people and teams; research), linked to each other:
    every fifth journey details a step of the one before it, every tenth is a future state of it."""
    (folder / "shared").mkdir(parents=True, exist_ok=True)
    files, sources, previous = [], {}, None
    for seed in range(PORTFOLIO_FILES):
        journey = build_journey(PORTFOLIO_STEPS, seed)
        journey.pop("personas"), journey.pop("channels")
        for source in journey.pop("sources"):
            sources.setdefault(source["id"], source)
        journey = {"format": 1, "id": journey["id"], "uses": ["shared/people.library.yaml", "shared/research.library.yaml"],
                   **{k: v for k, v in journey.items() if k not in ("format", "id")}}
        for stage in journey["stages"]:
            stage["phase"] = PHASES[stage["name"].split(" ")[0]]
        if previous is not None and seed % 10 == 0:
            journey.update(state="future", future_of=previous["id"])
        elif previous is not None and seed % 5 == 0:
            journey["part_of"] = {"journey": previous["id"], "step": all_steps(previous)[0]["id"]}
        path = folder / f"journey-{seed:04d}.journey.yaml"
        path.write_text(to_yaml(journey), encoding="utf-8")
        files.append(path)
        previous = journey
    people = {"format": 1, "id": "people",
              "personas": [{"id": p, "name": n, "description": d, "goals": g, "frustrations": f} for p, n, d, g, f in PERSONAS],
              "channels": [{"id": c, "name": n} for c, n in CHANNELS],
              "teams": [{"id": t, "name": t.replace("-", " ").capitalize()} for t in TEAMS]}
    research = {"format": 1, "id": "research", "sources": list(sources.values())}
    for name, library in (("people", people), ("research", research)):
        path = folder / "shared" / f"{name}.library.yaml"
        path.write_text("\n".join(emit_mapping(library, 0)) + "\n", encoding="utf-8")
        files.append(path)
    return Input(folder, files, PORTFOLIO_FILES * PORTFOLIO_STEPS)


def write_single(path: Path, n_steps: int) -> Input:
    """One file of n_steps steps."""
    path.write_text(make_journey(n_steps, n_steps), encoding="utf-8")
    return Input(path, [path], n_steps)


def write_diff_pair(root: Path, n_steps: int) -> Input:
    """An old and a new version of an n_steps file; path is the old one."""
    old = build_journey(n_steps, n_steps)
    paths = [root / "old.journey.yaml", root / "new.journey.yaml"]
    for path, model in zip(paths, [old, mutate_journey(old, n_steps + 1)]):
        path.write_text(to_yaml(model), encoding="utf-8")
    return Input(paths[0], paths, n_steps)


def with_reach(journey: dict) -> dict:
    """The journey with `entrants` and a reach on every step, falling along the file (a few steps unmeasured)."""
    steps = all_steps(journey)
    journey["entrants"] = 10 * len(steps) + 10
    for i, step in enumerate(steps):
        if i % 50 != 7:
            step["reach"] = journey["entrants"] - 10 * i
    return journey


def write_funnel(path: Path, n_steps: int) -> Input:
    """One file of n_steps steps, every step with reach."""
    path.write_text(to_yaml(with_reach(build_journey(n_steps, n_steps))), encoding="utf-8")
    return Input(path, [path], n_steps)


def write_data_import(root: Path, n_files: int, n_rows: int) -> Input:
    """n_files journeys with reach, and a CSV of n_rows new metric values and reach for them; path is the CSV."""
    folder = root / "data-import"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(n_rows)
    cells = []
    files = []
    for seed in range(n_files):
        journey = with_reach(build_journey(IMPORT_STEPS, seed))
        path = folder / f"journey-{seed:04d}.journey.yaml"
        path.write_text(to_yaml(journey), encoding="utf-8")
        files.append(path)
        for step in all_steps(journey):
            cells += [(journey["id"], step["id"], m["id"]) for m in step.get("metrics", [])]
            if "reach" in step:
                cells.append((journey["id"], step["id"], "reach"))
    chosen = rng.sample(cells, min(n_rows, len(cells)))
    csv_path = root / "data-import.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as out:
        out.write("journey,step,metric,value,as_of\n")
        for journey_id, step_id, metric in chosen:
            value = rng.randint(0, 10) if metric == "reach" else round(rng.random(), 3)
            out.write(f"{journey_id},{step_id},{metric},{value},2026-11-30\n")
    return Input(csv_path, [csv_path, *files], len(chosen))


class Inputs:
    """Generates each benchmark input once, in a worker process.

    Linux carries a process's peak RSS across exec, so a child's ru_maxrss is
    at least this process's own peak: generating here would inflate it.
    """

    def __init__(self, root: Path, pool: Executor):
        self.root = root
        self._pool = pool
        self._cache: dict[str, Input] = {}

    def _once(self, key: str, writer: Callable[..., Input], *args: object) -> Input:
        if key not in self._cache:
            log(f"generating {key} ...")
            self._cache[key] = self._pool.submit(writer, *args).result()
        return self._cache[key]

    def corpus(self) -> Input:
        """The 1,000-file corpus."""
        return self._once("corpus", write_corpus, self.root / "corpus")

    def portfolio(self) -> Input:
        """500 linked journeys sharing two libraries."""
        return self._once("portfolio", write_portfolio, self.root / "portfolio")

    def single(self, n_steps: int) -> Input:
        """One file of n_steps steps."""
        path = self.root / f"steps-{n_steps}.journey.yaml"
        return self._once(f"single-{n_steps}", write_single, path, n_steps)

    def funnel(self, n_steps: int) -> Input:
        """One file of n_steps steps with reach."""
        path = self.root / f"funnel-{n_steps}.journey.yaml"
        return self._once(f"funnel-{n_steps}", write_funnel, path, n_steps)

    def data_import(self, n_files: int, n_rows: int) -> Input:
        """n_files journeys and a CSV of n_rows values for them."""
        return self._once(f"data-import-{n_files}-{n_rows}", write_data_import, self.root, n_files, n_rows)

    def diff_pair(self, n_steps: int) -> Input:
        """Old and new versions of an n_steps file."""
        return self._once(f"diff-{n_steps}", write_diff_pair, self.root, n_steps)


# --------------------------------------------------------------------------
# Running and measuring
# --------------------------------------------------------------------------

def log(message: str) -> None:
    """Progress on stderr, so stdout stays the report only."""
    print(message, file=sys.stderr, flush=True)


@dataclass
class Run:
    """One finished subprocess."""

    code: int
    wall_s: float
    peak_mb: float
    stderr_tail: str
    traceback: bool  # a Python traceback on stderr: a crash, whatever the code


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    """Run argv to completion; wall time and the child's own peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(proc.returncode, wall, usage.ru_maxrss * RSS_BYTES / MIB, stderr[-1500:],
               "Traceback (most recent call last)" in stderr)


@dataclass
class Result:
    """One row of the report."""

    scenario: str
    command: str
    status: str = "ok"  # ok | skipped | failed
    files: int | None = None
    steps: int | None = None
    mb: float | None = None
    wall_s: float | None = None
    peak_mb: float | None = None
    exit_codes: list[int] = field(default_factory=list)
    note: str = ""
    stderr_tail: str = ""  # last lines of stderr, for failures


@dataclass
class Bench:
    """How to call the tools, and the shared inputs."""

    journey: list[str]
    env: dict[str, str]
    repeat: int
    inputs: Inputs
    schema: Path
    _available: dict[str, bool] = field(default_factory=dict)

    def has_command(self, command: str) -> bool:
        """Whether `journey COMMAND --help` exits 0 without a traceback."""
        if command not in self._available:
            argv = [*self.journey, command, "--help"]
            try:
                run = run_once(argv, self.env)
                self._available[command] = run.code == 0 and not run.traceback
            except OSError:
                self._available[command] = False
        return self._available[command]

    def measure(self, scenario: str, command: str, argv: list[str],
                data: Input | None = None, before: Callable[[], None] | None = None) -> Result:
        """Best wall time and highest peak RSS of `repeat` runs of argv; ``before`` runs, untimed, ahead of each."""
        result = Result(scenario, command)
        if data is not None:
            result.files, result.steps, result.mb = len(data.files), data.steps, round(data.mb, 3)
        log(f"running {scenario}: {command}")
        runs = []
        for _ in range(self.repeat):
            if before is not None:
                before()
            try:
                run = run_once(argv, self.env)
            except OSError as exc:
                return fail(result, f"cannot start: {exc}")
            result.exit_codes.append(run.code)
            if run.code not in (0, 1) or run.traceback:
                return fail(result, f"exit {run.code}", run.stderr_tail)
            runs.append(run)
        result.wall_s = round(min(r.wall_s for r in runs), 4)
        result.peak_mb = round(max(r.peak_mb for r in runs), 1)
        if 1 in result.exit_codes:
            result.note = "exit 1 (findings)"
        return result

    def measure_paired(self, runs: list[tuple[str, str, list[str]]], data: Input) -> list[Result]:
        """Each (scenario, command, argv) in turn, `repeat` rounds: best wall time of each."""
        results = {name: Result(name, shown, files=len(data.files), steps=data.steps, mb=round(data.mb, 3)) for name, shown, _ in runs}
        walls: dict[str, list[Run]] = {name: [] for name, _, _ in runs}
        log(f"running {', '.join(results)} in turn")
        for _ in range(self.repeat):
            for name, _, argv in runs:
                if results[name].status != "ok":
                    continue
                try:
                    run = run_once(argv, self.env)
                except OSError as exc:
                    fail(results[name], f"cannot start: {exc}")
                    continue
                results[name].exit_codes.append(run.code)
                if run.code not in (0, 1) or run.traceback:
                    fail(results[name], f"exit {run.code}", run.stderr_tail)
                walls[name].append(run)
        for name, result in results.items():
            if result.status == "ok":
                result.wall_s = round(min(r.wall_s for r in walls[name]), 4)
                result.peak_mb = round(max(r.peak_mb for r in walls[name]), 1)
                result.note = "exit 1 (findings)" if 1 in result.exit_codes else ""
        return list(results.values())

    def skip_if_missing(self, subcommand: str, scenario: str, shown: str) -> Result | None:
        """A skipped result when `journey SUBCOMMAND` is not available yet."""
        if self.has_command(subcommand):
            return None
        return Result(scenario, shown, "skipped",
                      note=f"`journey {subcommand} --help` failed: command not available")


def fail(result: Result, note: str, stderr_tail: str = "") -> Result:
    """Mark a result failed, keeping the last lines of stderr."""
    lines = stderr_tail.strip().splitlines()
    result.status = "failed"
    result.note = f"{note}: {lines[-1]}" if lines else note
    result.stderr_tail = "\n".join(lines[-8:])
    return result


# --------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------

def validate_corpus(b: Bench) -> list[Result]:
    """`journey validate DIR` on the 1,000-file corpus."""
    data = b.inputs.corpus()
    return [b.measure("validate-corpus", "journey validate DIR",
                      [*b.journey, "validate", str(data.path)], data)]


def validate_5k(b: Bench) -> list[Result]:
    """`journey validate FILE` on one 5,000-step file."""
    data = b.inputs.single(5000)
    return [b.measure("validate-5k", "journey validate FILE",
                      [*b.journey, "validate", str(data.path)], data)]


def validate_20k(b: Bench) -> list[Result]:
    """`journey validate FILE` on one 20,000-step file."""
    data = b.inputs.single(20000)
    return [b.measure("validate-20k", "journey validate FILE",
                      [*b.journey, "validate", str(data.path)], data)]


def validate_80k(b: Bench) -> list[Result]:
    """`journey validate FILE` on one 80,000-step file (42 MB): linear from 20,000, and memory per step."""
    data = b.inputs.single(80000)
    return [b.measure("validate-80k", "journey validate FILE", [*b.journey, "validate", str(data.path)], data)]


def lint_80k(b: Bench) -> list[Result]:
    """`journey lint FILE` on one 80,000-step file."""
    data = b.inputs.single(80000)
    return [b.measure("lint-80k", "journey lint FILE", [*b.journey, "lint", str(data.path)], data)]


def lint_corpus(b: Bench) -> list[Result]:
    """`journey lint DIR` on the 1,000-file corpus."""
    shown = "journey lint DIR"
    skipped = b.skip_if_missing("lint", "lint-corpus", shown)
    if skipped:
        return [skipped]
    data = b.inputs.corpus()
    return [b.measure("lint-corpus", shown, [*b.journey, "lint", str(data.path)], data)]


def lint_20k(b: Bench) -> list[Result]:
    """`journey lint FILE` on one 20,000-step file."""
    shown = "journey lint FILE"
    skipped = b.skip_if_missing("lint", "lint-20k", shown)
    if skipped:
        return [skipped]
    data = b.inputs.single(20000)
    return [b.measure("lint-20k", shown, [*b.journey, "lint", str(data.path)], data)]


def render_150(b: Bench) -> list[Result]:
    """`journey render FILE -o out.svg` in the map and the flow view."""
    results = []
    for view in ("map", "flow"):
        shown = f"journey render FILE -o out.svg --view {view}"
        skipped = b.skip_if_missing("render", "render-150", shown)
        if skipped:
            results.append(skipped)
            continue
        data = b.inputs.single(150)
        out = b.inputs.root / f"out-{view}.svg"
        argv = [*b.journey, "render", str(data.path), "-o", str(out), "--view", view]
        results.append(b.measure("render-150", shown, argv, data))
    return results


def render_pages(b: Bench) -> list[Result]:
    """`journey render FILE --page a3` with the bundled engine: 150 steps as SVG and PNG, 1,000 steps as SVG."""
    results = []
    for steps, fmt in ((150, "svg"), (150, "png"), (1000, "svg")):
        shown = f"journey render FILE({steps} steps) --page a3 -o DIR/map.{fmt}"
        skipped = b.skip_if_missing("render", "render-pages", shown)
        if skipped:
            return [skipped]
        data = b.inputs.single(steps)
        folder = b.inputs.root / f"pages-{steps}-{fmt}"
        folder.mkdir(exist_ok=True)
        argv = [*b.journey, "render", str(data.path), "--page", "a3", "-o", str(folder / f"map.{fmt}"), "--engine", "graphviz-pure"]
        results.append(b.measure("render-pages", shown, argv, data))
    return results


def render_flow_350(b: Bench) -> list[Result]:
    """`journey render FILE --view flow` on 350 steps with branches and loops, with the bundled engine."""
    shown = "journey render FILE(350 steps) --view flow -o out.svg"
    skipped = b.skip_if_missing("render", "render-flow-350", shown)
    if skipped:
        return [skipped]
    data = b.inputs.single(350)
    argv = [*b.journey, "render", str(data.path), "--view", "flow", "-o", str(b.inputs.root / "flow-350.svg"), "--engine", "graphviz-pure"]
    return [b.measure("render-flow-350", shown, argv, data)]


def diff_20k(b: Bench) -> list[Result]:
    """`journey diff OLD NEW --format json` on two versions of a 20,000-step file."""
    shown = "journey diff OLD NEW --format json"
    skipped = b.skip_if_missing("diff", "diff-20k", shown)
    if skipped:
        return [skipped]
    data = b.inputs.diff_pair(20000)
    old, new = data.files
    argv = [*b.journey, "diff", str(old), str(new), "--format", "json"]
    return [b.measure("diff-20k", shown, argv, data)]


def funnel_20k(b: Bench) -> list[Result]:
    """`journey funnel FILE --format json` on one 20,000-step file where every step has reach."""
    shown = "journey funnel FILE --format json"
    skipped = b.skip_if_missing("funnel", "funnel-20k", shown)
    if skipped:
        return [skipped]
    data = b.inputs.funnel(20000)
    return [b.measure("funnel-20k", shown, [*b.journey, "funnel", str(data.path), "--format", "json"], data)]


def data_import_100k(b: Bench) -> list[Result]:
    """`journey data import CSV --check` and then for real: 100,000 rows into 500 files of 240 steps."""
    results = []
    for check in (True, False):
        shown = f"journey data import CSV{' --check' if check else ''}"
        skipped = b.skip_if_missing("data", "data-import-100k", shown)
        if skipped:
            return [skipped]
        data = b.inputs.data_import(500, 100_000)
        folder = data.files[1].parent
        pristine = folder.with_name(folder.name + "-pristine")
        if not pristine.exists():
            shutil.copytree(folder, pristine)
        argv = [*b.journey, "data", "import", str(data.path), str(folder), *(["--check"] if check else [])]
        # every run imports into the files as generated: after one real import the next would have nothing to change
        restore = None if check else functools.partial(shutil.copytree, pristine, folder, dirs_exist_ok=True)
        results.append(b.measure("data-import-100k", shown, argv, data, before=restore))
    return results


def portfolio_scenario(b: Bench) -> list[Result]:
    """`journey validate`, `lint` and `portfolio` on 500 linked journeys sharing two libraries."""
    results = []
    for command in ("validate", "lint", "portfolio"):
        shown = f"journey {command} DIR"
        skipped = b.skip_if_missing(command, "portfolio-500", shown)
        if skipped:
            results.append(skipped)
            continue
        data = b.inputs.portfolio()
        results.append(b.measure("portfolio-500", shown, [*b.journey, command, str(data.path)], data))
    return results


def site_500(b: Bench) -> list[Result]:
    """`journey site DIR -o OUT` on the 500 linked journeys of portfolio-500: every map and flow view drawn, on all cores."""
    shown = "journey site DIR -o OUT"
    skipped = b.skip_if_missing("site", "site-500", shown)
    if skipped:
        return [skipped]
    data = b.inputs.portfolio()
    argv = [*b.journey, "site", str(data.path), "-o", str(b.inputs.root / "site-500")]
    return [b.measure("site-500", shown, argv, data)]


def startup(b: Bench) -> list[Result]:
    """`journey --help` and `journey --version`: import and start-up cost."""
    return [b.measure("startup", f"journey {flag}", [*b.journey, flag])
            for flag in ("--help", "--version")]


def baseline_check_jsonschema(b: Bench) -> list[Result]:
    """The peer baseline: check-jsonschema with our schema on the same corpus."""
    name, shown = "baseline-check-jsonschema", "check-jsonschema --schemafile SCHEMA FILES..."
    exe = shutil.which("check-jsonschema")
    if exe is None:
        return [Result(name, shown, "skipped",
                       note="check-jsonschema not installed (pip install check-jsonschema)")]
    if not b.schema.is_file():
        return [Result(name, shown, "skipped", note=f"no schema file at {b.schema}")]
    data = b.inputs.corpus()
    argv = [exe, "--schemafile", str(b.schema), *map(str, data.files)]
    return [b.measure(name, shown, argv, data)]


def one_map(b: Bench) -> list[Result]:
    """The pre-commit case, paired: `journey validate`, yamllint (default rules) and check-jsonschema on one
    40-step map (22 KB), run in turn `repeat` times so that a noisy machine slows them alike."""
    data = b.inputs.single(CORPUS_STEPS)
    runs = [("validate-one", "journey validate FILE(40 steps)", [*b.journey, "validate", str(data.path)])]
    yamllint, check_jsonschema = shutil.which("yamllint"), shutil.which("check-jsonschema")
    skipped = []
    if yamllint:
        runs.append(("baseline-yamllint-one", "yamllint FILE(40 steps)", [yamllint, str(data.path)]))
    else:
        skipped.append(Result("baseline-yamllint-one", "yamllint FILE(40 steps)", "skipped", note="yamllint not installed (pip install yamllint)"))
    if check_jsonschema and b.schema.is_file():
        runs.append(("baseline-check-jsonschema-one", "check-jsonschema FILE(40 steps)", [check_jsonschema, "--schemafile", str(b.schema), str(data.path)]))
    else:
        skipped.append(Result("baseline-check-jsonschema-one", "check-jsonschema FILE(40 steps)", "skipped", note="check-jsonschema or the schema is missing"))
    return b.measure_paired(runs, data) + skipped


FLOOR = (
    "import sys\n"
    "from yaml._yaml import CParser\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        CParser(f.read()).raw_parse()\n"
)
"""The C parse floor: libyaml's event stream alone (``yaml._yaml.CParser.raw_parse`` makes no Python objects)."""


def floor_python(b: Bench) -> str:
    """The Python that runs journey (beside its console script), so the floor uses the same PyYAML and libyaml."""
    beside = Path(b.journey[0]).with_name("python")
    return str(beside) if len(b.journey) == 1 and beside.exists() else (b.journey[0] if "python" in Path(b.journey[0]).name else sys.executable)


def parse_floor(b: Bench) -> list[Result]:
    """The C parse floor on the corpus, and on the 20,000-step file: how far above it journey stays."""
    results = []
    for name, data in (("parse-floor-corpus", b.inputs.corpus()), ("parse-floor-20k", b.inputs.single(20000))):
        argv = [floor_python(b), "-c", FLOOR, *map(str, data.files)]
        results.append(b.measure(name, "libyaml event stream (CParser.raw_parse)", argv, data))
    return results


SCENARIOS: dict[str, Callable[[Bench], list[Result]]] = {
    "one-map": one_map,
    "validate-corpus": validate_corpus,
    "validate-5k": validate_5k,
    "validate-20k": validate_20k,
    "validate-80k": validate_80k,
    "lint-corpus": lint_corpus,
    "lint-20k": lint_20k,
    "lint-80k": lint_80k,
    "parse-floor": parse_floor,
    "render-150": render_150,
    "render-pages": render_pages,
    "render-flow-350": render_flow_350,
    "diff-20k": diff_20k,
    "funnel-20k": funnel_20k,
    "data-import-100k": data_import_100k,
    "portfolio-500": portfolio_scenario,
    "site-500": site_500,
    "startup": startup,
    "baseline-check-jsonschema": baseline_check_jsonschema,
}
RATIOS = {  # name: (numerator scenario, denominator scenario, meaning)
    "yamllint_over_validate_one": ("baseline-yamllint-one", "validate-one", "> 1: journey is faster on one map"),
    "check_jsonschema_over_validate_one": ("baseline-check-jsonschema-one", "validate-one", "> 1: journey is faster on one map"),
    "validate_20k_over_5k": ("validate-20k", "validate-5k", "4.0 = linear in steps"),
    "validate_80k_over_20k": ("validate-80k", "validate-20k", "4.0 = linear in steps"),
    "lint_80k_over_20k": ("lint-80k", "lint-20k", "4.0 = linear in steps"),
    "validate_corpus_over_parse_floor": ("validate-corpus", "parse-floor-corpus", "times the C parse floor"),
    "validate_20k_over_parse_floor": ("validate-20k", "parse-floor-20k", "times the C parse floor"),
    "check_jsonschema_over_validate_corpus": (
        "baseline-check-jsonschema", "validate-corpus", "> 1: journey is faster"),
}


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def ratios(results: list[Result]) -> dict[str, float]:
    """Wall-time ratios between scenarios that both ran."""
    wall = {r.scenario: r.wall_s for r in results if r.status == "ok"}
    return {name: round(wall[num] / wall[den], 2)
            for name, (num, den, _) in RATIOS.items()
            if wall.get(num) and wall.get(den)}


def cell(value: float | int | None, spec: str) -> str:
    """A table cell, '-' when there is no value."""
    return "-" if value is None else format(value, spec)


def rss_floor_mb() -> float:
    """This process's own peak RSS: a lower bound on every child's ru_maxrss."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * RSS_BYTES / MIB


def table(results: list[Result], floor_mb: float) -> str:
    """The plain-text report."""
    head = (f"{'scenario':<26} {'command':<45} {'files':>6} {'steps':>7} {'MB':>7} "
            f"{'wall s':>8} {'peak MB':>8}  status")
    lines = [head, "-" * len(head)]
    for r in results:
        status = f"{r.status}: {r.note}" if r.note else r.status
        lines.append(
            f"{r.scenario:<26} {r.command:<45} {cell(r.files, 'd'):>6} "
            f"{cell(r.steps, 'd'):>7} {cell(r.mb, '.1f'):>7} {cell(r.wall_s, '.3f'):>8} "
            f"{cell(r.peak_mb, '.1f'):>8}  {status}")
    for name, value in ratios(results).items():
        num, den, meaning = RATIOS[name]
        lines.append(f"ratio {num} / {den}: {value:.2f} ({meaning})")
    for r in results:
        if r.status == "ok" and r.peak_mb and r.steps and r.steps >= 20000 and r.files == 1 and r.scenario.startswith(("validate", "lint")):
            lines.append(f"memory {r.scenario}: {r.peak_mb * 1024 / r.steps:.2f} KB per step (peak MB / steps)")
    lines.append(f"peak MB floor: {floor_mb:.1f} (the harness's own peak; "
                 "Linux keeps ru_maxrss across exec)")
    for r in results:
        if r.stderr_tail:
            lines += ["", f"{r.scenario} ({r.command}) stderr:", r.stderr_tail]
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def journey_command(override: str | None) -> tuple[list[str], dict[str, str]]:
    """The journey command line and the environment to run it in."""
    # The 80,000-step file (42 MB) is above the default 32 MB input limit, which guards against
    # hostile files, not against this benchmark; a limit set by the caller is kept.
    env = {"JOURNEY_MAX_FILE_SIZE": "64MB", **os.environ}
    if override:
        return shlex.split(override), env
    exe = shutil.which("journey")
    if exe:
        return [exe], env
    if (REPO / "src" / "journeycli").is_dir():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"),
                                                          env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "journeycli"], env


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse and check the command line."""
    parser = argparse.ArgumentParser(
        description="Benchmark the journey CLI on generated journey maps.",
        epilog="scenarios: " + ", ".join(SCENARIOS))
    parser.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                        help="scenarios to run (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command; best is kept")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--journey", metavar="CMD",
                        help="command line for journey (default: journey on PATH, "
                             "else python -m journeycli)")
    parser.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA,
                        help="JSON Schema for the check-jsonschema baseline")
    parser.add_argument("--workdir", type=Path,
                        help="write inputs here and keep them (default: a temp dir)")
    args = parser.parse_args(argv)
    unknown = [s for s in args.scenarios if s not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(unknown)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the selected scenarios and print the report; 1 if any failed."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    journey, env = journey_command(args.journey)
    selected = [s for s in SCENARIOS if not args.scenarios or s in args.scenarios]
    with (tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp,
          ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool):
        root = args.workdir or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        bench = Bench(journey, env, args.repeat, Inputs(root, pool), args.schema)
        results = [r for name in selected for r in SCENARIOS[name](bench)]
    floor_mb = rss_floor_mb()
    if args.json:
        print(json.dumps({"journey": journey, "repeat": args.repeat,
                          "peak_mb_floor": round(floor_mb, 1),
                          "results": [asdict(r) for r in results],
                          "ratios": ratios(results)}, indent=2))
    else:
        print(table(results, floor_mb))
    return 1 if any(r.status == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
