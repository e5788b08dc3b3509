"""The output folder: built beside the target, then put in its place, never over anything else.

The whole site is written into a fresh folder next to ``-o DIR`` and then
renamed to ``DIR`` (the old site, if any, is renamed out of the way first and
deleted after), so a reader or a web server never sees half a site and a
failed build leaves the last one standing. ``DIR`` may be missing, empty, or a
site this command built before (it holds the ``.journey-site`` marker);
anything else is refused, as is a folder that holds one of the journey files.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from ..files import cannot_write
from ..usage import UsageError

MARKER = ".journey-site"
MARKER_TEXT = b"Built by `journey site`; this folder is replaced as a whole on every build.\n"


def check_target(target: str, inputs: list[str]) -> None:
    """Refuse a target that is a file, holds an input, or is a folder of something other than a site."""
    real = os.path.realpath(target)
    for path in inputs:
        where = os.path.realpath(path)
        if where == real or where.startswith(real.rstrip(os.sep) + os.sep):
            raise UsageError(f"refusing to build the site in {target}: it holds the journey file {path}; choose another folder (e.g. -o site/)")
    if os.path.exists(target) and not os.path.isdir(target):
        raise UsageError(f"{target} is a file; -o names the folder the site is written to")
    if os.path.isdir(target) and os.listdir(target) and not os.path.isfile(os.path.join(target, MARKER)):
        raise UsageError(f"refusing to replace {target}: it is not empty and was not built by `journey site` (no {MARKER} in it); choose an empty or new folder")


def staging(target: str) -> str:
    """A new empty folder beside ``target`` to build into."""
    parent = os.path.dirname(os.path.abspath(target))
    try:
        os.makedirs(parent, exist_ok=True)
        return tempfile.mkdtemp(prefix=f".{os.path.basename(os.path.abspath(target))}.", suffix=".building", dir=parent)
    except OSError as error:
        raise cannot_write(target, error) from None


def save(path: str, data: bytes) -> None:
    """Write a file of the site being staged (nobody reads the staging folder, so no temporary file is needed)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def put_in_place(staged: str, target: str) -> None:
    """Replace ``target`` by the staged site (two renames), then delete the old one."""
    save(os.path.join(staged, MARKER), MARKER_TEXT)
    os.chmod(staged, 0o755)  # mkdtemp makes it private; a web server must read it
    old = None
    if os.path.isdir(target):
        old = tempfile.mkdtemp(prefix=f".{os.path.basename(os.path.abspath(target))}.", suffix=".old", dir=os.path.dirname(os.path.abspath(target)))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(staged, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staged: str) -> None:
    shutil.rmtree(staged, ignore_errors=True)
