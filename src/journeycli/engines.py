"""Which Graphviz does the layout: the system `dot`, or the `graphviz-pure` binary we depend on.

`auto` prefers a system Graphviz (it can make PDF) and falls back to the
bundled `graphviz-pure`, so a plain `pip install` can render on a machine
without Graphviz. ``JOURNEY_ENGINE`` chooses when ``--engine`` is not given.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

ENGINES = ("auto", "graphviz", "graphviz-pure")
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


def find_engine(choice: str | None = None) -> Engine:
    """The engine for ``choice`` (or $JOURNEY_ENGINE, or auto)."""
    choice = choice or os.environ.get(ENV_VAR) or "auto"
    if choice not in ENGINES:
        raise EngineError(f"unknown engine `{choice}`; choose one of {', '.join(ENGINES)}")
    if choice in ("auto", "graphviz"):
        dot = shutil.which("dot")
        if dot:
            return Engine("graphviz", dot, _SYSTEM_FORMATS)
        if choice == "graphviz":
            raise EngineError("the system Graphviz `dot` is not on PATH; install Graphviz (e.g. apt-get install graphviz) or use --engine graphviz-pure")
    pure = _pure_executable()
    if pure:
        return Engine("graphviz-pure", pure, _PURE_FORMATS)
    raise EngineError("no Graphviz engine found: install Graphviz, or reinstall journeycli so that graphviz-pure is present")


def describe_engine() -> str:
    try:
        engine = find_engine()
    except EngineError as error:
        return f"none ({error})"
    return f"{engine.version()} at {engine.executable}"
