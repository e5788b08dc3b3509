"""`journey schema`: the JSON Schema of the journey format (or, with --library, of library files) on standard output."""

from __future__ import annotations

import sys


def run(library: bool = False) -> int:
    from ..schema import schema_text

    sys.stdout.write(schema_text(library))
    return 0
