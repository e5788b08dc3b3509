"""`journey init`: write the starter journey to a file (ID.journey.yaml by default) or standard output."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from ..ids import require_id


@dataclass(frozen=True, kw_only=True)
class InitOptions:
    id: str = "my-journey"
    output: str | None = None  # None: ID.journey.yaml; "-": standard output
    force: bool = False


def run(options: InitOptions) -> int:
    from ..files import write_atomic
    from ..starter import starter

    journey_id = require_id(options.id)
    text = starter(journey_id)
    if options.output == "-":
        sys.stdout.write(text)
        return 0
    path = options.output or f"{journey_id}.journey.yaml"
    write_atomic(path, text.encode(), overwrite=options.force)
    sys.stdout.write(f"wrote {path}\n")
    return 0
