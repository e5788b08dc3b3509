"""What `journey export` does between parsing options and writing: read, validate, convert, write.

``read_journey`` is also the first step of `journey show`: one journey file
(or ``-``) read and validated, its errors printed with the text reporter to
standard error so they never end up inside exported data on standard output.
"""

from __future__ import annotations

import os
import sys

from .. import reporters, runner
from ..files import write_atomic
from ..inputs import UsageError, discover
from ..model import Journey
from ..reporters import Report
from . import FORMATS, format_for, get


def read_journey(path: str) -> Journey | None:
    """The valid journey at ``path`` (``-`` for stdin), or None once its errors are printed."""
    if os.path.isdir(path):
        raise UsageError(f"{path} is a directory; give one journey file")
    (item,) = discover([path])
    journey, diagnostics = runner.read_journey(item)
    if journey is None:
        reporters.get("text")(Report([item.name], diagnostics), sys.stderr)
    return journey


def run_export(path: str, format: str | None, output: str | None) -> int:
    """`journey export`: exit 0 when written, 1 when the journey is invalid."""
    to_file = output if output != "-" else None
    name = format or (format_for(to_file) if to_file else None)
    if name is None:
        raise UsageError(f"choose a format with --format ({', '.join(FORMATS)}), or an output file ending in .mmd, .md, .csv or .json")
    journey = read_journey(path)
    if journey is None:
        return 1
    text = get(name)(journey)
    if to_file is None:
        sys.stdout.write(text)
        return 0
    write_atomic(to_file, text.encode("utf-8"), inputs=(path,))
    sys.stdout.write(f"wrote {to_file}\n")
    return 0
