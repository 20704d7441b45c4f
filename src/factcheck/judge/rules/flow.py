"""FC104 same-period-agreement: flows over the same period must agree.

A flow (trade in a year, investment in a quarter) is an amount per period: claims about
different periods are about different amounts and are not compared. A claim's period is its
`period`, else its `as_of` when one is given. Claims with neither are compared like a level:
within the window.

Conflicting::

    subject: kazakhstan-italy-trade  (kind: flow)
    gateway-2025  says: record $20 billion   period: the previous year  (2024 → $15–25 bn)
    other-2025    says: $12 billion          period: 2024               (2024 → $11.5–12.5 bn)

Consistent (evolving)::

    gateway-2025  says: $11.3 billion  period: the first eight months of the year  (2025-01..08)
    gateway-2025  says: record $20 billion  period: the previous year           (2024)
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import (
    Conflict,
    Rule,
    WindowOptions,
    all_agree,
    describe,
    period_of,
    window_conflicts,
    window_of,
)
from factcheck.load.schema import Subject, SubjectKind
from factcheck.read.humanize import span_label


def check(claims: Sequence[JudgedClaim], options: WindowOptions, subject: Subject) -> list[Conflict]:
    groups: dict[tuple[float, float] | None, list[JudgedClaim]] = {}
    for rc in claims:
        groups.setdefault(period_of(rc), []).append(rc)
    conflicts: list[Conflict] = []
    for key in sorted(groups, key=lambda k: (k is None, k or (0.0, 0.0))):
        group = groups[key]
        if key is None:
            window = window_of(options, subject)
            pairs = window_conflicts(group, window)
            where = f"within the {window}-day window (no period given)"
        else:
            pair = all_agree(group)
            pairs = [pair] if pair else []
            span = group[0].period or group[0].time
            where = f"for the same period {span_label(span)}"
        conflicts.extend(
            Conflict(RULE.id, (a, b), f"{describe(a)} and {describe(b)} cannot both be true {where}")
            for a, b in pairs
        )
    return conflicts


RULE = Rule(
    id="FC104",
    name="same-period-agreement",
    kinds=frozenset({SubjectKind.FLOW}),
    check=check,
    summary="Flow claims covering the same period must overlap.",
    options=WindowOptions,
)
