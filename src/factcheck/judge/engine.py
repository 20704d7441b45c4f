"""Judging: the file's claims grouped by subject (grouping.py reads each subject's), the rules
run, acceptances applied, one verdict with its reason per subject (verdict.py).

Order is deterministic everywhere: subjects in file order, claims by (time, file order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.judge.aliases import AliasTable
from factcheck.judge.claims import JudgedClaim, ReadClaim
from factcheck.judge.grouping import comparable, convert_currencies, currency_reading, read_subject
from factcheck.judge.inference import file_reads_counts
from factcheck.judge.rates import RateTable
from factcheck.judge.reconcile import reconcile as work_out
from factcheck.judge.results import ClaimProblem, ProblemKind, SubjectResult
from factcheck.judge.rules import Conflict, Severity
from factcheck.judge.rules.base import ErrorsOf, lower_key, time_order
from factcheck.judge.rules.registry import RuleSet, default_rules
from factcheck.judge.verdict import judged_words, verdict_and_reason
from factcheck.load.schema import (
    ClaimsFile,
    Subject,
    SubjectKind,
    Tolerances,
)
from factcheck.read import ReadOptions


@dataclass(frozen=True)
class JudgeOptions:
    read: ReadOptions = ReadOptions()  # the defaults, under the file's `tolerances:`
    rules: RuleSet | None = None  # None: every built-in rule with its defaults
    overrides: Tolerances | None = None  # the caller's (command line): over the file's, under a subject's
    reconcile: bool = True  # work out agreed values, series and likely errors


DEFAULT_JUDGE_OPTIONS = JudgeOptions()


def judge(data: ClaimsFile, options: JudgeOptions = DEFAULT_JUDGE_OPTIONS) -> list[SubjectResult]:
    """Read every claim and judge every subject of a validated claims file."""
    judging = Judging(data, options)
    return judging.subjects(0, len(data.subjects))


class Judging:
    """One run's preparation (claims grouped by subject, tolerances, rules, rates, aliases),
    then any slice of the subjects judged on demand: the whole file in one process, or a
    slice per worker process (`parallel.py`). Each subject's result depends on its own claims
    only, so slices judged anywhere give the same results as one pass."""

    def __init__(self, data: ClaimsFile, options: JudgeOptions = DEFAULT_JUDGE_OPTIONS):
        self.data = data
        self.sources = {s.id: s for s in data.sources}
        self.read_options = subject_read_options(data, options)
        by_subject: dict[str, list[int]] = {s.id: [] for s in data.subjects}
        for i, claim in enumerate(data.claims):
            by_subject[claim.subject].append(i)
        self.claims_of = by_subject
        self._file_counts: tuple[int, int] | None = None
        self.rules = options.rules if options.rules is not None else default_rules()
        self.reconcile = options.reconcile
        self.aliases: AliasTable | None = None
        if data.aliases:
            self.aliases = AliasTable.from_file(data.aliases)
        self.rates: RateTable | None = None
        if data.rates:
            self.rates = RateTable(data.rates)

    def subjects(self, start: int, stop: int) -> list[SubjectResult]:
        """The results of subjects `start` to `stop` (file order)."""
        return [self.subject(subject) for subject in self.data.subjects[start:stop]]

    def file_counts(self) -> tuple[int, int]:
        """The file's plain counts and claims (inference.py), counted once, when first needed."""
        if self._file_counts is None:
            self._file_counts = file_reads_counts(c.says for c in self.data.claims)
        return self._file_counts

    def subject(self, subject: Subject) -> SubjectResult:
        all_claims = self.data.claims
        items = [(i, all_claims[i], self.sources[all_claims[i].source]) for i in self.claims_of[subject.id]]
        claims, inference = read_subject(subject, items, self.read_options[subject.id], self.file_counts)
        if self.aliases is not None:
            claims = self.aliases.apply(claims)
        if self.rates is not None:
            claims = convert_currencies(subject, claims, self.rates)
        return judge_subject(subject, claims, self.rules, reconcile=self.reconcile,
                             reading=_joined(inference.why if inference is not None else None,
                                             currency_reading(subject, claims)))


def _joined(*texts: str | None) -> str | None:
    said = [t for t in texts if t]
    return " ".join(said) if said else None


