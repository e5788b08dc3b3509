"""`journey site --serve`: the built folder on http://127.0.0.1:PORT/, for a preview on this computer only.

Python's own ``http.server`` in a background thread, bound to the loopback
address (never to every interface), serving whatever the folder holds now:
each rebuild replaces the folder, and the next request sees the new site.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from ..usage import UsageError

HOST = "127.0.0.1"


class _Quiet(SimpleHTTPRequestHandler):
    """Serves the folder without a line on standard error for every request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass


@contextlib.contextmanager
def serving(directory: str, port: int) -> Iterator[str]:
    """Serve ``directory`` while the block runs; yields the address to open."""
    handler = functools.partial(_Quiet, directory=directory)
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as error:
        raise UsageError(f"cannot serve on {HOST}:{port}: {error.strerror or error}; choose another --port") from None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
