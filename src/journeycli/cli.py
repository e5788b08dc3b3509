"""The `journey` command line: parse the options, fill the command's options, call its module in ``commands``.

Nothing here is worth testing on its own; each command lives in ``commands/``.
Heavy modules (Pydantic, Rich, Graphviz) are imported inside the commands so
that `journey --help` starts fast. ``main`` turns every usage error into one
line and exit code 2, and makes sure no traceback ever reaches the user.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from enum import Enum
from typing import Annotated

import typer

from . import __version__, choices, fast_options

fast_options.install()  # options coerced without Pydantic: `journey validate` of a valid file never imports it

app = typer.Typer(
    name="journey",
    help="Customer journey maps as YAML files: validate, lint, render and diff them like code.",
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "token_normalize_func": choices.normal_token},
)

EXIT_OK, EXIT_USAGE, EXIT_INTERNAL = 0, 2, 3  # 1 (findings) comes from the commands themselves


def _choice(name: str, values: Iterable[str]) -> type[Enum]:
    """A Typer choice of ``values`` (from ``choices``, the one list the core uses too)."""
    return Enum(name, {value.replace("-", "_"): value for value in values}, type=str)  # type: ignore[return-value]


OutputFormat = _choice("OutputFormat", choices.REPORTERS.names)
Level = _choice("Level", choices.LEVELS)
RulesFormat = _choice("RulesFormat", choices.RULES_FORMATS)
RenderFormat = _choice("RenderFormat", choices.RENDER_FORMATS)
RenderView = _choice("RenderView", choices.VIEWS)
RenderTheme = _choice("RenderTheme", choices.THEMES)
RenderEngine = _choice("RenderEngine", choices.ENGINES)
ExportFormat = _choice("ExportFormat", choices.EXPORTERS.names)
ImportFormat = _choice("ImportFormat", choices.IMPORTERS.names)
DiffFormat = _choice("DiffFormat", choices.DIFF_FORMATS.names)
DiffFailOn = _choice("DiffFailOn", choices.DIFF_FAIL_ON)
PainsFormat = _choice("PainsFormat", choices.PAINS_FORMATS.names)
PortfolioFormat = _choice("PortfolioFormat", choices.PORTFOLIO_FORMATS.names)
FunnelFormat = _choice("FunnelFormat", (*choices.FUNNEL_FORMATS.names, *choices.FUNNEL_CHARTS.values()))


Paths = Annotated[
    list[str] | None,
    typer.Argument(help="Journey files, directories (searched for *.journey.yaml / *.journey.yml) or - for stdin. Default: the current directory.", show_default=False),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", help="Output format. Default: text, or github inside GitHub Actions.", show_default=False),
]
FailOn = Annotated[Level, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")]


def _version(value: bool) -> None:
    if value:
        from .engines import describe_engine

        typer.echo(f"journeycli {__version__}")
        typer.echo(f"render engine: {describe_engine()}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and the render engine, then exit.")
    ] = False,
) -> None:
    """Customer journey maps as YAML files: validate, lint, render and diff them like code."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command()
def validate(paths: Paths = None, format: FormatOption = None, fail_on: FailOn = Level.error) -> None:
    """Check files against the journey format: YAML, schema, unique ids and references.

    Examples:

      journey validate examples/

      journey validate map.journey.yaml --format json

      cat map.journey.yaml | journey validate -
    """
    from .commands.validate import ValidateOptions, run

    raise typer.Exit(run(ValidateOptions(paths=tuple(paths or ()), format=format.value if format else None, fail_on=fail_on.value)))


