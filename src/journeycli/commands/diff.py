"""`journey diff`: read both sides, validate, compare, write.

Exit codes (docs/diff.md): 0; 1 when the new version of a file is not a
valid journey (its findings are reported in the diff, and the other files
are still compared; an old version that is invalid alone does not fail, so
a change that repairs a map can pass), with ``--exit-code`` when anything
is to report, with ``--fail-on regression`` when a change is a regression,
or when the ``--render`` drawing fails (after the diff is written); 2 for
usage errors (raised as ``UsageError``, printed by ``cli.main``), a missing
Graphviz engine included.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
import sys
from dataclasses import dataclass
from typing import Any

from ..choices import DIFF_FAIL_ON
from ..diagnostics import Diagnostic
from ..diff import writer
from ..diff.changes import FileDiff, Problem
from ..diff.compare import compare_aligned
from ..diff.review import classify
from ..diff.sides import Pair, Side, base_pairs, current_repository, read_pair
from ..diff.summary import summarize
from ..model import Journey
from ..portfolio.library import GLOBS as LIBRARY_GLOBS
from ..portfolio.library import KINDS, UNNAMED, as_journey, is_library_name
from ..presentation.terminal import printable
from ..runner import finished, with_excerpts
from ..usage import UsageError
from ..validation import no_gc, validate

PARALLEL_FROM = 2_000_000
"""Bytes (both sides together) from which the old side is validated in a second process, alongside the new one."""


@dataclass(frozen=True, kw_only=True)
class DiffOptions:
    sides: tuple[str, ...] = ()  # OLD NEW, or with ``base`` the paths to compare
    base: str | None = None  # a git revision
    format: str = "text"
    exit_code: bool = False  # exit 1 when anything is to report
    render: str | None = None  # also draw the new map with the changes marked to this SVG file
    fail_on: str | None = None  # a review class (DIFF_FAIL_ON) that makes the diff exit 1
    job_summary: str | None = None  # also append the whole Markdown diff to this file


def run(options: DiffOptions) -> int:
    with no_gc():  # millions of small objects and no cycles: the cyclic GC would only slow this down
        return _run(options)


def _run(options: DiffOptions) -> int:
    sides, base, format, exit_code, render, fail_on = list(options.sides), options.base, options.format, options.exit_code, options.render, options.fail_on
    if fail_on is not None and fail_on not in DIFF_FAIL_ON:
        raise UsageError(f"unknown --fail-on `{fail_on}`; choose {', '.join(DIFF_FAIL_ON)}")
    if base is None:
        if len(sides) != 2:
            raise UsageError("journey diff needs two versions: OLD NEW (each a file or REV:path), or --base REV PATH…")
        pairs = [read_pair(*sides)]
    else:
        from ..config import load_settings

        globs = (*load_settings().globs, *LIBRARY_GLOBS)  # a directory's library files are compared with its journeys
        sides = sides or [current_repository()]  # no PATH: every journey of the repository you stand in
        pairs = base_pairs(base, sides, globs)
        if not pairs:
            raise UsageError(f"no journey files ({', '.join(globs)}) in {', '.join(sides)}, now or at {base}")
    if render is not None and len(pairs) != 1:
        raise UsageError("--render draws one map; give one file")

    from ..portfolio.uses import scope_of

    scope = scope_of()
    checked = [(pair, *_check_pair(pair, scope)) for pair in pairs]
    if base is not None:
        checked = _pair_by_id(checked)
    diffs = [_diff(pair, old, new) for pair, old, new in checked]
    writer(format)(diffs, sys.stdout)
    if options.job_summary is not None:
        _append_summary(options.job_summary, diffs, [side.name for pair in pairs for side in (pair.old, pair.new)])
    sys.stdout.flush()  # the text diff is out before any drawing starts, so a failed drawing cannot lose it
    drawn = render is None or _render(diffs[0], render, pairs[0])
    failed = any(diff.broken_now for diff in diffs) or not drawn
    if fail_on == "regression" and any(change.review == "regression" for diff in diffs for change in diff.changes):
        failed = True
    if exit_code and any(diff.shows_anything for diff in diffs):
        failed = True
    return 1 if failed else 0

Checked = tuple[Journey | None, list[Diagnostic]]


def _check(side: Side, scope: Any) -> Checked:
    """The validated journey of one side (None when the side does not exist or is invalid) and its findings.

    The `uses` of a journey are followed from where the file is on disk, in the side's own version:
    a side read from a git revision is checked with the library files of that revision. The side's
    own findings are named as the side is (``REV:path``).
    """
    if side.data is None:
        return None, []
    if side.revision is not None:
        scope = scope.at(side.revision)
    if is_library_name(side.name):  # a library: its personas, channels, sources and teams, in the same words
        return as_journey(side.data, side.name)
    where = side.path or side.name
    checked = validate(side.data, where, scope)
    if checked.journey is not None:
        return _own(checked.journey, checked.libraries), []
    own = [dataclasses.replace(d, file=side.name) if d.file == where else d for d in checked.diagnostics]
    return None, finished(with_excerpts(side.data, own, side.name))


def _own(journey: Journey, libraries: Any) -> Journey:
    """The journey without what its libraries declare: a library's changes are reported once, in the library's own diff.

    On a valid journey no id is declared both in it and in a library, so the ids tell the two apart.
    """
    if libraries is None:
        return journey
    update = {kind: [item for item in getattr(journey, kind) or () if item.id not in libraries.entries(kind)] for kind in KINDS}
    return journey.model_copy(update=update)


def _check_pickled(side: Side, scope: Any) -> bytes:
    return pickle.dumps(_check(side, scope), protocol=pickle.HIGHEST_PROTOCOL)


def _check_pair(pair: Pair, scope: Any) -> tuple[Checked, Checked]:
    """Both sides validated; two large ones at the same time, the old one in a forked process.

    Validation is most of the time of a diff of large maps. The old journey
    comes back pickled, which costs far less than validating it again.
    """
    if pair.old.data is not None and pair.old.data == pair.new.data:
        same = _check(pair.new, scope)  # the same bytes: the same journey (most files of a pull request), validated once
        return same, same
    sizes = [len(side.data) for side in (pair.old, pair.new) if side.data is not None]
    parallel = len(sizes) == 2 and sum(sizes) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        return _check(pair.old, scope), _check(pair.new, scope)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending = pool.apply_async(_check_pickled, (pair.old, scope))
        new = _check(pair.new, scope)
        old = pickle.loads(pending.get())
    return old, new


def _pair_by_id(checked: list[tuple[Pair, Checked, Checked]]) -> list[tuple[Pair, Checked, Checked]]:
    """A deleted and an added valid map with the same journey id, and no other map of that id, as one renamed file.

    Libraries pair the same way by their own id, never with a journey; a library without an id is not paired.
    """
    gone: dict[tuple[bool, str], list[int]] = {}
    came: dict[tuple[bool, str], list[int]] = {}
    for index, (pair, (old, _), (new, _)) in enumerate(checked):
        library = is_library_name(pair.file)
        if old is not None and pair.new.data is None and not (library and old.id == UNNAMED):
            gone.setdefault((library, old.id), []).append(index)
        elif new is not None and pair.old.data is None and not (library and new.id == UNNAMED):
            came.setdefault((library, new.id), []).append(index)
    joined: dict[int, tuple[Pair, Checked, Checked] | None] = dict(enumerate(checked))
    for journey_id, indexes in gone.items():
        if len(indexes) == 1 and len(came.get(journey_id, ())) == 1:
            old_index, new_index = indexes[0], came[journey_id][0]
            old_pair, old_side, _ = checked[old_index]
            new_pair, _, new_side = checked[new_index]
            joined[new_index] = (old_pair.joined(new_pair), old_side, new_side)
            joined[old_index] = None
    return [item for item in joined.values() if item is not None]


def _diff(pair: Pair, old_checked: Checked, new_checked: Checked) -> FileDiff:
    """One file's diff; when a side is invalid, its findings in place of the changes."""
    (old, old_findings), (new, new_findings) = old_checked, new_checked
    problems = [Problem(side, s.name, findings) for side, s, findings in (("old", pair.old, old_findings), ("new", pair.new, new_findings)) if findings]
    old_name = pair.old.name if pair.old.data is not None else None
    new_name = pair.new.name if pair.new.data is not None else None
    unchanged = pair.old.data is not None and pair.old.data == pair.new.data
    if unchanged and problems:
        problems = [Problem("new", pair.new.name, new_findings)]  # one report of the findings the two sides share
    if problems:
        status = "invalid" if new_findings or new is None else "now valid"
        return FileDiff(pair.file, old_name, new_name, None, new, [], summarize(pair.file, [], None, None), status, problems, pair.renamed_from, unchanged)
    changes, aligned = compare_aligned(old, new)
    changes = classify(changes, aligned, new)
    return FileDiff(pair.file, old_name, new_name, aligned, new, changes, summarize(pair.file, changes, aligned, new), renamed_from=pair.renamed_from)


