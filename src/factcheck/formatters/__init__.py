"""Formatters: each a pure `render(records, ...) -> str` over the report's JSON records."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, assert_never

from factcheck import __version__
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


class ReportFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    JUNIT = "junit"
    SARIF = "sarif"


class SourcesFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def render_report(fmt: ReportFormat, records: dict[str, Any], *, width: int = 120, color: bool = False) -> str:
    match fmt:
        case ReportFormat.TABLE:

            return table.render(records, width=width, color=color)
        case ReportFormat.MARKDOWN:

            return markdown.render(records)
        case ReportFormat.JSON:

            return json_format.render(records)
        case ReportFormat.HTML:

            return html.render(records)
        case _:
            assert_never(fmt)


def render_check(
    fmt: CheckFormat,
    records: dict[str, Any],
    fail_on: tuple[str, ...] = ("conflicting",),
    rules: list[dict[str, str]] | None = None,
) -> str:
    match fmt:
        case CheckFormat.TEXT:

            return check_text.render(records, fail_on)
        case CheckFormat.GITHUB:

            return github.render(records, fail_on)
        case CheckFormat.JUNIT:

            return junit.render(records, fail_on)
        case CheckFormat.SARIF:

            return sarif.render(records, rules or [], fail_on, __version__)
        case CheckFormat.JSON:

            return json_format.render(records)
        case _:
            assert_never(fmt)


def render_sources(fmt: SourcesFormat, records: dict[str, Any], *, width: int = 120, color: bool = False) -> str:
    match fmt:
        case SourcesFormat.TABLE:

            return sources_table.render(records, width=width, color=color)
        case SourcesFormat.JSON:

            return json_format.render(records)
        case _:
            assert_never(fmt)
