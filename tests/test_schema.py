"""The JSON Schema: generated from the models, in sync with schemas/, usable by draft-07 editors."""

from __future__ import annotations

import json
import re

import jsonschema
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

from journeycli.schema import LIBRARY_SCHEMA_ID, SCHEMA_ID, schema_text

SHIPPED = ROOT / "schemas" / "journey.schema.json"


def test_shipped_schema_is_in_sync_with_the_models():
    assert SHIPPED.read_text() == schema_text(), "run: journey schema > schemas/journey.schema.json"


def _schema():
    return json.loads(SHIPPED.read_text())


def test_schema_is_valid_draft_07_without_2020_keywords():
    schema = _schema()
    jsonschema.Draft7Validator.check_schema(schema)
    text = SHIPPED.read_text()
    assert "$defs" not in text and "prefixItems" not in text
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def _plain(data):
    return json.loads(json.dumps(data, default=str))


def test_examples_validate_against_the_schema_in_a_draft_07_validator():
    validator = jsonschema.Draft7Validator(_schema())
    for path in EXAMPLES.glob("*.journey.yaml"):
        errors = list(validator.iter_errors(_plain(yaml.safe_load(path.read_text()))))
        assert errors == [], (path, errors[:3])


def test_schema_rejects_what_the_validator_rejects():
    validator = jsonschema.Draft7Validator(_schema())
    for name in ("e002_schema", "e006_format_2"):
        data = _plain(yaml.safe_load((FIXTURES / "invalid" / f"{name}.journey.yaml").read_text()))
        assert list(validator.iter_errors(data)), name


def test_every_property_has_a_description_for_editor_hover():
    schema = _schema()
    objects = [schema, *schema["definitions"].values()]
    for obj in objects:
        for name, prop in obj["properties"].items():
            assert prop.get("description"), name
            assert obj["additionalProperties"] is False and "^x-" in obj["patternProperties"]


def test_every_property_has_an_example_that_fits_it():
    schema = _schema()
    for obj in [schema, *schema["definitions"].values()]:
        for name, prop in obj["properties"].items():
            assert prop.get("examples"), name
            one = {**prop, "definitions": schema["definitions"]}
            for example in prop["examples"]:
                assert not list(jsonschema.Draft7Validator(one).iter_errors(example)), (name, example)


def test_one_schema_address_everywhere(cli, tmp_path, monkeypatch):
    """The `$id`, `journey init`'s modeline, the README, the docs and the examples all name one address, the repository's file."""
    assert _schema()["$id"] == SCHEMA_ID
    assert json.loads((ROOT / "schemas" / "library.schema.json").read_text())["$id"] == LIBRARY_SCHEMA_ID
    source = re.search(r'^Source = "(\S+)"$', (ROOT / "pyproject.toml").read_text(), re.MULTILINE)[1]  # [project.urls]
    assert SCHEMA_ID.startswith(source.replace("https://github.com/", "https://raw.githubusercontent.com/") + "/main/schemas/")
    monkeypatch.chdir(tmp_path)
    assert cli("init").code == 0
    named = {"journey init": (tmp_path / "my-journey.journey.yaml").read_text().splitlines()[0].removeprefix("# yaml-language-server: $schema=")}
    for path in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *EXAMPLES.rglob("*.yaml")]:
        for address in re.findall(r"yaml-language-server: \$schema=(\S+)", path.read_text()):
            named[str(path.relative_to(ROOT))] = address
    assert len(named) > 8
    assert {where: address for where, address in named.items() if address not in (SCHEMA_ID, LIBRARY_SCHEMA_ID)} == {}
    assert named["journey init"] == SCHEMA_ID
