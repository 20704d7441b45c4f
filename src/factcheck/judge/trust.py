"""Source trust and reconciled values across a whole file (docs/truth-discovery.md).

Every judged subject gets a *reconciled value* per time (one for a constant; one per time for
levels and running totals, per period for flows), and every source a *trust score*: the
share of its claims that the reconciled values support, under a prior. The two are worked
out together, the way the truth-discovery literature does (an accuracy-weighted vote, in the
family of Dong, Berti-Equille & Srivastava's ACCU and Li et al.'s CRH; TruthFinder and
Investment are the benchmark's baselines):

1. **Variables.** A subject's judged claims are cut into variables: all of them for a constant;
   claims whose times overlap for a level or running total (a census year, a day, a minute); one per
   period for a flow.
2. **Candidates.** Within a variable, claims are grouped into candidate values: again and
   again, the point covered by the most remaining independent claims (copies count once)
   becomes a candidate, its claims those covering it (they can all be true at once: their
   common value is the candidate's). Names and codes group by their canonical key.
3. **Seed.** A claim named a likely error by the rules' exact search (`reconcile.py`) starts
   as wrong, the others as right in proportion to their candidate's share: the first trust.
4. **Iterate.** A candidate's score is the sum, over the independent claims that allow it
   (its own, and vaguer ones that overlap it), of their source's vote weight
   `ln(N · t / (1 − t))` (ACCU's, N = `FALSE_VALUES`); the candidate's probability is its
   softmax share. A source's trust is its claims' expected correctness under a Beta prior
   (`PRIOR_RIGHT`, `PRIOR_WRONG`): a source with one claim stays near the prior, one with
   hundreds earns its score. Until the trust stops moving (`ROUNDS` at most).
5. **Copies.** After a first pass, two sources that repeat each other's *minority* values (the
   same wording, word for word, on values the reconciliation rejects, or on values nobody
   else gives), more than chance allows, are probable copiers: from then on, on every variable
   where they print the same thing, they are one voice. Sharing a common true value proves
   nothing and is not counted.
6. **Answer.** The top candidate is the reconciled value, shown as the tightest claim in it.
   When the top two score the same (as far as trust can tell), the answer is a declared tie
   with both alternatives, not a pick. The claims the value leaves out are listed with why.

The input is the records' JSON of `factcheck report --format json` (report/records.py), so
the one pass runs after the parallel workers have judged their slices.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from factcheck.gcpause import paused_gc
from factcheck.judge.copies import MIN_QUOTE, normalise_quote
from factcheck.read.humanize import figure, rounded
from factcheck.read.interval import Interval
from factcheck.read.model import Value, ValueKind

#: Beta prior of a source's trust, in claims: a source is taken as right on 4 claims of 5
#: before anything it says is weighed.
PRIOR_RIGHT = 4.0
PRIOR_WRONG = 1.0
#: How much a claim nobody else speaks to weighs in its source's trust (as right at the prior's
#: rate); 0 leaves such claims out of the trust altogether.
ALONE_WEIGHT = 1.0
#: ACCU's number of false values a wrong source picks among (it only scales the weights).
FALSE_VALUES = 10.0
ROUNDS = 20
TOLERANCE = 1e-3
#: Trust is kept within these bounds (no source is certainly right or certainly wrong).
LOWEST, HIGHEST = 0.01, 0.99
#: Two candidates whose scores differ by less than this are tied.
TIE = 1e-9
#: Tied figures no further apart than this share of their size are near-identical (33,998 and
#: 33,999; 334,563 and 334,569): a slipped last digit or a revision in the last places, not a
#: dispute over the figure. A tie among them is answered with the span they cover.
NEAR_IDENTICAL = 1e-3
#: The kinds of value a near-identical tie is looked for in (not dates, times or names: a day
#: or a minute apart is a real difference).
NEAR_KINDS = frozenset({"number", "amount", "percent"})
#: Copy detection (5.): the least number of shared distinctive wordings, and their least share
#: of the variables (with three sources or more) that the two sources both speak to.
MIN_SHARED_ERRORS = 5
MIN_SHARED_SHARE = 0.2
#: Wordings this short or this common (printed by this share of sources on a variable) prove
#: nothing about copying.
MIN_COPY_CHARS = 2
#: Claims on a level subject published within this many days of each other speak of one moment
#: (the rules' default window).
LEVEL_WINDOW_DAYS = 90


@dataclass(frozen=True, slots=True, eq=False)
class Claimed:
    """One judged claim as the trust method sees it."""

    index: int
    source: str
    lo: float
    hi: float
    lo_inc: bool
    hi_inc: bool
    key: str | None  # names, codes and categories: the canonical key; None for intervals
    says: str
    quote: str
    width: float
    record: dict[str, Any]  # the claim's record (value, figure) in the report
    start: str  # its time span, ISO
    end: str
    period: str | None
    seed: float  # 0: named a likely error by the rules
    published: str = ""  # when its source published it (ISO day, or day and time with offset)


@dataclass
class Candidate:
    members: list[int]  # positions in the variable's claims
    claims: list[Claimed]
    lo: float
    hi: float
    lo_inc: bool
    hi_inc: bool
    key: str | None
    score: float = 0.0
    probability: float = 0.0
    share: float = 0.0  # its claims' share of the variable's independent claims (the seed)

    def allows(self, c: Claimed) -> bool:
        if self.key is not None or c.key is not None:
            return self.key == c.key
        return _overlap(self.lo, self.hi, self.lo_inc, self.hi_inc, c.lo, c.hi, c.lo_inc, c.hi_inc)


@dataclass
class Variable:
    subject: str
    time: str
    claims: list[Claimed]
    candidates: list[Candidate] = field(default_factory=list)
    # Probable copies: claims on this variable that are one voice (indices of `claims`).
    units: list[list[int]] = field(default_factory=list)
    allowed: list[list[int]] = field(default_factory=list)  # per claim: candidates it allows
    own: list[int] = field(default_factory=list)  # per claim: the candidate it belongs to
    unit_of: list[int] = field(default_factory=list)  # per claim: its unit
    # per unit: its sources, and the candidates it allows (what `_score` needs every round)
    unit_votes: list[tuple[tuple[str, ...], tuple[int, ...]]] = field(default_factory=list)


@dataclass
class SourceTrust:
    source: str
    trust: float = PRIOR_RIGHT / (PRIOR_RIGHT + PRIOR_WRONG)
    claims: int = 0
    supported: int = 0  # the reconciled value allows it, and another independent source agrees
    contradicted: int = 0  # the reconciled value excludes it
    alone: int = 0  # allowed, but no independent source speaks to the same variable
    copied: int = 0  # printed word for word by a source that copies, or copied from one
    tied: int = 0  # on a variable left as a tie
    copies_with: set[str] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        return {
            "trust": round(self.trust, 4),
            "supported": self.supported,
            "contradicted": self.contradicted,
            "alone": self.alone,
            "copied": self.copied,
            "tied": self.tied,
            "copies_with": sorted(self.copies_with),
        }


@dataclass(frozen=True)
class CopyPair:
    sources: tuple[str, str]
    shared_errors: int  # minority values both print word for word
    both: int  # variables both speak to
    examples: tuple[str, ...]  # subject ids


@dataclass
class TrustResult:
    points: dict[str, list[dict[str, Any]]]  # subject id -> its reconciled values, in time order
    abstained: dict[str, str]  # subject id -> why no value
    sources: dict[str, SourceTrust]
    copies: list[CopyPair]
    rounds: int


# ---------------------------------------------------------------------------------------------
# Reading the records


def _overlap(alo: float, ahi: float, alo_inc: bool, ahi_inc: bool,
             blo: float, bhi: float, blo_inc: bool, bhi_inc: bool) -> bool:
    lo, lo_inc = (alo, alo_inc) if alo > blo else (blo, blo_inc) if blo > alo else (alo, alo_inc and blo_inc)
    hi, hi_inc = (ahi, ahi_inc) if ahi < bhi else (bhi, bhi_inc) if bhi < ahi else (ahi, ahi_inc and bhi_inc)
    return lo < hi or (lo == hi and lo_inc and hi_inc)


def _number(x: Any, default: float) -> float:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else default


def fold_says(text: str) -> str:
    """A wording as copying keeps it: case, accents and spacing folded."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"\s+", " ", "".join(ch for ch in text if not unicodedata.combining(ch))).strip()


