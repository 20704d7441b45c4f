"""`factcheck check` (for CI: findings and an exit code) and `factcheck verify` (claims against
their source documents)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.cli import common
from factcheck.cli.options import (
    JUDGE,
    AllowOutsideOpt,
    ClaimsSetArg,
    JobsOpt,
    MaxDocumentOpt,
    MinSimilarityOpt,
    judge_flags,
)
from factcheck.flags import JudgeFlags, codes

if TYPE_CHECKING:
    from factcheck.formatters import CheckFormat


def _format(value: str | None) -> CheckFormat:
    """github annotations inside GitHub Actions, else text."""
    from factcheck.formatters import CheckFormat

    if value is None:
        value = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return common.choice(CheckFormat, value, "--format")


@judge_flags
def check(
    claims: Annotated[
        list[Path] | None,
        typer.Argument(help=(
            "The claims file(s) or folder(s), as one set: sources and subjects may be shared across files. "
            "Default: claims.yaml."
        ), show_default=False),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, github (workflow annotations), sarif, junit or json. Default: github when GITHUB_ACTIONS=true, else text."),
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", metavar="VERDICTS", help=(
            "Verdicts that fail the check: conflicting, incomplete, evolving, single-source (comma-separated or "
            "repeated). Default: conflicting. Unreadable and incomparable claims and stale acceptances always "
            "fail."
        )),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", metavar="REV", help=(
            "Fail only on what changed since git revision REV (a branch, tag or commit): findings already there "
            "are shown as notes, and those fixed are listed."
        )),
    ] = None,
    judge: JudgeFlags = JUDGE,
    verify: Annotated[
        bool, typer.Option("--verify", help="Also verify every claim against its source's document (factcheck verify), in the same run.")
    ] = False,
    min_similarity: MinSimilarityOpt = 90.0,
    allow_outside_paths: AllowOutsideOpt = False,
    max_document_mb: MaxDocumentOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """For CI: print what needs attention; exit 1 on conflicts or claims that cannot be judged."""
    from factcheck.api import records_against
    from factcheck.cli.progress import ProgressBar
    from factcheck.formatters import RenderContext, render
    from factcheck.report.baseline import BaselineError
    from factcheck.report.findings import FAILING_VERDICTS, failing

    fmt = _format(format)
    verdicts = tuple(codes(fail_on) or ["conflicting"])
    unknown = [v for v in verdicts if v not in FAILING_VERDICTS]
    if unknown:
        common.fail([f"--fail-on: {unknown[0]!r} is not one of {', '.join(FAILING_VERDICTS)}"])
    paths = claims or [Path("claims.yaml")]
    options = common.judge_options(paths[0], judge)
    with ProgressBar() as progress:
        loaded = common.load(paths, progress)
    verification = common.verification(loaded, min_similarity, allow_outside_paths, max_document_mb) if verify else None
    records = common.records(paths, options, frozenset(verdicts) - {"conflicting"}, loaded, jobs)
    if baseline is not None:
        try:
            records = records_against(paths, records, options, baseline, verdicts)
        except BaselineError as exc:
            common.fail([str(exc)])
    rules = [r.record() for r in options.rules.rules] if options.rules is not None else []
    if verification is not None:
        from factcheck.provenance.verify import check_rules

        records["verification"] = verification
        rules += check_rules()
    common.write(render(fmt, records, RenderContext(fail_on=verdicts, rules=tuple(rules))), None)
    raise typer.Exit(common.EXIT_FINDINGS if failing(records, verdicts) else common.EXIT_OK)


def verify(
    claims: ClaimsSetArg = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, github, sarif, junit or json (as for check). Default: github when GITHUB_ACTIONS=true, else text."),
    ] = None,
    min_similarity: MinSimilarityOpt = 90.0,
    allow_outside_paths: AllowOutsideOpt = False,
    max_document_mb: MaxDocumentOpt = None,
) -> None:
    """Prove each claim against its source's document (`path:`): the quote is in it, `says` is in the quote, the figure reads the same. Exit 1 on errors."""
    from factcheck.formatters import CheckFormat, RenderContext, json_format, render
    from factcheck.provenance.verify import check_rules, verification_records
    from factcheck.report.findings import failing

    fmt = _format(format)
    loaded = common.load(claims or [Path("claims.yaml")])
    verification = common.verification(loaded, min_similarity, allow_outside_paths, max_document_mb)
    records = verification_records(loaded, verification)
    if fmt is CheckFormat.JSON:
        common.write(json_format.render({"file": records["file"], **verification}), None)
    else:
        common.write(render(fmt, records, RenderContext(rules=tuple(check_rules()))), None)
    raise typer.Exit(common.EXIT_FINDINGS if failing(records) else common.EXIT_OK)
