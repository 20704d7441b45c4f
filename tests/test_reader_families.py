"""Issue 18: the phrase families a desk meets every day.

Most cases are in the phrase tables (`data/phrases_<lang>.yaml`, after the "issue 18" heading),
run by test_phrases.py. Here: what those tables cannot say — why a phrase is refused (`reason:`),
readings that depend on the subject (a date subject reads "in the past four years" as a span of
days), and languages without a table of their own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.api import check_document
from factcheck.load.claims_file import load_claims_text
from factcheck.read import ReadError, ValueKind, parse_value
from factcheck.read.expect import Expect
from factcheck.report.records import to_dict

DATA = Path(__file__).parent / "data"
MONDAY = dt.date(2025, 9, 29)

#: The words each refusal's message must contain: the reason in words, not "did not understand".
REASONS = {"vague plural": "vague plural", "non-answer": "non-answer", "uncertain": "uncertain",
           "multiplication": "multiplies a figure it does not give",
           "change": "gives how much a figure changed, not the figure",
           "local time": "is the clock of a place, which the figure does not name"}


def _issue_18_cases(lang: str) -> list[dict[str, Any]]:
    text = (DATA / f"phrases_{lang}.yaml").read_text(encoding="utf-8")
    head, _, tail = text.partition("# === issue 18")
    assert tail, f"phrases_{lang}.yaml has no issue 18 section"
    cases = yaml.safe_load(text)
    return list(cases[len(yaml.safe_load(head) or []):])


@pytest.mark.parametrize("lang", ["en", "it", "ru"])
def test_each_language_has_its_forty_issue_18_cases(lang: str) -> None:
    assert len(_issue_18_cases(lang)) >= 40


def _refusals() -> list[Any]:
    out = []
    for lang in ("en", "it", "ru"):
        for case in _issue_18_cases(lang):
            if case["expect"] == "error":
                out.append(pytest.param(lang, case["phrase"], case["reason"], id=f"{lang}-{case['phrase']}"))
    return out


@pytest.mark.parametrize(("lang", "phrase", "reason"), _refusals())
def test_a_refusal_says_why_in_words(lang: str, phrase: str, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        parse_value(phrase, lang, MONDAY)
    assert REASONS[reason] in str(caught.value)


# --- on a date subject: spans, not durations; the future; years in words -----------------------

DATE_SUBJECT = [
    ("en", "in the past four years", "2021-09-29", "2025-09-29"),
    ("en", "over the last two decades", "2005-09-29", "2025-09-29"),
    ("en", "in the next three months", "2025-09-29", "2025-12-29"),
    ("en", "over the past week", "2025-09-22", "2025-09-29"),
    ("it", "negli ultimi cinque anni", "2020-09-29", "2025-09-29"),
    ("it", "nei prossimi due anni", "2025-09-29", "2027-09-29"),
    ("it", "nelle ultime due settimane", "2025-09-15", "2025-09-29"),
    ("ru", "за последние три года", "2022-09-29", "2025-09-29"),
    ("ru", "в ближайшие два года", "2025-09-29", "2027-09-29"),
    ("ru", "за последние десять дней", "2025-09-19", "2025-09-29"),
]


@pytest.mark.parametrize(("lang", "phrase", "start", "end"), DATE_SUBJECT)
def test_a_recent_span_on_a_date_subject_is_the_days_it_covers(lang: str, phrase: str, start: str, end: str) -> None:
    value = parse_value(phrase, lang, MONDAY, expect=Expect.DATE).to_json()
    assert (value["kind"], value["start"], value["end"]) == ("date", start, end)
    if phrase != "over the past week":  # no count: a duration only where one is written
        # on any other subject it stays a duration
        assert parse_value(phrase, lang, MONDAY).kind is ValueKind.DURATION


@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "will be completed"), ("en", "is set to open"), ("it", "aprirà"), ("it", "sarà completato"),
    ("ru", "откроется"), ("ru", "будет открыт"),
])
def test_a_future_statement_on_a_date_subject_is_after_publication(lang: str, phrase: str) -> None:
    value = parse_value(phrase, lang, MONDAY, expect=Expect.DATE).to_json()
    assert (value["start"], value["end"], value["note"]) == ("2025-09-30", None, "future")
    with pytest.raises(ReadError):
        parse_value(phrase, lang, MONDAY)  # on a subject that is not a date, no figure


@pytest.mark.parametrize(("lang", "phrase", "year"), [
    ("it", "duemiladiciotto", 2018), ("en", "two thousand and twelve", 2012), ("ru", "две тысячи пятнадцать", 2015),
])
def test_a_year_in_words_on_a_date_subject(lang: str, phrase: str, year: int) -> None:
    value = parse_value(phrase, lang, MONDAY, expect=Expect.DATE).to_json()
    assert (value["start"], value["end"]) == (f"{year}-01-01", f"{year}-12-31")


def test_an_anniversary_reads_as_the_year_it_marks() -> None:
    value = parse_value("the 30th anniversary of", "en", dt.date(2022, 5, 1)).to_json()
    assert (value["start"], value["end"]) == ("1992-01-01", "1992-12-31")


# --- verbs: the figure itself, never "at most" ----------------------------------------------

@pytest.mark.parametrize(("lang", "phrase", "plain"), [
    ("en", "rose to 4,100", "4,100"), ("en", "dropped to $2 billion", "$2 billion"),
    ("it", "è salito a 300", "300"), ("it", "è scesa al 4%", "4%"),
    ("ru", "выросло до 500", "500"), ("ru", "сократился до 2 млн", "2 млн"),
])
def test_a_verb_before_a_figure_reads_as_the_figure(lang: str, phrase: str, plain: str) -> None:
    assert parse_value(phrase, lang, MONDAY) == parse_value(plain, lang, MONDAY)


# --- any language: what is written the same everywhere ---------------------------------------

@pytest.mark.parametrize(("lang", "phrase", "kind", "lower", "upper"), [
    ("es", "250", "number", 245, 255),
    ("es", "1.234.567", "number", 1234566.5, 1234567.5),
    ("es", "7,5%", "percent", 7.45, 7.55),
    ("es", "€300", "amount", 285, 315),
    ("tr", "₺1,5", "amount", 1.45, 1.55),
    ("tr", "USD 40", "amount", 38, 42),
    ("de", "~500", "number", 450, 550),
])
def test_plain_figures_read_in_a_language_without_a_table(lang: str, phrase: str, kind: str, lower: float, upper: float) -> None:
    value = parse_value(phrase, lang, MONDAY).to_json()
    assert (value["kind"], value["lower"], value["upper"]) == (kind, lower, upper)


@pytest.mark.parametrize(("lang", "phrase", "start"), [
    ("es", "2025-03-01", "2025-03-01"), ("tr", "14:30", "2025-09-29T14:30"), ("fr", "2019", "2019-01-01"),
])
def test_dates_and_times_read_in_a_language_without_a_table(lang: str, phrase: str, start: str) -> None:
    assert parse_value(phrase, lang, MONDAY).to_json()["start"] == start


@pytest.mark.parametrize(("lang", "phrase"), [("es", "alrededor de 300"), ("tr", "yaklaşık 300"), ("de", "drei Millionen")])
def test_words_in_a_language_without_a_table_name_the_language(lang: str, phrase: str) -> None:
    with pytest.raises(ReadError) as caught:
        parse_value(phrase, lang, MONDAY)
    assert f"no word table for the language {lang!r}" in str(caught.value)


def test_a_thousands_or_decimal_separator_is_refused_where_no_table_says_which() -> None:
    with pytest.raises(ReadError, match="ambiguous"):
        parse_value("4.000", "es", MONDAY)


def test_a_code_that_is_no_language_is_still_unknown() -> None:
    with pytest.raises(ReadError, match="unknown language 'xx'"):
        parse_value("250", "xx", MONDAY)


def test_a_claims_period_in_words_is_the_span_of_days() -> None:
    """`period: the past four years` on a flow subject: the span of days, not a duration."""
    text = """version: 1
