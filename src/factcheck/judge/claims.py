"""Claims after reading: each claim's value, time and period, or why it could not be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.load.schema import Claim, GivenValue, Source

if TYPE_CHECKING:
    from factcheck.judge.rates import Conversion
from factcheck.read import ReadError, ReadOptions, Value, ValueKind, parse_value
from factcheck.read.dates import span_value
from factcheck.read.expect import Expect
from factcheck.read.humanize import span_label
from factcheck.read.interval import Interval
from factcheck.read.lexicon import category_key
from factcheck.read.model import date_value, minute_value
from factcheck.read.units import to_base
from factcheck.read.zones import offset_minutes


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
    # an unsigned change read with its quote's verb (`на 14%` in "снизилась на 14%": -14%);
    # the subject uses it when another claim gives the sign itself (grouping.signs_from_quotes)
    signed_by_quote: Value | None = None

    @property
    def first_minute(self) -> int:
        """The first minute of the claim's time span (minutes since 1970-01-01): `as_of: 2024`
        starts at 2024-01-01 00:00; a day is all its minutes; a time of day is its minute."""
        iv = self.time.interval
        assert iv is not None and iv.lower is not None
        return int(iv.lower) if self.time.unit == "minute" else int(iv.lower) * MINUTES_A_DAY

    @property
    def last_minute(self) -> int:
        """The last minute of the claim's time span: 23:59 of its last day, or its minute."""
        iv = self.time.interval
        assert iv is not None and iv.upper is not None
        return int(iv.upper) if self.time.unit == "minute" else int(iv.upper) * MINUTES_A_DAY + MINUTES_A_DAY - 1

    @property
    def start(self) -> int:
        """First day (day number) of the claim's time span: `as_of: 2024` starts 2024-01-01."""
        return self.first_minute // MINUTES_A_DAY

    @property
    def when(self) -> int:
        """Last day (day number) of the claim's time span; a publication day is both."""
        return self.last_minute // MINUTES_A_DAY

    def days_apart(self, other: ReadClaim) -> int:
        """The most whole days that can lie between the two claims' times (their spans' far
        ends): two days' distance, 0 within one day. For `as_of: 2024` against a day in June
        2024 it is up to the far end of 2024: they are not surely close in time."""
        far = max(other.last_minute - self.first_minute, self.last_minute - other.first_minute)
        return far // MINUTES_A_DAY

    def surely_before(self, other: ReadClaim) -> bool:
        """True when this claim's whole time span ends before the other's begins: two claims of
        one day without a time of day may have been made in either order."""
        return self.last_minute < other.first_minute

    def same_time_as(self, other: ReadClaim, window: int | None) -> bool:
        """"At the same time" (SPEC §3, revised): the time spans overlap (`as_of: 2006` and
        2006-06-01; two claims of one census year), or both lie within `window` days."""
        if self.first_minute <= other.last_minute and other.first_minute <= self.last_minute:
            return True
        return window is not None and self.days_apart(other) <= window

    @property
    def time_label(self) -> str:
        return span_label(self.time)

    @property
    def says(self) -> str:
        return self.claim.says


@dataclass(frozen=True, slots=True, eq=False)
class JudgedClaim(ReadClaim):
    """A claim whose figure was read: what rules, reconciliation and track records work on.

    The type says what the engine guarantees: `value` is never None (and `error` is), so code
    that only ever sees judged claims needs no check for a missing value."""

    value: Value


MINUTES_A_DAY = 1440


_EPOCH = dt.datetime(1970, 1, 1)


def instant_value(moment: dt.datetime) -> Value:
    """A claim's time given to the minute (`published: 2023-02-06T14:30+03:00`): in UTC when the
    offset is given, so that sources in different zones are ordered by when they spoke; as
    written (wall clock) when it is not."""
    if moment.tzinfo is None:
        return minute_value(moment)
    return minute_value(moment.astimezone(dt.UTC).replace(tzinfo=None), "UTC")


