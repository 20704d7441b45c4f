"""`factcheck accept`: the one command that edits claims.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import common
from factcheck.cli.options import ClaimsArg


def accept(
    subject: Annotated[str, typer.Argument(help="The subject's id.")],
    claims: ClaimsArg = Path("claims.yaml"),
    reason: Annotated[str | None, typer.Option("--reason", "-r", help="Why the discrepancy is accepted (mandatory unless --remove).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Accept only this source's claims on the subject, not the whole subject.")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove the acceptance instead (e.g. a stale one, FC900).")] = False,
) -> None:
    """Write `accepted: REASON` into claims.yaml for a subject (or a source's claims on it),
    keeping comments, order and layout. The one command that edits claims.yaml."""
    from factcheck.errors import UnusableInput
    from factcheck.load.edit import EditError, accept_in_file
    from factcheck.load.jsonl import is_jsonl
    from factcheck.safe_text import printable

    if remove == (reason is not None):
        common.fail(["factcheck accept: give --reason TEXT, or --remove"])
    if reason is not None and not reason.strip():
        common.fail(["--reason: give the reason the discrepancy is accepted"])
    name = common.name(claims)
    if is_jsonl(claims):
        common.fail([(f"{name}: accept edits YAML claims files; a claims.jsonl comes from a pipeline: write "
                      '"accepted": "REASON" on the claim\'s line there, or accept the subject in the YAML file that defines it')])
    try:
        what = accept_in_file(claims, subject, reason, source)
    except UnusableInput as exc:
        common.fail([*map(str, exc.diagnostics), "the claims file cannot be edited."])
    except EditError as exc:
        common.fail([f"{name}: {exc}"])
    except OSError as exc:
        common.fail([f"{name}: cannot write: {exc.strerror or exc}"])
    verb = "removed the acceptance of" if remove else "accepted"
    for item in what:
        typer.echo(f"{name}: {verb} {printable(item)}")
