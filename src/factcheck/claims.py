"""Claims after reading: each claim's value, time and period, or why it could not be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.models import Claim, Source

if TYPE_CHECKING:
    from factcheck.rates import Conversion
from factcheck.values import ReadError, ReadOptions, Value, ValueKind, parse_value
from factcheck.values.expect import Expect
from factcheck.values.model import date_value


@dataclass(frozen=True, slots=True, eq=False)
class ReadClaim:
    """One claim with its figure read. `index` is its place in the file's `claims` list.

    Compared and hashed by identity (`eq=False`): one object per claim in a run, and hashing
    the whole claim (pydantic model, values) made every set and dict of claims slow.
    """

    index: int
    claim: Claim
    source: Source
    value: Value | None
    error: str | None  # why `says` (or `as_of`/`period`) could not be read
    error_field: str | None  # which key the error is about
    time: Value  # a date span: `as_of`, else the source's publication day
    period: Value | None  # flow subjects: the span the amount covers
    conversion: Conversion | None = None  # set when `value` was converted with a stated rate

    @property
    def start(self) -> int:
        """First day (day number) of the claim's time span: `as_of: 2024` starts 2024-01-01."""
        assert self.time.interval is not None and self.time.interval.lower is not None
        return int(self.time.interval.lower)

    @property
    def when(self) -> int:
        """Last day (day number) of the claim's time span; a publication day is both."""
        assert self.time.interval is not None and self.time.interval.upper is not None
        return int(self.time.interval.upper)

    def days_apart(self, other: ReadClaim) -> int:
        """The most days that can lie between the two claims' times (their spans' far ends).

        For claims made on a day this is simply the distance; for `as_of: 2024` against a day
        in June 2024 it is up to the far end of 2024: they are not surely close in time.
        """
        return max(other.when - self.start, self.when - other.start)

    def surely_before(self, other: ReadClaim) -> bool:
        """True when this claim's whole time span ends before the other's begins."""
        return self.when < other.start

    @property
    def time_label(self) -> str:
        return span_label(self.time)

    @property
    def says(self) -> str:
        return self.claim.says


@lru_cache(maxsize=65536)
def span_label(value: Value) -> str:
    """`2025-09-29`, `2025-09`, `2025`, `2025-Q3` or `2025-01-01..2025-08-31`."""
    start, end = value.start, value.end
    assert start is not None and end is not None
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


def _read_time(raw: object, source: Source, options: ReadOptions) -> Value:
    """`as_of`/`period`: an ISO date, month or year, or a phrase read against `published`."""
    if isinstance(raw, dt.date):
        return date_value(raw, raw, "day")
    text = str(raw)
    value = parse_value(text, source.language, source.published, options)
    if value.kind is not ValueKind.DATE:
        raise ReadError(f"{text!r} is not a date or a span of dates (it reads as a {value.kind})")
    return value


def read_claim(
    index: int, claim: Claim, source: Source, options: ReadOptions, expect: Expect | None = None
) -> ReadClaim:
    """The claim with its figure read as its subject's values are (`expect`), its time and its
    period; or why one of them could not be read."""
    published = date_value(source.published, source.published, "day")
    time, period, value = published, None, None
    try:
        if claim.as_of is not None:
            time = _read_time(claim.as_of, source, options)
    except ReadError as exc:
        return ReadClaim(index, claim, source, None, f"as_of: {exc}", "as_of", published, None)
    try:
        if claim.period is not None:
            period = _read_time(claim.period, source, options)
    except ReadError as exc:
        return ReadClaim(index, claim, source, None, f"period: {exc}", "period", time, None)
    try:
        value = parse_value(claim.says, source.language, source.published, options, expect)
    except ReadError as exc:
        return ReadClaim(index, claim, source, None, str(exc), "says", time, period)
    return ReadClaim(index, claim, source, value, None, None, time, period)


