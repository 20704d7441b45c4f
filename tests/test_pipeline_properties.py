"""Whole-pipeline property: any claims file either is refused with positioned errors, or is
judged and rendered in every format, with every claim judged or reported — never a crash."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.api import check_document
from factcheck.errors import UnusableInput
from factcheck.formatters import CheckFormat, ReportFormat, render_check, render_report
from factcheck.load.claims_file import load_claims_text
from factcheck.report.records import to_dict
from tests.test_properties import PHRASES

KINDS = st.sampled_from(["constant", "level", "cumulative", "flow"])
UNITS = st.sampled_from([None, None, "USD", "%", "dollars", "rank", "zorkmids"])
TIMES = st.sampled_from([None, None, "2024", "2025-03", "last year", "the first eight months of the year", "boh"])


@st.composite
def claims_files(draw):  # type: ignore[no-untyped-def]
    n_sources = draw(st.integers(1, 3))
    n_subjects = draw(st.integers(1, 3))
    lines = ["version: 1", "sources:"]
    for i in range(n_sources):
        day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
        lang = draw(st.sampled_from(["en", "it", "en", "xx"]))
        lines += [f"  - id: s{i}", f"    title: {json.dumps(draw(st.text(max_size=20)))}",
                  f"    published: {day.isoformat()}", f"    language: {lang}"]
    lines.append("subjects:")
    for j in range(n_subjects):
        lines += [f"  - id: t{j}", "    title: T", f"    kind: {draw(KINDS)}"]
        unit = draw(UNITS)
        if unit:
            lines.append(f"    unit: {json.dumps(unit)}")
    lines.append("claims:")
    for _ in range(draw(st.integers(0, 8))):
        lines += [f"  - subject: t{draw(st.integers(0, n_subjects - 1))}",
                  f"    source: s{draw(st.integers(0, n_sources - 1))}",
                  f"    says: {json.dumps(draw(PHRASES))}", f"    quote: {json.dumps(draw(st.text(max_size=30)))}"]
        for key in ("as_of", "period"):
            value = draw(TIMES)
            if value:
                lines.append(f"    {key}: {json.dumps(value)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims_files())
def test_any_claims_file_is_judged_or_refused_never_crashes(text: str) -> None:
    try:
        doc = load_claims_text(text, "claims.yaml")
    except UnusableInput as exc:
        assert exc.diagnostics and all(d.line >= 1 and d.col >= 1 for d in exc.diagnostics)
        return
    records = to_dict(check_document(doc))
    n_claims = len(doc.data.claims)
    assert sum(len(s["claims"]) for s in records["subjects"]) == n_claims  # nothing dropped
    for subject in records["subjects"]:
        for claim in subject["claims"]:
            if claim["status"] == "judged":
                assert claim["value"] is not None and "error" not in claim
            else:  # reported, with where and why: never dropped silently
                assert claim["location"].startswith("claims.yaml:") and claim["error"]
                assert claim["status"] in ("unreadable", "incomparable")
                assert (claim["value"] is None) == (claim["status"] == "unreadable")
    outputs = [render_report(f, records, width=100) for f in ReportFormat] + [render_check(f, records) for f in CheckFormat]
    again = to_dict(check_document(load_claims_text(text, "claims.yaml")))
    assert outputs == [render_report(f, again, width=100) for f in ReportFormat] + [render_check(f, again) for f in CheckFormat]
    json.loads(outputs[2])
