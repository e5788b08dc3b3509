"""`journey init`: write the starter journey to a file (ID.journey.yaml by default) or standard output."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from ..usage import UsageError


@dataclass(frozen=True, kw_only=True)
class InitOptions:
    id: str = "my-journey"
    output: str | None = None  # None: ID.journey.yaml; "-": standard output
    force: bool = False


def run(options: InitOptions) -> int:
    import re

    from ..files import write_atomic
    from ..model import ID_MAX_LENGTH, ID_PATTERN
    from ..starter import starter

    journey_id = options.id
    if not re.match(ID_PATTERN, journey_id) or len(journey_id) > ID_MAX_LENGTH:
        raise UsageError(f"`{journey_id}` is not a valid id: use lowercase letters, digits, - and _ (at most {ID_MAX_LENGTH})")
    text = starter(journey_id)
    if options.output == "-":
        sys.stdout.write(text)
        return 0
    path = options.output or f"{journey_id}.journey.yaml"
    write_atomic(path, text.encode(), overwrite=options.force)
    sys.stdout.write(f"wrote {path}\n")
    return 0
