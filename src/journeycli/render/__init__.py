"""Rendering journey maps as pictures (`journey render`).

The pipeline, one module each:

- ``labels``: user text made safe for DOT (escaping, cleaning) and fitted
  into columns (wrapping, truncation with an ellipsis);
- ``theme``: the light, dark and print palettes;
- ``map_view`` and ``flow_view``: a resolved journey → DOT source (built with
  the ``graphviz`` package), with ``parts`` holding what both share;
- ``output``: running the engine with a time limit, writing files atomically;
- ``raster``: PNGs drawn from the SVG by librsvg, when the bundled engine lacks the characters;
- ``svg``: the finishing pass over the SVG (title and desc, stage groups,
  nothing active or external);
- ``watch``: `--watch`, rendering again on every change. The command itself is
  ``commands.render``.

``draw`` and ``picture`` are the two calls the rest of the tool needs.
"""

from __future__ import annotations

from .. import choices
from ..engines import Engine
from ..flow import Resolved
from . import pages
from .parts import Drawing
from .theme import THEMES

VIEWS = choices.VIEWS
__all__ = ["VIEWS", "THEMES", "Drawing", "draw", "draw_pages", "pages", "picture"]


def draw(resolved: Resolved, view: str = "map", theme: str = "light") -> Drawing:
    """The DOT drawing of a resolved journey in ``view`` (map or flow) and ``theme``, as one strip."""
    return draw_pages(resolved, view, theme)[0]


def draw_pages(resolved: Resolved, view: str = "map", theme: str = "light", page: str = "strip", orientation: str = "landscape") -> list[Drawing]:
    """The drawings of ``resolved``: one per page of ``page`` (see ``pages``; the flow view is always one)."""
    from . import theme as themes
    from .pages import page as page_named

    palette = themes.get(theme)
    if view == "flow":
        from .flow_view import build

        return [build(resolved, palette)]
    from .map_view import build_pages

    return build_pages(resolved, palette, page_named(page, orientation))


def picture(drawing: Drawing, fmt: str, engine: Engine | None, timeout: float, dpi: float | None = None, rasterise: bool = False) -> bytes:
    """The bytes of ``drawing`` in ``fmt``: the DOT source itself for ``dot``, else the engine's output (PNG at ``dpi``).

    ``rasterise``: a PNG drawn from the finished SVG by librsvg (``raster``), for characters the engine's fonts lack.
    """
    if fmt == "dot":
        return drawing.source.encode("utf-8")
    from .output import run_engine

    if engine is None:
        raise ValueError("an engine is needed for every format but dot")
    if fmt == "png" and rasterise:
        from .pages import DPI
        from .raster import rasterise as draw_png

        return draw_png(picture(drawing, "svg", engine, timeout), dpi or DPI, timeout)
    data = run_engine(engine, drawing, fmt, timeout, dpi)
    if fmt == "svg":
        from .svg import finish

        data = finish(data, drawing)
    return data
