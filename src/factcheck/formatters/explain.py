"""`factcheck explain SUBJECT`: the reasoning for one subject, step by step, as plain text.

Pure: renders from the report's JSON records (the one serialisation seam) and the rules'
declarations, so what `explain` says is what every other format says. Text from the claims file
goes through `printable`: no escape sequence reaches the terminal.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import Any

from factcheck.formatters.common import chart_points, claim_time, duration_words, judged_value, reconciliation_lines, when_said
from factcheck.read.humanize import value_axis
from factcheck.report.shapes import SubjectRecord
from factcheck.safe_text import printable

_KIND_WORDS = {
    "constant": "constant: one true value, whenever it is stated",
    "level": "level: may change either way over time, not within the window",
    "cumulative": "cumulative: a running total, may only grow",
    "flow": "flow: an amount per period; claims on different periods are different amounts",
}

CHART_WIDTH = 48


def render(subject: SubjectRecord, rules: list[dict[str, str]], *, width: int = 100) -> str:
    """`rules`: the rules that judged the subject's kind, as {id, name, summary, severity}."""
    p = printable
    out = [f"{p(subject['id'])}: {p(subject['title'])}", ""]
    unit = f", unit {p(subject['unit'])}" if subject["unit"] else ""
    out.append(f"1. The subject is {_KIND_WORDS[subject['kind']]}{unit}.")
    if subject.get("tolerances"):
        given = ", ".join(f"{k} {v}" for k, v in subject["tolerances"].items())
        out.append(f"   Its own tolerances: {given}.")
    if subject["reading"]:
        out.append(f"   {p(subject['reading'])}")
    out.append("")
    out.append("2. Each claim, how it was read, and its time (in time order):")
    for n, c in enumerate(subject["claims"], 1):
        origin = c["source"] + (f" ({p(c['publisher'])})" if c["publisher"] else "")
        out.append(f"   {n}. {p(origin)}, {c['language']}")
        out.append(f"      says   “{p(_shorten(c['says'], 160))}”")
        if c["status"] != "judged":
            out.append(f"      ⚠ {c['status']}: {p(c.get('error', ''))}")
        else:
            read = p(c["figure"])
            if "converted_figure" in c:
                conv = c["converted"]
                read += f" ≈ {p(c['converted_figure'])} (rate {conv.get('rate')} {conv.get('pair', '')})".rstrip()
            out.append(f"      reads  {read}  [{_interval(judged_value(c))}]")
        out.append(f"      time   {when_said(c)}" + (f", period {c['period']}" if c.get("period") else ""))
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


def timeline(subject: SubjectRecord) -> list[str]:
    """One row per judged claim in time order, its interval drawn on a shared value axis.

    Shown for subjects with at least two judged claims with numeric values (not names). The
    value axis is in the subject's unit as its figures read (`$5.19 bn`, `12.3 km`); dates are
    drawn by day (or minute) number and labelled as dates. Open ends run to the edge with an
    arrow. Time runs down, roughly to scale: a gap between two claims that is more than twice
    the even step (the whole time span over the number of gaps) gets spacer rows, about one per
    step (at most `GAP_ROWS`), the first naming it (`⋮ 8 years`).
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
    # Padded at both ends, but no negative end for values none of which is negative.
    lo, hi = (lo - pad if lo < 0 else max(lo - pad, 0.0)), hi + pad

    def col(x: float) -> int:
        return max(0, min(CHART_WIDTH - 1, round(float((x - lo) / (hi - lo)) * (CHART_WIDTH - 1))))

    spacers = _gap_rows([claim_time(c).end for c in rows])
    label_width = max(len(line) for line in [*(f"{c['time']} {c['source']}" for c in rows), *sum(spacers, [])])
    out = []
    for c, v, gap in zip(rows, values, [[], *spacers], strict=True):
        out += [f"   {line.ljust(label_width)} │{' ' * CHART_WIDTH}│" for line in gap]
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
    axis_lo, axis_hi = _axis_labels(lo, hi, values[0])
    out.append(f"   {' ' * label_width} └{axis_lo}{' ' * max(1, CHART_WIDTH - len(axis_lo) - len(axis_hi))}{axis_hi}┘")
    return out


GAP_ROWS = 3


def _gap_rows(times: list[dt.datetime]) -> list[list[str]]:
    """The spacer rows before each claim after the first, from the claims' times in order."""
    if len(times) < 2 or times[-1] == times[0]:
        return [[] for _ in times[1:]]
    step = (times[-1] - times[0]) / (len(times) - 1)
    out = []
    for before, after in itertools.pairwise(times):
        n = min(GAP_ROWS, round((after - before) / step) - 1)
        out.append([f"⋮ {duration_words(after - before)}", *["⋮"] * (n - 1)] if n > 0 else [])
    return out


def _axis_labels(lo: float, hi: float, sample: dict[str, Any]) -> tuple[str, str]:
    """The ends of the value axis: dates (`2024-01-01`, or `2011-12-01 14:07` for values in
    minutes since 1970-01-01), else numbers in the subject's unit as its figures read
    (`$5.19 bn`, `12.3 km`)."""
    if sample["kind"] != "date":
        axis = value_axis(sample["kind"], sample.get("unit"), max(abs(lo), abs(hi)))
        return axis.label(lo), axis.label(hi)
    minutes = sample.get("unit") == "minute"

    def when(x: float) -> str:
        try:
            moment = dt.datetime(1970, 1, 1) + dt.timedelta(**{"minutes" if minutes else "days": math.floor(x)})
        except OverflowError:  # past year 1 or 9999: the number itself
            return f"{x:.0f}"
        return moment.strftime("%Y-%m-%d %H:%M") if minutes else moment.date().isoformat()

    return when(lo), when(hi)
