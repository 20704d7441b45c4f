"""What a rule is, and the small interval helpers rules share.

A rule looks at the readable, comparable claims of one subject (sorted by time) and returns
`Conflict`s: pairs of claims that cannot both be true under the subject's kind. Rules never
compare every pair: each is a single pass over the claims in time order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.claims import ReadClaim
from factcheck.humanize import figure, rounded
from factcheck.models import SubjectKind
from factcheck.values import ValueKind


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two claims that cannot both hold, and why, in words."""

    rule: str
    first: ReadClaim
    second: ReadClaim
    why: str


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """Options every rule understands; a rule reads the ones it needs."""

    window_days: int = 90  # level/cumulative: claims this close in time must overlap


@dataclass(frozen=True)
class Rule:
    """A declared rule: id, name, the kinds it judges, and its check."""

    id: str
    name: str
    kinds: frozenset[SubjectKind]
    check: Callable[[Sequence[ReadClaim], RuleOptions], list[Conflict]]
    summary: str = ""


def describe(rc: ReadClaim) -> str:
    """`akorda-2025 “up to $7.6 billion” (≤ $7.6 bn, 2025-09-29)`."""
    assert rc.value is not None
    if rc.conversion is not None:
        return (
            f"{rc.source.id} “{rc.says}” ({figure(rc.conversion.original)} ≈ {figure(rounded(rc.value))} "
            f"{rc.conversion.describe()}, {rc.time_label})"
        )
    return f"{rc.source.id} “{rc.says}” ({figure(rc.value)}, {rc.time_label})"


def lower_key(rc: ReadClaim) -> tuple[float, int]:
    """Order lower bounds: a higher bound, or an exclusive one at the same value, is tighter."""
    iv = rc.value.interval  # type: ignore[union-attr]
    assert iv is not None
    if iv.lower is None:
        return (float("-inf"), 0)
    return (iv.lower, 0 if iv.lower_inclusive else 1)


def upper_key(rc: ReadClaim) -> tuple[float, int]:
    iv = rc.value.interval  # type: ignore[union-attr]
    assert iv is not None
    if iv.upper is None:
        return (float("inf"), 1)
    return (iv.upper, 1 if iv.upper_inclusive else 0)


def tightest(claims: Sequence[ReadClaim]) -> tuple[ReadClaim, ReadClaim]:
    """The claim with the highest lower bound and the one with the lowest upper bound.

    In one dimension, intervals share a common point exactly when these two overlap.
    """
    return max(claims, key=lower_key), min(claims, key=upper_key)


def is_category(claims: Sequence[ReadClaim]) -> bool:
    return bool(claims) and claims[0].value is not None and claims[0].value.kind is ValueKind.CATEGORY


def all_agree(claims: Sequence[ReadClaim]) -> tuple[ReadClaim, ReadClaim] | None:
    """None when every claim can be true at once, else two claims that cannot."""
    if len(claims) < 2:
        return None
    if is_category(claims):
        first = claims[0]
        for other in claims[1:]:
            if other.value.category != first.value.category:  # type: ignore[union-attr]
                return first, other
        return None
    hi_lower, lo_upper = tightest(claims)
    assert hi_lower.value is not None and lo_upper.value is not None
    if hi_lower.value.overlaps(lo_upper.value):
        return None
    a, b = sorted((hi_lower, lo_upper), key=time_order)
    return a, b


def time_order(rc: ReadClaim) -> tuple[int, int, int]:
    """Claims in time order: by the start of their time span, then its end, then file order."""
    return (rc.start, rc.when, rc.index)


def window_conflicts(claims: Sequence[ReadClaim], window: int) -> list[tuple[ReadClaim, ReadClaim]]:
    """Pairs of claims surely at most `window` days apart that do not overlap; one per claim.

    "Surely": every day of one claim's time span is within `window` days of every day of the
    other's (`ReadClaim.days_apart`), so a claim dated by a whole year is never held to a
    90-day window. Claims are taken in order of the end of their span; two heaps keep the
    highest lower bound and the lowest upper bound among earlier claims that started recently
    enough, dropping the others for good. Cost n log n, never n².
    """
    out: list[tuple[ReadClaim, ReadClaim]] = []
    ordered = sorted((rc for rc in claims if rc.when - rc.start <= window), key=lambda rc: (rc.when, rc.start, rc.index))
    if is_category(ordered):
        latest: dict[str | None, ReadClaim] = {}
        for rc in ordered:
            for category, other in latest.items():
                if category != rc.value.category and other.days_apart(rc) <= window:  # type: ignore[union-attr]
                    out.append((other, rc))
                    break
            previous = latest.get(rc.value.category)  # type: ignore[union-attr]
            if previous is None or rc.start >= previous.start:
                latest[rc.value.category] = rc  # type: ignore[union-attr]
        return out
    highest_lower: list[tuple[tuple[float, int], int, ReadClaim]] = []  # (-key, tiebreak, claim)
    lowest_upper: list[tuple[tuple[float, int], int, ReadClaim]] = []
    for rc in ordered:
        horizon = rc.when - window  # earlier claims must have started on or after this day
        for heap in (highest_lower, lowest_upper):
            while heap and heap[0][2].start < horizon:
                heapq.heappop(heap)
        assert rc.value is not None
        if highest_lower and not rc.value.overlaps(highest_lower[0][2].value):  # type: ignore[arg-type]
            out.append((highest_lower[0][2], rc))
        elif lowest_upper and not rc.value.overlaps(lowest_upper[0][2].value):  # type: ignore[arg-type]
            out.append((lowest_upper[0][2], rc))
        lo, hi = lower_key(rc), upper_key(rc)
        heapq.heappush(highest_lower, ((-lo[0], -lo[1]), rc.index, rc))
        heapq.heappush(lowest_upper, (hi, rc.index, rc))
    return out
