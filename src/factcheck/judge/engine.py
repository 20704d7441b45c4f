"""Judging: claims grouped by subject, rules run, one verdict with its reason per subject.

Order is deterministic everywhere: subjects in file order, claims by (time, file order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from factcheck.judge.aliases import AliasTable
from factcheck.judge.claims import ReadClaim, in_utc, read_claim, utc_offset
from factcheck.judge.inference import Inference, file_reads_counts, infer
from factcheck.judge.names import is_names_unit, names_claim
from factcheck.judge.rates import RateTable, converted
from factcheck.judge.reconcile import common_value as agreed
from factcheck.judge.reconcile import reconcile as work_out
from factcheck.judge.rules import Conflict, Severity
from factcheck.judge.rules.base import all_agree, describe, lower_key, time_order
from factcheck.judge.rules.registry import RuleSet, default_rules
from factcheck.load.schema import (
    Claim,
    ClaimsFile,
    Source,
    Subject,
    SubjectKind,
    Tolerances,
)
from factcheck.read import ReadOptions, Value, ValueKind
from factcheck.read.expect import Expect, expect_of
from factcheck.read.humanize import figure
from factcheck.read.interval import Interval
from factcheck.read.units import is_currency, subject_dimension

if TYPE_CHECKING:
    from factcheck.judge.aliases import AliasTable
    from factcheck.judge.rates import RateTable
    from factcheck.judge.reconcile import Reconciliation


class Verdict(StrEnum):
    CONFLICTING = "conflicting"
    EVOLVING = "evolving"
    CONSISTENT = "consistent"
    SINGLE_SOURCE = "single-source"
    INCOMPLETE = "incomplete"  # several sources spoke, but fewer than two could be judged


#: Most urgent first: the order of reports and summaries for people.
VERDICT_ORDER = (Verdict.CONFLICTING, Verdict.INCOMPLETE, Verdict.EVOLVING, Verdict.CONSISTENT, Verdict.SINGLE_SOURCE)


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
                             reading=inference.why if inference is not None else None)


def read_subject(
    subject: Subject,
    items: Sequence[tuple[int, Claim, Source]],
    options: ReadOptions,
    file_counts: Callable[[], tuple[int, int]] | None = None,
) -> tuple[list[ReadClaim], Inference | None]:
    """A subject's claims (index, claim, source) read as its values are: as its `unit:` says,
    else as most of its claims read (inference.py), which is then said in words."""
    if is_names_unit(subject.unit):
        return [names_claim(read_claim(i, claim, source, options, Expect.NAME)) for i, claim, source in items], None
    expect = subject_expectation(subject)

    def read_all(expect: Expect | None) -> list[ReadClaim]:
        return [read_claim(i, claim, source, options, expect) for i, claim, source in items]

    claims = read_all(expect)
    inference = infer(claims, file_counts) if expect is None else None
    if inference is not None:
        claims = read_all(inference.expect)
    return claims, inference


def subject_expectation(subject: Subject) -> Expect | None:
    """What the subject's `unit:` says its values are (None: it does not say)."""
    if not subject.unit:
        return None

    return expect_of(subject_dimension(subject.unit))


def subject_read_options(data: ClaimsFile, options: JudgeOptions) -> dict[str, ReadOptions]:
    """Each subject's tolerances: defaults < the file's `tolerances:` < the caller's overrides
    (command-line flags) < the subject's own `tolerances:`."""
    base = options.read.with_tolerances(data.tolerances).with_tolerances(options.overrides)
    return {s.id: base.with_tolerances(s.tolerances) for s in data.subjects}


