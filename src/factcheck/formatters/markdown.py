"""The markdown discrepancy report: summary, conflicting subjects first, claims with quotes.

Every piece of text from the claims file is escaped (`text.markdown_inline`): a quote cannot
break a table, start a heading, make a link or inject HTML.
"""

from __future__ import annotations

from typing import Any

from factcheck.formatters.table import ORDER, summary_line, verdict_label
from factcheck.formatters.text import claim_figure, reconciliation_lines
from factcheck.formatters.text import markdown_inline as md

_HEADINGS = {
    "conflicting": "Conflicting: some claims cannot all be true",
    "evolving": "Evolving: the figure changed over time in a way the subject allows",
    "consistent": "Consistent: every claim can be true at once",
    "single-source": "Single source: nothing to cross-check",
}


def render(records: dict[str, Any]) -> str:
    out: list[str] = [f"# Discrepancy report: {md(records['file'])}", ""]
    out += [summary_line(records), ""]
    out += ["| Verdict | Subjects |", "|---|---|"]
    for verdict in ORDER:
        out.append(f"| {verdict_label(verdict)} | {records['summary'][verdict]} |")
    out.append("")
    accepted = [s for s in records["subjects"] if s.get("accepted") is not None]
    by_verdict = {
        v: [s for s in records["subjects"] if s["verdict"] == v and s.get("accepted") is None] for v in ORDER
    }
    for verdict in ORDER:
        subjects = by_verdict[verdict]
        if not subjects:
            continue
        out += [f"## {_HEADINGS[verdict]}", ""]
        for subject in subjects:
            out += _subject(subject)
    if accepted:
        out += ["## Accepted discrepancies: known, explained, not failing", ""]
        for subject in accepted:
            out += _subject(subject)
    if records["problems"]:
        out += ["## Claims that could not be judged", ""]
        out += ["| Where | Subject | Source | Says | Problem |", "|---|---|---|---|---|"]
        for p in records["problems"]:
            out.append(
                f"| {md(p['location'])} | {md(p['subject'])} | {md(p['source'])} | "
                f"{md(p['says'])} | {p['kind']}: {md(p['message'])} |"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _subject(subject: dict[str, Any]) -> list[str]:
    out = [f"### {md(subject['title'])} (`{subject['id']}`)", ""]
    unit = f", unit {md(subject['unit'])}" if subject.get("unit") else ""
    out += [f"**{verdict_label(subject['verdict'])}** · kind {subject['kind']}{unit}", ""]
    out += [md(subject["reason"]), ""]
    extra = [line for line in reconciliation_lines(subject) if not line.startswith("Accepted discrepancy:")]
    if extra:
        out += [f"- {md(line)}" for line in extra] + [""]
    out += ["| Source | Time | Says | Read as |", "|---|---|---|---|"]
    for c in subject["claims"]:
        read_as = md(claim_figure(c)) if c["status"] == "judged" else f"⚠ {c['status']}: {md(c.get('error', ''))}"
        out.append(f"| {md(c['source'])} | {md(c['time'])} | {md(c['says'])} | {read_as} |")
    out.append("")
    for c in subject["claims"]:
        attribution = f"{md(c['source'])}: *{md(c['source_title'])}*"
        if c.get("publisher"):
            attribution += f", {md(c['publisher'])}"
        if c.get("url"):
            attribution += f", {md(c['url'])}"
        out.append(f"> {md(c['quote'])}")
        out.append(">")
        out.append(f"> — {attribution}, {md(c['time'])}")
        out.append("")
    return out
