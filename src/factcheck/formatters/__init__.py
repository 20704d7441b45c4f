"""Formatters: each a pure `render(records, ...) -> str` over the report's JSON records."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, assert_never


class ReportFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class SourcesFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def render_report(fmt: ReportFormat, records: dict[str, Any], *, width: int = 120, color: bool = False) -> str:
    match fmt:
        case ReportFormat.TABLE:
            from factcheck.formatters import table

            return table.render(records, width=width, color=color)
        case ReportFormat.MARKDOWN:
            from factcheck.formatters import markdown

            return markdown.render(records)
        case ReportFormat.JSON:
            from factcheck.formatters import json_format

            return json_format.render(records)
        case _:
            assert_never(fmt)


def render_check(fmt: CheckFormat, records: dict[str, Any]) -> str:
    match fmt:
        case CheckFormat.TEXT:
            from factcheck.formatters import check_text

            return check_text.render(records)
        case CheckFormat.JSON:
            from factcheck.formatters import json_format

            return json_format.render(records)
        case _:
            assert_never(fmt)


def render_sources(fmt: SourcesFormat, records: dict[str, Any], *, width: int = 120, color: bool = False) -> str:
    match fmt:
        case SourcesFormat.TABLE:
            from factcheck.formatters import sources_table

            return sources_table.render(records, width=width, color=color)
        case SourcesFormat.JSON:
            import json

            return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
        case _:
            assert_never(fmt)
