"""Library files: references into them, ids declared twice, bad `uses`, invalid and cyclic libraries,
default libraries from the configuration, and the library schema."""

from __future__ import annotations

import json

import jsonschema
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

from journeycli.schema import schema_text

LIBS = FIXTURES / "portfolio" / "libraries"


def found(result):
    return [(d["file"].rsplit("/", 1)[-1], d["line"], d["column"], d["code"]) for d in result.json()["diagnostics"]]


def messages(result):
    return [d["message"] for d in result.json()["diagnostics"]]


def test_references_into_a_library_are_checked_like_local_ones(cli):
    result = cli("validate", LIBS / "references.journey.yaml", "-f", "json")
    assert result.code == 1
    assert found(result) == [
        ("references.journey.yaml", 21, 18, "E005"),  # channel: phon (library channel)
        ("references.journey.yaml", 22, 20, "E005"),  # persona busy-parnet (library)
        ("references.journey.yaml", 22, 33, "E005"),  # persona studnet (local)
        ("references.journey.yaml", 23, 19, "E005"),  # source survey-q3
        ("references.journey.yaml", 24, 16, "E005"),  # step owner marketing: teams are declared
        ("references.journey.yaml", 28, 20, "E005"),  # pain point owner checkout-tem
    ]
    hints = [d["message"] for d in result.json()["diagnostics"]]
    assert "did you mean `phone`?" in hints[0] and "did you mean `busy-parent`?" in hints[1]
    assert "did you mean `student`?" in hints[2]  # did-you-mean across the journey and its library
    assert "known team ids: checkout-team, support-team" in hints[4]


def test_an_id_declared_in_the_journey_and_its_library_is_an_error_at_both_places(cli):
    result = cli("validate", LIBS / "duplicate.journey.yaml", "-f", "json")
    assert result.code == 1
    assert found(result) == [("duplicate.journey.yaml", 6, 9, "E004"), ("people.library.yaml", 10, 9, "E004")]
    assert "people.library.yaml (line 10)" in messages(result)[0]
    assert "duplicate.journey.yaml (line 6)" in messages(result)[1]


def test_bad_uses_entries_are_errors_at_their_line(cli):
    result = cli("validate", LIBS / "bad-uses.journey.yaml", "-f", "json")
    assert result.code == 1
    assert found(result) == [("bad-uses.journey.yaml", line, 5, "E007") for line in (5, 6, 7, 8, 9)]
    text = messages(result)
    assert "names no file" in text[0]
    assert "outside the repository" in text[1]
    assert "is not a library file" in text[2]
    assert "is a folder" in text[3]
    assert "matches no library file" in text[4]


def test_an_invalid_library_is_reported_once_however_many_journeys_use_it(cli):
    result = cli("validate", LIBS / "broken-a.journey.yaml", LIBS / "broken-b.journey.yaml", "-f", "json")
    assert result.code == 1
    assert found(result) == [
        ("broken.library.yaml", 5, 5, "E002"),  # unknown key `colour`
        ("broken.library.yaml", 6, 9, "E004"),  # duplicate persona id
        ("broken.library.yaml", 9, 5, "E002"),  # channel without a name
    ]
    text = cli("validate", LIBS / "broken-a.journey.yaml", LIBS / "broken-b.journey.yaml")
    assert text.out.count("colour: blue") == 1  # the excerpt comes from the library file


def test_a_library_that_cannot_be_read_brings_no_follow_on_reference_errors(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "bad.library.yaml").write_text("personas: [\n")
    (tmp_path / "a.journey.yaml").write_text(
        "format: 1\nid: a\ntitle: A\nuses: [bad.library.yaml]\nstages:\n  - id: s\n    name: S\n    steps:\n"
        "      - id: x\n        name: X\n        personas: [anyone]\n        sources: [any]\n"
    )
    result = cli("validate", tmp_path / "a.journey.yaml", "-f", "json")
    assert [d["code"] for d in result.json()["diagnostics"]] == ["E001"]
    assert result.json()["diagnostics"][0]["file"].endswith("bad.library.yaml")


def test_a_uses_cycle_is_an_error_at_the_uses_line_of_each_library_in_it(cli):
    result = cli("validate", LIBS / "cycle.journey.yaml", "-f", "json")
    assert result.code == 1
    assert found(result) == [("cycle-a.library.yaml", 2, 8, "E007"), ("cycle-b.library.yaml", 2, 8, "E007")]
    assert all("cycle" in m for m in messages(result))


def test_a_library_given_directly_is_checked_as_a_library(cli):
    assert cli("validate", LIBS / "shared" / "people.library.yaml").code == 0
    broken = cli("validate", LIBS / "shared" / "broken.library.yaml", "-f", "json")
    assert [c for *_, c in found(broken)] == ["E002", "E004", "E002"]


