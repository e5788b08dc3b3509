"""The validation codes E001–E009: always errors, emitted while reading, loading and checking a file."""

from __future__ import annotations

from ..diagnostics import Severity
from .base import Rule

E001 = Rule(
    code="E001",
    name="yaml-syntax",
    severity=Severity.ERROR,
    summary="YAML that does not parse; also not UTF-8, an empty file, several documents, an unsafe tag, an alias bomb or absurd nesting.",
    why="A file that cannot be read safely cannot be checked at all. journeycli only reads plain YAML: "
    "no Python tags, one document per file, and bounded aliases and nesting, so a hostile file cannot "
    "run code, eat memory or crash the tool.",
    bad="title: Checkout: the fast way\n",
    good='title: "Checkout: the fast way"\n',
)

E002 = Rule(
    code="E002",
    name="schema",
    severity=Severity.ERROR,
    summary="A wrong type, a missing required key, an unknown key, a value out of range or a malformed id.",
    why="Other tools and the renderer rely on every key meaning exactly what the format says. A typo in a key "
    "would otherwise be silently ignored, and YAML turns unquoted `no`, `on` or `2026` into a boolean or a "
    "number where a name was meant.",
    bad="stages:\n  - id: Awareness Stage\n    name: no\n    emotoin: 1\n",
    good='stages:\n  - id: awareness\n    name: "no"\n    steps:\n      - {id: look, name: Looks around, emotion: 0}\n',
)

E003 = Rule(
    code="E003",
    name="duplicate-key",
    severity=Severity.ERROR,
    summary="A key repeated in one mapping.",
    why="YAML parsers keep only one of the two values without a word, so half of what was written is lost.",
    bad="- id: pay\n  name: Pays\n  name: Pays by card\n",
    good="- id: pay\n  name: Pays by card\n",
)

E004 = Rule(
    code="E004",
    name="duplicate-id",
    severity=Severity.ERROR,
    summary="An id repeated where it must be unique.",
    why="Ids are how flow, references and diffs find things. Stage, step, pain point and opportunity ids are "
    "unique across the journey; persona, channel and source ids within their lists; metric ids within a step.",
    bad="steps:\n  - id: pay\n    name: Pays\n  - id: pay\n    name: Pays again\n",
    good="steps:\n  - id: pay\n    name: Pays\n  - id: pay-retry\n    name: Pays again\n",
)

E005 = Rule(
    code="E005",
    name="unknown-reference",
    severity=Severity.ERROR,
    summary="A reference (channel, personas, sources, next, addresses) to an id that is not defined.",
    why="A reference to nothing is usually a typo or a leftover from a rename; the map would silently lose "
    "a flow edge or a piece of evidence.",
    bad="channels:\n  - id: web\n    name: Web\n"
    "stages:\n  - id: buy\n    name: Buy\n    steps:\n      - id: pay\n        name: Pays\n        channel: wbe\n",
    good="channels:\n  - id: web\n    name: Web\n"
    "stages:\n  - id: buy\n    name: Buy\n    steps:\n      - id: pay\n        name: Pays\n        channel: web\n",
)

E006 = Rule(
    code="E006",
    name="unsupported-format",
    severity=Severity.ERROR,
    summary="`format` other than 1.",
    why="The file was written for a format version this journeycli does not know; checking it against "
    "version 1 would give misleading errors.",
    bad="format: 2\n",
    good="format: 1\n",
)

E007 = Rule(
    code="E007",
    name="bad-library-use",
    severity=Severity.ERROR,
    summary="A `uses` entry (or a configured default library) that names no file, a file outside the repository, "
    "a file that is not a library (`*.library.yaml`), or that makes libraries use each other in a cycle.",
    why="A journey's references are checked against the libraries it uses: a library that cannot be found would "
    "turn every reference into it into an error, and one outside the repository would make the map depend on "
    "a file reviewers never see.",
    bad="uses: [../shared/customer.library.yaml]   # the file is customers.library.yaml\n",
    good="uses: [../shared/customers.library.yaml]\n",
)

E008 = Rule(
    code="E008",
    name="link-cycle",
    severity=Severity.ERROR,
    summary="Journeys whose `part_of` or `future_of` links lead back to themselves.",
    why="`part_of` says a journey details a part of a bigger one, `future_of` that it redesigns a current one; "
    "a journey cannot be a part or a redesign of itself, so a cycle is a mistake in one of the links.",
    bad="# onboarding.journey.yaml\nid: onboarding\npart_of: {journey: verify-identity}\n"
    "# verify-identity.journey.yaml\nid: verify-identity\npart_of: {journey: onboarding}\n",
    good="# onboarding.journey.yaml\nid: onboarding\n"
    "# verify-identity.journey.yaml\nid: verify-identity\npart_of: {journey: onboarding, step: verify}\n",
)

E009 = Rule(
    code="E009",
    name="unreadable-file",
    severity=Severity.ERROR,
    summary="A file that cannot be read at all: no permission to read it, not a regular file (a device, a named pipe, "
    "a socket), larger than the size limit, or a folder that cannot be searched.",
    why="Nothing in such a file was checked, and the fix is outside it (its permissions, its kind, the size limit), "
    "so it is told apart from YAML that does not parse (E001).",
    bad="# map.journey.yaml that you may not read (`ls -l` shows --w-------)\n",
    good="# map.journey.yaml that you may read (after `chmod u+r map.journey.yaml`, `ls -l` shows -rw-------)\n",
    details="Reported at line 1, column 1 of the file (or folder). A path that does not exist at all is a usage "
    "error (exit code 2), not a finding.",
)

VALIDATION_RULES = (E001, E002, E003, E004, E005, E006, E007, E008, E009)
