"""`factcheck schema` (the JSON Schema of claims.yaml) and `factcheck rules` (every rule)."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli import common
from factcheck.cli.options import OutputOpt


def schema(output: OutputOpt = None) -> None:
    """The JSON Schema of claims.yaml, for editors (yaml-language-server) and other tools."""
    from factcheck.load.json_schema import is_json_schema, render

    if output is not None and output.exists() and not is_json_schema(output):
        common.fail([f"{common.name(output)}: exists and is not a JSON Schema; refusing to write over it (remove it first, or choose another -o file)"])
    common.write(render(), output)


def rules(
    format: Annotated[str, typer.Option("--format", "-f", help="table or markdown (the docs/rules.md page).")] = "table",
) -> None:
    """Every rule: id, name, kinds, severity, options; --format markdown writes docs/rules.md."""
    from factcheck.formatters import rules_doc
    from factcheck.judge.rules.registry import RuleConfigError, all_rules

    try:
        found = all_rules()
    except RuleConfigError as exc:
        common.fail([f"{where}: {message}" for where, message in exc.problems])
    if format == "markdown":
        common.write(rules_doc.markdown(found), None)
    elif format == "table":
        common.write(rules_doc.table(found), None)
    else:
        common.fail([f"--format: {format!r} is not one of table, markdown"])
