"""Property tests (hypothesis) for the parts that take arbitrary text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.humanize import figure
from factcheck.loader import load_claims_text
from factcheck.diagnostics import UnusableInput
from factcheck.values import ReadError, ValueKind, parse_value
from factcheck.values.reader import _parse_cached

LANGS = st.sampled_from(["en", "it"])
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
WORDS = st.sampled_from(
    ["about", "over", "up to", "nearly", "quasi", "oltre", "$", "€", "billion", "miliardi", "di", "dollari",
     "%", "per cento", "last", "January", "gennaio", "2024", "in", "nel", "the", "top", "three", "terzo",
     "years", "anni", "ago", "fa", "-", "and", "e", "tra", "between", "7.6", "7,6", "4,000", "4.000", "250",
     "Astana", "record", "twenty", "ventotto", "Q3", "first", "months", "of", "year"]
)
PHRASES = st.one_of(st.text(max_size=60), st.lists(WORDS, min_size=1, max_size=6).map(" ".join))


@settings(max_examples=400, deadline=None)
@given(PHRASES, LANGS, DATES)
def test_any_text_reads_or_fails_cleanly(phrase: str, lang: str, published: dt.date) -> None:
    try:
        value = parse_value(phrase, lang, published)
    except ReadError:
        return
    _parse_cached.cache_clear()
    assert parse_value(phrase, lang, published) == value  # deterministic, not just cached
    if value.kind is ValueKind.CATEGORY:
        assert value.category
        return
    iv = value.interval
    assert iv is not None
    if iv.lower is not None and iv.upper is not None:
        assert iv.lower <= iv.upper
    assert figure(value)  # every value can be shown to people
    value.to_json()


HEDGES_EN = {
    "": (True, True), "about ": (True, True), "up to ": (False, True), "over ": (False, False),
    "at least ": (True, False), "nearly ": (True, False),
}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(HEDGES_EN)),
    st.decimals(min_value="0.1", max_value="999", places=1, allow_nan=False),
    st.sampled_from(["", " million", " billion"]),
)
def test_hedged_amounts_contain_or_bound_the_figure(hedge: str, number, scale: str) -> None:  # type: ignore[no-untyped-def]
    x = float(number) * {"": 1, " million": 1e6, " billion": 1e9}[scale]
    value = parse_value(f"{hedge}${number}{scale}", "en", dt.date(2025, 1, 1))
    iv = value.interval
    assert value.kind is ValueKind.AMOUNT and value.unit == "USD" and iv is not None
    lower_inclusive, upper_inclusive = HEDGES_EN[hedge]
    if hedge in ("", "about "):
        assert iv.lower <= x <= iv.upper  # type: ignore[operator]
    elif hedge == "up to ":
        assert iv.lower is None and abs(iv.upper - x) <= 1e-6 * x  # type: ignore[operator]
    elif hedge in ("over ", "at least "):
        assert iv.upper is None and abs(iv.lower - x) <= 1e-6 * x  # type: ignore[operator]
    else:
        assert iv.lower < x and abs(iv.upper - x) <= 1e-6 * x  # type: ignore[operator]
    assert (iv.lower_inclusive, iv.upper_inclusive) == (lower_inclusive, upper_inclusive)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_a_claims_file_loads_or_fails_with_positions(text: str) -> None:
    try:
        load_claims_text(text, "claims.yaml")
    except UnusableInput as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.line >= 1 and d.col >= 1 and d.message
