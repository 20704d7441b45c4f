"""A bare figure read with the verb before it in its quote (judge/claims._with_the_quotes_verb,
grouping.signs_from_quotes): `на 14%` in "снизилась на 14%" is a fall of 14% beside `-14%`;
`до 16` in "возросло до 16" is 16, not "up to 16". Only the reader's own phrases of change
count, so every language the reader supports works the same way."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.api import check_file
from factcheck.judge.claims import _with_the_quotes_verb
from factcheck.load.schema import Source
from factcheck.read import ReadOptions, parse_value
from factcheck.report.records import to_dict


def _subject(tmp_path: Path, lang: str, claims: str, kind: str = "constant") -> dict[str, Any]:
    path = tmp_path / "claims.yaml"
    path.write_text(textwrap.dedent(f"""\
        version: 1
        sources:
          - {{id: agency, title: Agency, published: 2024-03-29, language: en}}
          - {{id: a, title: A, published: 2024-03-29, language: {lang}}}
          - {{id: b, title: B, published: 2024-03-29, language: {lang}}}
        subjects:
          - {{id: s, title: Change, kind: {kind}}}
        claims:
        """) + textwrap.indent(textwrap.dedent(claims), "  "), encoding="utf-8")
    [record] = to_dict(check_file(path))["subjects"]
    return record  # type: ignore[no-any-return]


FALLS = [
    ("en", "3.6%", "Births fell by 3.6% last year."),
    ("en", "3.6%", "Births declined 3.6% from 2022."),
    ("it", "3,6%", "Le nascite sono in calo del 3,6% rispetto al 2022."),
    ("it", "3,6%", "Il numero delle nascite è diminuito del 3,6%."),
    ("ru", "на 3,6%", "Число рождений сократилось на 3,6%."),
    ("ru", "на 3,6%", "Рождаемость упала на 3,6% за год."),
]


@pytest.mark.parametrize(("lang", "says", "quote"), FALLS)
def test_a_magnitude_beside_a_signed_fall_takes_its_quotes_verb(tmp_path: Path, lang: str, says: str,
                                                                quote: str) -> None:
    record = _subject(tmp_path, lang, f"""\
        - {{subject: s, source: agency, says: "-3.6%", quote: "Births: -3.6%"}}
        - {{subject: s, source: a, says: "{says}", quote: "{quote}"}}
        """)
    assert record["verdict"] == "consistent", record["reason"]
    claim = record["claims"][1]
    assert claim["value"]["upper"] < 0 and "read with the quote" in claim["value"]["note"]


@pytest.mark.parametrize(("lang", "says", "quote"), FALLS)
def test_magnitudes_alone_stay_magnitudes(tmp_path: Path, lang: str, says: str, quote: str) -> None:
    """A subject such as "the fall in births": every source gives the size of the fall."""
    record = _subject(tmp_path, lang, f"""\
        - {{subject: s, source: agency, says: "3.6%", quote: "a fall of 3.6%"}}
        - {{subject: s, source: a, says: "{says}", quote: "{quote}"}}
        """)
    assert record["verdict"] == "consistent", record["reason"]
    assert all(c["value"]["lower"] > 0 for c in record["claims"])


def test_a_rise_in_the_quote_does_not_change_a_fall_said_outright(tmp_path: Path) -> None:
    record = _subject(tmp_path, "en", """\
        - {subject: s, source: agency, says: "-3.6%", quote: "Births: -3.6%"}
        - {subject: s, source: a, says: "3.6%", quote: "Births rose 3.6% last year."}
        """)
    assert record["verdict"] == "conflicting"


@pytest.mark.parametrize(("lang", "says", "quote"), [
    ("ru", "до 16", "Число жертв урагана возросло до 16, сообщили власти."),
    ("ru", "до 16", "Число погибших увеличилось до 16."),
])
def test_rose_to_a_figure_is_that_figure(tmp_path: Path, lang: str, says: str, quote: str) -> None:
    record = _subject(tmp_path, lang, f"""\
        - {{subject: s, source: a, says: "{says}", quote: "{quote}"}}
        """)
    value = record["claims"][0]["value"]
    assert (value["lower"], value["upper"]) == (15.5, 16.5)


def test_up_to_without_a_verb_stays_a_bound(tmp_path: Path) -> None:
    record = _subject(tmp_path, "ru", """\
        - {subject: s, source: a, says: "до 16", quote: "Ожидается до 16 человек."}
        """)
    assert record["claims"][0]["value"]["lower"] is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_quote_leaves_the_figure_or_turns_only_its_sign_or_its_open_end(before: str) -> None:
    source = Source(id="a", title="A", published="2024-03-29", language="ru")
    options = ReadOptions()
    for says in ("на 3,6%", "до 16"):
        value = parse_value(says, "ru", source.published, options)
        read, signed = _with_the_quotes_verb(says, before + " " + says, value, source, options, None)
        assert read.dimension == value.dimension
        if read is not value:  # only closed: the figure the bound was open to
            assert read.interval is not None and read.interval.lower is not None and read.interval.upper is not None
        if signed is not None:
            assert signed.interval is not None and value.interval is not None
            assert signed.interval.upper == pytest.approx(-value.interval.lower)