def test_default_libraries_from_the_configuration(cli, tmp_path, monkeypatch):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "teams.library.yaml").write_text("format: 1\nteams:\n  - id: ops\n    name: Operations\n")
    journey = tmp_path / "maps" / "a.journey.yaml"
    journey.parent.mkdir()
    journey.write_text("format: 1\nid: a\ntitle: A\nowner: opz\nstages:\n  - id: s\n    name: S\n")
    monkeypatch.chdir(tmp_path / "maps")
    assert cli("validate", journey).code == 0  # no library: `owner` is free text
    (tmp_path / "journey.toml").write_text('libraries = ["shared/*.library.yaml"]\n')
    result = cli("validate", journey, "-f", "json")
    assert found(result) == [("a.journey.yaml", 4, 8, "E005")] and "did you mean `ops`?" in messages(result)[0]
    (tmp_path / "journey.toml").write_text('libraries = ["shared/nothing.library.yaml"]\n')
    bad = cli("validate", journey)
    assert bad.code == 2 and "names no library file" in bad.err


def test_render_show_and_export_use_the_library_names(cli, tmp_path):
    journey = EXAMPLES / "portfolio" / "discovery.journey.yaml"
    shown = cli("show", journey)
    assert shown.code == 0 and "Web shop" in shown.out
    exported = cli("export", journey, "--format", "json")
    assert exported.code == 0
    data = exported.json()
    assert {p["id"] for p in data["personas"]} == {"bargain-hunter", "busy-parent", "small-business"}
    svg = tmp_path / "d.svg"
    assert cli("render", journey, "-o", svg, "--engine", "graphviz-pure").code == 0
    assert "Bargain hunter" in svg.read_text()


def test_lint_skips_library_entries_a_single_journey_does_not_use(cli):
    # one journey of the portfolio alone: the library's other entries are not this journey's business
    result = cli("lint", EXAMPLES / "portfolio" / "checkout-2027.journey.yaml", "-f", "json", "--fail-on", "info")
    assert [d["code"] for d in result.json()["diagnostics"] if d["code"] == "L005"] == []


def test_shipped_library_schema_is_in_sync_and_accepts_the_example_library():
    shipped = ROOT / "schemas" / "library.schema.json"
    assert shipped.read_text() == schema_text(library=True), "run: journey schema --library > schemas/library.schema.json"
    schema = json.loads(shipped.read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    example = yaml.safe_load((EXAMPLES / "portfolio" / "shared" / "webshop.library.yaml").read_text())
    assert list(validator.iter_errors(json.loads(json.dumps(example, default=str)))) == []
    assert list(validator.iter_errors({"format": 1, "stages": []}))  # a journey is not a library


def test_schema_command_prints_the_library_schema(cli):
    result = cli("schema", "--library")
    assert result.code == 0 and result.json()["$id"].endswith("/schemas/library.schema.json")


def test_a_library_that_is_a_device_is_refused_without_reading_it(cli, tmp_path):
    (tmp_path / "zero.library.yaml").symlink_to("/dev/zero")
    (tmp_path / "a.journey.yaml").write_text("format: 1\nid: a\ntitle: A\nuses: [zero.library.yaml]\nstages:\n  - id: s\n    name: S\n")
    result = cli("validate", tmp_path / "a.journey.yaml", "-f", "json")
    assert result.code == 1
    [finding] = result.json()["diagnostics"]
    assert finding["code"] == "E009" and "cannot read the library" in finding["message"] and "device" in finding["message"]


def test_diff_reports_library_changes_in_the_words_it_uses_for_journeys(cli, tmp_path):
    old = tmp_path / "old.library.yaml"
    old.write_text((EXAMPLES / "portfolio" / "shared" / "webshop.library.yaml").read_text())
    new = tmp_path / "new.library.yaml"
    text = old.read_text().replace("name: Busy parent", "name: Busy parent on the go").replace("  - id: carrier\n    name: Parcel carrier\n", "")
    new.write_text(text.replace("    name: Logistics\n", "    name: Logistics and delivery\n"))
    result = cli("diff", old, new, "-f", "json")
    assert result.code == 0, result.err
    changes = [(c["op"], c["entity"], c["id"], c["field"]) for c in result.json()["changes"]]
    assert ("changed", "persona", "busy-parent", "name") in changes
    assert ("removed", "channel", "carrier", None) in changes
    assert ("changed", "team", "logistics-team", "name") in changes  # teams team by team, like personas
    assert len(changes) == 3
    broken = tmp_path / "broken.library.yaml"
    broken.write_text("format: 1\nchannels:\n  - id: web\n")
    assert cli("diff", old, broken).code == 1


def test_the_findings_shown_in_docs_portfolio_md_are_the_real_ones(cli, monkeypatch):
    """The ```text blocks of docs/portfolio.md are `journey validate` runs in the fixture folders; the page writes the repository as /path/to/journeycli."""
    import re
    import shlex

    blocks = re.findall(r"```text\n(\$ journey validate .*?)```", (ROOT / "docs" / "portfolio.md").read_text(), re.S)
    assert len(blocks) == 2
    for block in blocks:
        command, _, shown = block.partition("\n")
        args = shlex.split(command)[2:]
        [folder] = [d for d in (FIXTURES / "portfolio").iterdir() if (d / args[-1]).is_file()]
        monkeypatch.chdir(folder)
        result = cli(*args)
        assert result.code == 1
        assert result.out.replace(str(ROOT), "/path/to/journeycli").rstrip("\n") == shown.rstrip("\n"), command
