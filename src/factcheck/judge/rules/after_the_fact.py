"""FC107 relative-date-written-later: "next year" means the year after it was written.

A relative date (`next year`, `last January`, `l'anno prossimo`, `в следующем году`) is read from
its own source's publication day. When it contradicts a dated claim about a constant subject
only because the two were written at different times (read from the other claim's publication
day, it would agree), this rule says so: either the event was moved, or a publication date in
the sources list is wrong. A relative claim that disagrees whenever it was written is left to
FC101. Claims are taken in one pass against the two tightest dated claims, never all pairs.

Conflicting::

    subject: fourth-ministers-conference  (kind: constant)
    declaration-2025 (published 2025-05-30)  says: in 2026
    interview-2026   (published 2026-03-01)  says: next year   (→ 2027; written in 2025 it is 2026)

Consistent::

    declaration-2025 (published 2025-05-30)  says: in 2026
    interview-2025   (published 2025-11-01)  says: next year   (→ 2026)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import (
    Conflict,
    NoOptions,
    Rule,
    all_agree,
    describe,
    tightest,
    time_order,
)
from factcheck.load.schema import Subject, SubjectKind
from factcheck.read import ReadError, Value, ValueKind, parse_value
from factcheck.read.humanize import figure

#: Far enough to move any relative phrase (a year, a month, "two years ago") to another value.
_PROBE = dt.timedelta(days=400)


def check(claims: Sequence[JudgedClaim], options: NoOptions, subject: Subject) -> list[Conflict]:
    # Day spans only: a time of day is not moved by a publication day, and re-reading one would
    # compare minutes with days.
    dates = [rc for rc in claims if rc.value.kind is ValueKind.DATE and rc.value.unit == "day"]
    if all_agree(dates) is None:
        return []  # nothing disagrees: nothing to explain
    relative = [rc for rc in dates if read_at(rc, rc.source.published + _PROBE) != rc.value]
    if not relative:
        return []
    chosen = set(id(rc) for rc in relative)
    dated = [rc for rc in dates if id(rc) not in chosen]
    if not dated:
        return []
    out = []
    for rc in relative:
        for other in dict.fromkeys(tightest(dated)):
            if rc.value.overlaps(other.value) or other.source.published == rc.source.published:
                continue
            then = read_at(rc, other.source.published)
            if then is None or not then.overlaps(other.value):
                continue
            a, b = sorted((rc, other), key=time_order)
            out.append(
                Conflict(
                    RULE.id,
                    (a, b),
                    f"{describe(rc)} is read from its publication day {rc.source.published}; "
                    f"written on {other.source.published}, like {describe(other)}, it would have "
                    f"meant {figure(then)} and agreed: the event was moved, or a publication date "
                    "is wrong",
                )
            )
            break
    return out


def read_at(rc: JudgedClaim, day: dt.date) -> Value | None:
    """The claim's `says` as if its source had been published on `day`."""
    try:
        return parse_value(rc.says, rc.source.language, day)
    except ReadError:
        return None


RULE = Rule(
    id="FC107",
    name="relative-date-written-later",
    kinds=frozenset({SubjectKind.CONSTANT}),
    check=check,
    summary="A relative date ('next year') that disagrees only because it was written at another time.",
)