@app.command()
def lint(
    paths: Paths = None,
    format: FormatOption = None,
    fail_on: Annotated[
        Level | None, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity. Default: error, or `fail_on` in the configuration.", show_default=False)
    ] = None,
    select: Annotated[str | None, typer.Option("--select", help="Comma-separated rule codes or prefixes to run, e.g. L,P002.", show_default=False)] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="Comma-separated rule codes or prefixes to skip.", show_default=False)] = None,
    persona: Annotated[str | None, typer.Option("--persona", help="Lint the journey as this persona walks it.", show_default=False)] = None,
    config: Annotated[
        str | None, typer.Option("--config", help="Configuration file (journey.toml or pyproject.toml). Default: the nearest one upward.", show_default=False)
    ] = None,
) -> None:
    """Validate, then run the quality rules and pain-point checks (see `journey rules`).

    Examples:

      journey lint examples/

      journey lint map.journey.yaml --fail-on warning --ignore L008

      journey lint . --format sarif > journey.sarif
    """
    from .commands.lint import LintOptions, run

    options = LintOptions(
        paths=tuple(paths or ()),
        format=format.value if format else None,
        fail_on=fail_on.value if fail_on else None,
        select=select,
        ignore=ignore,
        persona=persona,
        config=config,
    )
    raise typer.Exit(run(options))


@app.command()
def schema(
    library: Annotated[bool, typer.Option("--library", help="The schema of library files (*.library.yaml) instead.")] = False,
) -> None:
    """Print the JSON Schema of the journey format (the same as schemas/journey.schema.json).

    Examples:

      journey schema > journey.schema.json

      journey schema --library > library.schema.json
    """
    from .commands.schema import run

    raise typer.Exit(run(library))


@app.command()
def init(
    id: Annotated[str, typer.Argument(help="Id of the new journey (lowercase, digits, - and _).")] = "my-journey",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write; - for stdout. Default: ID.journey.yaml.", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
) -> None:
    """Write a starter journey that validates and lints clean.

    Example:

      journey init online-checkout
    """
    from .commands.init import InitOptions, run

    raise typer.Exit(run(InitOptions(id=id, output=output, force=force)))


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="Show one rule in full, e.g. P002.", show_default=False)] = None,
    format: Annotated[RulesFormat, typer.Option("--format", "-f", help="Output format.")] = RulesFormat.text,
) -> None:
    """List every rule: code, name, default severity and what it catches.

    Examples:

      journey rules

      journey rules P002
    """
    from .commands.rules import RulesOptions, run

    raise typer.Exit(run(RulesOptions(code=code, format=format.value)))


@app.command()
def render(
    paths: Paths = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="FILE, DIR (existing, or ending in /) or - for stdout. Default: <stem>.<format> in the current directory.", show_default=False),
    ] = None,
    format: Annotated[
        RenderFormat | None, typer.Option("--format", "-f", help="Picture format. Default: from the -o suffix, else svg.", show_default=False)
    ] = None,
    view: Annotated[RenderView, typer.Option("--view", help="map: the journey-map poster; flow: the step flow graph.")] = RenderView.map,
    persona: Annotated[str | None, typer.Option("--persona", help="Draw the journey as this persona walks it.", show_default=False)] = None,
    theme: Annotated[RenderTheme, typer.Option("--theme", help="Colours: light, dark, or print (greyscale).")] = RenderTheme.light,
    engine: Annotated[
        RenderEngine | None,
        typer.Option(
            "--engine",
            help="Layout engine. Default: $JOURNEY_ENGINE, else `engine` in the configuration, else graphviz-pure (bundled: the same bytes on every machine); "
            "graphviz is the system dot, auto the system dot when on PATH.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop a layout that takes longer than this many seconds.")] = 60.0,
    beside: Annotated[bool, typer.Option("--beside", help="Write each picture next to its journey file, as <stem>.<format>.")] = False,
    fail_if_changed: Annotated[
        bool, typer.Option("--fail-if-changed", help="Exit 1 when a picture was missing or out of date (and has now been written), as formatters do in pre-commit.")
    ] = False,
    watch: Annotated[bool, typer.Option("--watch", help="Render again whenever a journey file changes (a live preview); Ctrl-C stops.")] = False,
    page: Annotated[
        str, typer.Option("--page", help="strip (one long row), or a page the map is fitted to: 16:9, a4, a3, a1, a0, letter, tabloid; long maps go on as numbered pages.")
    ] = "strip",
    portrait: Annotated[bool, typer.Option("--portrait", help="Turn the --page upright (landscape is the default).")] = False,
    dpi: Annotated[float | None, typer.Option("--dpi", help="Pixels per inch of a PNG. Default: 96 (a 16:9 page is then 1920 × 1080).", show_default=False)] = None,
) -> None:
    """Draw journey maps as SVG, PNG, PDF or DOT.

    Examples:

      journey render map.journey.yaml

      journey render examples/ -o maps/ --format png

      journey render map.journey.yaml --view flow --persona busy-parent -o flow.svg

      journey render maps/ --beside --fail-if-changed

      journey render map.journey.yaml --watch
    """
    from .commands.render import RenderOptions, run

    options = RenderOptions(
        paths=tuple(paths or ()),
        output=output,
        format=format.value if format else None,
        view=view.value,
        persona=persona,
        theme=theme.value,
        engine=engine.value if engine else None,
        timeout=timeout,
        beside=beside,
        fail_if_changed=fail_if_changed,
        watch=watch,
        page=page,
        orientation="portrait" if portrait else "landscape",
        dpi=dpi,
    )
    raise typer.Exit(run(options))


