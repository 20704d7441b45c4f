"""Reconciliation (factcheck.judge.reconcile): the agreed value, the series over time, and the likely
error of a conflicting subject, through the engine (judge_subject) as every format sees it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from factcheck.judge.claims import ReadClaim, read_claim
from factcheck.judge.engine import judge_subject
from factcheck.judge.reconcile import common_value, series
from factcheck.judge.results import SubjectResult, Verdict
from factcheck.load.schema import Claim, Source, Subject, SubjectKind
from factcheck.read import ReadOptions, ValueKind
from factcheck.report.records import likely_error_words

DAY = "2025-09-29"


def read(claims: list[tuple[Any, ...]]) -> list[ReadClaim]:
    """(source, published, says[, {as_of, period, lang}]) → ReadClaims, index = position."""
    out = []
    for i, (source_id, published, says, *rest) in enumerate(claims):
        extra = dict(rest[0]) if rest else {}
        source = Source(
            id=source_id, title=source_id, published=dt.date.fromisoformat(published),
            language=extra.pop("lang", "en"),
        )
        quote = extra.pop("quote", f"… {says} …")
        claim = Claim(subject="s", source=source_id, says=says, quote=quote, **extra)
        out.append(read_claim(i, claim, source, ReadOptions()))
    return out


def judge(kind: str, claims: list[tuple[Any, ...]], **subject: Any) -> SubjectResult:
    return judge_subject(Subject(id="s", title="S", kind=SubjectKind(kind), **subject), read(claims))


def indexes(claims: tuple[ReadClaim, ...]) -> list[int]:
    return [rc.index for rc in claims]


def bounds(value: Any) -> tuple[float | None, float | None]:
    return value.interval.lower, value.interval.upper


# -- likely error ---------------------------------------------------------------------------------


def test_a_unique_odd_one_out_is_the_likely_error_and_the_rest_agree_on_their_common_value() -> None:
    result = judge("level", [("a", DAY, "250"), ("b", DAY, "about 250"), ("c", DAY, "400")])
    assert result.verdict is Verdict.CONFLICTING
    rec = result.reconciliation
    assert rec is not None and rec.searched
    assert indexes(rec.likely_error) == [2]
    assert [indexes(alt) for alt in rec.alternatives] == [[2]]
    assert rec.agreed is None and rec.series == ()
    assert rec.rest_agree is not None and bounds(rec.rest_agree) == (245, 255)  # "250" ∩ "about 250"
    words = likely_error_words(result)
    assert words.startswith("Likely error: c “400”") and "the other 2 claims agree" in words


def test_a_unique_odd_one_out_among_names() -> None:
    result = judge("constant", [("a", DAY, "Astana"), ("b", DAY, "Nur-Sultan"), ("c", DAY, "Almaty")])
    rec = result.reconciliation
    assert rec is not None
    assert indexes(rec.likely_error) == [2]
    assert rec.rest_agree is not None and (rec.rest_agree.category, rec.rest_agree.within) == ("astana", "kazakhstan")


def test_one_against_one_lists_both_alternatives_and_names_no_likely_error() -> None:
    result = judge("constant", [("a", DAY, "Astana"), ("b", DAY, "Almaty")])
    assert result.verdict is Verdict.CONFLICTING
    rec = result.reconciliation
    assert rec is not None and rec.searched
    assert rec.likely_error == ()
    assert sorted(indexes(alt) for alt in rec.alternatives) == [[0], [1]]
    assert rec.rest_agree is None
    assert likely_error_words(result).startswith("No single likely error")


def test_a_source_contradicting_itself_one_against_one_is_no_coin_toss_either() -> None:
    rec = judge("constant", [("a", DAY, "January 2024"), ("a", DAY, "March 2024"), ("b", DAY, "2024")]).reconciliation
    assert rec is not None and rec.likely_error == ()
    assert sorted(indexes(alt) for alt in rec.alternatives) == [[0], [1]]


def test_two_claims_are_removed_when_one_is_not_enough() -> None:
    result = judge(
        "level",
        [("a", DAY, "250"), ("b", DAY, "250"), ("c", DAY, "about 250"), ("d", DAY, "400"), ("e", DAY, "410")],
    )
    rec = result.reconciliation
    assert rec is not None
    assert indexes(rec.likely_error) == [3, 4]
    assert [indexes(alt) for alt in rec.alternatives] == [[3, 4]]
    assert rec.rest_agree is not None and bounds(rec.rest_agree) == (245, 255)
    assert "Likely error: d “400” and e “410”" in likely_error_words(result)


@pytest.mark.parametrize(("many", "few"), [("Astana", "Almaty"), ("250", "400")])
def test_two_claims_are_removed_on_a_constant_subject_too(many: str, few: str) -> None:
    """FC101 names one pair only: the second claim to remove is in no conflict it names."""
    claims = [(s, DAY, many) for s in "abc"] + [(s, DAY, few) for s in "de"]
    rec = judge("constant", claims).reconciliation
    assert rec is not None
    assert indexes(rec.likely_error) == [3, 4]
    assert [indexes(alt) for alt in rec.alternatives] == [[3, 4]]


SENTENCE = "The first Italian cultural institute in Central Asia opened in {city} this spring."


def test_copies_of_one_sentence_count_as_one_claim_in_the_likely_error_search() -> None:
    """Two outlets printing one press release do not outvote an independent source."""
    claims = [
        ("a", DAY, "Almaty", {"quote": SENTENCE.format(city="Almaty")}),
        ("b", DAY, "Almaty", {"quote": "“" + SENTENCE.format(city="ALMATY") + "”"}),
        ("c", DAY, "Astana", {"quote": "Akorda says the institute is in the capital, Astana."}),
    ]
    rec = judge("constant", claims).reconciliation
    assert rec is not None
    assert rec.likely_error == ()
    assert sorted(indexes(alt) for alt in rec.alternatives) == [[0, 1], [2]]
    # Independent wordings are two claims: then the lone one is the likely error.
    claims[1] = ("b", DAY, "Almaty", {"quote": "Almaty hosts the institute, Italpress reports."})
    rec = judge("constant", claims).reconciliation
    assert rec is not None and indexes(rec.likely_error) == [2]


def test_no_search_for_subjects_without_conflicts() -> None:
    rec = judge("level", [("a", DAY, "250"), ("b", DAY, "about 250")]).reconciliation
    assert rec is not None and not rec.searched
    assert rec.likely_error == () and rec.alternatives == ()


def test_reconcile_off_gives_no_reconciliation() -> None:
    subject = Subject(id="s", title="S", kind=SubjectKind.LEVEL)
    result = judge_subject(subject, read([("a", DAY, "250"), ("b", DAY, "400")]), reconcile=False)
    assert result.verdict is Verdict.CONFLICTING and result.reconciliation is None


# -- agreed value ---------------------------------------------------------------------------------


def test_agreeing_numbers_agree_on_their_intersection() -> None:
    result = judge("level", [("a", DAY, "250"), ("b", "2025-10-01", "about 250")])
    assert result.verdict is Verdict.CONSISTENT
    rec = result.reconciliation
    assert rec is not None and rec.agreed is not None
    assert rec.agreed.kind is ValueKind.NUMBER
    assert bounds(rec.agreed) == (245, 255)
    assert rec.series == ()


def test_agreeing_amounts_keep_their_currency() -> None:
    rec = judge("constant", [("a", DAY, "up to $7.6 billion"), ("b", DAY, "over $7 billion")]).reconciliation
    assert rec is not None and rec.agreed is not None
    assert rec.agreed.unit == "USD" and bounds(rec.agreed) == (7e9, 7.6e9)


def test_agreeing_dates_agree_on_the_narrower_span() -> None:
    rec = judge("constant", [("a", DAY, "in 2024"), ("b", DAY, "January 2024")]).reconciliation
    assert rec is not None and rec.agreed is not None
    assert rec.agreed.kind is ValueKind.DATE
    assert (rec.agreed.start, rec.agreed.end) == (dt.date(2024, 1, 1), dt.date(2024, 1, 31))


def test_a_city_and_its_country_agree_on_the_city() -> None:
    result = judge("constant", [("a", DAY, "in Kazakhstan"), ("b", DAY, "Astana")])
    assert result.verdict is Verdict.CONSISTENT
    rec = result.reconciliation
    assert rec is not None and rec.agreed is not None
    assert (rec.agreed.category, rec.agreed.within) == ("astana", "kazakhstan")


def test_common_value_directly() -> None:
    claims = read([("a", DAY, "250"), ("b", DAY, "about 250"), ("c", DAY, "400")])
    both = common_value(claims[:2])
    assert both is not None and bounds(both) == (245, 255)
    assert common_value(claims) is None  # they do not all agree
    assert common_value([]) is None
    alone = common_value(claims[2:])
    assert alone is not None and bounds(alone) == (380, 420)  # 400 rounded, never wider than ±5%


# -- series ---------------------------------------------------------------------------------------


def test_an_evolving_level_is_cut_into_runs_in_time_order() -> None:
    result = judge(
        "level",
        [
            ("a", "2017-08-21", "120"),
            ("b", DAY, "210"),
            ("c", "2025-10-03", "about 210"),
            ("d", "2025-10-05", "330", {"as_of": "2021"}),  # written last, but about 2021
        ],
    )
    assert result.verdict is Verdict.EVOLVING
    rec = result.reconciliation
    assert rec is not None and rec.agreed is None and not rec.searched
    assert [(p.time, indexes(p.claims)) for p in rec.series] == [
        ("2017-08-21", [0]),
        ("2021", [3]),
        ("2025-09-29..2025-10-03", [1, 2]),
    ]
    assert [bounds(p.value) for p in rec.series] == [(115, 125), (325, 335), (205, 215)]


def test_a_growing_cumulative_total_gives_a_series_whose_runs_agree_within() -> None:
    result = judge(
        "cumulative",
        [("a", "2017-08-21", "about $6 billion"), ("b", "2025-10-03", "over $7 billion"), ("c", "2025-12-10", "$7.5 billion")],
    )
    assert result.verdict is Verdict.EVOLVING
    rec = result.reconciliation
    assert rec is not None
    assert [(p.time, indexes(p.claims)) for p in rec.series] == [("2017-08-21", [0]), ("2025-10-03..2025-12-10", [1, 2])]
    assert bounds(rec.series[1].value) == (7.45e9, 7.55e9)


def test_flows_give_one_series_point_per_period_in_period_order() -> None:
    result = judge(
        "flow",
        [
            ("a", DAY, "$120 million", {"period": "2023"}),
            ("b", DAY, "about $210 million", {"period": "2024"}),
            ("c", "2025-10-01", "$210 million", {"period": "2024"}),
            ("d", "2025-10-02", "$130 million", {"period": "2022"}),
        ],
    )
    assert result.verdict is Verdict.EVOLVING
    rec = result.reconciliation
    assert rec is not None
    assert [(p.time, sorted(indexes(p.claims))) for p in rec.series] == [("2022", [3]), ("2023", [0]), ("2024", [1, 2])]
    assert bounds(rec.series[2].value) == (205e6, 215e6)  # the period's claims together


def test_series_directly_for_one_source_over_time() -> None:
    subject = Subject(id="s", title="S", kind=SubjectKind.LEVEL)
    claims = read([("a", "2020-01-01", "100"), ("a", "2020-01-02", "about 100"), ("a", "2025-01-01", "300")])
    points = series(subject, claims)
    assert [(p.time, indexes(p.claims)) for p in points] == [("2020-01-01..2020-01-02", [0, 1]), ("2025-01-01", [2])]
    result = judge_subject(subject, claims)
    assert result.verdict is Verdict.SINGLE_SOURCE
    assert result.reconciliation is not None and len(result.reconciliation.series) == 2