def published_time(source: Source) -> Value:
    """The source's publication day, or its minute when `published` gives a time of day."""
    if source.published_at is not None:
        return instant_value(source.published_at)
    return date_value(source.published, source.published, "day")


def _read_time(raw: object, source: Source, options: ReadOptions) -> Value:
    """`as_of`/`period`: an ISO date, date and time, month or year, or a phrase read against
    `published`."""
    if isinstance(raw, dt.datetime):
        return instant_value(raw)
    if isinstance(raw, dt.date):
        return date_value(raw, raw, "day")
    text = str(raw)
    if "T" in text and text[:4].isdigit():
        try:
            return instant_value(dt.datetime.fromisoformat(text))
        except ValueError:
            pass  # read as a phrase below, which words the error
    # a time or a period is read as dates: "the past four years" is the span of days (issue 18)
    value = parse_value(text, source.language, source.published, options, expect=Expect.DATE)
    if value.kind is not ValueKind.DATE:
        raise ReadError(f"{text!r} is not a date or a span of dates (it reads as a {value.kind})")
    if value.start is None or value.end is None:
        raise ReadError(f"{text!r} is open at one end ('since', 'before', 'by'): a claim's time is a closed span")
    return value


def given_value(given: GivenValue) -> Value:
    """The desk's own reading (`value:`) as a Value, in base units as the reader's are."""

    kind = ValueKind(given.kind)
    if kind is ValueKind.DATE:
        assert given.start is not None
        end = given.end or given.start

        return span_value(given.start, end)
    if kind is ValueKind.CATEGORY:
        return Value(kind, None, category=category_key(given.category or ""), label=given.category)
    unit, factor = None, 1.0
    if kind is ValueKind.AMOUNT:
        try:
            factor, unit = to_base(given.unit or "")
        except (ValueError, AttributeError, TypeError, KeyError):  # pint's for unknown units
            raise ReadError(f"value: unknown unit {given.unit!r} (an ISO 4217 code or a unit such as kilometer)") from None
    elif kind is ValueKind.DURATION:
        unit = "year"

    def scaled(x: float | None) -> float | None:
        return None if x is None else x * factor

    interval = Interval(scaled(given.lower), scaled(given.upper), given.lower_inclusive, given.upper_inclusive)
    return Value(kind, interval, unit=unit, note="given")


def _time_of_day(says: str, value: Value, source: Source, time: Value, options: ReadOptions,
                 expect: Expect | None) -> Value:
    """A time of day on the date beside it, else on the claim's own day (`as_of: 2023-02-06`
    for a time published the next day), else on the publication day."""
    day = time.start if time.unit == "day" and time.granularity == "day" else None
    if day is not None and day != source.published and value.start == source.published:
        # read on the publication day for want of a date beside it: the claim's day instead
        return parse_value(says, source.language, day, options, expect)
    return value