def _append_summary(path: str, diffs: list[FileDiff], inputs: list[str]) -> None:
    """``--job-summary``: the Markdown diff with the job summary's budget, added to the end of ``path`` (atomically)."""
    import io

    from ..diff.markdown import SUMMARY_LIMIT, write
    from ..files import write_atomic

    text = io.StringIO()
    write(diffs, text, SUMMARY_LIMIT)
    try:
        with open(path, "rb") as handle:
            before = handle.read()
    except FileNotFoundError:
        before = b""
    except OSError as error:
        raise UsageError(f"cannot read the job summary {path}: {error.strerror or error}") from None
    write_atomic(path, before + text.getvalue().encode("utf-8"), inputs=tuple(inputs))


def _render(diff: FileDiff, path: str, pair: Pair) -> bool:
    """Draw ``--render``; a missing engine is a usage error, a failed drawing one line on stderr (False)."""
    if diff.status != "compared":
        sys.stderr.write(printable(f"journey: error: no picture drawn: {diff.file} could not be compared (see the diff)") + "\n")
        return False
    from ..diff.visual import TIMEOUT, svg
    from ..engines import EngineError
    from ..files import write_atomic
    from ..render.output import EngineFailed, LayoutTimeout

    try:
        data = svg(diff)
    except EngineError as error:
        raise UsageError(str(error)) from None
    except LayoutTimeout:
        sys.stderr.write(printable(f"journey: error: drawing the diff took longer than {TIMEOUT} s and was stopped; the map is too large for one picture") + "\n")
        return False
    except EngineFailed as error:
        sys.stderr.write(printable(f"journey: error: {error}") + "\n")
        return False
    write_atomic(path, data, inputs=tuple(side.name for side in (pair.old, pair.new)))
    return True
