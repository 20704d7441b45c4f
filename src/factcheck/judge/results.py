"""A subject's judged result: its verdict, its claims, what could not be judged, and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factcheck.judge.claims import JudgedClaim, ReadClaim
from factcheck.judge.reconcile import Reconciliation
from factcheck.judge.rules.base import Conflict
from factcheck.load.schema import Subject


class Verdict(StrEnum):
    CONFLICTING = "conflicting"
    EVOLVING = "evolving"
    CONSISTENT = "consistent"
    SINGLE_SOURCE = "single-source"
    INCOMPLETE = "incomplete"  # several sources spoke, but fewer than two could be judged



class ProblemKind(StrEnum):
    UNREADABLE = "unreadable"  # `says`, `as_of` or `period` could not be read
    INCOMPARABLE = "incomparable"  # read, but in another dimension than the subject's



@dataclass(frozen=True, slots=True)
class ClaimProblem:
    """A claim that could not be judged: never dropped, always reported."""

    kind: ProblemKind
    claim: ReadClaim
    message: str

    @property
    def field(self) -> str:
        return self.claim.error_field or "says"



@dataclass(frozen=True, slots=True)
class SubjectResult:
    subject: Subject
    verdict: Verdict
    reason: str
    claims: tuple[ReadClaim, ...]  # every claim on the subject, judged ones in time order first
    conflicts: tuple[Conflict, ...]  # error findings: what makes the subject conflicting
    problems: tuple[ClaimProblem, ...]
    warnings: tuple[Conflict, ...] = ()  # findings of rules configured as warnings
    accepted: str | None = None  # why the conflicts are accepted: then `check` does not fail
    stale: tuple[Conflict, ...] = ()  # FC900: acceptances with nothing left to accept
    reconciliation: Reconciliation | None = None
    reading: str | None = None  # how the claims were read when the subject's unit does not say
    window: int | None = None  # days within which its claims speak of one time (RuleSet.corroboration_window)

    @property
    def judged(self) -> list[JudgedClaim]:
        """The claims the rules judged, in time order: every claim but the problems."""
        problem = {p.claim.index for p in self.problems}
        return [rc for rc in self.claims if isinstance(rc, JudgedClaim) and rc.index not in problem]


#: Most urgent first: the order of reports and summaries for people.
VERDICT_ORDER = (Verdict.CONFLICTING, Verdict.INCOMPLETE, Verdict.EVOLVING, Verdict.CONSISTENT, Verdict.SINGLE_SOURCE)
