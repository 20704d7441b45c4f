"""The markdown discrepancy report: summary, contents, conflicting subjects first, each with its
claims in time order, the quote with the figure in bold, links to the sources, accepted
discrepancies in their own section, and a Mermaid chart of the figures over time for evolving
subjects (GitHub renders Mermaid).

Every piece of text from the claims file is escaped (`text.markdown_inline`): a quote cannot
break a table, start a heading, make a link or inject HTML. The only links are the ones this
module writes: to a source's `url` when it is http(s), percent-encoded (`safe_url`), and to the
report's own headings. Chart labels are reduced to letters, digits and a few signs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import quote

from factcheck.formatters.common import chart_points, claim_time, read_as, reconciliation_lines, when_said
from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.formatters.table import ORDER, summary_line, verdict_label
from factcheck.read.humanize import significant, value_axis
from factcheck.report.shapes import ReportRecords, SubjectRecord
from factcheck.safe_text import emphasise
from factcheck.safe_text import markdown_inline as md

_HEADINGS = {
    "conflicting": "Conflicting: some claims cannot all be true",
    "evolving": "Evolving: the figure changed over time in a way the subject allows",
    "consistent": "Consistent: every claim can be true at once",
    "single-source": "Single source: nothing to cross-check",
    "incomplete": "Incomplete: several sources spoke, but too few of their claims could be judged",
}
_ACCEPTED = "Accepted discrepancies: known, explained, not failing"
_PROBLEMS = "Claims that could not be judged"


def render(records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    out: list[str] = [f"# Discrepancy report: {md(records['file'])}", ""]
    out += [summary_line(records), ""]
    groups = subject_groups(records)
    out += ["| Verdict | Subjects | Which |", "|---|---|---|"]
    for key, _, subjects in groups:
        names = ", ".join(f"[{md(s['id'])}](#{anchor(s)})" for s in subjects)
        out.append(f"| {group_label(key)} | {len(subjects)} | {names} |")
    out.append("")
    sections = [(heading, subjects) for _, heading, subjects in groups if subjects]
    out += ["## Contents", ""]
    for heading, subjects in sections:
        out.append(f"- [{heading}](#{_slug(heading)})")
        out += [f"  - [{md(s['title'])}](#{anchor(s)})" for s in subjects]
    if records["problems"]:
        out.append(f"- [{_PROBLEMS}](#{_slug(_PROBLEMS)})")
    out.append("")
    for heading, subjects in sections:
        out += [f"## {heading}", ""]
        for subject in subjects:
            out += _subject(subject)
    if records["problems"]:
        out += [f"## {_PROBLEMS}", ""]
        out += ["| Where | Subject | Source | Says | Problem |", "|---|---|---|---|---|"]
        for p in records["problems"]:
            out.append(
                f"| {md(p['location'])} | {md(p['subject'])} | {md(p['source'])} | "
                f"{md(p['says'])} | {p['kind']}: {md(p['message'])} |"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def subject_groups(records: ReportRecords) -> list[tuple[str, str, list[SubjectRecord]]]:
    """(key, heading, subjects) for each verdict in report order, accepted conflicts apart at
    the end (only when there are some): the grouping of the markdown and HTML reports."""
    accepted = [s for s in records["subjects"] if s.get("accepted") is not None]
    groups = [
        (v, _HEADINGS[v], [s for s in records["subjects"] if s["verdict"] == v and s.get("accepted") is None])
        for v in ORDER
    ]
    return groups + ([("accepted", _ACCEPTED, accepted)] if accepted else [])


def group_label(key: str) -> str:
    return "accepted" if key == "accepted" else verdict_label(key)


def anchor(subject: SubjectRecord) -> str:
    """The subject's own HTML anchor (ids are slugs: safe as they are)."""
    return f"subject-{subject['id']}"


