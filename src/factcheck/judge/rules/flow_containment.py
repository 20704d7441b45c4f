"""FC105 flow-containment: a flow over a longer span cannot be smaller than one inside it.

Trade in a whole year includes trade in its first eight months: when amounts cannot be negative,
a claim about a period cannot be below a claim about a period it contains. Applies to amounts
and plain numbers (not percentages or ranks, which do not add up over time), to claims whose
`period` (or `as_of`) is known. Set `nonnegative = false` for flows that can be negative (a
trade balance, net investment): the rule then does not apply.

Conflicting::

    subject: kazakhstan-italy-trade  (kind: flow)
    gateway-2025  says: $11.3 billion  period: the first eight months of the year  (2025-01..08)
    other-2026    says: $9 billion     period: 2025                              (2025)

Consistent::

    gateway-2025  says: $11.3 billion  period: the first eight months of the year  (2025-01..08)
    other-2026    says: $17 billion    period: 2025                              (2025)

Cost: n log n. Periods are taken by start (longer first at the same start), and a Fenwick tree
over period ends keeps, for every end, the lowest upper bound among the periods seen so far: a
period's containing periods are exactly those seen before it that end at or after it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from pydantic import Field

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import (
    Conflict,
    Options,
    Rule,
    describe,
    lower_key,
    period_of,
    upper_key,
)
from factcheck.load.schema import Subject, SubjectKind
from factcheck.read import ValueKind
from factcheck.read.humanize import span_label


class ContainmentOptions(Options):
    nonnegative: bool = Field(
        default=True,
        description="Amounts on this subject cannot be negative (turnover, gross investment). "
        "Set false for balances and net flows: then a longer period may hold less.",
    )


_ADDITIVE = frozenset({ValueKind.AMOUNT, ValueKind.NUMBER})


def check(claims: Sequence[JudgedClaim], options: ContainmentOptions, subject: Subject) -> list[Conflict]:
    if not options.nonnegative:
        return []
    groups: dict[tuple[float, float], list[JudgedClaim]] = {}
    for rc in claims:
        if rc.value is None or rc.value.kind not in _ADDITIVE or rc.value.interval is None:
            continue
        period = period_of(rc)
        if period is not None:
            groups.setdefault(period, []).append(rc)
    if len(groups) < 2:
        return []
    ends = sorted({end for _, end in groups})
    tree = _SuffixMin(len(ends))
    conflicts: list[Conflict] = []
    # By start; at the same start the longer period first, so it is in the tree when the
    # shorter one asks. Equal periods are one group: FC104 compares those.
    for start, end in sorted(groups, key=lambda p: (p[0], -p[1])):
        group = groups[(start, end)]
        highest = max(group, key=lower_key)  # the claim that most needs a large container
        slot = bisect.bisect_left(ends, end)
        container = tree.query(slot)
        if container is not None and not _can_hold(container, highest):
            conflicts.append(
                Conflict(
                    RULE.id,
                    (container, highest),
                    f"{describe(container)} covers {span_label(container.period or container.time)}, "
                    f"which contains {span_label(highest.period or highest.time)}, yet is less than "
                    f"{describe(highest)}: a flow over a longer period cannot be smaller when amounts "
                    "cannot be negative",
                )
            )
        tree.update(slot, min(group, key=upper_key))
    return conflicts


def _can_hold(longer: JudgedClaim, shorter: JudgedClaim) -> bool:
    """Some value of the longer period's claim is at least some value of the shorter's."""
    lo, hi = shorter.value.interval, longer.value.interval
    assert lo is not None and hi is not None
    if hi.upper is None or lo.lower is None:
        return True
    if hi.upper > lo.lower:
        return True
    return hi.upper == lo.lower and hi.upper_inclusive and lo.lower_inclusive


class _SuffixMin:
    """Fenwick tree answering: among claims stored at slots ≥ i, the one with the lowest upper bound."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree: list[JudgedClaim | None] = [None] * (size + 1)

    def update(self, slot: int, rc: JudgedClaim) -> None:
        i = self.size - slot  # reversed: a suffix becomes a prefix
        while i <= self.size:
            current = self.tree[i]
            if current is None or upper_key(rc) < upper_key(current):
                self.tree[i] = rc
            i += i & -i

    def query(self, slot: int) -> JudgedClaim | None:
        i = self.size - slot
        best: JudgedClaim | None = None
        while i > 0:
            current = self.tree[i]
            if current is not None and (best is None or upper_key(current) < upper_key(best)):
                best = current
            i -= i & -i
        return best


RULE = Rule(
    id="FC105",
    name="flow-containment",
    kinds=frozenset({SubjectKind.FLOW}),
    check=check,
    summary="A flow over a period cannot be smaller than a flow over a period inside it.",
    options=ContainmentOptions,
)
