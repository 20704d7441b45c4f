"""The linear-time rules agree with the obvious quadratic definitions on random claims."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge.claims import ReadClaim
from factcheck.judge.rules.base import all_agree, window_conflicts
from factcheck.load.schema import Claim, Source, Subject, SubjectKind
from factcheck.read import Value, ValueKind
from factcheck.read.interval import Interval
from factcheck.read.model import date_value

_SUBJECT = Subject(id="s", title="S", kind=SubjectKind.CUMULATIVE)

BASE = dt.date(2020, 1, 1)


@st.composite
def claims(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(min_value=0, max_value=12))
    out = []
    for i in range(n):
        start = draw(st.integers(0, 400))
        length = draw(st.sampled_from([0, 0, 0, 29, 364]))
        lo = draw(st.integers(0, 20))
        hi = lo + draw(st.integers(0, 6))
        lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
        lower = None if lo_open and draw(st.booleans()) else float(lo)
        upper = None if hi_open and draw(st.booleans()) else float(hi)
        lower_inc = lower is not None and not (lo_open and lower == upper) and draw(st.booleans())
        upper_inc = upper is not None and (lower != upper or lower_inc) and (lower == upper or draw(st.booleans()))
        if lower is not None and upper is not None and lower == upper:
            lower_inc = upper_inc = True
        value = Value(ValueKind.NUMBER, Interval(lower, upper, lower_inc, upper_inc))
        time = date_value(BASE + dt.timedelta(start), BASE + dt.timedelta(start + length), "span")
        source = Source(id=f"s{i}", title="t", published=BASE, language="en")
        claim = Claim(subject="x", source=source.id, says="x", quote="x")
        out.append(ReadClaim(i, claim, source, value, None, None, time, None))
    return out


@settings(max_examples=300, deadline=None)
@given(claims(), st.sampled_from([0, 30, 90, 400]))
def test_window_matches_all_pairs(cs: list[ReadClaim], window: int) -> None:
    """Every pair found is made at the same time (SPEC §3: overlapping time spans, or within the
    window) and does not overlap; and a pair is found whenever such a pair exists."""
    fast = window_conflicts(cs, window)
    for a, b in fast:
        assert a.same_time_as(b, window) and not a.value.overlaps(b.value)  # type: ignore[union-attr, arg-type]
    exists = any(
        a.same_time_as(b, window) and not a.value.overlaps(b.value)  # type: ignore[union-attr, arg-type]
        for i, a in enumerate(cs) for b in cs[i + 1 :]
    )
    assert bool(fast) == exists


@settings(max_examples=300, deadline=None)
@given(claims())
def test_all_agree_matches_all_pairs(cs: list[ReadClaim]) -> None:
    pairwise = all(a.value.overlaps(b.value) for a in cs for b in cs)  # type: ignore[union-attr, arg-type]
    assert (all_agree(cs) is None) == pairwise


@settings(max_examples=300, deadline=None)
@given(claims())
def test_cumulative_matches_all_pairs(cs: list[ReadClaim]) -> None:
    """FC103 flags a claim exactly when some claim surely before it (and not itself flagged)
    has a lower bound above it: the greedy floor equals the all-pairs definition."""
    from factcheck.judge.rules.base import NoOptions, time_order
    from factcheck.judge.rules.cumulative import check

    fast = {c.second.index for c in check(cs, NoOptions(), _SUBJECT)}
    ordered = sorted(cs, key=time_order)
    flagged: set[int] = set()
    for b in ordered:
        floor = [a for a in ordered if a.surely_before(b) and a.index not in flagged and a.value.interval.lower is not None]  # type: ignore[union-attr]
        iv = b.value.interval  # type: ignore[union-attr]
        for a in floor:
            reach = Interval(a.value.interval.lower, None, a.value.interval.lower_inclusive, False)  # type: ignore[union-attr]
            if not reach.overlaps(iv):  # type: ignore[arg-type]
                flagged.add(b.index)
                break
    assert fast == flagged


@settings(max_examples=300, deadline=None)
@given(claims(), st.lists(st.tuples(st.integers(0, 300), st.integers(0, 400)), min_size=12, max_size=12))
def test_flow_containment_matches_all_pairs(cs: list[ReadClaim], spans: list[tuple[int, int]]) -> None:
    """FC105 (a Fenwick tree over period ends) flags exactly the periods that some strictly
    larger period containing them cannot hold: every pair of periods compared by hand."""
    from dataclasses import replace

    from factcheck.judge.rules.base import period_of
    from factcheck.judge.rules.flow_containment import (
        ContainmentOptions,
        _can_hold,
        check,
    )

    with_periods = [
        replace(rc, period=date_value(BASE + dt.timedelta(s), BASE + dt.timedelta(s + n), "span"))
        for rc, (s, n) in zip(cs, spans)
    ]
    subject = Subject(id="s", title="S", kind=SubjectKind.FLOW)
    fast = {period_of(c.second) for c in check(with_periods, ContainmentOptions(), subject)}
    slow = set()
    for short in with_periods:
        ps = period_of(short)
        for long in with_periods:
            pl = period_of(long)
            assert ps is not None and pl is not None
            if pl != ps and pl[0] <= ps[0] and pl[1] >= ps[1] and not _can_hold(long, short):
                slow.add(ps)
    assert fast == slow
