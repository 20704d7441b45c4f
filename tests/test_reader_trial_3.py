"""The reading families the third new-user trial found (tests/test_new_user_cases_3.py): speeds and
spans of time to the second. The phrase tables (`data/phrases_<lang>.yaml`, "new-user trial 3") hold
what reads the same on any subject; this file checks what they cannot say — race times on a subject
of durations, a subject's speed unit, how speeds and short spans are shown — and the clock readers'
properties.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.api import check_file
from factcheck.cli.app import app
from factcheck.read import ReadError, ValueKind, parse_value
from factcheck.read.clock import clock_seconds, spell_clock
from factcheck.read.expect import Expect
from factcheck.read.humanize import clock, figure
from factcheck.read.units import subject_dimension
from factcheck.report.records import to_dict

DAY = dt.date(2023, 10, 9)
YEAR = 31_557_600  # seconds in the year of 365.25 days durations are kept in
SPEED = ("amount", "meter_per_second")


def _seconds(phrase: str, lang: str, expect: Expect | None = Expect.DURATION) -> tuple[float, float]:
    value = parse_value(phrase, lang, DAY, expect=expect)
    assert value.kind is ValueKind.DURATION and value.interval is not None
    assert value.interval.lower is not None and value.interval.upper is not None
    return value.interval.lower * YEAR, value.interval.upper * YEAR


# --- race times on a subject of durations ---------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "it", "ru", "es"])
@pytest.mark.parametrize(("phrase", "lower", "upper"), [
    ("2:00:35", 7234.5, 7235.5),
    ("2:00:53", 7252.5, 7253.5),
    ("1:59:40.25", 7180.245, 7180.255),
    ("0:59:40", 3579.5, 3580.5),
    ("2h00'35\"", 7234.5, 7235.5),
    ("2h00'35''", 7234.5, 7235.5),
    ("2h00'", 7170, 7230),  # to the minute: ± 30 s
])
def test_a_race_time_is_a_span_to_its_last_digit(lang: str, phrase: str, lower: float, upper: float) -> None:
    assert _seconds(phrase, lang) == pytest.approx((lower, upper), rel=1e-9)


@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "2 hours 0 minutes 35 seconds"), ("en", "2 hours and 35 seconds"), ("en", "2 h 00 min 35 s"),
    ("it", "2 ore 0 minuti e 35 secondi"), ("it", "2 ore e 35 secondi"), ("it", "2 h 00 min 35 s"),
    ("ru", "2 часа 0 минут 35 секунд"), ("ru", "2 ч 00 мин 35 сек"), ("ru", "2 часа и 35 секунд"),
])
def test_a_race_time_in_words_is_the_same_span(lang: str, phrase: str) -> None:
    assert _seconds(phrase, lang) == pytest.approx(_seconds("2:00:35", lang), rel=1e-12)
    assert _seconds(phrase, lang, expect=None) == pytest.approx(_seconds("2:00:35", lang), rel=1e-12)


def test_a_transposed_time_does_not_overlap() -> None:
    right, wrong = (parse_value(p, "en", DAY, expect=Expect.DURATION) for p in ("2:00:35", "2:00:53"))
    assert not right.overlaps(wrong)
    assert right.overlaps(parse_value("just over two hours", "en", DAY, expect=Expect.DURATION))
    assert right.overlaps(parse_value("2 часа 0 минут 35 секунд", "ru", DAY, expect=Expect.DURATION))


def test_h_mm_ss_is_a_time_of_day_on_any_other_subject() -> None:
    assert parse_value("2:00:35", "en", DAY).kind is ValueKind.DATE  # 02:00, as before
    assert parse_value("2:00:35", "en", DAY, expect=Expect.TIME).kind is ValueKind.DATE


@pytest.mark.parametrize("phrase", ["2:05", "2:61:00", "2:00:35:10"])
def test_what_is_no_race_time_is_refused_on_a_subject_of_durations(phrase: str) -> None:
    # `2:05` is hours and minutes, or minutes and seconds: not guessed
    with pytest.raises(ReadError):
        parse_value(phrase, "en", DAY, expect=Expect.DURATION)


def test_the_primes_make_a_span_on_any_subject() -> None:
    assert parse_value("2h00'35\"", "it", DAY).kind is ValueKind.DURATION
    assert parse_value("59'40\"", "it", DAY).kind is ValueKind.DURATION


@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "2 hours 35"), ("it", "2 ore 35"), ("ru", "2 часа 35"),  # a part without its unit
    ("en", "120 mph 195 km/h"), ("ru", "105 узлов 195 км/ч"),  # two figures
])
def test_a_span_or_speed_with_a_loose_figure_is_refused(lang: str, phrase: str) -> None:
    for expect in (None, Expect.DURATION, Expect.AMOUNT):
        with pytest.raises(ReadError):
            parse_value(phrase, lang, DAY, expect=expect)


def test_smaller_units_must_come_smaller() -> None:
    with pytest.raises(ReadError):
        parse_value("35 seconds 2 hours", "en", DAY)
    # "and" between two spans of the same unit is a range, not a sum
    value = parse_value("between 2 hours and 3 hours", "en", DAY)
    assert value.interval is not None and value.interval.upper == pytest.approx(3 / 8766)


# --- speeds ------------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["mph", "km/h", "knot", "knots", "mile_per_hour", "kilometer_per_hour", "m/s",
                                  "meter_per_second", "kph", "nodi", "км/ч", "узлов", "chilometri orari"])
def test_a_speed_unit_is_a_subject_unit(unit: str) -> None:
    assert subject_dimension(unit) == SPEED


@pytest.mark.parametrize("unit", ["duration", "hours", "seconds", "minute", "time span", "race time"])
def test_a_unit_of_time_is_a_duration_subject(unit: str) -> None:
    assert subject_dimension(unit) == ("duration", "year")


@pytest.mark.parametrize(("lang", "phrase", "shown"), [
    ("en", "120 mph", "120 mph"), ("it", "195 km/h", "195 km/h"), ("ru", "105 узлов", "105 kn"),
    ("en", "about 50 m/s", "45–55 m/s"), ("it", "195 chilometri orari", "195 km/h"), ("ru", "около 195 км/ч", "175.5–214.5 km/h"),
    ("en", "Mach 2", "Mach 2"), ("en", "20 km per hour", "20 km/h"),
    ("en", "2:00:35", "2:00:35"), ("it", "2 ore e 35 secondi", "2:00:35"), ("ru", "на 34 секунды", "34 s"),
    ("en", "just over two hours", "> 2 h"), ("en", "more than half a minute", "> 30 s"), ("it", "45 minuti", "45 min"),
])
def test_a_speed_and_a_short_span_are_shown_as_people_write_them(lang: str, phrase: str, shown: str) -> None:
    assert figure(parse_value(phrase, lang, DAY, expect=Expect.DURATION if ":" in phrase else None)) == shown


def test_parse_shows_a_speed_as_a_speed() -> None:
    result = CliRunner().invoke(app, ["parse", "195 km/h", "--lang", "it", "--published", "2024-10-10"])
    assert result.exit_code == 0, result.output
    assert "195 km/h" in result.stdout and "year" not in result.stdout


def _file(tmp_path: Path, unit: str, says: list[tuple[str, str]]) -> Path:
    sources = "".join(f"  - {{id: s{i}, title: t, publisher: p, published: 2024-10-10, language: {lang}}}\n"
                      for i, (lang, _) in enumerate(says))
    claims = "".join(f"  - {{subject: wind, source: s{i}, says: \"{text}\", quote: \"{text}\"}}\n"
                     for i, (_, text) in enumerate(says))
    path = tmp_path / "claims.yaml"
    path.write_text(f"version: 1\nsources:\n{sources}subjects:\n  - {{id: wind, title: Wind, kind: constant{unit}}}\n"
                    f"claims:\n{claims}", encoding="utf-8")
    return path


@pytest.mark.parametrize("unit", ["", ", unit: mph", ", unit: km/h", ", unit: knot", ", unit: m/s"])
def test_one_speed_in_three_units_agrees_and_a_peak_conflicts(tmp_path: Path, unit: str) -> None:
    said = [("en", "120 mph"), ("it", "195 km/h"), ("ru", "105 узлов")]
    record = to_dict(check_file(_file(tmp_path, unit, said)))["subjects"][0]
    assert (record["verdict"], record["judged"]) == ("consistent", 3)
    record = to_dict(check_file(_file(tmp_path, unit, [*said, ("it", "290 km/h")])))["subjects"][0]
    assert record["verdict"] == "conflicting"
    assert "“290 km/h” (290 km/h" in record["reason"]


def test_a_speed_is_never_compared_with_a_length(tmp_path: Path) -> None:
    record = to_dict(check_file(_file(tmp_path, ", unit: km/h", [("en", "120 mph"), ("en", "195 km")])))["subjects"][0]
    assert record["judged"] == 1


# --- properties of the clock readers ----------------------------------------------------------

@given(st.integers(0, 99), st.integers(0, 59), st.integers(0, 59), st.sampled_from(["", "0", "25", "125"]))
def test_clock_seconds_reads_what_it_is_given(h: int, m: int, s: int, fraction: str) -> None:
    token = f"{h}:{m:02d}:{s:02d}" + (f".{fraction}" if fraction else "")
    seconds, half = clock_seconds(token) or (None, None)
    assert seconds == pytest.approx(h * 3600 + m * 60 + s + (int(fraction) / 10 ** len(fraction) if fraction else 0))
    assert half == 0.5 / 10 ** len(fraction)


@given(st.text(max_size=40))
@settings(max_examples=300)
def test_the_clock_readers_take_any_text(text: str) -> None:
    found = clock_seconds(text)
    assert found is None or (found[0] >= 0 and found[1] > 0)
    spelled = spell_clock(text)
    assert isinstance(spelled, str)
    if "'" not in text:
        assert spelled == text


@given(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59), st.sampled_from(["en", "it", "ru"]))
@settings(max_examples=60, deadline=None)
def test_primes_words_and_colons_read_as_one_span(h: int, m: int, s: int, lang: str) -> None:
    colons = _seconds(f"{h}:{m:02d}:{s:02d}", lang)
    assert _seconds(f"{h}h{m:02d}'{s:02d}\"", lang) == pytest.approx(colons, rel=1e-12, abs=1e-9)
    if h:
        assert _seconds(f"{h} h {m:02d} min {s:02d} s", lang) == pytest.approx(colons, rel=1e-12, abs=1e-9)


@given(st.integers(60, 86_399).filter(lambda s: s % 60))
@settings(max_examples=60, deadline=None)
def test_a_span_shown_by_clock_reads_back(seconds: int) -> None:
    shown = clock(seconds)
    lower, upper = _seconds(shown, "en")
    assert lower < seconds < upper
