"""Dates and date phrases as day spans, resolved against the source's publication date.

Rules for phrases without a year (written down in docs/verdicts.md):
- a bare month or day (`in May`, `Sept. 29`): the most recent one on or before `published`;
- `last January`: the most recent January strictly before the month of `published`;
- `next May`: the first May strictly after the month of `published`;
- `last year`, `two years ago`, `28 anni fa`: whole calendar years counted back from `published`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from typing import NoReturn

from factcheck.read.interval import Interval
from factcheck.read.lexicon import Lexicon, Tokens
from factcheck.read.model import (
    MINUTES_PER_DAY,
    ReadError,
    Value,
    ValueKind,
    date_value,
    day_number,
    minute_span_value,
)
from factcheck.read.numbers import read_number
from factcheck.read.zones import OFFSET, place_zone, seasonal_note

_ISO = re.compile(r"([12]\d{3})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_YEAR = re.compile(r"[12]\d{3}")
_DAY = re.compile(r"\d{1,2}")
_YEAR_OR_CLOCK = re.compile(r"(?:^| )[12]\d{3}(?= |$)|\d:\d|(?:^| )\d\d?\.\d\d?\.\d\d(?:\d\d)?(?= |$)")
_NUMERIC_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_WORDS = re.compile(r"[^\W_]+")  # the words of a non-answer, as `non_answers` are kept


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def span_value(start: dt.date, end: dt.date) -> Value:
    """A date span, with the granularity people would name it by (day, month, year, span)."""
    if start == end:
        return date_value(start, end, "day")
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) \
            and end == month_span(start.year, start.month)[1]:
        return date_value(start, end, "month")
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return date_value(start, end, "year")
    return date_value(start, end, "span")


def open_date_value(first: dt.date | None, last: dt.date | None, note: str | None = None) -> Value:
    """A span of days open at one end: `before 2015` (…, 2014-12-31], `since 2011` [2011-01-01, …)."""
    return Value(
        ValueKind.DATE,
        Interval(
            None if first is None else day_number(first), None if last is None else day_number(last),
            first is not None, last is not None,
        ),
        unit="day",
        granularity="open",
        note=note,
    )


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (earlier if negative), on the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def iso_value(text: str) -> Value | None:
    """`2025-09-29`, `2025-09`, `2025`: the day, month or year (None if not ISO); an ISO 8601
    interval `2023-07-31/2023-10-29` (or `2023-07/2023-10`): the days from the first to the last."""
    first, slash, last = text.strip().partition("/")
    if slash:
        a, b = _iso_one(first), _iso_one(last)
        if a is None or b is None or a.start is None or b.end is None:
            return None
        if b.end < a.start:
            raise ReadError(f"the interval {text.strip()!r} runs backwards", part=text.strip())
        return date_value(a.start, b.end, "day" if a.start == b.end else "span")
    return _iso_one(text)


def _iso_one(text: str) -> Value | None:
    m = _ISO.fullmatch(text.strip())
    if not m:
        return None
    year = int(m.group(1))
    if m.group(3):
        try:
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return date_value(day, day, "day")
    if m.group(2):
        if not 1 <= int(m.group(2)) <= 12:
            return None
        return date_value(*month_span(year, int(m.group(2))), "month")
    return date_value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def has_year(tokens: Tokens) -> bool:
    """A four-digit year (1000-2999) among the tokens."""
    return any(_YEAR.fullmatch(t) for t in tokens)


def might_be_a_date(lex: Lexicon, tokens: Tokens) -> bool:
    """A month, a date word, a year or a time of day: without one, a phrase is surely not a
    date, and its reading does not depend on the publication day."""
    if not lex.date_triggers.isdisjoint(tokens):
        return True
    joined = " ".join(tokens)
    if _YEAR_OR_CLOCK.search(joined):  # a token 1000-2999, or 9:10 (one pass over the text)
        return True
    return lex.times.loose and _loose_clock(lex, tokens, joined, False)


def _clock_like(lex: Lexicon, tokens: Tokens, dated: bool = False) -> bool:
    """A token that can be a time of day by itself (`9:10`, `01.12.2011`), or `14.30` / `9`
    right after a word that makes it one (`alle 14.30`, `в 14.30`, `verso le 9`); `dated`: the
    phrase may have a date, beside which any `14.30` may be a time (`1 dicembre 2011 14.30`)."""
    joined = " ".join(tokens)
    if ":" in joined:
        return True
    if lex.times.loose:
        return _loose_clock(lex, tokens, joined, dated)
    return dated and _european(tokens)


def _european(tokens: Tokens) -> bool:
    """`29.02.2020 13.12`: a dotted time beside a dotted date, which only a writer of dotted
    times writes, in any language (in `en`, `13.12` alone is a number)."""
    return len(tokens) == 2 and any(_NUMERIC_DOTTED.fullmatch(t) for t in tokens) and any(
        _DOTTED_HM.fullmatch(t) for t in tokens)


def _loose_clock(lex: Lexicon, tokens: Tokens, joined: str, dated: bool) -> bool:
    """`14.30` or `9` after a time word, or `01.12.2011`: only where the language has them."""
    times = lex.times
    if "." not in joined and times.bare_hours.isdisjoint(tokens):
        return False  # the common case
    prev = ""
    for t in tokens:
        if t[:1].isdigit():
            if t.count(".") == 2 and times.numeric_dates == "dmy":
                return True
            if prev in times.bare_hours and len(t) <= 2:
                return True
            if times.dotted and (dated or prev in times.openers) and _DOTTED_HM.fullmatch(t):
                return True
        prev = t
    return False


class DateReader:
    """Reads a token sequence as a date span, or returns None when it is not a date phrase."""

    def __init__(
        self, lex: Lexicon, published: dt.date, ranges: bool = True, times: bool = True, spans: bool = False
    ):
        self.lex = lex
        self.published = published
        self.ranges = ranges  # False inside a range: "from May to August" is not nested further
        self.times = times  # False for the date beside a time: "Dec 1" in "Dec 1 2:55 PM"
        # True on a date subject: "in the past four years" is the span of days, not a duration
        self.spans = spans

    def read(self, tokens: Tokens) -> Value | None:
        if self.ranges and self.times:  # the whole phrase, not a part of it
            refuse_non_answer(self.lex, tokens, self.published)
        if not self.spans and not might_be_a_date(self.lex, tokens):
            return None  # the common case for amounts: no month, year or date word at all
        times: TimeReader | None = None
        if self.times and (not self.lex.times.triggers.isdisjoint(tokens) or _clock_like(self.lex, tokens, True)):
            times = TimeReader(self)
            value = times.read(tokens)
            if value is not None:
                return value
        value = self._single(tokens)
        if value is None and self.ranges:
            value = self._date_range(tokens) or self._open(tokens)
        weekdays = self.lex.times.weekdays
        if value is None and len(tokens) > 2 and tokens[0] not in weekdays and tokens[1] in weekdays \
                and self.lex.date_prepositions.match(tokens, 0) is not None:
            tokens = tokens[1:]  # "в понедельник, 6 февраля", "on Monday, 6 February"
        if value is None and len(tokens) > 1 and (tokens[0] in weekdays or tokens[-1] in weekdays):
            value = self._on_weekday(tokens)
        if value is None:
            value = self._weekday(tokens)
        if value is None and times is not None and times.problem is not None:
            raise times.problem  # "9:10 AM in May 2025": a time, but on no one day
        return value

    def _on_weekday(self, tokens: Tokens) -> Value | None:
        """`Thu, Dec 1 2011`, `giovedì 1 dicembre`, `2011-12-02 Fri`: the day, if the weekday
        is its own."""
        if tokens[0] in self.lex.times.weekdays:
            weekday, rest = tokens[0], tokens[self._skip_prepositions(tokens, 1) :]
        else:
            weekday, rest = tokens[-1], tokens[:-1]
        value = DateReader(self.lex, self.published, ranges=False, times=False).read(rest)
        if value is None or value.granularity != "day" or value.start is None:
            return None
        check_weekday(value.start, self.lex.times.weekdays[weekday], weekday)
        return value

    def _open(self, tokens: Tokens) -> Value | None:
        """Dates open at one end (docs/languages.md "Open and half-open dates"):
        `before 2015`, `prima del 2010`, `до 2015 года` → up to the day before;
        `after 2019`, `dopo il 2018`, `после 2019 года` → from the day after;
        `since 2011`, `dal 2011`, `a partire da marzo`, `2019 or later` → from its first day on;
        `by 2035`, `entro il 2035`, `к 2035 году` → a deadline: up to its last day."""
        lex = self.lex
        kind: str | None = None
        rest: Tokens = ()
        for pos in dict.fromkeys((0, self._skip_prepositions(tokens, 0))):
            if pos == 0 and (m := lex.open_dates.match(tokens, pos)) is not None:
                kind, rest = m[0], tokens[m[1]:]
                break
            if (since := lex.since_words.match(tokens, pos)) is not None:
                kind, rest = "since", tokens[since[1]:]
                break
        else:
            for k in range(1, len(tokens)):
                after = lex.open_date_suffixes.match(tokens, k)
                if after is not None and after[1] == len(tokens):
                    kind, rest = after[0], tokens[:k]
                    break
        if kind is None or not rest:
            return None
        if not self.spans and len(rest) == 1 and rest[0].isdigit() and lex.hedges.match(tokens, 0) is not None:
            # "up to 1000", "fino a 2000", "до 1500": a bare number after words that also bound an
            # amount is the amount's bound, unless the subject is a date ("fino al 2029")
            return None
        for k in range(1, len(rest)):
            after = lex.open_date_suffixes.match(rest, k)
            if after is not None and after[1] == len(rest) and after[0] == "since" and kind in ("since", "after"):
                rest = rest[:k]  # "dal 2015 in poi", "from 2019 onwards"
                break
        date = DateReader(lex, self.published, ranges=False, times=False).read(rest)
        period = lex.period_words.match(rest, 0)
        if date is None and period is not None and period[1] == len(rest):
            # "by the end of the year", "entro la fine dell'anno", "до конца месяца"
            pub = self.published
            whole = (month_span(pub.year, pub.month) if period[0] == "month"
                     else (dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31)))
            date = span_value(*whole)
        if date is None or date.interval is None or date.unit != "day" or date.start is None or date.end is None:
            return None
        first, last = date.start, date.end
        if kind == "since" and first > self.published:
            raise ReadError(
                f"'since' a date after publication ({first.isoformat()} > "
                f"{self.published.isoformat()})"
            )
        match kind:
            case "before":
                return open_date_value(None, first - dt.timedelta(days=1))
            case "after":
                return open_date_value(last + dt.timedelta(days=1), None)
            case "by":
                return open_date_value(None, last, "deadline")
            case "until":
                return open_date_value(None, last)
        return open_date_value(first, None)  # since, from, or later

    def _weekday(self, tokens: Tokens) -> Value | None:
        """`on Tuesday`, `last Friday`, `martedì scorso`, `в прошлую пятницу`, `next Monday`: the
        most recent such day on or before publication (strictly before with `last`, strictly
        after with `next`)."""
        lex = self.lex
        weekdays = lex.times.weekdays
        found = [i for i, t in enumerate(tokens) if t in weekdays]
        if len(found) != 1:
            return None
        i = found[0]
        before, after = tokens[:i], tokens[i + 1:]
        direction = 0
        for side, start in ((before, True), (after, False)):
            pos = 0
            while pos < len(side):
                if (m := lex.weekday_before.match(side, pos)) is not None:
                    direction, pos = -1, m[1]
                elif (m := lex.weekday_after.match(side, pos)) is not None:
                    direction, pos = 1, m[1]
                elif start and ((m := lex.date_prepositions.match(side, pos)) is not None
                                or (m := lex.times.markers.match(side, pos)) is not None):
                    pos = m[1]
                else:
                    return None
        target = weekdays[tokens[i]]
        pub = self.published
        back = (pub.isoweekday() - target) % 7
        if direction < 0 and back == 0:
            back = 7
        day = pub - dt.timedelta(days=back)
        if direction > 0:
            day = pub + dt.timedelta(days=(target - pub.isoweekday()) % 7 or 7)
        return date_value(day, day, "day")

    def _single(self, tokens: Tokens) -> Value | None:
        # Before articles and prepositions are skipped: "l'anno scorso", "dal 2019 al 2024".
        value = self._relative_year(tokens, 0) or self._year_range(tokens, 0)
        if value is not None:
            return value
        pos = self._skip_prepositions(tokens, 0)
        attempts: tuple[Callable[[Tokens, int], Value | None], ...] = (
            *((self._relative_year,) if pos else ()),  # at position 0 it was just tried
            self._numeric_or_relative_day,
            self._years_ago,
            self._hedged_ago,
            self._later,
            self._week,
            self._this_period,
            self._part_of_period,
            self._anniversary,
            *((self._recent_span,) if self.spans else ()),
            self._first_months,
            self._quarter_or_half,
            self._relative_month,
            self._day_month_year,
            self._month_day_year,
            self._month_range,
            self._nth_in_month,
            self._season,
            self._month_year,
            self._decade,
            self._year,
        )
        for attempt in attempts:
            value = attempt(tokens, pos)
            if value is not None:
                return value
        return None

    # -- helpers -------------------------------------------------------------------------------

    def _skip_prepositions(self, tokens: Tokens, pos: int) -> int:
        while True:
            m = self.lex.date_prepositions.match(tokens, pos) or self.lex.fillers.match(tokens, pos)
            if not m:
                return pos
            pos = m[1]

    def _month(self, tokens: Tokens, pos: int) -> int | None:
        return self.lex.months.get(tokens[pos]) if pos < len(tokens) else None

    def _year_end(self, tokens: Tokens, pos: int) -> tuple[int, int] | None:
        """A four-digit year at `pos` and the position after it and its suffix (`2024 года`)."""
        if pos < len(tokens) and _YEAR.fullmatch(tokens[pos]):
            suffix = self.lex.year_suffixes.match(tokens, pos + 1)
            return int(tokens[pos]), suffix[1] if suffix else pos + 1
        return None

    def _year_to_end(self, tokens: Tokens, pos: int) -> int | None:
        """A year (with its suffix) that ends the phrase, or None."""
        y = self._year_end(tokens, pos)
        return y[0] if y is not None and y[1] == len(tokens) else None

    def _day_at(self, tokens: Tokens, pos: int) -> tuple[int, int] | None:
        """A day of the month, with an optional ordinal suffix (`30th`, `1°`)."""
        if pos < len(tokens) and _DAY.fullmatch(tokens[pos]) and 1 <= int(tokens[pos]) <= 31:
            end = pos + 1
            if end < len(tokens) and tokens[end] in self.lex.ordinal_suffixes:
                end += 1
            return int(tokens[pos]), end
        return None

    def _latest_on_or_before(self, month: int, day: int | None = None) -> int:
        """The year of the most recent (month, day) on or before `published`."""
        pub = self.published
        if day is None:
            return pub.year if month <= pub.month else pub.year - 1
        return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1

    @staticmethod
    def _make_day(year: int, month: int, day: int) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    # -- phrase shapes -------------------------------------------------------------------------

    def _numeric_or_relative_day(self, tokens: Tokens, pos: int) -> Value | None:
        """`12/1/11`, `01.12.2011`, `yesterday`: one attempt, as most phrases are neither."""
        if len(tokens) - pos == 5 or (len(tokens) - pos == 1 and "." in tokens[pos]):
            return self._numeric_date(tokens, pos)
        if tokens[pos:pos + 1] and tokens[pos] in self.lex.times.days.words:
            return self._relative_day(tokens, pos)
        return None

    def _numeric_date(self, tokens: Tokens, pos: int) -> Value | None:
        """`12/1/11`, `12/01/2011` (month/day/year in `en`, day/month/year in `it` and `ru`),
        `2011-12-01` and `2011/12/01` (year first), `01.12.2011` (`it`, `ru`)."""
        rest = tokens[pos:]
        order = self.lex.times.numeric_dates
        if len(rest) == 5 and rest[1] == rest[3] and rest[1] in ("/", "-"):
            a, b, c = rest[0], rest[2], rest[4]
            if b in self.lex.months:
                return self._day_named_month_year(a, b, c, "".join(rest))
            if not (a.isdecimal() and b.isdecimal() and c.isdecimal()) or len(b) > 2:
                return None
            if len(a) == 4:
                year, month, day = a, b, c
            elif len(a) > 2 or (rest[1] == "-" and len(c) != 4):
                return None  # "5-7-9" is no date; day-month-year with dashes needs the full year
            elif order == "mdy":
                month, day, year = a, b, c
            else:
                day, month, year = a, b, c
        elif len(rest) == 1 and (m := _NUMERIC_DOTTED.fullmatch(rest[0])):
            # `01.12.2011` is day.month.year wherever it is written: month-first writers use slashes
            day, month, year = m.groups()
            if not 1 <= int(month) <= 12:
                raise ReadError(f"{rest[0]!r} has no month {int(month)}: a dotted date is day.month.year", part=rest[0])
            return self._one_day(_full_year(int(year), len(year)), int(month), int(day), rest[0], " read as day.month.year")
        else:
            return None
        if len(day) > 2 or len(year) not in (2, 4):
            return None
        return self._numeric_day("".join(rest), int(year), int(month), int(day), len(year))

    def _day_named_month_year(self, day: str, month: str, year: str, text: str) -> Value | None:
        """`05-Dec-2011`, `05-dic-11`, `05-дек-2011`, `05/Dec/2011`: day, month's name, year (the
        full year or two digits) in every language, as the name leaves no order to guess."""
        if not (day.isdecimal() and len(day) <= 2 and year.isdecimal() and len(year) in (2, 4)):
            return None
        full = _full_year(int(year), len(year))
        return self._one_day(full, self.lex.months[month], int(day), text)

    def _numeric_day(self, text: str, year: int, month: int, day: int, year_digits: int) -> Value:
        year = _full_year(year, year_digits)
        order = {"mdy": "month/day/year", "dmy": "day/month/year"}[self.lex.times.numeric_dates]
        if not 1 <= month <= 12:
            raise ReadError(
                f"{text!r} has no month {month}: {self.lex.language!r} reads numeric dates as "
                f"{order}, and year-month-day when the year comes first",
                part=text,
            )
        return self._one_day(year, month, day, text, f" read as {order}")

    def _one_day(self, year: int, month: int, day: int, text: str, how: str = "") -> Value:
        """That day, or the error that names the day the month does not have."""
        found = self._make_day(year, month, day)
        if found is None:
            raise ReadError(
                f"there is no day {day} in {calendar.month_name[month]} {year} ({text!r}{how})",
                part=text,
            )
        return date_value(found, found, "day")

    def _relative_day(self, tokens: Tokens, pos: int) -> Value | None:
        """`today`, `ieri`, `позавчера`: days counted from the publication day."""
        m = self.lex.times.days.match(tokens, pos)
        if m is None or m[1] != len(tokens):
            return None
        day = self.published + dt.timedelta(days=m[0])
        return date_value(day, day, "day")

    def _year_range(self, tokens: Tokens, pos: int) -> Value | None:
        """`2019-2024`, `between 2019 and 2024`, `from 2019 to 2024`, `dal 2019 al 2024`."""
        start = self.lex.range_starts.match(tokens, pos)
        if start:
            pos = start[1]
        first = self._year_end(tokens, pos)
        if first is None:
            return None
        sep = self.lex.range_separators.match(tokens, first[1])
        if sep is None or (start is None and tokens[first[1]] != "-"):
            return None
        last = self._year_to_end(tokens, sep[1])
        if last is None or last < first[0]:
            return None
        return date_value(dt.date(first[0], 1, 1), dt.date(last, 12, 31), "span")

    def _relative_year(self, tokens: Tokens, pos: int) -> Value | None:
        m = self.lex.relative_years.match(tokens, pos)
        if m and m[1] == len(tokens):
            year = self.published.year + m[0]
            return date_value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        return None

    def _count_and_unit(self, tokens: Tokens, pos: int) -> tuple[float, str, float, int] | None:
        """`three days`, `a decade`, `two hours`, `полвека`, `four years`: (count, unit, years per
        unit for spans of years, position after). Units: year, month, week, day, hour, minute."""
        lex = self.lex
        named = lex.named_durations.match(tokens, pos)
        if named is not None:
            return 1, "year", named[0], named[1]
        n = read_number(tokens, pos, lex)
        count: float
        if n is None:
            count, end = 1, pos  # "in the past year", "over the last decade"
        elif n[0].value <= 0 or (n[0].value != int(n[0].value) and n[0].value * 2 != int(n[0].value * 2)):
            return None  # a count, or a half ("полтора года")
        else:
            count, end = n[0].value, n[1]
        if (y := lex.year_words.match(tokens, end)) is not None:
            return count, "year", 1.0, y[1]
        if (mo := lex.month_words.match(tokens, end)) is not None:
            return count, "month", 1.0, mo[1]
        if (u := lex.span_units.match(tokens, end)) is not None:
            return count, u[0], 1.0, u[1]
        if (d := lex.duration_units.match(tokens, end)) is not None and d[0] >= 1:
            return count, "year", d[0], d[1]
        return None

    def _hedged_ago(self, tokens: Tokens, pos: int) -> Value | None:
        """`more than 50 years ago` (on or before that year), `less than a decade ago` (that year
        or later, up to publication), `about 30 years ago` (that year ± a tenth of the count)."""
        lex = self.lex
        if lex.ago_words.words.isdisjoint(tokens) or (m := lex.hedges.match(tokens, pos)) is None:
            return None
        ago = self._years_ago(tokens, m[1])
        if ago is None or ago.start is None or ago.end is None:
            return None
        match m[0]:
            case "over" | "at_least":
                return open_date_value(None, ago.end)
            case "under" | "up_to" | "nearly":
                return span_value(ago.start, self.published)
            case "approx":
                years = max(1, round((self.published.year - ago.start.year) * 0.1))
                return span_value(ago.start.replace(year=ago.start.year - years, month=1, day=1),
                                  ago.end.replace(year=ago.end.year + years, month=12, day=31))
        return None

    def _years_ago(self, tokens: Tokens, pos: int) -> Value | None:
        """`two years ago`, `28 anni fa`, `three days ago`, `a decade ago`, `полвека назад`, `6 ore
        fa`: the span counted back from publication (a year, a month, a week, a day; hours and
        minutes: the day or two they may fall on)."""
        if self.lex.ago_words.words.isdisjoint(tokens):
            return None  # no "ago": and "01 dic" must reach the day reader, not the number's error
        found = self._count_and_unit(tokens, pos)
        if found is None:
            return None
        count, unit, years, end = found
        ago = self.lex.ago_words.match(tokens, end)
        if not ago or ago[1] != len(tokens):
            return None
        return self._shifted(count, unit, years, -1)

    def _later(self, tokens: Tokens, pos: int) -> Value | None:
        """`через год`, `tra tre mesi`, `in two years`, `two years later`, `спустя 2 дня`: the span
        counted on from publication, as `ago` counts back."""
        lex = self.lex
        m = lex.later_words.match(tokens, 0)
        if m is None and self.spans:
            m = lex.later_on_dates.match(tokens, 0)  # "in two years", on a date subject only
        if m is None and lex.later_suffixes.words.isdisjoint(tokens):
            return None  # neither "через" nor "later": and "01 dic" must reach the day reader
        start = m[1] if m is not None else pos
        try:
            found = self._count_and_unit(tokens, start)
        except ReadError:
            return None  # "tra 01 e 05": not a count, left to the other readers
        if found is None:
            return None
        count, unit, years, end = found
        if m is None:
            after = lex.later_suffixes.match(tokens, end)
            if after is None:
                return None
            end = after[1]
        return self._shifted(count, unit, years, 1) if end == len(tokens) else None

    def _shifted(self, count: float, unit: str, years: float, sign: int) -> Value | None:
        """The year, month, week or day `count` units from publication (`sign` -1 back, +1 on);
        hours and minutes: the day or two they may fall on."""
        pub = self.published
        if unit == "year" and (count * years) != int(count * years):
            unit, count = "month", round(count * years * 12)  # "через полтора года": 18 months
        count = int(count)
        match unit:
            case "year":
                year = pub.year + sign * round(count * years)
                if not 1 <= year <= 9999:
                    return None
                return date_value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
            case "month":
                months = pub.year * 12 + pub.month - 1 + sign * count
                return date_value(*month_span(months // 12, months % 12 + 1), "month")
            case "week":
                monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=sign * 7 * count)
                return date_value(monday, monday + dt.timedelta(days=6), "span")
            case "day":
                day = pub + dt.timedelta(days=sign * count)
                return date_value(day, day, "day")
            case "hour" | "minute":
                hours = count if unit == "hour" else count / 60
                near, far = pub + dt.timedelta(days=sign * math.floor(hours / 24)), pub + dt.timedelta(
                    days=sign * math.ceil(hours / 24))
                return span_value(min(near, far), max(near, far))
        return None

    def _week(self, tokens: Tokens, pos: int) -> Value | None:
        """`last week`, `la settimana scorsa`, `на прошлой неделе`: Monday to Sunday."""
        m = self.lex.weeks.match(tokens, 0) or self.lex.weeks.match(tokens, pos)
        if m is None or m[1] != len(tokens):
            return None
        monday = self.published - dt.timedelta(days=self.published.weekday() - 7 * m[0])
        return date_value(monday, monday + dt.timedelta(days=6), "span")

    def _this_period(self, tokens: Tokens, pos: int) -> Value | None:
        """`earlier this month` (its first day to publication), `later this year`, `this week`."""
        m = self.lex.this_period.match(tokens, pos)
        if m is None or m[1] != len(tokens):
            return None
        when, _, period = m[0].partition(":")
        pub = self.published
        if period == "year":
            first, last = dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31)
        elif period == "month":
            first, last = month_span(pub.year, pub.month)
        else:
            first = pub - dt.timedelta(days=pub.weekday())
            last = first + dt.timedelta(days=6)
        if when == "earlier":
            last = pub
        elif when == "later":
            first = pub
        return span_value(first, last)

    def _part_of_period(self, tokens: Tokens, pos: int) -> Value | None:
        """`early 2019`, `mid-2021`, `the end of 2020`, `inizio 2019`, `a fine anno`, `в конце
        года`, `late March`: a third of the year (four months), of the month (about ten days) or
        of the decade."""
        lex = self.lex
        m = lex.month_parts.match(tokens, pos)
        if m is None:
            return None
        part, at = m[0], m[1]
        if at < len(tokens) and tokens[at] == "-":
            at += 1
        while at < len(tokens) and tokens[at] in lex.date_of:
            at += 1
        pub = self.published
        period = lex.period_words.match(tokens, at)
        if period is not None and period[1] == len(tokens):
            if period[0] == "month":
                first, last = month_span(pub.year, pub.month)
            else:
                first, last = dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31)
        else:
            whole = DateReader(lex, pub, ranges=False, times=False).read(tokens[at:])
            if whole is None or whole.unit != "day" or whole.start is None or whole.end is None:
                return None
            first, last = whole.start, whole.end
        if whole_year := (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            years = last.year - first.year + 1
            if years == 1:
                edges = [(1, 1, 4, 30), (5, 1, 8, 31), (9, 1, 12, 31)][part - 1]
                return span_value(dt.date(first.year, edges[0], edges[1]), dt.date(first.year, edges[2], edges[3]))
            if years == 10:  # "the early 1990s": 1990-1993, 1994-1996, 1997-1999
                lo, hi = [(0, 3), (4, 6), (7, 9)][part - 1]
                return span_value(dt.date(first.year + lo, 1, 1), dt.date(first.year + hi, 12, 31))
        if not whole_year and (first.year, first.month) == (last.year, last.month) and first.day == 1:
            lo, hi = [(1, 10), (11, 20), (21, last.day)][part - 1]
            return span_value(first.replace(day=lo), first.replace(day=hi))
        return None

    def _anniversary(self, tokens: Tokens, pos: int) -> Value | None:
        """`the 30th anniversary of` (published 2022 → 1992), `il 30° anniversario`, `30-летие`:
        the year of the event being marked."""
        lex = self.lex
        if lex.anniversary_words.words.isdisjoint(tokens) or pos >= len(tokens):
            return None
        token = tokens[pos]
        end = pos + 1
        count: int | None = None
        if token.isdigit():
            count = int(token)
            while end < len(tokens) and (tokens[end] == "-" or tokens[end] in lex.ordinal_suffixes):
                end += 1
        elif token in lex.ordinals:
            count = lex.ordinals[token]
        word = lex.anniversary_words.match(tokens, end)
        if count is None or word is None:
            return None
        if not (word[1] == len(tokens) or (word[1] + 1 == len(tokens) and tokens[-1] in lex.date_of)):
            return None  # "the 30th anniversary (of)": not what follows it
        year = self.published.year - count
        return date_value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    def _recent_span(self, tokens: Tokens, pos: int) -> Value | None:
        """On a date subject: `in the past four years`, `negli ultimi tre mesi`, `за последние пять
        лет`, `nei prossimi due anni`: the span of days from then to publication (or on)."""
        lex = self.lex
        m = lex.recent_spans.match(tokens, 0)
        if m is None:
            return None
        found = self._count_and_unit(tokens, m[1])
        if found is None or found[3] != len(tokens):
            return None
        count, unit, years, _ = found
        pub = self.published
        sign = m[0]
        match unit:
            case "year" | "month":
                months = round(count * years * 12) if unit == "year" else round(count)
                other = _add_months(pub, sign * months)
            case "week":
                other = pub + dt.timedelta(days=sign * 7 * count)
            case "day":
                other = pub + dt.timedelta(days=sign * count)
            case _:
                other = pub + dt.timedelta(days=sign * math.ceil(count / (24 if unit == "hour" else 1440)))
        return span_value(min(pub, other), max(pub, other))

    def _first_months(self, tokens: Tokens, pos: int) -> Value | None:
        """`the first eight months of the year`, `i primi otto mesi del 2025`."""

        m = self.lex.first_months.match(tokens, pos)
        if not m:
            return None
        n = read_number(tokens, m[1], self.lex)
        if not n or not 1 <= n[0].value <= 12 or n[0].value != int(n[0].value):
            return None
        unit = self.lex.month_words.match(tokens, n[1])
        if not unit:
            return None
        year = self._year_of_rest(tokens, unit[1])
        if year is None:
            return None
        return date_value(
            dt.date(year, 1, 1), month_span(year, int(n[0].value))[1], "span"
        )

    def _year_of_rest(self, tokens: Tokens, pos: int) -> int | None:
        """What follows `the first N months` / `Q3`: `of the year`, `of 2025`, or nothing."""
        if pos == len(tokens):
            return self.published.year
        m = self.lex.of_the_year.match(tokens, pos)
        if m and m[1] == len(tokens):
            return self.published.year
        after = m[1] if m else self._skip_prepositions(tokens, pos)
        year = self._year_to_end(tokens, after)
        if year is None and after != pos:
            year = self._year_to_end(tokens, pos)  # "2025 года": "года" is also "of the year"
        return year

    def _quarter_or_half(self, tokens: Tokens, pos: int) -> Value | None:
        """`Q3 2025`, `the third quarter`, `в III квартале 2025 года`, `primo semestre`."""
        found = self._period_name(tokens, pos)
        if found is None:
            return None
        number, months, end = found
        if not 1 <= number <= 12 // months:
            return None
        first = (number - 1) * months + 1
        last = first + months - 1
        year: int | None
        if end == len(tokens):  # no year: the most recent such quarter/half, as for months
            year = self._latest_on_or_before(first)
        else:
            year = self._year_of_rest(tokens, end)
        if year is None:
            return None
        kind = "quarter" if months == 3 else "half"
        return date_value(dt.date(year, first, 1), month_span(year, last)[1], kind)

    def _period_name(self, tokens: Tokens, pos: int) -> tuple[int, int, int] | None:
        """(which, months long, position after) for a named quarter or half-year."""
        lex = self.lex
        for index, months in ((lex.quarters, 3), (lex.halves, 6)):
            m = index.match(tokens, pos)
            if m:
                return m[0], months, m[1]
        if pos >= len(tokens):
            return None
        token = tokens[pos]
        number = lex.ordinals.get(token) or lex.roman_numerals.get(token)
        end = pos + 1
        if number is None and token.isdigit() and len(token) == 1:
            number = int(token)
            if end < len(tokens) and tokens[end] == "-":
                end += 1
            if end < len(tokens) and tokens[end] in lex.ordinal_suffixes:
                end += 1
        if number is None:
            return None
        for words, months in ((lex.quarter_words, 3), (lex.half_words, 6)):
            w = words.match(tokens, end)
            if w:
                return number, months, w[1]
        return None

    def _relative_month(self, tokens: Tokens, pos: int) -> Value | None:
        """`last January`, `lo scorso gennaio`, `gennaio scorso`, `next May`, `in May`."""
        direction = 0
        m = self.lex.month_before.match(tokens, pos)
        if m:
            direction, pos = -1, m[1]
        else:
            m = self.lex.month_after.match(tokens, pos)
            if m:
                direction, pos = 1, m[1]
        month = self._month(tokens, pos)
        if month is None:
            return None
        pos += 1
        if direction == 0:
            after = self.lex.month_before_suffix.match(tokens, pos)
            if after:
                direction, pos = -1, after[1]
            else:
                after = self.lex.month_after_suffix.match(tokens, pos)
                if after:
                    direction, pos = 1, after[1]
        if pos != len(tokens):
            return None
        pub = self.published
        if direction < 0:
            year = pub.year if month < pub.month else pub.year - 1
        elif direction > 0:
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = self._latest_on_or_before(month)
        return date_value(*month_span(year, month), "month")

    def _nth_in_month(self, tokens: Tokens, pos: int) -> Value | None:
        """`the third Tuesday of September 2014`, `l'ultima domenica di marzo 2014`, `в последнее
        воскресенье марта`, `the last day of October`, `la prima settimana di ottobre` (days 1-7;
        the last week is the month's last seven days): one day, or a week, of the month; without a
        year, the month's latest occurrence on or before publication."""
        lex = self.lex
        weekdays = lex.times.weekdays
        pos = self._skip_articles(tokens, pos)
        if pos >= len(tokens):
            return None
        n = lex.ordinals.get(tokens[pos])
        end = pos + 1
        if n is None:
            last = lex.last_words.match(tokens, pos)
            if last is None:
                return None
            n, end = -1, last[1]
        if end >= len(tokens):
            return None
        what: int | str
        if tokens[end] in weekdays:
            what, end = weekdays[tokens[end]], end + 1
        elif (m := lex.day_words.match(tokens, end)) is not None:
            what, end = "day", m[1]
        elif (m := lex.week_words.match(tokens, end)) is not None:
            what, end = "week", m[1]
        else:
            return None
        if end < len(tokens) and (tokens[end] in lex.date_of or lex.date_prepositions.match(tokens, end)):
            end += 1
        month = self._month(tokens, end)
        if month is None:
            return None
        end += 1
        if end < len(tokens) and tokens[end] in lex.date_of:
            end += 1
        year = self._year_to_end(tokens, end) if end < len(tokens) else self._latest_on_or_before(month)
        if year is None:
            return None
        first, last_day = month_span(year, month)
        if isinstance(what, int):  # a weekday: the nth, or the last, of the month
            if n > 0:
                day = first + dt.timedelta(days=(what - first.isoweekday()) % 7 + 7 * (n - 1))
            else:
                day = last_day - dt.timedelta(days=(last_day.isoweekday() - what) % 7)
            return date_value(day, day, "day") if first <= day <= last_day else None
        if what == "day":
            day = last_day if n < 0 else first + dt.timedelta(days=n - 1)
            return date_value(day, day, "day") if day <= last_day else None
        start = last_day - dt.timedelta(days=6) if n < 0 else first + dt.timedelta(days=7 * (n - 1))
        if start > last_day:
            return None
        return span_value(start, min(start + dt.timedelta(days=6), last_day))

    def _skip_articles(self, tokens: Tokens, pos: int) -> int:
        while (m := self.lex.rank_articles.match(tokens, pos) or self.lex.fillers.match(tokens, pos)) is not None:
            pos = m[1]
        return pos

    def _season(self, tokens: Tokens, pos: int) -> Value | None:
        """`summer 2019`, `nell'estate del 2019`, `летом 2019 года`, `last winter`, `this spring`:
        the three months of the season (meteorological: spring March-May, summer June-August,
        autumn September-November, winter December-February, named by the year of its January,
        as weather services name it). Without a year: `last` the latest that ended before
        publication, `next` the first that starts after it, otherwise the one under way or the
        nearer of those two ("this winter" in September is the coming one)."""
        lex = self.lex
        if not lex.seasons.words.intersection(tokens):
            return None
        direction = 0
        m = lex.this_words.match(tokens, pos)
        if m is not None:
            pos = m[1]
        elif (m := lex.month_before.match(tokens, pos)) is not None:
            direction, pos = -1, m[1]
        elif (m := lex.month_after.match(tokens, pos)) is not None:
            direction, pos = 1, m[1]
        season = lex.seasons.match(tokens, pos)
        if season is None:
            return None
        first_month, pos = season
        if direction == 0 and m is None:
            if (after := lex.month_before_suffix.match(tokens, pos)) is not None:
                direction, pos = -1, after[1]
            elif (after := lex.month_after_suffix.match(tokens, pos)) is not None:
                direction, pos = 1, after[1]
        if pos < len(tokens) and tokens[pos] in lex.date_of:
            pos += 1
        year: int | None = None
        if pos < len(tokens):
            if direction or (year := self._year_to_end(tokens, pos)) is None:
                return None
        pub = self.published
        if year is None:
            spans = {y: self._season_span(first_month, y) for y in (pub.year - 1, pub.year, pub.year + 1, pub.year + 2)}
            if direction < 0:
                year = max(y for y, (_, last) in spans.items() if last < pub)
            elif direction > 0:
                year = min(y for y, (first, _) in spans.items() if first > pub)
            else:  # "this winter", "летом": the one under way, else the nearer of the last and the next
                year = min(spans, key=lambda y: max((spans[y][0] - pub).days, (pub - spans[y][1]).days, 0))
        first, last = self._season_span(first_month, year)
        return span_value(first, last)

    @staticmethod
    def _season_span(first_month: int, year: int) -> tuple[dt.date, dt.date]:
        """The first and last day of a season named with `year` (winter: December of the year before)."""
        start_year = year - 1 if first_month == 12 else year
        months = start_year * 12 + first_month - 1 + 2
        return dt.date(start_year, first_month, 1), month_span(months // 12, months % 12 + 1)[1]

    def _days(self, tokens: Tokens, pos: int) -> tuple[int, int, int] | None:
        """A day or a range of days: `30`, `3-4`, `30th` → (first, last, position after)."""
        first = self._day_at(tokens, pos)
        if not first:
            return None
        day, pos = first
        if pos < len(tokens) and tokens[pos] == "-":
            second = self._day_at(tokens, pos + 1)
            if not second:
                return None
            return day, second[0], second[1]
        return day, day, pos

    def _day_month_year(self, tokens: Tokens, pos: int) -> Value | None:
        """`30 May 2025`, `3-4 April 2025`, `29 settembre`."""
        days = self._days(tokens, pos)
        if not days:
            return None
        day, last_day, pos = days
        if pos < len(tokens) and tokens[pos] in self.lex.date_of:
            pos += 1
        month = self._month(tokens, pos)
        if month is None:
            return None
        return self._finish_day(tokens, pos + 1, month, day, last_day)

    def _month_day_year(self, tokens: Tokens, pos: int) -> Value | None:
        """`May 30, 2025`, `Sept. 29`."""
        month = self._month(tokens, pos)
        days = self._days(tokens, pos + 1) if month is not None else None
        if month is None or not days:
            return None
        day, last_day, end = days
        return self._finish_day(tokens, end, month, day, last_day)

    def _finish_day(
        self, tokens: Tokens, pos: int, month: int, day: int, last_day: int
    ) -> Value | None:
        found = self._year_end(tokens, pos)
        year = None
        if found is not None:
            year, pos = found
        if pos != len(tokens) or last_day < day:
            return None
        if year is None:
            year = self._latest_on_or_before(month, day)
        start = self._make_day(year, month, day)
        end = self._make_day(year, month, last_day)
        if start is None or end is None:
            bad = day if start is None else last_day
            raise ReadError(
                f"there is no day {bad} in {calendar.month_name[month]} {year}", part=str(bad)
            )
        return date_value(start, end, "day" if start == end else "span")

    def _month_range(self, tokens: Tokens, pos: int) -> Value | None:
        """`January-August 2025`, `gennaio-agosto 2025`."""
        first = self._month(tokens, pos)
        if first is None or pos + 2 >= len(tokens) or tokens[pos + 1] != "-":
            return None
        last = self._month(tokens, pos + 2)
        if last is None or last < first:
            return None
        rest = pos + 3
        year = self._year_to_end(tokens, rest)
        if year is None:
            if rest != len(tokens):
                return None
            # as for "from May to August": the range that starts most recently, even if it is
            # still under way at publication
            year = self._latest_on_or_before(first)
        return date_value(dt.date(year, first, 1), month_span(year, last)[1], "span")

    def _month_year(self, tokens: Tokens, pos: int) -> Value | None:
        """`May 2025`, `maggio del 2025`, and with a relative year: `in January last year`,
        `в январе прошлого года`, `nel gennaio dell'anno scorso`."""
        month = self._month(tokens, pos)
        if month is None:
            return None
        pos += 1
        if pos < len(tokens) and tokens[pos] in self.lex.date_of:
            pos += 1
        year = self._year_to_end(tokens, pos)
        if year is None and pos + 1 == len(tokens) and len(tokens[pos]) == 2 and tokens[pos].isdigit():
            year = _full_year(int(tokens[pos]), 2)  # "March 98", "marzo 98": 1998
        if year is None:
            relative = self.lex.relative_years.match(tokens, pos)
            if relative is None or relative[1] != len(tokens):
                return None
            year = self.published.year + relative[0]
        return date_value(*month_span(year, month), "month")

    def _decade(self, tokens: Tokens, pos: int) -> Value | None:
        """`the 1990s`, `the '90s`, `the nineties`, `negli anni novanta`, `в 1990-х годах`."""
        lex = self.lex
        decade: int | None = None
        end = pos
        prefix = lex.decade_prefixes.match(tokens, pos)
        if pos < len(tokens) and tokens[pos] in lex.decade_words:
            decade, end = lex.decade_words[tokens[pos]], pos + 1
        elif prefix is not None and prefix[1] < len(tokens):
            token = tokens[prefix[1]]
            if token.isdigit() and len(token) in (2, 4):
                decade, end = int(token), prefix[1] + 1
            else:
                n = read_number(tokens, prefix[1], lex)
                if n is not None and 20 <= n[0].value <= 90:
                    decade, end = int(n[0].value), n[1]
        elif pos < len(tokens) and tokens[pos].isdigit() and len(tokens[pos]) in (2, 4):
            end = pos + 1
            if end < len(tokens) and tokens[end] == "-":
                end += 1
            if end >= len(tokens) or tokens[end] not in lex.decade_suffixes:
                return None
            decade, end = int(tokens[pos]), end + 1
        if decade is None or decade % 10:
            return None
        after = lex.decade_after.match(tokens, end)
        if after:
            end = after[1]
        if end != len(tokens):
            return None
        if decade < 100:  # "the '90s": the most recent such decade that has begun
            century = self.published.year // 100 * 100
            decade = century + decade if century + decade <= self.published.year else century - 100 + decade
        return date_value(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "span")

    def _year(self, tokens: Tokens, pos: int) -> Value | None:
        year = self._year_to_end(tokens, pos)
        if year is None:
            return None
        return date_value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    # -- ranges of dates -----------------------------------------------------------------------

    def _date_range(self, tokens: Tokens) -> Value | None:
        """`from May to August 2025`, `с января по август 2025 года`, `dal 3 al 5 maggio`.

        Each side is read as a date on its own; a side without a year (or month) takes it from
        the other side's end: "January" in "January to August 2025" is January 2025.
        """
        lex = self.lex
        if not lex.ago_words.words.isdisjoint(tokens):
            return None  # "49 minuti fa - 10 gennaio": a page's two stamps, not a span
        pos = self._skip_prepositions(tokens, 0)
        start = lex.range_starts.match(tokens, pos)
        if start:
            pos = start[1]
        inner = DateReader(lex, self.published, ranges=False)
        for k in range(pos + 1, len(tokens) - 1):
            sep = lex.range_separators.match(tokens, k)
            if sep is None or (start is None and tokens[k] != "-"):
                continue
            right_tokens = tokens[sep[1] :]
            right = inner.read(right_tokens)
            if right is None:
                continue
            left = self._completed(inner, tokens[pos:k], right_tokens)
            if left is None or left.start is None or right.end is None:
                continue
            if not has_year(tokens):
                # No year anywhere: the range that starts on the left's date, even if it is still
                # under way at publication ("from September to October", published 29 September).
                for year in (left.start.year, left.start.year + 1):
                    later = inner.read((*right_tokens, str(year)))
                    if later is not None and later.end is not None and later.end >= left.start:
                        right = later
                        break
            if right.end is None or left.start > right.end or "minute" in (left.unit, right.unit):
                continue  # a time as one end ("Dec 2011 - 2:55pm") is no range of days
            return span_value(left.start, right.end)
        return None

    @staticmethod
    def _completed(inner: DateReader, left: Tokens, right: Tokens) -> Value | None:
        """The left side of a range, completed from the right side's tail when that reads."""
        if not has_year(left):
            for i in range(1, len(right)):
                value = inner.read(left + right[i:])
                if value is not None:
                    return value
        return inner.read(left)


# -- times of day ------------------------------------------------------------------------------

#: "at about 5:40 a.m.", "verso le 14.30", "около 14:30": the minute written, give or take this.
APPROX_MINUTES = 5

_HM = re.compile(r"(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d+)?)?")  # seconds and their fraction are dropped
_DOTTED_HM = re.compile(r"(\d{1,2})\.(\d\d)")
_HOUR = re.compile(r"\d{1,2}")
_MINUTES = re.compile(r"\d\d")
_WIRE_HM = re.compile(r"([01]\d|2[0-3])([0-5]\d)")  # "0936 GMT": wire style, four digits before a zone
_OFFSET_DIGITS = re.compile(r"(\d{1,2})(?::?(\d\d))?")


def check_weekday(day: dt.date, weekday: int, written: str) -> None:
    """`Thu, Dec 1 2011` must be a Thursday: a wrong weekday is an error, not ignored."""
    if day.isoweekday() != weekday:
        raise ReadError(
            f"{day.isoformat()} is a {calendar.day_name[day.weekday()]}, not a "
            f"{calendar.day_name[weekday - 1]} ({written!r})",
            part=written,
        )


def _full_year(year: int, digits: int) -> int:
    """A two-digit year as POSIX strptime's %y: 69-99 are 1969-1999, 00-68 are 2000-2068."""
    if digits == 2:
        return year + (1900 if year >= 69 else 2000)
    return year


def refuse_non_answer(lex: Lexicon, tokens: Tokens, published: dt.date) -> None:
    """Raise when the phrase is a non-answer (the language's `non_answers`), alone or after a
    date or a time (`Not Available`, `TBA`, `n/a`, `Dec 01 - Contact Airline`): it says no
    figure, so it is refused as one, not as words not understood."""
    if tokens and tokens[-1] == "-" and all(t == "-" for t in tokens):
        raise ReadError("a dash ('—', '-') is a non-answer, not a figure that can be checked", part="—")
    if not tokens or not lex.non_answer_tails:
        return
    last = tokens[-1]
    if last[-1].isdigit():
        return  # "4,000", "9:10": no non-answer ends in a digit
    if (last if last.isalpha() else (_WORDS.findall(last) or ("",))[-1]) not in lex.non_answer_tails:
        return  # the common case: one set lookup
    start = None
    for k in range(len(tokens) - 1, -1, -1):
        words = " ".join(w for t in tokens[k:] for w in _WORDS.findall(t))
        if _WORDS.match(tokens[k]) and words in lex.non_answers:
            start = k  # the longest: "not provided by airline" over "airline"; not "- n/a"
    if start is None:
        return
    before = tokens[:start]
    while before and before[-1] in ("-", ":", "/"):
        before = before[:-1]  # "Dec 01 - Not Available"
    if before and DateReader(lex, published, ranges=False).read(before) is None:
        return  # "5 none": not a date beside a non-answer (a bad date, "Feb 30 - n/a", raises)
    said = " ".join(tokens[start:]).replace(" / ", "/")  # "n/a", "н/д" as written
    raise ReadError(f"{said!r} is a non-answer, not a figure that can be checked", part=said)


class _Clock:
    """One time as written: `9:10`, `14.30`, `9` (before `am`, `утра`, after `alle`), `noon`."""

    __slots__ = ("after_article", "form", "hour", "hour_word", "minute", "part", "text")

    def __init__(self, hour: int, minute: int, form: str, text: str, after_article: bool):
        self.hour = hour
        self.minute = minute
        self.form = form  # "hm" (9:10, 14h30) | "dot" (14.30) | "hour" (9) | "named" (noon)
        self.part: str | None = None  # am | pm | morning | afternoon | evening | night
        self.hour_word = False  # "в 9 часов"
        self.after_article = after_article  # "alle 9", "verso le 9"
        self.text = text


class TimeReader:
    """A time of day, alone or beside a date: `9:10 AM`, `Dec 1, 2011 10:05 PM`,
    `1 dicembre 2011 alle 14.30`, `1 декабря в 14:30`, `between 9:00 and 9:30`.

    A time is the minute written on the day beside it, or on the publication day when there is
    none (docs/verdicts.md, "Times of day"). Returns None when the phrase is not a time, so the
    date and quantity readers still get it (`7.6`, `14.30` in English, `2:1`, `24/7`).
    """

    def __init__(self, dates: DateReader):
        self.dates = dates
        self.lex = dates.lex
        self.words = dates.lex.times
        self.problem: ReadError | None = None  # why a time found was not read, if nothing is
        self.dotted = self.words.dotted  # "14.30" may be a time (beside a date, after a time word)

    def read(self, tokens: Tokens) -> Value | None:
        tokens = self._unglued(tokens)
        self.dotted = self.words.dotted or _european(tokens)
        for start in range(len(tokens)):
            found = self._time_at(tokens, start)
            if found is None:
                continue
            first, second, hedge, end, note, opened = found
            # a time on its own first (errors such as 25:00 come before the date); "14.30" may
            # still need the date beside it (1 dicembre 2011 14.30)
            minutes = self._minutes(first, second, opened, dated=True)
            if minutes is None:
                continue
            before, after = tokens[:start], tokens[end:]
            if before and not after and before[-1] == "-":
                before = before[:-1]  # "Dec 01 - 2:55pm", "01 dic - 14.30": the dash between
            elif after and not before and after[0] == "-":
                after = after[1:]  # "2:55pm - Dec 01"
            rest = before + after
            day = self._day_of(rest) if rest else None
            if rest and day is None:
                continue
            if day is None and not opened and self.dotted and any(
                c is not None and c.form == "dot" and c.part is None for c in (first, second)
            ):
                continue  # "14.30" alone: a number in one language, ambiguous in another
            return self._value(day or self.dates.published, minutes, hedge, note)
        return None

    # -- the parts of a time phrase ------------------------------------------------------------

    def _unglued(self, tokens: Tokens) -> Tokens:
        """`2:07 PMDec 01` → `2:07 pm dec 01`; `2011-12-01T14:07-05:00` → `… 01 14:07 -05:00`."""
        if not any(t[:1].isdigit() and ":" in t for t in tokens):
            return tokens
        out: list[str] = []
        months = self.lex.months
        iso = False
        i = 0
        while i < len(tokens):
            t = tokens[i]
            prev = out[-1] if out else ""
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            i += 1
            if ":" in prev and t[:1] in ("a", "p") and len(t) > 2:
                head = next((h for h in ("am", "pm", "a", "p") if t.startswith(h) and t[len(h) :] in months), None)
                if head is not None:
                    out += [head, t[len(head) :]]
                    continue
            if t == "t" and prev.isdigit() and ":" in following:
                iso = True  # 2011-12-01T14:07: the ISO date-time separator
                continue
            if iso and t == "-" and ":" in prev and _HM.fullmatch(following):
                out.append("-" + following.zfill(5))  # an ISO offset, not a range
                i += 1
                continue
            out.append(t)
        return tuple(out)

    def _time_at(
        self, tokens: Tokens, pos: int
    ) -> tuple[_Clock, _Clock | None, str | None, int, str | None, bool] | None:
        """(first time, second time of a range, hedge, end, zone note, a time word before it)."""
        words = self.words
        hedge: str | None = None
        ranged = opened = False
        seen: set[str] = set()
        for _ in range(3):  # "at about", "alle ore", "примерно в"
            best: tuple[str, object, int] | None = None
            for kind, index in (("hedge", words.hedges), ("range", words.range_starts), ("marker", words.markers)):
                m = index.match(tokens, pos)
                if m is not None and (best is None or m[1] > best[2]):
                    best = (kind, m[0], m[1])
            if best is None:
                break
            kind, found, pos = best
            if kind in seen or (kind != "marker" and {"hedge", "range"} & seen):
                return None  # "ore ore 9", "about between 9 and 10"
            seen.add(kind)
            opened = True
            if kind == "hedge":
                hedge = str(found)
            elif kind == "range":
                ranged = True
        clock = self._clock(tokens, pos)
        if clock is None:
            return None
        first, pos = clock
        second: _Clock | None = None
        sep = words.range_separators.match(tokens, pos) if pos < len(tokens) else None
        # "from 9:00 to 10:00", "dalle 9 alle 10", "с 9:00 до 10:00": "from" alone is `since`
        if sep is not None and hedge in (None, "since") and (ranged or hedge or tokens[pos] == "-"):
            other = self._clock(tokens, sep[1])
            if other is not None:
                second, pos, hedge = other[0], other[1], None
        if ranged and second is None:
            return None  # "between 9:00" and nothing after it
        note, pos = self._zone(tokens, pos)
        estimate = words.estimates.match(tokens, pos)
        if estimate is not None and second is None and hedge in (None, "approx", "estimated"):
            hedge, pos = "estimated", estimate[1]  # "9:19 PM (Estimated)", "14.30 stimato"
            if note is None:
                note, pos = self._zone(tokens, pos)  # "9:19 PM (Estimated) EST"
        return first, second, hedge, pos, note, opened

    def _clock(self, tokens: Tokens, pos: int) -> tuple[_Clock, int] | None:
        if pos >= len(tokens):
            return None
        words = self.words
        t = tokens[pos]
        after_article = pos > 0 and tokens[pos - 1] in words.bare_hours
        named = words.named.match(tokens, pos)
        if named is not None:
            minute = named[0]
            clock = _Clock(minute // 60, minute % 60, "named", " ".join(tokens[pos : named[1]]), True)
            return clock, named[1]
        end = pos + 1
        if m := _HM.fullmatch(t):
            clock = _Clock(int(m.group(1)), int(m.group(2)), "hm", t, after_article)
            seconds = m.group(3)
            if seconds is not None and int(seconds) > 59:
                self._refuse(t, "seconds run from 00 to 59")
        elif m := _DOTTED_HM.fullmatch(t):
            clock = _Clock(int(m.group(1)), int(m.group(2)), "dot", t, after_article)
        elif (m := _WIRE_HM.fullmatch(t)) and (
            words.zones.match(tokens, end) is not None or self.lex.local_time.match(tokens, end) is not None
        ):
            clock = _Clock(int(m.group(1)), int(m.group(2)), "hm", t, after_article)
        elif _HOUR.fullmatch(t):
            if end + 1 < len(tokens) and tokens[end] == "h" and _MINUTES.fullmatch(tokens[end + 1]):
                clock = _Clock(int(t), int(tokens[end + 1]), "hm", f"{t}h{tokens[end + 1]}", after_article)
                end += 2  # 14h30
            else:
                clock = _Clock(int(t), 0, "hour", t, after_article)
        else:
            return None
        hour_word = words.hour_words.match(tokens, end)
        if hour_word is not None:
            clock.hour_word, end = True, hour_word[1]
        part = words.day_parts.match(tokens, end)
        if part is not None and (clock.form == "hm" or len(tokens[end]) > 1):
            clock.part, end = part[0], part[1]  # "1:55p", but never "9 a"
            clock.text += " " + " ".join(tokens[part[1] - 1 : part[1]])
        return clock, end

    def _zone(self, tokens: Tokens, pos: int) -> tuple[str | None, int]:
        """`CST`, `(-05:00)`, `UTC+3`, `по московскому времени`: kept as written, never applied."""
        notes: list[str] = []
        local = self.lex.local_time.match(tokens, pos)
        if local is not None and (placed := self._local_place(tokens, local[1])) is not None:
            return placed  # "local time in Genoa": Italy's clock on that day
        if local is not None:
            said = " ".join(tokens[pos:local[1]])
            raise ReadError(
                f"{said!r} is the clock of a place, which the figure does not name (or names in a "
                "country of several clocks), so the time cannot be put on one clock with the others: "
                "write the place (`local time in Genoa`) or the zone or offset (CEST, UTC+2) in `says`",
                part=said,
            )
        zone = self.words.zones.match(tokens, pos)
        if zone is not None:
            notes.append(zone[0])
            pos = zone[1]
        if pos < len(tokens) and (m := OFFSET.fullmatch(tokens[pos])):
            notes.append(_offset(m.group(1), m.group(2), m.group(3), tokens[pos]))
            pos += 1
        elif zone is not None and pos + 1 < len(tokens) and tokens[pos] in ("+", "-") and (
            m := _OFFSET_DIGITS.fullmatch(tokens[pos + 1])
        ):
            notes = [n for n in notes if n not in ("UTC", "GMT")]  # UTC+3 is the offset +03:00
            notes.append(_offset(tokens[pos], m.group(1), m.group(2) or "00", tokens[pos] + tokens[pos + 1]))
            pos += 2
        return (" ".join(notes) or None), pos

    def _local_place(self, tokens: Tokens, pos: int) -> tuple[str, int] | None:
        """`in Genoa`, `di Genova`, `в Генуе` after `local time`: the zone of the place's country
        and where the place ends, or None when no well-known place of one clock follows."""
        if pos < len(tokens) and tokens[pos] in self.lex.date_of:
            start = pos + 1  # "ora locale di Genova"
        elif (prefix := self.lex.category_prefixes.match(tokens, pos)) is not None:
            start = prefix[1]  # "in Genoa", "a Genova", "в Генуе"
        else:
            return None
        for end in (start + 2, start + 1):
            words = tokens[start:end]
            if end > len(tokens) or not all(w.isalpha() for w in words):
                continue
            zone = place_zone(" ".join(words), self.lex.language)
            if zone is not None:
                return zone, end
        return None

    def _day_of(self, rest: Tokens) -> dt.date | None:
        """The one day beside the time (`Dec 1, 2011`, `12/1/11`, `ieri`, `Thu, Dec 1`), or None."""
        dates = self.dates
        pos = dates._skip_prepositions(rest, 0)
        weekday = None
        if pos < len(rest) and rest[pos] in self.words.weekdays:
            weekday = rest[pos]
            pos = dates._skip_prepositions(rest, pos + 1)
        elif len(rest) > 1 and rest[-1] in self.words.weekdays:
            weekday, rest = rest[-1], rest[:-1]  # "2011-12-02 Fri  19:25"
        if pos >= len(rest):
            if weekday is None:
                return None
            # "Friday at 10:15 a.m.": the weekday alone is its most recent day (issue 18)
            alone = DateReader(self.lex, dates.published, ranges=False, times=False)._weekday((weekday,))
            return alone.start if alone is not None else None
        value = DateReader(self.lex, dates.published, ranges=False, times=False).read(rest[pos:])
        if value is None or value.start is None:
            return None
        if value.granularity != "day":
            if self.problem is None:
                self.problem = ReadError(
                    f"a time of day needs one day, and {' '.join(rest[pos:])!r} is a {value.granularity}",
                    part=" ".join(rest[pos:]),
                )
            return None
        if weekday is not None:
            check_weekday(value.start, self.words.weekdays[weekday], weekday)
        return value.start

    # -- minutes -------------------------------------------------------------------------------

    def _minutes(
        self, first: _Clock, second: _Clock | None, opened: bool, dated: bool
    ) -> tuple[int, int] | None:
        """Minutes of the day of the time, or of both ends of a range (the end may be on the
        next day: `from 11 PM to 1 AM`); None when this is not a time after all."""
        if second is None:
            m = self._minute_of_day(first, opened, dated)
            return None if m is None else (m, m)
        inherited = False
        if second.part is not None and first.part is None and first.form in ("hm", "dot", "hour") \
                and first.hour <= 12 and _hour_in_part(first.hour, second.part) is not None:
            first.part, inherited = second.part, True  # "between 9 and 10 am", "с 9 до 11 утра"
        # Each side is a time on its own, or a bare hour that the other side makes one.
        definite = [c.form in ("hm", "named") or c.part is not None or c.hour_word
                    or c.after_article for c in (first, second)]
        if not any(definite):
            return None
        lo = self._minute_of_day(first, True, dated)
        hi = self._minute_of_day(second, True, dated)
        if lo is None or hi is None:
            return None
        if hi < lo and inherited and first.part == "pm":
            first.part = "am"  # "from 9 to 5 pm": 9 AM to 5 PM
            lo = self._minute_of_day(first, True, dated)
            assert lo is not None
        if hi < lo:
            if inherited:
                self._refuse(f"{first.text}-{second.text}", "the range runs backwards")
            hi += 1440  # overnight: "from 11 PM to 1 AM"
        return lo, hi

    def _minute_of_day(self, clock: _Clock, opened: bool, dated: bool) -> int | None:
        """The minute of the day, None if this is not a time (`14.30` alone, `9` alone), or an
        error when it is one that no clock shows (`25:00`, `9:75`, `13:00 PM`)."""
        if clock.form == "named":
            return clock.hour * 60 + clock.minute
        if clock.form == "dot" and clock.part is None and not (self.dotted and (opened or dated)):
            return None  # "14.30" is a number (en), or ambiguous (it) without a time word
        if clock.form == "hour" and clock.part is None and not clock.hour_word and not clock.after_article:
            return None  # "9", "at 9": a number, or an hour nobody can place in the day
        if clock.form == "hour" and clock.part is None and clock.hour_word and not opened:
            return None  # "2 часа": two hours, not two o'clock
        hour, minute = clock.hour, clock.minute
        if minute > 59:
            self._refuse(clock.text, "minutes run from 00 to 59")
        if clock.part is not None:
            hour = self._with_part(hour, clock.part, clock.text)
        elif hour > 23:
            self._refuse(clock.text, "hours run from 0 to 23 (24:00 is 00:00 of the next day)")
        return hour * 60 + minute

    def _with_part(self, hour: int, part: str, text: str) -> int:
        """The 24-hour hour of `hour` with AM/PM or a part of the day (`утра`, `di sera`)."""
        found = _hour_in_part(hour, part)
        if found is not None:
            return found
        if part in ("am", "pm"):
            self._refuse(text, "with AM or PM the hour runs from 1 to 12")
        self._refuse(text, f"{hour} o'clock is not in the {part}")

    def _value(self, day: dt.date, minutes: tuple[int, int], hedge: str | None, note: str | None) -> Value:
        base = day_number(day) * MINUTES_PER_DAY
        lo, hi = minutes
        if note is not None:
            note = seasonal_note(note, day, lo)  # "5 p.m. ET" in November is EST, in July EDT
        last = base + MINUTES_PER_DAY - 1
        if lo != hi or hedge is None:
            return minute_span_value(base + lo, base + hi, note=note)
        m = base + lo
        match hedge:
            case "approx":
                return minute_span_value(m - APPROX_MINUTES, m + APPROX_MINUTES, note=note)
            case "estimated":  # as "about", noting the estimate where no zone takes the note
                return minute_span_value(m - APPROX_MINUTES, m + APPROX_MINUTES, note=note or "estimated")
            case "before" | "by":
                if lo == 0:  # "before midnight", "entro mezzanotte": by the day's end
                    return minute_span_value(base, last, note=note)
                return minute_span_value(base, m, True, hedge == "by", note)
            case "after" | "since":
                if hedge == "after" and m == last:
                    self._refuse("23:59", "nothing on the same day is after it")
                return minute_span_value(m, last, hedge == "since", True, note)
        raise AssertionError(f"unknown time hedge {hedge!r}")

    @staticmethod
    def _refuse(text: str, why: str) -> NoReturn:
        raise ReadError(f"{text!r} is not a time of day: {why}", part=text)


def _hour_in_part(hour: int, part: str) -> int | None:
    """The 24-hour hour of `hour` said with AM/PM or a part of the day, or None if it is not in
    it: 12 AM is 0, 12 PM is 12, `9 di sera` 21, `2 часа ночи` 2, `12 ночи` 0."""
    match part:
        case "am" if hour <= 12:
            return 0 if hour == 12 else hour  # 00:30 AM is read too
        case "pm" if 1 <= hour <= 12:
            return 12 if hour == 12 else hour + 12
        case "morning" if 1 <= hour <= 11:
            return hour
        case "afternoon" if hour == 12 or 13 <= hour <= 19:
            return hour
        case "afternoon" if 1 <= hour <= 7:
            return hour + 12
        case "evening" if 16 <= hour <= 23:
            return hour
        case "evening" if 4 <= hour <= 11:
            return hour + 12
        case "night" if hour == 12:
            return 0
        case "night" if hour <= 5 or 21 <= hour <= 23:
            return hour
        case "night" if 9 <= hour <= 11:
            return hour + 12
    return None


def _offset(sign: str, hours: str, minutes: str, written: str) -> str:
    """`-05:00`, `+3` → the note `-05:00`, `+03:00`."""
    if int(hours) > 14 or int(minutes) > 59:
        raise ReadError(f"{written!r} is not a UTC offset (at most ±14:00)", part=written)
    return f"{sign}{int(hours):02d}:{minutes}"
