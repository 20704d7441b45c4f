"""Reconciled values and source trust (factcheck.judge.trust, report.records.add_trust): every
judged subject gets a value per time, or a stated reason; ties are broken by trust or declared."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from factcheck.api import check_file
from factcheck.formatters.common import reconciliation_lines
from factcheck.report.records import to_dict
from factcheck.sources.track_record import track_records

HEAD = """\
version: 1
sources:
  - {id: a, title: A, published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-09-29, language: en}
  - {id: c, title: C, published: 2025-09-29, language: en}
  - {id: d, title: D, published: 2025-09-29, language: en}
  - {id: e, title: E, published: 2025-09-29, language: en}
  - {id: f, title: F, published: 2025-09-29, language: en}
  - {id: g, title: G, published: 2025-09-29, language: en}
  - {id: h, title: H, published: 2025-09-29, language: en}
  - {id: i, title: I, published: 2025-09-29, language: en}
"""


def records(tmp_path: Path, body: str) -> dict[str, Any]:
    path = tmp_path / "claims.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return to_dict(check_file(path))


def subject(data: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in data["subjects"] if s["id"] == sid)


def points(data: dict[str, Any], sid: str) -> list[dict[str, Any]]:
    return subject(data, sid)["reconciliation"]["reconciled"]  # type: ignore[no-any-return]


def test_a_likely_error_is_left_out_and_named(tmp_path: Path) -> None:
    data = records(tmp_path, """\
        subjects:
          - {id: n, title: N, kind: constant}
        claims:
          - {subject: n, source: a, says: "250", quote: "250 firms"}
          - {subject: n, source: b, says: about 250, quote: "some 250 firms"}
          - {subject: n, source: c, says: over 400, quote: "more than 400 firms"}
        """)
    [point] = points(data, "n")
    assert point["figure"] == "250" and point["how"] == "likely error left out"
    assert [x["source"] for x in point["left_out"]] == ["c"]
    assert "likely error" in point["left_out"][0]["why"]
    assert point["support"]["independent"] == 2 and point["support"]["of_independent"] == 3


def test_one_against_one_with_nothing_else_to_go_on_is_a_declared_tie(tmp_path: Path) -> None:
    data = records(tmp_path, """\
        subjects:
          - {id: city, title: City, kind: constant}
        claims:
          - {subject: city, source: a, says: Astana, quote: "in Astana"}
          - {subject: city, source: b, says: Almaty, quote: "in Almaty"}
        """)
    [point] = points(data, "city")
    assert point["how"] == "tie" and point["value"] is None
    assert sorted(t["figure"] for t in point["tied"]) == ["Almaty", "Astana"]
    assert data["counts"]["ties"] == 1 and data["counts"]["reconciled"] == 0


def test_a_tie_of_claims_is_broken_by_trust_earned_elsewhere(tmp_path: Path) -> None:
    """b agrees with three others on two subjects; a is contradicted there: b is trusted more."""
    data = records(tmp_path, """\
        subjects:
          - {id: city, title: City, kind: constant}
          - {id: x, title: X, kind: constant}
          - {id: y, title: Y, kind: constant}
        claims:
          - {subject: city, source: a, says: Astana, quote: "in Astana"}
          - {subject: city, source: b, says: Almaty, quote: "in Almaty"}
          - {subject: x, source: a, says: "10", quote: "10 x"}
          - {subject: x, source: b, says: "20", quote: "20 x"}
          - {subject: x, source: c, says: "20", quote: "twenty x"}
          - {subject: x, source: d, says: "20", quote: "x: 20"}
          - {subject: y, source: a, says: "1", quote: "1 y"}
          - {subject: y, source: b, says: "5", quote: "5 y"}
          - {subject: y, source: c, says: "5", quote: "five y"}
          - {subject: y, source: d, says: "5", quote: "y: 5"}
        """)
    [point] = points(data, "city")
    assert point["how"] == "tie broken by trust" and point["figure"] == "Almaty"
    trust = data["trust"]["sources"]
    assert trust["b"]["trust"] > trust["a"]["trust"]
    assert trust["a"]["contradicted"] == 3 and trust["b"]["supported"] == 2


def test_no_small_set_still_gives_a_value_and_says_what_it_leaves_out(tmp_path: Path) -> None:
    """Five independent claims against four: no set of three explains the conflict, so the
    likely-error search abstains; the reconciled value does not."""
    claims = "".join(
        f"  - {{subject: n, source: {s}, says: '{v}', quote: '{v} things ({s})'}}\n"
        for s, v in zip("abcdefghi", ["100"] * 5 + ["200"] * 4, strict=True)
    )
    data = records(tmp_path, "subjects:\n  - {id: n, title: N, kind: constant}\nclaims:\n" + claims)
    rec = subject(data, "n")["reconciliation"]
    assert rec["likely_error"] == [] and rec["alternatives"] == []
    [point] = rec["reconciled"]
    assert point["figure"] == "100" and point["how"] == "trust"
    assert sorted(x["source"] for x in point["left_out"]) == ["f", "g", "h", "i"]
    assert all("excluded by the reconciled value" in x["why"] for x in point["left_out"])
    assert "reconciled value 100" in rec["explanation"] and "leaves out 4 claims" in rec["explanation"]


def test_a_level_gets_a_value_per_census_year(tmp_path: Path) -> None:
    data = records(tmp_path, """\
        subjects:
          - {id: pop, title: Population, kind: level}
        claims:
          - {subject: pop, source: a, says: "1000230", as_of: 2000, quote: "1000230"}
          - {subject: pop, source: b, says: "1000230", as_of: 2000, quote: "1000230"}
          - {subject: pop, source: c, says: "1100230", as_of: 2000, quote: "1100230"}
          - {subject: pop, source: d, says: "1200500", as_of: 2006, quote: "1200500"}
        """)
    got = [(p["time"], p["figure"]) for p in points(data, "pop")]
    assert got == [("2000", "1,000,230"), ("2006", "1,200,500")]


def test_a_subject_with_nothing_judged_abstains_with_its_reason_and_is_counted(tmp_path: Path) -> None:
    data = records(tmp_path, """\
        subjects:
          - {id: n, title: N, kind: constant}
          - {id: m, title: M, kind: constant}
        claims:
          - {subject: n, source: a, says: boh, quote: "boh"}
          - {subject: m, source: a, says: "12", quote: "12"}
        """)
    rec = subject(data, "n")["reconciliation"]
    assert "reconciled" not in rec and "nothing to reconcile" in rec["abstained"]
    assert data["counts"]["abstained"] == 1 and data["counts"]["reconciled"] == 1


def test_every_judged_subject_of_the_repository_file_has_a_value_or_a_reason() -> None:
    data = to_dict(check_file(Path(__file__).resolve().parent.parent / "claims.yaml"))
    for s in data["subjects"]:
        rec = s["reconciliation"]
        assert rec.get("reconciled") or rec.get("abstained"), s["id"]
        for p in rec.get("reconciled", []):
            assert p["value"] is not None or p["how"] == "tie", s["id"]


def _two_reports(tmp_path: Path, a_published: str, b_published: str) -> dict[str, Any]:
    """Two newsrooms with no record elsewhere give the death toll as of the same day."""
    path = tmp_path / "claims.yaml"
    path.write_text(textwrap.dedent(f"""\
        version: 1
        sources:
          - {{id: a, title: A, published: "{a_published}", language: en}}
          - {{id: b, title: B, published: "{b_published}", language: en}}
        subjects:
          - {{id: deaths, title: Deaths in the flood, kind: level, unit: count}}
        claims:
          - {{subject: deaths, source: a, says: "12", as_of: 2025-09-29, quote: "12 people died"}}
          - {{subject: deaths, source: b, says: "15", as_of: 2025-09-29, quote: "the toll rose to 15"}}
        """), encoding="utf-8")
    return to_dict(check_file(path))


def test_a_tie_trust_cannot_break_goes_to_the_later_report_and_stays_visible(tmp_path: Path) -> None:
    """Equal standing, the same moment: the report published a day later is the revision."""
    data = _two_reports(tmp_path, "2025-09-29", "2025-09-30")
    [point] = points(data, "deaths")
    assert point["how"] == "tie broken by the later claim" and point["figure"] == "15"
    assert sorted(t["figure"] for t in point["tied"]) == ["12", "15"]  # still shown as a tie
    [out] = point["left_out"]
    assert out["source"] == "a" and "published later" in out["why"]
    assert data["counts"]["ties"] == 0 and data["counts"]["reconciled"] == 1
    trust = data["trust"]["sources"]
    assert (trust["a"]["contradicted"], trust["a"]["tied"]) == (1, 1)
    assert (trust["b"]["contradicted"], trust["b"]["tied"]) == (0, 1)


def test_the_later_report_is_known_to_the_minute_across_zones(tmp_path: Path) -> None:
    # 13:40 in Rome is 12:40 UTC, after 15:05 in Istanbul (12:05 UTC): b is the later report,
    # though a's clock reads later
    data = _two_reports(tmp_path, "2025-09-29T15:05+03:00", "2025-09-29T13:40+01:00")
    assert points(data, "deaths")[0]["figure"] == "15"
    data = _two_reports(tmp_path, "2025-09-29T16:05+03:00", "2025-09-29T13:40+01:00")  # 13:05Z, 12:40Z
    assert points(data, "deaths")[0]["figure"] == "12"


def test_reports_whose_order_is_unknown_stay_a_declared_tie(tmp_path: Path) -> None:
    # the same day, one without a time of day: either may have come first
    for b_published in ("2025-09-29", "2025-09-29T18:00+02:00"):
        data = _two_reports(tmp_path, "2025-09-29", b_published)
        [point] = points(data, "deaths")
        assert point["how"] == "tie" and point["value"] is None, b_published
        assert data["counts"]["ties"] == 1


def test_factcheck_sources_explains_a_tie_broken_by_the_later_claim_as_report_does(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    _two_reports(tmp_path, "2025-09-29", "2025-09-30")  # writes claims.yaml
    got = {s["id"]: s for s in track_records(check_file(path))["sources"]}
    assert (got["a"]["contradicted"], got["b"]["contradicted"]) == (1, 0)


def test_the_reconciled_point_shows_a_written_figure_that_fits_every_claim(tmp_path: Path) -> None:
    """One time, three claims: what they all allow is narrower than any one of them; the point
    keeps that as its value and shows '20,000 ha', which a source wrote and which fits."""
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\nsources:\n"
        "  - {id: a, title: A, published: 2021-07-26, language: it}\n"
        "  - {id: b, title: B, published: 2021-07-26, language: en}\n"
        "  - {id: c, title: C, published: 2021-07-26, language: ru}\n"
        "subjects:\n  - {id: area, title: Area burnt, kind: constant, unit: hectare}\n"
        "claims:\n"
        "  - {subject: area, source: a, says: 20mila ettari, quote: q}\n"
        "  - {subject: area, source: b, says: 'nearly 50,000 acres', quote: q}\n"
        "  - {subject: area, source: c, says: около 20 тыс. гектаров, quote: q}\n",
        encoding="utf-8")
    [point] = points(to_dict(check_file(path)), "area")
    assert point["figure"] == "20,000 ha"
    assert point["value"]["upper"] < 202_400_000  # the acres' bound, in square metres


# --- near-identical figures tied (33,998 and 33,999: a slipped digit, not a dispute) -------

def test_a_tie_between_near_identical_figures_is_answered_with_their_span(tmp_path: Path) -> None:
    data = records(tmp_path, """\
        subjects:
          - {id: pop, title: Population, kind: constant}
        claims:
          - {subject: pop, source: a, says: "33998", quote: "population 33998"}
          - {subject: pop, source: b, says: "33999", quote: "population 33999"}
        """)
    [point] = points(data, "pop")
    assert point["how"] == "near-identical figures tied"
    assert point["figure"] == "33,998–33,999"
    assert (point["value"]["lower"], point["value"]["upper"]) == (33997.5, 33999.5)
    assert sorted(t["figure"] for t in point["tied"]) == ["33,998", "33,999"]
    assert point["left_out"] == [] and point["support"]["independent"] == 2
    assert data["counts"]["ties"] == 0 and data["counts"]["reconciled"] == 1
    trust = data["trust"]["sources"]
    assert trust["a"]["tied"] == trust["b"]["tied"] == 1
    assert trust["a"]["contradicted"] == trust["b"]["contradicted"] == 0


def test_near_identical_figures_outvote_a_third_figure_as_trusted(tmp_path: Path) -> None:
    """Three editors of equal standing: two near-identical figures are two voices for about
    the same value; the third, 3% away, is left out, and the reason says why."""
    data = records(tmp_path, """\
        subjects:
          - {id: pop, title: Population, kind: constant}
        claims:
          - {subject: pop, source: a, says: "29674", quote: "29674 residents"}
          - {subject: pop, source: b, says: "29675", quote: "29675 residents"}
          - {subject: pop, source: c, says: "30641", quote: "30641 residents"}
        """)
    [point] = points(data, "pop")
    assert point["how"] == "near-identical figures tied" and point["figure"] == "29,674–29,675"
    [out] = point["left_out"]
    assert out["source"] == "c" and "near-identical" in out["why"] and "(2 against 1)" in out["why"]
    assert data["trust"]["sources"]["c"]["contradicted"] == 1
    lines = reconciliation_lines(subject(data, "pop"))  # what every format shows
    assert "Reconciled: 29,674–29,675 (near-identical figures tied; 2 of 3 independent claims)" in lines


def test_figures_further_apart_stay_a_declared_tie(tmp_path: Path) -> None:
    """208,054 against 221,551, two sources each: 6% apart is a real dispute, not a slip."""
    data = records(tmp_path, """\
        subjects:
          - {id: pop, title: Population, kind: constant}
        claims:
          - {subject: pop, source: a, says: "208054", quote: "208054 people"}
          - {subject: pop, source: b, says: "208054", quote: "it has 208054 people"}
          - {subject: pop, source: c, says: "221551", quote: "221551 people"}
          - {subject: pop, source: d, says: "221551", quote: "it has 221551 people"}
        """)
    [point] = points(data, "pop")
    assert point["how"] == "tie" and point["value"] is None
    assert sorted(t["figure"] for t in point["tied"]) == ["208,054", "221,551"]
    assert all("trust cannot choose" in x["why"] for x in point["left_out"])


def test_two_near_identical_pairs_with_as_many_voices_stay_a_tie(tmp_path: Path) -> None:
    data = records(tmp_path, """\
        subjects:
          - {id: pop, title: Population, kind: constant}
        claims:
          - {subject: pop, source: a, says: "1234", quote: "1234 people"}
          - {subject: pop, source: b, says: "1235", quote: "1235 people"}
          - {subject: pop, source: c, says: "5678", quote: "5678 people"}
          - {subject: pop, source: d, says: "5679", quote: "5679 people"}
        """)
    [point] = points(data, "pop")
    assert point["how"] == "tie" and point["value"] is None
    assert len(point["tied"]) == 4  # every value trust cannot separate is listed


def test_dates_a_day_apart_are_not_near_identical(tmp_path: Path) -> None:
    data = records(tmp_path, """\
        subjects:
          - {id: opened, title: Opening day, kind: constant}
        claims:
          - {subject: opened, source: a, says: "12 March 2024", quote: "opened on 12 March 2024"}
          - {subject: opened, source: b, says: "13 March 2024", quote: "opened on 13 March 2024"}
        """)
    [point] = points(data, "opened")
    assert point["how"] == "tie" and point["value"] is None
