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

import re
from typing import Any

from factcheck.formatters.table import ORDER, summary_line, verdict_label
from factcheck.formatters.text import (
    chart_points,
    emphasise,
    read_as,
    reconciliation_lines,
)
from factcheck.formatters.text import markdown_inline as md

_HEADINGS = {
    "conflicting": "Conflicting: some claims cannot all be true",
    "evolving": "Evolving: the figure changed over time in a way the subject allows",
    "consistent": "Consistent: every claim can be true at once",
    "single-source": "Single source: nothing to cross-check",
}
_ACCEPTED = "Accepted discrepancies: known, explained, not failing"
_PROBLEMS = "Claims that could not be judged"


def render(records: dict[str, Any]) -> str:
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


def subject_groups(records: dict[str, Any]) -> list[tuple[str, str, list[dict[str, Any]]]]:
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


def anchor(subject: dict[str, Any]) -> str:
    """The subject's own HTML anchor (ids are slugs: safe as they are)."""
    return f"subject-{subject['id']}"


def _slug(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _subject(subject: dict[str, Any]) -> list[str]:
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
        out.append(f"> — {attribution}, {md(c['time'])}")
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
    from urllib.parse import quote

    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


_LABEL = re.compile(r"[^0-9A-Za-z .:\-]")


def mermaid_chart(subject: dict[str, Any]) -> list[str]:
    """A Mermaid xychart of each judged claim's bounds over time, for evolving subjects with at
    least two numeric claims: the lower and upper bound as two lines (an open bound is drawn at
    the other bound). Values in the subject's unit, scaled to a readable magnitude."""
    if subject["verdict"] != "evolving":
        return []
    points = chart_points(subject, dates=False)
    if not points:
        return []
    rows = [c for c, _ in points]
    values = [v for _, v in points]
    bounds = []
    for v in values:
        lo, hi = v["lower"], v["upper"]
        if lo is None and hi is None:
            return []
        bounds.append((lo if lo is not None else hi, hi if hi is not None else lo))
    top = max(abs(x) for pair in bounds for x in pair) or 1.0
    scale, word = next(((s, w) for s, w in ((1e12, " tn"), (1e9, " bn"), (1e6, " mn"), (1e3, " k")) if top >= s), (1.0, ""))
    unit = _LABEL.sub("", str(values[0].get("unit") or ""))
    axis = f"{unit}{word}".strip() or "value"
    labels = ", ".join(f'"{_LABEL.sub("", c["time"] + " " + c["source"])[:40]}"' for c in rows)

    def series(i: int) -> str:
        return ", ".join(f"{pair[i] / scale:.4g}" for pair in bounds)

    title = _LABEL.sub("", subject["id"])
    return [
        "```mermaid",
        "xychart-beta",
        f'    title "{title}: lower and upper bound of each claim"',
        f"    x-axis [{labels}]",
        f'    y-axis "{axis}"',
        f"    line [{series(0)}]",
        f"    line [{series(1)}]",
        "```",
    ]
