"""Writing output files safely: atomically, and never over one of the inputs."""

from __future__ import annotations

import os
import tempfile

from .usage import UsageError


def write_atomic(path: str, data: bytes, inputs: tuple[str, ...] = (), overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    A reader never sees a half-written file, and a crash leaves the old file in place.
    Refuses to write over any of ``inputs`` (or over an existing file unless ``overwrite``).
    """
    target = os.path.realpath(path)
    if any(os.path.exists(i) and os.path.realpath(i) == target for i in inputs):
        raise UsageError(f"refusing to write over the input file {path}")
    if os.path.isdir(path):  # before "already exists", which would send the user to --force for nothing
        raise UsageError(f"cannot write {path}: it is a directory; give the name of a file")
    if not overwrite and os.path.exists(path):
        raise UsageError(f"{path} already exists (use --force to overwrite it)")
    directory = os.path.dirname(target) or "."
    if not os.path.isdir(directory):
        raise UsageError(f"the directory {os.path.dirname(path)} does not exist")
    try:
        handle, temp = tempfile.mkstemp(prefix=".journey-", suffix=".tmp", dir=directory)
    except OSError as error:
        raise cannot_write(path, error) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # what a plain open() would give; mkstemp makes 0600
        os.replace(temp, target)
    except BaseException as error:
        if os.path.exists(temp):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise cannot_write(path, error) from None
        raise


def reason(error: OSError) -> str:
    """Why the system refused, in lower case to follow a colon: "permission denied", "is a directory"…"""
    return "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error)).lower()


def cannot_write(path: str, error: OSError) -> UsageError:
    """The usage error for an output that cannot be written, naming the user's path, never the temporary file."""
    return UsageError(f"cannot write {path}: {reason(error)}")


def make_directory(path: str) -> None:
    """``mkdir -p`` for an output folder, with the same error as a file that cannot be written."""
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as error:
        raise cannot_write(path, error) from None
