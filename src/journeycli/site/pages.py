"""The site's pages: one Jinja2 environment with autoescaping, the filters every template shares, and the page registry.

Every user string reaches HTML through a template with autoescaping on: the
only markup that is not escaped is the SVG the renderer made (``maps``), passed
as ``Markup`` on purpose. Links taken from journey files (a source's ``url``)
go through ``web_url``, which keeps http and https addresses only. Each page
is given ``root``, the relative way back to the top of the site, so that the
site works from ``file://`` and under any sub-path (a GitHub Pages project
site): no link starts with ``/``.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ..presentation.quantities import amount, plural, signed
from ..presentation.symbols import emotion_label, words

TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
ASSETS = os.path.join(os.path.dirname(__file__), "assets")
ASSET_FILES = ("site.css", "site.js")

SUMMARY_PAGES = {
    "index": ("index.html", "Journeys"),
    "pains": ("pains.html", "Pain points"),
    "opportunities": ("opportunities.html", "Opportunities"),
    "owners": ("owners.html", "Owners"),
}
"""The portfolio's pages at the top of the site: name → (file, title); the navigation lists them in this order."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'none'"
)
"""No inline script or style, no event-handler attributes, nothing from elsewhere (see docs/site.md)."""


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) address with a host, else None (``javascript:``, ``data:``, ``file:`` never become links)."""
    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _reach(value: float, entrants: int | None) -> str:
    """A step's reach as the file means it: a count of customers when the journey has `entrants`, else a share."""
    if entrants is not None:
        return f"{value:,.0f} customers"
    return f"{amount(value, 'ratio')} of the entrants"


def _emotion(value: Any) -> str:
    return "—" if value is None else signed(value, 2) if not isinstance(value, int) else emotion_label(value)


@cache
def environment() -> Any:
    """The one template environment (made once per process: workers reuse it for every journey)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(web_url=web_url, amount=amount, reach=_reach, emotion=_emotion, words=words, plural=plural, signed=signed)
    env.globals.update(csp=CSP, summary_pages=SUMMARY_PAGES)
    return env


def render(template: str, **context: Any) -> bytes:
    """A page from ``template`` with ``context`` (which must hold ``root`` and ``title``), as UTF-8 bytes."""
    return environment().get_template(template).render(**context).encode("utf-8")