JourneyFile = Annotated[str, typer.Argument(metavar="FILE", help="The journey file, or - for stdin.", show_default=False)]


@app.command()
def export(
    path: JourneyFile,
    format: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help="Output format. Default: from the --output suffix (.mmd, .md, .csv, .json).", show_default=False),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write (atomically; never the input). Default: stdout.", show_default=False)
    ] = None,
) -> None:
    """Export the map as a Mermaid journey diagram, a Markdown report, CSV or JSON.

    Examples:

      journey export map.journey.yaml --format mermaid

      journey export map.journey.yaml -o map.md

      journey export map.journey.yaml --format csv > steps.csv
    """
    from .commands.export import ExportOptions, run

    raise typer.Exit(run(ExportOptions(path=path, format=format.value if format else None, output=output)))


@app.command("import")
def import_(
    path: Annotated[
        str, typer.Argument(metavar="FILE", help="A Mermaid journey diagram (or Markdown holding one), a CSV file, or - for stdin.", show_default=False)
    ],
    source: Annotated[
        ImportFormat | None,
        typer.Option("--from", help="Input format. Default: from the suffix (.mmd, .md → mermaid; .csv, .tsv → csv).", show_default=False),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write; - for stdout. Default: ID.journey.yaml.", show_default=False)
    ] = None,
    id: Annotated[str | None, typer.Option("--id", help="Id of the new journey. Default: made from the title or file name.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
) -> None:
    """Start a journey file from a Mermaid journey diagram or a CSV spreadsheet.

    Examples:

      journey import checkout.mmd

      journey import README.md --from mermaid --id online-checkout

      journey import steps.csv -o checkout.journey.yaml --force
    """
    from .commands.import_ import ImportOptions, run

    raise typer.Exit(run(ImportOptions(path=path, source=source.value if source else None, output=output, id=id, force=force)))


@app.command()
def show(
    path: JourneyFile,
    compact: Annotated[bool, typer.Option("--compact", help="Only step names and emotions.")] = False,
    persona: Annotated[str | None, typer.Option("--persona", help="Show the journey as this persona walks it.", show_default=False)] = None,
) -> None:
    """Show the map in the terminal: stages as columns, emotions, pain points and an emotion sparkline.

    Examples:

      journey show map.journey.yaml

      journey show map.journey.yaml --compact --persona busy-parent

      NO_COLOR=1 journey show map.journey.yaml > map.txt
    """
    from .commands.show import ShowOptions, run

    raise typer.Exit(run(ShowOptions(path=path, compact=compact, persona=persona)))


@app.command()
def diff(
    sides: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="OLD NEW | PATH",
            help="OLD NEW: each a file or REV:path (read with git). With --base: files or directories (default: the whole git repository you are in).",
            show_default=False,
        ),
    ] = None,
    base: Annotated[str | None, typer.Option("--base", metavar="REV", help="Compare each PATH with its version at this git revision.", show_default=False)] = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format; markdown is a PR comment.")] = DiffFormat.text,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when anything changed.")] = False,
    render: Annotated[str | None, typer.Option("--render", metavar="FILE", help="Also draw the new map with the changes marked, as SVG, to this file.", show_default=False)] = None,
    fail_on: Annotated[DiffFailOn | None, typer.Option("--fail-on", help="Exit 1 when a change is a regression (emotion falls, pain point added…).", show_default=False)] = None,
    job_summary: Annotated[
        str | None, typer.Option("--job-summary", metavar="FILE", help="Also append the whole Markdown diff (1 MB budget) to FILE, e.g. $GITHUB_STEP_SUMMARY.", show_default=False)
    ] = None,
) -> None:
    """Show what changed between two versions of a journey map: stages, steps, emotions, pain points…

    Examples:

      journey diff old.journey.yaml new.journey.yaml

      journey diff main:maps/checkout.journey.yaml maps/checkout.journey.yaml --format markdown

      journey diff --base origin/main maps/ --exit-code

      journey diff --base origin/main maps/ --fail-on regression
    """
    from .commands.diff import DiffOptions, run

    options = DiffOptions(
        sides=tuple(sides or ()),
        base=base,
        format=format.value,
        exit_code=exit_code,
        render=render,
        fail_on=fail_on.value if fail_on else None,
        job_summary=job_summary,
    )
    raise typer.Exit(run(options))