def utc_offset(value: Value, source: Source) -> int | None:
    """Minutes east of UTC of a time of day as written: the offset or zone in the phrase
    (`(-05:00)`, `MSK`), else the source's (`published: …+03:00`); None when neither is known
    (the time is then a wall clock, as written)."""
    if value.note == "UTC":
        return 0
    if value.note is not None:
        return offset_minutes(value.note)
    moment = source.published_at
    delta = moment.utcoffset() if moment is not None else None
    return None if delta is None else int(delta.total_seconds() // 60)


def in_utc(value: Value, offset: int) -> Value:
    """The same moment in UTC."""

    iv = value.interval
    assert iv is not None and iv.lower is not None and iv.upper is not None
    shifted = Interval(iv.lower - offset, iv.upper - offset, iv.lower_inclusive, iv.upper_inclusive)
    return Value(ValueKind.DATE, shifted, unit="minute", granularity=value.granularity, note="UTC")


def read_claim(
    index: int, claim: Claim, source: Source, options: ReadOptions, expect: Expect | None = None
) -> ReadClaim:
    """The claim with its figure read as its subject's values are (`expect`), its time and its
    period; or why one of them could not be read."""
    published = published_time(source)
    time, period, value = published, None, None
    signed: Value | None = None
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
        if claim.value is not None:
            value = given_value(claim.value)
        else:
            value = parse_value(claim.says, source.language, source.published, options, expect)
            if claim.quote and _may_take_the_verb(value):
                value, signed = _with_the_quotes_verb(claim.says, claim.quote, value, source, options, expect)
            if value.unit == "minute":
                value = _time_of_day(claim.says, value, source, time, options, expect)
    except ReadError as exc:
        field = "value" if claim.value is not None else "says"
        return ReadClaim(index, claim, source, None, str(exc), field, time, period)
    return JudgedClaim(index, claim, source, value, None, None, time, period, signed_by_quote=signed)




#: How many words before `says` in its quote are read with it, for the verb that gives a bare
#: figure its sign or its sense: `на 14%` in "снизилась на 14%", `до 16` in "возросло до 16",
#: `4,4 punti percentuali` in "in calo di 4,4 punti percentuali".
QUOTE_WORDS_BEFORE = 3


def _may_take_the_verb(value: Value) -> bool:
    """A reading the quote's verb can change: an unsigned percentage (a change without its
    direction) or a figure with an open end (`до 16`: "up to" alone, "rose to" after a verb)."""
    iv = value.interval
    if iv is None or value.kind not in (ValueKind.PERCENT, ValueKind.NUMBER, ValueKind.AMOUNT):
        return False
    if iv.lower is None or iv.upper is None:
        return True
    return value.kind is ValueKind.PERCENT and iv.lower >= 0


def _with_the_quotes_verb(says: str, quote: str, value: Value, source: Source, options: ReadOptions,
                          expect: Expect | None) -> tuple[Value, Value | None]:
    """`says` read with the words before it in its quote, in the source's language: the value
    with its open end closed when they close it (`возросло до 16`: 16, not "up to 16"), and the
    value with the sign they give (`снизилась на 14%`: -14%) or None. Only the reader's own
    phrases count (its lexicon of changes), and only the nearest words: the first of up to
    `QUOTE_WORDS_BEFORE` words back that reads decides."""
    at = quote.casefold().find(says.strip().casefold())
    if at <= 0:
        return value, None
    before = quote[:at].split()
    written = quote[at:at + len(says.strip())]
    for n in range(1, min(QUOTE_WORDS_BEFORE, len(before)) + 1):
        phrase = " ".join([*before[-n:], written])
        try:
            wider = parse_value(phrase, source.language, source.published, options, expect)
        except ReadError:
            continue
        if wider.dimension != value.dimension or wider.interval is None or value.interval is None:
            return value, None
        read = Value(wider.kind, wider.interval, unit=wider.unit, granularity=wider.granularity,
                     note=f"read with the quote: “{phrase}”", stated=wider.stated)
        if _closed(value.interval, wider.interval):
            return read, None
        return value, read if _negated(value.interval, wider.interval) else None
    return value, None


def _negated(a: Interval, b: Interval) -> bool:
    """Whether b is a with its sign turned (`14%` and `-14%`)."""
    return (a.lower is not None and a.upper is not None and b.lower is not None and b.upper is not None
            and a.upper > 0 and abs(b.lower + a.upper) < 1e-9 and abs(b.upper + a.lower) < 1e-9)


def _closed(a: Interval, b: Interval) -> bool:
    """Whether b closes a's open end at the figure a is open to (`≤ 16` and `16`)."""
    if b.lower is None or b.upper is None:
        return False
    if a.upper is None and a.lower is not None:
        return b.lower <= a.lower <= b.upper
    if a.lower is None and a.upper is not None:
        return b.lower <= a.upper <= b.upper
    return False
