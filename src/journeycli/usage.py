"""The one exception for a mistake in how a command was called.

Raised anywhere below the CLI (a path that does not exist, an option that
contradicts another, an unknown persona); ``cli.main`` prints it as one line
``journey: error: …`` and exits 2.
"""

from __future__ import annotations

import re


class UsageError(Exception):
    """A mistake in how the command was called (exit code 2)."""


class NoJourneyFiles(UsageError):
    """The paths given hold no journey file: machine formats still write an empty report (see commands/validate.py)."""


_LIBRARY_WORDS = (
    (re.compile(r"Value error, '(?P<value>[^']*)' is not one of (?P<choices>.*?)\.?$"), None),
    (re.compile(r"'(?P<value>[^']*)' is not one of (?P<choices>.*?)\.?$"), None),
    (re.compile(r"Input should be greater than or equal to (?P<n>\S+)"), "must be at least {n}"),
    (re.compile(r"Input should be less than or equal to (?P<n>\S+)"), "must be at most {n}"),
    (re.compile(r"Input should be greater than (?P<n>\S+)"), "must be more than {n}"),
    (re.compile(r"Input should be less than (?P<n>\S+)"), "must be less than {n}"),
    (re.compile(r"Input should be a valid integer.*"), "must be a whole number"),
    (re.compile(r"Input should be a (valid|finite) number.*"), "must be a number"),
    (re.compile(r"Input should be a valid boolean.*"), "must be true or false"),
)


def _choice_words(value: str, listed: str) -> str:
    from .suggest import closest

    options = re.findall(r"'([^']*)'", listed)
    close = closest(value, options)
    return f"`{value}` is not one of {', '.join(options)}" + (f"; did you mean `{close}`?" if close else "")


def _value_words(message: str) -> str:
    """A parameter-type message from Click, Typer or Pydantic in our words."""
    for pattern, template in _LIBRARY_WORDS:
        found = pattern.search(message)
        if found is not None:
            return _choice_words(found["value"], found["choices"]) if template is None else template.format(**found.groupdict())
    return message.removeprefix("Value error, ")


def words(error: Exception) -> str:
    """A Click/Typer usage error as one line in our words: no "Value error", no Python types."""
    try:
        return _words(error)
    except Exception:  # noqa: BLE001 - an unexpected shape of error keeps the library's own words
        return error.format_message() if hasattr(error, "format_message") else str(error)


def _words(error: Exception) -> str:
    kind = type(error).__name__
    if kind == "NoSuchOption":
        from .suggest import closest

        # Click offers whatever difflib finds; only a name that is really close is a fair guess
        possible = sorted(option for option in getattr(error, "possibilities", None) or () if closest(error.option_name, [option]))
        return f"unknown option {error.option_name}" + (f"; did you mean {' or '.join(possible)}?" if possible else "")
    if kind == "BadParameter":
        param = getattr(error, "param", None)
        name = getattr(error, "param_hint", None) or (" / ".join(param.opts) if param is not None and getattr(param, "opts", None) else None)
        if isinstance(name, (list, tuple)):
            name = " / ".join(name)
        name = (name or "a value").replace('"', "").replace("'", "")
        return f"{name}: {_value_words(error.message)}"
    if kind == "MissingParameter":
        param = getattr(error, "param", None)
        name = getattr(param, "metavar", None) or getattr(param, "human_readable_name", None) or (param.name.upper() if param is not None and param.name else "an argument")
        return f"{name.strip(chr(39) + chr(34))} is missing"
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    requires = re.fullmatch(r"Option '([^']+)' requires an argument\.", message)
    if requires:
        return f"{requires[1]} needs a value"
    extra = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return f"unexpected extra argument: {extra[1]}"
    command = re.fullmatch(r"No such command '([^']*)'\.(?: Did you mean '([^']*)'\?)?", message)
    if command:
        from .suggest import closest

        close = command[2] and closest(command[1], [command[2]])
        return f"unknown command `{command[1]}`" + (f"; did you mean `{close}`?" if close else "")
    return _value_words(message)