def claimed(record: dict[str, Any], likely: frozenset[int]) -> Claimed | None:
    """A judged claim's record as the method sees it; None when it was not judged."""
    if record.get("status") != "judged":
        return None
    value = record.get("converted") or record.get("value")
    if not isinstance(value, dict):
        return None
    key: str | None = None
    lo, hi = -math.inf, math.inf
    if value.get("kind") == "category":
        key = str(value.get("names_key") or value.get("category") or "")
        width = 0.0
    else:
        lo, hi = _number(value.get("lower"), -math.inf), _number(value.get("upper"), math.inf)
        width = hi - lo
    index = int(record["index"])
    time = str(record.get("time") or "")
    at_minute = len(time) > 10 and "T" in time and ".." not in time  # a time of day: its minute
    return Claimed(
        index, str(record["source"]), lo, hi, bool(value.get("lower_inclusive")), bool(value.get("upper_inclusive")),
        key, str(record.get("says", "")), str(record.get("quote") or ""), width, record,
        time if at_minute else str(record.get("time_start", "")), time if at_minute else str(record.get("time_end", "")),
        record.get("period"), 0.0 if index in likely else 1.0,
        str(record.get("published") or ""),
    )


def variables_of(subject: dict[str, Any]) -> list[Variable]:
    """A subject's judged claims cut into variables (step 1), in time order; probable copies by
    quote (`copy_units`: claim indices, when the caller found them) are one unit each."""
    out = _variables_of(subject)
    groups = subject.get("copy_units")
    if groups:
        group_of = {i: k for k, g in enumerate(groups) for i in g}
        for var in out:
            units: dict[object, list[int]] = {}
            for pos, c in enumerate(var.claims):
                units.setdefault(group_of.get(c.index, ("own", pos)), []).append(pos)
            var.units = list(units.values())
    return out


