"""FC900 stale-acceptance: an `accepted:` discrepancy that is no longer there.

`accepted: "reason"` on a claim or a subject stops a known discrepancy from failing
`factcheck check`. When the subject is no longer conflicting (a claim was corrected, a rate
added), or an accepted claim is no longer in any conflict, the acceptance is stale: left in
place it would silently accept the next, different discrepancy. Remove it. The engine applies
this rule after the others, since it is about their findings; `--ignore FC900` turns it off.

Conflicting::

    subject: italian-companies-in-kazakhstan  (kind: level)
      accepted: "gateway counts branches, Akorda counts companies"
    akorda-2025   says: around 250
    gateway-2025  says: 250           (agrees now: the acceptance is stale)

Consistent::

    subject: italian-companies-in-kazakhstan  (kind: level)
      accepted: "gateway counts branches, Akorda counts companies"
    akorda-2025   says: around 250
    gateway-2025  says: over 400      (the accepted conflict is still there)
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.judge.claims import ReadClaim
from factcheck.judge.rules.base import Conflict, NoOptions, Rule
from factcheck.load.schema import Subject, SubjectKind


def check(claims: Sequence[ReadClaim], options: NoOptions, subject: Subject) -> list[Conflict]:
    """Nothing on its own: the engine reports stale acceptances once the other rules have run."""
    return []


RULE = Rule(
    id="FC900",
    name="stale-acceptance",
    kinds=frozenset(SubjectKind),
    check=check,
    summary="An accepted discrepancy that is no longer there: remove the `accepted:`.",
)
