"""Page sizes, and the rule that keeps text readable on them.

A page is given in points (1/72 inch), landscape unless asked otherwise.
``16:9`` is a slide: 1920 × 1080 pixels at 96 pixels per inch. ``strip`` is
no page at all: the poster as wide as its steps, at scale 1 (the drawing
before page layouts existed).

``Page.readable`` is the smallest text size, in points on the page, that the
layout allows: on a slide 7.6 pt, which is 10 px at 1920 × 1080; on paper
6.5 pt, the small print of a printed form, which a reader takes in at arm's
length. The poster's smallest font (``geometry.MIN_TEXT``) may shrink to it
and no further; a map that would need more shrinking continues on the next
page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .geometry import MIN_TEXT

STRIP = "strip"
SIZES = {  # landscape, in points
    "16:9": (1440.0, 810.0),
    "a4": (841.89, 595.28),
    "a3": (1190.55, 841.89),
    "a1": (2383.94, 1683.78),
    "a0": (3370.39, 2383.94),
    "letter": (792.0, 612.0),
    "tabloid": (1224.0, 792.0),
}
PAGES = (STRIP, *SIZES)
ORIENTATIONS = ("landscape", "portrait")
SLIDES = ("16:9",)
READABLE_ON_SCREEN = 7.6  # points: 10.1 px on a 1920-pixel-wide slide, a little over 10 for rounding
READABLE_ON_PAPER = 6.5
DPI = 96  # PNG pixels per inch unless --dpi says otherwise: Graphviz's own default
MAX_PIXELS = 16_384
"""The longest PNG side we make: ImageMagick's default limit; system Graphviz silently scales down past 32,767."""


@dataclass(frozen=True)
class Page:
    name: str
    width: float  # points; 0 for the strip
    height: float

    @property
    def strip(self) -> bool:
        return self.name == STRIP

    @property
    def min_scale(self) -> float:
        """The smallest scale at which the poster's smallest text stays readable on this page."""
        readable = READABLE_ON_SCREEN if self.name.split("-")[0] in SLIDES else READABLE_ON_PAPER
        return readable / MIN_TEXT


def page(name: str, orientation: str = "landscape") -> Page:
    """The page called ``name`` (``a3``, ``16:9``…, or ``a3-portrait``), in ``orientation``; ValueError names the choices."""
    key = name.strip().lower()
    for suffix in ORIENTATIONS:
        if key.endswith(f"-{suffix}") or key.endswith(f":{suffix}"):
            key, orientation = key[: -len(suffix) - 1], suffix
    if orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation `{orientation}`; choose {' or '.join(ORIENTATIONS)}")
    if key == STRIP:
        return Page(STRIP, 0.0, 0.0)
    if key not in SIZES:
        from ..suggest import did_you_mean

        raise ValueError(f"unknown page `{name}`{did_you_mean(key, PAGES)} (pages: {', '.join(PAGES)}; `a3-portrait` or --portrait for an upright page)")
    width, height = SIZES[key]
    if orientation == "portrait":
        width, height = height, width
    return Page(key if orientation == "landscape" else f"{key}-portrait", width, height)
