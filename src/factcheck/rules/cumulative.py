"""FC103 cumulative-never-shrinks: a running total can only grow over time.

The claims, in time order, must admit a non-decreasing series: some value in each claim's
interval, each at least the one before. Checked greedily in one pass: keep the smallest value
the total can have reached; a later claim whose upper bound is below it is a conflict.

Conflicting::

    subject: italy-investment-cumulative  (kind: cumulative)
    kazinform-2017  says: about $9 billion   (2017-08-21 → $8.1–9.9 bn)
    akorda-2025     says: up to $7.6 billion (2025-09-29 → ≤ $7.6 bn)

Consistent (evolving)::

    kazinform-2017  says: about $6 billion   (2017-08-21 → $5.4–6.6 bn)
    akorda-2025     says: up to $7.6 billion (2025-09-29 → ≤ $7.6 bn)
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.claims import ReadClaim
from factcheck.interval import Interval
from factcheck.models import SubjectKind
from factcheck.rules.base import Conflict, Rule, RuleOptions, describe, is_category, lower_key


def check(claims: Sequence[ReadClaim], options: RuleOptions) -> list[Conflict]:
    if is_category(claims):
        return []
    conflicts: list[Conflict] = []
    floor: ReadClaim | None = None  # the claim whose lower bound the total has at least reached
    # Claims at the same time: the most permissive order is lowest lower bound first.
    ordered = sorted(claims, key=lambda rc: (rc.when, lower_key(rc), rc.index))
    for rc in ordered:
        iv = rc.value.interval  # type: ignore[union-attr]
        assert iv is not None
        if floor is not None:
            fiv = floor.value.interval  # type: ignore[union-attr]
            assert fiv is not None
            reach = Interval(fiv.lower, None, fiv.lower_inclusive, False)
            if not reach.overlaps(iv):
                conflicts.append(
                    Conflict(
                        RULE.id,
                        floor,
                        rc,
                        f"{describe(rc)} is below {describe(floor)}, which came earlier: "
                        "a cumulative total cannot shrink",
                    )
                )
                continue
        if iv.lower is not None and (floor is None or lower_key(rc) > lower_key(floor)):
            floor = rc
    return conflicts


RULE = Rule(
    id="FC103",
    name="cumulative-never-shrinks",
    kinds=frozenset({SubjectKind.CUMULATIVE}),
    check=check,
    summary="A cumulative total must admit a non-decreasing series in time order.",
)
