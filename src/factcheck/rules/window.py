"""FC102 same-window-agreement: claims made close together in time must agree.

For `level` and `cumulative` subjects the true value may change, but not within a short window
(option `window_days`, default 90): two claims whose times are at most that far apart must
overlap.

Conflicting::

    subject: italian-companies-in-kazakhstan  (kind: level)
    akorda-2025   says: around 250   (2025-09-29 → 225–275)
    gateway-2025  says: over 400     (2025-10-03 → > 400)

Consistent::

    akorda-2025   says: around 250   (2025-09-29 → 225–275)
    gateway-2025  says: 250          (2025-10-03 → 245–255)
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.claims import ReadClaim
from factcheck.models import Subject, SubjectKind
from factcheck.rules.base import (
    Conflict,
    Rule,
    WindowOptions,
    describe,
    window_conflicts,
)


def check(claims: Sequence[ReadClaim], options: WindowOptions, subject: Subject) -> list[Conflict]:
    return [
        Conflict(
            RULE.id,
            (a, b),
            f"{describe(a)} and {describe(b)} cannot both be true: they are "
            f"{a.days_apart(b)} days apart (within the {options.window_days}-day window) "
            "and do not overlap",
        )
        for a, b in window_conflicts(claims, options.window_days)
    ]


RULE = Rule(
    id="FC102",
    name="same-window-agreement",
    kinds=frozenset({SubjectKind.LEVEL, SubjectKind.CUMULATIVE}),
    check=check,
    summary="Claims made within the window (default 90 days) must overlap.",
    options=WindowOptions,
)
