"""The figure reader against phrase tables written independently from SPEC §2.

One data file per language (`data/phrases_<lang>.yaml`): phrase, publication date, and the
expected value (or `error`). Adding a language means adding its file here and its lexicon
(`src/factcheck/read/languages/<lang>.yaml`); no code.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.read import ReadError, parse_value

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
    from collections import Counter

    per_language = Counter(c.values[0] for c in CASES)
    assert sum(per_language.values()) >= 400
    assert set(per_language) >= {"en", "it", "ru"}
    assert min(per_language.values()) >= 100, per_language


def test_every_language_has_a_phrase_file() -> None:
    """A language the reader knows is a data file plus its phrase table: both or neither."""
    from factcheck.read.lexicon import available_languages

    assert {c.values[0] for c in CASES} == set(available_languages())


def test_the_cli_reads_every_phrase_as_the_library_does() -> None:
    """`factcheck parse --jsonl` over every phrase in the tables: one answer per line, same value."""
    import json

    from typer.testing import CliRunner

    from factcheck.cli.app import app

    lines = []
    for param in CASES:
        lang, case = param.values
        lines.append(json.dumps({"phrase": case["phrase"], "lang": lang, "published": str(case["published"])}))
    result = CliRunner().invoke(app, ["parse", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(CASES)
    for param, answer in zip(CASES, answers, strict=True):
        lang, case = param.values
        if case["expect"] == "error":
            assert "error" in answer, case["phrase"]
        else:
            published = dt.date.fromisoformat(str(case["published"]))
            answer.pop("figure", None)  # the human rendering, added by the CLI
            assert answer == parse_value(case["phrase"], lang, published).to_json(), case["phrase"]


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
        # an open end (`before 2015`, `since 2011`) is `null`
        want = tuple(None if expect[k] is None else str(expect[k]) for k in ("start", "end"))
        assert (value["start"], value["end"]) == want
        # times of day say more: `unit: minute`, `granularity: minute | span`, the zone `note`,
        # and which ends are included (`before 9 AM` stops short of 9:00)
        for key in ("unit", "granularity", "note", "lower_inclusive", "upper_inclusive"):
            if key in expect:
                assert value.get(key) == expect[key], key
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
