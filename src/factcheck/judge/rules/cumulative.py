"""FC103 cumulative-never-shrinks: a running total can only grow over time.

The claims, in time order, must admit a non-decreasing series: some value in each claim's
interval, each at least the one before. Checked greedily in one pass: keep the highest lower
bound among the claims surely earlier (whose time span ended before this one's began); a claim
whose upper bound is below it is a conflict. Claims with overlapping times are not ordered: two
claims of the same day without a time of day may be taken in either order, so a toll that rose
through the day (`at least 1,500 dead`, then `2,300 dead`, both published on 6 February) is not a
conflict; with times of day (`published: 2023-02-06T09:10+03:00`), they are ordered to the minute,
and claims of the very same minute (`as_of: 2018-08-17T18:00+02:00` from two sources) speak of one
moment: a total has one value at a time, so they must agree.

Conflicting::

    subject: italy-investment-cumulative  (kind: cumulative)
    kazinform-2017  says: about $9 billion   (2017-08-21 → $8.1–9.9 bn)
    akorda-2025     says: up to $7.6 billion (2025-09-29 → ≤ $7.6 bn)

Consistent (evolving)::

    kazinform-2017  says: about $6 billion   (2017-08-21 → $5.4–6.6 bn)
    akorda-2025     says: up to $7.6 billion (2025-09-29 → ≤ $7.6 bn)
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import (
    Conflict,
    NoOptions,
    Rule,
    all_agree,
    describe,
    is_category,
    lower_key,
    time_order,
)
from factcheck.load.schema import Subject, SubjectKind
from factcheck.read.interval import Interval


def check(claims: Sequence[JudgedClaim], options: NoOptions, subject: Subject) -> list[Conflict]:
    if is_category(claims):
        return []
    conflicts: list[Conflict] = []
    floor: JudgedClaim | None = None  # the highest lower bound among claims surely earlier
    pending: list[tuple[int, int, JudgedClaim]] = []  # earlier claims by the end of their span
    for rc in sorted(claims, key=time_order):
        # Only a claim whose time span ends before this one starts must be below it: claims
        # with overlapping times (`as_of: 2024` and June 2024) may come in either order.
        while pending and pending[0][2].surely_before(rc):
            _, _, earlier = heapq.heappop(pending)
            if earlier.value.interval.lower is not None and (  # type: ignore[union-attr]
                floor is None or lower_key(earlier) > lower_key(floor)
            ):
                floor = earlier
        iv = rc.value.interval
        assert iv is not None
        if floor is not None:
            fiv = floor.value.interval
            assert fiv is not None
            reach = Interval(fiv.lower, None, fiv.lower_inclusive, False)
            if not reach.overlaps(iv):
                conflicts.append(
                    Conflict(
                        RULE.id,
                        (floor, rc),
                        f"{describe(rc)} is below {describe(floor)}, which came earlier: "
                        "a cumulative total cannot shrink",
                    )
                )
                continue  # a claim in conflict does not raise the floor for later ones
        heapq.heappush(pending, (rc.when, rc.index, rc))
    return conflicts + _same_moment(claims, {rc.index for c in conflicts for rc in c.claims})


def _same_moment(claims: Sequence[JudgedClaim], named: set[int]) -> list[Conflict]:
    """Claims given to the minute at one and the same minute that cannot all be true."""
    at: dict[int, list[JudgedClaim]] = {}
    for rc in claims:
        if rc.time.unit == "minute" and rc.first_minute == rc.last_minute and rc.index not in named:
            at.setdefault(rc.first_minute, []).append(rc)
    out = []
    for group in at.values():
        pair = all_agree(group)
        if pair is not None:
            a, b = pair
            out.append(Conflict(RULE.id, (a, b), f"{describe(a)} and {describe(b)} give the total at the same "
                                                 "moment: a running total has one value at a time"))
    return out


RULE = Rule(
    id="FC103",
    name="cumulative-never-shrinks",
    kinds=frozenset({SubjectKind.CUMULATIVE}),
    check=check,
    summary="A cumulative total must admit a non-decreasing series in time order.",
)
