"""What changed recently in a journey file: its last commits, each in `journey diff`'s words.

Read from git when the site is built inside a repository; outside one (or
with ``--history 0``) a page simply has no such section. For each of the
last commits that touched the file (following renames), the version before
the commit and the version it made are compared exactly as `journey diff OLD
NEW` compares them, and the text is what `journey diff` prints, without
colour. Only committed history is shown: the same commit gives the same page.

A shallow clone (``actions/checkout`` fetches one commit by default) does not
hold the parent of its oldest commit; that commit is then left out rather
than shown as if it had added the whole file.
"""

from __future__ import annotations

import io
import os
import subprocess
from dataclasses import dataclass
from functools import cache

GIT_TIMEOUT = 30
_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class Commit:
    short: str
    date: str  # YYYY-MM-DD, the author date
    author: str
    subject: str
    words: str  # `journey diff`'s text for the change this commit made to the file


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


@cache
def repository_of(directory: str) -> str | None:
    """The top of the git repository holding ``directory`` (the innermost one), or None."""
    done = _git(["rev-parse", "--show-toplevel"], directory)
    if done is None or done.returncode != 0:
        return None
    return os.path.realpath(done.stdout.decode("utf-8", "replace").strip())


def recent(path: str, top: str, count: int) -> list[Commit]:
    """The last ``count`` commits that changed the journey at ``path`` in the repository at ``top``, newest first."""
    relative = os.path.relpath(os.path.realpath(path), top).replace(os.sep, "/")
    log = _git(["log", f"-n{count + 1}", "--follow", "--no-color", "--date=short", f"--format={_RECORD}%H{_FIELD}%h{_FIELD}%ad{_FIELD}%an{_FIELD}%s", "--name-only", "--", relative], top)
    if log is None or log.returncode != 0:
        return []
    records = []
    for record in log.stdout.decode("utf-8", "replace").split(_RECORD)[1:]:
        head, _, names = record.partition("\n")
        fields = (head.split(_FIELD) + [""] * 5)[:5]
        records.append((*fields, next((line for line in names.splitlines() if line.strip()), relative)))
    commits = []
    for n, (full, short, date, author, subject, name) in enumerate(records[:count]):
        before = records[n + 1][5] if n + 1 < len(records) else name  # the file's name before this commit (it may have been renamed)
        words = _words(top, full, before, name, path)
        if words is None:
            break
        commits.append(Commit(short, date, author, subject, words))
    return commits


def _blob(top: str, rev: str, name: str) -> bytes | None:
    done = _git(["cat-file", "blob", f"{rev}:{name}"], top)
    return done.stdout if done is not None and done.returncode == 0 else None


def _words(top: str, commit: str, before: str, name: str, path: str) -> str | None:
    """`journey diff`'s text for ``commit``'s change to ``name``; None when the parent is not in this clone."""
    from ..diff.changes import FileDiff
    from ..diff.compare import compare_aligned
    from ..diff.review import classify
    from ..diff.summary import summarize
    from ..diff.text import write
    from ..portfolio.uses import scope_of
    from ..validation import validate

    parent = _git(["rev-parse", "--verify", "--quiet", f"{commit}^"], top)
    if parent is None or parent.returncode != 0:
        shallow = _git(["rev-parse", "--is-shallow-repository"], top)
        if shallow is not None and shallow.stdout.strip() == b"true":
            return None
        old_data = None  # the repository's first commit
    else:
        old_data = _blob(top, f"{commit}^", before)
    new_data = _blob(top, commit, name)
    scope = scope_of()
    old = validate(old_data, path, scope).journey if old_data else None
    new = validate(new_data, path, scope).journey if new_data else None
    if (old_data and old is None) or (new_data and new is None):
        return "This version is not a valid journey; `journey validate` says why."
    changes, aligned = compare_aligned(old, new)
    changes = classify(changes, aligned, new)
    out = io.StringIO()
    write([FileDiff(name, name if old_data else None, name if new_data else None, aligned, new, changes, summarize(name, changes, aligned, new))], out)
    return out.getvalue().rstrip("\n")
