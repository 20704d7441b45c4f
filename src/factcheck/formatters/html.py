"""`factcheck report --format html`: the discrepancy report as one self-contained HTML file.

The same content as the markdown report (summary, contents, subjects by verdict, likely errors,
claims in time order, quotes with the figure in bold, linked sources, accepted discrepancies,
claims that could not be judged) with the chart of evolving subjects drawn inline as SVG: no
script, no stylesheet or font from the network, so it opens the same offline, in a mail
attachment, or years later. Every text from the claims file goes through `html.escape`; links
are only the http(s) ones `markdown.safe_url` allows. A test opens it in headless Chromium and
reads the rendered text.
"""

from __future__ import annotations

from html import escape

from factcheck.formatters.common import chart_points, claim_time, days, read_as, reconciliation_lines, time_ticks, when_said
from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.formatters.markdown import (
    _PROBLEMS,
    anchor,
    group_label,
    safe_url,
    subject_groups,
)
from factcheck.formatters.table import summary_line, verdict_label
from factcheck.read.humanize import value_axis
from factcheck.report.shapes import ReportRecords, SubjectRecord
from factcheck.safe_text import emphasise, printable

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}h3{margin-top:2rem}
table{border-collapse:collapse;margin:.8rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
blockquote{margin:.8rem 0;padding:.2rem 1rem;border-left:4px solid #bbb;color:#333}
.conflicting{color:#b00020}.evolving{color:#9a6700}.consistent{color:#1a7f37}.single-source{color:#0969da}.incomplete{color:#8250df}
.note{background:#f6f8fa;padding:.4rem .8rem}svg{max-width:100%;height:auto}
"""


def _e(text: object) -> str:
    return escape(printable(str(text)), quote=True)


def render(records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    groups = subject_groups(records)
    sections = [(heading, key, subjects) for key, heading, subjects in groups if subjects]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        f"<title>Discrepancy report: {_e(records['file'])}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Discrepancy report: {_e(records['file'])}</h1>",
        f"<p>{_e(summary_line(records))}</p>",
        "<table><thead><tr><th>Verdict</th><th>Subjects</th><th>Which</th></tr></thead><tbody>",
    ]
    for key, _, subjects in groups:
        links = ", ".join(f'<a href="#{anchor(s)}">{_e(s["id"])}</a>' for s in subjects)
        css = "" if key == "accepted" else f' class="{key}"'
        out.append(f"<tr><td{css}>{_e(group_label(key))}</td><td>{len(subjects)}</td><td>{links}</td></tr>")
    out.append("</tbody></table>")
    out.append('<nav><h2 id="contents">Contents</h2><ul>')
    for heading, key, subjects in sections:
        items = "".join(f'<li><a href="#{anchor(s)}">{_e(s["title"])}</a></li>' for s in subjects)
        out.append(f'<li><a href="#section-{key}">{_e(heading)}</a><ul>{items}</ul></li>')
    if records["problems"]:
        out.append(f'<li><a href="#section-problems">{_e(_PROBLEMS)}</a></li>')
    out.append("</ul></nav>")
    for heading, key, subjects in sections:
        out.append(f'<h2 id="section-{key}">{_e(heading)}</h2>')
        for subject in subjects:
            out += _subject(subject)
    if records["problems"]:
        out.append(f'<h2 id="section-problems">{_e(_PROBLEMS)}</h2>')
        out.append("<table><thead><tr><th>Where</th><th>Subject</th><th>Source</th><th>Says</th><th>Problem</th></tr></thead><tbody>")
        for p in records["problems"]:
            out.append(
                f"<tr><td>{_e(p['location'])}</td><td>{_e(p['subject'])}</td><td>{_e(p['source'])}</td>"
                f"<td>{_e(p['says'])}</td><td>{_e(p['kind'])}: {_e(p['message'])}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _subject(subject: SubjectRecord) -> list[str]:
    unit = f", unit {_e(subject['unit'])}" if subject.get("unit") else ""
    out = [
        f'<section id="{anchor(subject)}">',
        f"<h3>{_e(subject['title'])} (<code>{_e(subject['id'])}</code>)</h3>",
        f'<p><strong class="{subject["verdict"]}">{_e(verdict_label(subject["verdict"]))}</strong> · kind {_e(subject["kind"])}{unit}</p>',
        f"<p>{_e(subject['reason'])}</p>",
    ]
    extra = reconciliation_lines(subject, acceptance=False)
    if extra:
        out.append('<ul class="note">' + "".join(f"<li>{_e(line)}</li>" for line in extra) + "</ul>")
    out.append("<table><thead><tr><th>Time</th><th>Source</th><th>Says</th><th>Read as</th></tr></thead><tbody>")
    for c in subject["claims"]:
        out.append(f"<tr><td>{_e(c['time'])}</td><td>{_e(c['source'])}</td><td>{_e(c['says'])}</td><td>{_e(read_as(c))}</td></tr>")
    out.append("</tbody></table>")
    chart = svg_chart(subject)
    if chart:
        out.append(chart)
    for c in subject["claims"]:
        url = safe_url(c.get("url"))
        title = f'<a href="{escape(url, quote=True)}" rel="noreferrer">{_e(c["source_title"])}</a>' if url else _e(c["source_title"])
        publisher = f", {_e(c['publisher'])}" if c.get("publisher") else ""
        out.append(f"<blockquote><p>{_emphasised(c['quote'], c['says'])}</p>")
        out.append(f"<p>— {_e(c['source'])}: <em>{title}</em>{publisher}, {_e(when_said(c))}</p></blockquote>")
    out.append("</section>")
    return out


def _emphasised(quote: str, says: str) -> str:
    return emphasise(quote, says, _e, "<strong>", "</strong>")


def svg_chart(subject: SubjectRecord) -> str:
    """Each judged claim's interval as a bar over its time, for evolving subjects with at least
    two numeric claims (open ends drawn to the edge with an arrow head). Both axes are to
    scale: across, time (a claim's bar spans its time, a day at least a few pixels wide), with
    calendar ticks; up, the values in the subject's unit as its figures read (`$7.6 bn`,
    `12.3 km`). Each bar's tooltip names the claim."""
    if subject["verdict"] != "evolving":
        return ""
    points = chart_points(subject, dates=False)
    if not points:
        return ""
    rows = [c for c, _ in points]
    values = [v for _, v in points]
    finite = [v[b] for v in values for b in ("lower", "upper") if v[b] is not None]
    if not finite:
        return ""
    axis = value_axis(values[0]["kind"], values[0].get("unit"), max(abs(x) for x in finite))
    lo, hi = min(finite), max(finite)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.1
    lo, hi = lo - pad, hi + pad
    spans = [claim_time(c) for c in rows]
    first, last = min(t.start for t in spans), max(t.end for t in spans)
    t0, t1 = days(first), days(last)
    t0, t1 = t0 - (t1 - t0) * 0.04, t1 + (t1 - t0) * 0.04
    width, height, left, right, bottom = 640, 260, 70, 20, 40

    def x(t: float) -> float:
        return round(left + (width - left - right) * (t - t0) / (t1 - t0), 1)

    def y(v: float) -> float:
        return round(10 + (height - bottom - 10) * (1 - float((v - lo) / (hi - lo))), 1)

    parts = [
        f'<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(subject["id"])}: each claim\'s range over time">',
        f'<line x1="{left}" y1="10" x2="{left}" y2="{height - bottom}" stroke="#888"/>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#888"/>',
        f'<text x="{left - 4}" y="{y(hi - pad) + 4}" text-anchor="end" font-size="11">{_e(axis.label(hi - pad))}</text>',
        f'<text x="{left - 4}" y="{y(lo + pad) + 4}" text-anchor="end" font-size="11">{_e(axis.label(lo + pad))}</text>',
    ]
    for moment, label in time_ticks(first, last):
        tx = x(days(moment))
        parts.append(f'<line x1="{tx}" y1="{height - bottom}" x2="{tx}" y2="{height - bottom + 4}" stroke="#888"/>')
        parts.append(f'<text x="{tx}" y="{height - bottom + 16}" text-anchor="middle" font-size="10">{_e(label)}</text>')
    for c, v, t in zip(rows, values, spans, strict=True):
        start, end = x(days(t.start)), x(days(t.end))
        middle, half = round((start + end) / 2, 1), max(3.0, (end - start) / 2)
        top = 10 if v["upper"] is None else y(v["upper"])
        base = height - bottom if v["lower"] is None else y(v["lower"])
        tip = f"{c['time']} {c['source']}: {c.get('converted_figure') or c['figure']}"
        parts.append(
            f'<rect x="{round(middle - half, 1)}" y="{top}" width="{round(2 * half, 1)}" '
            f'height="{max(2.0, round(base - top, 1))}" fill="#9a6700" opacity="0.6"><title>{_e(tip)}</title></rect>'
        )
        if v["upper"] is None:
            parts.append(f'<path d="M{middle - 6} 18 L{middle} 8 L{middle + 6} 18 Z" fill="#9a6700"/>')
    parts.append("</svg>")
    parts.append(
        f"<figcaption>{_e(subject['id'])}: each claim's range over its time, both to scale "
        f"({_e(axis.title)})</figcaption></figure>"
    )
    return "".join(parts)