@app.command()
def pains(
    paths: Paths = None,
    format: Annotated[PainsFormat, typer.Option("--format", "-f", help="Output format.")] = PainsFormat.text,
    top: Annotated[int | None, typer.Option("--top", min=1, metavar="N", help="Keep the N highest-scoring pain points of each file.", show_default=False)] = None,
    unaddressed: Annotated[
        bool, typer.Option("--unaddressed", help="Keep only pain points that no planned, in-progress or done opportunity addresses.")
    ] = False,
    persona: Annotated[str | None, typer.Option("--persona", help="Report the journey as this persona walks it.", show_default=False)] = None,
    weight_by_drop_off: Annotated[
        bool,
        typer.Option(
            "--weight-by-drop-off",
            help="Rank by the score × the percentage of entrants lost at the pain point's step (the funnel's drop; needs reach).",
        ),
    ] = False,
    config: Annotated[
        str | None, typer.Option("--config", help="Configuration file (journey.toml or pyproject.toml). Default: the nearest one upward.", show_default=False)
    ] = None,
) -> None:
    """Rank every pain point by score (severity × share affected × moment of truth × emotion) and show each stage's hotspots.

    Examples:

      journey pains examples/

      journey pains map.journey.yaml --unaddressed --top 5

      journey pains maps/ --persona busy-parent --format csv > pains.csv
    """
    from .commands.pains import PainsOptions, run

    raise typer.Exit(run(PainsOptions(
        paths=tuple(paths or ()), format=format.value, top=top, unaddressed=unaddressed, persona=persona,
        weight_by_drop_off=weight_by_drop_off, config=config,
    )))


@app.command()
def portfolio(
    paths: Paths = None,
    format: Annotated[PortfolioFormat, typer.Option("--format", "-f", help="Output format.")] = PortfolioFormat.text,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            metavar="NAMES",
            help=f"Comma-separated parts to show: {', '.join(choices.PORTFOLIO_SECTIONS)}. Default: all (csv: journeys, and exactly one).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", metavar="KINDS", help=f"Keep backlog opportunities of these kinds: {', '.join(choices.OPPORTUNITY_KINDS)}.", show_default=False),
    ] = None,
    top: Annotated[int | None, typer.Option("--top", min=1, metavar="N", help="Keep the N first pain points and opportunities.", show_default=False)] = None,
    config: Annotated[
        str | None, typer.Option("--config", help="Configuration file (journey.toml or pyproject.toml). Default: the nearest one upward.", show_default=False)
    ] = None,
) -> None:
    """One report over many journeys: each journey's figures, one pain ranking, the opportunity backlog, persona × phase coverage and owners.

    Examples:

      journey portfolio examples/portfolio/

      journey portfolio maps/ --section backlog --kind upsell,cross_sell

      journey portfolio maps/ --format csv --section pains > pains.csv
    """
    from .commands.portfolio import PortfolioOptions, run

    raise typer.Exit(run(PortfolioOptions(paths=tuple(paths or ()), format=format.value, sections=section, kinds=kind, top=top, config=config)))


