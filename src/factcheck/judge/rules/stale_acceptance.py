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

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import Conflict, ErrorsOf, NoOptions, Rule, time_order
from factcheck.load.schema import Subject, SubjectKind


def check(claims: Sequence[JudgedClaim], options: NoOptions, subject: Subject) -> list[Conflict]:
    """Nothing before the other rules have run: the work is in `review`."""
    return []


def review(
    claims: Sequence[JudgedClaim], options: NoOptions, subject: Subject, conflicts: Sequence[Conflict], errors_of: ErrorsOf
) -> list[Conflict]:
    """The acceptances with nothing left to accept, given every rule's error findings.

    A subject's `accepted:` is stale when the subject has no conflict. A claim's is stale when
    the claim is in no conflict: neither alone (FC106) nor with any claim that is not accepted.
    """
    stale: list[Conflict] = []
    if subject.accepted and not conflicts:
        stale.append(Conflict(RULE.id, (), f"subject {subject.id} is accepted (“{subject.accepted}”) but no "
                              "longer conflicting: remove its `accepted:`"))
    rest = [rc for rc in claims if not rc.claim.accepted]
    for rc in claims:
        if not rc.claim.accepted:
            continue
        if conflicts and (errors_of([rc]) or any(errors_of(sorted((other, rc), key=time_order)) for other in rest)):
            continue
        stale.append(Conflict(RULE.id, (rc,), f"{rc.source.id} “{rc.says}” is accepted (“{rc.claim.accepted}”) "
                              "but is in no conflict: remove its `accepted:`"))
    return stale


RULE = Rule(
    id="FC900",
    name="stale-acceptance",
    kinds=frozenset(SubjectKind),
    check=check,
    review=review,
    summary="An accepted discrepancy that is no longer there: remove the `accepted:`.",
)
