"""FC102 same-window-agreement: claims made at the same time must agree.

For `level` subjects the true value may change, but not between claims made at the same time:
claims whose time spans overlap (two claims `as_of: 2006`, or `as_of: 2006` and a day of 2006),
or that lie within the window (option `window_days`; default 90 days for level subjects) must
overlap. A `cumulative` subject is a running total (a death toll, an investment stock) that may
rise within the hour: by default only its order in time is judged (FC103); a window set on the
subject (`window:`), in the config file or with `--window-days` makes claims within it overlap.

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

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import (
    DEFAULT_WINDOW_DAYS,
    Conflict,
    Rule,
    WindowOptions,
    describe,
    window_conflicts,
    window_of,
)
from factcheck.load.schema import Subject, SubjectKind


def check(claims: Sequence[JudgedClaim], options: WindowOptions, subject: Subject) -> list[Conflict]:
    window = window_of(options, subject)
    if window is None and subject.kind is SubjectKind.CUMULATIVE:
        return []  # a running total judged by its order only (FC103), unless a window is set
    return [
        Conflict(RULE.id, (a, b), f"{describe(a)} and {describe(b)} cannot both be true: {same_time_words(a, b, window, subject)}")
        for a, b in window_conflicts(claims, window)
    ]


def same_time_words(a: JudgedClaim, b: JudgedClaim, window: int | None, subject: Subject) -> str:
    """Why the two claims are held to the same value, with the window's origin when it decides."""
    if a.first_minute <= b.last_minute and b.first_minute <= a.last_minute:
        return f"their times overlap ({a.time_label} and {b.time_label}), and they do not"
    origin = (
        "the subject's window" if subject.window is not None
        else f"the default for {subject.kind.value} subjects" if window == DEFAULT_WINDOW_DAYS[subject.kind]
        else "the configured window"
    )
    days = a.days_apart(b)
    apart = "less than a day apart" if days == 0 else f"{days} day{'s' * (days != 1)} apart"
    return f"they are {apart} (within the {window}-day window, {origin}) and do not overlap"


RULE = Rule(
    id="FC102",
    name="same-window-agreement",
    kinds=frozenset({SubjectKind.LEVEL, SubjectKind.CUMULATIVE}),
    check=check,
    summary="Claims made within the window (default 90 days) must overlap.",
    options=WindowOptions,
)
