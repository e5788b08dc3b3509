"""`journey export`: every format from real files, read back by real parsers."""

from __future__ import annotations

import csv
import io
import re

import pytest
from conftest import EXAMPLES, FIXTURES

from journeycli.export.csv_format import COLUMNS
from journeycli.export.mermaid import KEYWORD_GUARD, clean
from journeycli.flow import resolve
from journeycli.importers.mermaid import parse as parse_mermaid
from journeycli.presentation.spreadsheet import guard, unguard
from journeycli.validation import validate

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.journey.yaml"))
TRICKY = FIXTURES / "export" / "tricky.journey.yaml"
FORMATS = ("mermaid", "markdown", "csv", "json")


def journey_of(path):
    checked = validate(path.read_bytes(), str(path))
    assert checked.journey is not None, checked.diagnostics
    return checked.journey


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, TRICKY], ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(cli, path, fmt):
    first = cli("export", path, "--format", fmt)
    second = cli("export", path, "--format", fmt)
    assert first.code == 0, first.err
    assert first.out and first.out == second.out
    assert first.out.endswith("\n") and first.err == ""


# -- mermaid ---------------------------------------------------------------------------

# One statement per line, as Mermaid's journey lexer accepts it: title text stops at # and ;,
# section and task names also at :, actors are split at , (see export/mermaid.py).
MERMAID_LINE = re.compile(r"journey|  title [^#;\n]+|  section [^#:;\n]+|    [^#:;\n]+: [1-5](: [^#:;,\n]+(, [^#:;,\n]+)*)?")


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, TRICKY], ids=lambda p: p.name)
def test_mermaid_is_valid_and_reads_back(cli, path):
    out = cli("export", path, "-f", "mermaid").out
    for line in out.splitlines():
        assert MERMAID_LINE.fullmatch(line), line
        assert "%" not in line  # Mermaid's lexer drops the rest of a line from a `%`
    journey = journey_of(path)
    draft = parse_mermaid(out)
    assert [s["name"] for s in draft.stages] == [clean(s.name, "#;:") or s.id for s in journey.stages]
    steps = [step for _, step in journey.steps()]
    back = draft.steps()
    assert [s["name"] for s in back] == [clean(s.name, "#;:") for s in steps]
    assert [s["emotion"] for s in back] == [0 if s.emotion is None else s.emotion for s in steps]


def test_mermaid_mapping(cli):
    out = cli("export", TRICKY, "-f", "mermaid").out.splitlines()
    assert out[0] == "journey"
    assert out[1] == "  title Returns: the ＃1 pain； really"  # a title may keep its `:`
    assert "  section Stage 1： start" in out
    assert "  section section two split" in out  # a line break in a name
    # score = emotion + 3; actors: every persona when the step names none, commas in names replaced
    assert f"    {KEYWORD_GUARD}Title page is read: 5: Shopper， returning： VIP, Clerk" in out
    assert '    =HYPERLINK("http：//evil"；"x"): 1: Shopper， returning： VIP' in out
    assert "    Saves 50％％ now ＃ not a comment: 3: Clerk" in out  # no emotion: a neutral 3
    assert f"    {KEYWORD_GUARD}Section 2 review: 2: Shopper， returning： VIP, Clerk" in out


def test_a_percent_sign_never_reaches_mermaid(cli, tmp_path):
    """Mermaid's lexer drops a line from its `%`: a step called "% of orders late" would vanish without an error."""
    path = tmp_path / "percent.journey.yaml"
    path.write_text("format: 1\nid: p\ntitle: 100% on time\nstages:\n  - id: s\n    name: 5% stage\n    steps:\n"
                    "      - {id: a, name: '% of orders late', emotion: -1}\n      - {id: b, name: Saves 50% now}\n")
    out = cli("export", path, "-f", "mermaid").out
    assert out == "journey\n  title 100％ on time\n  section 5％ stage\n    ％ of orders late: 2\n    Saves 50％ now: 3\n"


def test_keyword_names_are_guarded_only_when_mermaid_would_misread_them():
    from journeycli.export.mermaid import task_name

    for name in ("Title page", "section 2", "journey on", "accDescr {x", "JOURNEY"):
        assert task_name(name).startswith(KEYWORD_GUARD), name
    for name in ("Titles", "Journeying", "Sections", "Pays"):
        assert task_name(name) == name


# -- markdown ------------------------------------------------------------------------------


