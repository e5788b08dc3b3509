"""`journey funnel` and the drop-off model, checked against values computed by hand.

The fixtures in tests/fixtures/funnel/ are small journeys whose every number
is worked out in the comments below; docs/funnel.md defines the model.
"""

from __future__ import annotations

import csv
import io

import pytest
from conftest import EXAMPLES, FIXTURES

FUNNEL = FIXTURES / "funnel"


def funnel(cli, name, *options):
    result = cli("funnel", FUNNEL / f"{name}.journey.yaml", "-f", "json", *options)
    assert result.code == 0, result.err
    [only] = result.json()["funnels"]
    return only


def by_step(data):
    return {s["step"]: s for s in data["steps"]}


def test_linear_journey_drops_and_stage_conversion(cli):
    data = funnel(cli, "linear")
    # 1000 → 800 → 500 → 450: drops of 200, 300 and 50
    assert [(p["step"], p["reach"], p["drop"]) for p in data["path"]] == [
        ("visit", 1000, 200),
        ("cart", 800, 300),
        ("pay", 500, 50),
        ("done", 450, None),
    ]
    assert [round(p["drop_share"], 4) for p in data["path"][:-1]] == [0.2, 0.375, 0.1]
    assert data["drops"] == ["cart", "visit", "pay"]  # largest first
    steps = by_step(data)
    assert [steps[s]["lost"] for s in ("visit", "cart", "pay")] == [200, 300, 50]
    assert steps["done"]["ends"] == 450 and steps["done"]["lost"] == 0
    # shop is entered by 1000 and 500 get to the buy stage; buy: 450 of 500
    assert [(s["stage"], s["conversion"]) for s in data["stages"]] == [("shop", 0.5), ("buy", 0.9)]
    assert data["path"][2]["pain_points"] == ["slow-pay"] and data["path"][2]["opportunities"] == ["faster-pay"]


def test_branching_journey_splits_where_the_file_says_and_no_further(cli):
    data = funnel(cli, "branching")
    steps = by_step(data)
    # start (1.0) → card 0.6 and paypal 0.3: 0.1 leave without taking either way
    assert [(w["to"], w["customers"]) for w in steps["start"]["ways"]] == [("card", 0.6), ("paypal", 0.3)]
    assert steps["start"]["lost"] == pytest.approx(0.1)
    # confirm is entered from card and paypal: how its 0.8 splits is not in the file
    assert steps["card"]["lost"] is None and "also entered from `paypal`" in steps["card"]["lost_reason"]
    assert [(w["to"], w["customers"]) for w in steps["paypal"]["ways"]] == [("confirm", None), ("leave", 0.05)]
    assert steps["leave"]["ends"] == 0.05
    # the main path follows the bigger branch; the drop after it is unknown, never guessed
    assert [p["step"] for p in data["path"]] == ["start", "card", "confirm"]
    assert data["path"][0]["drop"] == pytest.approx(0.4)
    assert data["path"][1]["drop"] is None and "without passing `card`" in data["path"][1]["drop_reason"]


def test_looping_journey_counts_the_loop_as_a_whole(cli):
    data = funnel(cli, "looping")
    steps = by_step(data)
    # basket 1.0 → pay 0.9: 0.1 lost before paying
    assert steps["basket"]["lost"] == pytest.approx(0.1)
    # pay and fail form a loop: per step it cannot be told, but the loop loses 0.9 − 0.75 (done) − 0.1 (give-up)
    assert steps["pay"]["lost"] is None and "loop" in steps["pay"]["lost_reason"]
    assert steps["pay"]["loop"] == ["pay", "fail"]
    [loop] = data["loops"]
    assert loop["head"] == "pay" and loop["lost"] == pytest.approx(0.05)
    back = [w for w in steps["fail"]["ways"] if w["loop"]]
    assert back == [{"to": "pay", "customers": None, "loop": True, "reason": "customers who go back to `pay` are already counted there"}]
    # main path basket → pay → done: drops 0.1 and 0.15, the larger first
    assert [(p["step"], p["drop"]) for p in data["path"]] == [("basket", pytest.approx(0.1)), ("pay", pytest.approx(0.15)), ("done", None)]
    assert data["drops"] == ["pay", "basket"]


def test_persona_reach_uses_the_persona_value_then_default(cli):
    whole = funnel(cli, "personas")
    # `compare` is only for hunters: for the journey as a whole, others go round it, so start → pay is the main path
    assert [(p["step"], p["reach"]) for p in whole["path"]] == [("start", 1), ("pay", 0.5)]
    parent = funnel(cli, "personas", "--persona", "parent")
    assert [(p["step"], p["reach"]) for p in parent["path"]] == [("start", 1), ("pay", 0.7)]
    hunter = funnel(cli, "personas", "--persona", "hunter")
    assert [(p["step"], p["reach"], p["drop"]) for p in hunter["path"]] == [("start", 1, pytest.approx(0.1)), ("compare", 0.9, pytest.approx(0.6)), ("pay", 0.3, None)]


