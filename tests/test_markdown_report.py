"""The shared markdown report: contents, emphasis, links and the Mermaid chart stay safe."""

from __future__ import annotations

import re

from factcheck.formatters.markdown import emphasised, mermaid_chart, render, safe_url
from factcheck.report.records import to_dict
from tests.conftest import ROOT


def _records():  # type: ignore[no-untyped-def]
    from factcheck.api import check_file

    return to_dict(check_file(ROOT / "claims.yaml"))


def test_every_subject_is_in_the_contents_and_every_link_has_its_anchor() -> None:
    text = render(_records())
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    headings = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^## (.+)$", text, re.M)}
    targets = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert targets <= anchors | headings
    assert len(anchors) == len(_records()["subjects"])


def test_the_figure_is_bold_in_its_quote_and_text_stays_escaped() -> None:
    assert emphasised("Italy invested up to $7.6 billion.", "up to $7.6 billion") == "Italy invested **up to $7.6 billion**."
    assert emphasised("A | B *x* <b>", "*x*") == "A \\| B **\\*x\\*** &lt;b&gt;"
    assert emphasised("no figure here", "250") == "no figure here"
    assert emphasised("# heading?", "250") == "\\# heading?"


def test_only_http_links_are_written_and_they_cannot_break_out() -> None:
    assert safe_url("https://example.org/a)b(c[d]<e>") == "https://example.org/a%29b%28c%5Bd%5D%3Ce%3E"
    assert safe_url("https://example.org/a b") is None  # not a URL: shown as text
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("/relative") is None
    assert safe_url(None) is None


def test_the_mermaid_chart_is_drawn_for_evolving_subjects_with_clean_labels() -> None:
    subject = next(s for s in _records()["subjects"] if s["id"] == "italy-investment-cumulative")
    chart = mermaid_chart(subject)
    assert chart[0] == "```mermaid" and chart[1] == "xychart-beta" and chart[-1] == "```"
    assert '    y-axis "$ bn"' in chart
    assert '    x-axis "months after 2017-08" 0 --> 100' in chart  # to scale: test_charts.py
    lines = [line for line in chart if line.startswith("    line [")]
    assert lines[0].startswith("    line [5.4, ") and lines[0].endswith(", 7.6, 7, 7.1, 7.2]")
    assert lines[1].startswith("    line [6.6, ") and lines[1].endswith(", 7.6, 7, 7.5, 8]")
    hostile = {**subject, "id": 'x"]\n```<script>', "claims": [
        {**c, "source": 'evil"] line [1', "time": c["time"]} for c in subject["claims"]
    ]}
    chart = mermaid_chart(hostile)
    axis = next(line for line in chart if line.startswith("    x-axis"))
    assert re.fullmatch(r'    x-axis "[0-9A-Za-z .:\-]*" \d+ --> \d+', axis), axis
    assert all("<" not in line and "\n" not in line for line in chart)
    consistent = next(s for s in _records()["subjects"] if s["verdict"] == "consistent")
    assert mermaid_chart(consistent) == []
