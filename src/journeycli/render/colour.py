"""Colour arithmetic the palettes are checked with: WCAG contrast, CIELAB
distance, and what readers with colour-vision deficiencies or a greyscale
printer see.

The simulations are Machado, Oliveira and Fernandes (2009), severity 1.0,
applied to linear RGB, the model most simulators use; greyscale keeps the
CIE lightness L* of a colour and drops its hue. Distances are CIE76 ΔE in
CIELAB (D65): about 2.3 is a just-noticeable difference, 10 is clearly
different at a glance.
"""

from __future__ import annotations

_MACHADO = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
}
VISIONS = ("normal", "deuteranopia", "protanopia", "greyscale")


def _linear(colour: str) -> tuple[float, float, float]:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return r, g, b


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    r, g, b = _linear(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _lab_of_linear(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def lab(colour: str, vision: str = "normal") -> tuple[float, float, float]:
    """CIELAB of ``colour`` as a reader with ``vision`` (one of ``VISIONS``) sees it."""
    rgb = _linear(colour)
    if vision in _MACHADO:
        rgb = tuple(sum(m * c for m, c in zip(row, rgb)) for row in _MACHADO[vision])  # type: ignore[assignment]
    lightness, a, b = _lab_of_linear(rgb)
    if vision == "greyscale":
        return lightness, 0.0, 0.0
    return lightness, a, b


def delta_e(first: str, second: str, vision: str = "normal") -> float:
    """CIE76 distance between two colours as a reader with ``vision`` sees them."""
    p, q = lab(first, vision), lab(second, vision)
    return sum((x - y) ** 2 for x, y in zip(p, q)) ** 0.5
