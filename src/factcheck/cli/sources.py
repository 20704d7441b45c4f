"""`factcheck sources`: each source's track record across subjects."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import common
from factcheck.cli.options import (
    ClaimsArg,
    ConfigOpt,
    IgnoreOpt,
    NoConfigOpt,
    SelectOpt,
    WindowOpt,
)
from factcheck.flags import JudgeFlags


def sources(
    claims: ClaimsArg = Path("claims.yaml"),
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    window_days: WindowOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    """Each source's track record: corroborated, contradicted, uncorroborated claims, and copies."""
    from factcheck.api import check_loaded
    from factcheck.formatters import RenderContext, SourcesFormat, render
    from factcheck.sources.track_record import sources_records, track_records

    fmt = common.choice(SourcesFormat, format, "--format")
    flags = JudgeFlags(window_days=window_days, select=tuple(select) if select is not None else None,
                       ignore=tuple(ignore or ()), config=config, no_config=no_config)
    options = common.judge_options(claims, flags)
    report = check_loaded(common.load(claims), options)
    records, copies = track_records(report.results, report.sources, options.rules)
    width, color = common.terminal()
    common.write(render(fmt, sources_records(records, copies, report.file), RenderContext(width=width, color=color)), None)
