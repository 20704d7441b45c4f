"""`factcheck check --format junit`: one JUnit test case per subject, for CI systems that
show JUnit results (GitLab, Jenkins, Azure). A subject with an error finding is a failure,
with the finding's location and message; warnings go to `system-out`. Built with the standard
library's ElementTree, which escapes all text: a quote cannot break the XML.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.report.findings import findings
from factcheck.report.shapes import ReportRecords
from factcheck.safe_text import printable


def render(records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    fail_on = context.fail_on
    by_subject: dict[str, list[Any]] = {}
    for f in findings(records, fail_on):
        by_subject.setdefault(f.subject, []).append(f)
    suite = ET.Element("testsuite", name="factcheck", tests=str(len(records["subjects"])))
    failures = 0
    for s in records["subjects"]:
        case = ET.SubElement(suite, "testcase", classname=f"factcheck.{s['kind']}", name=s["id"])
        mine = by_subject.get(s["id"], [])
        errors = [f for f in mine if f.level == "error"]
        if errors:
            failures += 1
            _failure(case, errors[0].rule, f"{errors[0].file}:{errors[0].line}:{errors[0].col}: {errors[0].title}",
                     [f"{f.file}:{f.line}:{f.col}: {f.title}: {f.message}" for f in errors])
        others = [f for f in mine if f.level != "error"]
        out = f"{s['verdict']}: {printable(s['reason'])}"
        if others:
            out += "\n" + "\n".join(printable(f"{f.level}: {f.file}:{f.line}:{f.col}: {f.title}: {f.message}") for f in others)
        ET.SubElement(case, "system-out").text = out
    if records.get("command") == "verify":
        failures += _verify_cases(suite, records["verification"], records.get("file", ""))
        suite.set("tests", str(len(records["verification"]["claims"])))
    suite.set("failures", str(failures))
    suites = ET.Element("testsuites", name="factcheck", tests=suite.get("tests", "0"), failures=str(failures))
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _failure(case: ET.Element, rule: str, message: str, lines: list[str]) -> None:
    """A test case's failure: the first error as its message, every error in its text."""
    failure = ET.SubElement(case, "failure", type=rule, message=printable(message))
    failure.text = "\n".join(printable(line) for line in lines)


def _verify_cases(suite: ET.Element, verification: dict[str, Any], file: str) -> int:
    """`factcheck verify`: one test case per claim, failing on its error findings."""
    by_claim: dict[int, list[dict[str, Any]]] = {}
    for f in verification["findings"]:
        by_claim.setdefault(f["claim"], []).append(f)
    failures = 0
    for c in verification["claims"]:
        case = ET.SubElement(suite, "testcase", classname=f"factcheck.verify.{c['source']}",
                             name=f"claim {c['claim'] + 1}: {c['subject']}")
        mine = by_claim.get(c["claim"], [])
        errors = [f for f in mine if f["level"] == "error"]
        if errors:
            failures += 1
            _failure(case, errors[0]["rule"], f"{errors[0]['location']}: {errors[0]['rule']} {errors[0]['name']}",
                     [f"{f['location']}: {f['rule']} {f['name']}: {f['message']}" for f in errors])
        out = f"quote: {c['quote']}" + (f" ({c['similarity']:g}% alike, {c['where']})" if "similarity" in c else "")
        warnings = [f for f in mine if f["level"] != "error"]
        if warnings:
            out += "\n" + "\n".join(printable(f"warning: {f['location']}: {f['rule']} {f['name']}: {f['message']}") for f in warnings)
        ET.SubElement(case, "system-out").text = out
    return failures
