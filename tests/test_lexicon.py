"""A language's word lists are compiled once per process: reading a phrase must not rebuild them."""

from factcheck.read.lexicon import common_data, get_lexicon


def test_a_language_is_compiled_once() -> None:
    assert get_lexicon("en") is get_lexicon("en")
    assert get_lexicon("it") is not get_lexicon("en")


def test_common_data_has_the_display_section() -> None:
    display = common_data()["display"]
    assert display["currency_symbols"]["EUR"] == "€"
    assert [word for _, word in display["scales"]] == ["tn", "bn", "mn"]


def test_offsets_and_certain_zones_in_minutes() -> None:
    from factcheck.read.zones import offset_minutes

    assert offset_minutes("+03:00") == 180 and offset_minutes("-05:30") == -330
    assert offset_minutes("msk") == 180 and offset_minutes("PDT") == -420 and offset_minutes("UTC") == 0
    assert offset_minutes("IST") is None  # India, Israel or Ireland: kept as a wall clock