def _variables_of(subject: dict[str, Any]) -> list[Variable]:
    rec = subject.get("reconciliation") or {}
    likely = frozenset(rec.get("likely_error") or ())
    claims = [c for c in (claimed(r, likely) for r in subject.get("claims", ())) if c is not None]
    if not claims:
        return []
    sid = str(subject["id"])
    kind = subject.get("kind")
    if kind == "constant":
        return [Variable(sid, "", claims)]
    if kind == "flow":
        by_period: dict[str, list[Claimed]] = defaultdict(list)
        for c in claims:
            by_period[c.period or f"{c.start}..{c.end}"].append(c)
        return [Variable(sid, p, cs) for p, cs in sorted(by_period.items(), key=lambda kv: kv[1][0].start)]
    # levels and running totals: claims at the same time, chained (spans that overlap; for a
    # level, publication days within its window)
    # (a running total's updates at 11:00 and at 19:00 of one day are two moments: times of
    # day are compared to the minute, a day is all its minutes)
    days = subject.get("window")
    window = dt.timedelta(days=int(days) if isinstance(days, int) else LEVEL_WINDOW_DAYS if kind == "level" else 0)
    out: list[Variable] = []
    run: list[Claimed] = []
    run_end = dt.datetime.min
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.index)):
        start, end = _instant(c.start, last=False), _instant(c.end, last=True)
        reach = end + window if _day(c.start) == _day(c.end) else end
        if run and start > run_end:
            out.append(_timed(sid, run))
            run, run_end = [], dt.datetime.min
        run.append(c)
        run_end = max(run_end, reach)
    if run:
        out.append(_timed(sid, run))
    return out


@lru_cache(maxsize=65536)
def _day(iso: str) -> dt.date:
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return dt.date.min


@lru_cache(maxsize=65536)
def _instant(iso: str, last: bool) -> dt.datetime:
    """A claim's time bound as a minute (a day's first minute, or with `last` its last; a time
    of day as written, its offset dropped: the records give times of day in UTC when known)."""
    if len(iso) > 10:
        try:
            return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")[:16])
        except ValueError:
            pass
    day = _day(iso)
    start = dt.datetime.combine(day, dt.time.min)
    return start + dt.timedelta(days=1, minutes=-1) if last and day != dt.date.min else start


def _timed(sid: str, run: list[Claimed]) -> Variable:
    start, end = min(c.start for c in run), max(c.end for c in run)
    return Variable(sid, _time_label(start, end), run)


def _time_label(start: str, end: str) -> str:
    if start == end:
        return start
    if start[:10] == end[:10]:
        return start[:10]  # a day and a time of day on it: the day
    if start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]:
        return start[:4]  # a census year
    if start[:7] == end[:7] and start.endswith("-01"):
        return start[:7]
    return f"{start}..{end}"


# ---------------------------------------------------------------------------------------------
# Candidates (step 2)


def candidates(var: Variable) -> None:
    """Group the variable's claims into candidate values; note which each claim allows."""
    claims = var.claims
    if len(claims) == 1:  # the most common variable: one claim, one candidate
        c = claims[0]
        var.units, var.unit_of, var.own, var.allowed = [[0]], [0], [0], [[0]]
        var.candidates = [Candidate([0], [c], c.lo, c.hi, c.lo_inc, c.hi_inc, c.key, share=1.0)]
        var.unit_votes = [((c.source,), (0,))]
        return
    unit_of = _unit_index(var)
    n_units = len(var.units)
    remaining = list(range(len(claims)))
    cands: list[Candidate] = []
    while remaining:
        keyed = [i for i in remaining if claims[i].key is not None]
        if keyed:
            by_key: dict[str, set[int]] = defaultdict(set)
            for i in keyed:
                by_key[claims[i].key or ""].add(unit_of[i])
            best = max(by_key, key=lambda k: (len(by_key[k]), -min(i for i in keyed if claims[i].key == k)))
            members = [i for i in keyed if claims[i].key == best]
            cands.append(Candidate(members, [claims[i] for i in members], -math.inf, math.inf, False, False, best))
        else:
            common = _common(claims, remaining)
            if common is not None:  # they all agree (the usual case): one candidate
                members, (lo, lo_inc, hi, hi_inc) = remaining, common
            else:
                members, (lo, lo_inc, hi, hi_inc) = _deepest(claims, remaining, unit_of)
            cands.append(Candidate(members, [claims[i] for i in members], lo, hi, lo_inc, hi_inc, None))
        gone = set(members)
        remaining = [i for i in remaining if i not in gone]
    own = [0] * len(claims)
    for k, cand in enumerate(cands):
        cand.share = len({unit_of[i] for i in cand.members}) / max(1, n_units)
        for i in cand.members:
            own[i] = k
    var.candidates = cands
    var.own = own
    if len(cands) == 1:
        var.allowed = [[0]] * len(claims)
    else:
        var.allowed = [[k for k, cand in enumerate(cands) if k == own[i] or cand.allows(c)] for i, c in enumerate(claims)]
    var.unit_of = unit_of
    if len(cands) == 1:
        var.unit_votes = [(tuple({claims[i].source for i in members}), (0,)) for members in var.units]
    else:
        var.unit_votes = [
            (tuple({claims[i].source for i in members}),
             tuple(sorted(set().union(*(var.allowed[i] for i in members)))) if len(members) > 1
             else tuple(var.allowed[members[0]]))
            for members in var.units
        ]


