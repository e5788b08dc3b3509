"""`journey lint`: settings from the configuration file, overridden by the options given, then validate and the rules."""

from __future__ import annotations

from dataclasses import dataclass

from .validate import run_checks


@dataclass(frozen=True, kw_only=True)
class LintOptions:
    paths: tuple[str, ...] = ()
    format: str | None = None  # None: text, or github inside GitHub Actions
    fail_on: str | None = None  # None: the configuration's, else error
    select: str | None = None  # comma-separated codes or prefixes
    ignore: str | None = None
    persona: str | None = None
    config: str | None = None  # None: the nearest configuration file upward


def _codes(option: str | None, where: str) -> tuple[str, ...] | None:
    from ..config import check_codes

    if option is None:
        return None
    return check_codes(tuple(code.strip().upper() for code in option.split(",") if code.strip()), where)


def run(options: LintOptions) -> int:
    from functools import partial

    from ..config import load_settings
    from ..portfolio.checks import lint_check
    from ..portfolio.links import lint_across
    from ..portfolio.uses import scope_of

    settings = load_settings(options.config).with_options(
        select=_codes(options.select, "--select"),
        ignore=_codes(options.ignore, "--ignore"),
        persona=options.persona,
        fail_on=options.fail_on,
    )
    scope = scope_of(settings)
    check = partial(lint_check, scope=scope, settings=settings)
    across = partial(lint_across, settings=settings, scope=scope)
    return run_checks(options.paths, check, options.format, settings.fail_on, settings.globs, settings.max_file_size, across)
