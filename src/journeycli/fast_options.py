"""Typer's option coercion without starting Pydantic, for the kinds of values journey's options take.

Typer 0.29 coerces every parameter through a Pydantic ``TypeAdapter``, so even
`journey validate one.yaml` would import Pydantic (about 60 ms, half of the
run). Text, lists of text, choices and flags are coerced here exactly as
Typer's adapters do it; any other kind, and every value refused here, goes
through Typer's own path, which decides and words the error, so usage messages
are unchanged. tests/test_fast_options.py compares both on every parameter.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

_SLOW = object()


class FastParam:
    """Stands in for Typer's runtime parameter; builds Typer's own one only for what it does not take."""

    __slots__ = ("descriptor", "slow")

    def __init__(self, descriptor: Any) -> None:
        self.descriptor = descriptor
        self.slow: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multiple = param.multiple or param.nargs == -1
        fast = _SLOW
        if value is None:
            fast = () if multiple else None
        elif not multiple or not isinstance(value, str):
            fast = fast_value(self.descriptor.annotation, value, self.descriptor.parameter_info.case_sensitive, ctx)
        if fast is not _SLOW:
            return fast
        if self.slow is None:
            from typer._coercion import build_runtime_param

            self.slow = build_runtime_param(self.descriptor)
        return self.slow.coerce(value, param=param, ctx=ctx)


def fast_value(annotation: Any, value: Any, case_sensitive: bool, ctx: Any) -> Any:
    """``value`` as Typer's adapter for ``annotation`` returns it, or ``_SLOW`` when only Typer can say."""
    if annotation is str:
        return value if type(value) is str else _SLOW
    if annotation is bool:
        return value if type(value) is bool else _SLOW
    if annotation == list[str]:
        return list(value) if type(value) in (list, tuple) and all(type(item) is str for item in value) else _SLOW
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        from typer._param_types import coerce_cli_choice

        try:
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=case_sensitive, ctx=ctx)
        except ValueError:
            return _SLOW
    return _SLOW


def install() -> None:
    """Let Typer's parameters coerce through ``FastParam`` (only parameters without a custom parser or file type)."""
    from typer.core import _TyperParameter

    typer_runtime_param = _TyperParameter.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        descriptor = self.type_descriptor
        if self._runtime_param is None and descriptor.parameter_info.parser is None and descriptor.file_annotation is None:
            self._runtime_param = FastParam(descriptor)
        return typer_runtime_param(self)

    _TyperParameter.get_runtime_param = get_runtime_param
