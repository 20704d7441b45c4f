"""The figure reader against phrase tables written independently from SPEC §2.

One data file per language (`data/phrases_<lang>.yaml`): phrase, publication date, and the
expected value (or `error`). Adding a language means adding a file here.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.values import ReadError, parse_value

DATA = Path(__file__).parent / "data"


def _cases() -> list[Any]:
    cases = []
    for path in sorted(DATA.glob("phrases_*.yaml")):
        lang = path.stem.split("_")[1]  # phrases_<lang>.yaml, phrases_<lang>_<topic>.yaml
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            cases.append(pytest.param(lang, case, id=f"{lang}-{i}-{case['phrase']}"))
    return cases


CASES = _cases()


def test_there_are_enough_phrases() -> None:
    assert len(CASES) >= 80
    assert {c.values[0] for c in CASES} >= {"en", "it"}


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_phrase(lang: str, case: dict[str, Any]) -> None:
    assert isinstance(case["phrase"], str), "quote figures YAML would read as numbers"
    published = case["published"]
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    expect = case["expect"]
    if expect == "error":
        with pytest.raises(ReadError):
            parse_value(case["phrase"], lang, published)
        return
    value = parse_value(case["phrase"], lang, published).to_json()
    assert value["kind"] == expect["kind"]
    if expect["kind"] == "date":
        assert (value["start"], value["end"]) == (str(expect["start"]), str(expect["end"]))
        return
    if expect["kind"] == "category":
        assert value["category"] == expect["category"]
        return
    got = (value["lower"], value["upper"])
    want = (expect["lower"], expect["upper"])
    assert _close(got[0], want[0]) and _close(got[1], want[1]), f"{got} != {want}"
    assert value["lower_inclusive"] == expect["lower_inclusive"]
    assert value["upper_inclusive"] == expect["upper_inclusive"]
    assert value["unit"] == expect.get("unit")
