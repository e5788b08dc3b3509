"""Which Graphviz does the layout: the bundled `graphviz-pure` binary we depend on, or the system `dot`.

The bundled engine is the default everywhere, because the two engines make
different bytes for the same DOT: a picture committed from one machine must
not come out different on the next (the pre-commit render hook would
flip-flop). The system `dot` is an explicit choice, made with ``--engine``,
else ``JOURNEY_ENGINE``, else ``engine`` in the configuration; `auto` takes
the system `dot` when it is on PATH and the bundled engine otherwise. PDF,
which only the system `dot` makes, uses it without being asked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

from . import choices

ENGINES = choices.ENGINES
DEFAULT_ENGINE = "graphviz-pure"
ENV_VAR = "JOURNEY_ENGINE"


class EngineError(Exception):
    """No usable engine, or the chosen one cannot do what was asked."""


@dataclass(frozen=True)
class Engine:
    name: str  # "graphviz" or "graphviz-pure"
    executable: str
    formats: frozenset[str]

    def version(self) -> str:
        try:
            done = subprocess.run([self.executable, "-V"], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return "unknown version"
        text = (done.stderr or done.stdout).strip()
        return text.split(" - ", 1)[-1] if text else "unknown version"


_SYSTEM_FORMATS = frozenset({"svg", "png", "pdf", "dot"})
_PURE_FORMATS = frozenset({"svg", "png", "dot"})


def _pure_executable() -> str | None:
    beside = os.path.join(os.path.dirname(sys.executable), "graphviz-pure")
    if os.path.isfile(beside) and os.access(beside, os.X_OK):
        return beside
    return shutil.which("graphviz-pure")


def chosen_engine(option: str | None = None) -> str | None:
    """The engine asked for: ``option``, else $JOURNEY_ENGINE, else the configuration's ``engine``; None when nobody asked."""
    if option or os.environ.get(ENV_VAR):
        return option or os.environ[ENV_VAR]
    from .config import load_settings

    return load_settings().engine


def find_engine(option: str | None = None, fmt: str = "svg") -> Engine:
    """The engine that draws ``fmt``: the one asked for (see ``chosen_engine``), else the bundled one."""
    choice = chosen_engine(option)
    if choice is not None and choice not in ENGINES:
        raise EngineError(f"unknown engine `{choice}`; choose one of {', '.join(ENGINES)}")
    if choice is None:  # nobody asked: the bundled engine, unless it cannot make the format at all
        choice = DEFAULT_ENGINE if fmt in _PURE_FORMATS else "auto"
    if choice in ("auto", "graphviz"):
        dot = shutil.which("dot")
        if dot:
            return Engine("graphviz", dot, _SYSTEM_FORMATS)
        if choice == "graphviz":
            raise EngineError("the system Graphviz `dot` is not on PATH; install Graphviz (e.g. apt-get install graphviz) or use --engine graphviz-pure")
    pure = _pure_executable()
    if pure:
        return Engine("graphviz-pure", pure, _PURE_FORMATS)
    raise EngineError("no Graphviz engine found: reinstall journeycli so that graphviz-pure is present, or install Graphviz and use --engine graphviz")


def describe_engine() -> str:
    from .inputs import UsageError

    try:
        engine = find_engine()
    except (EngineError, UsageError) as error:  # a broken configuration must not stop --version
        return f"none ({error})"
    return f"{engine.version()} at {engine.executable}"
