"""`factcheck explain SUBJECT`: the reasoning for one subject, step by step, as plain text.

Pure: renders from the report's JSON records (the one serialisation seam) and the rules'
declarations, so what `explain` says is what every other format says. Text from the claims file
goes through `printable`: no escape sequence reaches the terminal.
"""

from __future__ import annotations

import math
from typing import Any

from factcheck.formatters.text import chart_points, printable, reconciliation_lines

_KIND_WORDS = {
    "constant": "constant: one true value, whenever it is stated",
    "level": "level: may change either way over time, not within the window",
    "cumulative": "cumulative: a running total, may only grow",
    "flow": "flow: an amount per period; claims on different periods are different amounts",
}

CHART_WIDTH = 48


def render(subject: dict[str, Any], rules: list[dict[str, str]], *, width: int = 100) -> str:
    """`rules`: the rules that judged the subject's kind, as {id, name, summary, severity}."""
    p = printable
    out = [f"{p(subject['id'])}: {p(subject['title'])}", ""]
    unit = f", unit {p(subject['unit'])}" if subject.get("unit") else ""
    out.append(f"1. The subject is {_KIND_WORDS[subject['kind']]}{unit}.")
    if subject.get("tolerances"):
        given = ", ".join(f"{k} {v}" for k, v in subject["tolerances"].items())
        out.append(f"   Its own tolerances: {given}.")
    if subject.get("reading"):
        out.append(f"   {p(subject['reading'])}")
    out.append("")
    out.append("2. Each claim, how it was read, and its time (in time order):")
    for n, c in enumerate(subject["claims"], 1):
        origin = c["source"] + (f" ({p(c['publisher'])})" if c.get("publisher") else "")
        out.append(f"   {n}. {p(origin)}, {c['language']}")
        out.append(f"      says   “{p(_shorten(c['says'], 160))}”")
        if c["status"] != "judged":
            out.append(f"      ⚠ {c['status']}: {p(c.get('error', ''))}")
        else:
            read = p(c["figure"])
            if "converted_figure" in c:
                conv = c["converted"]
                read += f" ≈ {p(c['converted_figure'])} (rate {conv.get('rate')} {conv.get('pair', '')})".rstrip()
            out.append(f"      reads  {read}  [{_interval(c['value'])}]")
        out.append(f"      time   {c['time']}" + (f", period {c['period']}" if c.get("period") else ""))
        out.append(f"      quote  “{p(_shorten(c['quote'], 160))}”")
    out.append("")
    out.append("3. Rules applied to this kind:")
    for rule in rules:
        severity = "" if rule["severity"] == "error" else f" ({rule['severity']})"
        out.append(f"   {rule['id']} {rule['name']}{severity}: {rule['summary']}")
    findings = [*subject["conflicts"], *subject.get("warnings", []), *subject.get("stale_acceptances", [])]
    if findings:
        out.append("   Findings:")
        for f in findings:
            out.append(f"   - {f['rule']} ({f['severity']}) at {p(f['location'])}: {p(f['message'])}")
    else:
        out.append("   No rule found claims that cannot all be true.")
    out.append("")
    out.append(f"4. Verdict: {subject['verdict']}. {p(subject['reason'])}")
    for line in reconciliation_lines(subject):
        out.append(f"   {p(line)}")
    chart = timeline(subject)
    if chart:
        out += ["", "5. Timeline (time down, value across; ■ the figure's range, ◀ ▶ open-ended):", *chart]
    return "\n".join(out) + "\n"


def _interval(value: dict[str, Any]) -> str:
    if value["kind"] == "category":
        return f"name {value.get('category')}" + (f", inside {value['within']}" if value.get("within") else "")
    if value["kind"] == "date":
        return f"{value['start']} .. {value['end']}"
    lo = "(-∞" if value["lower"] is None else ("[" if value["lower_inclusive"] else "(") + f"{value['lower']:g}"
    hi = "+∞)" if value["upper"] is None else f"{value['upper']:g}" + ("]" if value["upper_inclusive"] else ")")
    unit = f" {value['unit']}" if value.get("unit") else ""
    return f"{lo}, {hi}{unit}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline(subject: dict[str, Any]) -> list[str]:
    """One row per judged claim in time order, its interval drawn on a shared value axis.

    Shown for subjects with at least two judged claims with numeric values (not names). Dates
    are drawn by day number, open ends run to the edge with an arrow.
    """
    points = chart_points(subject, dates=True)
    if not points:
        return []
    rows = [c for c, _ in points]
    values = [v for _, v in points]
    finite = [v[b] for v in values for b in ("lower", "upper") if v[b] is not None]
    if not finite:
        return []
    lo, hi = min(finite), max(finite)
    if not all(math.isfinite(x) for x in (lo, hi)):
        return []
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad

    def col(x: float) -> int:
        return max(0, min(CHART_WIDTH - 1, round((x - lo) / (hi - lo) * (CHART_WIDTH - 1))))

    label_width = max(len(f"{c['time']} {c['source']}") for c in rows)
    out = []
    for c, v in zip(rows, values):
        cells = [" "] * CHART_WIDTH
        start = 0 if v["lower"] is None else col(v["lower"])
        end = CHART_WIDTH - 1 if v["upper"] is None else col(v["upper"])
        for i in range(start, end + 1):
            cells[i] = "■"
        if v["lower"] is None:
            cells[0] = "◀"
        if v["upper"] is None:
            cells[-1] = "▶"
        label = printable(f"{c['time']} {c['source']}").ljust(label_width)
        figure = printable(c.get("converted_figure") or c["figure"])
        out.append(f"   {label} │{''.join(cells)}│ {figure}")
    axis_lo, axis_hi = _axis_label(lo, values[0]), _axis_label(hi, values[0])
    out.append(f"   {' ' * label_width} └{axis_lo}{' ' * max(1, CHART_WIDTH - len(axis_lo) - len(axis_hi))}{axis_hi}┘")
    return out


def _axis_label(x: float, sample: dict[str, Any]) -> str:
    if sample["kind"] == "date":
        import datetime as dt

        return (dt.date(1970, 1, 1) + dt.timedelta(days=int(x))).isoformat()
    from factcheck.humanize import compact_number

    return compact_number(x) + (f" {sample['unit']}" if sample.get("unit") and sample["kind"] == "amount" else "")
