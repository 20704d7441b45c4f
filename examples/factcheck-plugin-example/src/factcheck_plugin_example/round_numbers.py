"""FCX001 approximate-figure: a hedged figure where the exact one may be in the source.

"About 250 companies" is fine for a reader and weak for a fact-check: a warning reminds the
desk to look for the exact figure. A claim is hedged when reading its `says` with the `about`
tolerance set to zero gives a narrower value than the ordinary reading.

Conflicting::

    subject: italian-companies-in-kazakhstan  (kind: level)
    akorda-2025   says: around 250        (225–275: hedged)

Consistent::

    gateway-2025  says: 250               (245–255: as precise as written)
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from factcheck.plugin import (
    Conflict,
    Options,
    JudgedClaim,
    ReadError,
    ReadOptions,
    Rule,
    Severity,
    Subject,
    SubjectKind,
    Tolerances,
    describe,
    parse_value,
)


class ApproximateOptions(Options):
    min_claims: int = Field(default=1, ge=1, description="Warn only on subjects with at least this many claims.")


_EXACT = ReadOptions().with_tolerances(Tolerances(about=0.0))


def check(claims: Sequence[JudgedClaim], options: ApproximateOptions, subject: Subject) -> list[Conflict]:
    if len(claims) < options.min_claims:
        return []
    out = []
    for rc in claims:
        try:
            exact = parse_value(rc.says, rc.source.language, rc.source.published, _EXACT)
        except ReadError:
            continue
        if rc.value is not None and rc.conversion is None and exact != rc.value:
            out.append(Conflict(RULE.id, (rc,), f"{describe(rc)} is approximate: look for the exact figure"))
    return out


RULE = Rule(
    id="FCX001",
    name="approximate-figure",
    kinds=frozenset(SubjectKind),
    check=check,
    summary="A hedged figure ('about 250'): the exact one may be in the source.",
    options=ApproximateOptions,
    severity=Severity.WARNING,
)
