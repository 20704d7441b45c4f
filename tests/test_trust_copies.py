"""Copy detection that means copying (issue 19): shared distinctive values between sources, not
shared common true values; no pairing on value-only or ubiquitous quotes; tested on the flight
sites when the real data sets are present."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import pytest

from factcheck.api import check_loaded, load_paths
from factcheck.judge.trust import reconcile_records
from factcheck.report.records import to_dict

DATASETS = Path(os.environ.get("FACTCHECK_TRUTH_DATASETS", Path(__file__).resolve().parents[2] / "shared" / "datasets" / "truth-discovery"))


def _claim(index: int, source: str, says: str, value: float) -> dict[str, Any]:
    return {"index": index, "source": source, "says": says, "quote": says, "status": "judged",
            "time_start": "2011-12-01", "time_end": "2011-12-01", "figure": says,
            "value": {"kind": "number", "lower": value - 0.5, "upper": value + 0.5,
                      "lower_inclusive": True, "upper_inclusive": False, "unit": None}}


def _subjects(rows: list[list[tuple[str, float]]]) -> list[dict[str, Any]]:
    """One constant subject per row of (source, value); `says` is the value as a site prints it."""
    out, index = [], 0
    for k, row in enumerate(rows):
        claims = []
        for source, value in row:
            claims.append(_claim(index, source, f"{value:g} units", value))
            index += 1
        out.append({"id": f"s{k}", "kind": "constant", "claims": claims, "reconciliation": {"likely_error": []}})
    return out


def test_two_sites_sharing_wrong_values_are_copiers_and_vote_once() -> None:
    rows = []
    for k in range(20):
        truth = 100.0 + k
        wrong = 900.0 + k if k % 2 else truth  # the copiers are wrong on every other subject
        rows.append([("good1", truth), ("good2", truth), ("good3", truth), ("copyA", wrong), ("copyB", wrong)])
    # a subject where the copiers outnumber one independent site: as one voice they do not
    rows.append([("good1", 7.0), ("copyA", 8.0), ("copyB", 8.0)])
    result = reconcile_records(_subjects(rows))
    assert [c.sources for c in result.copies] == [("copyA", "copyB")]
    assert result.sources["copyA"].copies_with == {"copyB"}
    assert result.sources["copyA"].copied > 0 and result.sources["good1"].copied == 0
    assert result.points["s20"][0]["figure"] == "7 units"
    assert result.sources["good1"].trust > result.sources["copyA"].trust


def test_sharing_a_common_true_value_is_no_evidence_of_copying() -> None:
    rows = [[(s, 100.0 + k) for s in ("a", "b", "c", "d")] for k in range(30)]
    assert reconcile_records(_subjects(rows)).copies == []


def test_sharing_a_wording_nobody_else_uses_is_evidence_when_it_recurs() -> None:
    """Two sites print the same true times in a format of their own on most flights: one feed."""
    subjects = _subjects([[(s, 100.0 + k) for s in ("a", "b", "c", "d", "e", "f")] for k in range(12)])
    for s in subjects:
        for c in s["claims"]:
            if c["source"] in ("e", "f"):
                c["says"] = c["says"].replace(" units", "u (local)")
    result = reconcile_records(subjects)
    assert [c.sources for c in result.copies] == [("e", "f")]


def test_a_few_shared_values_are_chance_not_copying() -> None:
    rows = [[("a", 100.0 + k), ("b", 100.0 + k), ("c", 100.0 + k), ("x", 500.0), ("y", 500.0)] for k in range(2)]
    rows += [[("a", 1.0), ("b", 1.0), ("c", 1.0), ("x", 1.0), ("y", 1.0)] for _ in range(20)]
    assert reconcile_records(_subjects(rows)).copies == []


@pytest.mark.skipif(not (DATASETS / "flights.jsonl.gz").exists(), reason="the real data sets are not here")
def test_the_flight_sites_printing_identical_records_are_found(tmp_path: Path) -> None:
    """Several groups of flight-status sites print character-for-character identical records
    (Li, Dong et al., VLDB 2012): each such pair of the well-known groups is found, and two
    sites that only print the same true times in common formats are not paired."""

    plain = tmp_path / "flights.jsonl"
    with gzip.open(DATASETS / "flights.jsonl.gz", "rt", encoding="utf-8") as src:
        plain.write_text(src.read(), encoding="utf-8")
    data = to_dict(check_loaded(load_paths([plain])))
    pairs = {tuple(c["sources"]) for c in data["trust"]["copies"]}
    for group in (("flightview", "foxbusiness", "panynj"), ("flights", "businesstravellogue", "flylouisville"),
                  ("flytecomm", "helloflight", "myrateplan")):
        for i, a in enumerate(sorted(group)):
            for b in sorted(group)[i + 1:]:
                assert (a, b) in pairs, (a, b)
    assert ("aa", "ua") not in pairs  # the two airlines' own sites: independent
