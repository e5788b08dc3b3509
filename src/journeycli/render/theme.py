"""Colour palettes for the rendered maps: light, dark and print.

Colour never carries meaning alone: emotion is also a signed number and a
height on the curve, severity and status are also words, a moment of truth is
also a star. So the map reads in greyscale and for colour-blind readers.
Severity and status get darker in one direction, so a greyscale copy keeps
their order; emotion runs from dark red to blue, whose two
ends differ in hue (red, blue: distinct with every common colour-vision
deficiency) and in lightness (so a greyscale copy keeps −2 from +2 and −1
from +1); tests check ΔE ≥ 10 under simulated deuteranopia, protanopia and
greyscale. Stage bands and card borders keep 1.5:1 against the page. The print
theme is pure grey, every scale running from light to dark. Text on any
fill keeps a WCAG contrast of at least 4.5:1 (tests check it).

Only 6-digit ``#rrggbb`` colours: Graphviz 2.43 (Debian) rejects ``#rgb``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import choices
from . import fonts
from .colour import contrast

THEMES = choices.THEMES
FONT = fonts.FONT


@dataclass(frozen=True)
class Pill:
    """A small filled label: background and text colour."""

    fill: str
    text: str

    @property
    def border(self) -> bool:
        """Whether the fill is too light to show on white without a border (under 1.5:1)."""
        return contrast(self.fill, "#ffffff") < 1.5


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    bands: tuple[str, str]  # stage columns alternate between these
    stage_heads: tuple[str, str]
    card: str
    card_border: str
    hidden_card: str  # backstage and support steps
    grid: str  # emotion guide lines
    zero: str  # the emotion 0 line
    curve: str
    visibility: str  # the line of visibility
    edge: str  # flow arrows
    loop_edge: str
    star: Pill
    emotion: dict[int, Pill]
    severity: dict[str, Pill]
    status: dict[str, Pill]
    unknown_emotion: Pill
    exit: Pill  # the mark of a step where the customer leaves
    ref: Pill  # short references: P1, O1
    targets: dict[str, Pill]  # a metric on, off or without a target

    def target_pill(self, state: str) -> tuple[str, Pill]:
        from .parts import TARGET_WORDS

        return TARGET_WORDS[state], self.targets[state]


_EMOTION = {  # red to blue, and dark to light on each side, so that colour-blind and greyscale copies keep them apart
    -2: Pill("#8b1a1a", "#ffffff"),
    -1: Pill("#f08c4a", "#000000"),
    0: Pill("#f2f2f2", "#000000"),
    1: Pill("#a6d3ee", "#000000"),
    2: Pill("#2f6fb3", "#ffffff"),
}
_TARGETS = {"on": Pill("#1f6f43", "#ffffff"), "off": Pill("#b42318", "#ffffff"), "none": Pill("#ffffff", "#4b535c")}
_SEVERITY = {
    "critical": Pill("#67000d", "#ffffff"),
    "high": Pill("#cb181d", "#ffffff"),
    "medium": Pill("#fc9272", "#000000"),
    "low": Pill("#fee0d2", "#000000"),
}
_STATUS = {
    "idea": Pill("#eff3ff", "#000000"),
    "planned": Pill("#bdd7e7", "#000000"),
    "in_progress": Pill("#6baed6", "#000000"),
    "done": Pill("#08519c", "#ffffff"),
}

LIGHT = Theme(
    name="light",
    background="#ffffff",
    text="#1f2328",
    muted="#4b535c",
    bands=("#c3ccd6", "#cad2db"),
    stage_heads=("#dfe5ec", "#e6ebf0"),
    card="#ffffff",
    card_border="#8c96a1",
    hidden_card="#eceff3",
    grid="#d5dbe1",
    zero="#8c959f",
    curve="#3d4650",
    visibility="#57606a",
    edge="#57606a",
    loop_edge="#8250df",
    star=Pill("#ffd400", "#6b5300"),
    emotion=_EMOTION,
    severity=_SEVERITY,
    status=_STATUS,
    unknown_emotion=Pill("#ffffff", "#4b535c"),
    exit=Pill("#1f2328", "#ffffff"),
    ref=Pill("#ffffff", "#1f2328"),
    targets=_TARGETS,
)

DARK = Theme(
    name="dark",
    background="#0d1117",
    text="#e6edf3",
    muted="#9da7b3",
    bands=("#313a46", "#343d49"),
    stage_heads=("#222932", "#262d36"),
    card="#21262d",
    card_border="#444c56",
    hidden_card="#1a1e24",
    grid="#2d333b",
    zero="#6e7681",
    curve="#c9d1d9",
    visibility="#9da7b3",
    edge="#9da7b3",
    loop_edge="#d2a8ff",
    star=Pill("#ffd400", "#000000"),
    emotion=_EMOTION,
    severity={**_SEVERITY, "critical": Pill("#a50f15", "#ffffff")},
    status={**_STATUS, "done": Pill("#2171b5", "#ffffff")},
    unknown_emotion=Pill("#21262d", "#9da7b3"),
    exit=Pill("#e6edf3", "#0d1117"),
    ref=Pill("#0d1117", "#e6edf3"),
    targets={"on": Pill("#1f6f43", "#ffffff"), "off": Pill("#b42318", "#ffffff"), "none": Pill("#21262d", "#9da7b3")},
)

PRINT = Theme(
    name="print",
    background="#ffffff",
    text="#000000",
    muted="#404040",
    bands=("#c4c4c4", "#cfcfcf"),
    stage_heads=("#b0b0b0", "#bababa"),
    card="#ffffff",
    card_border="#000000",
    hidden_card="#ececec",
    grid="#cccccc",
    zero="#666666",
    curve="#000000",
    visibility="#000000",
    edge="#000000",
    loop_edge="#000000",
    star=Pill("#000000", "#ffffff"),
    emotion={
        -2: Pill("#252525", "#ffffff"),
        -1: Pill("#737373", "#ffffff"),
        0: Pill("#bdbdbd", "#000000"),
        1: Pill("#e6e6e6", "#000000"),
        2: Pill("#ffffff", "#000000"),
    },
    severity={
        "critical": Pill("#000000", "#ffffff"),
        "high": Pill("#525252", "#ffffff"),
        "medium": Pill("#a3a3a3", "#000000"),
        "low": Pill("#e0e0e0", "#000000"),
    },
    status={
        "idea": Pill("#ffffff", "#000000"),
        "planned": Pill("#d9d9d9", "#000000"),
        "in_progress": Pill("#969696", "#000000"),
        "done": Pill("#252525", "#ffffff"),
    },
    unknown_emotion=Pill("#ffffff", "#404040"),
    exit=Pill("#000000", "#ffffff"),
    ref=Pill("#ffffff", "#000000"),
    targets={"on": Pill("#404040", "#ffffff"), "off": Pill("#000000", "#ffffff"), "none": Pill("#ffffff", "#404040")},
)

_BY_NAME = {theme.name: theme for theme in (LIGHT, DARK, PRINT)}


def get(name: str) -> Theme:
    """The theme called ``name`` (one of ``THEMES``)."""
    return _BY_NAME[name]
