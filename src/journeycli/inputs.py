"""Turning the paths a user gives into journey files to read.

A path is a file (any name), a directory (searched recursively for journey
files, skipping hidden directories such as ``.git``), or ``-`` for standard
input. A path that does not exist is a usage error, not a finding.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass

from .usage import UsageError

DEFAULT_GLOBS = ("*.journey.yaml", "*.journey.yml")
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One journey file to read: ``name`` is how findings refer to it."""

    name: str
    path: str | None  # None: standard input

    def read(self) -> bytes:
        if self.path is None:
            return sys.stdin.buffer.read()
        with open(self.path, "rb") as handle:
            return handle.read()


def _walk(directory: str, globs: tuple[str, ...]) -> list[str]:
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if any(fnmatch.fnmatch(f, g) for g in globs))
    return found


def discover(paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS) -> list[Input]:
    """The journey files named by ``paths``, each once, in a stable order."""
    inputs: list[Input] = []
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            inputs.append(Input("<stdin>", None))
            continue
        if os.path.isdir(path):
            candidates = _walk(path, globs)
        elif os.path.exists(path):
            candidates = [path]
        else:
            raise UsageError(f"no such file or directory: {path}")
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                inputs.append(Input(os.path.normpath(candidate), candidate))
    return inputs
