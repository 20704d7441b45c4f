"""The normalisation quotes and documents are compared under, and its way back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.provenance.normalise import folded, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan’s “top three”", "kazakhstan's \"top three\""),
        ("Central Asia – EU", "central asia - eu"),
        ("2013—2016", "2013-2016"),
        ("  many\n\n  spaces\t here ", "many spaces here"),
        ("city\u00a0of\u2009Rome", "city of rome"),
        ("ﬁnance", "finance"),  # ligature
        ("citta\u0300", "città"),  # combining accent = precomposed
        ("in\u00adcred\u200bible", "incredible"),  # soft hyphen, zero-width space
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("wait…", "wait..."),
        ("", ""),
    ],
)
def test_folding(text: str, expected: str) -> None:
    assert folded(text) == expected


def test_each_folded_character_knows_where_it_came_from() -> None:
    text = "Line one.\n\n  “Italy remains one of Kazakhstan’s top three”"
    f = normalise(text)
    at = f.text.index("kazakhstan's")
    start, end = f.span(at, at + len("kazakhstan's"))
    assert text[start:end] == "Kazakhstan’s"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_folding_is_stable_and_the_way_back_is_ordered(text: str) -> None:
    f = normalise(text)
    assert len(f.origin) == len(f.text)
    assert list(f.origin) == sorted(f.origin)
    assert all(0 <= o < len(text) for o in f.origin)
    assert "  " not in f.text and f.text == f.text.strip()
    assert folded(f.text) == folded(folded(f.text))
