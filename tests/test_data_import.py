"""`journey data import`: values and reach from a CSV, with every other byte of the journey file kept.

tests/fixtures/data/shop.journey.yaml carries the quirks a re-dump would lose
(comments, odd spacing, quotes, flow mappings, a folded scalar, a per-persona
reach); good.csv changes five cells, bad.csv has one of every mistake.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES

DATA = FIXTURES / "data"


@pytest.fixture
def home(tmp_path, monkeypatch):
    for item in DATA.iterdir():
        shutil.copy(item, tmp_path / item.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def expected_after_good_csv() -> bytes:
    """The fixture with exactly the changes good.csv asks for, spliced by hand (a new key goes right after its mapping's `id`)."""
    text = (DATA / "shop.journey.yaml").read_text()
    for old, new in [
        ("{id: bounce, value: 0.41, target", "{id: bounce, as_of: 2026-11-30, value: 0.38, target"),
        ("- id: cart\n", "- id: cart\n        reach: 3100\n        reach_as_of: 2026-11-30\n"),
        ("value: 0.087", "value: 0.09"),
        ("better: higher\n            as_of: 2026-09-30", "better: higher\n            as_of: 2026-11-30"),
        ("reach: 1200}", "reach: 1250}"),
        ("default: 900", "default: 950"),
    ]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    return text.encode()


def test_import_changes_only_the_values(cli, home):
    result = cli("data", "import", "good.csv", "shop.journey.yaml")
    assert result.code == 0, result.err
    assert (home / "shop.journey.yaml").read_bytes() == expected_after_good_csv()
    assert "updated 1 journey file" in result.err
    # in journey diff's words
    assert "~ metric bounce value: 0.41 → 0.38 (toward target 0.3)" in result.out
    assert "~ reach: not set → 3100" in result.out and "~ reach: 1200 → 1250" in result.out
    # the result validates and a second run changes nothing
    assert cli("validate", "shop.journey.yaml").code == 0
    again = cli("data", "import", "good.csv", "shop.journey.yaml", "--check")
    assert again.code == 0 and "No value changes" in again.out


def test_check_reports_and_writes_nothing(cli, home):
    before = (home / "shop.journey.yaml").read_bytes()
    result = cli("data", "import", "good.csv", "shop.journey.yaml", "--check")
    assert result.code == 1 and "~ reach: 1200 → 1250" in result.out
    assert (home / "shop.journey.yaml").read_bytes() == before


def test_every_bad_row_is_located_and_nothing_changes(cli, home):
    before = (home / "shop.journey.yaml").read_bytes()
    result = cli("data", "import", "bad.csv", "shop.journey.yaml")
    assert result.code == 1
    assert (home / "shop.journey.yaml").read_bytes() == before
    located = [line.split(" [")[0].rstrip() for line in result.out.splitlines() if line.startswith("bad.csv:")]
    assert located == [
        "bad.csv:3:21: error D003 `lots` in `value` is not a number",
        "bad.csv:4:22: error D004 `2026-02-30` in `as_of` is not a date",
        "bad.csv:5:6: error D002 `payy` is not a step of the journey `shop`",
        "bad.csv:6:11: error D002 `bounce` is not a metric of step `done` (its metrics: none; `reach` sets the step's reach)",
        "bad.csv:7:1: error D002 `shoop` is not the id of a journey under shop.journey.yaml (ids: shop)",
        "bad.csv:8:12: error D005 `bounce` at step `visit` of `shop` is already set on line 2",
        "bad.csv:9:16: error D006 the reach of `pay` must be a whole number of customers from 0 to the journey's 5000 entrants; found `0.5`",
    ]


def test_missing_column_and_renamed_columns(cli, home):
    missing = cli("data", "import", "missing-column.csv", "shop.journey.yaml")
    assert missing.code == 1 and "missing-column.csv:1:1: error D001 the CSV has no column `metric`" in missing.out
    renamed = cli("data", "import", "renamed-columns.csv", "shop.journey.yaml", "--column", "journey=map", "--column", "metric=kpi", "--column", "value=number")
    assert renamed.code == 0 and b"value: 0.4," in (home / "shop.journey.yaml").read_bytes()
    assert cli("data", "import", "good.csv", "--column", "colour=x").code == 2


def test_an_invalid_journey_file_is_never_rewritten(cli, home):
    broken = home / "broken.journey.yaml"
    broken.write_text("format: 1\nid: broken\ntitle: Broken\nstages: []\n")
    before = (home / "shop.journey.yaml").read_bytes()
    result = cli("data", "import", "good.csv", ".")
    assert result.code == 1 and "D007" in result.out and "E002" in result.out
    assert (home / "shop.journey.yaml").read_bytes() == before
    assert broken.read_text() == "format: 1\nid: broken\ntitle: Broken\nstages: []\n"


def test_crlf_file_keeps_its_line_endings(cli, home):
    crlf = (home / "shop.journey.yaml").read_bytes().replace(b"\n", b"\r\n")
    (home / "shop.journey.yaml").write_bytes(crlf)
    assert cli("data", "import", "good.csv", "shop.journey.yaml").code == 0
    assert (home / "shop.journey.yaml").read_bytes() == expected_after_good_csv().replace(b"\n", b"\r\n")


def test_aliases_are_refused_not_rewritten_elsewhere(cli, home):
    path = home / "alias.journey.yaml"
    path.write_text(
        "format: 1\nid: alias\ntitle: Alias\nx-base: &v 0.5\nstages:\n  - id: s\n    name: S\n    steps:\n"
        "      - id: a\n        name: A\n        reach: *v\n"
    )
    (home / "alias.csv").write_text("journey,step,metric,value\nalias,a,reach,0.4\n")
    before = path.read_bytes()
    result = cli("data", "import", "alias.csv", "alias.journey.yaml")
    assert result.code == 1 and "written as a YAML alias" in result.out and path.read_bytes() == before


def test_numbers_are_written_as_yaml_numbers():
    from journeycli.data_import.edits import number_text

    assert [number_text(v, False) for v in (0.1, 3.0, 1e-05, 2.5e-07)] == ["0.1", "3", "0.00001", "0.00000025"]
    assert number_text(1200.0, True) == "1200"


def test_a_key_written_as_null_gets_the_value_not_a_second_key(cli, home):
    """`as_of: null` and `reach: ~` are keys of the file even though the model holds None: the value is replaced in place."""
    path = home / "shop.journey.yaml"
    path.write_text(path.read_text().replace("            as_of: 2026-09-30", "            as_of: null").replace("reach: 1200}", "reach: ~}"))
    result = cli("data", "import", "good.csv", "shop.journey.yaml")
    assert result.code == 0, result.out + result.err
    assert path.read_bytes() == expected_after_good_csv()  # the same bytes as from the file with those values set


def test_a_rewrite_that_would_not_validate_is_located_at_its_row():
    """The safety net under the splices: an error in the rewritten text is reported at the CSV row whose change stands on that line."""
    from journeycli.data_import import apply, edits, rows
    from journeycli.validation import validate

    raw = (DATA / "shop.journey.yaml").read_bytes()
    checked = validate(raw, "shop.journey.yaml")
    table, _ = rows.read((DATA / "good.csv").read_bytes(), "good.csv", {key: key for key in rows.KEYS})
    plan = edits.plan(raw.decode(), checked.sourcemap, checked.journey, table, "good.csv")
    cart_rate = next(row for row in table if row.metric == "cart-rate")
    at = plan.text.index("target: 0.08")
    plan.replace(at, at + len("target: 0.08"), "target: [0.08", cart_rate)  # a splice gone wrong, two lines under the row's own
    rechecked = validate(plan.result().encode(), "shop.journey.yaml")
    assert rechecked.journey is None
    found = apply.would_be_invalid(plan, rechecked.diagnostics, "shop.journey.yaml", "good.csv")
    assert found and {(d.file, d.line, d.column, d.code) for d in found} == {("good.csv", cart_rate.line, cart_rate.columns["value"], "D008")}
    assert "shop.journey.yaml would not be valid" in found[0].message


def test_a_journey_file_that_cannot_be_read_is_a_finding(cli, home, monkeypatch):
    monkeypatch.setenv("JOURNEY_MAX_FILE_SIZE", "100")
    before = (home / "shop.journey.yaml").read_bytes()
    result = cli("data", "import", "good.csv", "shop.journey.yaml")
    assert result.code == 1
    assert "shop.journey.yaml:1:1: error E009 the file is larger than the limit" in result.out and "D007" in result.out
    assert "1 file is not valid, so its id is not known" in result.out
    assert (home / "shop.journey.yaml").read_bytes() == before


def test_a_rewritten_file_keeps_its_permissions(cli, home):
    path = home / "shop.journey.yaml"
    path.chmod(0o640)
    assert cli("data", "import", "good.csv", "shop.journey.yaml").code == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert not list(home.glob(".journey-*"))


def test_many_files_all_or_nothing(cli, tmp_path, monkeypatch):
    """Enough files for the worker processes: one bad row still leaves every file as it was; then each file gets its row, reported in file order."""
    monkeypatch.chdir(tmp_path)
    text = (DATA / "shop.journey.yaml").read_text()
    paths = []
    for n in range(30):
        path = tmp_path / f"shop-{n:02d}.journey.yaml"
        path.write_text(text.replace("id: shop\n", f"id: shop-{n:02d}\n"))
        paths.append(path)
    rows_text = "".join(f"shop-{n:02d},pay,reach,{1000 + n},\n" for n in range(30))
    (tmp_path / "bad.csv").write_text("journey,step,metric,value,as_of\n" + rows_text + "shop-29,payy,reach,5,\n")
    before = [path.read_bytes() for path in paths]
    bad = cli("data", "import", "bad.csv", ".")
    assert bad.code == 1 and "bad.csv:32:9: error D002 `payy` is not a step of the journey `shop-29`" in bad.out  # found by a worker
    assert [path.read_bytes() for path in paths] == before
    (tmp_path / "good.csv").write_text("journey,step,metric,value,as_of\n" + rows_text)
    good = cli("data", "import", "good.csv", ".")
    assert good.code == 0, good.out + good.err
    for n, path in enumerate(paths):
        assert path.read_text() == text.replace("id: shop\n", f"id: shop-{n:02d}\n").replace("reach: 1200}", f"reach: {1000 + n}}}")
    titles = [line for line in good.out.splitlines() if line.startswith("./shop-")]
    assert titles == [f"./shop-{n:02d}.journey.yaml" for n in range(30)]
    assert "updated 30 journey files" in good.err
