"""`--help` in our words: placeholders people read (PATH, CODES, SECONDS), not Python types.

Typer shows each parameter's Python type (`<list[str]>`, `<str>`, `<float>`),
marks required arguments as `{FILE}`, writes ranges as `[x>=1]` and lets the
wrapper split a default such as `my-journey` at its hyphen. ``polish`` walks the
built command tree once and sets, per parameter, the placeholder and the
wording of its range and default; Typer's own help layout does the rest.
"""

from __future__ import annotations

from typing import Any

_PLACEHOLDERS = {
    "paths": "PATH",
    "path": "FILE",
    "file": "FILE",
    "old": "OLD",
    "new": "NEW",
    "select": "CODES",
    "ignore": "CODES",
    "persona": "ID",
    "config": "FILE",
    "output": "FILE",
    "base": "REV",
    "id": "ID",
    "code": "CODE",
    "timeout": "SECONDS",
    "dpi": "NUMBER",
    "top": "NUMBER",
    "width": "COLUMNS",
    "page": "SIZE",
}
"""Placeholder by parameter name; a name not listed gets its own name in capitals."""


def _placeholder(param: Any) -> str:
    return _PLACEHOLDERS.get(param.name, param.name.upper())


def _range_words(low: Any, high: Any) -> str | None:
    if low is not None and high is not None:
        return f"from {low} to {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"at most {high}"
    return None


def _polish_param(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    is_choice = bool(getattr(descriptor, "is_choice", False))
    is_flag = bool(getattr(param, "is_flag", False) or getattr(param, "count", False))
    if param.param_type_name == "argument":
        name = _placeholder(param) if getattr(param, "metavar", None) is None else param.metavar
        many = param.nargs != 1
        param.metavar = name
        shown = f"{name}..." if many else name
        required = param.required
        param.get_usage_pieces = lambda ctx, shown=shown, required=required: [shown if required else f"[{shown}]"]
        param._rich_display_name = lambda shown=shown: shown
        param.display_type_rich = lambda ctx: None  # the placeholder says it; no Python type beside it
    elif not is_flag and not is_choice and getattr(param, "metavar", None) is None:
        param.metavar = _placeholder(param)
    words = _range_words(getattr(param, "min", None), getattr(param, "max", None))
    if hasattr(param, "_get_number_range_help_str"):
        param._get_number_range_help_str = lambda words=words: words
    default = getattr(param, "default", None)
    if param.show_default is True and isinstance(default, str) and "-" in default and param.help:
        # the wrapper would split `my-journey` at the hyphen; at the start of the text it never does
        param.help = f"Default: {default}. {param.help}"
        param.show_default = False


def polish(command: Any) -> Any:
    """Set our placeholders and wording on every parameter of ``command`` and its subcommands."""
    for param in getattr(command, "params", ()):
        _polish_param(param)
    for sub in getattr(command, "commands", {}).values():
        polish(sub)
    return command
