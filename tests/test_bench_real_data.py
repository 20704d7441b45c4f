"""bench/real_data.py: its own normalisers and metrics on hand-made records (no data sets needed),
and a clean skip when the data-set folder is absent."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "real_data.py"


@pytest.fixture(scope="module")
def rd():
    spec = importlib.util.spec_from_file_location("bench_real_data", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.mark.parametrize(
    ("says", "minute", "day"),
    [
        ("2:07 PMDec 01", 14 * 60 + 7, (12, 1)),
        ("12/1/11 2:06 PM (-05:00)", 14 * 60 + 6, (12, 1)),
        ("Thu, Dec 1 2:55 PM", 14 * 60 + 55, (12, 1)),
        ("2011-12-01 04:15PM CST", 16 * 60 + 15, (12, 1)),
        ("1:55pDec 1", 13 * 60 + 55, (12, 1)),
        ("Thu., Dec.01, 2011 1:17 p.m.", 13 * 60 + 17, (12, 1)),
        ("2011-12-01 Thu  19:25", 19 * 60 + 25, (12, 1)),
        ("9:20A 12-01-11", 9 * 60 + 20, (12, 1)),
        ("2011-12-02 12/1 6:00 AM", 6 * 60, (12, 1)),
        ("Dec 01 - 12:00noon", 12 * 60, (12, 1)),
        ("01:30 PM  Thu 01-Dec-2011", 13 * 60 + 30, (12, 1)),
        ("12:10 AM, Dec 02", 10, (12, 2)),
        ("10:29 PM, Dec 01&nbsp(Estimated)", 22 * 60 + 29, (12, 1)),
    ],
)
def test_times_read_as_printed_wall_clock(rd, says, minute, day):
    got = rd.parse_time(says)
    assert (got.minute, got.day) == (minute, day)


def test_non_answers_and_gates(rd):
    for says in ("--", "-", "Not Available", "Dec 01 - Contact Airline", "", "\ufffd"):
        assert rd.parse_time(says) == rd.NON_ANSWER
    assert rd.norm_gate("A37") == "A37"
    assert rd.norm_gate("Term B - B84N") == "B84N"
    assert rd.norm_gate("Terminal 8 - 36") == "36"
    assert rd.norm_gate("G8/T3") == "G8"
    assert rd.norm_gate("C-29") == "C29"
    assert rd.norm_gate("14?") == "14"
    for says in ("--", "Not provided by airline", "Terminal 2", "CHK", "HOLD"):
        assert rd.norm_gate(says) == rd.NON_ANSWER


def test_authors_and_populations(rd):
    knuth = frozenset({"knuth"})
    for says in ("Knuth, Donald E.", "Donald E. Knuth", "KNUTH, DONALD", "Knuth, Donald Ervin (Author)"):
        assert rd.norm_authors(says) == knuth
    two = frozenset({"sedgewick", "schidlowsky"})
    assert rd.norm_authors("Sedgewick, Robert; Schidlowsky, Michael") == two
    assert rd.norm_authors("Robert Sedgewick, Michael Schidlowsky") == two
    assert rd.norm_authors("Sedgewick, RobertSchidlowsky, Michael") == two
    assert rd.norm_authors("aiken, peter ;  allen, m. david;  ") == frozenset({"aiken", "allen"})
    assert rd.norm_population("217074") == 217074
    assert rd.rounding_only([217000, 217074])
    assert rd.rounding_only([217100, 217074])
    assert not rd.rounding_only([217074, 217075])
    assert not rd.rounding_only([210000, 217074])


def _claim(index, says, status="judged", value=None, time="2011-12-01", error=None):
    c = {"index": index, "says": says, "status": status, "value": value, "time": time}
    if error:
        c["error"] = error
    return c


def _num(x):
    return {"kind": "number", "lower": x, "upper": x}


def test_metrics_on_hand_made_records(rd):
    ds = rd.DataSet("population-level", "x.jsonl.gz", (), "population", level=True)
    raw = [
        rd.RawClaim("a", "s1", "1000", "2000"), rd.RawClaim("a", "s2", "1000", "2000"),
        rd.RawClaim("a", "s3", "1500", "2006"),  # another year: no disagreement
        rd.RawClaim("b", "s1", "217074", "2000"), rd.RawClaim("b", "s2", "217000", "2000"),  # rounding only
        rd.RawClaim("c", "s1", "500", "2000"), rd.RawClaim("c", "s2", "900", "2000"), rd.RawClaim("c", "s3", "900", "2000"),
    ]
    records = {"subjects": [
        {"id": "a", "verdict": "evolving", "claims": [_claim(0, "1000", time="2000"), _claim(1, "1000", time="2000"),
                                                       _claim(2, "1500", time="2006")],
         "reconciliation": {"series": [{"time": "2000", "value": _num(1000), "claims": [0, 1]},
                                       {"time": "2006", "value": _num(1500), "claims": [2]}]}},
        {"id": "b", "verdict": "conflicting", "claims": [_claim(3, "217074", time="2000"),
                                                          _claim(4, "217000", value={"kind": "date"}, time="2000")],
         "reconciliation": {"likely_error": [], "alternatives": [[3], [4]]}},
        {"id": "c", "verdict": "incomplete", "claims": [_claim(5, "500", "unreadable", error="did not understand '500' in '500'"),
                                                         _claim(6, "900"), _claim(7, "900")]},  # no reconciliation key
    ]}
    gold = {"a@2000": {"subject": "a", "year": "2000", "truth_raw": "1001"},
            "b@2000": {"subject": "b", "year": "2000", "truth_raw": "217074"},
            "c@2000": {"subject": "c", "year": "2000", "truth_raw": "900"}}
    g = rd.analyse(ds, raw, gold, records)["groups"]["all"]
    assert g["judged"] == 7 and g["status"] == {"judged": 7, "unreadable": 1}
    assert g["years_read_as_dates"] == 1
    assert g["top_errors"][0]["family"] == "did not understand '…' in '…'"
    c = g["conflicting"]
    assert (c["subjects_considered"], c["disagree"], c["flagged"], c["both"]) == (3, 2, 1, 1)
    assert c["rounding_only"] == 1 and c["rounding_as_agreement"]["disagree"] == 1
    a = g["accuracy"]
    assert a["items"] == 3 and a["factcheck"] == 1 and a["factcheck abstains"] == 2
    # a: 1000 is within 1% of 1001; b: the tie goes to 217074, seen first; c: 900 twice, 500 once
    assert a["majority"] == 3 and a["median"] == 3


def test_new_style_time_values(rd):
    value = {"kind": "date", "start": "2011-12-01T14:07:00", "end": "2011-12-01T14:07:59"}
    assert rd.fc_minute(value) == 14 * 60 + 7
    assert rd.fc_minute({"kind": "date", "start": "2011-12-01", "end": "2011-12-01"}) is None
    assert rd.fc_minute({"kind": "date", "start": "2011-12-01 23:55+00:00", "end": "2011-12-02T00:05:00+00:00"}) == 0
    assert rd.fc_reconciled({"id": "x"}, None) is None
    assert rd.fc_reconciled({"reconciliation": {"agreed": {"value": value, "figure": "14:07"}}}, None)[2] == "agreed"


def test_no_records_is_no_crash(rd):
    """factcheck failed (no records): the script's own side is still measured."""
    ds = rd.DataSet("flights", "f.jsonl.gz", (), "flights")
    raw = [rd.RawClaim("x-1-departure-gate", "s1", "A37", None), rd.RawClaim("x-1-departure-gate", "s2", "Term A - A37", None)]
    groups = rd.analyse(ds, raw, {"x-1-departure-gate": {"truth_raw": "A37"}}, None)["groups"]
    g = groups["gates"]
    assert g["judged"] == 0 and g["conflicting"]["disagree"] == 0
    assert g["accuracy"]["majority"] == 1 and g["accuracy"]["factcheck abstains"] == 1


def test_skips_cleanly_without_the_data(rd, tmp_path, capsys):
    assert rd.main([str(tmp_path / "absent")]) == 0
    assert "not here" in capsys.readouterr().out
    assert rd.main([str(tmp_path)]) == 0  # the folder without its files
    assert "absent, skipped" in capsys.readouterr().out
