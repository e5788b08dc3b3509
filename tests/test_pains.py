"""`journey pains`: the documented score, ranking and tie-breaks, filters, hotspots, every format, exit codes.

Expected scores are worked out by hand in the comments of tests/fixtures/pains/scored.journey.yaml.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

from journeycli.pains.score import SEVERITY_WEIGHT, emotion_factor, score

PAINS = FIXTURES / "pains"
SCORED = PAINS / "scored.journey.yaml"
INJECTION = PAINS / "injection.journey.yaml"
INVALID = PAINS / "invalid.journey.yaml"

# (rank, id, score) of every pain point of scored.journey.yaml, seen by every persona
RANKING = [
    (1, "card-declined", 7.2),  # 8 × 0.4 × 1.5 (moment of truth) × 1.5 (emotion -2)
    (2, "no-receipt", 1.25),  # 2 × 0.5 (estimated) × 1.25 (emotion -1)
    (3, "a-tie-felt", 0.9),  # 2 × 0.3 × 1.5: an exact tie with b-tie-wide, so the id decides
    (4, "b-tie-wide", 0.9),  # 2 × 0.45
    (5, "z-high-tie", 0.8),  # 4 × 0.2: ties with m-medium-tie, the worse severity first
    (6, "m-medium-tie", 0.8),  # 2 × 0.4
    (7, "late-dispatch", 0.4),  # 4 × 0.1, backstage step without emotion
    (8, "slow-search", 0.2),  # 1 × 0.2, positive emotion changes nothing
    (9, "damaged-box", 0.15),  # 1 × 0.1 × 1.5 (moment of truth)
    (10, "lost-label", 0.1),  # 1 × 0.1
]
UNADDRESSED = {"no-receipt", "a-tie-felt", "b-tie-wide", "z-high-tie", "late-dispatch", "slow-search", "damaged-box", "lost-label"}
"""No opportunity under way: b-tie-wide has only an idea (explain-tie), the others none."""


def pains_of(document, n=0):
    return document["files"][n]["pain_points"]


# The score ------------------------------------------------------------------------------------------


def test_score_formula_worked_example():
    assert score("critical", Decimal("0.4"), True, -2) == Decimal("7.2")
    assert score("high", Decimal("0.5"), False, None) == Decimal("2")
    assert score("low", Decimal("1"), True, 2) == Decimal("1.5")


@pytest.mark.parametrize(("emotion", "factor"), [(-2, "1.5"), (-1, "1.25"), (0, "1"), (1, "1"), (2, "1"), (None, "1")])
def test_emotion_factor(emotion, factor):
    assert emotion_factor(emotion) == Decimal(factor)


def test_severity_weights_double_at_each_level():
    assert SEVERITY_WEIGHT == {"low": 1, "medium": 2, "high": 4, "critical": 8}


def test_ranking_scores_and_deterministic_tie_breaks(cli):
    result = cli("pains", SCORED, "--format", "json")
    assert result.code == 0, result.err
    rows = pains_of(result.json())
    assert [(r["rank"], r["id"], r["score"]) for r in rows] == RANKING


def test_row_facts(cli):
    rows = {r["id"]: r for r in pains_of(cli("pains", SCORED, "-f", "json").json())}
    card = rows["card-declined"]
    assert card == {
        "rank": 1,
        "score": 7.2,
        "severity": "critical",
        "id": "card-declined",
        "description": '=HYPERLINK("https://example.com") card declined',
        "stage": "buy",
        "step": "pay",
        "owner": "checkout-team",  # the pain point's owner wins over the step's (pay-team)
        "sources": ["s1", "s2"],
        "addressed_by": [{"id": "fix-cards", "status": "planned"}, {"id": "retry-flow", "status": "done"}],
        "addressing": "addressed",
        "affected": 0.4,
        "affected_estimated": False,
        "moment_of_truth": True,
        "emotion": -2,
    }
    assert rows["slow-search"]["owner"] == "web-team"  # no owner on the pain point: the step's
    assert rows["a-tie-felt"]["owner"] is None and rows["a-tie-felt"]["sources"] == []
    assert rows["no-receipt"]["affected"] == 0.5 and rows["no-receipt"]["affected_estimated"] is True
    assert rows["late-dispatch"]["emotion"] is None
    assert {r["id"] for r in rows.values() if r["addressing"] != "addressed"} == UNADDRESSED
    # an idea is not a plan: told apart from no opportunity at all
    assert (rows["b-tie-wide"]["addressing"], rows["no-receipt"]["addressing"]) == ("ideas", "open")


def test_scores_are_rounded_half_up_for_display(cli):
    rows = pains_of(cli("pains", INJECTION, "-f", "json").json())
    assert [(r["id"], r["score"]) for r in rows] == [("formula", 2.5), ("pipe", 0.63)]  # 1 × 0.5 × 1.25 = 0.625


# Filters --------------------------------------------------------------------------------------------


def test_top_keeps_the_highest(cli):
    rows = pains_of(cli("pains", SCORED, "--top", "3", "-f", "json").json())
    assert [r["id"] for r in rows] == ["card-declined", "no-receipt", "a-tie-felt"]


def test_unaddressed_keeps_ranks_of_the_full_list(cli):
    rows = pains_of(cli("pains", SCORED, "--unaddressed", "-f", "json").json())
    assert [(r["rank"], r["id"]) for r in rows] == [(rank, pain) for rank, pain, _ in RANKING if pain in UNADDRESSED]
    rows = pains_of(cli("pains", SCORED, "--unaddressed", "--top", "2", "-f", "json").json())
    assert [(r["rank"], r["id"]) for r in rows] == [(2, "no-receipt"), (3, "a-tie-felt")]


def test_top_must_be_positive(cli):
    assert cli("pains", SCORED, "--top", "0").code == 2


def test_persona_view_leaves_out_steps_the_persona_does_not_take(cli):
    document = cli("pains", SCORED, "--persona", "alpha", "-f", "json").json()
    rows = pains_of(document)
    assert "a-tie-felt" not in {r["id"] for r in rows}
    assert [r["rank"] for r in rows] == list(range(1, 10))
    # an opportunity on a step alpha does not take still addresses b-tie-wide
    assert next(r for r in rows if r["id"] == "b-tie-wide")["addressed_by"] == [{"id": "explain-tie", "status": "idea"}]
    discover = document["files"][0]["hotspots"][0]
    assert discover == {"stage": "discover", "name": "Discover", "mean_emotion": 0.5, "pain_count": 2, "worst_step": "read-reviews", "hotspot": False, "reasons": []}
    beta = pains_of(cli("pains", SCORED, "--persona", "beta", "-f", "json").json())
    assert len(beta) == 10


def test_unknown_persona_is_a_usage_error(cli):
    result = cli("pains", SCORED, "--persona", "gamma")
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"journey: error: {SCORED}: the persona `gamma` is not defined in this journey (known: alpha, beta)\n"


def test_persona_is_free_text_where_no_personas_are_declared(cli):
    assert cli("pains", INJECTION, "--persona", "gamma", "-f", "json").code == 0


# Hotspots -------------------------------------------------------------------------------------------


def test_hotspots(cli):
    hotspots = cli("pains", SCORED, "-f", "json").json()["files"][0]["hotspots"]
    assert hotspots == [
        # mean (1 - 2 + 0) / 3 < 0
        {"stage": "discover", "name": "Discover", "mean_emotion": -0.33, "pain_count": 3, "worst_step": "compare", "hotspot": True,
         "reasons": ["mean emotion -0.33", "3 pain points"]},
        # wait-for-bank and pay are both at -2: pay has more pain points
        {"stage": "buy", "name": "Buy", "mean_emotion": -1.25, "pain_count": 4, "worst_step": "pay", "hotspot": True,
         "reasons": ["mean emotion -1.25", "4 pain points", "a critical pain point (card-declined)"]},
        # a happy stage with 3 pain points
        {"stage": "deliver", "name": "Deliver", "mean_emotion": 1.0, "pain_count": 3, "worst_step": "receive", "hotspot": True,
         "reasons": ["3 pain points"]},
        {"stage": "after", "name": "After", "mean_emotion": None, "pain_count": 0, "worst_step": None, "hotspot": False, "reasons": []},
    ]


def test_hotspot_pain_count_comes_from_the_configuration(cli, tmp_path):
    config = tmp_path / "journey.toml"
    config.write_text("[thresholds]\nhotspot_pain_count = 4\n")
    hotspots = cli("pains", SCORED, "-f", "json", "--config", config).json()["files"][0]["hotspots"]
    assert [h["hotspot"] for h in hotspots] == [True, True, False, False]


def test_filters_do_not_change_hotspots(cli):
    full = cli("pains", SCORED, "-f", "json").json()["files"][0]["hotspots"]
    assert cli("pains", SCORED, "-f", "json", "--top", "1", "--unaddressed").json()["files"][0]["hotspots"] == full


# Formats --------------------------------------------------------------------------------------------


def test_json_shape_with_several_files(cli):
    document = cli("pains", SCORED, INJECTION, "-f", "json").json()
    assert set(document) == {"files"}
    assert [(f["file"], f["journey"], f["title"]) for f in document["files"]] == [
        (str(SCORED), "scored", "Scored by hand"),
        (str(INJECTION), "injection", "=1+1 in a title"),
    ]
    for entry in document["files"]:
        assert set(entry) == {"file", "journey", "title", "pain_points", "hotspots"}


def test_csv_reads_back_and_guards_formulas(cli):
    result = cli("pains", SCORED, INJECTION, "-f", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 12
    assert [(r["file"], r["rank"], r["id"], r["score"]) for r in rows[:2]] == [(str(SCORED), "1", "card-declined", "7.20"), (str(SCORED), "2", "no-receipt", "1.25")]
    card = rows[0]
    assert card["description"] == "'=HYPERLINK(\"https://example.com\") card declined"
    assert card["addressed"] == "yes" and card["addressed_by"] == "fix-cards (planned); retry-flow (done)"
    assert card["evidence"] == "2" and card["emotion"] == "-2" and card["moment_of_truth"] == "true"
    formula = next(r for r in rows if r["id"] == "formula")
    assert formula["description"] == "'=cmd|' /C calc'!A0"
    assert (formula["stage_name"], formula["step_name"], formula["owner"]) == ("'+Stage", "'-2 steps", "'@ops")
    assert formula["emotion"] == "-1"  # a number, not text: never guarded
    pipe = next(r for r in rows if r["id"] == "pipe")
    assert (pipe["affected"], pipe["affected_estimated"], pipe["addressed"]) == ("0.5", "true", "no")


def test_markdown_has_a_section_and_tables_per_file(cli):
    result = cli("pains", SCORED, INJECTION, "-f", "markdown")
    assert result.code == 0
    out = result.out
    assert out.startswith("# Pain points\n")
    assert "## Scored by hand" in out and "## =1+1 in a title" in out
    assert out.count("| rank | score | severity | pain point | stage | step | owner | evidence | addressed by | affected |") == 2
    assert out.count("### Hotspots") == 2
    assert "| 1 | 7.20 | critical | `card-declined`<br>=HYPERLINK(\"https://example.com\") card declined | Buy | Pays (-2) ★ | checkout-team | 2 |" in out
    assert "| **none yet** | 50% (estimated) |" in out and "| **only ideas** — `explain-tie` (idea) |" in out
    # user text cannot break the table or inject HTML
    assert "Cells \\| with pipes &lt;b&gt;and&lt;/b&gt; \\*stars\\*" in out
    assert "| Buy | -1.25 | 4 | Pays | **yes**: mean emotion -1.25, 4 pain points, a critical pain point (card-declined) |" in out


def test_plain_text_when_not_a_terminal(cli):
    result = cli("pains", SCORED, INJECTION)
    assert result.code == 0
    out = result.out
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[0] == f"Scored by hand (scored) — {SCORED}"
    assert lines[1] == "10 pain points · 8 unaddressed (1 with only ideas) · 3 hotspot stages"
    header = next(line for line in lines if line.startswith(" #"))
    assert header.split() == ["#", "score", "severity", "pain", "point", "stage", "step", "owner", "evidence", "addressed", "by", "affected"]
    first = lines[lines.index(header) + 2]
    assert first.split()[:5] == ["1", "7.20", "critical", "card-declined", "Buy"]
    assert "Pays (-2) ★" in first and "fix-cards (planned), retry-flow (done)" in first and first.endswith("40%")
    assert lines[lines.index(header) + 3].strip() == '=HYPERLINK("https://example.com") card declined'
    assert any(line.split()[:4] == ["2", "1.25", "medium", "no-receipt"] and "  none yet  " in line and line.endswith("50% (estimated)") for line in lines)
    assert any(line.split()[:5] == ["Buy", "-1.25", "4", "Pays", "yes:"] for line in lines)
    assert any("  only ideas — explain-tie (idea)  " in line for line in lines)
    assert any(line.split() == ["After", "—", "0", "—", "no"] for line in lines)
    assert "=1+1 in a title (injection)" in out
    assert out.rstrip().endswith("See docs/pains.md.")


def test_no_color_means_no_escape_codes_even_when_colour_is_forced(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = cli("pains", SCORED).out
    assert "\x1b[" in coloured and "card-declined" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = cli("pains", SCORED).out
    assert "\x1b" not in plain and "card-declined" in plain


def test_terminal_tables_at_any_width(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    for width in ("60", "100", "240"):
        monkeypatch.setenv("COLUMNS", width)
        result = cli("pains", SCORED)
        assert result.code == 0
        for pain in ("card-declined", "lost-label", "Hotspots"):
            assert pain in result.out


def test_output_is_deterministic(cli):
    for format in ("text", "json", "markdown", "csv"):
        assert cli("pains", PAINS, EXAMPLES, "-f", format).out == cli("pains", PAINS, EXAMPLES, "-f", format).out


def test_empty_after_filters(cli, tmp_path):
    path = tmp_path / "calm.journey.yaml"
    path.write_text("format: 1\nid: calm\ntitle: Calm\nstages: [{id: s, name: S, steps: [{id: a, name: A, emotion: 1}]}]\n")
    assert "No pain points to show." in cli("pains", path).out
    assert "_No pain points to show._" in cli("pains", path, "-f", "markdown").out
    assert cli("pains", path, "-f", "json").json()["files"][0]["pain_points"] == []
    assert cli("pains", path, "-f", "csv").out.count("\n") == 1


# Exit codes -----------------------------------------------------------------------------------------


def test_invalid_file_prints_its_diagnostics_and_exits_1(cli):
    result = cli("pains", SCORED, INVALID)
    assert result.code == 1
    assert f"{INVALID}:10:16: error E005" in result.out
    assert "Scored by hand" in result.out  # the valid file is still reported
    assert "✖ 1 error in 1 of 2 files checked" in result.out


def test_invalid_file_keeps_machine_output_parseable(cli):
    result = cli("pains", SCORED, INVALID, "-f", "json")
    assert result.code == 1
    assert [f["journey"] for f in result.json()["files"]] == ["scored"]
    assert f"{INVALID}:10:16: error E005" in result.err


def test_missing_path_is_a_usage_error(cli):
    result = cli("pains", PAINS / "missing.journey.yaml")
    assert result.code == 2 and result.err.startswith("journey: error: no such file or directory")


def test_examples_report_cleanly(cli):
    result = cli("pains", EXAMPLES, "-f", "json")
    assert result.code == 0
    files = result.json()["files"]
    assert len(files) == len(list(EXAMPLES.rglob("*.journey.yaml")))  # examples/portfolio/ too
    assert all(f["pain_points"] for f in files)


def test_docs_state_the_weights_and_factors():
    doc = (ROOT / "docs" / "pains.md").read_text()
    for severity, weight in SEVERITY_WEIGHT.items():
        assert f"| {severity} | {weight} |" in doc
    assert "8 × 0.4 × 1.5 × 1.5 = 7.2" in doc


# --weight-by-drop-off ---------------------------------------------------------------------------------

DROP_OFF = PAINS / "drop_off.journey.yaml"
CHECKOUT = EXAMPLES / "ecommerce-checkout.journey.yaml"


def test_weight_by_drop_off_ranks_by_score_times_percentage_lost(cli):
    """Worked out by hand in the fixture: weighted = score × percentage of entrants lost at the step."""
    rows = pains_of(cli("pains", DROP_OFF, "--weight-by-drop-off", "-f", "json").json())
    assert [(r["rank"], r["id"], r["score"], r["weighted_score"]) for r in rows] == [
        (1, "p-land", 1.0, 40.0),  # 1.0 × 40
        (2, "p-cart", 1.0, 15.0),  # 1.0 × 15
        (3, "p-pay", 1.2, 6.0),  # 1.2 × 5
        (4, "p-fail", 2.0, None),  # unknown: ranked after, in the usual order (highest score first)
        (5, "p-done", 0.2, None),
    ]
    assert rows[0]["lost"] == {"customers": None, "share": 0.4, "unknown_reason": None}  # shares: no count to give
    assert rows[3]["lost"]["share"] is None and "not on the funnel's main path" in rows[3]["lost"]["unknown_reason"]
    assert rows[4]["lost"]["unknown_reason"] == "the funnel's main path ends here"


def test_without_the_option_nothing_changes(cli):
    rows = pains_of(cli("pains", DROP_OFF, "-f", "json").json())
    assert [r["id"] for r in rows] == ["p-fail", "p-pay", "p-cart", "p-land", "p-done"]
    assert not {"lost", "weighted_score"} & set(rows[0])
    assert "lost" not in cli("pains", DROP_OFF).out and "lost_share" not in cli("pains", DROP_OFF, "-f", "csv").out


def test_weight_uses_counts_when_the_journey_declares_entrants(cli):
    rows = pains_of(cli("pains", CHECKOUT, "--weight-by-drop-off", "-f", "json").json())
    top = rows[0]
    # see-delivery-cost 64,000 → choose-payment 41,000 of 212,000 entrants: 4.92 × 2,300,000 / 212,000 = 53.377…
    assert (top["id"], top["lost"], top["weighted_score"]) == ("surprise-delivery-cost", {"customers": 23000, "share": 0.1085, "unknown_reason": None}, 53.38)
    text = cli("pains", CHECKOUT, "--weight-by-drop-off").out
    assert "23,000 (10.8%)" in text and "ranked by weighted score" in text and "weighted = score × lost" in text


def test_a_journey_without_reach_is_never_given_a_number(cli):
    clinic = EXAMPLES / "clinic-visit.journey.yaml"
    plain = [r["id"] for r in pains_of(cli("pains", clinic, "-f", "json").json())]
    rows = pains_of(cli("pains", clinic, "--weight-by-drop-off", "-f", "json").json())
    assert [r["id"] for r in rows] == plain  # nothing known: the usual order
    assert {(r["weighted_score"], r["lost"]["share"], r["lost"]["unknown_reason"]) for r in rows} == {(None, None, "the journey gives no reach (docs/funnel.md)")}
    out = cli("pains", clinic, "--weight-by-drop-off").out
    assert "lost unknown: the journey gives no reach" in out


def test_weight_in_csv_and_markdown(cli):
    rows = list(csv.DictReader(io.StringIO(cli("pains", DROP_OFF, "--weight-by-drop-off", "-f", "csv").out)))
    assert [(r["id"], r["lost_customers"], r["lost_share"], r["weighted_score"]) for r in rows[:2]] == [("p-land", "", "0.4", "40.00"), ("p-cart", "", "0.15", "15.00")]
    assert rows[3]["weighted_score"] == "" and "main path" in rows[3]["lost_unknown_reason"]
    out = cli("pains", DROP_OFF, "--weight-by-drop-off", "-f", "markdown").out
    assert "| affected | lost | weighted |" in out and "| 50% | 40% | 40.00 |" in out
    assert "| 20% | unknown (the funnel's main path ends here) | unknown |" in out
