"""A subject's verdict and its reason in words, from its judged claims, conflicts and problems."""

from __future__ import annotations

from collections import Counter

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.reconcile import common_value as agreed
from factcheck.judge.results import ClaimProblem, Verdict
from factcheck.judge.rules import Conflict
from factcheck.judge.rules.base import all_agree, describe
from factcheck.load.schema import (
    Subject,
    SubjectKind,
)
from factcheck.read import ValueKind
from factcheck.read.humanize import figure


def verdict_and_reason(
    subject: Subject,
    judged: list[JudgedClaim],
    conflicts: list[Conflict],
    problems: list[ClaimProblem],
) -> tuple[Verdict, str]:
    if conflicts:
        first = conflicts[0]
        more = f" ({len(conflicts) - 1} more conflict{'s' if len(conflicts) > 2 else ''})" if len(conflicts) > 1 else ""
        same = " One source contradicts itself." if first.first.source.id == first.second.source.id else ""
        return Verdict.CONFLICTING, f"{first.why}.{same}{more}"
    sources = sorted({rc.source.id for rc in judged})
    spoke = sorted({rc.source.id for rc in judged} | {p.claim.source.id for p in problems})
    if len(spoke) >= 2 and len(sources) < 2:
        # Two or more sources spoke, but their claims cannot be set against each other: not a
        # single source, and nothing to say that they agree (SPEC §3, revised).
        unjudged = sorted({p.claim.source.id for p in problems} - set(sources))
        judged_words = (f"only {sources[0]}'s claim{'s' if len(judged) > 1 else ''} could be judged"
                        if sources else "none of their claims could be judged")
        reason = (
            f"{len(spoke)} sources speak to this subject, but {judged_words}; "
            f"{', '.join(unjudged)} could not be read or compared: nothing to cross-check until "
            "they are (give the claim's `value:` to record the desk's own reading)."
        )
        return Verdict.INCOMPLETE, reason
    if not judged:
        what = f"{len(problems)} claim{'s' if len(problems) != 1 else ''} could not be judged" if problems else "no claims"
        return Verdict.SINGLE_SOURCE, f"Nothing to cross-check: {what}."
    if len(sources) == 1:
        n = len(judged)
        if n == 1:
            claims_words = "one claim"
        elif all_agree(judged) is None:
            claims_words = f"{n} claims, which agree"
        else:
            claims_words = f"{n} claims, which differ over time"
        return (
            Verdict.SINGLE_SOURCE,
            f"Only {sources[0]} speaks to this subject ({claims_words}): nothing to cross-check.",
        )
    pair = all_agree(judged)
    if pair is not None:
        a, b = pair
        allowed = {
            SubjectKind.LEVEL: "a level may change either way",
            SubjectKind.CUMULATIVE: "a cumulative total may grow",
            SubjectKind.FLOW: "flows over different periods are different amounts",
            SubjectKind.CONSTANT: "",
        }[subject.kind]
        return (
            Verdict.EVOLVING,
            f"The figure changed over time: {describe(a)} and then {describe(b)}; {allowed}.",
        )
    return Verdict.CONSISTENT, _consistent_reason(judged, sources)



def judged_words(judged: int, problems: list[ClaimProblem]) -> str:
    """" (3 of 4 claims judged: 1 unreadable.)" when some claims could not be judged."""
    if not problems:
        return ""
    kinds = Counter(p.kind.value for p in problems)
    which = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    total = judged + len(problems)
    return f" ({judged} of {total} claims judged: {which}.)"



def _consistent_reason(judged: list[JudgedClaim], sources: list[str]) -> str:
    n = len(judged)
    if judged[0].value.kind is ValueKind.CATEGORY:
        names = sorted({rc.value.label or "" for rc in judged})
        inner = next((rc.value for rc in judged if rc.value.within is not None), None)
        place = inner if inner is not None else judged[0].value
        common = f"all name {place.category}"
        if len(names) > 1:
            common += f" (written {', '.join(repr(n) for n in names)})"
        containers = sorted({rc.value.category or "" for rc in judged if rc.value is not None and inner is not None
                             and rc.value.category == inner.within})
        if containers:
            common += f"; {inner.category} is in {containers[0]}"  # type: ignore[union-attr]
    else:
        common_value = agreed(judged)
        assert common_value is not None
        common = f"every claim allows {figure(common_value)}"
    converted = [rc for rc in judged if rc.conversion is not None]
    if converted:
        common += "; converted " + "; ".join(
            f"{rc.source.id} {rc.conversion.describe()}" for rc in converted  # type: ignore[union-attr]
        )
    return f"{n} claims from {len(sources)} sources agree: {common}."
