"""Values written for people: `$5.4–6.6 bn`, `≤ $7.6 bn`, `#1–3`, `2025-05`.

Deterministic (no locale, no clock), so reports diff cleanly. Used by reasons and by every
human-facing formatter through the report's `figure` field.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.read import Value, ValueKind
from factcheck.read.interval import Interval
from factcheck.read.lexicon import common_data
from factcheck.read.units import affine

_EPOCH = dt.datetime(1970, 1, 1)  # minute numbers count from here (factcheck.read.model)

@dataclass(frozen=True)
class _Display:
    """How values are written: `display:` in read/languages/common.yaml."""

    symbols: dict[str, str]
    scales: tuple[tuple[float, str], ...]
    units: dict[str, tuple[tuple[float, str], ...]]
    written: dict[str, tuple[str, str]]  # unit → (prefix, suffix) around the number: ("", " mph")


@cache
def _display() -> _Display:
    data = common_data()["display"]
    return _Display(
        symbols=dict(data["currency_symbols"]),
        scales=tuple((float(f), str(w)) for f, w in data["scales"]),
        units={name: tuple((float(f), str(w)) for f, w in steps) for name, steps in data["units"].items()},
        written={name: _around(str(template)) for name, template in data.get("written", {}).items()},
    )


def _display_unit(value: Value, largest: float) -> tuple[float, str, tuple[str, str] | None]:
    """The unit a value is shown in, as (base units per it, its name, the template around the
    number when it is shown as written): the largest step of its base unit that fits (1,179 kg,
    not 1.179 t), or for a speed the unit written (`120 mph`, `105 kn`)."""
    unit_factor, unit_name = 1.0, value.unit or ""
    for factor, name in _display().units.get(unit_name, ()):
        if largest >= 10 * factor or factor == 1.0:  # 1,179 kg, not 1.179 t
            unit_factor, unit_name = factor, name
            break
    written = _display().written.get(value.written_unit or "") if value.kind is ValueKind.AMOUNT else None
    if written is not None and value.written_unit:
        unit_factor = affine(value.written_unit)[0]
    return unit_factor, unit_name, written


def _around(template: str) -> tuple[str, str]:
    before, _, after = template.partition("{x}")
    return before, after


@lru_cache(maxsize=65536)
def figure(value: Value, top: float | None = None) -> str:
    """A short human rendering of a value (cached: values repeat, and they are immutable).

    `top`, the largest magnitude among the subject's figures, picks one display unit for all of
    them (a depth of 800 m beside one of 12 km is `0.8 km`); without it, the value's own."""
    if value.kind is ValueKind.CATEGORY:
        return value.label or value.category or ""
    if value.kind is ValueKind.DATE:
        return span_label(value)
    iv = value.interval
    assert iv is not None
    bounds = [abs(b) for b in (iv.lower, iv.upper) if b is not None]
    if value.kind is ValueKind.DURATION and bounds and max(bounds) < _DAY:
        return _short_span(value)  # `2:00:35`, `34 s`, `> 2 h`, never 0.002738 months
    largest = top if top is not None else (max(bounds) if bounds else 0.0)
    unit_factor, unit_name, written = _display_unit(value, largest)
    bounds = [b / unit_factor for b in bounds]
    scale, scale_word = unit_factor, ""
    if value.kind in (ValueKind.AMOUNT, ValueKind.NUMBER) and bounds and written is None:
        for factor, word in _display().scales:
            if max(bounds) >= factor:
                scale, scale_word = unit_factor * factor, word
                break
    prefix, suffix = "", ""
    if written is not None:
        prefix, suffix = written
    elif value.kind is ValueKind.AMOUNT and value.unit:
        if value.unit in _display().symbols:
            prefix = _display().symbols[value.unit]
            suffix = f" {scale_word}" if scale_word else ""
        else:
            suffix = f" {scale_word} {unit_name}" if scale_word else f" {unit_name}"
    elif value.kind is ValueKind.NUMBER:
        suffix = f" {scale_word}" if scale_word else ""
    elif value.kind is ValueKind.PERCENT:
        suffix = "%"
    elif value.kind is ValueKind.DURATION:
        suffix = " years"
        if bounds and max(bounds) < 2:  # 18 months, not 1.458333–1.541667 years
            scale, suffix = 1 / 12, " months"
    elif value.kind is ValueKind.RANK:
        prefix = "#"

    def num(x: float) -> str:
        return _number(x / scale)

    def bound(x: float) -> str:
        # an end of an interval nobody wrote (a hedge's reach, a conversion from acres or °F):
        # four significant digits, the whole part kept (1,069.848 m → 1,070 m; 17,846.64 ha →
        # 17,847 ha; 38.666667 °C → 38.67 °C)
        y = x / scale
        if y == int(y) or not math.isfinite(y):
            return _number(y)
        digits = max(4, len(str(int(abs(y)))))
        return _number(float(f"{y:.{digits}g}"))

    lo, hi = iv.lower, iv.upper
    if value.stated is not None:
        # A bare figure is shown as written (`217,074`, `$7.6 bn`), never as the interval of
        # values that round to it (`217,073.5–217,074.5`) nor rounded for display; a figure
        # with more digits than a scale word reads well with (`2,617,175`, not `2.617175 mn`)
        # is shown in full.
        if scale_word and len(num(value.stated).partition(".")[2]) > 2:
            plain = suffix.replace(f" {scale_word}", "", 1)
            return f"{prefix}{_number(value.stated / unit_factor)}{plain}"
        return f"{prefix}{num(value.stated)}{suffix}"
    if lo is not None and hi is not None:
        if lo == hi:
            return f"{prefix}{num(lo)}{suffix}"
        if iv.lower_inclusive and iv.upper_inclusive:
            return f"{prefix}{bound(lo)}–{bound(hi)}{suffix}"
        left = "≥" if iv.lower_inclusive else ">"
        right = "≤" if iv.upper_inclusive else "<"
        return f"{left} {prefix}{bound(lo)}{suffix}, {right} {prefix}{bound(hi)}{suffix}"
    if lo is not None:
        return f"{'≥' if iv.lower_inclusive else '>'} {prefix}{bound(lo)}{suffix}"
    if hi is not None:
        return f"{'≤' if iv.upper_inclusive else '<'} {prefix}{bound(hi)}{suffix}"
    return "any value"


