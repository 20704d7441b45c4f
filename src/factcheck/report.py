"""Report → plain records: the one serialisation seam every formatter builds on.

`to_dict(report)` is the JSON of `factcheck report --format json` (SPEC §4, with more keys);
the table, markdown and check formatters render from the same records, so what a person reads
and what a script reads cannot drift apart.

`location` (file:line:col) is present on the claims that need attention (unreadable,
incomparable, or named in a conflict): positions are computed only when something is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factcheck.claims import ReadClaim, span_label
from factcheck.diagnostics import Diagnostic
from factcheck.engine import ProblemKind, SubjectResult, Verdict
from factcheck.humanize import figure, rounded

@dataclass(frozen=True)
class Report:
    file: str
    results: tuple[SubjectResult, ...]
    locate: Callable[[tuple[str | int, ...]], Diagnostic]


def to_dict(report: Report) -> dict[str, Any]:
    attention: dict[int, str] = {}  # claim index -> the key to point at
    for result in report.results:
        for p in result.problems:
            attention[p.claim.index] = p.field
        for conflict in result.conflicts:
            for rc in (conflict.first, conflict.second):
                attention.setdefault(rc.index, "says")

    located: dict[int, str] = {}

    def location(index: int) -> str:
        if index not in located:
            located[index] = report.locate(("claims", index, attention[index])).location
        return located[index]

    subjects = []
    problems = []
    for result in report.results:
        problem_of = {p.claim.index: p for p in result.problems}
        claims = []
        for rc in result.claims:
            record = _claim(rc)
            problem = problem_of.get(rc.index)
            if problem is not None:
                record["status"] = problem.kind.value
                record["error"] = problem.message
            if rc.index in attention:
                record["location"] = location(rc.index)
            claims.append(record)
            if problem is not None:
                problems.append(
                    {
                        "kind": problem.kind.value,
                        "subject": result.subject.id,
                        "source": rc.source.id,
                        "says": rc.says,
                        "field": problem.field,
                        "location": record["location"],
                        "message": problem.message,
                    }
                )
        subjects.append(
            {
                "id": result.subject.id,
                "title": result.subject.title,
                "kind": result.subject.kind.value,
                "unit": result.subject.unit,
                "verdict": result.verdict.value,
                "reason": result.reason,
                **({"tolerances": result.subject.tolerances.model_dump(exclude_none=True)}
                   if result.subject.tolerances else {}),
                "claims": claims,
                "conflicts": [
                    {
                        "rule": c.rule,
                        "claims": [c.first.index, c.second.index],
                        "location": location(c.second.index),
                        "message": c.why,
                    }
                    for c in result.conflicts
                ],
            }
        )
    summary = {v.value: 0 for v in (Verdict.CONSISTENT, Verdict.EVOLVING, Verdict.CONFLICTING, Verdict.SINGLE_SOURCE)}
    for result in report.results:
        summary[result.verdict.value] += 1
    n_claims = sum(len(r.claims) for r in report.results)
    return {
        "file": report.file,
        "subjects": subjects,
        "problems": problems,
        "summary": summary,
        "counts": {
            "subjects": len(report.results),
            "claims": n_claims,
            "unreadable": sum(p["kind"] == ProblemKind.UNREADABLE.value for p in problems),
            "incomparable": sum(p["kind"] == ProblemKind.INCOMPARABLE.value for p in problems),
        },
    }


def _claim(rc: ReadClaim) -> dict[str, Any]:
    record: dict[str, Any] = {
        "index": rc.index,
        "source": rc.source.id,
        "source_title": rc.source.title,
        "publisher": rc.source.publisher,
        "language": rc.source.language,
        "url": rc.source.url,
        "says": rc.says,
        "quote": rc.claim.quote,
        "time": rc.time_label,
        "status": "judged",
        "value": None,
    }
    if rc.period is not None:
        record["period"] = span_label(rc.period)
    if rc.conversion is not None:
        # `value` stays the reading of `says`; the judged amount is under `converted`.
        assert rc.value is not None
        record["value"] = rc.conversion.original.to_json()
        record["figure"] = figure(rc.conversion.original)
        record["converted"] = {**rc.value.to_json(), **rc.conversion.to_json()}
        record["converted_figure"] = figure(rounded(rc.value))
    elif rc.value is not None:
        record["value"] = rc.value.to_json()
        record["figure"] = figure(rc.value)
    return record


def failing(records: dict[str, Any]) -> bool:
    """What `factcheck check` fails on: conflicts, unreadable and incomparable claims."""
    return bool(records["summary"]["conflicting"] or records["problems"])
