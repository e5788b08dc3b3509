"""One module per `journey` subcommand: the glue between the parsed options and the core.

Each module holds a frozen ``*Options`` dataclass, filled by ``cli`` from the
command line, and ``run(options) -> int``, which reads the inputs, calls the
core, picks the writer and returns the exit code (0, or 1 for findings);
usage mistakes raise ``usage.UsageError`` (exit 2, printed by ``cli.main``).
``journeys`` holds what several commands share: finding the journey files,
reading them valid, and reporting the ones that are not.

Modules here are imported only when their command runs, so that
`journey --help` stays fast.
"""
