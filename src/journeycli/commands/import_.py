"""`journey import`: read a Mermaid diagram or a CSV file, parse it, check the new journey, write it.

Nothing is written until the whole input has been read and the new journey
validates, so a malformed file never leaves a partial journey behind. A
malformed input is one finding, ``FILE:LINE:COLUMN: error CODE message``
with the source line, on standard error with exit code 1 (the input has a
problem to fix); a wrong option or a missing file is a usage error (exit 2).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

from ..files import write_atomic
from ..ids import require_id, slugify
from ..importers import CODES, FORMATS, Malformed, format_for, get
from ..inputs import InputError, max_file_bytes, read_bytes
from ..loader import CONTROL
from ..usage import UsageError
from ..validation import validate


def _read(path: str) -> bytes:
    if path != "-" and os.path.isdir(path):
        raise UsageError(f"{path} is a directory; give one file to import")
    try:
        return read_bytes(None if path == "-" else path, max_file_bytes())
    except InputError as error:
        raise UsageError(f"cannot read {path}: {error}") from None
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


def _decode(data: bytes) -> str:
    """The text of the input; control characters (which no journey may hold) are refused here, with their line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8", "replace")) + 1
        raise Malformed(line, "the file is not UTF-8; save it as UTF-8 (in Excel: CSV UTF-8)", "I001", column=column) from None
    found = CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        raise Malformed(line, f"the file contains the control character U+{ord(found.group()):04X}; remove it (journey files cannot hold control characters)", "I001", column=column)
    return text


def _report(shown: str, data: bytes, error: Malformed) -> None:
    """The finding as `journey validate` shows one, with the source line and a caret, on standard error (``-o -`` may be the output)."""
    from ..diagnostics import Diagnostic, Severity
    from ..runner import with_excerpts
    from .journeys import report_invalid

    lines = data.decode("utf-8", "replace").split("\n")
    text = lines[error.line - 1] if 0 < error.line <= len(lines) else ""
    column = error.column or len(text) - len(text.lstrip(" \t\ufeff")) + 1
    finding = Diagnostic(shown, error.line, column, Severity.ERROR, error.code, CODES[error.code], error.message)
    report_invalid([shown], with_excerpts(data, [finding]), data_on_stdout=True)


def _title_from(path: str) -> str:
    """``online_checkout.journey.csv`` → ``Online checkout``."""
    stem = os.path.basename(path).split(".")[0] if path != "-" else ""
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return words[:1].upper() + words[1:] if words else "Imported journey"


@dataclass(frozen=True, kw_only=True)
class ImportOptions:
    path: str  # the file to import, or - for stdin
    source: str | None = None  # the input format; None: from the suffix
    output: str | None = None  # None: ID.journey.yaml; "-": standard output
    id: str | None = None  # None: made from the title or file name
    force: bool = False


def run(options: ImportOptions) -> int:
    """Exit 0 when written, 1 when the input is malformed."""
    path, source, output, journey_id, force = options.path, options.source, options.output, options.id, options.force
    name = source or (format_for(path) if path != "-" else None)
    if name is None:
        raise UsageError(f"choose the input format with --from ({', '.join(FORMATS)})")
    if journey_id is not None:
        require_id(journey_id)
    shown = "<stdin>" if path == "-" else path
    data = _read(path)
    try:
        draft = get(name)(_decode(data))
    except Malformed as error:
        _report(shown, data, error)
        return 1
    for line, note in draft.notes:
        sys.stderr.write(f"journey: warning: {shown}:{line}: {note}\n")
    title = draft.title or _title_from(path)
    journey_id = journey_id or slugify(title) or slugify(_title_from(path)) or "imported-journey"
    text = draft.to_yaml(journey_id, title, shown)
    target = output or f"{journey_id}.journey.yaml"
    checked = validate(text.encode("utf-8"), target)
    if not checked.ok:  # a bug in an importer, not in the input
        raise RuntimeError(f"the imported journey does not validate: {checked.diagnostics[0].full_message}")
    if target == "-":
        sys.stdout.write(text)
        return 0
    write_atomic(target, text.encode("utf-8"), inputs=(path,), overwrite=force)
    sys.stdout.write(f"wrote {target}\n")
    return 0
