"""The one exception for a mistake in how a command was called.

Raised anywhere below the CLI (a path that does not exist, an option that
contradicts another, an unknown persona); ``cli.main`` prints it as one line
``journey: error: …`` and exits 2.
"""

from __future__ import annotations


class UsageError(Exception):
    """A mistake in how the command was called (exit code 2)."""


class NoJourneyFiles(UsageError):
    """The paths given hold no journey file: machine formats still write an empty report (see commands/validate.py)."""