def _cells(row: str) -> list[str]:
    """Split a Markdown table row at pipes that are not escaped."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_markdown_report_escapes_user_text(cli):
    out = cli("export", TRICKY, "-f", "markdown").out
    assert "<script>" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;" in out
    assert out.startswith("# Returns: the \\#1 pain; really\n")
    for block in re.findall(r"(?:^\|.*\|\n)+", out, flags=re.MULTILINE):
        rows = block.splitlines()
        assert all(len(_cells(row)) == len(_cells(rows[0])) for row in rows), block
    assert "| Saves 50%% now \\# not a comment | — |" in out
    assert "`pipe-pain` Pipes \\| and &lt;i&gt;tags&lt;/i&gt; and \\*stars\\*" in out


def test_markdown_renders_user_text_literally(cli):
    """Rendered by a CommonMark parser with tables (markdown-it, which Rich depends on), user text comes out as typed."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(cli("export", TRICKY, "-f", "markdown").out)
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert "<h1>Returns: the #1 pain; really</h1>" in html
    assert "<td>Web | shop</td>" in html
    assert "<td><code>pipe-pain</code> Pipes | and &lt;i&gt;tags&lt;/i&gt; and *stars*</td>" in html
    assert "<td>Saves 50%% now # not a comment</td>" in html
    for table in re.findall(r"<table>.*?</table>", html, flags=re.DOTALL):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.DOTALL)
        assert {len(re.findall(r"<t[hd]>", row)) for row in rows} == {len(re.findall(r"<th>", rows[0]))}


def test_markdown_report_content(cli):
    out = cli("export", EXAMPLES / "ecommerce-checkout.journey.yaml", "-f", "markdown").out
    headings = re.findall(r"^## (.*)$", out, flags=re.MULTILINE)
    assert headings == [
        "1. Browse and add to cart",
        "2. Cart",
        "3. Checkout details",
        "4. Payment",
        "5. Delivery",
        "6. After the purchase",
        "Pain points",
        "Opportunities",
        "Metrics",
    ]
    assert "- **Owner:** checkout-team" in out
    assert "- **Last reviewed:** 2026-10-12 (review every 6 months)" in out
    # emotion as number and face; severity and status as words; on/off target in words and symbol
    assert "| Sees the delivery cost | -2 😞 | Web shop (mobile browser) | ⚠ critical `surprise-delivery-cost` |" in out
    assert "| ⚠ high | `guest-cart-expires`" in out and "| **nothing yet** |" in out
    assert "| 0.31 ratio | 0.2 ratio (lower is better) | ❌ off target |" in out
    assert "| 0.22 ratio | 0.25 ratio (lower is better) | ✅ on target |" in out
    pains = out.split("## Pain points")[1].split("## Opportunities")[0]
    severities = re.findall(r"^\| ⚠ (\w+) \|", pains, flags=re.MULTILINE)
    order = ["critical", "high", "medium", "low"]
    assert severities == sorted(severities, key=order.index)  # worst first


# -- csv ---------------------------------------------------------------------------------------


def test_csv_reads_back_with_the_csv_module(cli):
    out = cli("export", TRICKY, "-f", "csv").out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [(r["stage_id"], r["step_id"]) for r in rows] == [
        ("start", "title-page"),
        ("start", "formula"),
        ("start", "comment-like"),
        ("start", "skipped"),
        ("empty", ""),  # a stage without steps keeps a row
        ("last", "section-step"),
    ]
    first, formula, backstage = rows[0], rows[1], rows[2]
    assert first["metrics"] == "nps=-12/10;visits=48"
    assert first["moment_of_truth"] == "true" and first["personas"] == ""
    assert formula["step_name"] == "'=HYPERLINK(\"http://evil\";\"x\")"  # text: guarded
    assert formula["description"] == "'+1 for this; -1 for that\nsecond line"
    assert formula["emotion"] == "-2"  # a number: not guarded
    assert formula["pain_count"] == "1" and formula["worst_severity"] == "critical"
    assert backstage["layer"] == "backstage" and backstage["emotion"] == "" and backstage["personas"] == "clerk"
    assert rows[-1]["stage_name"] == "section two\nsplit"


def test_no_text_cell_starts_a_formula(cli):
    for path in [*EXAMPLE_FILES, TRICKY]:
        for row in csv.reader(io.StringIO(cli("export", path, "-f", "csv").out, newline="")):
            for column, cell in zip(COLUMNS, row):
                if column != "emotion":
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, column, cell)


