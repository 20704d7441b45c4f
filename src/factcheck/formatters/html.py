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
from typing import Any

from factcheck.formatters.markdown import (
    _PROBLEMS,
    anchor,
    group_label,
    safe_url,
    subject_groups,
)
from factcheck.formatters.table import summary_line, verdict_label
from factcheck.formatters.text import (
    chart_points,
    emphasise,
    printable,
    read_as,
    reconciliation_lines,
)

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}h3{margin-top:2rem}
table{border-collapse:collapse;margin:.8rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
blockquote{margin:.8rem 0;padding:.2rem 1rem;border-left:4px solid #bbb;color:#333}
.conflicting{color:#b00020}.evolving{color:#9a6700}.consistent{color:#1a7f37}.single-source{color:#0969da}
.note{background:#f6f8fa;padding:.4rem .8rem}svg{max-width:100%;height:auto}
"""


def _e(text: object) -> str:
    return escape(printable(str(text)), quote=True)


def render(records: dict[str, Any]) -> str:
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


def _subject(subject: dict[str, Any]) -> list[str]:
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
        out.append(f"<p>— {_e(c['source'])}: <em>{title}</em>{publisher}, {_e(c['time'])}</p></blockquote>")
    out.append("</section>")
    return out


def _emphasised(quote: str, says: str) -> str:
    return emphasise(quote, says, _e, "<strong>", "</strong>")


def svg_chart(subject: dict[str, Any]) -> str:
    """Each judged claim's interval as a vertical bar at its time, for evolving subjects with at
    least two numeric claims (open ends drawn to the edge with an arrow head)."""
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
    lo, hi = min(finite), max(finite)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.1
    lo, hi = lo - pad, hi + pad
    width, height, left, bottom = 640, 260, 60, 40
    step = (width - left - 20) / max(1, len(rows))

    def y(v: float) -> float:
        return round(10 + (height - bottom - 10) * (1 - (v - lo) / (hi - lo)), 1)

    from factcheck.humanize import compact_number

    parts = [
        f'<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(subject["id"])}: each claim\'s range over time">',
        f'<line x1="{left}" y1="10" x2="{left}" y2="{height - bottom}" stroke="#888"/>',
        f'<text x="{left - 4}" y="{y(hi - pad) + 4}" text-anchor="end" font-size="11">{_e(compact_number(hi - pad))}</text>',
        f'<text x="{left - 4}" y="{y(lo + pad) + 4}" text-anchor="end" font-size="11">{_e(compact_number(lo + pad))}</text>',
    ]
    for i, (c, v) in enumerate(zip(rows, values)):
        x = round(left + step * (i + 0.5), 1)
        top = 10 if v["upper"] is None else y(v["upper"])
        base = height - bottom if v["lower"] is None else y(v["lower"])
        parts.append(f'<rect x="{x - 8}" y="{top}" width="16" height="{max(2.0, round(base - top, 1))}" fill="#9a6700" opacity="0.7"/>')
        if v["upper"] is None:
            parts.append(f'<path d="M{x - 8} 18 L{x} 8 L{x + 8} 18 Z" fill="#9a6700"/>')
        parts.append(f'<text x="{x}" y="{height - bottom + 14}" text-anchor="middle" font-size="10">{_e(c["time"])}</text>')
        parts.append(f'<text x="{x}" y="{height - bottom + 27}" text-anchor="middle" font-size="9">{_e(c["source"][:24])}</text>')
    parts.append("</svg>")
    parts.append(f"<figcaption>{_e(subject['id'])}: each claim's range at its time ({_e(values[0].get('unit') or '')})</figcaption></figure>")
    return "".join(parts)
