"""What a rule is, and the small interval helpers rules share.

A rule looks at the readable, comparable claims of one subject (sorted by time) and returns
`Conflict`s: claims that cannot all be true under the subject's kind. Rules never compare every
pair: each is a single pass over the claims in time order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.judge.claims import JudgedClaim
from factcheck.load.schema import Subject, SubjectKind
from factcheck.read import ValueKind
from factcheck.read.humanize import figure, rounded


class Severity(StrEnum):
    """What a finding does: an `error` makes its subject conflicting and fails `check`; a
    `warning` is shown in every report but changes neither the verdict nor the exit code."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claims that cannot all hold (one claim, for a rule about a claim on its own), and why.

    Findings are immutable values: rules make them, the engine orders them, formatters print
    them; nothing changes one after it is made.
    """

    rule: str
    claims: tuple[JudgedClaim, ...]
    why: str
    severity: Severity = Severity.ERROR

    @property
    def first(self) -> JudgedClaim:
        return self.claims[0]

    @property
    def second(self) -> JudgedClaim:
        """The later claim (the same as `first` for a finding about one claim)."""
        return self.claims[-1]


class Options(BaseModel):
    """A rule's typed options, with their defaults; set in the config file, checked there.

    `[tool.factcheck.rules.FC102] window_days = 60` sets FC102's `window_days`; an unknown
    option or a wrong type is an error naming the config file's line.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoOptions(Options):
    """For rules that take none."""


class WindowOptions(Options):
    window_days: int | None = Field(
        default=None, ge=0, le=36500,
        description="Claims whose times are at most this many days apart must agree (as must "
        "claims whose times overlap). Default per kind: 90 days for level subjects (and flow "
        "claims without a period), none for cumulative ones, whose running totals are judged by "
        "their order in time only. A subject's own `window:` overrides it.",
    )


#: What a rule's check receives: the subject's judged claims in time order, the rule's options
#: (after the config file, the command line and the subject's `window:`), and the subject.
CheckFunction = Callable[[Sequence[JudgedClaim], Any, Subject], list[Conflict]]

#: The error findings of the subject's rules on some of its claims (for a review).
ErrorsOf = Callable[[Sequence[JudgedClaim]], list["Conflict"]]

#: A second look, once every rule has checked the subject: the claims, the rule's options, the
#: subject, every rule's error findings, and a way to run the rules on a subset of the claims.
#: For rules about the other rules' findings (FC900 stale-acceptance).
ReviewFunction = Callable[[Sequence[JudgedClaim], Any, Subject, Sequence["Conflict"], ErrorsOf], list["Conflict"]]


@dataclass(frozen=True)
class Rule:
    """A declared rule: id, name, the kinds it judges, its options, severity and check.

    The documentation of a rule is the docstring of its module (a bad and a good example):
    docs/rules.md is generated from it, so the two cannot drift apart.
    """

    id: str
    name: str
    kinds: frozenset[SubjectKind]
    check: CheckFunction
    summary: str = ""
    options: type[Options] = NoOptions
    severity: Severity = Severity.ERROR
    review: ReviewFunction | None = None

    @property
    def doc(self) -> str:
        import inspect  # ~5 ms (ast, dis, tokenize): only for documentation (rules, SARIF, explain)

        module = inspect.getmodule(self.check)
        return inspect.cleandoc(module.__doc__ or "") if module else ""


