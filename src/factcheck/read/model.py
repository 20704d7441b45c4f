"""What a figure reads as: a `Value` (an interval with a kind and a unit) or a `ReadError`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from factcheck.read.interval import Interval

#: Dates are intervals of day numbers counted from this day, so that they are judged by the same
#: interval code as every other figure. JSON shows them as `start`/`end` ISO days as well.
EPOCH = dt.date(1970, 1, 1)
_EPOCH_ORDINAL = EPOCH.toordinal()


def day_number(day: dt.date) -> int:
    return day.toordinal() - _EPOCH_ORDINAL


def day_from_number(number: float) -> dt.date:
    return dt.date.fromordinal(int(number) + _EPOCH_ORDINAL)


#: Times of day are intervals of minute numbers counted from 1970-01-01T00:00, of the wall-clock
#: time as written (no time-zone conversion: a written zone is kept in `Value.note`).
MINUTES_PER_DAY = 1440


def minute_number(when: dt.datetime) -> int:
    return day_number(when.date()) * MINUTES_PER_DAY + when.hour * 60 + when.minute


def datetime_from_minute(number: float) -> dt.datetime:
    day, minute = divmod(int(number), MINUTES_PER_DAY)
    return dt.datetime.combine(day_from_number(day), dt.time(minute // 60, minute % 60))


class ValueKind(StrEnum):
    AMOUNT = "amount"  # a quantity with a unit: money (ISO 4217 code) or a physical unit
    NUMBER = "number"  # a plain count
    PERCENT = "percent"  # in percentage points
    RANK = "rank"  # 1 = first
    DATE = "date"  # a span of days
    DURATION = "duration"  # in years
    CATEGORY = "category"  # a name, compared through aliases


class ReadError(ValueError):
    """A phrase that cannot be read. `part` is the piece that was not understood."""

    def __init__(self, message: str, part: str | None = None, suggestion: str | None = None):
        self.part = part
        self.suggestion = suggestion
        full = message
        if suggestion:
            full += f" (did you mean {suggestion!r}?)"
        super().__init__(full)


@dataclass(frozen=True, slots=True)
class Value:
    """One reading of one phrase.

    `interval` is in base units (USD, not billions of USD; points for percentages; day numbers
    for dates). Categories carry `category` (the canonical key after aliases) and no interval;
    a place inside another (a city in its country) carries the container's key in `within`.
    `note` keeps a qualifier that does not change the interval, such as "record".
    """

    kind: ValueKind
    interval: Interval | None
    unit: str | None = None
    category: str | None = None
    label: str | None = None  # how a category was written, for people
    note: str | None = None
    granularity: str | None = None  # dates: day | month | quarter | half | year | span; minute
    within: str | None = None  # categories: the place that contains this one (a city's country)
    stated: float | None = None  # a bare figure: the number as written (base units), for display
    # a physical amount shown in the unit it was written in (a speed: `120 mph`, `195 km/h`), never
    # in its base unit's steps; the interval stays in base units (`display.written`, common.yaml)
    written_unit: str | None = None

    @property
    def dimension(self) -> tuple[str, str | None]:
        """Values are only compared within the same dimension: kind and unit."""
        return (self.kind.value, self.unit)

    @property
    def start(self) -> dt.date | None:
        """The first day (for a time of day, the day of its first minute)."""
        if self.kind is not ValueKind.DATE or self.interval is None or self.interval.lower is None:
            return None
        if self.unit == "minute":
            return day_from_number(int(self.interval.lower) // MINUTES_PER_DAY)
        return day_from_number(self.interval.lower)

    @property
    def end(self) -> dt.date | None:
        """The last day (for a time of day, the day of its last minute)."""
        if self.kind is not ValueKind.DATE or self.interval is None or self.interval.upper is None:
            return None
        if self.unit == "minute":
            return day_from_number(int(self.interval.upper) // MINUTES_PER_DAY)
        return day_from_number(self.interval.upper)

    def overlaps(self, other: Value) -> bool:
        if self.kind is ValueKind.CATEGORY or other.kind is ValueKind.CATEGORY:
            if self.unit == "code" and other.unit == "code":
                # The same code in the same container, where both name one (values/codes.py).
                same_code = not self.category or not other.category or self.category == other.category
                return same_code and (self.within is None or other.within is None or self.within == other.within)
            # The same name, or one place inside the other ("Astana" and "in Kazakhstan").
            return (
                self.category == other.category
                or (self.within is not None and self.within == other.category)
                or (other.within is not None and other.within == self.category)
            )
        assert self.interval is not None and other.interval is not None
        return self.interval.overlaps(other.interval)

    def to_json(self) -> dict[str, Any]:
        """The SPEC §4 value shape: the one serialisation every formatter builds on."""
        return dict(_to_json(self))

    def _json(self) -> dict[str, Any]:
        iv = self.interval
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "lower": _json_number(iv.lower) if iv else None,
            "upper": _json_number(iv.upper) if iv else None,
            "lower_inclusive": iv.lower_inclusive if iv else False,
            "upper_inclusive": iv.upper_inclusive if iv else False,
            "unit": self.unit,
        }
        if self.kind is ValueKind.DATE and self.unit == "minute":
            # a time of day: ISO date-times to the minute, `2011-12-01T14:07`
            out["start"] = _iso_minute(iv.lower) if iv else None
            out["end"] = _iso_minute(iv.upper) if iv else None
            out["granularity"] = self.granularity
        elif self.kind is ValueKind.DATE:
            start, end = self.start, self.end
            out["start"] = start.isoformat() if start else None
            out["end"] = end.isoformat() if end else None
            out["granularity"] = self.granularity
        if self.kind is ValueKind.CATEGORY:
            out["category"] = self.category
            if self.within is not None:
                out["within"] = self.within
        if self.note:
            out["note"] = self.note
        return out


@lru_cache(maxsize=65536)
def _to_json(value: Value) -> tuple[tuple[str, Any], ...]:
    return tuple(value._json().items())


def _iso_minute(x: float | None) -> str | None:
    return None if x is None else datetime_from_minute(x).isoformat(timespec="minutes")


def _json_number(x: float | None) -> float | int | None:
    if x is None:
        return None
    if x == int(x) and abs(x) < 2**53:
        return int(x) if abs(x) < 1e15 else float(x)
    return x


@lru_cache(maxsize=65536)
def date_value(start: dt.date, end: dt.date, granularity: str) -> Value:
    return Value(
        ValueKind.DATE,
        Interval.closed(day_number(start), day_number(end)),
        unit="day",
        granularity=granularity,
    )


@lru_cache(maxsize=65536)
def minute_value(when: dt.datetime, note: str | None = None) -> Value:
    """A time of day: the one minute `when` (seconds dropped), as written; `note` keeps a
    written zone or offset (`CST`, `-05:00`), which is not applied."""
    m = minute_number(when)
    return Value(ValueKind.DATE, Interval.closed(m, m), unit="minute", note=note, granularity="minute")


@lru_cache(maxsize=65536)
def minute_span_value(
    lower: int, upper: int, lower_inclusive: bool = True, upper_inclusive: bool = True,
    note: str | None = None,
) -> Value:
    """Minutes `lower`..`upper` (minute numbers): a span of times of day (`9:00–9:30`, a hedged
    time, `before 9 AM`); one closed minute is `minute_value`'s point."""
    if lower == upper and lower_inclusive and upper_inclusive:
        return minute_value(datetime_from_minute(lower), note)
    return Value(
        ValueKind.DATE,
        Interval(lower, upper, lower_inclusive, upper_inclusive),
        unit="minute",
        note=note,
        granularity="span",
    )