@app.command()
def site(
    paths: Paths = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="DIR", help="The folder to write the site to (replaced as a whole on every build).", show_default=False)] = None,
    engine: Annotated[RenderEngine | None, typer.Option("--engine", help="Layout engine for the maps (as for render).", show_default=False)] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop drawing a map that takes longer than this many seconds.")] = 60.0,
    history: Annotated[int, typer.Option("--history", metavar="N", help="Show each journey's last N commits, in `journey diff`'s words, when inside a git repository; 0: none.")] = 3,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also offer each map as PDF (needs the system Graphviz; takes about as long as the rest).")] = False,
    serve: Annotated[bool, typer.Option("--serve", help="Serve the site on 127.0.0.1 and build it again whenever a journey file changes; Ctrl-C stops.")] = False,
    port: Annotated[int, typer.Option("--port", help="The port --serve listens on (0: any free port).")] = 8000,
    config: Annotated[
        str | None, typer.Option("--config", help="Configuration file (journey.toml or pyproject.toml). Default: the nearest one upward.", show_default=False)
    ] = None,
) -> None:
    """A static website of every journey: the portfolio, one page per journey with its map, pains, opportunities and owners.

    Examples:

      journey site examples/ -o site/

      journey site maps/ -o public/ --history 5

      journey site maps/ -o site/ --serve
    """
    from .commands.site import SiteOptions, run

    options = SiteOptions(
        paths=tuple(paths or ()), output=output, engine=engine.value if engine else None, timeout=timeout, history=history, pdf=pdf, serve=serve, port=port, config=config
    )
    raise typer.Exit(run(options))


@app.command()
def funnel(
    paths: Paths = None,
    format: Annotated[
        FunnelFormat | None, typer.Option("--format", "-f", help="Output format. Default: from the -o suffix, else text.", show_default=False)
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write (atomically; never an input); - for stdout. Needed for svg and png.", show_default=False)
    ] = None,
    persona: Annotated[str | None, typer.Option("--persona", help="Use the reach given for this persona.", show_default=False)] = None,
    to: Annotated[
        str | None, typer.Option("--to", metavar="STEP", help="End the main path at this step. Default: the last step with reach.", show_default=False)
    ] = None,
    engine: Annotated[RenderEngine | None, typer.Option("--engine", help="Layout engine for svg and png (as for render).", show_default=False)] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop drawing a chart that takes longer than this many seconds.")] = 60.0,
) -> None:
    """Where customers drop off: reach along the main path, the largest drops with their pain points, stage conversion.

    Examples:

      journey funnel examples/ecommerce-checkout.journey.yaml

      journey funnel map.journey.yaml --persona busy-parent --format json

      journey funnel map.journey.yaml -o funnel.png
    """
    from .commands.funnel import FunnelOptions, run

    options = FunnelOptions(
        paths=tuple(paths or ()),
        format=format.value if format else None,
        output=output,
        persona=persona,
        to=to,
        engine=engine.value if engine else None,
        timeout=timeout,
    )
    raise typer.Exit(run(options))