def convert_currencies(subject: Subject, claims: list[ReadClaim], rates: RateTable) -> list[ReadClaim]:
    """Amounts in other currencies than the subject's, converted with the file's rates.

    The subject's currency is its `unit:` when that is a currency, else the most common
    currency among its claims (ties: the first claim's). Claims without a usable rate are left
    as they are, and are reported as incomparable.
    """

    currencies = [
        rc.value.unit for rc in claims
        if rc.value is not None and rc.value.kind is ValueKind.AMOUNT and rc.value.unit
        and is_currency(rc.value.unit)
    ]
    if len(set(currencies)) < 2 and not (subject.unit and currencies):
        return claims
    target: str | None = None
    if subject.unit:

        dimension = subject_dimension(subject.unit)
        if dimension and dimension[0] == "amount" and dimension[1] and is_currency(dimension[1]):
            target = dimension[1]
    if target is None:
        if not currencies:
            return claims
        target = Counter(currencies).most_common(1)[0][0]
    out = []
    for rc in claims:
        value = rc.value
        if value is not None and value.kind is ValueKind.AMOUNT and value.unit != target and value.unit in currencies:
            conversion = rates.conversion(value, target, rc.when)
            if conversion is not None:
                rc = replace(rc, value=converted(value, conversion, target), conversion=conversion)
        out.append(rc)
    return out


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
    readable = [rc for rc in claims if rc.value is not None]
    judged, incomparable = _comparable(subject, readable)
    problems.extend(incomparable)
    if subject.kind is SubjectKind.CUMULATIVE:
        # A running total's claims of one moment (the same day, no time of day) may have come
        # in either order: the lower first, so reasons and series read as the total rising.
        judged.sort(key=lambda rc: (rc.first_minute, rc.last_minute,
                                    lower_key(rc) if rc.value.interval is not None else (0.0, 0),  # type: ignore[union-attr]
                                    rc.index))
    else:
        judged.sort(key=time_order)
    findings = run_rules(subject, judged, rules)
    conflicts = [c for c in findings if c.severity is Severity.ERROR]
    warnings = [c for c in findings if c.severity is not Severity.ERROR]
    verdict, reason = _verdict(subject, judged, conflicts, problems)
    reason += _judged_words(len(judged), problems)
    accepted, stale = _acceptance(subject, judged, conflicts, rules)
    if accepted is not None:
        reason = f"Accepted: “{accepted}”. {reason}"
    others = [p.claim for p in sorted(problems, key=lambda p: p.claim.index)]
    reconciliation = None
    if reconcile:

        reconciliation = work_out(subject, judged, conflicts, lambda cs: errors(subject, cs, rules))
    return SubjectResult(
        subject, verdict, reason, (*judged, *others), tuple(conflicts), tuple(problems),
        tuple(warnings), accepted, tuple(stale), reconciliation, reading,
    )


def run_rules(subject: Subject, judged: Sequence[ReadClaim], rules: RuleSet) -> list[Conflict]:
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


def errors(subject: Subject, claims: Sequence[ReadClaim], rules: RuleSet) -> list[Conflict]:
    """The findings of severity error: what makes claims conflict."""
    return [c for c in run_rules(subject, claims, rules) if c.severity is Severity.ERROR]


def _acceptance(
    subject: Subject, judged: list[ReadClaim], conflicts: list[Conflict], rules: RuleSet
) -> tuple[str | None, list[Conflict]]:
    """Whether the subject's conflicts are accepted (and why), and which acceptances are stale.

    A subject's `accepted:` accepts all its conflicts. A claim's accepts the conflicts it is in:
    the subject is accepted when the claims not accepted agree among themselves. An acceptance
    with nothing to accept is stale (FC900), unless FC900 is not selected.
    """
    accepted_claims = [rc for rc in judged if rc.claim.accepted]
    stale: list[Conflict] = []
    check_stale = rules.enabled("FC900")
    severity = next((r.severity for r in rules.rules if r.id == "FC900"), Severity.ERROR)

    def stale_finding(claims: tuple[ReadClaim, ...], why: str) -> Conflict:
        return Conflict("FC900", claims, why, severity)

    reason: str | None = None
    if subject.accepted:
        if conflicts:
            reason = subject.accepted
        elif check_stale:
            stale.append(stale_finding((), f"subject {subject.id} is accepted (“{subject.accepted}”) but no "
                                       "longer conflicting: remove its `accepted:`"))
    if accepted_claims:
        rest = [rc for rc in judged if not rc.claim.accepted]
        rest_conflicts = errors(subject, rest, rules) if conflicts else []
        if conflicts and not rest_conflicts and reason is None:
            reason = "; ".join(f"{rc.source.id} “{rc.says}”: {rc.claim.accepted}" for rc in accepted_claims)
        if check_stale:
            for rc in accepted_claims:
                # Still in a conflict: alone (FC106), or with some claim that is not accepted.
                if conflicts and (
                    errors(subject, [rc], rules)
                    or any(errors(subject, sorted((other, rc), key=time_order), rules) for other in rest)
                ):
                    continue
                stale.append(stale_finding((rc,), f"{rc.source.id} “{rc.says}” is accepted (“{rc.claim.accepted}”) "
                                           "but is in no conflict: remove its `accepted:`"))
    return reason, (stale if check_stale else [])


