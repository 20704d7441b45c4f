"""The one pint registry: currencies are dimensions of their own, never dimensionless."""

from __future__ import annotations

import datetime as dt

import pint
import pytest

from factcheck.read import parse_value
from factcheck.read.units import is_currency, quantity, registry, to_base


def test_dollars_are_a_currency_dimension_not_dimensionless() -> None:
    assert is_currency("USD")
    assert str(registry().get_dimensionality("USD")) == "[currency_USD]"
    assert registry().Quantity(6, "USD").dimensionless is False


def test_currencies_cannot_be_added_or_converted() -> None:
    with pytest.raises(pint.DimensionalityError):
        quantity(1, "USD") + quantity(1, "EUR")
    with pytest.raises(pint.DimensionalityError):
        quantity(1, "USD").to("EUR")


def test_physical_units_convert_to_base() -> None:
    assert to_base("kilometer") == (1000.0, "meter")
    assert to_base("tonne") == (1e6, "gram")


def test_one_registry() -> None:
    assert registry() is registry()


@pytest.mark.parametrize(
    ("phrase", "lang", "unit"),
    [("$7.6 billion", "en", "USD"), ("7,6 miliardi di euro", "it", "EUR"), ("€5m", "en", "EUR"),
     ("£3bn", "en", "GBP"), ("1.000 tenge", "it", "KZT"), ("USD 4bn", "en", "USD")],
)
def test_money_reads_through_the_registry(phrase: str, lang: str, unit: str) -> None:
    value = parse_value(phrase, lang, dt.date(2025, 1, 1))
    assert value.kind.value == "amount" and value.unit == unit


def test_each_languages_separators_are_cldrs() -> None:
    """The data files carry their decimal and group symbols (babel costs ~50 ms at run time);
    this keeps them equal to CLDR's, read through babel."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from factcheck.read.lexicon import _data, available_languages, get_lexicon

    for lang in available_languages():
        lex = get_lexicon(lang)
        locale = _data(lang).get("locale", lang)
        group = get_group_symbol(locale)
        assert lex.decimal == get_decimal_symbol(locale), lang
        assert lex.group == (" " if group in ("\u00a0", "\u202f") else group), lang


def test_the_currency_shortcut_agrees_with_the_pint_registry() -> None:
    """Money skips pint at run time; the registry must say the same for every currency."""
    from factcheck.read.units import currency_codes, quantity

    assert len(currency_codes()) >= 19
    for code in currency_codes():
        q = quantity(1.0, code).to_base_units()
        assert (float(q.magnitude), str(q.units)) == (1.0, code)
        dims = q.dimensionality
        assert list(dims) == [f"[currency_{code}]"]


def test_language_files_use_only_known_keys_and_hedge_kinds() -> None:
    from factcheck.read.lexicon import _data, available_languages, get_lexicon

    for lang in available_languages():
        get_lexicon(lang)  # raises LanguageDataError naming the key at fault
        assert _data(lang)["language"] == lang


def test_a_broken_language_file_is_named_not_a_key_error() -> None:
    import pytest

    from factcheck.read.lexicon import LanguageDataError, _check_language_data

    with pytest.raises(LanguageDataError, match=r"unknown key 'hedgs' \(did you mean 'hedges'\?\).*missing key 'decimal'"):
        _check_language_data("eo", {"hedgs": {}, "group": ",", "hedges": {}})
    with pytest.raises(LanguageDataError, match="unknown hedge kind 'aprox'"):
        _check_language_data("eo", {"decimal": ".", "group": ",", "hedges": {"aprox": ["ĉirkaŭ"]}})
