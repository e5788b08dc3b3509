"""`journey data import FILE.csv [PATH…]`: metric values and reach from a CSV, written into the journey files.

All or nothing: the CSV is read and checked, every journey under PATH is
validated, every row is matched to its journey, step and metric, and every
changed value is known to be writable, before any file is written. Any finding
(a row that names an unknown id, a missing column, a non-number, a bad date,
the same cell twice, an invalid journey file) is reported at its line and
column and nothing is changed (exit 1). What changes is printed in the words
of `journey diff`; with ``check`` nothing is written and the exit code is 1
when something would change, for a scheduled CI job.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..usage import UsageError
from .journeys import find, report_invalid


@dataclass(frozen=True, kw_only=True)
class DataImportOptions:
    csv: str
    paths: tuple[str, ...] = ()
    check: bool = False
    columns: dict[str, str] = field(default_factory=dict)  # key (journey, step, metric, value, as_of) -> header in the CSV


def column_names(pairs: list[str]) -> dict[str, str]:
    """``["metric=kpi", "value=number"]`` → the header name of every key."""
    from ..data_import.rows import KEYS

    names = {key: key for key in KEYS}
    for pair in pairs:
        key, sep, header = pair.partition("=")
        if not sep or key.strip() not in KEYS or not header.strip():
            raise UsageError(f"--column takes KEY=HEADER with KEY one of {', '.join(KEYS)}; not `{pair}`")
        names[key.strip()] = header.strip()
    return names


def run(options: DataImportOptions) -> int:
    from ..config import load_settings
    from ..data_import import apply, rows
    from ..inputs import InputError, read_bytes
    from ..portfolio.uses import scope_of
    from ..presentation.terminal import use_rich
    from ..runner import with_excerpts

    names = column_names([f"{k}={v}" for k, v in options.columns.items()])
    settings = load_settings()
    try:
        data = read_bytes(options.csv, settings.max_file_size * 10)  # an export of many journeys may be larger than one map
    except InputError as error:
        raise UsageError(f"{options.csv}: {error}") from None
    except OSError as error:
        raise UsageError(f"cannot read {options.csv}: {error.strerror or error}") from None
    table, found = rows.read(data, options.csv, names)

    inputs = find(options.paths, settings.globs, settings.max_file_size)
    if any(item.path is None for item in inputs):
        raise UsageError("journey data import updates journey files; standard input cannot be written back")
    by_journey: dict[str, list] = {}
    for row in table:
        by_journey.setdefault(row.journey, []).append(row)
    outcomes = _updated(inputs, by_journey, options.csv, scope_of(settings), use_rich(sys.stdout))

    owner: dict[str, str] = {}
    invalid: list[Diagnostic] = []
    for outcome in outcomes:
        invalid += outcome.invalid
        found += outcome.found
        if outcome.journey_id is None:
            continue
        if outcome.journey_id in owner:
            raise UsageError(f"the journey id `{outcome.journey_id}` is in both {owner[outcome.journey_id]} and {outcome.name}; give the files to update as PATH")
        owner[outcome.journey_id] = outcome.name
    known = ", ".join(sorted(owner)[:8]) + (", …" if len(owner) > 8 else "") or "none found"
    unread = sum(1 for outcome in outcomes if outcome.journey_id is None)
    unread_note = f"; {unread} file{' is' if unread == 1 else 's are'} not valid, so {'its id is' if unread == 1 else 'their ids are'} not known" if unread else ""
    where = ", ".join(options.paths) or "."
    for journey_id, its_rows in by_journey.items():
        if journey_id not in owner:
            message = f"`{journey_id}` is not the id of a journey under {where} (ids: {known}{unread_note})"
            found += [rows.finding(options.csv, row.line, row.columns["journey"], "D002", message) for row in its_rows]
    if found or invalid:
        if found:
            report_invalid([options.csv], with_excerpts(data, found), data_on_stdout=False)
        if invalid:
            report_invalid([item.name for item in inputs], invalid, data_on_stdout=False)
        return 1

    changed = [outcome for outcome in outcomes if outcome.new_bytes is not None]
    _print_changes(changed)
    if options.check:
        return 1 if changed else 0
    apply.write_all([(outcome.path, outcome.new_bytes) for outcome in changed])
    count = len(changed)
    sys.stderr.write(f"journey: updated {count} journey file{'' if count == 1 else 's'}\n" if count else "journey: nothing to change\n")
    return 0


def _updated(inputs, by_journey, csv_file, scope, styled) -> list:
    """``apply.update`` for every input, in input order; in worker processes when there are many files.

    The workers are forked after the CSV is read, so each has the rows without
    their being sent; each sends back only the new bytes and the drawn lines.
    """
    import multiprocessing
    import os

    from ..data_import import apply
    from ..runner import PARALLEL_FROM

    job = apply.Job(by_journey, csv_file, scope, styled)
    workers = min(os.cpu_count() or 1, 8)
    if len(inputs) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [job.run(item) for item in inputs]
    with multiprocessing.get_context("fork").Pool(workers, apply.Job.serve, (job,)) as pool:
        return pool.map(apply.Job.serve_one, inputs, chunksize=max(1, len(inputs) // (workers * 4)))


def _print_changes(changed) -> None:
    """The changes in `journey diff`'s own words (its text format)."""
    from ..data_import import apply
    from ..diff import text

    if changed:
        text.write_drawn([(outcome.diff, [apply.unpacked(line) for line in outcome.lines]) for outcome in changed], sys.stdout)
    else:
        sys.stdout.write("No value changes: the journey files already hold these numbers.\n")