@dataclass(frozen=True)
class ConfiguredRule:
    """A rule as this run uses it: its options and severity after configuration."""

    rule: Rule
    options: Any
    severity: Severity

    @property
    def id(self) -> str:
        return self.rule.id

    def record(self) -> dict[str, str]:
        """What formatters show of a rule (explain, SARIF): id, name, summary, doc, severity."""
        rule = self.rule
        return {"id": rule.id, "name": rule.name, "summary": rule.summary, "doc": rule.doc, "severity": self.severity.value}

    def run(self, claims: Sequence[JudgedClaim], subject: Subject) -> list[Conflict]:
        options = self.options
        window = subject.window_days
        if window is not None and "window_days" in type(options).model_fields:
            options = options.model_copy(update={"window_days": window})
        return self._with_severity(self.rule.check(claims, options, subject))

    def reviewed(
        self, claims: Sequence[JudgedClaim], subject: Subject, conflicts: Sequence[Conflict], errors_of: ErrorsOf
    ) -> list[Conflict]:
        """The rule's second look (`Rule.review`), when it has one."""
        if self.rule.review is None:
            return []
        return self._with_severity(self.rule.review(claims, self.options, subject, conflicts, errors_of))

    def _with_severity(self, found: list[Conflict]) -> list[Conflict]:
        if self.severity is not Severity.ERROR:
            found = [replace(c, severity=self.severity) for c in found]
        return found


def describe(rc: JudgedClaim) -> str:
    """`akorda-2025 “up to $7.6 billion” (≤ $7.6 bn, 2025-09-29)`."""
    if rc.conversion is not None:
        return (
            f"{rc.source.id} “{rc.says}” ({figure(rc.conversion.original)} ≈ {figure(rounded(rc.value))} "
            f"{rc.conversion.describe()}, {rc.time_label})"
        )
    return f"{rc.source.id} “{rc.says}” ({figure(rc.value)}, {rc.time_label})"


def lower_key(rc: JudgedClaim) -> tuple[float, int]:
    """Order lower bounds: a higher bound, or an exclusive one at the same value, is tighter."""
    iv = rc.value.interval
    assert iv is not None
    if iv.lower is None:
        return (float("-inf"), 0)
    return (iv.lower, 0 if iv.lower_inclusive else 1)


def upper_key(rc: JudgedClaim) -> tuple[float, int]:
    iv = rc.value.interval
    assert iv is not None
    if iv.upper is None:
        return (float("inf"), 1)
    return (iv.upper, 1 if iv.upper_inclusive else 0)


def tightest(claims: Sequence[JudgedClaim]) -> tuple[JudgedClaim, JudgedClaim]:
    """The claim with the highest lower bound and the one with the lowest upper bound.

    In one dimension, intervals share a common point exactly when these two overlap.
    """
    return max(claims, key=lower_key), min(claims, key=upper_key)


def is_category(claims: Sequence[JudgedClaim]) -> bool:
    return bool(claims) and claims[0].value.kind is ValueKind.CATEGORY


def all_agree(claims: Sequence[JudgedClaim]) -> tuple[JudgedClaim, JudgedClaim] | None:
    """None when every claim can be true at once, else two claims that cannot."""
    if len(claims) < 2:
        return None
    if is_category(claims):
        # Names agree when they are the same place or one contains the other; containment is
        # not transitive (Astana ~ Kazakhstan ~ Almaty), so every pair of distinct names is
        # compared: there are few distinct names, however many claims.
        distinct: dict[tuple[str | None, str | None], JudgedClaim] = {}
        for rc in claims:
            distinct.setdefault((rc.value.category, rc.value.within), rc)
        names = list(distinct.values())
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if not a.value.overlaps(b.value):
                    return a, b
        return None
    hi_lower, lo_upper = tightest(claims)
    if hi_lower.value.overlaps(lo_upper.value):
        return None
    a, b = sorted((hi_lower, lo_upper), key=time_order)
    return a, b


def time_order(rc: JudgedClaim) -> tuple[int, int, int]:
    """Claims in time order: by the start of their time span, then its end (to the minute
    where a time of day is known), then file order."""
    return (rc.first_minute, rc.last_minute, rc.index)


