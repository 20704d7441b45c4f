"""Open and half-open dates (`by 2032`, `since 2019`, `prima del 2010`, `после 2019 года`) on
every kind of date subject: judged and reconciled, never a crash (a lone `by 2032` once stopped
the whole file with an AssertionError in the reconciliation)."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli.app import app

OPEN = [
    ("en", "by 2032"), ("en", "since 2019"), ("en", "before 2015"), ("en", "after March 2021"),
    ("en", "2019 or later"), ("it", "entro il 2035"), ("it", "prima del 2010"), ("it", "dopo il 2018"),
    ("ru", "к 2035 году"), ("ru", "до 2015 года"), ("ru", "после 2019 года"), ("en", "2031"),
]
HEADER = """\
version: 1
sources:
  - {id: en, title: EN, published: 2023-03-16, language: en}
  - {id: it, title: IT, published: 2023-03-17, language: it}
  - {id: ru, title: RU, published: 2024-08-07, language: ru}
"""
runner = CliRunner()


def _file(kind: str, claims: list[tuple[str, str]]) -> str:
    lines = [HEADER, f"subjects:\n  - {{id: opening, title: Opening, kind: {kind}, unit: date}}\nclaims:\n"]
    lines += [f"  - {{subject: opening, source: {lang}, says: \"{says}\", quote: \"{says}\"}}\n" for lang, says in claims]
    return "".join(lines)


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(["constant", "level", "cumulative"]),
       claims=st.lists(st.sampled_from(OPEN), min_size=1, max_size=3))
def test_open_dates_are_judged_and_reconciled(tmp_path_factory, kind: str, claims: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("open") / "claims.yaml"
    path.write_text(_file(kind, claims), encoding="utf-8")
    result = runner.invoke(app, ["report", "-f", "json", "--no-config", str(path)])
    assert result.exit_code == 0, result.output
    [subject] = json.loads(result.stdout)["subjects"]
    assert subject["judged"] == len(claims)
    rec = subject["reconciliation"]
    assert rec["reconciled"] or rec.get("abstained")


def test_a_lone_deadline_and_a_later_year_evolve(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The plan slipped: `by 2032` (2023), then `к 2033 году` (2024) on a level."""
    path = tmp_path / "claims.yaml"
    path.write_text(_file("level", [("en", "by 2032"), ("ru", "в 2033 году")]), encoding="utf-8")
    [subject] = json.loads(runner.invoke(app, ["report", "-f", "json", "--no-config", str(path)]).stdout)["subjects"]
    assert subject["verdict"] == "evolving"


def test_every_pair_of_open_dates_on_a_constant(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for a, b in itertools.combinations(OPEN, 2):
        path = tmp_path / "claims.yaml"
        path.write_text(_file("constant", [a, b]), encoding="utf-8")
        result = runner.invoke(app, ["report", "-f", "json", "--no-config", str(path)])
        assert result.exit_code == 0, (a, b, result.output)


def test_a_bare_number_after_up_to_is_an_amount_unless_the_subject_is_a_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'up to 2000', 'fino a 2000', 'до 2000' bound an amount; on a date subject, a year."""
    claims = [("en", "up to 2000"), ("it", "fino a 2000"), ("ru", "до 2000")]
    for unit, expected in (("count", ("number", None, 2000)), ("date", ("date", None, None))):
        path = tmp_path / "claims.yaml"
        path.write_text(_file("constant", claims).replace("unit: date", f"unit: {unit}"), encoding="utf-8")
        [subject] = json.loads(runner.invoke(app, ["report", "-f", "json", "--no-config", str(path)]).stdout)["subjects"]
        assert subject["judged"] == 3, subject
        value = subject["claims"][0]["value"]
        if unit == "count":
            assert (value["kind"], value["lower"], value["upper"]) == expected
        else:
            assert value["kind"] == "date" and value["end"] == "2000-12-31"
    from factcheck.read import parse_value
    assert parse_value("up to 1000", "en").kind.value == "number"  # never the year 1000
