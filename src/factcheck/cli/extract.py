"""`factcheck extract`: candidate claims from a document, to paste into claims.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import common
from factcheck.cli.options import MaxDocumentOpt, OutputOpt


def extract(
    document: Annotated[Path, typer.Argument(help="The document: text, Markdown, HTML or PDF.", show_default=False)],
    source: Annotated[
        str, typer.Option("--source", "-s", help="The id of the source the document is (in the claims file; else give --language and --published).")
    ],
    claims: Annotated[Path | None, typer.Option("--claims", help=(
        "The claims file: the source's language and date, subjects to suggest, claims already made. Default: "
        "claims.yaml when it exists."
    ), show_default=False)] = None,
    language: Annotated[str | None, typer.Option("--language", help="For a source not in the claims file: its ISO 639-1 language.")] = None,
    published: Annotated[
        str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="For a source not in the claims file: its publication date.")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="yaml (to paste into claims.yaml) or json.")] = "yaml",
    new_only: Annotated[bool, typer.Option("--new-only", help="Leave out the figures the claims file already has.")] = False,
    output: OutputOpt = None,
    max_document_mb: MaxDocumentOpt = None,
) -> None:
    """Propose candidate claims from a document: every figure, date and rank, with its sentence as the quote."""
    from factcheck.errors import UsageError
    from factcheck.provenance import extract as ex
    from factcheck.provenance.documents import read_document
    from factcheck.provenance.paths import DocumentError

    if format not in ("yaml", "json"):
        common.fail([f"--format: {format!r} is not one of yaml, json"])
    claims_path = claims if claims is not None else (Path("claims.yaml") if Path("claims.yaml").is_file() else None)
    inputs = [document, *([claims_path] if claims_path else [])]
    if output is not None:
        common.refuse_output(output, inputs)
    data = common.load(claims_path).loaded.data if claims_path is not None else None
    day = common.date(published) if published else None
    try:
        the_source = ex.source_for(data, source, language, day)
    except UsageError as exc:
        common.fail(exc.messages)
    if the_source is None:
        where = f"{claims_path} has no source {source!r}" if claims_path else "no claims file"
        common.fail([f"--source: {where}; give --language and --published for a new source"])
    try:
        doc = read_document(document, document.as_posix(), common.document_limit(max_document_mb))
    except DocumentError as exc:
        common.fail([f"{common.name(document)}: {exc}"])
    found = ex.candidates(doc, the_source, data)
    if new_only:
        found = [c for c in found if c.already is None]
    import shlex

    command = f"factcheck extract {shlex.quote(document.as_posix())} --source {shlex.quote(source)}"
    common.write(ex.to_json(found, doc) if format == "json" else ex.to_yaml(found, doc, command), output, inputs)