def _comparable(
    subject: Subject, readable: list[ReadClaim]
) -> tuple[list[ReadClaim], list[ClaimProblem]]:
    """Claims in the subject's dimension, and the others as `incomparable` problems.

    With `unit:` on the subject, that decides. Without, the most common dimension among the
    claims does (ties: the first claim's), so one stray currency does not hide the rest.
    """
    if not readable:
        return [], []

    if any(rc.value.dimension == _MINUTES for rc in readable):  # type: ignore[union-attr]
        readable = _same_clock([_in_minutes(rc) for rc in readable])

    if subject.unit:

        wanted = subject_dimension(subject.unit)  # known: the loader refuses unknown units
        keep = [rc for rc in readable if rc.value.dimension == wanted]  # type: ignore[union-attr]
        expected = f"the subject's unit {subject.unit}"
    else:
        counts = Counter(rc.value.dimension for rc in readable)  # type: ignore[union-attr]
        best = max(counts, key=counts.__getitem__)  # ties: the first seen (Counter keeps order)
        keep = [rc for rc in readable if rc.value.dimension == best]  # type: ignore[union-attr]
        expected = f"the other claims ({_dimension_words(best)})"
    kept = {id(rc) for rc in keep}
    problems = []
    for rc in readable:
        if id(rc) in kept:
            continue
        assert rc.value is not None
        what = _dimension_words(rc.value.dimension)
        extra = ""
        target = next(
            (k.value.unit for k in keep if k.value is not None and k.value.kind is ValueKind.AMOUNT), None
        )
        if rc.value.kind is ValueKind.AMOUNT and target is not None:
            if is_currency(rc.value.unit or "") and is_currency(target):
                pair = f"{rc.value.unit}/{target}"
                extra = (
                    ": amounts in different currencies are compared only through a dated rate; "
                    f"add one to the file's `rates:` section, e.g. `- {{pair: {pair}, rate: …, "
                    f"on: {rc.time_label if rc.time.granularity == 'day' else rc.source.published}}}`"
                )
            else:
                extra = ": amounts in different units are never compared"
        problems.append(
            ClaimProblem(
                ProblemKind.INCOMPARABLE,
                rc,
                f"“{rc.says}” reads as {what}, which cannot be compared with {expected}{extra}",
            )
        )
    return keep, problems


_MINUTES = ("date", "minute")


def _in_minutes(rc: ReadClaim) -> ReadClaim:
    """A claim dated by day, on a subject of times of day: its days as their minutes (a day is
    every minute of it), so that `Dec 1` and `2:55 PM Dec 1` can be compared."""
    value = rc.value
    if value is None or value.dimension != ("date", "day") or value.interval is None:
        return rc
    iv = value.interval
    assert iv.lower is not None and iv.upper is not None
    minutes = Interval.closed(iv.lower * 1440, iv.upper * 1440 + 1439)
    return replace(rc, value=Value(ValueKind.DATE, minutes, unit="minute", granularity=value.granularity))


def _same_clock(claims: list[ReadClaim]) -> list[ReadClaim]:
    """Times of day on one clock (SPEC §2, revised: a time is in the source's offset). When
    every time of the subject has a known offset (the phrase's, or its source's `published`),
    all are compared in UTC, so `alle 2.17` from Rome and `в 4:17` from Moscow are one moment;
    when one has none (a source that gives only a date), all are compared as written, wall
    clock against wall clock, since that time's offset cannot be known."""
    offsets: dict[int, int | None] = {
        id(rc): utc_offset(rc.value, rc.source)
        for rc in claims
        if rc.value is not None and rc.value.unit == "minute" and rc.value.granularity in ("minute", "span")
    }
    if not offsets or None in offsets.values():
        return claims
    out = []
    for rc in claims:
        offset = offsets.get(id(rc))
        if offset and rc.value is not None:  # 0: already in UTC
            rc = replace(rc, value=in_utc(rc.value, offset))
        out.append(rc)
    return out


_KIND_WORDS = {"date": "a date", "percent": "a percentage", "rank": "a rank",
               "number": "a plain number", "duration": "a duration", "category": "a name"}


def _dimension_words(dimension: tuple[str, str | None]) -> str:
    kind, unit = dimension
    return f"an amount in {unit}" if kind == "amount" else _KIND_WORDS.get(kind, kind)


def _verdict(
    subject: Subject,
    judged: list[ReadClaim],
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


def _judged_words(judged: int, problems: list[ClaimProblem]) -> str:
    """" (3 of 4 claims judged: 1 unreadable.)" when some claims could not be judged."""
    if not problems:
        return ""
    kinds = Counter(p.kind.value for p in problems)
    which = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    total = judged + len(problems)
    return f" ({judged} of {total} claims judged: {which}.)"


def _consistent_reason(judged: list[ReadClaim], sources: list[str]) -> str:
    n = len(judged)
    if judged[0].value is not None and judged[0].value.kind is ValueKind.CATEGORY:
        names = sorted({rc.value.label or "" for rc in judged})  # type: ignore[union-attr]
        inner = next((rc.value for rc in judged if rc.value is not None and rc.value.within is not None), None)
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