#: A day, in the years durations are kept in (data/units.txt: a year of 365.25 days).
_DAY = 1 / 365.25
_SECONDS_PER_YEAR = 31_557_600


def _short_span(value: Value) -> str:
    """A duration under a day, in the units a stopwatch gives: `2:00:35`, `34 s`, `2 h`, `45 min`,
    `> 30 s`, `≥ 1:48, ≤ 2:12 h`... each end written as `clock`."""
    iv = value.interval
    assert iv is not None
    if value.stated is not None:
        return clock(value.stated * _SECONDS_PER_YEAR)
    lo, hi = iv.lower, iv.upper
    if lo is not None and hi is not None:
        if lo == hi:
            return clock(lo * _SECONDS_PER_YEAR)
        if iv.lower_inclusive and iv.upper_inclusive:
            return f"{clock(lo * _SECONDS_PER_YEAR)}–{clock(hi * _SECONDS_PER_YEAR)}"
        left, right = ("≥" if iv.lower_inclusive else ">"), ("≤" if iv.upper_inclusive else "<")
        return f"{left} {clock(lo * _SECONDS_PER_YEAR)}, {right} {clock(hi * _SECONDS_PER_YEAR)}"
    if lo is not None:
        return f"{'≥' if iv.lower_inclusive else '>'} {clock(lo * _SECONDS_PER_YEAR)}"
    assert hi is not None
    return f"{'≤' if iv.upper_inclusive else '<'} {clock(hi * _SECONDS_PER_YEAR)}"


def clock(seconds: float) -> str:
    """A span of seconds as people write it: `34 s` under a minute, `2 h` and `45 min` when
    whole, else `h:mm:ss` (`2:00:35`, `0:59:40.5`), to the millisecond."""
    s = round(seconds, 3)
    if s < 60:
        return f"{_number(s)} s"
    if s % 3600 == 0:
        return f"{_number(s / 3600)} h"
    if s < 3600 and s % 60 == 0:
        return f"{_number(s / 60)} min"
    hours, rest = divmod(s, 3600)
    minutes, secs = divmod(rest, 60)
    whole = int(secs)
    fraction = f"{round(secs - whole, 3):.3f}".rstrip("0").rstrip(".")[1:]
    return f"{int(hours)}:{int(minutes):02d}:{whole:02d}{fraction}"


