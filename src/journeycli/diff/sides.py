"""Reading the two versions to compare: files on disk, ``REV:path`` through git, and ``--base REV``.

A side spec is read as a file when that file exists (so ``C:\\maps\\a.yaml`` or
a file literally named ``v1:map.yaml`` stays a file), as ``REV:path`` when it
has a colon, and is otherwise a usage error. ``-`` is standard input.

Git is run as a subprocess with a timeout, from the repository's top level,
with the path made relative to it. A revision is first checked with
``git rev-parse --verify REV^{commit}`` after ``--end-of-options``, and one
that starts with ``-`` is refused outright, so a revision can never be taken
as an option; the file is then read by commit id with ``git cat-file blob``
(the bytes as committed, no textconv).
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from fnmatch import fnmatch

from ..inputs import DEFAULT_GLOBS, STDIN, InputError, discover, max_file_bytes, read_bytes
from ..usage import UsageError

GIT_TIMEOUT = 60
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass(frozen=True)
class Side:
    """One version of a file: ``data`` is None when the file does not exist in it.

    ``path`` is where the file is on disk (for ``REV:path``, the path part):
    the `uses` of a journey are relative to it.
    """

    name: str
    data: bytes | None
    path: str | None = None
    revision: Revision | None = None  # the git revision the side was read from; None: from disk


class Revision:
    """The files of a git revision, as a library scope looks for and reads them (``portfolio.uses.Disk``'s methods).

    One ``git ls-tree`` lists the whole revision on first use; paths are absolute, under the real top of
    the repository, and findings name a file as ``REV:path``.
    """

    def __init__(self, repo: _Repo, commit: str, rev: str) -> None:
        self.repo, self.commit, self.rev = repo, commit, rev
        self._files: set[str] | None = None
        self._folders: set[str] = set()

    def _listing(self) -> set[str]:
        if self._files is None:
            done = _git(["ls-tree", "-r", "-z", "--name-only", self.commit], self.repo.top)
            names = done.stdout.decode("utf-8", "surrogateescape").split("\0") if done.returncode == 0 else []
            self._files = {os.path.join(self.repo.top, *name.split("/")) for name in names if name}
            for file in self._files:
                folder = os.path.dirname(file)
                while folder not in self._folders and len(folder) > len(self.repo.top):
                    self._folders.add(folder)
                    folder = os.path.dirname(folder)
            self._folders.add(self.repo.top)
        return self._files

    def read(self, path: str, limit: int) -> bytes:
        if not self.isfile(path):
            raise InputError(f"it does not exist at git revision {self.rev}")
        data = self.repo.blob(self.commit, path)
        if len(data) > limit:
            raise InputError(f"it is larger than the limit of {limit:,} bytes at git revision {self.rev}")
        return data

    def isfile(self, path: str) -> bool:
        return os.path.realpath(path) in self._listing()

    def isdir(self, path: str) -> bool:
        self._listing()
        return os.path.realpath(path) in self._folders

    def exists(self, path: str) -> bool:
        return self.isfile(path) or self.isdir(path)

    def glob(self, pattern: str) -> list[str]:
        """The files of the revision matching ``pattern`` (an absolute glob; ``**`` spans folders), as ``glob.glob`` would."""
        parts = os.path.realpath(pattern).split(os.sep)
        return sorted(file for file in self._listing() if _glob_match(parts, file.split(os.sep)))

    def name(self, path: str) -> str:
        from ..portfolio.uses import display

        return f"{self.rev}:{display(os.path.realpath(path))}"


def _glob_match(pattern: list[str], parts: list[str]) -> bool:
    """Whether path ``parts`` match glob ``pattern`` parts, one part per folder and ``**`` for any number of them."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_glob_match(pattern[1:], parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch(parts[0], pattern[0]) and not (parts[0].startswith(".") and not pattern[0].startswith(".")) and _glob_match(pattern[1:], parts[1:])


@dataclass(frozen=True)
class Pair:
    file: str  # how the output names the file
    old: Side
    new: Side
    renamed_from: str | None = None  # the file's name at --base REV, when it was renamed since

    def joined(self, added: Pair) -> Pair:
        """This deleted file and ``added`` as one file renamed from this one's name to the other's."""
        return Pair(added.file, self.old, added.new, self.file)


def read_pair(old: str, new: str) -> Pair:
    """``journey diff OLD NEW``: both sides must exist."""
    if old == STDIN and new == STDIN:
        raise UsageError("only one side can be standard input (-)")
    sides = [_read(spec) for spec in (old, new)]
    return Pair(sides[1].name, sides[0], sides[1])


def _read(spec: str) -> Side:
    if spec == STDIN:
        return Side("<stdin>", _read_file(None))
    if os.path.isdir(spec):
        raise UsageError(f"{spec} is a directory; `journey diff OLD NEW` compares two files (use --base REV DIR for a directory)")
    if os.path.exists(spec):
        return Side(os.path.normpath(spec), _read_file(spec), os.path.normpath(spec))
    if ":" in spec and not _DRIVE.match(spec):
        rev, path = spec.split(":", 1)
        repo = _Repo.of(path)
        commit = repo.commit(rev)
        kind = repo.kind(commit, path)
        if kind is None:
            raise UsageError(f"{path} does not exist at git revision {rev}{repo.top_relative_hint(commit, rev, path)}")
        if kind != "blob":
            raise UsageError(f"{path} is a directory at git revision {rev}; `journey diff OLD NEW` compares two files")
        return Side(spec, repo.blob(commit, path), os.path.normpath(path), Revision(repo, commit, rev))
    raise UsageError(f"no such file or directory: {spec}")


def _read_file(path: str | None) -> bytes:
    try:
        return read_bytes(path, max_file_bytes())
    except InputError as error:
        raise UsageError(f"cannot read {path or '<stdin>'}: {error}") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


def base_pairs(rev: str, paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS) -> list[Pair]:
    """``journey diff --base REV PATH…``: each journey file now against itself at REV.

    A directory covers the journey files under it (matching ``globs``) in
    either version, so files added or deleted since REV are included with
    their missing side empty. A deleted and an added file that git's rename
    detection pairs (``git diff -M REV``) become one renamed file; the
    command then pairs the rest by journey id.
    """
    pairs: dict[str, Pair] = {}
    repos: dict[str, _Repo] = {}
    owners: dict[str, tuple[_Repo, str]] = {}
    revisions: dict[str, Revision] = {}
    named: list[str] = []  # the keys of files named one by one (not found in a directory)
    for path in paths:
        if path == STDIN:
            raise UsageError("--base reads files from git; standard input has no history")
        repo = _Repo.of(path, repos)
        commit = repo.commit(rev)
        revision = revisions.setdefault(repo.top, Revision(repo, commit, rev))
        kind = repo.kind(commit, path)
        if os.path.isdir(path) or (kind == "tree" and not os.path.exists(path)):
            at_rev = set(repo.journey_files(commit, path, globs)) if kind == "tree" else set()
            now = [item.name for item in discover([path], globs)] if os.path.isdir(path) else []
            names = sorted({*now, *at_rev})
        elif os.path.exists(path) or kind == "blob":
            names = [os.path.normpath(path)]
            at_rev = set(names) if kind == "blob" else set()
            named.append(os.path.realpath(names[0]))
        else:
            raise UsageError(f"no such file or directory, now or at git revision {rev}: {path}")
        for name in names:
            key = os.path.realpath(name)
            if key not in pairs:
                before = repo.blob(commit, name) if name in at_rev else None
                after = _read_file(name) if os.path.isfile(name) else None
                pairs[key] = Pair(name, Side(f"{rev}:{name}", before, name, revision), Side(name, after, name))
                owners[key] = (repo, commit)
    _add_other_names(pairs, owners, named, rev)
    return _git_renames(pairs, owners)


def _add_other_names(pairs: dict[str, Pair], owners: dict[str, tuple[_Repo, str]], named: list[str], rev: str) -> None:
    """For a file named on its own that is only in one version, the other name git's rename detection gives it.

    A directory holds both names of a file renamed inside it; a single file
    (as pre-commit or a script passes them) does not, so without this it
    would be one file deleted and another added.
    """
    renames: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in named:
        pair = pairs[key]
        if (pair.old.data is None) == (pair.new.data is None):
            continue
        repo, commit = owners[key]
        if (repo.top, commit) not in renames:
            renames[(repo.top, commit)] = repo.renames(commit, [])  # the whole repository: the other name is anywhere
        mine = repo.relative(pair.file)
        for old_name, new_name in renames[(repo.top, commit)]:
            if mine not in (old_name, new_name):
                continue
            other = os.path.relpath(os.path.join(repo.top, old_name if mine == new_name else new_name))
            if os.path.realpath(other) in pairs:
                continue
            before = repo.blob(commit, other) if mine == new_name else None
            after = _read_file(other) if mine == old_name and os.path.isfile(other) else None
            pairs[os.path.realpath(other)] = Pair(other, Side(f"{rev}:{other}", before, other, pair.old.revision), Side(other, after, other))
            owners[os.path.realpath(other)] = (repo, commit)


def _git_renames(pairs: dict[str, Pair], owners: dict[str, tuple[_Repo, str]]) -> list[Pair]:
    """``pairs`` with each deleted file that git sees renamed to an added one joined to it (at the added one's place)."""
    gone = {key: pair for key, pair in pairs.items() if pair.new.data is None and pair.old.data is not None}
    came = {key: pair for key, pair in pairs.items() if pair.old.data is None and pair.new.data is not None}
    if not gone or not came:
        return list(pairs.values())
    by_git_name: dict[tuple[str, str], str] = {}
    groups: dict[tuple[str, str], list[str]] = {}
    for key in (*gone, *came):
        repo, commit = owners[key]
        by_git_name[(repo.top, repo.relative(pairs[key].file))] = key
        groups.setdefault((repo.top, commit), []).append(pairs[key].file)
    repos = {repo.top: repo for repo, _ in owners.values()}
    joined = dict(pairs)
    for (top, commit), names in groups.items():
        for old_name, new_name in repos[top].renames(commit, names):
            old_key, new_key = by_git_name.get((top, old_name)), by_git_name.get((top, new_name))
            if old_key in gone and new_key in came and old_key in joined and new_key in joined:
                joined[new_key] = joined.pop(old_key).joined(joined[new_key])
    return list(joined.values())


def current_repository() -> str:
    """The top of the git repository the current directory is in (the innermost one), relative to it: ``.`` at its root."""
    return os.path.relpath(_Repo.of(".").top, os.path.realpath(os.getcwd()))


class _Repo:
    """The git repository holding a path, and the few git commands diff needs."""

    def __init__(self, top: str) -> None:
        self.top = top
        self._commits: dict[str, str] = {}

    @classmethod
    def of(cls, path: str, known: dict[str, _Repo] | None = None) -> _Repo:
        """The repository of ``path``; ``known`` shares repositories (and resolved revisions) within one command."""
        directory = os.path.abspath(path)  # a directory is its own start: its parent may be an outer repository
        while not os.path.isdir(directory):  # the file, or its folder, may exist only in history
            directory = os.path.dirname(directory)
        done = _git(["rev-parse", "--show-toplevel"], directory)
        if done.returncode != 0:
            reason = _first_line(done.stderr)
            detail = "" if "not a git repository" in reason else f" ({reason})"  # e.g. git's "dubious ownership"
            raise UsageError(f"not inside a git repository: {path}{detail}")
        top = os.path.realpath(done.stdout.decode("utf-8", "replace").strip())
        known = {} if known is None else known
        if top not in known:
            known[top] = cls(top)
        return known[top]

    def relative(self, path: str) -> str:
        """``path`` relative to the top of the repository, with ``/`` separators, as git names it."""
        relative = os.path.relpath(os.path.realpath(path), self.top)
        if relative == ".." or relative.startswith(".." + os.sep):
            raise UsageError(f"{path} is outside the git repository at {self.top}")
        return "" if relative == "." else relative.replace(os.sep, "/")

    def commit(self, rev: str) -> str:
        """The commit id of ``rev``; a revision that is not found is a usage error."""
        if rev not in self._commits:
            done = None if not rev or rev.startswith("-") else _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], self.top)
            if done is None or done.returncode != 0:
                raise UsageError(f"git revision not found: {rev}{self._shallow_hint()}")
            self._commits[rev] = done.stdout.decode("ascii").strip()
        return self._commits[rev]

    def _shallow_hint(self) -> str:
        """Why a revision may be missing in CI: a shallow clone holds only the newest commits."""
        done = _git(["rev-parse", "--is-shallow-repository"], self.top)
        if done.stdout.strip() != b"true":
            return ""
        return "; this clone is shallow and may not hold it (fetch the history: `git fetch --unshallow`, or `fetch-depth: 0` on actions/checkout)"

    def kind(self, commit: str, path: str) -> str | None:
        """``blob``, ``tree``, or None when ``path`` does not exist at ``commit``."""
        done = _git(["cat-file", "-t", f"{commit}:{self.relative(path)}"], self.top)
        return done.stdout.decode("ascii").strip() if done.returncode == 0 else None

    def top_relative_hint(self, commit: str, rev: str, path: str) -> str:
        """When ``path`` is git's own spelling (from the top of the repository), the spelling that works from here."""
        done = _git(["cat-file", "-t", f"{commit}:{path}"], self.top)
        if done.returncode != 0 or os.path.isabs(path):
            return ""
        here = os.path.relpath(os.path.join(self.top, path))
        return f"; paths are relative to the current directory, and from here that file is {rev}:{here}"

    def blob(self, commit: str, path: str) -> bytes:
        done = _git(["cat-file", "blob", f"{commit}:{self.relative(path)}"], self.top)
        if done.returncode != 0:
            raise UsageError(f"git cannot read {path} at {commit[:12]}: {_first_line(done.stderr)}")
        return done.stdout

    def renames(self, commit: str, paths: list[str]) -> list[tuple[str, str]]:
        """(old, new) paths, relative to the top, of the renames git detects among ``paths`` since ``commit``.

        The working tree is compared with ``commit``, so a rename that is
        committed, staged or only made with ``git mv`` is seen; a file git
        does not track is not (the journey id pairs it then).
        """
        relative = [self.relative(path) for path in paths]  # none: the whole repository
        done = _git(["diff", "-M", "--name-status", "-z", "--no-ext-diff", "--no-textconv", commit, "--", *relative], self.top)
        if done.returncode != 0:
            return []
        fields = done.stdout.decode("utf-8", "surrogateescape").split("\0")
        found = []
        i = 0
        while i < len(fields) and fields[i]:
            status = fields[i]
            if status.startswith(("R", "C")):
                if status.startswith("R"):
                    found.append((fields[i + 1], fields[i + 2]))
                i += 3
            else:
                i += 2
        return found

    def journey_files(self, commit: str, directory: str, globs: tuple[str, ...]) -> list[str]:
        """Journey files under ``directory`` at ``commit``, named as on disk (hidden folders skipped, as in discover)."""
        relative = self.relative(directory)
        done = _git(["ls-tree", "-r", "-z", "--name-only", commit, "--", relative or "."], self.top)
        if done.returncode != 0:
            raise UsageError(f"git cannot list {directory} at {commit[:12]}: {_first_line(done.stderr)}")
        found = []
        for entry in done.stdout.decode("utf-8", "surrogateescape").split("\0"):
            inner = entry[len(relative) + 1 :] if relative else entry
            parts = inner.split("/")
            if entry and not any(part.startswith(".") for part in parts[:-1]) and any(fnmatch(parts[-1], g) for g in globs):
                found.append(os.path.normpath(os.path.join(directory, *parts)))
        return found


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (or not on PATH); it is needed to read REV:path") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git did not answer within {GIT_TIMEOUT} s") from None


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else "unknown error"
