"""Formatters: each a pure `render(records, context) -> str` over the report's JSON records,
found through one registry (`render`), keyed by the command's format enum.

Every formatter module is light to import: the ones that draw with rich import it when they
render, so `factcheck check` never pays for the table's library.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, overload

from factcheck.formatters import (
    check_text,
    github,
    html,
    json_format,
    junit,
    markdown,
    sarif,
    sources_table,
    table,
)
from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.report.shapes import ReportRecords, SourcesRecords


class ReportFormat(StrEnum):
    """`factcheck report --format`."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"


class CheckFormat(StrEnum):
    """`factcheck check --format` (and `verify`)."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    JUNIT = "junit"
    SARIF = "sarif"


class SourcesFormat(StrEnum):
    """`factcheck sources --format`."""

    TABLE = "table"
    JSON = "json"


Format = ReportFormat | CheckFormat | SourcesFormat
#: A formatter's `render`. Its records are `ReportRecords` or `SourcesRecords` as its enum says;
#: `render` below states which goes with which.
Renderer = Callable[[Any, RenderContext], str]

#: The one registry. Keyed by (enum, value): `ReportFormat.TABLE` and `SourcesFormat.TABLE`
#: are equal strings, and different tables.
FORMATTERS: dict[tuple[type[StrEnum], str], Renderer] = {
    (ReportFormat, "table"): table.render,
    (ReportFormat, "markdown"): markdown.render,
    (ReportFormat, "json"): json_format.render,
    (ReportFormat, "html"): html.render,
    (CheckFormat, "text"): check_text.render,
    (CheckFormat, "json"): json_format.render,
    (CheckFormat, "github"): github.render,
    (CheckFormat, "junit"): junit.render,
    (CheckFormat, "sarif"): sarif.render,
    (SourcesFormat, "table"): sources_table.render,
    (SourcesFormat, "json"): json_format.render,
}


@overload
def render(fmt: ReportFormat | CheckFormat, records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str: ...
@overload
def render(fmt: SourcesFormat, records: SourcesRecords, context: RenderContext = DEFAULT_CONTEXT) -> str: ...
def render(fmt: Format, records: ReportRecords | SourcesRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    """The records in format `fmt`."""
    return FORMATTERS[(type(fmt), fmt.value)](records, context)


def render_report(fmt: ReportFormat, records: ReportRecords, *, width: int = 120, color: bool = False) -> str:
    """`render` for a report format, with the terminal's width and colour."""
    return render(fmt, records, RenderContext(width=width, color=color))


def render_check(
    fmt: CheckFormat,
    records: ReportRecords,
    fail_on: tuple[str, ...] = ("conflicting",),
    rules: list[dict[str, str]] | None = None,
) -> str:
    """`render` for a check format, with the failing verdicts and the rules that ran."""
    return render(fmt, records, RenderContext(fail_on=fail_on, rules=tuple(rules or ())))


__all__ = ["FORMATTERS", "CheckFormat", "Format", "RenderContext", "ReportFormat", "SourcesFormat", "render", "render_check", "render_report"]
