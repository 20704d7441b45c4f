"""Dated exchange rates (the `rates:` section of claims.yaml) and converting amounts with them.

Money in different currencies is never compared silently (SPEC §2): only through a rate the
file states, with its date, so that every converted figure can be traced to the rate used. A
claim is converted with the rate nearest to the claim's time (ties: the earlier rate); a pair
may be stated either way round (`EUR/USD` also converts dollars to euros), and when there is no
rate for a pair, one step through a third currency is allowed (`EUR/USD` and `USD/KZT` convert
euros to tenge), choosing the path whose rates are closest in time to the claim.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.load.schema import Rate
from factcheck.read import Value, ValueKind
from factcheck.read.interval import Interval
from factcheck.read.model import day_number
from factcheck.read.numbers import tidy


@dataclass(frozen=True, slots=True)
class Conversion:
    """How a claim's amount was brought into the subject's currency."""

    original: Value  # the amount as read from `says`, in its own currency
    factor: float  # units of the target currency per unit of the original one
    rates: tuple[Rate, ...]  # the stated rates used: one, or two through a third currency

    def describe(self) -> str:
        """`1 EUR = 1.17 USD (rate of 2025-09-29)`."""
        assert self.original.unit is not None
        used = ", ".join(f"{r.pair} {r.rate:g} on {r.on.isoformat()}" for r in self.rates)
        return f"at {_plain(self.factor)} per {self.original.unit} ({used})"

    def to_json(self) -> dict[str, object]:
        return {
            "factor": self.factor,
            "rates": [
                {"pair": r.pair, "rate": r.rate, "on": r.on.isoformat(), "source": r.source}
                for r in self.rates
            ],
        }


def _plain(x: float) -> str:
    return f"{x:.6g}"


@dataclass(frozen=True, slots=True)
class _Quote:
    day: int
    factor: float  # target per unit of the base, after inverting if need be
    rate: Rate


class RateTable:
    """Every stated rate, by currency pair, sorted by day."""

    def __init__(self, rates: Sequence[Rate]):
        by_pair: dict[tuple[str, str], list[_Quote]] = {}
        for rate in rates:
            day = day_number(rate.on)
            by_pair.setdefault((rate.base, rate.quote), []).append(_Quote(day, rate.rate, rate))
            by_pair.setdefault((rate.quote, rate.base), []).append(_Quote(day, 1.0 / rate.rate, rate))
        for quotes in by_pair.values():
            quotes.sort(key=lambda q: (q.day, q.rate.pair))
        self._by_pair = by_pair
        self._days = {pair: [q.day for q in quotes] for pair, quotes in by_pair.items()}
        self._currencies = sorted({c for pair in by_pair for c in pair})

    def _nearest(self, base: str, target: str, day: int) -> _Quote | None:
        quotes = self._by_pair.get((base, target))
        if not quotes:
            return None
        days = self._days[(base, target)]
        i = bisect.bisect_left(days, day)
        candidates = [quotes[j] for j in (i - 1, i) if 0 <= j < len(quotes)]
        return min(candidates, key=lambda q: (abs(q.day - day), q.day))

    def conversion(self, value: Value, target: str, day: int) -> Conversion | None:
        """`value` (an amount in one currency) in `target` on `day`, or None without a rate."""
        base = value.unit
        if base is None or base == target:
            return None
        direct = self._nearest(base, target, day)
        paths: list[tuple[int, tuple[_Quote, ...]]] = []
        if direct is not None:
            paths.append((abs(direct.day - day), (direct,)))
        else:
            for middle in self._currencies:
                if middle in (base, target):
                    continue
                first = self._nearest(base, middle, day)
                second = self._nearest(middle, target, day)
                if first is not None and second is not None:
                    distance = max(abs(first.day - day), abs(second.day - day))
                    paths.append((distance, (first, second)))
        if not paths:
            return None
        _, quotes = min(paths, key=lambda p: p[0])  # stable: ties keep the alphabetical middle
        factor = 1.0
        for quote in quotes:
            factor *= quote.factor
        if not _representable(value, factor):
            return None  # the claim stays in its currency: incomparable, never infinite or zero
        return Conversion(value, tidy(factor), tuple(q.rate for q in quotes))


def _representable(value: Value, factor: float) -> bool:
    """Whether the amount's bounds times `factor` are finite floats that keep their magnitude
    (an extreme rate, `1e308`, would make them infinite, or zero, and crash or mislead)."""

    iv = value.interval
    bounds = [] if iv is None else [x for x in (iv.lower, iv.upper) if x]
    return math.isfinite(factor) and factor > 0 and all(
        math.isfinite(x * factor) and abs(x * factor) >= 1e-300 for x in bounds)


def converted(value: Value, conversion: Conversion, target: str) -> Value:
    """The amount in the target currency: both bounds times the factor (which is positive)."""
    iv = value.interval
    assert iv is not None and value.kind is ValueKind.AMOUNT
    f = conversion.factor

    def scale(x: float | None) -> float | None:
        return None if x is None else tidy(x * f)

    return Value(
        ValueKind.AMOUNT,
        Interval(scale(iv.lower), scale(iv.upper), iv.lower_inclusive, iv.upper_inclusive),
        unit=target,
        note=value.note,
        stated=scale(value.stated),
    )
