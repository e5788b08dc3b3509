"""Indented JSON exactly as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, a few times faster.

Python's json module uses its C encoder only without ``indent``; with it, every
value passes through Python generators, which made JSON writing most of
`journey export --format json` on a large journey. This writes the same text
with one recursive function, and every mapping or list of plain values by json's C encoder. It takes plain
JSON data (mappings with text keys, lists, text, whole numbers, finite floats,
true/false/null); anything else (NaN, other types) is left to ``json.dumps``,
which writes or refuses it as before. tests/unit/test_json_text.py compares both.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from json.encoder import c_make_encoder, encode_basestring  # the C parts of json, as json.dumps uses them
from typing import Any


class _NotPlain(Exception):
    """The value holds something only json.dumps decides about."""


_SCALARS = (str, int, float, bool, type(None))


def dumps(value: Any, allow_nan: bool = True) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False, allow_nan=allow_nan)``."""
    parts: list[str] = []
    encoders: dict[str, Any] = {}

    def flat(value: dict | list, inner: str) -> str:
        """A mapping or list of scalars by json's encoder, its separators carrying the line breaks and indent."""
        encode = encoders.get(inner)
        if encode is None:
            encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=allow_nan, separators=("," + inner, ": "))
            encode = encoders[inner] = _one_shot(encoder)
        text = "".join(encode(value, 0))
        return text[0] + inner + text[1:-1] + inner[:-2] + text[-1]

    try:
        _write(value, parts, "\n", flat)
    except _NotPlain:
        return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=allow_nan)
    return "".join(parts)


def compact(allow_nan: bool = True) -> Callable[[Any], str]:
    """A function writing ``json.dumps(value, ensure_ascii=False, allow_nan=allow_nan)``, for writers of many small values.

    ``json.dumps`` (and ``JSONEncoder.encode``) build a new C encoder on every call;
    this builds it once. Like ``dumps``, it takes plain JSON data: it does not look for cycles.
    """
    encode = _one_shot(json.JSONEncoder(ensure_ascii=False, allow_nan=allow_nan))
    join = "".join
    return lambda value: join(encode(value, 0))


def _one_shot(encoder: json.JSONEncoder) -> Any:
    """The encoder's C function (what ``encoder.encode`` builds on every call), or its Python one without the accelerator."""
    if c_make_encoder is None:  # pragma: no cover - CPython always has it
        return encoder.iterencode
    return c_make_encoder(None, encoder.default, encode_basestring, None, ": ", encoder.item_separator, False, False, encoder.allow_nan)


def _write(value: Any, out: list[str], newline: str, flat: Any) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        if all(type(item) in _SCALARS for item in value.values()):
            out.append(flat(value, inner))
            return
        opening = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            out.append(opening)
            out.append(encode_basestring(key))
            out.append(": ")
            _write(item, out, inner, flat)
            opening = "," + inner
        out.append(newline + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        if all(type(item) in _SCALARS for item in value):
            out.append(flat(value, inner))
            return
        opening = "[" + inner
        for item in value:
            out.append(opening)
            _write(item, out, inner, flat)
            opening = "," + inner
        out.append(newline + "]")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        if not math.isfinite(value):
            raise _NotPlain
        out.append(float.__repr__(value))
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif value is None:
        out.append("null")
    else:
        raise _NotPlain