def window_conflicts(claims: Sequence[JudgedClaim], window: int | None) -> list[tuple[JudgedClaim, JudgedClaim]]:
    """Pairs of claims made "at the same time" that do not overlap; at most one per claim.

    At the same time (SPEC §3, revised): their time spans overlap (two claims on the 2006
    census, `as_of: 2006` and 2006-06-01), or every moment of one is within `window` days of
    every moment of the other (`JudgedClaim.days_apart`, so a claim dated by a whole year is not
    within 90 days of a day after it). Two sweeps, each n log n, never n²: claims by the end
    of their span, keeping in two heaps the highest lower bound and the lowest upper bound among
    earlier claims that started within the window; and claims by the start of their span,
    keeping those whose span has not ended yet.
    """
    found: dict[int, tuple[JudgedClaim, JudgedClaim]] = {}  # by the later claim's index
    if is_category(claims):
        return _category_conflicts(claims, window)
    if window is not None:
        ordered = sorted((rc for rc in claims if rc.when - rc.start <= window),
                         key=lambda rc: (rc.last_minute, rc.first_minute, rc.index))
        _sweep(ordered, found, lambda earlier, rc: earlier.start < rc.when - window)
    ordered = sorted(claims, key=time_order)
    _sweep(ordered, found, lambda earlier, rc: earlier.last_minute < rc.first_minute)
    return sorted(found.values(), key=lambda pair: (time_order(pair[1]), time_order(pair[0])))


def _sweep(
    ordered: Sequence[JudgedClaim],
    found: dict[int, tuple[JudgedClaim, JudgedClaim]],
    gone: Callable[[JudgedClaim, JudgedClaim], bool],
) -> None:
    """One pass: each claim against the tightest bounds of the earlier claims not yet `gone`
    (an earlier claim gone for one claim is gone for every later one, by the order)."""
    highest_lower: list[tuple[tuple[float, int], int, JudgedClaim]] = []  # (-key, tiebreak, claim)
    lowest_upper: list[tuple[tuple[float, int], int, JudgedClaim]] = []
    for rc in ordered:
        for heap in (highest_lower, lowest_upper):
            while heap and gone(heap[0][2], rc):
                heapq.heappop(heap)
        if rc.index not in found:
            if highest_lower and not rc.value.overlaps(highest_lower[0][2].value):
                found[rc.index] = (highest_lower[0][2], rc)
            elif lowest_upper and not rc.value.overlaps(lowest_upper[0][2].value):
                found[rc.index] = (lowest_upper[0][2], rc)
        lo, hi = lower_key(rc), upper_key(rc)
        heapq.heappush(highest_lower, ((-lo[0], -lo[1]), rc.index, rc))
        heapq.heappush(lowest_upper, (hi, rc.index, rc))


def _category_conflicts(claims: Sequence[JudgedClaim], window: int | None) -> list[tuple[JudgedClaim, JudgedClaim]]:
    """Names: each claim against the latest claim of every other name said at the same time
    (there are few distinct names, however many claims)."""
    out: list[tuple[JudgedClaim, JudgedClaim]] = []
    latest: dict[tuple[str | None, str | None], JudgedClaim] = {}
    for rc in sorted(claims, key=time_order):
        for other in latest.values():
            if not other.value.overlaps(rc.value) and other.same_time_as(rc, window):
                out.append((other, rc))
                break
        name = (rc.value.category, rc.value.within)
        previous = latest.get(name)
        if previous is None or rc.last_minute >= previous.last_minute:
            latest[name] = rc
    return out


#: The window a kind is judged in when neither the subject, the config file nor the command line
#: sets one (SPEC §3, revised): a level holds still for about a quarter; a running total may move
#: within the hour, so only its order in time is judged.
DEFAULT_WINDOW_DAYS: dict[SubjectKind, int | None] = {
    SubjectKind.LEVEL: 90,
    SubjectKind.CUMULATIVE: None,
    SubjectKind.FLOW: 90,  # claims that give no period
    SubjectKind.CONSTANT: None,
}


def window_of(options: Any, subject: Subject) -> int | None:
    """The rule's window for this subject: the configured one, else the kind's default."""
    configured = getattr(options, "window_days", None)
    return configured if configured is not None else DEFAULT_WINDOW_DAYS[subject.kind]


def period_of(rc: JudgedClaim) -> tuple[float, float] | None:
    span = rc.period or (rc.time if rc.claim.as_of is not None else None)
    if span is None or span.interval is None:
        return None
    return (span.interval.lower or 0.0, span.interval.upper or 0.0)
