"""The JSON Schema of the journey format, generated from the models.

Editors' YAML language servers validate with draft-07, so the 2020-12 output
of Pydantic is adjusted: ``definitions`` instead of ``$defs``, an explicit
``$schema`` and an ``$id``. ``schemas/journey.schema.json`` is this output;
a test keeps the two in sync.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Journey

SCHEMA_ID = "https://journeycli.dev/schemas/journey-v1.schema.json"


def journey_schema() -> dict[str, Any]:
    schema = Journey.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    document: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Customer journey map (journeycli format 1)",
    }
    document.update({k: v for k, v in schema.items() if k != "title"})
    document["definitions"] = definitions
    return document


def schema_text() -> str:
    """The schema as written to ``schemas/journey.schema.json``: stable key order, newline at the end."""
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"
