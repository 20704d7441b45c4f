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
import re

from factcheck.values.lexicon import Lexicon, Tokens
from factcheck.values.model import Value, date_value

_ISO = re.compile(r"([12]\d{3})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_YEAR = re.compile(r"[12]\d{3}")
_DAY = re.compile(r"\d{1,2}")


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def span_value(start: dt.date, end: dt.date) -> Value:
    """A date span, with the granularity people would name it by (day, month, year, span)."""
    if start == end:
        return date_value(start, end, "day")
    if start.day == 1 and (start.year, start.month) == (end.year, end.month):
        if end == month_span(start.year, start.month)[1]:
            return date_value(start, end, "month")
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return date_value(start, end, "year")
    return date_value(start, end, "span")


def iso_value(text: str) -> Value | None:
    """`2025-09-29`, `2025-09`, `2025`: the day, month or year (None if not ISO)."""
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
    """A month, a date word or a year: without one, a phrase is surely not a date."""
    return bool(lex.date_triggers.intersection(tokens)) or has_year(tokens)


class DateReader:
    """Reads a token sequence as a date span, or returns None when it is not a date phrase."""

    def __init__(self, lex: Lexicon, published: dt.date, ranges: bool = True):
        self.lex = lex
        self.published = published
        self.ranges = ranges  # False inside a range: "from May to August" is not nested further

    def read(self, tokens: Tokens) -> Value | None:
        if not might_be_a_date(self.lex, tokens):
            return None  # the common case for amounts: no month, year or date word at all
        value = self._single(tokens)
        if value is None and self.ranges:
            value = self._date_range(tokens) or self._since(tokens)
        return value

    def _since(self, tokens: Tokens) -> Value | None:
        """`since 2019`, `dal 2019`, `с 2019 года`: from that date up to the publication day."""
        m = self.lex.since_words.match(tokens, self._skip_prepositions(tokens, 0))
        if m is None or m[1] == len(tokens):
            return None
        date = DateReader(self.lex, self.published, ranges=False).read(tokens[m[1] :])
        if date is None or date.start is None:
            return None
        if date.start > self.published:
            from factcheck.values.model import ReadError

            raise ReadError(
                f"'since' a date after publication ({date.start.isoformat()} > "
                f"{self.published.isoformat()})"
            )
        return span_value(date.start, self.published)

    def _single(self, tokens: Tokens) -> Value | None:
        # Before articles and prepositions are skipped: "l'anno scorso", "dal 2019 al 2024".
        value = self._relative_year(tokens, 0) or self._year_range(tokens, 0)
        if value is not None:
            return value
        pos = self._skip_prepositions(tokens, 0)
        for attempt in (
            *((self._relative_year,) if pos else ()),  # at position 0 it was just tried
            self._years_ago,
            self._first_months,
            self._quarter_or_half,
            self._relative_month,
            self._day_month_year,
            self._month_day_year,
            self._month_range,
            self._month_year,
            self._decade,
            self._year,
        ):
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

    def _years_ago(self, tokens: Tokens, pos: int) -> Value | None:
        from factcheck.values.numbers import read_number

        n = read_number(tokens, pos, self.lex)
        if not n or n[0].value != int(n[0].value):
            return None
        unit = self.lex.year_words.match(tokens, n[1]) or self.lex.month_words.match(tokens, n[1])
        if not unit:
            return None
        ago = self.lex.ago_words.match(tokens, unit[1])
        if not ago or ago[1] != len(tokens):
            return None
        count = int(n[0].value)
        if self.lex.year_words.match(tokens, n[1]):
            year = self.published.year - count
            if year < 1:
                return None
            return date_value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        months = self.published.year * 12 + self.published.month - 1 - count
        return date_value(*month_span(months // 12, months % 12 + 1), "month")

    def _first_months(self, tokens: Tokens, pos: int) -> Value | None:
        """`the first eight months of the year`, `i primi otto mesi del 2025`."""
        from factcheck.values.numbers import read_number

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
            from factcheck.values.model import ReadError

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
            from factcheck.values.numbers import read_number

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
            if right.end is None or left.start > right.end:
                continue
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
