"""One PDF of many pages: Graphviz's cairo writer makes one page per run (it ignores ``page``).

Each page of the map is drawn by the engine on its own (``picture``), then
the pages are joined with pypdf, a pure-Python PDF library, imported only
here. The result is deterministic: pypdf's file identifier is derived from
the pages, not from the clock, and the info dictionary is fixed.
"""

from __future__ import annotations

import hashlib
import io


def join(pages: list[bytes], title: str) -> bytes:
    """The PDF pages of ``pages`` (each a one-page PDF), in order, as one document titled ``title``."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter()
    for data in pages:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    writer.add_metadata({"/Title": title, "/Creator": "journeycli", "/Producer": "journeycli with Graphviz and pypdf"})
    digest = ByteStringObject(hashlib.md5(b"".join(pages), usedforsecurity=False).digest())
    writer._ID = ArrayObject([digest, digest])  # pypdf would otherwise derive it from the time of writing
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