def _unit_index(var: Variable) -> list[int]:
    if var.unit_of and len(var.unit_of) == len(var.claims) and var.units:
        return var.unit_of
    if not var.units:
        var.units = _quote_units(var.claims)
    unit_of = [0] * len(var.claims)
    for u, members in enumerate(var.units):
        for i in members:
            unit_of[i] = u
    return unit_of


def _quote_units(claims: list[Claimed]) -> list[list[int]]:
    """Claims of different sources with the same quote once folded (`judge.copies`: at least
    `MIN_QUOTE` characters, more than the figure itself) are one voice; the rest one each."""
    by_quote: dict[str, list[int]] = {}
    units: list[list[int]] = []
    for i, c in enumerate(claims):
        quote = c.quote
        if len(quote) >= MIN_QUOTE and not (
            abs(len(quote) - len(c.says)) <= 8 and normalise_quote(quote) == normalise_quote(c.says)
        ):
            folded = " ".join(quote.casefold().split())  # case and spacing: enough for the same text
            if folded in by_quote:
                by_quote[folded].append(i)
                continue
            by_quote[folded] = [i]
            units.append(by_quote[folded])
            continue
        units.append([i])
    return units


def _deepest(claims: list[Claimed], remaining: list[int],
             unit_of: list[int]) -> tuple[list[int], tuple[float, bool, float, bool]]:
    """The claims covering the point covered by the most independent remaining claims, and
    their common interval. Probes: each bound, exactly and just inside."""
    distinct: dict[tuple[float, bool, float, bool], list[int]] = defaultdict(list)
    for i in remaining:
        c = claims[i]
        distinct[(c.lo, c.lo_inc, c.hi, c.hi_inc)].append(i)
    shapes = list(distinct)
    best: tuple[int, int, list[int]] | None = None
    for lo, lo_inc, hi, hi_inc in shapes:
        for point, just_inside_up, just_inside_down in (
            (lo, not lo_inc, False), (hi, False, not hi_inc),
        ):
            if math.isinf(point):
                continue
            covering = [
                i for s in shapes if _covers(s, point, just_inside_up, just_inside_down) for i in distinct[s]
            ]
            units = len({unit_of[i] for i in covering})
            first = min(covering) if covering else 0
            if best is None or (units, -first) > (best[0], -best[1]):
                best = (units, first, covering)
    members = list(remaining) if best is None or not best[2] else sorted(best[2])
    common = _common(claims, members)
    assert common is not None  # they share a point
    return members, common


def _common(claims: list[Claimed], members: list[int]) -> tuple[float, bool, float, bool] | None:
    """The interval every one of the claims allows, or None when there is none."""
    lo, lo_inc, hi, hi_inc = -math.inf, False, math.inf, False
    for i in members:
        c = claims[i]
        if c.lo > lo or (c.lo == lo and not c.lo_inc):
            lo, lo_inc = c.lo, c.lo_inc if c.lo > lo else lo_inc and c.lo_inc
        if c.hi < hi or (c.hi == hi and not c.hi_inc):
            hi, hi_inc = c.hi, c.hi_inc if c.hi < hi else hi_inc and c.hi_inc
    if lo < hi or (lo == hi and lo_inc and hi_inc) or (math.isinf(lo) and math.isinf(hi)):
        return lo, lo_inc, hi, hi_inc
    return None


def _covers(shape: tuple[float, bool, float, bool], p: float, up: bool, down: bool) -> bool:
    """Whether the interval holds the point p (up: just above p; down: just below p)."""
    lo, lo_inc, hi, hi_inc = shape
    if up:
        return lo <= p < hi
    if down:
        return lo < p <= hi
    return (lo < p or (lo == p and lo_inc)) and (p < hi or (p == hi and hi_inc))


# ---------------------------------------------------------------------------------------------
# The iteration (steps 3, 4)


def _weight(t: float) -> float:
    return math.log(FALSE_VALUES * t / (1.0 - t))


def _prior() -> float:
    return PRIOR_RIGHT / (PRIOR_RIGHT + PRIOR_WRONG)


