"""Turning the paths a user gives into journey files to read, and reading them within limits.

A path is a file (any name), a directory (searched recursively for journey
files, skipping hidden directories such as ``.git``), or ``-`` for standard
input (read once however often it is named). A path that does not exist is a
usage error, not a finding.

Reading is bounded: only regular files are opened (a device such as
``/dev/zero``, a FIFO or a socket, also behind a symlink, is refused without
reading a byte), and a file larger than the size limit is refused. A folder
that cannot be searched becomes a finding instead of being skipped silently.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from dataclasses import dataclass

from .usage import UsageError

DEFAULT_GLOBS = ("*.journey.yaml", "*.journey.yml")
STDIN = "-"

MAX_FILE_BYTES = 32_000_000
"""Default size limit of one input (32 MB): three times a 20,000-step map (10.5 MB), the largest the benchmarks time.

The limit refuses what is not a journey (a log, a dump) before it is read; the
loader's alias bounds keep the work linear in the bytes below it (docs/limits.md)."""

SIZE_VARIABLE = "JOURNEY_MAX_FILE_SIZE"


class InputError(Exception):
    """An input that cannot be read as a journey file; callers turn it into a finding or a usage error."""


_SIZE = re.compile(r"\s*([0-9]+)\s*(|b|kb|mb|gb|kib|mib|gib)\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: object, where: str) -> int:
    """A size limit: a whole number of bytes, or a string such as "20MB" or "512 KiB"."""
    match = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif match:
        size = int(match.group(1)) * _UNITS[match.group(2).lower()]
    else:
        raise UsageError(f"{where} must be a size in bytes such as 10000000 or \"10MB\", not {value!r}")
    if size < 1:
        raise UsageError(f"{where} must be at least 1 byte, not {value!r}")
    return size


def max_file_bytes() -> int:
    """The size limit of the nearest configuration (see ``config.load_settings``: ${JOURNEY_MAX_FILE_SIZE} wins)."""
    from .config import load_settings

    return load_settings().max_file_size


def _size_words(size: int) -> str:
    return f"{size:,} bytes" if size < 10_000 else f"{size / 1_000_000:,.1f} MB"


_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def _not_regular(mode: int) -> InputError | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((word for test, word in _KINDS if test(mode)), "not a regular file")
    return InputError(f"this is {kind}, not a regular file; journeys are read from regular files only")


def _too_large(size: int, limit: int) -> InputError:
    exact = _size_words(size) == _size_words(limit)  # 32,000,001 bytes is "32.0 MB" too: say the bytes
    return InputError(
        f"the file is larger than the limit of {f'{limit:,} bytes' if exact else _size_words(limit)}"
        + (f" ({f'{size:,} bytes' if exact else _size_words(size)})" if size > limit else "")
        + f"; raise it with `max_file_size` in the configuration or ${SIZE_VARIABLE}"
    )


def read_bytes(path: str | None, limit: int) -> bytes:
    """The bytes of ``path`` (None: standard input), at most ``limit`` of them.

    Raises InputError for anything that is not a regular file or is too large, and
    OSError when the system refuses; never blocks on a FIFO, never reads a device.
    """
    if path is None:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large(len(data), limit)
        return data
    problem = _not_regular(os.stat(path).st_mode)  # a socket cannot even be opened: say what it is first
    if problem:
        raise problem
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        problem = _not_regular(info.st_mode)  # it may have been swapped since the stat above
        if problem:
            raise problem
        if info.st_size > limit:
            raise _too_large(info.st_size, limit)
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while we read
        raise _too_large(len(data), limit)
    return data


@dataclass(frozen=True)
class Input:
    """One journey file to read: ``name`` is how findings refer to it.

    ``problem`` is set for what was found but cannot be read (an unsearchable folder).
    """

    name: str
    path: str | None  # None: standard input
    max_bytes: int = MAX_FILE_BYTES
    problem: str | None = None

    def read(self) -> bytes:
        if self.problem is not None:
            raise InputError(self.problem)
        return read_bytes(self.path, self.max_bytes)


def _walk(directory: str, globs: tuple[str, ...]) -> tuple[list[str], list[OSError]]:
    found: list[str] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if any(fnmatch.fnmatch(f, g) for g in globs))
    return found, errors


def discover(paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS, max_bytes: int | None = None) -> list[Input]:
    """The journey files named by ``paths``, each once, in a stable order.

    Folders that cannot be searched come back as inputs whose reading fails, so each
    command reports them where it reports unreadable files.
    """
    limit = max_bytes if max_bytes is not None else max_file_bytes()
    inputs: list[Input] = []
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            if STDIN not in seen:  # standard input can be read only once
                seen.add(STDIN)
                inputs.append(Input("<stdin>", None, limit))
            continue
        errors: list[OSError] = []
        if os.path.isdir(path):
            candidates, errors = _walk(path, globs)
        elif os.path.exists(path):
            candidates = [path]
        else:
            raise UsageError(f"no such file or directory: {path}")
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                inputs.append(Input(os.path.normpath(candidate), candidate, limit))
        for error in errors:
            folder = os.path.normpath(error.filename or path)
            inputs.append(Input(folder, folder, limit, f"cannot search the folder: {error.strerror or error}; its journey files were not checked"))
    return inputs
