"""`journey diff`: read both sides, validate, compare, write.

Exit codes: 0, or 1 with ``--exit-code`` when anything changed; 1 when a
side is not a valid journey (its diagnostics are printed instead of a diff)
or the ``--render`` drawing fails; 2 for usage errors (raised as
``UsageError``, printed by ``cli.main``), a missing Graphviz engine included.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from dataclasses import dataclass
from functools import partial

from ..diagnostics import Diagnostic
from ..diff import writer
from ..diff.changes import FileDiff
from ..diff.compare import compare
from ..diff.sides import Pair, Side, base_pairs, read_pair
from ..diff.summary import summarize
from ..model import Journey
from ..runner import with_excerpts
from ..usage import UsageError
from ..validation import no_gc, validate
from .journeys import report_invalid

PARALLEL_FROM = 2_000_000
"""Bytes (both sides together) from which the old side is validated in a second process, alongside the new one."""


@dataclass(frozen=True, kw_only=True)
class DiffOptions:
    sides: tuple[str, ...] = ()  # OLD NEW, or with ``base`` the paths to compare
    base: str | None = None  # a git revision
    format: str = "text"
    exit_code: bool = False  # exit 1 when anything changed
    render: str | None = None  # also draw the new map with the changes marked to this SVG file


def run(options: DiffOptions) -> int:
    with no_gc():  # millions of small objects and no cycles: the cyclic GC would only slow this down
        return _run(list(options.sides), options.base, options.format, options.exit_code, options.render)


def _run(sides: list[str], base: str | None, format: str, exit_code: bool, render: str | None) -> int:
    if base is None:
        if len(sides) != 2:
            raise UsageError("journey diff needs two versions: OLD NEW (each a file or REV:path), or --base REV PATH…")
        pairs = [read_pair(*sides)]
    else:
        from ..config import load_settings

        globs = load_settings().globs
        pairs = base_pairs(base, sides or ["."], globs)
        if not pairs:
            raise UsageError(f"no journey files ({', '.join(globs)}) in {', '.join(sides or ['.'])}, now or at {base}")
    if render is not None and len(pairs) != 1:
        raise UsageError("--render draws one map; give one file")

    checked = [(pair, *_check_pair(pair)) for pair in pairs]
    invalid = [d for _, (_, old_findings), (_, new_findings) in checked for d in (*old_findings, *new_findings)]
    if invalid:
        _report_invalid([side.name for pair in pairs for side in (pair.old, pair.new) if side.data is not None], invalid, format)
        return 1
    diffs = [_diff(pair, old, new) for pair, (old, _), (new, _) in checked]
    if render is not None and not _render(diffs[0], render, pairs[0]):
        return 1
    write = writer(format)
    if format == "json":
        write = partial(write, per_file=base is not None)
    write(diffs, sys.stdout)
    return 1 if exit_code and any(diff.changes for diff in diffs) else 0


Checked = tuple[Journey | None, list[Diagnostic]]


def _check(side: Side) -> Checked:
    """The validated journey of one side (None when the side does not exist or is invalid) and its findings."""
    if side.data is None:
        return None, []
    checked = validate(side.data, side.name)
    return checked.journey, [] if checked.journey is not None else with_excerpts(side.data, checked.diagnostics)


def _check_pickled(side: Side) -> bytes:
    return pickle.dumps(_check(side), protocol=pickle.HIGHEST_PROTOCOL)


def _check_pair(pair: Pair) -> tuple[Checked, Checked]:
    """Both sides validated; two large ones at the same time, the old one in a forked process.

    Validation is most of the time of a diff of large maps. The old journey
    comes back pickled, which costs far less than validating it again.
    """
    sizes = [len(side.data) for side in (pair.old, pair.new) if side.data is not None]
    parallel = len(sizes) == 2 and sum(sizes) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        return _check(pair.old), _check(pair.new)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending = pool.apply_async(_check_pickled, (pair.old,))
        new = _check(pair.new)
        old = pickle.loads(pending.get())
    return old, new


def _diff(pair: Pair, old: Journey | None, new: Journey | None) -> FileDiff:
    changes = compare(old, new)
    return FileDiff(
        pair.file,
        pair.old.name if old is not None else None,
        pair.new.name if new is not None else None,
        old,
        new,
        changes,
        summarize(pair.file, changes, old, new),
    )


def _report_invalid(files: list[str], diagnostics: list[Diagnostic], format: str) -> None:
    """The findings of the invalid side(s): as JSON, as a Markdown list for a PR comment, or as text."""
    if format == "markdown":
        from ..presentation.markdown import code, text

        bad = len({d.file for d in diagnostics})
        what = "is not a valid journey" if bad == 1 else "are not valid journeys"
        lines = [f"**Journey diff**: cannot compare, {bad} of {len(files)} files {what}", ""]
        lines += [f"- {code(f'{d.file}:{d.line}:{d.column}')} {d.severity.label} {d.code}: {text(d.full_message)}" for d in diagnostics]
        sys.stdout.write("\n".join(lines) + "\n")
    elif format == "json":
        from .. import reporters

        reporters.get("json")(reporters.Report(files, diagnostics), sys.stdout)
    else:
        report_invalid(files, diagnostics, data_on_stdout=False)


def _render(diff: FileDiff, path: str, pair: Pair) -> bool:
    """Draw ``--render``; a missing engine is a usage error, a failed drawing one line on stderr (False)."""
    from ..engines import EngineError
    from ..files import write_atomic
    from ..render.output import EngineFailed, LayoutTimeout
    from ..diff.visual import TIMEOUT, svg

    try:
        data = svg(diff)
    except EngineError as error:
        raise UsageError(str(error)) from None
    except LayoutTimeout:
        sys.stderr.write(f"journey: error: drawing the diff took longer than {TIMEOUT} s and was stopped; the map is too large for one picture\n")
        return False
    except EngineFailed as error:
        sys.stderr.write(f"journey: error: {error}\n")
        return False
    write_atomic(path, data, inputs=tuple(side.name for side in (pair.old, pair.new)))
    return True