def iterate(variables: Sequence[Variable], trust: dict[str, float]) -> int:
    """Scores, probabilities and trust until trust settles; returns the rounds run. `trust` is
    updated in place."""
    # seed: likely errors wrong, the rest right in proportion to their candidate's share
    right: dict[str, float] = defaultdict(float)
    count: dict[str, float] = defaultdict(float)
    spoken = [var for var in variables if len(var.units) > 1]  # a claim alone is no evidence
    for var in spoken:
        for i, c in enumerate(var.claims):
            count[c.source] += 1
            right[c.source] += c.seed * var.candidates[var.own[i]].share
    for var in variables:
        for c in var.claims:
            trust.setdefault(c.source, _prior())
    for s, n in count.items():
        trust[s] = _bounded((PRIOR_RIGHT + right[s]) / (PRIOR_RIGHT + PRIOR_WRONG + n))
    # Where independent sources all agree (one candidate), every claim is right whatever the
    # trust (ACCU gives it 1 − N·e^(−Σw), above 0.99 for two sources): counted once, and only the
    # contested variables are rescored each round.
    agreed: dict[str, float] = defaultdict(float)
    contested = []
    for var in spoken:
        if len(var.candidates) == 1:
            for c in var.claims:
                agreed[c.source] += 1.0
        else:
            contested.append(var)
    # A claim nobody else speaks to cannot be checked: it counts as right at the prior's rate,
    # so a source trusted for a few agreements among thousands of unchecked claims is trusted
    # for what its record as a whole shows (TruthFinder's averaging does the same).
    if ALONE_WEIGHT:
        for var in variables:
            if len(var.units) == 1:
                for c in var.claims:
                    count[c.source] += ALONE_WEIGHT
                    agreed[c.source] += ALONE_WEIGHT * _prior()
    active = {c.source for var in contested for c in var.claims}  # trust still moving
    for s, n in count.items():
        if s not in active:
            trust[s] = _bounded((PRIOR_RIGHT + agreed[s]) / (PRIOR_RIGHT + PRIOR_WRONG + n))
    rounds = 0
    for rounds in range(1, ROUNDS + 1):  # noqa: B007 - how many ran is reported after the loop
        weight = {s: _weight(trust[s]) for s in active}
        right = {s: agreed.get(s, 0.0) for s in active}
        for var in contested:
            _score(var, weight)
            cands = var.candidates
            for i, c in enumerate(var.claims):
                allowed = var.allowed[i]
                right[c.source] += cands[allowed[0]].probability if len(allowed) == 1 else max(
                    cands[k].probability for k in allowed)
        moved = 0.0
        for s in active:
            t = _bounded((PRIOR_RIGHT + min(right[s], count[s])) / (PRIOR_RIGHT + PRIOR_WRONG + count[s]))
            moved = max(moved, abs(t - trust[s]))
            trust[s] = t
        if moved < TOLERANCE:
            break
    weight = {s: _weight(t) for s, t in trust.items()}
    for var in variables:
        _score(var, weight)
    return rounds


def _bounded(t: float) -> float:
    return min(HIGHEST, max(LOWEST, t))


def _score(var: Variable, weight: dict[str, float]) -> None:
    scores = [0.0] * len(var.candidates)
    for sources, allowed in var.unit_votes:
        # a unit (one claim, or copies printing the same) votes once, with its best source's weight
        w = weight[sources[0]] if len(sources) == 1 else max(weight[s] for s in sources)
        for k in allowed:
            scores[k] += w
    # ACCU's domain: the candidates seen, and `FALSE_VALUES` + 1 in all, the unseen with score 0
    # (so a claim nobody else speaks to is as likely right as its source is trusted, not certainly)
    top = max(scores)
    top = max(top, 0.0)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp) + max(0.0, FALSE_VALUES + 1 - len(scores)) * math.exp(-top)
    for k, cand in enumerate(var.candidates):
        cand.score = scores[k]
        cand.probability = exp[k] / total


# ---------------------------------------------------------------------------------------------
# Copies (step 5)


def find_copiers(variables: Sequence[Variable]) -> list[CopyPair]:
    """Source pairs that print the same *distinctive* wordings, word for word, on more of the
    variables they share than independent sources would: a wording is distinctive on a variable
    when it is not the reconciled value's (a shared error), or when few of the variable's sources
    print it (at most a third: a shared rare value). A wording most sources print, and one shorter
    than `MIN_COPY_CHARS`, is never evidence; nor are variables with fewer than three sources."""
    shared: Counter[tuple[str, str]] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for var in variables:
        sources = sorted({c.source for c in var.claims})
        if len(sources) < 3:
            continue
        for a_i, a in enumerate(sources):
            for b in sources[a_i + 1:]:
                both[(a, b)] += 1
        winner = _winner(var)
        by_words: dict[str, set[str]] = defaultdict(set)
        in_winner: dict[str, bool] = {}
        for i, c in enumerate(var.claims):
            words = fold_says(c.says)
            if len(words) >= MIN_COPY_CHARS:
                by_words[words].add(c.source)
                in_winner[words] = in_winner.get(words, False) or var.own[i] == winner
        rare = max(2, len(sources) // 3)
        for words, srcs in by_words.items():
            if len(srcs) < 2 or len(srcs) > len(sources) // 2 or (in_winner[words] and len(srcs) > rare):
                continue
            ordered = sorted(srcs)
            for a_i, a in enumerate(ordered):
                for b in ordered[a_i + 1:]:
                    shared[(a, b)] += 1
                    if len(examples[(a, b)]) < 3:
                        examples[(a, b)].append(var.subject)
    return [
        CopyPair(pair, n, both[pair], tuple(examples[pair]))
        for pair, n in sorted(shared.items())
        if n >= MIN_SHARED_ERRORS and n >= MIN_SHARED_SHARE * both[pair]
    ]


def _winner(var: Variable) -> int:
    return max(range(len(var.candidates)), key=lambda k: (var.candidates[k].score, -k))


def apply_copies(variables: Sequence[Variable], pairs: Iterable[CopyPair]) -> None:
    """On every variable, claims of copying sources that print the same words are one unit."""
    linked: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        a, b = p.sources
        linked[a].add(b)
        linked[b].add(a)
    if not linked:
        return
    for var in variables:
        parent = list(range(len(var.claims)))
        words = [fold_says(c.says) for c in var.claims]
        for i, c in enumerate(var.claims):
            if c.source not in linked:
                continue
            for j in range(i + 1, len(var.claims)):
                if var.claims[j].source in linked[c.source] and words[i] == words[j]:
                    parent[_root(parent, j)] = _root(parent, i)
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(var.claims)):
            groups[_root(parent, i)].append(i)
        var.units = list(groups.values())
        var.unit_of = []


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


