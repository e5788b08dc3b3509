"""`journey show`: the terminal map stays aligned with wide text, fits the width, and honours NO_COLOR."""

from __future__ import annotations

import io
import unicodedata

import pytest
from conftest import EXAMPLES, FIXTURES
from rich.cells import cell_len
from rich.console import Console

from journeycli.flow import resolve
from journeycli.show import MIN_COLUMN, MIN_COMPACT, layout, print_view, sparkline, view
from journeycli.validation import validate

CJK = FIXTURES / "show" / "cjk.journey.yaml"
READABLE = FIXTURES / "show" / "readable.journey.yaml"
CHECKOUT = EXAMPLES / "ecommerce-checkout.journey.yaml"
BOX = "╭│├╰"


def resolved(path, persona=None):
    journey = validate(path.read_bytes(), str(path)).journey
    assert journey is not None
    return resolve(journey, persona)


def render(path, width, compact=False, persona=None) -> list[str]:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(view(resolved(path, persona), width, compact))
    return console.export_text().splitlines()


def eaw_width(line: str) -> int:
    """Cell width from the Unicode East Asian Width property alone, independent of Rich's tables."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def tables(lines: list[str]) -> list[list[str]]:
    """The rendered tables, each as its lines (from a top border to a bottom border)."""
    found: list[list[str]] = []
    for line in lines:
        if line.startswith("╭"):
            found.append([])
        if found and line[:1] in BOX and (len(found[-1]) == 0 or not found[-1][-1].startswith("╰")):
            found[-1].append(line)
    return found


@pytest.mark.parametrize("width", [100, 72, 40])
@pytest.mark.parametrize("compact", [False, True])
def test_cjk_and_emoji_stay_aligned(width, compact):
    lines = render(CJK, width, compact)
    assert any("電話で予約する" in line for line in lines) and any("😩" in line for line in lines)
    rendered = tables(lines)
    assert rendered
    for table in rendered:
        widths = {cell_len(line) for line in table}
        assert len(widths) == 1, table
        assert {eaw_width(line) for line in table} == widths
        assert widths.pop() <= width


def test_stages_are_columns_and_stack_instead_of_squeezing():
    assert layout(6, 200) == (6, 30)
    assert layout(6, 120) == (3, 36)  # 5 would fit; 3 + 3 is balanced
    assert layout(6, 80) == (2, 36)  # descriptions need room: three rows of two
    assert layout(6, 80, MIN_COMPACT) == (3, 23)  # names and emotions only
    assert layout(5, 30) == (1, 26)
    for minimum in (MIN_COLUMN, MIN_COMPACT):
        for stages in range(1, 12):
            for width in range(20, 240, 7):
                per_table, column = layout(stages, width, minimum)
                assert column >= minimum or per_table == 1
                assert per_table * (column + 3) + 1 <= width


@pytest.mark.parametrize(("width", "rows"), [(80, ["1. Browse", "3. Checkout", "5. Delivery"]), (120, ["1. Browse", "4. Payment"])])
def test_checkout_fits_the_terminal(width, rows):
    lines = render(CHECKOUT, width)
    assert max(cell_len(line) for line in lines if line[:1] in BOX) <= width
    heads = ["".join(table[:4]) for table in tables(lines)]
    assert len(heads) == len(rows)
    for head, first in zip(heads, rows):
        assert first in head


def cells(lines: list[str], column: int) -> str:
    """The text of one column of the first table, its lines joined (a wrapped description reads whole again)."""
    table = tables(lines)[0]
    parts = [line.split("│")[column + 1].strip() for line in table if line.startswith("│")]
    return " ".join(part for part in parts if part)


def test_descriptions_wrap_in_their_column_instead_of_being_cut():
    lines = render(READABLE, 80)
    text = cells(lines, 0)
    assert "…" not in "\n".join(lines)
    assert "⚠ high: Check-in and phone calls share one desk, so patients queue while the receptionist is on the phone." in text
    assert "→ planned: A self check-in screen by the entrance for patients with no questions." in text
    wrapped = next(n for n, line in enumerate(lines) if "⚠ high:" in line)
    assert lines[wrapped + 1].split("│")[1].startswith("   share")  # the text wraps under itself, not under the marker


def test_pain_points_without_a_plan_are_marked_in_words():
    text = cells(render(READABLE, 80), 0)
    assert "⚠ high: Check-in" in text  # planned: nothing to add
    assert "⚠ medium (only ideas): The form" in text  # its one opportunity is an idea
    assert "⚠ low (not addressed): Too few seats" in text
    assert "(not addressed)" in "\n".join(render(CHECKOUT, 200))  # guest-cart-expires


def test_a_wrapped_stage_name_leaves_the_others_on_the_top_line():
    table = tables(render(READABLE, 80))[0]
    assert table[1].split("│")[1].strip() == "1. Arrives at the practice and"
    assert table[1].split("│")[2].strip() == "2. Waits"
    assert table[2].split("│")[1].strip() == "checks in at the front desk" and table[2].split("│")[2].strip() == ""
    assert table[3].startswith("├")  # the rule under the names


def test_reach_is_shown_as_a_share_or_a_count():
    shares = cells(render(READABLE, 80), 1)
    assert "Waits in the waiting room 0 😐 reach 62%" in shares and "Is called in +1 🙂 no reach given" in shares
    counts = "\n".join(render(CHECKOUT, 200))
    assert "reach 64,000 (30.2%)" in counts  # see-delivery-cost: 64,000 of 212,000 entrants
    assert "reach" not in "\n".join(render(CJK, 200))  # a journey without reach shows no reach lines


def test_step_details_and_compact_view():
    full = "\n".join(render(CHECKOUT, 320))
    assert "-2 😞" in full and "+1 🙂" in full
    assert "⚠ critical" in full and "→ in progress" in full and "★ moment of truth" in full
    assert "↪ Chooses how to pay | Leaves the checkout" in full  # a branch
    assert "↪ leaves the journey" in full  # an explicit exit
    assert "— · backstage" in full
    compact = "\n".join(render(CHECKOUT, 200, compact=True))
    assert "Sees the delivery cost" in compact and "-2 😞" in compact
    assert "⚠" not in compact and "→" not in compact


def test_sparkline_has_one_block_per_step_and_gaps_between_stages():
    assert sparkline(resolved(CHECKOUT)).plain == "emotion ▅▃▅ ▃▂▃ ▃▁▂▃▃ ▃▂▁▅ ·▃▂▅ ▅▃▅"
    assert sparkline(resolved(CHECKOUT, "busy-parent")).plain == "emotion ▅▅ ▃▃ ▃▁▂▃▃ ▃▂▁▅ ·▃▂▅ ▅▃▅"


def test_persona_view_leaves_out_other_steps():
    text = "\n".join(render(CHECKOUT, 200, persona="busy-parent"))
    assert "persona: Busy parent" in text
    assert "Enters the delivery address" in text and "Compares offers elsewhere" not in text


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_means_no_escape_codes_even_on_a_terminal(monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = Terminal()
    print_view(resolved(CHECKOUT), coloured)
    assert "\x1b[" in coloured.getvalue()  # the check below can see escape codes
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    print_view(resolved(CHECKOUT), plain)
    assert "\x1b" not in plain.getvalue() and "Sees the delivery cost" in plain.getvalue()


def test_cli_piped_output_is_plain(cli, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = cli("show", CHECKOUT)
    assert result.code == 0 and result.err == ""
    assert "\x1b" not in result.out
    lines = result.out.splitlines()
    assert lines[0] == "Web shop checkout, from cart to parcel"
    assert lines[1].startswith("owner checkout-team · reviewed 2026-10-12")
    assert lines[2].startswith("emotion ▅▃▅ ")


def test_unknown_persona_is_a_usage_error(cli):
    result = cli("show", CHECKOUT, "--persona", "nobody")
    assert result.code == 2
    # the one persona check of every command (flow.check_persona), with its one message
    assert result.err == f"journey: error: {CHECKOUT}: the persona `nobody` is not defined in this journey (known: bargain-hunter, busy-parent)\n"
    assert result.out == ""


def test_invalid_file_prints_diagnostics(cli, tmp_path):
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: Bad\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: x\n        name: X\n        emotion: 5\n")
    result = cli("show", bad)
    assert result.code == 1 and result.out == ""
    assert f"{bad}:10:18: error E002 `emotion`" in result.err


@pytest.mark.parametrize("width", ["80", "120"])
def test_bidi_and_control_characters_do_not_push_a_border_out(cli, monkeypatch, width):
    """They are made visible (one cell each) before Rich measures the text, not after."""
    monkeypatch.setenv("COLUMNS", width)
    result = cli("show", FIXTURES / "render" / "hostile.journey.yaml")
    assert result.code == 0 and "\u202e" not in result.out
    for table in tables(result.out.splitlines()):
        assert len({cell_len(line) for line in table}) == 1, table
        assert cell_len(table[0]) <= int(width)


def test_header_lines_break_between_facts_not_inside_one(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli("show", EXAMPLES / "clinic-visit.journey.yaml").out.splitlines()
    assert lines[1:3] == ["owner patient-experience · reviewed 2026-10-28 (every 6 months)", "5 stages, 11 steps"]
    monkeypatch.setenv("COLUMNS", "60")
    lines = cli("show", READABLE).out.splitlines()
    assert lines[3:5] == ["▁ -2  ▂ -1  ▃ 0  ▅ +1  ▇ +2  · none", "low point: Checks in (-1 🙁)"]
