"""A language's word lists are compiled once per process: reading a phrase must not rebuild them."""

from factcheck.read.lexicon import common_data, get_lexicon


def test_a_language_is_compiled_once() -> None:
    assert get_lexicon("en") is get_lexicon("en")
    assert get_lexicon("it") is not get_lexicon("en")


def test_common_data_has_the_display_section() -> None:
    display = common_data()["display"]
    assert display["currency_symbols"]["EUR"] == "€"
    assert [word for _, word in display["scales"]] == ["tn", "bn", "mn"]