# ---------------------------------------------------------------------------------------------
# The whole pass


def reconcile_records(subjects: Sequence[dict[str, Any]], copies: bool = True) -> TrustResult:
    """Reconciled values and source trust for the subjects of a report's records (with the
    cyclic garbage collector paused: the pass builds millions of small acyclic objects)."""
    with paused_gc():
        return _reconcile_records(subjects, copies)


def _reconcile_records(subjects: Sequence[dict[str, Any]], copies: bool) -> TrustResult:
    variables: list[Variable] = []
    abstained: dict[str, str] = {}
    of_subject: dict[str, list[Variable]] = {}
    for s in subjects:
        vs = variables_of(s)
        of_subject[str(s["id"])] = vs
        if not vs:
            abstained[str(s["id"])] = "no claim on it could be judged: nothing to reconcile"
        variables += vs
    for var in variables:
        candidates(var)
    trust: dict[str, float] = {}
    rounds = iterate(variables, trust)
    pairs: list[CopyPair] = []
    if copies:
        pairs = find_copiers(variables)
        if pairs:
            apply_copies(variables, pairs)
            for var in variables:
                candidates(var)
            rounds += iterate(variables, trust)
    records = _source_records(variables, trust, pairs)
    points = {sid: [_point(var, trust) for var in vs] for sid, vs in of_subject.items() if vs}
    return TrustResult(points, abstained, records, pairs, rounds)


@dataclass(frozen=True, slots=True)
class Ranking:
    """A variable's candidates best first, and how the top was reached."""

    order: list[int]
    #: None (no tie), "later" (trust could not break it, the later claim did: ranked first),
    #: "near" (near-identical figures tied: `top` holds them all) or "tie" (a real tie)
    tie: str | None
    top: tuple[int, ...]  # the candidates the reconciled value is: one, or the near-identical
    tied: tuple[int, ...]  # the candidates trust cannot separate from the first (with it)


def _ranking(var: Variable) -> Ranking:
    """The candidates best first, and whether (and how) a tie at the top was decided."""
    cands = var.candidates
    ranked = sorted(range(len(cands)), key=lambda k: (-cands[k].score, k))
    if len(ranked) < 2 or cands[ranked[0]].score - cands[ranked[1]].score >= TIE:
        return Ranking(ranked, None, (ranked[0],), ())
    tied = [k for k in ranked if cands[ranked[0]].score - cands[k].score < TIE]
    for k in tied:
        if all(_said_after(cands[k], cands[j]) for j in tied if j != k):
            return Ranking([k, *(j for j in ranked if j != k)], "later", (k,), (k, *(j for j in tied if j != k)))
    near = _near_group(var, tied)
    if near:
        return Ranking([*near, *(j for j in ranked if j not in near)], "near", tuple(near),
                       (*near, *(j for j in tied if j not in near)))
    return Ranking(ranked, "tie", (ranked[0],), tuple(tied))


