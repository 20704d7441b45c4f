"""A fourth new user's cases: claims files written from realistic news text (en, it, ru) on
topics factcheck's authors never used (NASA's Artemis I launch, France's pension-reform protests
of 7 March 2023, the Tempi rail crash in Greece, Stellantis's first-half 2024 results), each
subject annotated with the verdict an experienced editor gives (`# expect:` in
tests/data/newsuser4/*.yaml), written and committed before factcheck was run on them.

Where factcheck agrees with the editor, the test asserts it. Where it does not and the editor is
right, the case is `xfail(strict=True)` with the precise defect: it documents an open bug
without breaking CI, and turns into a failure (XPASS) the day the bug is fixed, to be promoted to
a plain assert. Expectations are never lowered to what the tool says today.

Every verdict and likely error the editor wrote stands after the run; no expectation was found
wrong. Three notes on the editor's side of the contract:

- aoi-margin-change: ANSA's `says: 4,4 punti percentuali` leaves out the quote's 'in calo di'
  (`parse 'in calo di 4,4 punti percentuali'` would carry the sign). The editor's verdict
  (consistent) stands: the subject is a change whose direction every quote gives, and Interfax's
  'на 4,4 п.п.' cannot be written with its sign at all (the sign is the verb 'снизилась').
- The installed package was built from /work/main with an uncommitted change to
  src/factcheck/judge/trust.py; results are those of that build.
- One assertion of the test itself was wrong and fixed: RIA's bare '1560' is 1,555-1,565 (a
  trailing zero counts as rounding, as documented), not 1,559.5-1,560.5.
- Italian figures with a thousands dot (`81.000`, `700.000`, `1.560`) were quoted in the files
  before the first run, as trial 3 learned (YAML reads them as floats).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from tests.helpers import Trial, defect

_trial = Trial("newsuser4")
DATA = _trial.data
_report, _subject, _claim = _trial.report, _trial.subject, _trial.claim
_likely_error_sources, _defect = _trial.likely_error_sources, defect
runner = CliRunner()

#: A figure printed with more digits than anyone wrote: 7+ significant digits, or a long decimal tail.
_OVERPRECISE = re.compile(r"\d[\d,]*\.\d{4,}|\d{1,3}(?:,\d{3}){3,}")


def _sources(name: str) -> dict[str, Any]:
    result = runner.invoke(app, ["sources", str(DATA / name), "-f", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _trust(name: str) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in _sources(name)["sources"]}


# --- artemis-launch.yaml: Artemis I, 16 November - 11 December 2022 -------------------------

@pytest.mark.parametrize(("subject", "expected"), [
    ("launch-time", "consistent"),  # fixed: a zoneless time is set apart, not a wall clock for all
    ("sls-height", "consistent"),
    ("orion-max-distance", "conflicting"),
    ("mission-duration", "consistent"),
    ("launch-cost", "consistent"),
])
def test_artemis_verdicts(subject: str, expected: str) -> None:
    assert _subject("artemis-launch.yaml", subject)["verdict"] == expected


# fixed (judge/grouping._same_clock): Corriere's zoneless 'alle 7.47' (a source published with a
# date only) used to turn every time of the subject into a wall clock, so NASA '1:47 a.m. EST',
# Reuters '0647 GMT' and TASS 'в 09:47 мск' (all 06:47 UTC) were named the likely error
def test_a_zoneless_time_is_set_apart_not_made_the_clock_of_all() -> None:
    claim = _claim("artemis-launch.yaml", "launch-time", "corriere-1116")
    assert claim["status"] != "judged" and "no time zone" in claim["error"]
    record = _subject("artemis-launch.yaml", "launch-time")
    assert record["judged"] == 4 and record["reconciliation"]["reconciled"][0]["value"]["start"] == "2022-11-16T06:47"


def test_nasa_is_not_contradicted_on_its_own_launch_time() -> None:
    assert _trust("artemis-launch.yaml")["nasa-1116"]["contradicted"] == 0


def test_wrong_unit_is_the_likely_error() -> None:
    assert _likely_error_sources("artemis-launch.yaml", "orion-max-distance") == ["repubblica-1129"]


@pytest.mark.xfail(strict=True, reason=(
    "the four agreeing claims allow 432,209.4-432,211.1 km, but `rest_agree` prints '432,200 km' "
    "(4 significant digits of the interval), a figure OUTSIDE what they agree on and one no "
    "source wrote (RIA wrote '432 210 км', NASA '268,563 miles')"))
def test_orion_rest_agree_figure_is_inside_the_agreement() -> None:
    rest = _subject("artemis-launch.yaml", "orion-max-distance")["reconciliation"]["rest_agree"]
    shown = float(rest["figure"].replace(",", "").removesuffix(" km")) * 1000
    assert rest["value"]["lower"] <= shown < rest["value"]["upper"]


@pytest.mark.parametrize(("subject", "source"), [
    ("orion-max-distance", "nasa-1128"),
    ("sls-height", "nasa-1116"),
], ids=["miles", "feet"])
@pytest.mark.xfail(strict=True, reason=(
    "a figure in miles or feet is shown converted with every digit, not as written: NASA "
    "'268,563 miles' is '432,210.252672 km' (also Repubblica '695,574.57024 km', and the "
    "orion reconciled value), '322-foot' is '98.1456 m' (also the sls-height reason 'every "
    "claim allows 98.1456 m'); docs/verdicts.md promises figures as written and unwritten ends "
    "to four significant digits"))
def test_converted_units_shown_as_written(subject: str, source: str) -> None:
    assert not _OVERPRECISE.search(_claim("artemis-launch.yaml", subject, source)["figure"])


@pytest.mark.xfail(strict=True, reason=(
    "days are read as durations but shown in months: '25.5-day' and '25,5 суток' are '0.837782 "
    "months' in the figures, the reason and the agreed value (`parse '25 giorni'`: '0.821355 "
    "months')"))
def test_days_are_shown_as_days() -> None:
    assert "month" not in _subject("artemis-launch.yaml", "mission-duration")["reason"]


def test_days_are_durations() -> None:
    for source in ("nasa-1211", "tass-1212"):
        value = _claim("artemis-launch.yaml", "mission-duration", source)["value"]
        assert value["kind"] == "duration" and 0.069 < value["lower"] < value["upper"] < 0.0701


def test_euro_cost_converted_at_the_files_rate() -> None:
    record = _subject("artemis-launch.yaml", "launch-cost")
    assert record["judged"] == 4 and "1.04" in record["reason"]
    assert record["reconciliation"]["agreed"]["figure"] == "$4.1 bn"


# --- pension-protest-france.yaml: France, 7-28 March 2023 ----------------------------------

@pytest.mark.parametrize(("subject", "expected"), [
    ("protesters-nationwide-ministry", "consistent"),
    ("protesters-nationwide-cgt", "consistent"),
    ("protesters-paris-police", "conflicting"),
    ("protesters-paris-cgt", "consistent"),
    ("paris-march-start", "consistent"),
    ("mobilisation-day-number", "evolving"),
    ("protesters-marseille-police", "incomplete"),
])
def test_protest_verdicts(subject: str, expected: str) -> None:
    assert _subject("pension-protest-france.yaml", subject)["verdict"] == expected


def test_transposed_paris_count_is_the_likely_error() -> None:
    assert _likely_error_sources("pension-protest-france.yaml", "protesters-paris-police") == [
        "tass-0307"]
    rest = _subject("pension-protest-france.yaml", "protesters-paris-police")["reconciliation"][
        "rest_agree"]
    assert rest["figure"] == "81,000"


@pytest.mark.parametrize(("subject", "figure"), [
    ("protesters-nationwide-ministry", "1.28 mn"),
    ("protesters-nationwide-cgt", "3.5 mn"),
    ("protesters-paris-cgt", "700,000"),
    ("paris-march-start", "2023-03-07T13:00Z"),
])
def test_protest_prints(subject: str, figure: str) -> None:
    recon = _subject("pension-protest-france.yaml", subject)["reconciliation"]
    assert recon["agreed"]["figure"] == figure


def test_mobilisation_day_ends_at_the_tenth() -> None:
    series = _subject("pension-protest-france.yaml", "mobilisation-day-number")[
        "reconciliation"]["series"]
    assert [run["figure"] for run in series] == ["#6", "#9", "#10"]


def test_march_start_read_in_four_clocks() -> None:
    record = _subject("pension-protest-france.yaml", "paris-march-start")
    assert record["judged"] == record["total"] == 4


# --- tempi-train-crash.yaml: Tempi, Greece, 28 February - 5 March 2023 ----------------------

@pytest.mark.parametrize(("subject", "expected"), [
    ("death-toll", "conflicting"),
    ("crash-time", "consistent"),
    ("passengers-on-board", "consistent"),
    ("injured", "consistent"),
    ("minister-resignation-date", "consistent"),
    ("compensation-per-family", "incomplete"),
])
def test_tempi_verdicts(subject: str, expected: str) -> None:
    assert _subject("tempi-train-crash.yaml", subject)["verdict"] == expected


def test_transposed_toll_is_the_likely_error() -> None:
    assert _likely_error_sources("tempi-train-crash.yaml", "death-toll") == ["corriere-0303"]


def test_toll_series_rises_to_57() -> None:
    series = _subject("tempi-train-crash.yaml", "death-toll")["reconciliation"]["series"]
    assert [run["figure"] for run in series] == ["32", "36", "43", "46", "57"]


# fixed (judge/trust._variables_of): a running total's updates are cut by minute when they give
# one, so 1 March has three reconciled points (26 at 06:00, 32 at 11:00, 36 at 19:00 UTC); it
# used to be one point, ANSA's 32, with TASS's later 36 left out on a tie and counted contradicted
def test_toll_on_1_march_is_the_days_last_update() -> None:
    reconciled = _subject("tempi-train-crash.yaml", "death-toll")["reconciliation"]["reconciled"]
    on_the_day = [r for r in reconciled if r["time"].startswith("2023-03-01")]
    assert [r["figure"] for r in on_the_day] == ["≥ 26", "32", "36"]
    assert all(not r["left_out"] for r in on_the_day)


def test_later_tally_update_is_not_a_contradiction() -> None:
    assert _trust("tempi-train-crash.yaml")["tass-0301-2200"]["contradicted"] == 0


def test_crash_time_across_midnight_and_zones() -> None:
    record = _subject("tempi-train-crash.yaml", "crash-time")
    assert record["reconciliation"]["agreed"]["value"]["start"] == "2023-02-28T21:21"
    for source in ("ansa-0301-1200", "tass-0301-2200"):  # 'ieri alle 22.21 ora italiana', 'в 00:21 мск'
        assert _claim("tempi-train-crash.yaml", "crash-time", source)["value"]["start"] == \
            "2023-02-28T21:21"


def test_resignation_date_read_four_ways() -> None:
    for claim in _subject("tempi-train-crash.yaml", "minister-resignation-date")["claims"]:
        assert claim["value"]["start"] == claim["value"]["end"] == "2023-03-01"


@pytest.mark.parametrize(("subject", "figure"), [
    ("passengers-on-board", "342"),
    ("injured", "85"),
])
def test_tempi_prints(subject: str, figure: str) -> None:
    assert _subject("tempi-train-crash.yaml", subject)["reconciliation"]["agreed"]["figure"] == figure


# --- stellantis-h1-2024.yaml: Stellantis's first half 2024, 25-26 July 2024 -----------------

@pytest.mark.parametrize(("subject", "expected"), [
    ("h1-net-revenues", "consistent"),
    ("h1-net-profit", "conflicting"),
    ("h1-revenue-change", "consistent"),  # fixed: Interfax 'на 14%' takes its quote's 'снизилась'
    ("aoi-margin-change", "consistent"),  # fixed: ANSA and Interfax take their quotes' verbs
    ("call-time", "consistent"),
    ("mirafiori-exits", "consistent"),
    ("mirafiori-exit-cost", "incomplete"),
])
def test_stellantis_verdicts(subject: str, expected: str) -> None:
    assert _subject("stellantis-h1-2024.yaml", subject)["verdict"] == expected


def test_transposed_profit_is_the_likely_error() -> None:
    assert _likely_error_sources("stellantis-h1-2024.yaml", "h1-net-profit") == ["corriere-0726"]


# fixed (judge/claims._with_the_quotes_verb, grouping.signs_from_quotes): the company's own
# 'down 4.4 percentage points' was named the likely error, outvoted by ANSA '4,4 punti
# percentuali' and Interfax 'на 4,4 п.п.', whose quotes say 'in calo di' and 'снизилась'
def test_company_release_is_not_the_likely_error() -> None:
    record = _subject("stellantis-h1-2024.yaml", "aoi-margin-change")
    assert record["verdict"] == "consistent"
    for source in ("stellantis-0725", "interfax-0725"):
        assert _claim("stellantis-h1-2024.yaml", "aoi-margin-change", source)["value"]["upper"] < 0


@pytest.mark.xfail(strict=True, reason=(
    "Sole's relative fall 'del 31%' (31% of 14.4%, quote 'è calato del 31% rispetto al 14,4%') on "
    "a subject of percentage points is refused as unreadable (\"expected a number at 'del 31 "
    "%'... did you mean 'dello'?\"), instead of read and set apart as incomparable: percent and "
    "percentage points are one dimension, so once 'del' is skipped it would be judged as a "
    "31-point fall (`parse 'in calo del 31%'` gives -31%)"))
def test_relative_fall_is_incomparable_with_points() -> None:
    assert _claim("stellantis-h1-2024.yaml", "aoi-margin-change", "sole-0725")["status"] == \
        "incomparable"


@pytest.mark.xfail(strict=True, reason=(
    "h1-net-profit's `rest_agree` figure is '€5,623,000,000' and the Reuters claim's "
    "converted_figure '$6.1 billion' ≈ '€5,623,000,000' (ten digits; elsewhere the same "
    "conversion is shown '€84.98 bn'); h1-net-revenues's reason says 'every claim allows "
    "€84,984,791,224.997696'. The editor prints €5.6 billion and €85.0 billion"))
@pytest.mark.parametrize("where", ["profit-rest", "profit-converted", "revenue-reason"])
def test_euro_figures_not_overprecise(where: str) -> None:
    profit = _subject("stellantis-h1-2024.yaml", "h1-net-profit")
    text = {
        "profit-rest": profit["reconciliation"]["rest_agree"]["figure"],
        "profit-converted": _claim("stellantis-h1-2024.yaml", "h1-net-profit",
                                   "reuters-0725")["converted_figure"],
        "revenue-reason": _subject("stellantis-h1-2024.yaml", "h1-net-revenues")["reason"],
    }[where]
    assert not _OVERPRECISE.search(text)


def test_same_half_year_written_two_ways_is_one_period() -> None:
    # Interfax's 'январь-июнь 2024 года' (2024-01-01..2024-06-30) is compared with 'first half
    # of 2024' (2024-H1): changing its figure to 6,5 makes it conflict (checked by hand).
    claim = _claim("stellantis-h1-2024.yaml", "h1-net-profit", "interfax-0725")
    assert claim["status"] == "judged" and claim["period"] == "2024-01-01..2024-06-30"


@pytest.mark.xfail(strict=True, reason=(
    "h1-net-profit has two reconciled values for one period: '2024-H1' and "
    "'2024-01-01..2024-06-30' (Interfax's 'январь-июнь 2024 года'), though the rules judge them "
    "as the same span of days"))
def test_one_reconciled_value_per_period() -> None:
    assert len(_subject("stellantis-h1-2024.yaml", "h1-net-profit")["reconciliation"][
        "reconciled"]) == 1


def test_revenue_in_dollars_converted() -> None:
    record = _subject("stellantis-h1-2024.yaml", "h1-net-revenues")
    assert record["judged"] == 5 and "1.0849" in record["reason"]


def test_four_digit_count_is_not_a_year() -> None:
    record = _subject("stellantis-h1-2024.yaml", "mirafiori-exits")
    assert record["reading"] and "count" in record["reading"]
    value = _claim("stellantis-h1-2024.yaml", "mirafiori-exits", "ria-0725")["value"]
    # a trailing zero counts as rounding (docs/verdicts.md): '1560' is 1,555-1,565
    assert (value["kind"], value["lower"], value["upper"]) == ("number", 1555, 1565)
    assert record["reconciliation"]["agreed"]["figure"] == "1,560"


def test_call_time_in_four_zones() -> None:
    record = _subject("stellantis-h1-2024.yaml", "call-time")
    assert record["judged"] == 4 and record["reconciliation"]["agreed"]["figure"] == \
        "2024-07-25T11:00Z"


# --- phrases an editor reads that factcheck does not yet ------------------------------------

def _unread(name: str, subject: str, source: str, reason: str) -> Any:
    return pytest.param(name, subject, source, id=f"{subject}-{source}",
                        marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize(("name", "subject", "source"), [
    ("artemis-launch.yaml", "sls-height", "nasa-1116"),          # '322-foot'
    ("artemis-launch.yaml", "mission-duration", "nasa-1211"),    # '25.5-day'
    ("artemis-launch.yaml", "orion-max-distance", "tass-1212"),  # 'более чем на 430 тысяч км'
    ("tempi-train-crash.yaml", "minister-resignation-date", "reuters-0301-1400"),  # 'on Wednesday'
    ("tempi-train-crash.yaml", "minister-resignation-date", "ansa-0301-1200"),     # 'il 1° marzo'
    ("tempi-train-crash.yaml", "crash-time", "ansa-0301-1200"),  # 'ieri alle 22.21 ora italiana'
    ("pension-protest-france.yaml", "protesters-paris-police", "lemonde-0308"),   # 'some 81,000'
    ("pension-protest-france.yaml", "mobilisation-day-number", "tass-0307"),      # 'шестая'
    _unread("artemis-launch.yaml", "mission-duration", "ansa-1211",
            "'25 giorni e mezzo' refused: did not understand 'e mezzo' (while '25 giorni' and "
            "'25,5 суток' are read)"),
    _unread("tempi-train-crash.yaml", "crash-time", "ap-0302",
            "'11:21 p.m. local time' refused ('local time' names no place); the quote says 'near "
            "Tempi', but only `says` is read (documented, still an editor's reading)"),
    _unread("pension-protest-france.yaml", "protesters-paris-cgt", "reuters-0307",
            "'hundreds of thousands' refused as 'a vague plural'; an editor reads at least "
            "200,000 and under a million"),
])
def test_phrases_an_editor_reads(name: str, subject: str, source: str) -> None:
    assert _claim(name, subject, source)["value"] is not None


@pytest.mark.parametrize(("name", "subject", "source"), [
    ("tempi-train-crash.yaml", "compensation-per-family", "ap-0302"),       # 'undisclosed'
    ("tempi-train-crash.yaml", "compensation-per-family", "ansa-0301-1200"),  # 'non resa nota'
    ("pension-protest-france.yaml", "protesters-marseille-police", "ansa-0307"),  # 'non comunicato'
    _unread("pension-protest-france.yaml", "protesters-marseille-police", "ria-0308",
            "'не приводятся' (figures 'are not given') is not a known non-answer: \"did not "
            "understand 'приводятся'\""),
    _unread("stellantis-h1-2024.yaml", "mirafiori-exit-cost", "sole-0725",
            "'non è stato reso noto' is not a known non-answer ('non reso noto' is): \"did not "
            "understand 'stato' ... did you mean 'stimato'?\""),
])
def test_non_answers_are_named_as_such(name: str, subject: str, source: str) -> None:
    claim = _claim(name, subject, source)
    assert claim["value"] is None and "non-answer" in claim["error"]