def _slug(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _subject(subject: SubjectRecord) -> list[str]:
    out = [f'<a id="{anchor(subject)}"></a>', "", f"### {md(subject['title'])} (`{subject['id']}`)", ""]
    unit = f", unit {md(subject['unit'])}" if subject.get("unit") else ""
    out += [f"**{verdict_label(subject['verdict'])}** · kind {subject['kind']}{unit}", ""]
    out += [md(subject["reason"]), ""]
    extra = reconciliation_lines(subject, acceptance=False)
    if extra:
        out += [f"- {md(line)}" for line in extra] + [""]
    out += ["| Time | Source | Says | Read as |", "|---|---|---|---|"]
    for c in subject["claims"]:
        out.append(f"| {md(c['time'])} | {md(c['source'])} | {md(c['says'])} | {md(read_as(c))} |")
    out.append("")
    chart = mermaid_chart(subject)
    if chart:
        out += chart + [""]
    for c in subject["claims"]:
        title = md(c["source_title"])
        url = safe_url(c.get("url"))
        attribution = f"{md(c['source'])}: *[{title}]({url})*" if url else f"{md(c['source'])}: *{title}*"
        if c.get("publisher"):
            attribution += f", {md(c['publisher'])}"
        out.append(f"> {emphasised(c['quote'], c['says'])}")
        out.append(">")
        out.append(f"> — {attribution}, {md(when_said(c))}")
        out.append("")
    return out


def emphasised(quote: str, says: str) -> str:
    """The escaped quote with the figure (`says`, found case-insensitively) in bold."""
    return emphasise(quote, says, md, "**", "**")


def safe_url(url: object) -> str | None:
    """An http(s) URL as a markdown link target, every character that could end or change the
    link percent-encoded; anything else (javascript:, data:, relative) is not linked."""
    if not isinstance(url, str) or not re.match(r"^https?://[^\s]+$", url, re.IGNORECASE):
        return None

    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


_LABEL = re.compile(r"[^0-9A-Za-z .:\-]")
_UNIT_LABEL = re.compile(r"[^0-9A-Za-z .:\-$€£%#²³]")  # an axis title: a unit and its symbol

# Mermaid's xychart-beta draws a band x-axis (`x-axis [a, b, c]`) with its categories evenly
# spaced, whatever their dates. A numeric x-axis `x-axis "title" MIN --> MAX` spreads a line's
# samples evenly from MIN to MAX, one unit apart when there are MAX - MIN + 1 of them (its
# xychartDb: step = (MAX - MIN + 1) / samples). So the time axis is drawn to scale by giving
# the lines one sample per day, month or year (the finest that needs at most `_SAMPLES`) from
# the first claim to the last: each claim at its own step, the samples between two claims on
# the straight line joining them (what any line chart draws between two points). Claims on the
# same step (the same day, or month when months are the step) are drawn by their widest bounds.
_SAMPLES = 120


def mermaid_chart(subject: SubjectRecord) -> list[str]:
    """A Mermaid xychart of each judged claim's bounds over time, for evolving subjects with at
    least two numeric claims: the lower and upper bound as two lines (an open bound is drawn at
    the other bound), the time axis to scale (above), the values in the subject's unit as its
    figures read (`$ bn`, `mn t`, `km`: one unit for the whole axis)."""
    if subject["verdict"] != "evolving":
        return []
    points = chart_points(subject, dates=False)
    if not points:
        return []
    bounds = []
    for _, v in points:
        lo, hi = v["lower"], v["upper"]
        if lo is None and hi is None:
            return []
        bounds.append((lo if lo is not None else hi, hi if hi is not None else lo))
    sample = points[0][1]
    axis = value_axis(sample["kind"], sample.get("unit"), max(abs(x) for pair in bounds for x in pair))
    title_x, first, steps = _time_steps([claim_time(c).end - dt.timedelta(minutes=1) for c, _ in points])
    lines = _sampled(steps, bounds)
    last = first + len(lines[0]) - 1

    def series(i: int) -> str:
        return ", ".join(significant(pair[i] / axis.divisor, 4, commas=False) for pair in zip(*lines, strict=True))

    title = _LABEL.sub("", subject["id"])
    return [
        "```mermaid",
        "xychart-beta",
        f'    title "{title}: lower and upper bound of each claim"',
        f'    x-axis "{title_x}" {first} --> {last}',
        f'    y-axis "{_UNIT_LABEL.sub("", axis.title) or "value"}"',
        f"    line [{series(0)}]",
        f"    line [{series(1)}]",
        "```",
    ]


def _time_steps(moments: list[dt.datetime]) -> tuple[str, int, list[int]]:
    """(axis title, first step, each claim's step from the first): days, months or years."""
    steppers: tuple[tuple[str, Callable[[dt.datetime], int]], ...] = (
        ("days", lambda t: t.toordinal()),
        ("months", lambda t: t.year * 12 + t.month - 1),
        ("year", lambda t: t.year),
    )
    for unit, index in steppers:
        steps = [index(t) for t in moments]
        if max(steps) - min(steps) < _SAMPLES or unit == "year":
            break
    start = min(moments)
    if unit == "year":  # the axis reads as years
        return "year", min(steps), [s - min(steps) for s in steps]
    since = start.strftime("%Y-%m-%d" if unit == "days" else "%Y-%m")
    return f"{unit} after {since}", 0, [s - min(steps) for s in steps]


def _sampled(steps: list[int], bounds: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """The lower and upper line, one sample a step from 0 to the last claim's (two samples at
    least: a line needs two), claims on one step by their widest bounds, straight between."""
    at: dict[int, tuple[float, float]] = {}
    for step, (lo, hi) in zip(steps, bounds, strict=True):
        old = at.get(step, (lo, hi))
        at[step] = (min(lo, old[0]), max(hi, old[1]))
    known = sorted(at)
    lines: tuple[list[float], list[float]] = ([], [])
    for i in range(max(known[-1] + 1, 2)):
        n = bisect.bisect_left(known, i)  # the first claim step at or after i
        after = known[min(n, len(known) - 1)]
        before = after if after == i else known[max(n - 1, 0)]
        share = 0.0 if after == before else (i - before) / (after - before)
        for side in (0, 1):
            lines[side].append(at[before][side] + (at[after][side] - at[before][side]) * share)
    return lines