sources:
  - {id: a, title: A, published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-09-29, language: it}
subjects:
  - {id: t, title: T, kind: flow, unit: USD}
claims:
  - {subject: t, source: a, says: "$5 billion", quote: "q", period: in the past four years}
  - {subject: t, source: b, says: "5 miliardi di dollari", quote: "q", period: negli ultimi quattro anni}
"""
    record = to_dict(check_document(load_claims_text(text, "claims.yaml")))["subjects"][0]
    assert {c["period"] for c in record["claims"]} == {"2021-09-29..2025-09-29"}
    assert record["verdict"] == "consistent"


# --- the families left for later: time counted on, lengths in metres, seasons ---------------

@pytest.mark.parametrize(("lang", "phrase"), [("en", "in two years"), ("it", "tra due anni"), ("ru", "через два года")])
def test_time_counted_on_is_a_year_on_a_date_subject(lang: str, phrase: str) -> None:
    value = parse_value(phrase, lang, MONDAY, expect=Expect.DATE).to_json()
    assert (value["start"], value["end"]) == ("2027-01-01", "2027-12-31")


def test_english_in_opens_a_year_or_a_month_not_time_counted_on() -> None:
    """`in` before a count is time counted on only on a date subject: elsewhere `in 2019` and
    `in May` stay the year and the month, and `in two years` is not read as a date."""
    assert parse_value("in 2019", "en", MONDAY, expect=Expect.DATE).to_json()["start"] == "2019-01-01"
    assert parse_value("in May", "en", MONDAY, expect=Expect.DATE).to_json()["start"] == "2025-05-01"
    with pytest.raises(ReadError):
        parse_value("in two years", "en", MONDAY)


@pytest.mark.parametrize(("lang", "phrase"), [("en", "8,848.86m"), ("it", "8.848,86 m"), ("ru", "8 848,86 м")])
def test_m_on_a_subject_in_metres_is_metres(lang: str, phrase: str) -> None:
    value = parse_value(phrase, lang, MONDAY, expect=Expect.LENGTH).to_json()
    assert (value["kind"], value["lower"], value["upper"], value["unit"]) == ("amount", 8848.855, 8848.865, "meter")


def test_m_elsewhere_is_still_millions() -> None:
    assert parse_value("$5m", "en", MONDAY).to_json()["lower"] == 4750000
    assert parse_value("5m", "en", MONDAY, expect=Expect.AMOUNT).to_json()["unit"] is None


def test_a_subject_in_metres_judges_m_as_metres() -> None:
    """Through the whole pipeline: `unit: m` makes the reader take `m` as metres."""
    text = """version: 1
