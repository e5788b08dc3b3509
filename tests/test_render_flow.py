"""The flow view as a reader meets it, measured from the SVG `journey render --view flow` writes.

Issue 14: rows of stages that use the page, ways into another row drawn as
marked stubs (no line across the rows between), a legend with every mark.
Issue 17: each way as wide as the customers on it, with their number, and
"unknown" where the drop-off model cannot say (never a guessed number).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES

SVG = "{http://www.w3.org/2000/svg}"
BRANCHING = FIXTURES / "funnel" / "branching.journey.yaml"
ECOMMERCE = EXAMPLES / "ecommerce-checkout.journey.yaml"


def flow_svg(cli, path: Path, tmp_path: Path) -> ET.Element:
    out = tmp_path / f"{path.stem}.svg"
    result = cli("render", path, "--view", "flow", "--engine", "graphviz-pure", "-o", out)
    assert result.code == 0, result.err
    return ET.fromstring(out.read_bytes())


def texts(element: ET.Element) -> list[str]:
    return [" ".join((t.text or "").split()) for t in element.iter(f"{SVG}text")]


def edge(root: ET.Element, name: str) -> ET.Element:
    return next(g for g in root.iter(f"{SVG}g") if g.get("id") == name)


def pen(group: ET.Element) -> float:
    path = next(group.iter(f"{SVG}path"))
    return float(path.get("stroke-width", "1"))


def test_ways_are_as_wide_as_their_customers_and_carry_their_number(cli, tmp_path):
    # start (100%) → card 60%, paypal 30%; paypal → leave 5%; confirm is entered from two steps: unknown from each
    root = flow_svg(cli, BRANCHING, tmp_path)
    card, paypal, leave = (edge(root, f"edge_{a}__{b}") for a, b in (("start", "card"), ("start", "paypal"), ("paypal", "leave")))
    assert pen(card) > pen(paypal) > pen(leave)
    assert pen(card) / pen(paypal) == pytest.approx((1.3 + 10.7 * 0.6) / (1.3 + 10.7 * 0.3), rel=0.02)
    assert texts(card) == ["60%"] and texts(paypal) == ["30%"] and texts(leave) == ["5%"]
    into_confirm = edge(root, "edge_card__confirm")
    assert texts(into_confirm) == ["unknown"] and "stroke-dasharray" in ET.tostring(into_confirm, encoding="unicode")
    words = " ".join(texts(root))
    assert "Reach: 60% of entrants" in words
    assert "Leave here: 5%" not in words  # paypal's loss is unknown: part of its customers go on to confirm, how many the file does not say
    assert "Leave here: unknown" in words and "Width" in words and "Leave here" in words


def test_a_journey_without_reach_draws_no_numbers(cli, tmp_path):
    root = flow_svg(cli, FIXTURES / "render" / "small.journey.yaml", tmp_path)
    words = " ".join(texts(root))
    assert "Reach" not in words and "unknown" not in words and "Width" not in words


def test_the_stages_wrap_onto_rows_and_ways_between_rows_are_marked_stubs(cli, tmp_path):
    root = flow_svg(cli, ECOMMERCE, tmp_path)
    width, height = (float(root.get(side).removesuffix("pt")) for side in ("width", "height"))
    assert width / height < 2.5  # a slide's shape, not a 5-to-1 staircase
    stubs = {g.get("id") for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith(("to_", "from_"))}
    assert "to_start-checkout__enter-address" in stubs and "from_start-checkout__enter-address" in stubs
    words = " ".join(texts(root))
    assert "on to Enters the delivery address (row 2)" in words and "from Starts checkout (row 1)" in words


def test_a_flow_png_an_engine_would_shrink_is_refused(cli, tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from test_render import synthetic

    path = tmp_path / "long.journey.yaml"
    path.write_text(synthetic(150))
    result = cli("render", path, "--view", "flow", "--dpi", "400", "-o", tmp_path / "f.png", "--engine", "graphviz-pure")
    assert result.code == 2 and re.search(r"more than 16,384 a side.*a lower --dpi", result.err)
    assert "--page" not in result.err and not (tmp_path / "f.png").exists()


def test_a_loop_back_into_another_stage_is_a_pair_of_stubs_not_a_line_through_the_boxes(cli, tmp_path):
    root = flow_svg(cli, FIXTURES / "render" / "small.journey.yaml", tmp_path)
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {"to_survey-visit__browse", "from_survey-visit__browse"} <= ids  # Survey → back to Explore
    assert "edge_survey-visit__browse" in ids and "edge_survey-visit__browse__in" in ids  # the way is still drawn, in two ends
    words = " ".join(texts(root))
    assert "back to Browses kitchens (row 1)" in words and "back from Has the survey visit (row 1)" in words
    ecommerce = flow_svg(cli, ECOMMERCE, tmp_path)
    assert "edge_payment-failed__choose-payment" in {g.get("id") for g in ecommerce.iter(f"{SVG}g")}  # a loop inside its stage stays a line
    assert not any((g.get("id") or "").startswith("to_payment-failed__") for g in ecommerce.iter(f"{SVG}g"))


def test_the_legend_lines_start_together_and_keep_their_words_evenly_apart(cli, tmp_path):
    """Each line of the legend is as wide as its cells, left-aligned: not stretched to the title's width,
    which spread the room over its cells (measured from the SVG: the chips' boxes and the words' starts)."""
    from journeycli.render import flow_view, labels

    root = flow_svg(cli, ECOMMERCE, tmp_path)
    words = {" ".join((t.text or "").split()): t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "start"}
    x = {name: float(t.get("x")) for name, t in words.items()}
    assert x["Emotion"] == x["Width"]  # the first and the last line start at the same place
    line = float(words["Emotion"].get("y"))
    boxes = []
    for polygon in root.iter(f"{SVG}polygon"):
        points = [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if polygon.get("fill") == "none" and min(ys) <= line <= max(ys) and max(xs) < x["Arrows:"]:
            boxes.append((min(xs), max(xs)))
    boxes.sort()
    assert len(boxes) == 9  # five emotions, four severities
    assert boxes[0][0] - x["Emotion"] == pytest.approx(round(labels.text_width("Emotion", flow_view.LEGEND_TEXT, True)) + flow_view.LEGEND_GAP, abs=1)
    gaps = [b[0] - a[1] for a, b in zip(boxes, boxes[1:])]
    assert gaps[:4] == pytest.approx([flow_view.CHIP_GAP] * 4, abs=1) and gaps[5:] == pytest.approx([flow_view.CHIP_GAP] * 3, abs=1)
    assert x["Pain points"] - boxes[4][1] == pytest.approx(flow_view.LEGEND_GAP, abs=1)
    assert x["the first step;"] - x["Start"] == pytest.approx(round(labels.text_width("Start", flow_view.LEGEND_TEXT, True)) + flow_view.LEGEND_GAP, abs=1)


def _polyline(path: str) -> list[tuple[float, float]]:
    """An SVG path of cubic Béziers (``M x,y C …``, as Graphviz writes edges) as points along it."""
    numbers = [tuple(map(float, pair.split(","))) for pair in re.findall(r"-?[\d.]+,-?[\d.]+", path)]
    points, start = [numbers[0]], numbers[0]
    for i in range(1, len(numbers) - 2, 3):
        c1, c2, end = numbers[i : i + 3]
        for k in range(1, 21):
            t = k / 20
            points.append(tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d for a, b, c, d in zip(start, c1, c2, end)))
        start = end
    return points


def _crosses(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return any(
        side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0 for p, q in zip(a, a[1:]) for r, s in zip(b, b[1:])
    )


def test_a_loop_inside_a_stage_crosses_no_other_way_and_no_box(cli, tmp_path):
    """ecommerce-checkout: a failed payment goes back to the choice of payment, in the same stage. Left to
    route it without ranking it, dot looped it up across the way to the order confirmation."""
    root = flow_svg(cli, ECOMMERCE, tmp_path)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    loop = _polyline(next(groups["edge_payment-failed__choose-payment"].iter(f"{SVG}path")).get("d"))
    others = [_polyline(p.get("d")) for name, g in groups.items() if name.startswith("edge_") and name != "edge_payment-failed__choose-payment" for p in g.iter(f"{SVG}path")]
    assert not [way for way in others if _crosses(loop, way)]
    for name, g in groups.items():
        if name.startswith("step_") and name not in ("step_payment-failed", "step_choose-payment"):
            xs, ys = zip(*(tuple(map(float, p.split(","))) for polygon in g.iter(f"{SVG}polygon") for p in polygon.get("points").split()))
            assert not any(min(xs) < x < max(xs) and min(ys) < y < max(ys) for x, y in loop), name
