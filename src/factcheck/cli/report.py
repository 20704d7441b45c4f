"""`factcheck report` (every subject) and `factcheck explain` (one subject, step by step)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import common
from factcheck.cli.options import (
    JUDGE,
    ClaimsArg,
    ClaimsSetArg,
    JobsOpt,
    OutputOpt,
    judge_flags,
)
from factcheck.flags import JudgeFlags

#: `report -o FILE` picks the format from the file's suffix when --format is not given.
_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html"}


@judge_flags
def report(
    claims: ClaimsSetArg = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="table, markdown, html or json. Default: from the -o file's suffix (.md, .html, .json), else table."),
    ] = None,
    output: OutputOpt = None,
    judge: JudgeFlags = JUDGE,
    jobs: JobsOpt = None,
) -> None:
    """Every subject with its verdict, figures and reason."""
    from factcheck.formatters import RenderContext, ReportFormat, render

    if format is None:
        format = _BY_SUFFIX.get(output.suffix.lower() if output else "", "table")
    fmt = common.choice(ReportFormat, format, "--format")
    paths = claims or [Path("claims.yaml")]
    inputs = common.inputs(paths, judge.config)
    if output is not None:  # refused before the work, not after
        common.refuse_output(output, inputs)
    records = common.records(paths, common.judge_options(paths[0], judge), jobs=jobs)
    width, color = common.terminal() if output is None else (120, False)
    common.write(render(fmt, records, RenderContext(width=width, color=color)), output, inputs)


@judge_flags
def explain(
    subject: Annotated[str, typer.Argument(help="The subject's id (as in claims.yaml).")],
    claims: ClaimsArg = Path("claims.yaml"),
    judge: JudgeFlags = JUDGE,
) -> None:
    """One subject's reasoning step by step: each claim and how it was read, the rules, the verdict, a timeline."""
    from factcheck.errors import did_you_mean
    from factcheck.formatters import explain as explain_format
    from factcheck.load.schema import SubjectKind

    options = common.judge_options(claims, judge)
    records = common.records(claims, options)
    found = next((s for s in records["subjects"] if s["id"] == subject), None)
    if found is None:
        ids = [s["id"] for s in records["subjects"]]
        common.fail([f"{claims}: no subject {subject!r}{did_you_mean(subject, ids, 0.5, prefix=True)}"])
    rules = [r.record() for r in options.rules.for_kind(SubjectKind(found["kind"]))] if options.rules else []
    common.write(explain_format.render(found, rules), None)
