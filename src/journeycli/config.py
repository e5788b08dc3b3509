"""Settings for lint and pains: `[tool.journey]` in pyproject.toml or a journey.toml.

The nearest file from the current directory upward wins (a journey.toml is
preferred over a pyproject.toml in the same directory; a pyproject.toml
without a `[tool.journey]` table is skipped). Command-line options override
what the file says. A mistake in the file is a usage error naming the file
and the key (exit 2), never a silent default.

    [tool.journey]
    select = ["F", "L", "P"]       # codes or prefixes to run
    ignore = ["L008"]
    fail_on = "warning"            # error | warning | info
    globs = ["*.journey.yaml", "maps/*.yaml"]
    engine = "graphviz"            # render with the system dot (default: the bundled graphviz-pure)
    max_file_size = "32MB"         # larger inputs are refused; $JOURNEY_MAX_FILE_SIZE wins
    libraries = ["shared/*.library.yaml"]   # used by every journey (relative to this file)
    required_phases = ["onboarding", "support"]  # L014: phases some journey must cover

    [tool.journey.severity]
    L006 = "warning"

    [tool.journey.thresholds]      # rule options: each rule declares its own (`journey rules CODE`)
    cliff = 2                      # P002: the drop that makes a cliff
    hotspot_pain_count = 3         # P006: pain points that make a hotspot
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from .diagnostics import Severity
from .inputs import DEFAULT_GLOBS, MAX_FILE_BYTES, SIZE_VARIABLE, parse_size
from .usage import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

LEVELS = ("error", "warning", "info")


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("F", "L", "P")
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    thresholds: dict[str, int | float] = field(default_factory=dict)  # rule options given in the file
    globs: tuple[str, ...] = DEFAULT_GLOBS
    max_file_size: int = MAX_FILE_BYTES
    fail_on: str = "error"
    engine: str | None = None  # None: the default engine (see engines.py)
    persona: str | None = None
    today: date | None = None
    source: str | None = None  # the config file these came from
    libraries: tuple[str, ...] = ()  # absolute paths or globs of the default libraries
    required_phases: tuple[str, ...] = ()

    def option(self, name: str) -> Any:
        """A rule option (``rules.options()``): the configured value, else the rule's default."""
        if name in self.thresholds:
            return self.thresholds[name]
        from .rules import options

        return options()[name].default

    def runs(self, code: str) -> bool:
        """Whether the rule ``code`` is selected and not ignored (the most specific entry wins)."""
        chosen = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        dropped = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return chosen > dropped

    def with_options(self, **options: Any) -> Settings:
        """These settings with command-line options laid over them (None means not given)."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})


def find_config(start: str | None = None) -> str | None:
    """The nearest journey.toml, or pyproject.toml with a [tool.journey] table, from ``start`` upward."""
    directory = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(directory, "journey.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate) and _journey_table(_read(candidate)) is not None:
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _read(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except UnicodeDecodeError:
        raise UsageError(f"{path}: cannot read the configuration: it is not UTF-8 text") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read the configuration: {error}") from None


def _journey_table(document: dict[str, Any]) -> Any:
    """The `[tool.journey]` value of a pyproject.toml document, or None (also when `tool` is not a table)."""
    tool = document.get("tool")
    return tool.get("journey") if isinstance(tool, dict) else None


def _known_codes() -> set[str]:
    from .rules import all_rules

    return {rule.code for rule in all_rules()}


def check_codes(codes: tuple[str, ...], where: str) -> tuple[str, ...]:
    """Codes or prefixes must name at least one lint rule; validation codes cannot be turned off."""
    known = _known_codes()
    from .rules import LINT_FAMILIES

    bad = [c for c in codes if not any(k.startswith(c) for k in known if k[0] in LINT_FAMILIES)]
    always = [c for c in bad if any(k.startswith(c) for k in known)]
    if always:  # `journey rules` lists them too: say why they cannot be chosen
        raise UsageError(
            f"{where}: {', '.join(always)} {'is a validation check' if len(always) == 1 else 'are validation checks'}, always on; "
            f"select and ignore choose among the lint rules ({', '.join(f'{family}…' for family in sorted(LINT_FAMILIES))}, see `journey rules`)"
        )
    if bad:
        from .suggest import closest

        close = [f"`{match}`" for c in bad if (match := closest(c, sorted(k for k in known if k[0] == c[:1].upper()))) is not None]  # X001 is no typo of E001
        guess = f"; did you mean {' or '.join(close)}?" if close else ""
        raise UsageError(f"{where}: unknown rule code{'s' if len(bad) > 1 else ''} {', '.join(bad)}{guess} (see `journey rules`)")
    return codes


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f'{where} must be a list of quoted names in brackets, such as ["L001", "P002"]')
    return tuple(v.strip() for v in value)


def _one_of(value: Any, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        from .suggest import did_you_mean

        shown = f"`{value}`" if isinstance(value, str) else repr(value)
        raise UsageError(f"{where} must be one of {', '.join(choices)}, not {shown}{did_you_mean(str(value), choices)}")
    return value


def _level(value: Any, where: str) -> str:
    return _one_of(value, LEVELS, where)


def _libraries(patterns: tuple[str, ...], path: str, where: str) -> tuple[str, ...]:
    """Default libraries, relative to the configuration file; each must name at least one library file."""
    import glob

    from .portfolio.library import is_library_name

    base = os.path.dirname(os.path.abspath(path))
    found = []
    for pattern in patterns:
        absolute = os.path.normpath(os.path.join(base, pattern))
        if not any(is_library_name(m) and os.path.isfile(m) for m in glob.glob(absolute, recursive=True)):
            raise UsageError(f"{where}: `{pattern}` names no library file (*.library.yaml) relative to {os.path.dirname(path) or '.'}")
        found.append(absolute)
    return tuple(found)


def _phases(names: tuple[str, ...], where: str) -> tuple[str, ...]:
    from typing import get_args

    from .model import Phase

    known = get_args(Phase)
    bad = [n for n in names if n not in known]
    if bad:
        raise UsageError(f"{where}: unknown phase{'s' if len(bad) > 1 else ''} {', '.join(bad)} (known: {', '.join(known)})")
    return names


KEYS = ("select", "ignore", "fail_on", "globs", "engine", "max_file_size", "libraries", "required_phases", "severity", "thresholds")
"""The keys of `[tool.journey]` / journey.toml."""


def parse(table: dict[str, Any], path: str) -> Settings:
    """Settings from a `[tool.journey]` table; every key is checked."""
    prefix = f"{path}: [tool.journey]" if path.endswith("pyproject.toml") else f"{path}:"
    settings: dict[str, Any] = {"source": path}
    for key, value in table.items():
        where = f"{prefix} `{key}`"
        if key in ("select", "ignore"):
            settings[key] = check_codes(tuple(v.upper() for v in _strings(value, where)), where)
        elif key == "fail_on":
            settings[key] = _level(value, where)
        elif key == "engine":
            from .engines import ENGINES

            settings[key] = _one_of(value, ENGINES, where)
        elif key == "globs":
            settings[key] = _strings(value, where) or DEFAULT_GLOBS
        elif key == "max_file_size":
            settings[key] = parse_size(value, where)
        elif key == "libraries":
            settings[key] = _libraries(_strings(value, where), path, where)
        elif key == "required_phases":
            settings[key] = _phases(_strings(value, where), where)
        elif key == "severity":
            if not isinstance(value, dict):
                raise UsageError(f"{where} must be a table of CODE = \"level\"")
            codes = check_codes(tuple(k.upper() for k in value), where)
            prefixes = [code for code in codes if code not in _known_codes()]
            if prefixes:  # select/ignore take prefixes; a severity is given to one rule at a time
                raise UsageError(f"{where}: a severity is set per rule, with a full code such as P002, not a prefix: {', '.join(prefixes)}")
            settings[key] = {code: Severity.parse(_level(v, f"{where}.{k}")) for code, (k, v) in zip(codes, value.items())}
        elif key == "thresholds":
            if not isinstance(value, dict):
                raise UsageError(f"{where} must be a table")
            from .rules import options

            known = options()
            thresholds = {}
            for name, number in value.items():
                if name not in known:
                    raise UsageError(f"{where}: unknown threshold `{name}` (known: {', '.join(known)})")
                thresholds[name] = known[name].parse(number, f"{where}.{name}")
            settings["thresholds"] = thresholds
        else:
            from .suggest import did_you_mean

            raise UsageError(f"{where}: unknown key{did_you_mean(str(key), KEYS)} (known: {', '.join(KEYS)})")
    return Settings(**settings)


def load_settings(config: str | None = None) -> Settings:
    """Settings from ``config`` (a path given with --config) or the nearest configuration file.

    ${JOURNEY_MAX_FILE_SIZE}, when set, overrides `max_file_size` (a CI job can raise it without a file).
    """
    settings = _file_settings(config)
    size = os.environ.get(SIZE_VARIABLE)
    return replace(settings, max_file_size=parse_size(size, f"${SIZE_VARIABLE}")) if size else settings


def _file_settings(config: str | None) -> Settings:
    path = config or find_config()
    if path is None:
        return Settings()
    if config is not None and not os.path.isfile(config):
        raise UsageError(f"no such configuration file: {config}")
    document = _read(path)
    table = _journey_table(document) if os.path.basename(path) == "pyproject.toml" else document
    if table is None:  # a pyproject.toml given with --config that has no [tool.journey]
        table = {}
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.journey] must be a table")
    return parse(table, path)
