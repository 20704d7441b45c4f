"""The command line: one typer app, one module per command; `main` is the console entry point.

Commands parse options, call the library, pick a formatter and set the exit code; the work is
in the library. Library modules are imported inside the commands, so `factcheck --help` loads
none of them (no pydantic, pint, rich or YAML). Exit codes: 0 done/clean, 1 findings
(`check`, `verify`), 2 unusable input.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from factcheck.cli import accept, check, extract, parse, report, schema, sources
from factcheck.cli.common import EXIT_OK, fail

app = typer.Typer(
    name="factcheck",
    help="Do your sources agree? Judge the claims in claims.yaml: consistent, evolving, "
    "conflicting, single-source or incomplete, with the reason in words.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from factcheck import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Do your sources agree? Judge the claims in claims.yaml."""
    from factcheck.load.claims_file import SettingError, max_file_bytes
    from factcheck.provenance.paths import max_document_bytes

    try:  # size limits from the environment: refused before anything is read
        max_file_bytes()
        max_document_bytes()
    except SettingError as exc:
        fail([str(exc)])


# In the order `factcheck --help` lists them.
app.command()(report.report)
app.command()(check.check)
app.command(name="verify")(check.verify)
app.command()(extract.extract)
app.command()(report.explain)
app.command()(sources.sources)
app.command()(accept.accept)
app.command()(schema.schema)
app.command(name="rules")(schema.rules)
app.command()(parse.parse)


def main() -> None:
    """Console entry point: never a traceback for the user."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot encode a character (PYTHONIOENCODING=ascii) gets it
        # as a backslash escape instead of a UnicodeEncodeError.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
