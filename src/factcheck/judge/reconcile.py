"""Reconciliation: what the claims on a subject, taken together, support.

- **agreed** — when every judged claim can be true at once, the value they all allow (the
  intersection of their intervals; for names, the most specific place).
- **series** — when the value changes over time (evolving subjects, or one source over time):
  the claims in time order cut into runs that agree, each with its common value (built from the
  latest claim back, so a claim that fits two runs joins the newer); for flows, one entry per
  period.
- **likely error** — for a conflicting subject, the smallest set of claims whose removal lets
  the rules pass on the rest. When exactly one such set exists, it is the likely error; when
  several do (two sources, one against the other), none is singled out and the alternatives are
  listed: a fact-checker decides, not a coin toss. Probable copies (near-identical quotes) count
  as one claim. Searched exactly for sets of up to three claims by branching on the conflicts
  found (a conflict between two claims stands whatever else is said, so every answer removes a
  claim of it), rerunning the subject's rules within a budget; beyond that the result says it
  was not found rather than guess.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.copies import copy_groups
from factcheck.judge.rules.base import Conflict, all_agree, period_of
from factcheck.load.schema import Subject, SubjectKind
from factcheck.read import Value, ValueKind
from factcheck.read.dates import span_value
from factcheck.read.humanize import span_label
from factcheck.read.interval import Interval
from factcheck.read.model import day_from_number, minute_span_value

#: The most rule reruns spent looking for the likely error of one subject.
BUDGET = 400
MAX_REMOVED = 3


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    time: str  # the time label of the run: `2017-08-21`, or `2025-09-29..2025-10-03`
    value: Value
    claims: tuple[JudgedClaim, ...]


@dataclass(frozen=True, slots=True)
class Reconciliation:
    agreed: Value | None = None
    series: tuple[SeriesPoint, ...] = ()
    likely_error: tuple[JudgedClaim, ...] = ()  # set when exactly one smallest set exists
    alternatives: tuple[tuple[JudgedClaim, ...], ...] = ()  # every smallest set, when searched
    searched: bool = False  # a conflicting subject whose likely error was looked for
    rest_agree: Value | None = None  # what the others agree on once the likely error is out


def reconcile(
    subject: Subject,
    judged: Sequence[JudgedClaim],
    conflicts: Sequence[Conflict],
    errors: Callable[[Sequence[JudgedClaim]], list[Conflict]],
) -> Reconciliation:
    if not judged:
        return Reconciliation()
    if conflicts:
        return _likely_error(subject, judged, conflicts, errors)
    agreed = common_value(judged)  # None when they do not all agree
    if agreed is not None:
        return Reconciliation(agreed=agreed)
    return Reconciliation(series=series(subject, judged))


def common_value(claims: Sequence[JudgedClaim]) -> Value | None:
    """The value every claim allows, or None when they do not all agree."""
    if not claims or all_agree(claims) is not None:
        return None
    first = claims[0].value
    assert first is not None
    if first.kind is ValueKind.CATEGORY:
        # A city inside a country named by others is the most specific answer.
        inner = [rc.value for rc in claims if rc.value.within is not None]
        return inner[0] if inner else first
    assert first.interval is not None
    inter = first.interval
    for rc in claims[1:]:
        assert rc.value.interval is not None
        nxt = inter.intersection(rc.value.interval)
        if nxt is None:
            return None
        inter = nxt
    if first.kind is ValueKind.DATE and inter.lower is not None and inter.upper is not None:
        # (an open date, `by 2032` alone or `since 2019` with `after 2015`, has no span to name:
        # the tightest claim below says it)
        if first.unit == "minute":
            return minute_span_value(int(inter.lower), int(inter.upper), inter.lower_inclusive, inter.upper_inclusive, first.note)
        return span_value(day_from_number(inter.lower), day_from_number(inter.upper))
    # When one claim is the tightest, its value is the answer, shown as that source wrote it.
    tightest = next((rc.value for rc in claims if rc.value.interval == inter), None)
    if tightest is not None:
        return tightest
    # Else what they all allow, shown as the figure a source wrote inside it when there is one
    # (`20,000 ha` beside `nearly 50,000 acres`, not `≥ 19,000 ha, < 20,234 ha`).
    written = [rc.value for rc in claims if rc.value.stated is not None and inter.overlaps(Interval.closed(rc.value.stated, rc.value.stated))]
    stated = min(written, key=_width).stated if written else None
    return Value(first.kind, inter, first.unit, stated=stated)


def _width(value: Value) -> float:
    iv = value.interval
    return iv.upper - iv.lower if iv is not None and iv.lower is not None and iv.upper is not None else math.inf


def series(subject: Subject, judged: Sequence[JudgedClaim]) -> tuple[SeriesPoint, ...]:
    """Runs of claims that agree, in time order (flows: one run per period)."""
    if subject.kind is SubjectKind.FLOW:
        by_period: dict[object, list[JudgedClaim]] = {}
        for rc in judged:
            by_period.setdefault(period_of(rc), []).append(rc)
        points = []
        for key in sorted(by_period, key=lambda k: (k is None, k or (0.0, 0.0))):
            group = by_period[key]
            value = common_value(group)
            span = group[0].period or group[0].time
            if value is not None:
                points.append(SeriesPoint(span_label(span), value, tuple(group)))
            else:
                points += [SeriesPoint(span_label(rc.period or rc.time), rc.value, (rc,)) for rc in group]
        return tuple(points)
    # Runs are built from the latest claim backwards, then a claim that fits both an older and a
    # newer run joins the one closer in time: an open "up to $7.6 billion" between "about $6
    # billion" in 2017 and "$7.2-8 billion" in 2025 joins the newer (the total does not jump
    # within days); "up to 3.75%" 25 minutes after "3.75%" and months before "3.5%" joins the
    # older (the rate was not 3.5% from June).
    runs: list[list[JudgedClaim]] = []
    run: list[JudgedClaim] = []
    for rc in reversed(judged):
        if run and common_value([rc, *run]) is None:
            runs.append(run)
            run = []
        run.insert(0, rc)
    if run:
        runs.append(run)
    runs.reverse()
    for older, newer in itertools.pairwise(runs):
        while len(newer) > 1 and _closer_to_older(newer[0], older[-1], newer[1]) \
                and common_value([*older, newer[0]]) is not None:
            older.append(newer.pop(0))
    return tuple(_point(r) for r in runs)


def _closer_to_older(rc: JudgedClaim, before: JudgedClaim, after: JudgedClaim) -> bool:
    return rc.first_minute - before.last_minute < after.first_minute - rc.last_minute


def _point(run: list[JudgedClaim]) -> SeriesPoint:
    value = common_value(run)
    assert value is not None
    first, last = run[0].time_label, run[-1].time_label
    return SeriesPoint(first if first == last else f"{first}..{last}", value, tuple(run))


def _likely_error(
    subject: Subject,
    judged: Sequence[JudgedClaim],
    conflicts: Sequence[Conflict],
    errors: Callable[[Sequence[JudgedClaim]], list[Conflict]],
) -> Reconciliation:
    """The smallest set of *independent* claims whose removal lets the rules pass.

    Claims that are probable copies of each other (near-identical quotes from different
    sources, `track_record.copy_groups`) are one unit: removed together, counted once, so
    two copies of one sentence do not outvote an independent source.

    A conflict stands whatever else is said, so every answer removes a unit from each conflict.
    The search branches on that: rerun the rules on what is left; if a conflict remains, try
    removing each of its units in turn, at most `MAX_REMOVED` deep. Every answer of a given size
    is reached this way (it contains a unit of the conflict branched on), so the answers of the
    smallest size are all found, with a few reruns rather than one per combination of claims:
    conflicts the rules did not name show up in the reruns.
    """

    units = copy_groups(judged)
    unit_of = {rc.index: i for i, unit in enumerate(units) for rc in unit}
    remaining: dict[frozenset[int], list[Conflict]] = {}  # removed units → conflicts left

    def left(removed: frozenset[int]) -> list[Conflict]:
        if removed not in remaining:
            if len(remaining) >= BUDGET:
                raise _OverBudget
            gone = {rc.index for i in removed for rc in units[i]}
            remaining[removed] = errors([rc for rc in judged if rc.index not in gone])
        return remaining[removed]

    def answers(removed: frozenset[int], depth: int) -> set[frozenset[int]]:
        found = left(removed) if removed else list(conflicts)
        if not found:
            return {removed}
        if depth == 0:
            return set()
        out: set[frozenset[int]] = set()
        for i in sorted({unit_of[rc.index] for rc in found[0].claims}):
            out |= answers(removed | {i}, depth - 1)
        return out

    try:
        for size in range(1, min(MAX_REMOVED, len(units)) + 1):
            smallest = sorted(tuple(sorted(a)) for a in answers(frozenset(), size) if len(a) == size)
            if smallest:
                found = [tuple(rc for i in a for rc in units[i]) for a in smallest]
                likely = found[0] if len(found) == 1 else ()
                rest = None
                over_time: tuple[SeriesPoint, ...] = ()
                if likely:
                    gone = {rc.index for rc in likely}
                    others = [rc for rc in judged if rc.index not in gone]
                    rest = common_value(others)
                    if rest is None and subject.kind is not SubjectKind.CONSTANT:
                        # the others agree at each time, not all at once: their values over time
                        over_time = series(subject, others)
                return Reconciliation(likely_error=likely, alternatives=tuple(found), searched=True,
                                      rest_agree=rest, series=over_time)
    except _OverBudget:
        pass
    return Reconciliation(searched=True)


class _OverBudget(Exception):
    """More reruns than `BUDGET` for one subject: the search gives up rather than guess."""
