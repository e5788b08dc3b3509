"""`journey show`: read and validate one journey, print its map in the terminal."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from .journeys import read_one, report_invalid


@dataclass(frozen=True, kw_only=True)
class ShowOptions:
    path: str  # a journey file, or - for stdin
    compact: bool = False
    persona: str | None = None


def run(options: ShowOptions) -> int:
    """Exit 0 when shown, 1 when the journey is invalid, 2 for an unknown persona."""
    from ..flow import check_persona, resolve
    from ..show import print_view

    item, journey, findings = read_one(options.path)
    if journey is None:
        report_invalid([item.name], findings, data_on_stdout=True)
        return 1
    if options.persona is not None:
        check_persona(journey, options.persona, item.name)
    print_view(resolve(journey, options.persona), sys.stdout, options.compact)
    return 0