def _number(x: float) -> str:
    """Up to six decimals (enough for any stated precision), trailing zeros dropped, commas."""
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def rounded(value: Value, digits: int = 4) -> Value:
    """A computed amount (a converted one) for people: `digits` significant digits, so that
    `$526.666667–643.703704 mn` shows as `$526.7–643.7 mn`. The JSON keeps every digit."""

    iv = value.interval
    if iv is None:
        return value
    bounds = [abs(b) for b in (iv.lower, iv.upper) if b is not None]
    # to `digits` digits in the unit people read (195 km/h, not 54.17 m/s shown as 195.012 km/h)
    factor = _display_unit(value, max(bounds) if bounds else 0.0)[0]

    def r(x: float | None) -> float | None:
        return None if x is None else float(f"{float(f'{x / factor:.{digits}g}') * factor:.15g}")

    lower, upper = r(iv.lower), r(iv.upper)
    if lower is not None and upper is not None and lower == upper:
        return Value(value.kind, Interval.closed(lower, upper), unit=value.unit)
    return Value(value.kind, Interval(lower, upper, iv.lower_inclusive, iv.upper_inclusive), unit=value.unit,
                 stated=r(value.stated))


def significant(x: float, digits: int = 3, *, commas: bool = True) -> str:
    """`x` to `digits` significant digits, written out (`9,990`, `0.0123`, never `1e+04`): axis
    labels, and chart data for Mermaid (`commas=False`), which reads no exponent."""
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else str(x)
    places = digits - 1 - math.floor(math.log10(abs(x)))
    text = f"{round(x, places):{',' if commas else ''}.{max(0, places)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Axis:
    """A value axis as people read the subject's figures: base units divided by `divisor` and
    written between `prefix` and `suffix` (`$` 7.6 ` bn`, 67.9 ` mn t`, 12.3 ` km`)."""

    divisor: float
    prefix: str
    suffix: str

    def label(self, x: float) -> str:
        return f"{self.prefix}{significant(x / self.divisor)}{self.suffix}"

    @property
    def title(self) -> str:
        """The unit alone, for an axis title: `$ bn`, `mn t`, `km`, `%`."""
        return " ".join(f"{self.prefix} {self.suffix}".split())


def value_axis(kind: str, unit: str | None, top: float) -> Axis:
    """The one unit and scale of a chart's value axis whose largest magnitude is `top`: the
    display unit and scale word `figure` picks for such a value (grams as t or kg, meters as
    km or m, money with its symbol or code and bn/mn), so that every claim of the subject, a
    depth in km beside one in m, is drawn on one axis in one unit."""
    divisor, name = 1.0, unit or ""
    for factor, display in _display().units.get(name, ()):
        if top >= 10 * factor or factor == 1.0:
            divisor, name = factor, display
            break
    word = ""
    if kind in (ValueKind.AMOUNT, ValueKind.NUMBER):
        for factor, scale_word in _display().scales:
            if top >= divisor * factor:
                divisor, word = divisor * factor, f" {scale_word}"
                break
    if kind == ValueKind.AMOUNT and unit in _display().symbols:
        return Axis(divisor, _display().symbols[unit], word)
    if kind == ValueKind.AMOUNT and unit:
        return Axis(divisor, "", f"{word} {name}")
    if kind == ValueKind.PERCENT:
        return Axis(divisor, "", "%")
    if kind == ValueKind.RANK:
        return Axis(divisor, "#", "")
    if kind == ValueKind.DURATION:
        return Axis(1 / 12, "", " months") if top < 2 else Axis(1.0, "", " years")
    return Axis(divisor, "", word)


@lru_cache(maxsize=65536)
def span_label(value: Value) -> str:
    """`2025-09-29`, `2025-09`, `2025`, `2025-Q3`, `2025-01-01..2025-08-31`, or a minute
    `2023-02-06T14:30` (`…Z` when it is UTC)."""
    if value.unit == "minute":
        return _minute_label(value)
    start, end = value.start, value.end
    if start is None or end is None:  # open at one end: "before 2015", "since 2011"
        return f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"
    match value.granularity:
        case "day":
            return start.isoformat()
        case "month":
            return start.isoformat()[:7]
        case "year":
            return str(start.year)
        case "quarter":
            return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        case "half":
            return f"{start.year}-H{(start.month - 1) // 6 + 1}"
    return f"{start.isoformat()}..{end.isoformat()}"



def _minute_label(value: Value) -> str:
    iv = value.interval
    assert iv is not None and iv.lower is not None and iv.upper is not None

    def at(m: float) -> str:
        return (_EPOCH + dt.timedelta(minutes=int(m))).strftime("%Y-%m-%dT%H:%M")

    zone = "Z" if value.note == "UTC" else ""
    if iv.lower == iv.upper:
        return at(iv.lower) + zone
    return f"{at(iv.lower)}{zone}..{at(iv.upper)}{zone}"
