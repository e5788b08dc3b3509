"""The JSON Schema of the journey format, generated from the models.

Editors' YAML language servers validate with draft-07, so the 2020-12 output
of Pydantic is adjusted: ``definitions`` instead of ``$defs``, an explicit
``$schema`` and an ``$id``. ``schemas/journey.schema.json`` and
``schemas/library.schema.json`` are this output; a test keeps them in sync,
and another that every modeline in the repository names ``SCHEMA_ID``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .model import Journey

SCHEMAS_ADDRESS = "https://raw.githubusercontent.com/journeycli/journeycli/main/schemas"
"""Where the schemas are served: the repository's own files, so the address always answers with this very text."""

SCHEMA_ID = f"{SCHEMAS_ADDRESS}/journey.schema.json"
"""The one address of the journey schema: its ``$id``, the modeline ``journey init`` writes, the README and docs."""

LIBRARY_SCHEMA_ID = f"{SCHEMAS_ADDRESS}/library.schema.json"


def journey_schema() -> dict[str, Any]:
    return _draft_07(Journey, SCHEMA_ID, "Customer journey map (journeycli format 1)")


def library_schema() -> dict[str, Any]:
    from .portfolio.library_model import Library

    return _draft_07(Library, LIBRARY_SCHEMA_ID, "Shared library of personas, channels, sources and teams (journeycli format 1)")


def _draft_07(model: type[BaseModel], schema_id: str, title: str) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    document: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": schema_id,
        "title": title,
    }
    document.update({k: v for k, v in schema.items() if k != "title"})
    document["definitions"] = definitions
    return document


def schema_text(library: bool = False) -> str:
    """The schema as written to ``schemas/journey.schema.json`` (or ``library.schema.json``): stable key order, newline at the end."""
    return json.dumps(library_schema() if library else journey_schema(), indent=2, ensure_ascii=False) + "\n"
