"""The reading families the second new-user trial found (tests/test_new_user_cases_2.py): what the
phrase tables (`data/phrases_<lang>.yaml`, "new-user trial 2") cannot say — readings that depend on
the subject, daylight saving time at its edges, offset units, and a claims file's `period:`.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.api import check_document
from factcheck.load.claims_file import load_claims_text
from factcheck.read import ReadError, ValueKind, parse_value
from factcheck.read.expect import Expect, in_subject_currency
from factcheck.read.humanize import figure
from factcheck.read.units import affine, subject_dimension, to_base
from factcheck.read.zones import offset_minutes, seasonal_note
from factcheck.report.records import to_dict

DAY = dt.date(2023, 11, 21)


# --- non-answers, whatever the subject -------------------------------------------------------

@pytest.mark.parametrize("expect", [Expect.AMOUNT, Expect.COUNT, Expect.NAME, None])
@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "TBA"), ("en", "undisclosed"), ("en", "not disclosed"),
    ("it", "n.d."), ("it", "non rivelata"), ("it", "non resa nota"),
    ("ru", "н/д"), ("ru", "не раскрывается"), ("ru", "не разглашается"),
])
def test_a_non_answer_is_refused_as_one_on_any_subject(lang: str, phrase: str, expect: Expect | None) -> None:
    with pytest.raises(ReadError) as caught:
        parse_value(phrase, lang, DAY, expect=expect)
    assert "non-answer" in str(caught.value) and "did you mean" not in str(caught.value)


def test_a_name_is_still_a_name_on_an_amount_subject() -> None:
    # the non-answer check before a name refuses only non-answers
    assert parse_value("Almaty", "en", DAY, expect=Expect.NAME).kind is ValueKind.CATEGORY


# --- changes ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "phrase", "lower"), [
    ("en", "up 206%", 205.5), ("it", "in aumento del 206%", 205.5), ("ru", "рост на 206%", 205.5),
    ("en", "down 5%", -5.25), ("it", "in calo del 5%", -5.25), ("ru", "снижение на 5%", -5.25),
])
def test_a_change_in_percent_on_a_percent_subject_is_that_percentage(lang: str, phrase: str, lower: float) -> None:
    value = parse_value(phrase, lang, DAY, expect=Expect.PERCENT)
    assert value.kind is ValueKind.PERCENT and value.interval is not None
    assert value.interval.lower == lower


def test_a_change_without_a_percent_sign_on_a_percent_subject_is_a_percentage() -> None:
    value = parse_value("up 206", "en", DAY, expect=Expect.PERCENT)
    assert value.kind is ValueKind.PERCENT
    with pytest.raises(ReadError, match="how much a figure changed"):
        parse_value("up 206", "en", DAY, expect=Expect.COUNT)


# --- temperatures: an interval scale ----------------------------------------------------------

@pytest.mark.parametrize(("lang", "phrase"), [("en", "about 0C"), ("it", "circa 0 gradi"), ("ru", "около 0 градусов")])
def test_about_zero_degrees_reaches_three_degrees_either_side(lang: str, phrase: str) -> None:
    # a fraction of 0 °C would be no reach at all: 0 °C is no "nothing"
    iv = parse_value(phrase, lang, DAY).interval
    assert iv is not None and (iv.lower, iv.upper) == (-3, 3)


def test_fahrenheit_converts_the_ends_not_a_difference() -> None:
    factor, offset, base = affine("degree_Fahrenheit")
    assert base == "degree_Celsius"
    assert 212 * factor + offset == pytest.approx(100) and 32 * factor + offset == pytest.approx(0)
    assert affine("kilometer") == (1000.0, 0.0, "meter")


def test_to_base_refuses_an_offset_unit_rather_than_scale_it() -> None:
    with pytest.raises(ValueError, match="offset unit"):
        to_base("degree_Fahrenheit")


def test_a_fahrenheit_figure_is_shown_in_celsius_to_its_written_precision() -> None:
    assert figure(parse_value("107F", "en", DAY)) == "41.7 °C"
    assert figure(parse_value("41.8C", "en", DAY)) == "41.8 °C"


def test_a_subject_in_fahrenheit_is_in_celsius() -> None:
    assert subject_dimension("degree_Fahrenheit") == ("amount", "degree_Celsius")


def test_a_fahrenheit_and_a_celsius_figure_agree() -> None:
    a = parse_value("107 degrees Fahrenheit", "en", DAY).interval
    b = parse_value("41.8C", "en", DAY).interval
    assert a is not None and b is not None and a.intersection(b) is not None


# --- zones whose offset depends on the date -------------------------------------------------

@pytest.mark.parametrize(("zone", "day", "minute", "note"), [
    ("ET", dt.date(2023, 3, 12), 90, "EST"),      # 1:30 a.m. on the spring-forward Sunday
    ("ET", dt.date(2023, 3, 12), 210, "EDT"),     # 3:30 a.m.
    ("ET", dt.date(2023, 11, 5), 60, "EDT"),      # 1:00 a.m. on the fall-back Sunday (the first)
    ("ET", dt.date(2023, 11, 5), 180, "EST"),
    ("PT", dt.date(2023, 7, 1), 720, "PDT"),
    ("ET", dt.date(2006, 3, 20), 720, "EST"),     # before 2007: daylight time from April
    ("ET", dt.date(2006, 4, 3), 720, "EDT"),
    ("ITALY", dt.date(2023, 3, 26), 60, "CET"),   # the last Sunday of March
    ("ITALY", dt.date(2023, 3, 26), 180, "CEST"),
    ("ITALY", dt.date(2023, 10, 29), 240, "CET"),
    ("ET", dt.date(1980, 7, 1), 720, "ET"),       # no rule: kept generic, a wall clock
    ("MSK", dt.date(2023, 7, 1), 720, "MSK"),     # not a generic zone
])
def test_a_generic_zone_is_its_standard_or_daylight_zone_on_the_day(zone: str, day: dt.date, minute: int, note: str) -> None:
    assert seasonal_note(zone, day, minute) == note


def test_a_generic_zone_no_rule_covers_has_no_offset() -> None:
    assert offset_minutes("ET") is None
    assert offset_minutes("EDT") == -240


@pytest.mark.parametrize(("lang", "phrase", "published"), [
    ("en", "2 p.m. PT", DAY), ("en", "5 p.m. ET", DAY), ("it", "ieri alle 23 ora italiana", DAY + dt.timedelta(days=1)),
    ("ru", "в 01:00 мск", DAY + dt.timedelta(days=1)), ("en", "2200 GMT", DAY),
])
def test_one_moment_in_four_zones_is_one_utc_minute(lang: str, phrase: str, published: dt.date) -> None:
    value = parse_value(phrase, lang, published, expect=Expect.TIME)
    assert value.interval is not None and value.note is not None
    offset = offset_minutes(value.note)
    assert offset is not None
    utc = dt.datetime(1970, 1, 1) + dt.timedelta(minutes=value.interval.lower - offset)
    assert utc == dt.datetime(2023, 11, 21, 22, 0)


def test_four_digits_without_a_zone_are_no_time() -> None:
    with pytest.raises(ReadError, match="leading zeros"):
        parse_value("0936", "en", DAY)


# --- a claims file's ISO interval ------------------------------------------------------------

def test_an_iso_interval_as_a_period_is_its_span_of_days() -> None:
    text = """version: 1
