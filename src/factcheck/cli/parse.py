"""`factcheck parse`: how one phrase is read, or a stream of JSON lines answered line for line."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from factcheck.cli import common
from factcheck.cli.options import TOLERANCES, tolerance_flags
from factcheck.flags import ToleranceFlags


@tolerance_flags
def parse(
    phrase: Annotated[str | None, typer.Argument(help="The figure as written, e.g. 'up to $7.6 billion'.")] = None,
    lang: Annotated[str, typer.Option("--lang", "-l", help="ISO 639-1 language of the phrase.")] = "en",
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="Publication date (ISO), the base for 'last January'. Default: today.")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='Read JSON lines {"phrase", "lang", "published"} on stdin.')] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the value as JSON.")] = False,
    tolerances: ToleranceFlags = TOLERANCES,
) -> None:
    """How one phrase is read (exit 2 if it cannot be read)."""
    from factcheck.errors import UsageError
    from factcheck.options import read_options
    from factcheck.read import parse_value
    from factcheck.read.explain import explain, parse_jsonl

    try:
        options = read_options(tolerances)
    except UsageError as exc:
        common.fail(exc.messages)
    if jsonl:
        parse_jsonl(sys.stdin, sys.stdout, options)
        return
    if phrase is None:
        common.fail(["factcheck parse: give a PHRASE, or --jsonl to read JSON lines on stdin"])
    day = common.date(published)
    try:
        value = parse_value(phrase, lang, day, options)
    except ValueError as exc:
        common.fail([f"cannot read {phrase!r} ({lang}): {exc}"])
    if json_out:
        common.write(json.dumps(value.to_json(), ensure_ascii=False) + "\n", None)
    else:
        common.write(explain(phrase, lang, day, value), None)