sources:
  - {id: a, title: A, published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-09-29, language: en}
subjects:
  - {id: everest, title: Height of Everest, kind: constant, unit: m}
claims:
  - {subject: everest, source: a, says: "8,848.86m", quote: "q"}
  - {subject: everest, source: b, says: "8,848.86 metres", quote: "q"}
"""
    record = to_dict(check_document(load_claims_text(text, "claims.yaml")))["subjects"][0]
    assert record["verdict"] == "consistent"
    assert {c["value"]["unit"] for c in record["claims"]} == {"meter"}


def test_a_season_without_a_year_is_the_one_under_way_or_the_nearer() -> None:
    """Published in September: "this winter" is the coming one, "this summer" the one just gone."""
    def start(phrase: str) -> str:
        return str(parse_value(phrase, "en", MONDAY).to_json()["start"])

    assert start("this winter") == "2025-12-01"
    assert start("this summer") == "2025-06-01"
    assert parse_value("this summer", "en", dt.date(2025, 7, 15)).to_json()["start"] == "2025-06-01"
    assert start("last winter") == "2024-12-01"
    assert start("next summer") == "2026-06-01"


def test_in_after_a_figure_is_never_inches() -> None:
    """`2 in` is refused rather than read as inches: in running text, verify and extract grow a
    figure word by word, and "250 in total" would become 250 inches (test_verify_meaning.py)."""
    for phrase in ("2 in", "250 in"):
        with pytest.raises(ReadError):
            parse_value(phrase, "en", MONDAY)
    assert parse_value("2 inches", "en", MONDAY).unit == "meter"
