"""Times of day: the minute-value contract, formats read back exactly, the day they depend on.

The phrase tables (tests/data/phrases_*.yaml, "times of day") hold the worked cases; this module
checks what a table cannot: every valid minute in every format, and that the caches never answer
a time with another day's minute.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.read import ReadError, ValueKind, parse_value
from factcheck.read.interval import Interval
from factcheck.read.model import minute_number, minute_span_value, minute_value
from factcheck.read.reader import DEFAULT_OPTIONS, _parse_uncached, clear_caches

MINUTES = st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2068, 12, 31, 23, 59)).map(
    lambda t: t.replace(second=0, microsecond=0)
)
DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
_IT_MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
              "settembre", "ottobre", "novembre", "dicembre"]
_IT_ABBR = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
_RU_ABBR = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
_RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря"]


def _h12(t: dt.datetime) -> tuple[int, str]:
    return (t.hour % 12 or 12), ("AM" if t.hour < 12 else "PM")


def _formats(t: dt.datetime) -> list[tuple[str, str, bool]]:
    """(language, phrase, whether the phrase names the day) for one minute."""
    h, ampm = _h12(t)
    mm = f"{t.minute:02d}"
    dotted = ampm[0].lower() + "." + ampm[1].lower() + "."
    return [
        ("en", f"{h}:{mm} {ampm}", False),
        ("en", f"{h}:{mm}{ampm.lower()}", False),
        ("en", f"{h}:{mm} {dotted}", False),
        ("en", f"{h}.{mm} {ampm.lower()}", False),
        ("en", f"{t.hour}:{mm}", False),
        ("en", f"{_EN_MONTHS[t.month - 1][:3]} {t.day}, {t.year} {h}:{mm} {ampm}", True),
        ("en", f"{t.month}/{t.day}/{t.year % 100:02d} {h}:{mm} {ampm} (-05:00)", True),
        ("en", f"{t:%m/%d/%Y} {h:02d}:{mm} {ampm}", True),
        ("en", f"{t:%Y-%m-%d} {h:02d}:{mm}{ampm} CST", True),
        ("en", f"{t:%Y-%m-%dT%H:%M}", True),
        ("en", f"{t:%a}, {t:%b} {t.day} {t.year} {h}:{mm} {ampm}", True),
        ("en", f"{h}:{mm} {ampm} on {t.day} {_EN_MONTHS[t.month - 1]} {t.year}", True),
        ("en", f"{h:02d}:{mm} {ampm}  {t:%a} {t:%d}-{t:%b}-{t:%Y}", True),
        ("en", f"{t:%d}-{t:%b}-{t:%y} {t:%H:%M}", True),
        ("en", f"{t:%Y-%m-%d} {t:%a}  {t:%H:%M}", True),
        ("en", f"{t:%b} {t:%d} {t.year} - {h}:{mm}{ampm.lower()}", True),
        ("it", f"{t:%d} {_IT_ABBR[t.month - 1]} {t.year} - {t.hour}.{mm}", True),
        ("it", f"{t:%d}-{_IT_ABBR[t.month - 1]}-{t:%Y} {t.hour}:{mm}", True),
        ("ru", f"{t:%d}-{_RU_ABBR[t.month - 1]}-{t:%y} в {t.hour}:{mm}", True),
        ("ru", f"{t.day} {_RU_MONTHS[t.month - 1]} {t.year} - {t.hour}:{mm}", True),
        ("it", f"{t.day} {_IT_MONTHS[t.month - 1]} {t.year} alle {t.hour}.{mm}", True),
        ("it", f"{t.day} {_IT_MONTHS[t.month - 1]} {t.year} {t.hour}.{mm}", True),
        ("it", f"alle {t.hour}:{mm}", False),
        ("it", f"ore {t.hour}.{mm}", False),
        ("it", f"{t:%d/%m/%Y %H:%M}", True),
        ("it", f"{t:%d.%m.%Y} alle {t.hour}.{mm}", True),
        ("ru", f"{t.day} {_RU_MONTHS[t.month - 1]} {t.year} года в {t.hour}:{mm}", True),
        ("ru", f"в {t.hour}:{mm}", False),
        ("ru", f"в {t.hour}.{mm}", False),
        ("ru", f"{t:%d.%m.%Y %H:%M}", True),
        ("ru", f"{t:%d.%m.%Y} в {t.hour}:{mm} мск", True),
    ]


@settings(max_examples=300, deadline=None)
@given(MINUTES, DAYS)
def test_every_format_reads_back_as_exactly_that_minute(t: dt.datetime, published: dt.date) -> None:
    for lang, phrase, dated in _formats(t):
        reference = published if dated else t.date()
        value = parse_value(phrase, lang, reference)
        want = minute_number(t)
        assert value.interval == Interval.closed(want, want), (lang, phrase)
        assert (value.kind, value.unit, value.granularity) == (ValueKind.DATE, "minute", "minute"), phrase
        assert value.start == value.end == t.date(), phrase


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["9:10 AM", "21:05", "noon", "alle 14.30", "в 14:30", "at about 5:40 a.m.",
                        "between 9:00 and 9:30", "before 9 AM", "yesterday at 9 pm", "ieri alle 15",
                        "в 9 утра", "мск"]), DAYS, DAYS)
def test_a_time_without_a_date_falls_on_the_reference_day(phrase: str, first: dt.date, then: dt.date) -> None:
    """The same phrase on two days is two minutes a whole number of days apart: the day-free
    cache never answers for a time of day."""
    lang = "ru" if any("а" <= c <= "я" for c in phrase) else "it" if ("alle" in phrase or "ieri" in phrase) else "en"
    try:
        a = parse_value(phrase, lang, first)
    except ReadError:
        return  # "мск" alone is no time: it must fail the same way on every day
    b = parse_value(phrase, lang, then)
    assert a.interval is not None and b.interval is not None
    assert a.interval.lower is not None and b.interval.lower is not None
    assert b.interval.lower - a.interval.lower == (then - first).days * 1440
    assert (a == b) == (first == then)


def test_the_same_phrase_on_two_days_is_two_minutes() -> None:
    clear_caches()
    monday = parse_value("9:10 AM", "en", dt.date(2025, 9, 29))
    tuesday = parse_value("9:10 AM", "en", dt.date(2025, 9, 30))
    assert monday.to_json()["start"] == "2025-09-29T09:10"
    assert tuesday.to_json()["start"] == "2025-09-30T09:10"
    assert monday.interval != tuesday.interval


TIME_WORDS = st.sampled_from(
    ["9:10", "21:05", "14.30", "9", "10", "12", "am", "pm", "a.m.", "p", "noon", "midnight", "at", "about",
     "between", "and", "-", "before", "after", "alle", "ore", "le", "verso", "dalle", "mezzogiorno", "в", "около",
     "с", "до", "утра", "часов", "полдень", "today", "ieri", "вчера", "Dec", "1", "2011", "dicembre", "декабря",
     "/", "11", "CST", "(-05:00)", "UTC+3", "Thu", "7.6", "$", "billion", "2:1", "24/7", "h", "30"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(TIME_WORDS, min_size=1, max_size=6).map(" ".join), st.sampled_from(["en", "it", "ru"]), DAYS, DAYS)
def test_the_caches_answer_time_phrases_as_a_fresh_read(phrase: str, lang: str, first: dt.date, then: dt.date) -> None:
    def reading(day: dt.date, fresh: bool = False) -> object:
        try:
            if fresh:
                return _parse_uncached(phrase, lang, day, DEFAULT_OPTIONS)
            return parse_value(phrase, lang, day)
        except ReadError as exc:
            return f"error: {exc}"

    clear_caches()
    reading(first)
    assert reading(then) == reading(then, fresh=True)


# -- never times: numbers, scores, fractions -----------------------------------------------------


@pytest.mark.parametrize(("phrase", "lang"), [("7.6", "en"), ("14.30", "en"), ("4.000", "it"), ("12.5", "en"),
                                               ("between 9 and 10", "en"), ("tra 9 e 10", "it"),
                                               ("от 5 до 7", "ru"), ("9.10", "en")])
def test_numbers_stay_numbers(phrase: str, lang: str) -> None:
    assert parse_value(phrase, lang, dt.date(2025, 9, 29)).kind is ValueKind.NUMBER


@pytest.mark.parametrize(("phrase", "lang"), [("2:1", "en"), ("3:2 ratio", "en"), ("24/7", "en"), ("1/2", "en"),
                                               ("14.30", "it"), ("21.05", "it"), ("в 9", "ru"),
                                               ("at 9", "en"), ("3/4", "it")])
def test_scores_fractions_and_lone_figures_are_not_times(phrase: str, lang: str) -> None:
    with pytest.raises(ReadError):
        parse_value(phrase, lang, dt.date(2025, 9, 29))


def test_hours_are_a_duration_not_a_time() -> None:
    # "2 часа" was unreadable; since issue 18 hours are durations (in years), never a time of day
    assert parse_value("2 часа", "ru", dt.date(2025, 9, 29)).kind is ValueKind.DURATION


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 99), st.integers(0, 9))
def test_decimals_in_english_are_never_times(whole: int, tenth: int) -> None:
    value = parse_value(f"{whole}.{tenth}", "en", dt.date(2025, 9, 29))
    assert value.kind is ValueKind.NUMBER


@pytest.mark.parametrize(
    ("phrase", "lang", "why"),
    [("25:00", "en", "hours run from 0 to 23"), ("9:75", "en", "minutes run from 00 to 59"),
     ("13:00 PM", "en", "with AM or PM"), ("13/1/11", "en", "no month 13"),
     ("2/30/2011", "en", "no day 30 in February"), ("31/2/2011", "it", "no day 31 in February"),
     ("Fri, Dec 1 2011 2:55 PM", "en", "is a Thursday, not a Friday"),
     ("9:10 AM in May 2025", "en", "needs one day"), ("в 13 утра", "ru", "not in the morning")],
)
def test_impossible_times_and_dates_are_refused_with_the_reason(phrase: str, lang: str, why: str) -> None:
    with pytest.raises(ReadError, match=why):
        parse_value(phrase, lang, dt.date(2011, 12, 2))


# -- the value contract ----------------------------------------------------------------------------


def test_minute_values_are_dates_in_minutes_since_1970() -> None:
    value = minute_value(dt.datetime(2011, 12, 1, 14, 7))
    m = (dt.date(2011, 12, 1) - dt.date(1970, 1, 1)).days * 1440 + 14 * 60 + 7
    assert value.interval == Interval.closed(m, m)
    assert (value.kind, value.unit, value.granularity, value.note) == (ValueKind.DATE, "minute", "minute", None)
    assert value.start == value.end == dt.date(2011, 12, 1)
    json = value.to_json()
    assert (json["start"], json["end"], json["granularity"], json["unit"]) == (
        "2011-12-01T14:07", "2011-12-01T14:07", "minute", "minute")
    assert minute_value(dt.datetime(2011, 12, 1, 14, 7)) is value  # cached, like date_value


def test_a_written_zone_is_kept_not_applied() -> None:
    value = parse_value("12/1/11 2:06 PM (-05:00)", "en", dt.date(2011, 12, 2))
    assert value.note == "-05:00"
    assert value.to_json()["start"] == "2011-12-01T14:06"  # the wall clock as written
    assert parse_value("2011-12-01 04:15PM CST", "en", dt.date(2011, 12, 2)).note == "CST"
    assert parse_value("9:10 AM UTC+3", "en", dt.date(2011, 12, 2)).note == "+03:00"
    assert parse_value("в 14:30 мск", "ru", dt.date(2011, 12, 2)).note == "MSK"


def test_spans_and_hedges() -> None:
    day = dt.date(2011, 12, 1)
    base = minute_number(dt.datetime(2011, 12, 1))
    span = parse_value("between 9:00 and 9:30", "en", day)
    assert (span.interval, span.granularity) == (Interval.closed(base + 540, base + 570), "span")
    about = parse_value("at about 5:40 a.m.", "en", day)
    assert about.interval == Interval.closed(base + 335, base + 345)
    before = parse_value("before 9 AM", "en", day)
    assert before.interval == Interval(base, base + 540, True, False)
    after = parse_value("after 14:00", "en", day)
    assert after.interval == Interval(base + 840, base + 1439, False, True)
    overnight = parse_value("from 11 PM to 1 AM", "en", day)
    assert overnight.interval == Interval.closed(base + 1380, base + 1440 + 60)
    assert (overnight.start, overnight.end) == (day, day + dt.timedelta(days=1))


def test_minute_span_value_of_one_minute_is_the_minute() -> None:
    m = minute_number(dt.datetime(2025, 9, 29, 9, 10))
    assert minute_span_value(m, m) == minute_value(dt.datetime(2025, 9, 29, 9, 10))
    assert minute_span_value(m, m + 5).granularity == "span"


def test_midnight_noon_and_twelve_oclock() -> None:
    day = dt.date(2025, 9, 29)

    def start(phrase: str, lang: str = "en") -> str:
        return str(parse_value(phrase, lang, day).to_json()["start"])

    assert start("midnight") == start("12 AM") == start("12:00 a.m.") == start("00:00") == "2025-09-29T00:00"
    assert start("noon") == start("12 PM") == start("12:00 p.m.") == start("12:00") == "2025-09-29T12:00"
    assert start("12:01 AM") == "2025-09-29T00:01"
    assert start("mezzanotte", "it") == start("полночь", "ru") == "2025-09-29T00:00"
    assert start("mezzogiorno", "it") == start("полдень", "ru") == "2025-09-29T12:00"


@settings(max_examples=200, deadline=None)
@given(MINUTES, st.integers(0, 1439), st.sampled_from(["en", "it", "ru"]))
def test_times_written_back_read_as_the_same_minutes(t: dt.datetime, length: int, lang: str) -> None:
    from factcheck.read.writer import write_value

    m = minute_number(t)
    for value in (minute_value(t), minute_span_value(m, m + length)):
        again = parse_value(write_value(value, lang), lang, dt.date(2000, 1, 1))
        assert (again.kind, again.unit, again.interval) == (value.kind, value.unit, value.interval)


# -- flight-status forms: estimates and non-answers ----------------------------------------------


@settings(max_examples=100, deadline=None)
@given(MINUTES)
def test_an_estimated_time_is_the_minute_give_or_take_five(t: dt.datetime) -> None:
    h, ampm = _h12(t)
    m = minute_number(t)
    for lang, phrase, note in [
        ("en", f"{t:%Y-%m-%d} {h}:{t.minute:02d} {ampm} (Estimated)", "estimated"),
        ("en", f"{t:%Y-%m-%d} {h}:{t.minute:02d} {ampm} (Estimated runway)", "estimated"),
        ("en", f"{t:%Y-%m-%d} {h}:{t.minute:02d} {ampm} CST (Estimated)", "CST"),
        ("it", f"{t:%d/%m/%Y} {t.hour}:{t.minute:02d} (stimato)", "estimated"),
        ("ru", f"{t:%d.%m.%Y} {t.hour}:{t.minute:02d} (ориентировочно)", "estimated"),
    ]:
        value = parse_value(phrase, lang, dt.date(2000, 1, 1))
        assert value.interval == Interval.closed(m - 5, m + 5), phrase
        assert value.note == note, phrase


def test_est_stays_the_eastern_zone_and_scheduled_is_not_read_as_an_estimate() -> None:
    exact = parse_value("9:19 PM EST", "en", dt.date(2011, 12, 1))
    assert (exact.note, exact.granularity) == ("EST", "minute")
    with pytest.raises(ReadError, match="scheduled"):
        parse_value("9:19 PM (Scheduled)", "en", dt.date(2011, 12, 1))


@pytest.mark.parametrize("lang", ["en", "it", "ru"])
def test_every_non_answer_is_refused_as_one_alone_and_after_a_date(lang: str) -> None:
    from factcheck.read.expect import Expect
    from factcheck.read.lexicon import get_lexicon

    date = {"en": "Dec 01", "it": "01 dic", "ru": "1 декабря"}[lang]
    written = {"n a": "n/a", "n d": "n/d", "н д": "н/д"}
    for words in sorted(get_lexicon(lang).non_answers - {""}):
        said = written.get(words, words)
        for phrase, expect in [(said, None), (f"{date} - {said}", None), (said.upper(), Expect.TIME),
                               (said, Expect.AMOUNT)]:
            with pytest.raises(ReadError, match="is a non-answer, not a figure"):
                parse_value(phrase, lang, dt.date(2011, 12, 2), expect=expect)
