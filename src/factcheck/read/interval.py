"""A frozen interval on floats in one base unit.

Every figure factcheck reads ends up here: money in units of its currency, counts, percentage
points, ranks, durations in years, and dates as day numbers. Keeping the arithmetic on plain
floats (not pint quantities) is what makes judging 100k claims take a fraction of a second;
units are resolved once, when a phrase is read.

`None` stands for an open bound (-inf below, +inf above); an open bound is never inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Interval:
    """`[lower, upper]` with each bound inclusive or exclusive, or open (`None`)."""

    lower: float | None
    upper: float | None
    lower_inclusive: bool = True
    upper_inclusive: bool = True

    def __post_init__(self) -> None:
        # Normalise: an open bound cannot be inclusive; an empty interval is a bug upstream.
        if self.lower is None and self.lower_inclusive:
            object.__setattr__(self, "lower_inclusive", False)
        if self.upper is None and self.upper_inclusive:
            object.__setattr__(self, "upper_inclusive", False)
        if self.lower is not None and self.upper is not None and (
            self.lower > self.upper
            or (self.lower == self.upper and not (self.lower_inclusive and self.upper_inclusive))
        ):
            raise ValueError(f"empty interval {self.notation()}")

    @classmethod
    def closed(cls, lower: float, upper: float) -> Interval:
        return cls(lower, upper, True, True)

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both intervals."""
        return _lower_le_upper(self, other) and _lower_le_upper(other, self)

    def intersection(self, other: Interval) -> Interval | None:
        """The common part, or None when the intervals do not overlap."""
        if not self.overlaps(other):
            return None
        lo, lo_inc = _tighter_lower(self, other)
        hi, hi_inc = _tighter_upper(self, other)
        return Interval(lo, hi, lo_inc, hi_inc)

    def notation(self) -> str:
        """Mathematical notation, e.g. `(-inf, 7.6e+09]`, for reasons and `parse` output."""
        left = "[" if self.lower_inclusive else "("
        right = "]" if self.upper_inclusive else ")"
        lo = "-inf" if self.lower is None else _num(self.lower)
        hi = "+inf" if self.upper is None else _num(self.upper)
        return f"{left}{lo}, {hi}{right}"


def _num(x: float) -> str:
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def _lower_le_upper(a: Interval, b: Interval) -> bool:
    """Can a value be at or above a's lower bound and at or below b's upper bound?"""
    if a.lower is None or b.upper is None:
        return True
    if a.lower < b.upper:
        return True
    return a.lower == b.upper and a.lower_inclusive and b.upper_inclusive


def _tighter_lower(a: Interval, b: Interval) -> tuple[float | None, bool]:
    if a.lower is None:
        return b.lower, b.lower_inclusive
    if b.lower is None or a.lower > b.lower:
        return a.lower, a.lower_inclusive
    if b.lower > a.lower:
        return b.lower, b.lower_inclusive
    return a.lower, a.lower_inclusive and b.lower_inclusive


def _tighter_upper(a: Interval, b: Interval) -> tuple[float | None, bool]:
    if a.upper is None:
        return b.upper, b.upper_inclusive
    if b.upper is None or a.upper < b.upper:
        return a.upper, a.upper_inclusive
    if b.upper < a.upper:
        return b.upper, b.upper_inclusive
    return a.upper, a.upper_inclusive and b.upper_inclusive
