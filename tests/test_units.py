"""The one pint registry: currencies are dimensions of their own, never dimensionless."""

from __future__ import annotations

import datetime as dt

import pint
import pytest

from factcheck.units import is_currency, quantity, registry, to_base
from factcheck.values import parse_value


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
