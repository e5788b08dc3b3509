"""What the commands do between parsing options and printing: kept out of `cli` so it stays thin."""

from __future__ import annotations

import sys

from .diagnostics import Severity
from .inputs import UsageError, discover
from .reporters import FORMATS, Report, default_format
from .runner import FileCheck, check_all


def exit_code(report: Report, fail_on: str) -> int:
    threshold = Severity.parse(fail_on)
    return 1 if any(d.severity >= threshold for d in report.diagnostics) else 0


def run_checks(paths: list[str] | None, check: FileCheck, format: object | None, fail_on: str, globs: tuple[str, ...] | None = None) -> int:
    """Check every journey file under ``paths`` and report; returns the exit code.

    Directories are searched with ``globs``, by default those of the configuration file.
    """
    from . import reporters
    from .config import load_settings

    name = getattr(format, "value", format) or default_format()
    if name not in FORMATS:
        raise UsageError(f"unknown format `{name}`")
    inputs = discover(paths or ["."], globs or load_settings().globs)
    if not inputs:
        raise UsageError(f"no journey files (*.journey.yaml, *.journey.yml) found in {', '.join(paths or ['.'])}")
    diagnostics = [d for found in check_all(inputs, check) for d in found]
    report = Report([item.name for item in inputs], diagnostics)
    reporters.get(name)(report, sys.stdout)
    return exit_code(report, fail_on)


def write_starter(journey_id: str, output: str | None, force: bool) -> int:
    """`journey init`: write the starter journey to ``output`` (or ID.journey.yaml)."""
    import re

    from .files import write_atomic
    from .model import ID_MAX_LENGTH, ID_PATTERN
    from .starter import starter

    if not re.match(ID_PATTERN, journey_id) or len(journey_id) > ID_MAX_LENGTH:
        raise UsageError(f"`{journey_id}` is not a valid id: use lowercase letters, digits, - and _ (at most {ID_MAX_LENGTH})")
    text = starter(journey_id)
    if output == "-":
        sys.stdout.write(text)
        return 0
    path = output or f"{journey_id}.journey.yaml"
    write_atomic(path, text.encode(), overwrite=force)
    sys.stdout.write(f"wrote {path}\n")
    return 0


def show_rules(code: str | None, format: str) -> int:
    """`journey rules`: the table of rules, or one rule in full."""
    from .rules import all_rules, by_code
    from .rules_doc import rule_detail, rules_json, rules_table

    if code is not None:
        rule = by_code().get(code.upper())
        if rule is None:
            raise UsageError(f"unknown rule `{code}`; `journey rules` lists them all")
        chosen = [rule]
    else:
        chosen = all_rules()
    if format == "json":
        sys.stdout.write(rules_json(chosen))
    elif code is not None:
        rule_detail(chosen[0], sys.stdout)
    else:
        rules_table(chosen, sys.stdout)
    return 0


def _codes(option: str | None, where: str) -> tuple[str, ...] | None:
    from .config import check_codes

    if option is None:
        return None
    return check_codes(tuple(code.strip().upper() for code in option.split(",") if code.strip()), where)


def run_lint(
    paths: list[str] | None,
    format: object | None,
    fail_on: str | None,
    select: str | None,
    ignore: str | None,
    persona: str | None,
    config: str | None,
) -> int:
    """`journey lint`: settings from the configuration file, overridden by the options given."""
    from functools import partial

    from .config import load_settings
    from .lint import lint_file

    settings = load_settings(config).with_options(
        select=_codes(select, "--select"), ignore=_codes(ignore, "--ignore"), persona=persona, fail_on=fail_on
    )
    return run_checks(paths, partial(lint_file, settings=settings), format, settings.fail_on, settings.globs)
