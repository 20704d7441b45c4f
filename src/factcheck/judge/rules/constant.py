"""FC101 constant-agreement: a constant subject has one true value, whenever it is stated.

Conflicting::

    subject: italian-cultural-institute-city  (kind: constant)
    akorda-2025     says: Astana      (published 2025-09-29)
    italpress-2025  says: Almaty      (published 2025-12-10)

Consistent::

    subject: c5-italy-summit-date  (kind: constant)
    declaration     says: 30 May 2025
    akorda-2025     says: in May       (read as 2025-05: contains 2025-05-30)
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import Conflict, NoOptions, Rule, all_agree, describe
from factcheck.load.schema import Subject, SubjectKind


def check(claims: Sequence[JudgedClaim], options: NoOptions, subject: Subject) -> list[Conflict]:
    """A source that contradicts itself first (the surest error), then the widest split."""
    by_source: dict[str, list[JudgedClaim]] = {}
    for rc in claims:
        by_source.setdefault(rc.source.id, []).append(rc)
    pairs = [pair for group in by_source.values() if (pair := all_agree(group)) is not None]
    overall = all_agree(claims)
    if overall is not None and overall not in pairs:
        pairs.append(overall)
    return [
        Conflict(
            RULE.id,
            (a, b),
            f"{describe(a)} and {describe(b)} cannot both be true: the subject is constant, "
            "so every claim must allow the same value",
        )
        for a, b in pairs
    ]


RULE = Rule(
    id="FC101",
    name="constant-agreement",
    kinds=frozenset({SubjectKind.CONSTANT}),
    check=check,
    summary="All claims on a constant subject must overlap, whatever their time.",
)
