"""The site's style sheet: every pair of text and background colours it sets meets WCAG AA, in light and in dark mode."""

from __future__ import annotations

import os
import re

import pytest

from journeycli.site.pages import ASSETS

CSS = os.path.join(ASSETS, "site.css")
PAIRS = [  # (text, background): what the style sheet draws on what
    ("fg", "bg"), ("muted", "bg"), ("accent", "bg"), ("fg", "soft"), ("muted", "soft"), ("accent", "soft"), ("bg", "accent"),
    ("crit-fg", "crit-bg"), ("high-fg", "high-bg"), ("med-fg", "med-bg"), ("low-fg", "low-bg"), ("ok-fg", "ok-bg"), ("info-fg", "info-bg"),
]  # fmt: skip


def _variables(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", block))


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _themes() -> dict[str, dict[str, str]]:
    with open(CSS, encoding="utf-8") as handle:
        text = handle.read()
    light = _variables(text.split("@media (prefers-color-scheme: dark)")[0])
    dark = {**light, **_variables(text.split("@media (prefers-color-scheme: dark)")[1].split("}\n}")[0])}
    return {"light": light, "dark": dark}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_colours_meet_wcag_aa_contrast(theme):
    colours = _themes()[theme]
    low = {f"{fg} on {bg}": round(_contrast(colours[fg], colours[bg]), 2) for fg, bg in PAIRS if _contrast(colours[fg], colours[bg]) < 4.5}
    assert low == {}


def test_dark_mode_changes_the_colours():
    themes = _themes()
    assert themes["dark"]["bg"] != themes["light"]["bg"] and themes["dark"]["fg"] != themes["light"]["fg"]
    assert _contrast("#777777", "#777777") == 1.0 and round(_contrast("#000000", "#ffffff"), 1) == 21.0  # the formula itself