def _near_group(var: Variable, tied: list[int]) -> list[int]:
    """The tied candidates to answer a tie with: near-identical figures (`NEAR_IDENTICAL`) that
    together have more independent claims than any other group of the tied candidates, when
    there are at least two of them (in `tied`'s order); else [] (a real tie)."""
    cands = var.candidates
    if len(tied) < 2 or not all(_near_kind(cands[k]) for k in tied):
        return []
    group = {k: k for k in tied}

    def root(k: int) -> int:
        while group[k] != k:
            k = group[k]
        return k

    for a_i, a in enumerate(tied):
        for b in tied[a_i + 1:]:
            if _near(cands[a], cands[b]):
                group[root(b)] = root(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in tied:
        groups[root(k)].append(k)
    unit_of = _unit_index(var)
    voices = sorted(((len({unit_of[i] for k in g for i in cands[k].members}), g) for g in groups.values()),
                    key=lambda vg: -vg[0])
    best_voices, best = voices[0]
    if len(best) < 2 or (len(voices) > 1 and voices[1][0] >= best_voices):
        return []
    return best


def _near_kind(cand: Candidate) -> bool:
    if cand.key is not None or not (math.isfinite(cand.lo) and math.isfinite(cand.hi)):
        return False
    record = cand.claims[0].record
    value = record.get("converted") or record.get("value") or {}
    return value.get("kind") in NEAR_KINDS


def _near(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates' figures are near-identical: the gap between them is at most
    `NEAR_IDENTICAL` of the larger figure, in the same unit."""
    unit_a = (a.claims[0].record.get("converted") or a.claims[0].record.get("value") or {}).get("unit")
    unit_b = (b.claims[0].record.get("converted") or b.claims[0].record.get("value") or {}).get("unit")
    if unit_a != unit_b:
        return False
    gap = max(a.lo, b.lo) - min(a.hi, b.hi)
    return gap <= NEAR_IDENTICAL * max(abs(a.lo), abs(a.hi), abs(b.lo), abs(b.hi))


def _said_after(a: Candidate, b: Candidate) -> bool:
    """Whether one of a's claims was surely published after every claim of b."""
    return any(all(_surely_after(c.published, d.published) for d in b.claims) for c in a.claims)


def _surely_after(a: str, b: str) -> bool:
    """Whether publication `a` surely came after `b`: a later day, or on the same day, a later
    instant when both give a time of day (compared in UTC when both give an offset). Two
    claims of one day without a time may have been published in either order (SPEC §3)."""
    pa, pb = _published(a), _published(b)
    if pa is None or pb is None:
        return False
    (day_a, at_a), (day_b, at_b) = pa, pb
    if at_a is not None and at_b is not None and (at_a.tzinfo is None) == (at_b.tzinfo is None):
        return at_a > at_b
    return day_a > day_b


@lru_cache(maxsize=65536)
def _published(text: str) -> tuple[dt.date, dt.datetime | None] | None:
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text), None
        at = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return at.date(), at


def _source_records(variables: Sequence[Variable], trust: dict[str, float],
                    pairs: Sequence[CopyPair]) -> dict[str, SourceTrust]:
    out = {s: SourceTrust(s, t) for s, t in trust.items()}
    for p in pairs:
        a, b = p.sources
        out[a].copies_with.add(b)
        out[b].copies_with.add(a)
    for var in variables:
        ranking = _ranking(var)
        tie_kind = ranking.tie
        tie = tie_kind == "tie"
        top = [var.candidates[k] for k in ranking.top]
        unit_of = _unit_index(var)
        inside = [var.own[i] in ranking.top or any(t.allows(c) for t in top) for i, c in enumerate(var.claims)]
        # per source, the independent units inside the reconciled value it is part of
        units_inside: dict[str, set[int]] = defaultdict(set)
        for i, c in enumerate(var.claims):
            if inside[i]:
                units_inside[c.source].add(unit_of[i])
        all_inside = set().union(*units_inside.values()) if units_inside else set()
        for i, c in enumerate(var.claims):
            rec = out[c.source]
            rec.claims += 1
            if len({var.claims[j].source for j in var.units[unit_of[i]]}) > 1:
                rec.copied += 1
            if tie_kind == "later" or (tie_kind == "near" and var.own[i] in ranking.top):
                rec.tied += 1  # decided by when it was said, or how close: not by trust
            others = {x.source for j, x in enumerate(var.claims) if unit_of[j] != unit_of[i]} - {c.source}
            if tie:
                rec.tied += 1
                if others:
                    rec.contradicted += 1  # against another source's claims, as much as they are
                else:
                    rec.alone += 1
            elif not inside[i]:
                if any(units_inside[s] for s in others):
                    rec.contradicted += 1
                else:
                    rec.alone += 1  # only the source itself says otherwise
            elif all_inside - units_inside[c.source] - {unit_of[i]}:
                rec.supported += 1
            else:
                rec.alone += 1
    return out


def _units_in(var: Variable, k: int, unit_of: list[int]) -> int:
    return len({unit_of[i] for i in var.candidates[k].members})


def _point(var: Variable, trust: dict[str, float]) -> dict[str, Any]:
    """A variable's reconciled value as a record."""
    ranking = _ranking(var)
    ranked, tie_kind = ranking.order, ranking.tie
    top = var.candidates[ranked[0]]
    group = [var.candidates[k] for k in ranking.top]
    unit_of = _unit_index(var)
    units = len(var.units)
    tie = tie_kind == "tie"
    shown = min(top.claims, key=lambda c: (c.width, c.index))  # the tightest, the first on a tie
    inside = [i for i, c in enumerate(var.claims) if var.own[i] in ranking.top or any(g.allows(c) for g in group)]
    supporting = [var.claims[i] for i in inside]
    inside_set = set(inside)
    left_out = [(i, c) for i, c in enumerate(var.claims) if i not in inside_set]
    support_units = len({unit_of[i] for i in inside})
    if len(var.candidates) == 1:
        how = "agreed" if units > 1 else "only claim"
    elif tie:
        how = "tie"
    elif tie_kind == "later":
        how = "tie broken by the later claim"
    elif tie_kind == "near":
        how = "near-identical figures tied"
    elif _units_in(var, ranked[0], unit_of) == _units_in(var, ranked[1], unit_of):
        how = "tie broken by trust"
    elif left_out and all(c.seed == 0.0 for _, c in left_out):
        how = "likely error left out"
    else:
        how = "trust"
    point: dict[str, Any] = {
        "time": var.time,
        "value": shown.record.get("converted") or shown.record.get("value"),
        "figure": shown.record.get("converted_figure") or shown.record.get("figure"),
        "from_claim": shown.index,
        "how": how,
        "probability": round(min(1.0, sum(g.probability for g in group)), 4),
        "support": {
            "claims": len(supporting),
            "independent": support_units,
            "of_independent": units,
            "sources": sorted({c.source for c in supporting}),
        },
        "claims": [c.index for c in supporting],
        "left_out": [
            {"claim": c.index, "source": c.source, "says": c.says, "why": _why_left_out(var, ranking, i, c)}
            for i, c in left_out
        ],
    }
    narrowed = _narrowed(top, shown) if tie_kind != "near" else _span(group)
    if narrowed is not None:  # what every claim in it allows is tighter than any one claim
        point["value"], point["figure"] = narrowed
    if ranking.tied:
        if tie:
            point["value"] = None
            point["figure"] = None
        point["tied"] = [_alternative(var.candidates[k]) for k in ranking.tied]
    return point


def _alternative(cand: Candidate) -> dict[str, Any]:
    """A tied candidate as the record lists it: its tightest claim's value and figure."""
    shown = min(cand.claims, key=lambda c: (c.width, c.index))
    return {"value": shown.record.get("value"), "figure": shown.record.get("figure"),
            "claims": [c.index for c in cand.claims]}


def _span(group: list[Candidate]) -> tuple[dict[str, Any], str]:
    """Near-identical tied figures as one value: the span they cover, said with the lowest
    and the highest figure as their sources wrote them (`33,998–33,999`)."""
    low = min(group, key=lambda g: (g.lo, g.hi))
    high = max(group, key=lambda g: (g.hi, g.lo))
    shown_low = min(low.claims, key=lambda c: (c.width, c.index))
    shown_high = min(high.claims, key=lambda c: (c.width, c.index))
    record = shown_low.record.get("converted") or shown_low.record.get("value") or {}
    value = Value(ValueKind(str(record.get("kind"))), Interval(low.lo, high.hi, low.lo_inc, high.hi_inc),
                  unit=record.get("unit"), granularity=record.get("granularity"))
    figures = [str(c.record.get("converted_figure") or c.record.get("figure")) for c in (shown_low, shown_high)]
    return value.to_json(), f"{figures[0]}–{figures[1]}"


def _narrowed(top: Candidate, shown: Claimed) -> tuple[dict[str, Any], str] | None:
    """The candidate's value when its claims together allow less than the tightest of them
    (`up to €133.9m`, `more than €130m` and `around €134m` allow (130, 133.9] million, not
    the 120.6–147.4 million of "around"), as a value record and a figure; else None."""
    if top.key is not None or len(top.claims) < 2 or not top.hi - top.lo < shown.width:
        return None
    record = shown.record.get("converted") or shown.record.get("value") or {}
    try:
        kind = ValueKind(str(record.get("kind")))
    except ValueError:
        return None
    lower = None if math.isinf(top.lo) else top.lo
    upper = None if math.isinf(top.hi) else top.hi
    value = Value(kind, Interval(lower, upper, top.lo_inc and lower is not None, top.hi_inc and upper is not None),
                  unit=record.get("unit"), granularity=record.get("granularity"))
    if kind is ValueKind.DATE and (lower is None or upper is None):
        return None  # an open date is said by the claim that gives it
    written = [c for c in top.claims if "converted" not in c.record and math.isfinite(c.width)
               and _overlap(top.lo, top.hi, top.lo_inc, top.hi_inc, (c.lo + c.hi) / 2, (c.lo + c.hi) / 2, True, True)
               and not any(mark in str(c.record.get("figure", "")) for mark in "–≥≤<>")]
    if written:  # a figure a source wrote inside it: `20,000 ha` beside `nearly 50,000 acres`
        return value.to_json(), str(min(written, key=lambda c: (c.width, c.index)).record["figure"])
    shown_value = rounded(value) if "converted" in shown.record else value
    return value.to_json(), figure(shown_value)


def _why_left_out(var: Variable, ranking: Ranking, i: int, c: Claimed) -> str:
    if c.seed == 0.0:
        return "a likely error (the rules' exact search)"
    top = var.candidates[ranking.order[0]]
    own = var.candidates[var.own[i]]
    if ranking.tie == "later" and top.score - own.score < TIE:
        latest = next(x.published for x in top.claims if all(_surely_after(x.published, d.published) for d in own.claims))
        return (f"as trusted as the reconciled value, which was published later ({latest} against "
                f"{c.published}): a later report on the same moment is taken as the revision")
    if ranking.tie == "tie" and var.own[i] in ranking.tied:
        return "as trusted as the other tied values: trust cannot choose between them"
    if ranking.tie == "near" and top.score - own.score < TIE:
        unit_of = _unit_index(var)
        voices = len({unit_of[j] for k in ranking.top for j in var.candidates[k].members})
        return (f"as trusted as each of the near-identical figures of the reconciled value, which "
                f"together have more independent claims ({voices} against {_units_in(var, var.own[i], unit_of)})")
    return (f"excluded by the reconciled value, which has more trusted support "
            f"({top.score:.2f} against {own.score:.2f})")
