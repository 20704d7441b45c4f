"""What several formatters say alike: figures as read, reconciliation in words, times and chart
axes, from the report's records."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import NamedTuple

from factcheck.report.shapes import ClaimRecord, SubjectRecord, ValueJson

_DAY, _MINUTE = dt.timedelta(days=1), dt.timedelta(minutes=1)


def read_as(claim: ClaimRecord) -> str:
    """How a claim was read, for a report's table of claims: the figure, or what went wrong."""
    if claim["status"] == "judged":
        return claim_figure(claim)
    return f"⚠ {claim['status']}: {claim.get('error', '')}"


def claim_figure(claim: ClaimRecord) -> str:
    """How a claim reads, with the converted amount when a rate was used: `€500 mn ≈ $585 mn`."""
    text = str(claim["figure"])
    if "converted_figure" in claim:
        text += f" ≈ {claim['converted_figure']}"
    return text



def reconciliation_lines(subject: SubjectRecord, *, acceptance: bool = True) -> list[str]:
    """What the claims support together, in words (plain text: formatters escape it).
    `acceptance=False` leaves out the acceptance line, for formats whose reason shows it."""
    out: list[str] = []
    rec = subject.get("reconciliation") or {}
    if acceptance and subject.get("accepted") is not None:
        out.append(f"Accepted discrepancy: {subject['accepted']}")
    if "explanation" in rec:
        out.append(rec["explanation"])
    judged = sum(c["status"] == "judged" for c in subject["claims"])
    if "agreed" in rec and subject["verdict"] != "consistent" and judged > 1:
        out.append(f"Agreed value: {rec['agreed']['figure']}")
    if len(rec.get("series", [])) > 1:
        out.append("Over time: " + " → ".join(f"{p['time']}: {p['figure']}" for p in rec["series"]))
    if subject.get("verdict") == "conflicting":  # the value to print, with its support (issue 19)
        for p in rec.get("reconciled", []):
            when = f" for {p['time']}" if p.get("time") else ""
            if p["value"] is None:
                out.append(f"Reconciled{when}: a tie trust cannot break, "
                           + " or ".join(str(t["figure"]) for t in p.get("tied", [])))
            else:
                support = p["support"]
                out.append(f"Reconciled{when}: {p['figure']} ({p['how']}; {support['independent']} of "
                           f"{support['of_independent']} independent claims)")
    for finding in subject.get("warnings", []):
        out.append(f"Warning {finding['rule']}: {finding['message']}")
    for finding in subject.get("stale_acceptances", []):
        out.append(f"Stale acceptance ({finding['rule']}, {finding['location']}): {finding['message']}")
    return out



def when_said(claim: ClaimRecord) -> str:
    """The claim's time for an attribution: its publication date, and the time the figure
    holds (`as_of`) when that is another (`published 2025-12-10, as of 2025-09`)."""
    published = claim.get("published")
    if not published:
        return str(claim["time"])
    if not claim.get("as_of") or published == claim["time"]:
        return str(published)
    return f"published {published}, as of {claim['time']}"



def chart_points(subject: SubjectRecord, *, dates: bool) -> list[tuple[ClaimRecord, ValueJson]]:
    """The judged claims a chart can draw, each with the value judged (converted when a rate
    was used): numbers, amounts, percentages, ranks, durations, and dates when `dates`.
    Empty when fewer than two: nothing changes over one point."""
    skip = ("category",) if dates else ("category", "date")
    rows = [c for c in subject["claims"] if c["status"] == "judged" and judged_value(c)["kind"] not in skip]
    if len(rows) < 2:
        return []
    return [(c, c.get("converted") or judged_value(c)) for c in rows]


def judged_value(claim: ClaimRecord) -> ValueJson:
    """The value of a judged claim (`status: judged`), which the records always give."""
    value = claim["value"]
    if value is None:
        raise ValueError(f"claim {claim['index']} has no value: it was not judged")
    return value



