"""`journey schema`: the JSON Schema of the journey format on standard output."""

from __future__ import annotations

import sys


def run() -> int:
    from ..schema import schema_text

    sys.stdout.write(schema_text())
    return 0
