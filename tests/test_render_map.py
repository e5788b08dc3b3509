"""The map poster as a reader meets it: measured from the SVG that `journey render` writes.

What issue 14 asked for, checked on every example and on generated maps:
the emotion curve draws exactly the flow's edges between emotional steps;
every word of names, descriptions, pain points and opportunities is drawn as
text; a 16:9 page shown at 1920 × 1080 has no text under 10 px; pages are
numbered files of the page's proportions; colours stay apart for
colour-blind readers and in greyscale.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES

from journeycli.flow import resolve
from journeycli.render import colour
from journeycli.render import theme as themes
from journeycli.validation import validate

SVG = "{http://www.w3.org/2000/svg}"
SMALL = FIXTURES / "render" / "small.journey.yaml"
MAPS = sorted(EXAMPLES.glob("*.journey.yaml")) + [SMALL]
ECOMMERCE = EXAMPLES / "ecommerce-checkout.journey.yaml"


def resolved_of(path: Path):
    checked = validate(path.read_bytes(), str(path))
    assert checked.journey is not None
    return resolve(checked.journey)


def render(cli, path: Path, tmp_path: Path, *args: str, fmt: str = "svg") -> list[Path]:
    """Render to a fresh folder; returns the files written, in page order."""
    folder = tmp_path / f"{path.stem}-{'-'.join(a.replace(':', '') for a in args) or 'strip'}-{fmt}"
    folder.mkdir()
    result = cli("render", path, "-o", folder / f"map.{fmt}", "--engine", "graphviz-pure", *args)
    assert result.code == 0, result.err
    files = sorted(folder.iterdir(), key=lambda p: [int(n) for n in re.findall(r"\d+", p.stem)] or [0])
    assert files
    return files


def svg_roots(files: list[Path]) -> list[ET.Element]:
    return [ET.fromstring(f.read_bytes()) for f in files]


def words_drawn(roots: list[ET.Element]) -> set[str]:
    return {word for root in roots for element in root.iter(f"{SVG}text") for word in (element.text or "").split()}


def expected_curve(resolved) -> set[tuple[str, str]]:
    """From each step with an emotion, the steps with an emotion the flow reaches through steps without one."""
    steps = resolved.steps
    pairs = set()
    for tail in resolved.order:
        if steps[tail].emotion is None:
            continue
        seen: set[str] = set()
        pending = list(resolved.successors[tail])
        while pending:
            step = pending.pop()
            if step in seen:
                continue
            seen.add(step)
            if steps[step].emotion is not None:
                pairs.add((tail, step))
            else:
                pending.extend(resolved.successors[step])
    return pairs


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
@pytest.mark.parametrize("page", [(), ("--page", "16:9")], ids=["strip", "16:9"])
def test_the_curve_is_the_flow_between_emotional_steps(path, page, cli, tmp_path):
    resolved = resolved_of(path)
    roots = svg_roots(render(cli, path, tmp_path, *page))
    drawn = set()
    exits = set()
    for root in roots:
        for group in root.iter(f"{SVG}g"):
            ident = group.get("id") or ""
            if group.get("class") == "edge" and ident.startswith("curve."):
                tail, head = ident.split(".")[1:3]
                drawn.add((tail, head))
            if group.get("class") == "edge" and ident.startswith("exit."):
                exits.add(ident.split(".")[1])
    assert drawn == expected_curve(resolved)
    leaving = {s for s in resolved.order if resolved.steps[s].emotion is not None and not resolved.successors[s]}
    assert leaving <= exits  # every emotional exit ends its line with the exit mark
    assert not {tail for tail, _ in drawn} & leaving  # and nothing carries on from it


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_no_line_of_the_curve_runs_through_a_point_it_does_not_join(path, cli, tmp_path):
    """A branch that skips a column bends round the point of that column instead of seeming to pass through it."""
    for root in svg_roots(render(cli, path, tmp_path, "--page", "a3")):
        points = {}
        for group in root.iter(f"{SVG}g"):
            ident = group.get("id") or ""
            circle = next(group.iter(f"{SVG}ellipse"), None)
            if ident.startswith("emotion_") and circle is not None:
                points[ident.removeprefix("emotion_")] = (float(circle.get("cx")), float(circle.get("cy")), float(circle.get("rx")))
        for group in root.iter(f"{SVG}g"):
            ident = group.get("id") or ""
            if group.get("class") != "edge" or not ident.startswith("curve.") or ident.endswith((".in", ".out")):
                continue
            tail, head = ident.split(".")[1:3]
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", next(group.iter(f"{SVG}path")).get("d"))]
            (ax, ay), (bx, by) = numbers[:2], numbers[-2:]
            for step, (cx, cy, r) in points.items():
                if step in (tail, head):
                    continue
                t = max(0.0, min(1.0, ((cx - ax) * (bx - ax) + (cy - ay) * (by - ay)) / (((bx - ax) ** 2 + (by - ay) ** 2) or 1)))
                assert ((ax + t * (bx - ax) - cx) ** 2 + (ay + t * (by - ay) - cy) ** 2) ** 0.5 >= r - 0.5, (ident, step)


def test_the_curve_forks_at_a_branch_and_stops_at_an_exit():
    from journeycli.render.curve import exits, segments

    resolved = resolved_of(SMALL)
    found = {(s.tail, s.head): s.kind for s in segments(resolved)}
    assert found[("request-quote", "survey-visit")] == "step" and found[("request-quote", "give-up")] == "step"  # a fork
    assert found[("survey-visit", "browse")] == "return"  # the loop back
    assert not [pair for pair in found if pair[0] == "give-up"]  # an exit has no line out
    assert "give-up" in exits(resolved)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
@pytest.mark.parametrize("page", [(), ("--page", "16:9"), ("--page", "a4", "--portrait")], ids=["strip", "16:9", "a4-portrait"])
def test_every_word_is_drawn_as_text(path, page, cli, tmp_path):
    resolved = resolved_of(path)
    drawn = words_drawn(svg_roots(render(cli, path, tmp_path, *page)))
    from journeycli.render import labels

    missing = []
    for step_id in resolved.order:
        step = resolved.steps[step_id]
        texts = [step.name, step.description or "", step.thoughts or ""]
        texts += [p.description for p in step.pain_points] + [o.description for o in step.opportunities]
        for value in texts:
            missing += [w for w in labels.clean(value).split() if w not in drawn and f"“{w}" not in drawn and f"{w}”" not in drawn]
    assert not missing


def test_on_a_16_9_page_shown_at_1920_by_1080_no_text_is_under_10_px(cli, tmp_path):
    files = render(cli, ECOMMERCE, tmp_path, "--page", "16:9")
    assert len(files) > 1  # 22 steps do not fit one readable slide: they go on
    for root in svg_roots(files):
        _, _, width, height = (float(v) for v in root.get("viewBox").split())
        assert abs(width / height - 16 / 9) < 0.01
        factor = min(1920 / width, 1080 / height)
        for group in root.iter(f"{SVG}g"):
            scale = re.search(r"scale\(([\d.]+)", group.get("transform") or "")
            assert scale is None or float(scale.group(1)) == 1.0  # sizes in the SVG are the real ones
        sizes = [float(e.get("font-size")) for e in root.iter(f"{SVG}text")]
        assert sizes and min(sizes) * factor >= 10, min(sizes) * factor
    assert "(page 2 of" in " ".join(e.text or "" for e in svg_roots(files)[1].iter(f"{SVG}text"))


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def test_pages_are_numbered_files_of_the_page_size(cli, tmp_path):
    files = render(cli, ECOMMERCE, tmp_path, "--page", "16:9", fmt="png")
    assert [f.name for f in files] == [f"map-{n}.png" for n in range(1, len(files) + 1)]
    assert {_png_size(f) for f in files} == {(1920, 1080)}
    upright = render(cli, SMALL, tmp_path, "--page", "a4", "--portrait", "--dpi", "72", fmt="png")
    assert {_png_size(f) for f in upright} == {(595, 842)}
    for root in svg_roots(render(cli, SMALL, tmp_path, "--page", "a3")):  # the stage heads and legend on every page
        drawn = words_drawn([root])
        assert {"Emotion", "Pain", "severity", "Moment", "truth"} <= drawn


@pytest.mark.skipif(shutil.which("dot") is None, reason="PDF needs the system Graphviz `dot` (.ci/run installs it)")
def test_a_map_of_many_pages_is_one_pdf_of_many_pages(cli, tmp_path, monkeypatch):
    from pypdf import PdfReader

    monkeypatch.delenv("JOURNEY_ENGINE", raising=False)
    svgs = render(cli, ECOMMERCE, tmp_path, "--page", "a3")
    out = tmp_path / "map.pdf"
    result = cli("render", ECOMMERCE, "--page", "a3", "-o", out)
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.glob("map*.pdf")) == ["map.pdf"]  # no numbered files
    document = PdfReader(out)
    assert len(document.pages) == len(svgs) > 1
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in document.pages} == {(1191, 842)}  # A3, no margin added
    assert document.metadata.title == "Web shop checkout, from cart to parcel"
    assert f"(page {len(svgs)} of {len(svgs)})" in " ".join(document.pages[-1].extract_text().split())
    piped = subprocess.run([sys.executable, "-m", "journeycli", "render", str(ECOMMERCE), "--page", "a3", "--format", "pdf", "-o", "-"], capture_output=True)
    assert piped.returncode == 0 and piped.stdout == out.read_bytes()  # one document: stdout works, and the bytes are the same


def test_page_errors_are_usage_errors(cli, tmp_path):
    bad = cli("render", SMALL, "--page", "b5", "-o", tmp_path / "m.svg")
    assert bad.code == 2 and "unknown page `b5`" in bad.err and "16:9" in bad.err
    many = cli("render", ECOMMERCE, "--page", "16:9", "-o", "-", "--engine", "graphviz-pure")
    assert many.code == 2 and "pages on --page 16:9" in many.err
    assert cli("render", SMALL, "--dpi", "0", "-o", tmp_path / "m.png").code == 2


def test_a_png_an_engine_would_shrink_is_refused_with_the_way_out(cli, tmp_path):
    from test_render import synthetic

    path = tmp_path / "long.journey.yaml"
    path.write_text(synthetic(100))
    result = cli("render", path, "-o", tmp_path / "long.png", "--engine", "graphviz-pure")
    assert result.code == 2
    assert "more than 16,384" in result.err and "--page" in result.err and "--dpi" in result.err
    assert not (tmp_path / "long.png").exists()
    files = render(cli, path, tmp_path, "--page", "a3", fmt="png")
    assert len(files) > 1 and all(max(_png_size(f)) <= 16384 for f in files)


# -- colour ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["light", "dark", "print"])
@pytest.mark.parametrize("vision", ["deuteranopia", "protanopia", "greyscale"])
def test_emotion_colours_stay_apart_for_colour_blind_readers_and_in_greyscale(name, vision):
    emotion = themes.get(name).emotion
    for a, b in ((-1, 1), (-2, 2)):
        assert colour.delta_e(emotion[a].fill, emotion[b].fill, vision) >= 10, (a, b)


def test_the_simulation_is_the_published_one():
    # Pure red seen by a deuteranope (Machado 2009, severity 1) is a dark olive; greys are unchanged.
    assert colour.delta_e("#ff0000", "#ff0000", "deuteranopia") == 0
    assert colour.delta_e("#808080", "#808080", "greyscale") == 0
    assert colour.delta_e("#ff0000", "#00ff00", "normal") > 100
    assert colour.delta_e("#ff0000", "#00ff00", "greyscale") == pytest.approx(abs(colour.lab("#ff0000")[0] - colour.lab("#00ff00")[0]))
    assert colour.delta_e("#d7191c", "#1a9641", "deuteranopia") < colour.delta_e("#d7191c", "#1a9641", "normal") / 2


@pytest.mark.parametrize("name", ["light", "dark", "print"])
def test_bands_and_card_borders_show_against_the_page(name):
    t = themes.get(name)
    for fill in (*t.bands, t.card_border):
        assert colour.contrast(fill, t.background) >= 1.5, fill
    for pill in (*t.severity.values(), *t.status.values(), *t.emotion.values()):
        shown = pill.text if pill.border else pill.fill
        assert colour.contrast(shown, t.card) >= 1.5 or colour.contrast(pill.fill, t.card) >= 1.5, pill


# -- fonts ----------------------------------------------------------------------------


def test_one_font_everywhere_and_its_twins_for_browsers(cli, tmp_path):
    from journeycli.render.fonts import FONT, FONT_STACK

    source = cli("render", SMALL, "--format", "dot", "-o", "-").out
    assert {m for m in re.findall(r'fontname="?([^",\]\s]+)', source)} == {FONT}
    root = svg_roots(render(cli, SMALL, tmp_path))[0]
    assert {e.get("font-family") for e in root.iter(f"{SVG}text")} == {FONT_STACK}


def test_a_png_warns_naming_the_characters_it_draws_as_boxes(cli, tmp_path, monkeypatch):
    empty = tmp_path / "no-tools"  # no rsvg-convert: the bundled engine draws the PNG with its one face
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    hostile = FIXTURES / "render" / "hostile.journey.yaml"
    png = cli("render", hostile, "-o", tmp_path / "h.png", "--engine", "graphviz-pure")
    assert png.code == 0
    warning = [line for line in png.err.splitlines() if "warning" in line]
    assert len(warning) == 1 and "😀 (U+1F600)" in warning[0] and "render SVG" in warning[0]
    assert "ע" not in warning[0]  # Hebrew is in the bundled face
    svg = cli("render", hostile, "-o", tmp_path / "h.svg", "--engine", "graphviz-pure")
    assert svg.code == 0 and "warning" not in svg.err  # the browser has the system's fonts
    plain = cli("render", SMALL, "-o", tmp_path / "s.png", "--engine", "graphviz-pure")
    assert "warning" not in plain.err


def _fonts_have(chars: str) -> bool:
    from journeycli.render import fonts

    return shutil.which("fc-list") is not None and not fonts.missing(chars, "rsvg")


@pytest.mark.skipif(shutil.which("rsvg-convert") is None or not _fonts_have("東عم😀"), reason="needs rsvg-convert and fonts with CJK, Arabic and emoji (.ci/run installs them)")
def test_a_png_of_cjk_arabic_and_emoji_is_drawn_from_the_svg_with_the_machines_fonts(cli, tmp_path, monkeypatch):
    scripts = FIXTURES / "render" / "scripts.journey.yaml"
    drawn = cli("render", scripts, "-o", tmp_path / "s.png", "--engine", "graphviz-pure")
    assert drawn.code == 0 and "warning" not in drawn.err  # no boxes: librsvg took the characters from the fonts here
    svg = render(cli, scripts, tmp_path)[0]
    root = ET.fromstring(svg.read_bytes())
    points = [float(root.get(side).removesuffix("pt")) for side in ("width", "height")]
    assert _png_size(tmp_path / "s.png") == tuple(round(p * 96 / 72) for p in points)  # the SVG's size at 96 dpi
    assert _png_size(tmp_path / "s.png") == _png_size(render(cli, scripts, tmp_path, "--dpi", "96", fmt="png")[0])
    monkeypatch.setenv("PATH", str(tmp_path))  # without rsvg-convert: the bundled engine's PNG, with boxes, and a warning
    boxed = cli("render", scripts, "-o", tmp_path / "b.png", "--engine", "graphviz-pure")
    assert boxed.code == 0 and "東 (U+6771)" in boxed.err and "librsvg2-bin" in boxed.err
    assert (tmp_path / "b.png").read_bytes() != (tmp_path / "s.png").read_bytes()
    plain = cli("render", SMALL, "-o", tmp_path / "plain.png", "--engine", "graphviz-pure")
    monkeypatch.undo()
    again = cli("render", SMALL, "-o", tmp_path / "plain2.png", "--engine", "graphviz-pure")
    assert plain.code == again.code == 0 and (tmp_path / "plain.png").read_bytes() == (tmp_path / "plain2.png").read_bytes()  # Latin maps: the bundled bytes


def test_page_layout_is_linear_in_steps(tmp_path):
    import time

    from test_render import synthetic

    from journeycli.render import draw_pages

    def cost(steps: int) -> float:
        path = tmp_path / f"{steps}.journey.yaml"
        path.write_text(synthetic(steps))
        resolved = resolved_of(path)
        best = float("inf")
        for _ in range(2):
            started = time.process_time()  # this process's CPU time: other work on the machine does not count
            draw_pages(resolved, "map", "light", "a3")
            best = min(best, time.process_time() - started)
        return best

    assert cost(1200) / cost(150) < 20  # eight times the steps: linear is 8×, quadratic 64×


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
@pytest.mark.parametrize("name", ["16:9", "a3", "a4"])
def test_a_page_holds_whole_rows_and_splits_only_a_row_no_page_can_hold(path, name):
    from journeycli.render import map_view
    from journeycli.render.pages import page

    chosen = page(name)
    poster, sheets, _ = map_view.layout(resolved_of(path), themes.get("light"), chosen)
    seen: dict[int, list[map_view.Row]] = {}
    for sheet in sheets:
        for row in sheet.rows:
            seen.setdefault(id(row.blocks), []).append(row)
    for parts in seen.values():
        lanes = [lane for part in parts for lane in part.lanes]
        assert lanes == [lane for lane in poster.lanes if lane in lanes] and lanes[:2] == ["steps", "emotion"]  # every lane once, in order
        if len(parts) > 1:  # split by lanes: only because the whole row does not fit even at the top of a page
            first = parts[0]
            sheet = next(s for s in sheets if any(r is first for r in s.rows))
            assert sheet.rows[0] is first
            room = chosen.height / chosen.min_scale - (sheet.height - sheet.legend_top) - map_view.LEGEND_GAP
            assert poster.place(map_view.Row(first.blocks, lanes, first.heads), first.top) > room


def test_a_short_map_fills_its_pages():
    from journeycli.render import map_view
    from journeycli.render.pages import page

    # 11 steps on A3 took 4 pages when a row's last lane went on a page of its own
    _, sheets, _ = map_view.layout(resolved_of(EXAMPLES / "clinic-visit.journey.yaml"), themes.get("light"), page("a3"))
    assert len(sheets) == 3
    assert all(len(row.lanes) >= 2 for sheet in sheets for row in sheet.rows)


def test_the_step_lane_shows_reach_and_the_customers_lost_there(cli, tmp_path):
    root = svg_roots(render(cli, FIXTURES / "funnel" / "linear.journey.yaml", tmp_path))[0]
    drawn = [" ".join((e.text or "").split()) for e in root.iter(f"{SVG}text")]
    reach = [line for line in drawn if line.startswith(("Reach:", "Leave here:"))]
    # by hand (tests/test_funnel.py): 1,000 entrants, drops 200, 300, 50; the last step ends the journey
    assert reach == [
        "Reach: 1,000 (100%)", "Leave here: 200 (20%)", "Reach: 800 (80%)", "Leave here: 300 (37.5%)",
        "Reach: 500 (50%)", "Leave here: 50 (10%)", "Reach: 450 (45%)",
    ]  # fmt: skip
    plain = svg_roots(render(cli, SMALL, tmp_path))[0]
    assert not any((e.text or "").startswith("Reach") for e in plain.iter(f"{SVG}text"))


def test_a_pain_card_calls_only_work_under_way_addressing_and_names_ideas_as_ideas(cli, tmp_path):
    """`verdicts.addressing`, as in `journey pains`: planned, in progress or done addresses; an idea does not."""
    path = FIXTURES / "render" / "addressing.journey.yaml"

    def drawn(*args: str) -> str:
        root = svg_roots(render(cli, path, tmp_path, *args))[0]
        return " ".join(" ".join((e.text or "").split()) for e in root.iter(f"{SVG}text"))

    everyone = drawn()
    assert "Addressed by O4" in everyone  # in progress
    assert "Addressed by O1; idea: O2" in everyone  # planned, and an idea beside it
    assert "Not addressed yet; idea: O3" in everyone  # an idea alone
    assert "Addressed by O3" not in everyone and "Fixed by" not in everyone
    assert "Addresses P1" in everyone and "An idea for P1" in everyone and "An idea for P2" in everyone
    # the visitor does not walk the step whose opportunity addresses P3: it is counted, not named
    assert "Addressed by an opportunity not drawn" in drawn("--persona", "visitor")


@pytest.mark.parametrize("scale", [1.0, 0.6])
def test_legend_items_are_drawn_as_wide_as_laid_out_so_the_gaps_between_them_are_even(scale):
    """An item's cells (its title and words fixed to their measured widths, its chips) fill the width the
    layout reserved, from its left edge: a centred table narrower than that left uneven gaps on both sides.
    Only type rounded up to whole points (``cards.points``) may make it wider, into the gap after it."""
    from journeycli.render import labels, legend
    from journeycli.render.canvas import Canvas
    from journeycli.render.cards import points
    from journeycli.render.geometry import SMALL

    found = legend.items(themes.get("light"), visibility=True, metrics=True)
    canvas = Canvas("legend", themes.get("light"), scale, 2000, 200)
    rows = legend.layout(found, 1800)
    legend.emit(canvas, rows, 20, 0)
    drawn = {name: (x, attrs["label"]) for name, x, _, attrs in canvas.nodes}
    chips = [(r, i, item) for r, row in enumerate(rows) for i, item in enumerate(row) if item.kind == "chips"]
    assert len(chips) >= 5
    for r, i, item in chips:
        x, label = drawn[f"legend_{r}_{i}"]
        cells = [int(w) for w in re.findall(r'<td[^>]*? width="(\d+)"', label)]
        assert label.count("<td") == len(cells)  # every cell has a fixed width
        rounded_up = sum(labels.text_width(text, points(size * scale), bold) - labels.text_width(text, size, bold) * scale
                         for text, size, bold in ((item.title, SMALL + 1, True), (item.words, SMALL, False)))
        assert -len(cells) / 2 - 0.5 <= sum(cells) - item.width * scale <= rounded_up + len(cells) / 2 + 0.5, item.title
        assert abs(x - sum(cells) / scale / 2 - (20 + sum(o.width + legend.ITEM_GAP for o in rows[r][:i]))) < 1e-6  # at its place