class TimeSpan(NamedTuple):
    """A claim's time, the end exclusive: the day 2025-09-29 is [2025-09-29, 2025-09-30)."""

    start: dt.datetime
    end: dt.datetime



_EPOCH = dt.datetime(1970, 1, 1)



def claim_time(claim: ClaimRecord) -> TimeSpan:
    """The span of a claim's `time`, from its record's `time_start`/`time_end`: ISO days, or
    date-times (`2011-12-01T14:07`) for a time of day, which then covers one minute."""
    end = claim["time_end"]
    last = dt.datetime.fromisoformat(end)
    return TimeSpan(dt.datetime.fromisoformat(claim["time_start"]), last + (_MINUTE if len(end) > 10 else _DAY))



def days(moment: dt.datetime) -> float:
    """Days since 1970-01-01 (fractional for a time of day): a proportional time coordinate."""
    return (moment - _EPOCH) / _DAY



def duration_words(gap: dt.timedelta) -> str:
    """A gap between two times in the largest unit that fits (two for years and months):
    `8 years`, `3 months`, `4 days`, `1 hour`, `7 minutes` (rounded)."""
    n = gap / _DAY
    for size, least, unit in ((365.25, 2, "year"), (30.44, 2, "month"), (1.0, 1, "day"), (1 / 24, 1, "hour")):
        if n >= least * size:
            count = round(n / size)
            return f"{count} {unit}{'s' * (count != 1)}"
    count = round(n * 1440)
    return f"{count} minute{'s' * (count != 1)}"



# Tick steps of a time axis, finest first: (unit, how many units between ticks).
_TICK_STEPS = (
    *(("minute", n) for n in (1, 5, 10, 15, 30)),
    *(("hour", n) for n in (1, 2, 3, 6, 12)),
    *(("day", n) for n in (1, 2, 7, 14)),
    *(("month", n) for n in (1, 2, 3, 6)),
    *(("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)),
)



_UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "month": 28.0, "year": 365.0}



def time_ticks(start: dt.datetime, end: dt.datetime, most: int = 6) -> list[tuple[dt.datetime, str]]:
    """Calendar ticks from `start` to `end` for a proportional time axis: the finest step
    (every N minutes, hours, days, weeks, months or years) that gives at most `most` ticks,
    each labelled as precisely as its step: `2018`, `2025-10`, `2025-10-03`, `2025-10-03 14:00`."""
    span = (end - start) / _DAY
    for unit, n in _TICK_STEPS:
        if span / (_UNIT_DAYS[unit] * n) > most + 1:
            continue  # too many, without counting them
        try:
            ticks = list(_calendar(start, end, unit, n))
        except (ValueError, OverflowError):  # a step past year 9999
            continue
        if len(ticks) <= most:
            form = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}.get(unit, "%Y-%m-%d %H:%M")
            return [(t, t.strftime(form)) for t in ticks]
    return []



def _calendar(start: dt.datetime, end: dt.datetime, unit: str, n: int) -> Iterator[dt.datetime]:
    """Every `n`th minute, hour, day (weeks from Mondays), month or year from `start` to `end`."""
    if unit in ("minute", "hour", "day"):
        step = {"minute": _MINUTE, "hour": dt.timedelta(hours=1), "day": _DAY}[unit] * n
        monday = dt.datetime(1970, 1, 5)
        tick = monday + step * math.ceil((start - monday) / step)
        while tick <= end:
            yield tick
            tick += step
        return
    if unit == "month":
        index = start.year * 12 + start.month - 1 + (start != dt.datetime(start.year, start.month, 1))
        index += -index % n
        while (tick := dt.datetime(index // 12, index % 12 + 1, 1)) <= end:
            yield tick
            index += n
        return
    year = start.year + (start != dt.datetime(start.year, 1, 1))
    for y in range(year + -year % n, end.year + 1, n):
        yield dt.datetime(y, 1, 1)