def test_example_funnel_from_entry_to_delivered_parcel(cli):
    result = cli("funnel", EXAMPLES / "ecommerce-checkout.journey.yaml", "-f", "json")
    data = result.json()["funnels"][0]
    path = [p["step"] for p in data["path"]]
    assert path[0] == "search-product" and path[-1] == "receive-parcel"
    assert "see-delivery-cost" in path and "choose-payment" in path
    drops = {p["step"]: p for p in data["path"]}
    assert drops["see-delivery-cost"]["drop"] == 64000 - 41000
    assert drops["see-delivery-cost"]["pain_points"] == ["surprise-delivery-cost"]
    assert data["drops"][:2] == ["search-product", "see-delivery-cost"]


def test_text_shows_bars_drops_and_pain_points(cli):
    out = cli("funnel", FUNNEL / "linear.journey.yaml").out
    assert "visit  ██████████████████████████████     1,000  −200 (20%)" in out
    assert "1. cart → pay: 300 customers do not go on (37.5% of 800)" in out
    assert "pain [medium] slow-pay: The payment page is slow." in out
    assert "shop: 50% (500 of 1,000)" in out
    assert "\x1b" not in out


def test_markdown_and_csv(cli):
    markdown = cli("funnel", FUNNEL / "linear.journey.yaml", "-f", "markdown").out
    assert "| Fills the cart (`cart`) | Shop | 800 | 80% | 300 (37.5%) |" in markdown
    assert "1. cart → pay: 300 customers do not go on \\(37.5% of 800\\)" in markdown or "1. cart → pay: 300 customers do not go on (37.5% of 800)" in markdown
    rows = list(csv.DictReader(io.StringIO(cli("funnel", FUNNEL / "looping.journey.yaml", "-f", "csv").out)))
    assert [(r["step"], r["reach"], r["drop"]) for r in rows] == [("basket", "1", "0.1"), ("pay", "0.9", "0.15"), ("done", "0.75", "")]


def test_svg_and_png_charts(cli, tmp_path):
    svg = tmp_path / "funnel.svg"
    assert cli("funnel", EXAMPLES / "ecommerce-checkout.journey.yaml", "-o", svg).code == 0
    text = svg.read_text()
    assert "Sees the delivery cost" in text and "64,000" in text and "−23,000 (35.9%)" in text
    png = tmp_path / "funnel.png"
    assert cli("funnel", FUNNEL / "linear.journey.yaml", "-o", png).code == 0
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_same_input_same_bytes(cli):
    first = cli("funnel", EXAMPLES / "ecommerce-checkout.journey.yaml", "-f", "json").out
    assert cli("funnel", EXAMPLES / "ecommerce-checkout.journey.yaml", "-f", "json").out == first


@pytest.mark.parametrize(
    "options, words",
    [
        (("--persona", "nobody"), "the persona `nobody` is not defined"),  # flow.check_persona, shared by every command
        (("--to", "nowhere"), "no step `nowhere`"),
        (("-f", "png"), "needs -o FILE"),
        (("-o", "out.svg", "-f", "png"), "make them agree"),
    ],
)
def test_usage_errors(cli, options, words):
    result = cli("funnel", FUNNEL / "personas.journey.yaml", *options)
    assert result.code == 2 and words in result.err


def test_invalid_journey_is_reported_not_drawn(cli):
    result = cli("funnel", FIXTURES / "invalid" / "e002_reach_counts.journey.yaml")
    assert result.code == 1 and "E002" in result.out


def test_journey_without_reach_says_so(cli):
    result = cli("funnel", EXAMPLES / "clinic-visit.journey.yaml")
    assert result.code == 0 and "No step on the main path has reach" in result.out


def test_to_ends_the_main_path_at_a_chosen_step(cli):
    data = funnel(cli, "linear", "--to", "pay")
    assert [p["step"] for p in data["path"]] == ["visit", "cart", "pay"]


def test_docs_show_the_real_output(cli, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    out = cli("funnel", "examples/ecommerce-checkout.journey.yaml").out
    assert f"$ journey funnel examples/ecommerce-checkout.journey.yaml\n{out}```" in (EXAMPLES.parent / "docs" / "funnel.md").read_text()


def test_diff_counts_a_larger_drop_off_as_a_regression(cli, tmp_path):
    old = FUNNEL / "linear.journey.yaml"
    new = tmp_path / "linear.journey.yaml"
    new.write_text(old.read_text().replace("reach: 500", "reach: 400").replace("reach: 800", "reach: 850"))
    result = cli("diff", old, new, "--format", "json")
    changes = {c["id"]: c for c in result.json()["changes"] if c["field"] == "reach"}
    assert (changes["pay"]["class"], changes["pay"]["kind"]) == ("regression", "more drop-off")
    assert (changes["cart"]["class"], changes["cart"]["kind"]) == ("improvement", "less drop-off")
    assert cli("diff", old, new, "--fail-on", "regression").code == 1
