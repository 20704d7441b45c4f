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
    JobsOpt,
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
    jobs: JobsOpt = None,
) -> None:
    """Each source's track record: corroborated, contradicted, uncorroborated claims, and copies."""
    from factcheck.formatters import RenderContext, SourcesFormat, render
    from factcheck.sources.track_record import sources_records

    fmt = common.choice(SourcesFormat, format, "--format")
    flags = JudgeFlags(window_days=window_days, select=tuple(select) if select is not None else None,
                       ignore=tuple(ignore or ()), config=config, no_config=no_config)
    options = common.judge_options(claims, flags)
    loaded = common.load(claims)
    records = common.records(claims, options, loaded=loaded, jobs=jobs)
    width, color = common.terminal()
    common.write(render(fmt, sources_records(records, loaded.loaded.data.sources), RenderContext(width=width, color=color)), None)