@pytest.mark.parametrize(
    "text", ["=1+1", "+x", "-x", "@x", "\tx", "'=x", "''=x", "'plain", "plain", "", "'", "a\r=1", "a\n+1\r\n-2", "\r=x", "a\n'=b", "x\n\n@y\r"]
)
def test_guard_round_trips(text):
    guarded = guard(text)
    assert not any(re.match(r"[=+\-@\t\r]", line) for line in re.split(r"\r\n|\r|\n", guarded) if line), guarded
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard(guarded) == text


def test_cells_with_line_breaks_are_quoted_and_every_line_is_guarded(cli):
    out = cli("export", FIXTURES / "export" / "line-breaks.journey.yaml", "-f", "csv").out
    # A spreadsheet splits unquoted rows at CR as well as LF: outside quotes, only the row ends may break lines.
    outside = re.sub(r'"(?:[^"]|"")*"', "", out)
    assert "\r" not in outside and outside.count("\n") == 3
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [row["step_id"] for row in rows] == ["pays", "next"]
    assert rows[0]["stage_name"] == "Pay\r'@SUM(A1)"
    assert rows[0]["step_name"] == "Pays\r'=1+1"
    assert rows[0]["description"] == "First line\n'=HYPERLINK(\"http://evil\")\r\n'+2\n'-3\n''=already quoted"
    assert rows[1]["description"] == "'\r'=cr first"


# -- json --------------------------------------------------------------------------------------


def test_json_is_the_normalised_journey_with_its_flow(cli):
    data = cli("export", TRICKY, "-f", "json").json()
    assert data["review_interval_months"] == 12 and data["tags"] == []  # defaults filled in
    assert data["last_reviewed"] == "2026-05-01"
    assert data["x-notes"] == "kept as is"
    step = data["stages"][0]["steps"][0]
    assert step["layer"] == "frontstage" and step["personas"] is None and step["metrics"][0]["value"] == -12
    assert data["flow"] == {
        "start": "title-page",
        "successors": {
            "title-page": ["formula"],
            "formula": ["comment-like"],
            "comment-like": ["section-step"],
            "skipped": ["section-step"],
            "section-step": [],
        },
        "exits": ["section-step"],
        "unreachable": ["skipped"],
    }


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_json_flow_matches_the_resolved_journey(cli, path):
    data = cli("export", path, "-f", "json").json()
    resolved = resolve(journey_of(path))
    assert data["flow"]["successors"] == resolved.successors
    assert list(data["flow"]["successors"]) == resolved.order
    assert [s["id"] for s in data["stages"]] == [s.id for s in resolved.journey.stages]


# -- writing, errors --------------------------------------------------------------------------------


def test_output_file_is_written_whole_and_format_follows_the_suffix(cli, tmp_path):
    target = tmp_path / "map.md"
    result = cli("export", EXAMPLES / "clinic-visit.journey.yaml", "-o", target)
    assert result.code == 0 and result.out == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == cli("export", EXAMPLES / "clinic-visit.journey.yaml", "-f", "markdown").out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.md"]  # no temporary file left behind


def test_refuses_to_write_over_the_input(cli, tmp_path):
    source = tmp_path / "map.journey.yaml"
    source.write_bytes(TRICKY.read_bytes())
    result = cli("export", source, "-f", "json", "-o", source)
    assert result.code == 2
    assert "refusing to write over the input file" in result.err
    assert source.read_bytes() == TRICKY.read_bytes()


def test_format_is_required_without_a_telling_suffix(cli, tmp_path):
    result = cli("export", TRICKY, "-o", tmp_path / "out.txt")
    assert result.code == 2 and "choose a format with --format" in result.err
    assert not (tmp_path / "out.txt").exists()


def test_reads_stdin(cli):
    result = cli("export", "-", "-f", "mermaid", stdin=TRICKY.read_bytes())
    assert result.code == 0 and result.out == cli("export", TRICKY, "-f", "mermaid").out


def test_invalid_input_prints_its_diagnostics_and_exits_1(cli, tmp_path):
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: no\nstages: []\n")
    result = cli("export", bad, "-f", "csv", "-o", tmp_path / "out.csv")
    assert result.code == 1
    assert f"{bad}:3:8: error E002" in result.err
    assert f"{bad}:4:9: error E002" in result.err
    assert result.out == "" and not (tmp_path / "out.csv").exists()


def test_missing_file_is_a_usage_error(cli, tmp_path):
    result = cli("export", tmp_path / "nope.journey.yaml", "-f", "json")
    assert result.code == 2 and result.err.startswith("journey: error: no such file")
