"""Where a finding is, as code-scanning tools want it: repository-relative paths, URIs, regions, fingerprints.

GitHub code scanning and GitLab Code Quality match results against the
checkout, so paths are relative to the root of the repository holding the
file (the nearest folder upward with a ``.git``), wherever journey was run
from. Fingerprints identify a finding across commits: they are built from
what the finding is (rule, file, message, the text of its line) and never
from its line number, so editing lines above a finding keeps its fingerprint,
and an ordinal tells apart findings that would otherwise be identical.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import quote

from ..diagnostics import Diagnostic

STDIN_PATH = "stdin"
_LINE_NUMBER = re.compile(r"\blines? \d+")  # "first at line 5": a line number inside a message moves with edits


@lru_cache(maxsize=256)
def repository_root(directory: str) -> str | None:
    """The top folder of the git repository holding ``directory`` (absolute), or None outside any."""
    while True:
        if os.path.exists(os.path.join(directory, ".git")):  # a folder, or a file in worktrees and submodules
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def root_of(file: str) -> str | None:
    return None if file == "<stdin>" else repository_root(os.path.dirname(os.path.abspath(file)))


def relative_path(file: str) -> str:
    """``file`` relative to its repository's root with ``/`` separators; outside a repository, to the current folder."""
    if file == "<stdin>":
        return STDIN_PATH
    root = root_of(file)
    if root is not None:
        path = os.path.relpath(os.path.abspath(file), root)
    else:
        path = os.path.relpath(file) if os.path.isabs(file) else os.path.normpath(file)
    return path.replace(os.sep, "/")


def uri(path: str) -> str:
    """A relative path as a URI reference: UTF-8 percent-encoded, so a space, `é`, `%` or `#` stay part of the name."""
    return quote(path, safe="/")


def end_column(diagnostic: Diagnostic) -> int:
    """The column just after the end of the finding's line text (a region to the end of the line), in code points."""
    text = (diagnostic.excerpt or "").rstrip()
    return max(len(text) + 1, diagnostic.column)


def fingerprints(diagnostics: list[Diagnostic]) -> list[str]:
    """One stable, distinct hex fingerprint per finding, in order (see the module docstring)."""
    seen: Counter[str] = Counter()
    found = []
    paths: dict[str, str] = {}
    for d in diagnostics:
        path = paths.get(d.file)
        if path is None:
            path = paths[d.file] = relative_path(d.file)
        identity = "\0".join((d.code, path, _LINE_NUMBER.sub("line", d.message), (d.excerpt or "").strip()))
        seen[identity] += 1
        found.append(hashlib.sha256(f"{identity}\0{seen[identity]}".encode()).hexdigest())
    return found