def subject_read_options(data: ClaimsFile, options: JudgeOptions) -> dict[str, ReadOptions]:
    """Each subject's tolerances: defaults < the file's `tolerances:` < the caller's overrides
    (command-line flags) < the subject's own `tolerances:`."""
    base = options.read.with_tolerances(data.tolerances).with_tolerances(options.overrides)
    return {s.id: base.with_tolerances(s.tolerances) for s in data.subjects}


def judge_subject(
    subject: Subject,
    claims: Sequence[ReadClaim],
    rules: RuleSet | None = None,
    *,
    reconcile: bool = True,
    reading: str | None = None,
) -> SubjectResult:
    rules = rules if rules is not None else default_rules()
    problems: list[ClaimProblem] = [
        ClaimProblem(ProblemKind.UNREADABLE, rc, rc.error or "")
        for rc in claims
        if rc.value is None
    ]
    readable = [rc for rc in claims if isinstance(rc, JudgedClaim)]
    judged, incomparable = comparable(subject, readable)
    problems.extend(incomparable)
    if subject.kind is SubjectKind.CUMULATIVE:
        # A running total's claims of one moment (the same day, no time of day) may have come
        # in either order: the lower first, so reasons and series read as the total rising.
        judged.sort(key=lambda rc: (rc.first_minute, rc.last_minute,
                                    lower_key(rc) if rc.value.interval is not None else (0.0, 0),
                                    rc.index))
    else:
        judged.sort(key=time_order)
    findings = run_rules(subject, judged, rules)
    conflicts = [c for c in findings if c.severity is Severity.ERROR]
    warnings = [c for c in findings if c.severity is not Severity.ERROR]
    verdict, reason = verdict_and_reason(subject, judged, conflicts, problems)
    reason += judged_words(len(judged), problems)

    def errors_of(some: Sequence[JudgedClaim]) -> list[Conflict]:
        return errors(subject, some, rules)

    accepted = _accepted(subject, judged, conflicts, errors_of)
    if accepted is not None:
        reason = f"Accepted: “{accepted}”. {reason}"
    # The rules' second look at the findings (FC900: acceptances with nothing left to accept).
    stale = [c for rule in rules.for_kind(subject.kind) for c in rule.reviewed(judged, subject, conflicts, errors_of)]
    others = [p.claim for p in sorted(problems, key=lambda p: p.claim.index)]
    reconciliation = work_out(subject, judged, conflicts, errors_of) if reconcile else None
    return SubjectResult(
        subject, verdict, reason, (*judged, *others), tuple(conflicts), tuple(problems),
        tuple(warnings), accepted, tuple(stale), reconciliation, reading, rules.corroboration_window(subject),
    )


def run_rules(subject: Subject, judged: Sequence[JudgedClaim], rules: RuleSet) -> list[Conflict]:
    """Every selected rule for the subject's kind, in registry order; the same claims named by
    two rules are reported once, by the first (the more specific rules come first)."""
    found: list[Conflict] = []
    seen: set[frozenset[int]] = set()
    for rule in rules.for_kind(subject.kind):
        for conflict in rule.run(judged, subject):
            key = frozenset(rc.index for rc in conflict.claims)
            if key not in seen:
                seen.add(key)
                found.append(conflict)
    return found


def errors(subject: Subject, claims: Sequence[JudgedClaim], rules: RuleSet) -> list[Conflict]:
    """The findings of severity error: what makes claims conflict."""
    return [c for c in run_rules(subject, claims, rules) if c.severity is Severity.ERROR]


def _accepted(
    subject: Subject, judged: list[JudgedClaim], conflicts: list[Conflict], errors_of: ErrorsOf
) -> str | None:
    """Why the subject's conflicts are accepted, or None when they are not.

    A subject's `accepted:` accepts all its conflicts. A claim's accepts the conflicts it is in:
    the subject is accepted when the claims not accepted agree among themselves.
    """
    if not conflicts:
        return None
    if subject.accepted:
        return subject.accepted
    accepted_claims = [rc for rc in judged if rc.claim.accepted]
    if accepted_claims and not errors_of([rc for rc in judged if not rc.claim.accepted]):
        return "; ".join(f"{rc.source.id} “{rc.says}”: {rc.claim.accepted}" for rc in accepted_claims)
    return None
