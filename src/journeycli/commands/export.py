"""`journey export`: read and validate one journey, convert it, write it to standard output or a file."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from ..files import write_atomic
from ..usage import UsageError
from .journeys import read_one, report_invalid


@dataclass(frozen=True, kw_only=True)
class ExportOptions:
    path: str  # a journey file, or - for stdin
    format: str | None = None  # None: from the output's suffix
    output: str | None = None  # None or "-": standard output


def run(options: ExportOptions) -> int:
    """Exit 0 when written, 1 when the journey is invalid."""
    from ..export import FORMATS, format_for, get

    to_file = options.output if options.output != "-" else None
    name = options.format or (format_for(to_file) if to_file else None)
    if name is None:
        raise UsageError(f"choose a format with --format ({', '.join(FORMATS)}), or an output file ending in .mmd, .md, .csv or .json")
    item, journey, findings = read_one(options.path)
    if journey is None:
        report_invalid([item.name], findings, data_on_stdout=True)
        return 1
    text = get(name)(journey)
    if to_file is None:
        sys.stdout.write(text)
        return 0
    write_atomic(to_file, text.encode("utf-8"), inputs=(options.path,))
    sys.stdout.write(f"wrote {to_file}\n")
    return 0