sources:
  - {id: a, title: A, published: 2023-11-21, language: en}
  - {id: b, title: B, published: 2023-11-22, language: it}
subjects:
  - {id: t, title: T, kind: flow, unit: USD}
claims:
  - {subject: t, source: a, says: "$18.12 billion", quote: "q", period: 2023-07-31/2023-10-29}
  - {subject: t, source: b, says: "18,12 miliardi di dollari", quote: "q", period: "2023-07-31/2023-10-29"}
"""
    record = to_dict(check_document(load_claims_text(text, "claims.yaml")))["subjects"][0]
    assert {c["period"] for c in record["claims"]} == {"2023-07-31..2023-10-29"}
    assert record["verdict"] == "consistent"


# --- a figure with no currency word on a currency subject (the judge's half is to call it) ----

@pytest.mark.parametrize(("lang", "phrase", "currency", "lower", "upper"), [
    ("en", "300 million", "EUR", 285e6, 315e6),
    ("it", "300 milioni", "EUR", 285e6, 315e6),
    ("it", "oltre 100 milioni", "EUR", 1e8, None),
    ("it", "14,51 miliardi", "USD", 14.505e9, 14.515e9),
    ("ru", "более 100 млн", "EUR", 1e8, None),
])
def test_a_plain_figure_is_read_in_the_subjects_currency(
    lang: str, phrase: str, currency: str, lower: float, upper: float | None
) -> None:
    value = in_subject_currency(parse_value(phrase, lang, DAY, expect=Expect.AMOUNT), currency)
    assert value.kind is ValueKind.AMOUNT and value.unit == currency and value.interval is not None
    assert value.interval.lower == pytest.approx(lower)
    assert value.interval.upper == (None if upper is None else pytest.approx(upper))
    assert value.note is not None and f"read in {currency}, the subject's currency" in value.note


@pytest.mark.parametrize(("lang", "phrase"), [("en", "£88.5m"), ("it", "103 milioni di euro"), ("ru", "12%")])
def test_money_and_percentages_keep_what_they_say(lang: str, phrase: str) -> None:
    value = parse_value(phrase, lang, DAY, expect=Expect.AMOUNT)
    assert in_subject_currency(value, "USD") == value


def test_a_record_note_is_kept_beside_the_currency_note() -> None:
    value = in_subject_currency(parse_value("a record 300 million", "en", DAY, expect=Expect.AMOUNT), "EUR")
    assert value.note is not None and value.note.startswith("record; ")


# --- spreads too long for the phrase tables (verify's figure finder reaches five words) -------

@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "$20.00 billion, plus or minus 2%"), ("it", "20 miliardi di dollari, più o meno 2%"),
    ("ru", "20 млрд долларов, плюс-минус 2%"),
])
def test_guidance_with_a_spread_is_the_figure_plus_or_minus_it(lang: str, phrase: str) -> None:
    value = parse_value(phrase, lang, DAY)
    assert value.unit == "USD" and value.interval is not None
    assert (value.interval.lower, value.interval.upper) == (19.6e9, 20.4e9)


@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "a world-record €300 million"), ("it", "un record mondiale di 300 milioni di euro"),
    ("ru", "мировой рекорд в 300 млн евро"),
])
def test_a_world_record_is_the_figure_noted_record(lang: str, phrase: str) -> None:
    value = parse_value(phrase, lang, DAY)
    assert value.unit == "EUR" and value.note == "record" and value.interval is not None
    assert (value.interval.lower, value.interval.upper) == (285e6, 315e6)


def test_twenty_then_second_is_no_rank_in_italian() -> None:
    # Italian writes compound ordinals as one word (ventiduesimo); English and Russian write two
    with pytest.raises(ReadError):
        parse_value("venti, secondo", "it", DAY)
    assert parse_value("twenty-second", "en", DAY).kind is ValueKind.RANK


# --- local time: the place's clock, when the phrase names a place of one clock -----------------

@pytest.mark.parametrize(("lang", "phrase", "published", "note"), [
    ("en", "at 11.36am local time in Genoa on Tuesday", dt.date(2018, 8, 15), "CEST"),
    ("it", "alle 11.36 ora locale di Genova", dt.date(2018, 8, 14), "CEST"),
    ("ru", "в 11:36 по местному времени в Генуе", dt.date(2018, 8, 14), "CEST"),
    ("en", "at 9am local time in London", dt.date(2018, 1, 14), "GMT"),
    ("ru", "в 4:17 по местному времени в Стамбуле", dt.date(2023, 2, 6), "TRT"),
])
def test_local_time_in_a_named_place_is_its_countrys_clock(lang: str, phrase: str, published: dt.date, note: str) -> None:
    assert parse_value(phrase, lang, published, expect=Expect.TIME).note == note


@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "at 11.36am local time on Tuesday"), ("en", "at 9am local time in New York"),
    ("it", "alle 11.36 ora locale"), ("ru", "в 11:36 по местному времени"),
])
def test_local_time_without_a_place_of_one_clock_is_refused_saying_why(lang: str, phrase: str) -> None:
    with pytest.raises(ReadError, match="is the clock of a place"):
        parse_value(phrase, lang, dt.date(2018, 8, 15), expect=Expect.TIME)