data_app = typer.Typer(
    name="data",
    help="Numbers from files: update metric values and reach in journey files from an analytics export.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(data_app)


@data_app.command("import")
def data_import(
    csv_file: Annotated[str, typer.Argument(metavar="FILE.csv", help="CSV with journey,step,metric,value[,as_of] columns; `reach` in the metric column sets the step's reach.", show_default=False)],
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Journey files or directories to update. Default: the current directory.", show_default=False)
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 when a file would change (for a scheduled CI job).")] = False,
    column: Annotated[
        list[str] | None,
        typer.Option("--column", metavar="KEY=HEADER", help="The CSV header of a column, e.g. --column metric=kpi (keys: journey, step, metric, value, as_of).", show_default=False),
    ] = None,
) -> None:
    """Update metric values and reach in journey files from a CSV, in place, keeping every other byte.

    Examples:

      journey data import analytics.csv maps/

      journey data import analytics.csv maps/ --check

      journey data import export.csv --column journey=map --column metric=kpi
    """
    from .commands.data import DataImportOptions, column_names, run

    names = column_names(column or [])
    raise typer.Exit(run(DataImportOptions(csv=csv_file, paths=tuple(paths or ()), check=check, columns=names)))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `journey` command; exits with 0, 1, 2 (usage) or 3 (internal error).

    ``$JOURNEY_PROFILE=FILE`` writes a cProfile of the command to FILE (docs/performance.md).
    """
    profile = os.environ.get("JOURNEY_PROFILE") if argv is None else None
    if not profile:
        _exit(_run(argv), argv)
    import cProfile

    profiler = cProfile.Profile()
    try:
        code = profiler.runcall(_run, argv)
    finally:
        profiler.dump_stats(profile)
    _exit(code, argv)


def _exit(code: int, argv: list[str] | None) -> None:
    """End the process with ``code``.

    The real command skips freeing every object of a large journey at exit (``os._exit``), unless a
    profiler or tracer (``python -m cProfile``, coverage) is watching and must write its results first.
    """
    if argv is None:
        code = _flush(code)
        if sys.getprofile() is None and sys.gettrace() is None:
            os._exit(code)
    sys.exit(code)


def _run(argv: list[str] | None) -> int:
    """Run the command line; every outcome becomes an exit code, never a traceback."""
    from .help_words import polish
    from .presentation.terminal import printable, unencodable_as_escapes
    from .signals import Interrupted, Terminated, install
    from .usage import UsageError
    from .usage import words as usage_words

    if argv is None:  # the real command; tests keep their own streams
        from .presentation import streams

        streams.guard()
    unencodable_as_escapes(sys.stdout, sys.stderr)
    command = polish(typer.main.get_command(app))
    try:
        if argv is None:  # the real command; tests keep Python's own handlers
            install()
        code = command.main(args=argv, prog_name="journey", standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except UsageError as error:
        sys.stderr.write(printable(f"journey: error: {error}") + "\n")
        code = EXIT_USAGE
    except typer.TyperException as error:  # Typer's usage errors (unknown option, bad value…)
        ctx = getattr(error, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        sys.stderr.write(printable(f"journey: error: {usage_words(error)}{hint}") + "\n")
        code = getattr(error, "exit_code", EXIT_USAGE)
    except (typer.Abort, KeyboardInterrupt, Interrupted):
        sys.stderr.write("journey: aborted\n")
        code = Interrupted.exit_code
    except Terminated:
        sys.stderr.write("journey: terminated\n")
        code = Terminated.exit_code
    except BrokenPipeError:
        code = EXIT_OK
    except OSError as error:  # the system refused: a full disk (/dev/full), a vanished directory…
        where = f": {error.filename}" if error.filename else ""
        sys.stderr.write(printable(f"journey: error: {error.strerror or error}{where}") + "\n")
        code = EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback, ever
        sys.stderr.write(
            printable(f"journey: internal error: {type(error).__name__}: {error}") + "\n"
            "This is a bug in journeycli; please report it with the file that caused it.\n"
        )
        code = EXIT_INTERNAL
    return code if isinstance(code, int) else EXIT_OK


def _flush(code: int) -> int:
    """Flush what is still buffered; output that cannot be written (a full disk) is an error, not a traceback."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    except (OSError, ValueError) as error:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"journey: error: cannot write the output: {getattr(error, 'strerror', None) or error}\n")
        code = code or EXIT_USAGE
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    return code
