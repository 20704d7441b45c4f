"""`factcheck check --format github`: GitHub Actions workflow commands, one per finding.

`::error file=claims.yaml,line=210,col=11,title=FC101 conflicting …::message` puts the finding
on that line of the pull request's diff. Chosen automatically when `GITHUB_ACTIONS=true`. Text
from the claims file is escaped as the workflow-command syntax requires (`%`, CR and LF in the
message; also `:` and `,` in properties), so a quote cannot end the command or start another.
"""

from __future__ import annotations

from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.report.findings import findings
from factcheck.report.shapes import ReportRecords
from factcheck.safe_text import printable


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    fail_on = context.fail_on
    lines = []
    for f in findings(records, fail_on):
        props = f"file={_property(printable(f.file))},line={f.line},col={f.col},title={_property(printable(f.title))}"
        lines.append(f"::{f.level} {props}::{_data(printable(f.message))}")
    counts = records["counts"]
    lines.append(f"factcheck: {counts['subjects']} subjects, {counts['claims']} claims checked; "
                 f"{sum(line.startswith('::error') for line in lines)} error(s).")
    return "\n".join(lines) + "\n"
