"""`factcheck check --format sarif`: SARIF 2.1.0, for code-scanning dashboards (GitHub's
"Code scanning alerts", GitLab, Azure DevOps). Pure: the findings (`findings.py`) and the rules'
declarations in, one JSON document out; no timestamps, so the same input gives the same bytes.

Every rule that ran is in `tool.driver.rules` (id, name, summary, its documentation's first
paragraph, default level), plus `unreadable`, `incomparable` and any verdict named by
`--fail-on`; each result names its rule by id and index, and its place in the claims file.
A test validates the output against the official SARIF 2.1.0 JSON Schema.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.report.findings import findings
from factcheck.report.shapes import ReportRecords

_LEVEL = {"error": "error", "warning": "warning", "notice": "note"}

_PSEUDO_RULES = {
    "unreadable": "A claim whose `says`, `as_of` or `period` cannot be read.",
    "incomparable": "A claim read in another dimension than its subject's (another currency without a rate, a date among amounts).",
    "evolving": "A subject whose figure changed over time (fails only with --fail-on evolving).",
    "single-source": "A subject only one source speaks to (fails only with --fail-on single-source).",
    "incomplete": (
        "A subject several sources speak to, fewer than two of them judged (its unread claims fail; the "
        "verdict itself only with --fail-on incomplete)."
    ),
}


def _first_paragraph(doc: str) -> str:
    """The documentation's first paragraph after its title line, on one line."""
    paragraphs = [p for p in doc.split("\n\n") if p.strip()]
    body = paragraphs[1] if len(paragraphs) > 1 else (paragraphs[0] if paragraphs else "")
    return " ".join(body.split())


def render(records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    """`context.rules`: the rules that ran, as {id, name, summary, doc, severity}."""
    rules, fail_on, version = context.rules, context.fail_on, context.version
    found = findings(records, fail_on)
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule in rules:
        index[rule["id"]] = len(descriptors)
        descriptors.append(
            {
                "id": rule["id"],
                "name": rule["name"],
                "shortDescription": {"text": rule["summary"]},
                "fullDescription": {"text": _first_paragraph(rule["doc"])},
                "defaultConfiguration": {"level": "error" if rule["severity"] == "error" else "warning"},
            }
        )
    for pseudo, text in _PSEUDO_RULES.items():
        if pseudo in ("evolving", "single-source", "incomplete") and pseudo not in fail_on:
            continue
        index[pseudo] = len(descriptors)
        descriptors.append(
            {"id": pseudo, "name": pseudo, "shortDescription": {"text": text}, "defaultConfiguration": {"level": "error"}}
        )
    results = []
    for f in found:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _LEVEL[f.level],
            "message": {"text": f"{f.title}: {f.message}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file},
                        "region": {"startLine": f.line, "startColumn": f.col},
                    }
                }
            ],
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if f.level == "notice":
            result["suppressions"] = [{"kind": "inSource", "justification": "accepted: in the claims file"}]
        results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": version,
                        "informationUri": "https://pypi.org/project/factcheck/",
                        "rules": descriptors,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
