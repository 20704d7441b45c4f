"""Compare factcheck with published truth-discovery methods (TruthFinder, Sums, ...) on the same data.

    /tmp/tdvenv/bin/python bench/truth_discovery.py                    # this repository's claims.yaml
    /tmp/tdvenv/bin/python bench/truth_discovery.py other.yaml
    /tmp/tdvenv/bin/python bench/truth_discovery.py --synthetic 200    # known ground truth, seed 7
    /tmp/tdvenv/bin/python bench/truth_discovery.py --synthetic 200 --seed 1,2,3,7
    /tmp/tdvenv/bin/python bench/truth_discovery.py --grouping components

`truthdiscovery` (PyPI, Joe Singleton's implementation of TruthFinder, Sums, AverageLog,
Investment, PooledInvestment, CRH and majority voting) is a BENCH-ONLY dependency: it is never
imported by factcheck, and this script imports it lazily, with a clear message if it is missing.
Its wheel pins ~30 exact versions, pycairo among them (which needs the cairo C headers to build),
although the algorithms only need numpy, scipy and bidict. What works:

    python3 -m venv /tmp/tdvenv
    /tmp/tdvenv/bin/pip install --no-deps truthdiscovery==1.0.4
    /tmp/tdvenv/bin/pip install numpy==1.24.2 scipy==1.10.1 bidict==0.22.1
    /tmp/tdvenv/bin/pip install -e .

`import truthdiscovery` also imports its drawing code (cairo, imageio); when those are not
installed this script puts empty stand-in modules in their place (drawing is never used here).
docs/truth-discovery.md has the method, the results and what they mean.

What it does:

1. Reads the claims file with factcheck itself (`check_file` + `to_dict`, the JSON of
   `factcheck report --format json`), so the figures are read exactly as factcheck reads them.
   Only claims with status `judged` are used (converted amounts in the subject's currency).
2. Truth discovery needs discrete values: each subject (for `flow` subjects with a period: each
   subject and period) is one *variable*, and its claims' intervals are grouped into candidate
   values. `--grouping clique` (default) takes, again and again, the point covered by the most
   remaining intervals, and makes the claims that contain it one candidate (intervals that
   pairwise overlap share a point, so each group is a clique of mutually compatible claims);
   `--grouping components` makes each connected component of the overlap graph one candidate
   (a chain a~b~c becomes one value even when a and c exclude each other). Categories group
   by their canonical key. A source votes once per variable (the package allows one claim per
   source and variable): for the candidate holding most of its claims, the earliest on a tie.
3. Runs each algorithm and prints each source's trust and each variable's winning value; on a
   real file, next to factcheck's verdict. TruthFinder is also run with its implication between
   values (Dataset(implication_function=...)), with similarity exp(-d/0.1) - 0.5 where d is the
   relative distance between the candidates' midpoints (for dates: years apart).
4. factcheck's side of the comparison is factcheck's own output, not re-implemented here:
   - the value per variable is the subject's `reconciliation` in the report: `agreed` for
     consistent subjects; for conflicting ones `rest_agree`, what the claims agree on once the
     `likely_error` is removed; factcheck *abstains* when several smallest sets of claims
     explain the conflict (one source against another: `alternatives`) or none was found;
     for evolving subjects the `series` (for a variable that is one period or year of a subject:
     the series point holding its claims). Abstentions are counted apart, never as right.
   - the score per source is `corroboration_rate` from `factcheck.sources.track_record.track_records`
     (what `factcheck sources --format json` prints): corroborated / judged claims, where claims
     that are near-identical quotes of each other (`copies`) do not corroborate each other.
5. `--synthetic N`: writes a claims.yaml with N constant subjects and a known true value each,
   7 sources with known error rates, one of which (`copier`) repeats another's (`sloppy-a`)
   claims with near-identical quotes, while independent sources word their quotes differently;
   loads it with factcheck, and measures each method's accuracy (the winning value contains the
   true value) and the Spearman correlation of its source scores with each source's real
   accuracy. factcheck is also run on the same file without the copier's claims, and with its
   copy test switched off, to show what the copies do. Its likely-error search is checked
   against an exhaustive one computed here (every set of up to three claims, copies as one
   unit), which is also run with copies counted apart (as factcheck did before). Deterministic
   (seeded); a few seconds per seed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import math
import random
import re
import statistics
import sys
import tempfile
import types
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from factcheck.api import check_file
from factcheck.report.records import to_dict
from factcheck.report import records as report_records
from factcheck.sources.track_record import track_records

ROOT = Path(__file__).resolve().parent.parent
INF = math.inf


# ---------------------------------------------------------------------------------------------
# truthdiscovery, imported lazily


def import_truthdiscovery() -> types.ModuleType:
    """Import the bench-only `truthdiscovery` package, with stand-ins for its drawing libraries."""
    for name in ("cairo", "imageio", "imageio.v2"):
        try:
            __import__(name)
        except ImportError:  # truthdiscovery/__init__ imports its graphs module, which needs these
            sys.modules[name] = types.ModuleType(name)
    if not hasattr(sys.modules["imageio"], "v2"):
        sys.modules["imageio"].v2 = sys.modules["imageio.v2"]  # type: ignore[attr-defined]
    try:
        import truthdiscovery
    except ImportError as exc:
        sys.exit(
            f"bench/truth_discovery.py needs the bench-only package 'truthdiscovery' ({exc}).\n"
            "Install it in a separate venv (see this script's docstring):\n"
            "  python3 -m venv /tmp/tdvenv && /tmp/tdvenv/bin/pip install --no-deps truthdiscovery==1.0.4 \\\n"
            "    && /tmp/tdvenv/bin/pip install numpy scipy bidict && /tmp/tdvenv/bin/pip install -e .")
    return truthdiscovery


# ---------------------------------------------------------------------------------------------
# intervals as factcheck's JSON gives them


@dataclasses.dataclass(frozen=True)
class Iv:
    lo: float  # -inf for an open bound
    lo_inc: bool
    hi: float  # +inf
    hi_inc: bool

    def contains(self, p: float) -> bool:
        return (p > self.lo or (p == self.lo and self.lo_inc)) and (p < self.hi or (p == self.hi and self.hi_inc))

    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_inc and self.hi_inc))

    def meet(self, other: Iv) -> Iv:
        if self.lo != other.lo:
            lo, lo_inc = (self.lo, self.lo_inc) if self.lo > other.lo else (other.lo, other.lo_inc)
        else:
            lo, lo_inc = self.lo, self.lo_inc and other.lo_inc
        if self.hi != other.hi:
            hi, hi_inc = (self.hi, self.hi_inc) if self.hi < other.hi else (other.hi, other.hi_inc)
        else:
            hi, hi_inc = self.hi, self.hi_inc and other.hi_inc
        return Iv(lo, lo_inc, hi, hi_inc)

    def overlaps(self, other: Iv) -> bool:
        return not self.meet(other).empty()

    def midpoint(self) -> float:
        if math.isfinite(self.lo) and math.isfinite(self.hi):
            return (self.lo + self.hi) / 2
        return self.lo if math.isfinite(self.lo) else self.hi


def interval_of(value: dict[str, Any]) -> Iv:
    lo, hi = value.get("lower"), value.get("upper")
    return Iv(-INF if lo is None else float(lo), bool(value.get("lower_inclusive")) and lo is not None,
              INF if hi is None else float(hi), bool(value.get("upper_inclusive")) and hi is not None)


def fmt_number(x: float, kind: str, unit: str | None) -> str:
    if kind == "date":
        return (dt.date(1970, 1, 1) + dt.timedelta(days=int(x))).isoformat()
    for scale, suffix in ((1e9, " bn"), (1e6, " mn")):
        if abs(x) >= scale:
            text = f"{x / scale:.4g}{suffix}"
            break
    else:
        text = f"{x:.4g}"
    if unit == "USD":
        return "$" + text
    return text + (f" {unit}" if unit and unit not in ("day",) and kind != "amount" else "")


def fmt_iv(iv: Iv, kind: str, unit: str | None) -> str:
    if iv.lo == iv.hi:
        return fmt_number(iv.lo, kind, unit)
    lo = "(-inf" if not math.isfinite(iv.lo) else ("[" if iv.lo_inc else "(") + fmt_number(iv.lo, kind, unit)
    hi = "+inf)" if not math.isfinite(iv.hi) else fmt_number(iv.hi, kind, unit) + ("]" if iv.hi_inc else ")")
    return f"{lo}, {hi}"


# ---------------------------------------------------------------------------------------------
# claims -> candidate values


@dataclasses.dataclass(frozen=True)
class Claim:
    index: int
    source: str
    says: str
    time: str
    kind: str
    unit: str | None
    iv: Iv | None  # None for categories
    category: str | None


@dataclasses.dataclass(frozen=True)
class Candidate:
    """One discrete value of a variable: a group of mutually overlapping claims."""
    var: str
    key: int
    label: str
    kind: str
    iv: Iv | None
    members: tuple[int, ...]  # claim indexes

    def __str__(self) -> str:
        return self.label


@dataclasses.dataclass
class Variable:
    var: str
    subject: dict[str, Any]
    claims: list[Claim]
    candidates: list[Candidate]
    votes: dict[str, Candidate]          # source -> the one candidate it votes for
    dropped: list[tuple[str, Claim]]     # (source, claim) not counted: the source also said something else

    def candidate_of(self, index: int) -> Candidate:
        return next(c for c in self.candidates if index in c.members)


def judged_claims(subject: dict[str, Any]) -> list[Claim]:
    out = []
    for c in subject["claims"]:
        if c.get("status") != "judged" or not c.get("value"):
            continue
        value = c.get("converted") or c["value"]
        kind = value.get("kind") or c["value"]["kind"]
        if kind == "category":
            out.append(Claim(c["index"], c["source"], c["says"], c["time"], kind, None, None, value.get("category")))
        else:
            out.append(Claim(c["index"], c["source"], c["says"], c["time"], kind, value.get("unit"),
                             interval_of(value), None))
    return out


def probes(ivs: Iterable[Iv]) -> list[float]:
    ends = sorted({x for iv in ivs for x in (iv.lo, iv.hi) if math.isfinite(x)})
    if not ends:
        return [0.0]
    points = [ends[0] - 1.0, *ends, ends[-1] + 1.0]
    points += [(a + b) / 2 for a, b in zip(ends, ends[1:])]
    return sorted(points)


def group_intervals(claims: list[Claim], mode: str) -> list[list[Claim]]:
    if mode == "components":
        parent = list(range(len(claims)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        for i, a in enumerate(claims):
            for j in range(i + 1, len(claims)):
                if a.iv.overlaps(claims[j].iv):  # type: ignore[union-attr]
                    parent[find(i)] = find(j)
        comps: dict[int, list[Claim]] = defaultdict(list)
        for i, c in enumerate(claims):
            comps[find(i)].append(c)
        return sorted(comps.values(), key=lambda g: min(c.index for c in g))
    groups = []
    rest = list(claims)
    while rest:  # greedy clique cover: the point inside the most remaining intervals
        best = max(probes(c.iv for c in rest), key=lambda p: sum(c.iv.contains(p) for c in rest))  # type: ignore[union-attr]
        group = [c for c in rest if c.iv.contains(best)]  # type: ignore[union-attr]
        groups.append(group)
        rest = [c for c in rest if c not in group]
    return groups


def variables_of(records: dict[str, Any], mode: str, time_split: bool = False) -> list[Variable]:
    """One variable per subject (flow: per subject and period; with time_split, level and
    cumulative subjects: per subject and year of the claim's time)."""
    out = []
    for subject in records["subjects"]:
        claims = judged_claims(subject)
        by_var: dict[str, list[Claim]] = defaultdict(list)
        raw = {c["index"]: c for c in subject["claims"]}
        for c in claims:
            period = raw[c.index].get("period") if subject["kind"] == "flow" else None
            if time_split and subject["kind"] in ("level", "cumulative"):
                period = c.time[:4]
            by_var[f"{subject['id']}@{period}" if period else subject["id"]].append(c)
        for var, vclaims in by_var.items():
            if vclaims[0].kind == "category":
                cats: dict[str, list[Claim]] = defaultdict(list)
                for c in vclaims:
                    cats[c.category or "?"].append(c)
                groups = list(cats.values())
            else:
                groups = group_intervals(vclaims, mode)
            candidates = []
            for k, g in enumerate(groups):
                kind, unit = g[0].kind, g[0].unit
                if kind == "category":
                    iv, label = None, g[0].category or "?"
                else:
                    iv = g[0].iv
                    for c in g[1:]:
                        iv = iv.meet(c.iv)  # type: ignore[union-attr,arg-type]
                    label = fmt_iv(iv, kind, unit)  # type: ignore[arg-type]
                    if iv.empty():  # type: ignore[union-attr]  (components: no common point)
                        label = "~" + fmt_iv(Iv(min(c.iv.lo for c in g), True, max(c.iv.hi for c in g), True),  # type: ignore[union-attr]
                                             kind, unit)
                candidates.append(Candidate(var, k, label, kind, iv, tuple(sorted(c.index for c in g))))
            votes: dict[str, Candidate] = {}
            dropped: list[tuple[str, Claim]] = []
            by_source: dict[str, list[Claim]] = defaultdict(list)
            for c in vclaims:
                by_source[c.source].append(c)
            for source, sclaims in by_source.items():
                count = Counter(next(k for k in candidates if c.index in k.members) for c in sclaims)
                first = {k: min(c.index for c in sclaims if c.index in k.members) for k in count}
                pick = min(count, key=lambda k: (-count[k], first[k]))
                votes[source] = pick
                dropped += [(source, c) for c in sclaims if c.index not in pick.members]
            out.append(Variable(var, subject, vclaims, candidates, votes, dropped))
    return out


# ---------------------------------------------------------------------------------------------
# running the algorithms


def implication(_var: Any, a: Candidate, b: Candidate) -> float | None:
    """TruthFinder's imp(a -> b): similarity - 0.5, in [-0.5, 0.5]; None for categories."""
    if a.iv is None or b.iv is None:
        return None
    x, y = a.iv.midpoint(), b.iv.midpoint()
    if a.kind == "date":
        d = abs(x - y) / 365.25
    else:
        d = abs(x - y) / max(abs(x), abs(y), 1e-12)
    return math.exp(-d / 0.1) - 0.5


def algorithms(td: types.ModuleType) -> dict[str, Callable[[], Any]]:
    """Each algorithm with the package's defaults (TruthFinder: rho 0.5, gamma 0.3, trust 0.9, stops
    when the cosine distance between successive trust vectors is < 0.001; Sums, AverageLog,
    Investment, CRH: 20 iterations; PooledInvestment: 10), and TruthFinder for exactly 20 iterations."""
    return {
        "Majority": td.MajorityVoting,
        "TruthFinder": td.TruthFinder,
        "TruthFinder-20it": lambda: td.TruthFinder(iterator=td.FixedIterator(20)),
        "TruthFinder+imp": td.TruthFinder,  # same algorithm, dataset with implications
        "Sums": td.Sums,
        "AverageLog": td.AverageLog,
        "Investment": td.Investment,
        "PooledInv": td.PooledInvestment,
        "CRH": td.CRH,
    }


def run_all(td: types.ModuleType, variables: list[Variable], exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    triples = [(s, v.var, cand) for v in variables for s, cand in sorted(v.votes.items()) if s not in exclude]
    plain = td.Dataset(triples)
    with_imp = td.Dataset(triples, implication_function=implication)
    results = {}
    for name, cls in algorithms(td).items():
        try:
            results[name] = cls().run(with_imp if name.endswith("+imp") else plain)
        except Exception as exc:  # noqa: BLE001 - report and go on: one algorithm failing is a result too
            results[name] = exc
    return results


def winners(result: Any, var: str) -> list[Candidate]:
    if isinstance(result, Exception) or var not in result.belief:
        return []
    return list(result.get_most_believed_values(var))


# ---------------------------------------------------------------------------------------------
# factcheck's side of the comparison


@dataclasses.dataclass(frozen=True)
class FcPick:
    """factcheck's value for one variable, as its report's `reconciliation` gives it."""
    status: str            # agreed | likely error | series | abstains | not found
    iv: Iv | None          # None for categories, and when factcheck gives no value
    category: str | None
    label: str
    kept: tuple[int, ...]  # the variable's claims the value rests on
    alternatives: int = 0  # abstains: how many smallest sets of claims explain the conflict

    @property
    def decided(self) -> bool:
        return self.iv is not None or self.category is not None

    def correct(self, true_value: float) -> bool:
        return self.iv is not None and self.iv.contains(true_value)


def value_of(value: dict[str, Any]) -> tuple[Iv | None, str | None]:
    if value.get("kind") == "category":
        return None, value.get("category")
    return interval_of(value), None


def common_of(claims: list[Claim]) -> tuple[Iv | None, str | None, str]:
    """The value all these claims allow (computed here: for one period or year of a subject)."""
    if not claims:
        return None, None, "-"
    if claims[0].iv is None:
        cats = {c.category for c in claims}
        return (None, cats.pop(), "") if len(cats) == 1 else (None, None, "no common value")
    iv = claims[0].iv
    for c in claims[1:]:
        iv = iv.meet(c.iv)  # type: ignore[arg-type]
    if iv.empty():
        return None, None, "no common value"
    return iv, None, fmt_iv(iv, claims[0].kind, claims[0].unit)


def factcheck_pick(v: Variable) -> FcPick:
    rec = v.subject.get("reconciliation") or {}
    mine = {c.index for c in v.claims}
    whole = v.var == v.subject["id"]
    if "likely_error" in rec:  # a conflicting subject
        wrong = set(rec["likely_error"])
        if wrong:
            kept = [c for c in v.claims if c.index not in wrong]
            if whole and rec.get("rest_agree"):
                iv, cat = value_of(rec["rest_agree"]["value"])
                label = rec["rest_agree"]["figure"]
            else:
                iv, cat, label = common_of(kept)
                label = label or (cat or "")
            return FcPick("likely error", iv, cat, label, tuple(c.index for c in kept))
        n = len(rec.get("alternatives") or [])
        if n:
            return FcPick("abstains", None, None, f"{n} alternatives", (), n)
        return FcPick("not found", None, None, "no small set of claims explains the conflict", ())
    if rec.get("agreed"):
        iv, cat = value_of(rec["agreed"]["value"])
        return FcPick("agreed", iv, cat, rec["agreed"]["figure"], tuple(sorted(mine)))
    points = [p for p in rec.get("series") or [] if mine & set(p["claims"])]
    if len(points) == 1:
        iv, cat = value_of(points[0]["value"])
        return FcPick("agreed", iv, cat, points[0]["figure"], tuple(sorted(mine)))
    if points:  # the value changed over time: factcheck gives the series; its latest value is scored
        iv, cat = value_of(points[-1]["value"])
        label = " -> ".join(f"{p['time']}: {p['figure']}" for p in points)
        return FcPick("series", iv, cat, label, tuple(i for i in points[-1]["claims"] if i in mine))
    return FcPick("not found", None, None, "no reconciliation", ())


def copy_units(v: Variable, copied: set[frozenset[int]]) -> list[tuple[Claim, ...]]:
    """The variable's claims as independent units: probable copies (`copies` in
    `factcheck sources --format json`) grouped, as factcheck's likely-error search counts them."""
    parent = {c.index: c.index for c in v.claims}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i
    for a in v.claims:
        for b in v.claims:
            if a.index < b.index and frozenset((a.index, b.index)) in copied:
                ra, rb = root(a.index), root(b.index)
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for c in v.claims:
        groups[root(c.index)].append(c)
    return [tuple(g) for g in groups.values()]


def full_search(v: Variable, units: list[tuple[Claim, ...]] | None = None) -> FcPick:
    """For a constant subject with amounts: the smallest sets of up to three units (claims, or
    groups of copies when `units` is given) whose removal leaves claims that all overlap, tried
    exhaustively (computed here, not by factcheck). Used to check factcheck's likely-error search,
    and to show how many of its "no small set of claims explains the conflict" answers have one."""
    from itertools import combinations

    if v.subject["kind"] != "constant" or any(c.iv is None for c in v.claims):
        return FcPick("not found", None, None, "not searched", ())
    units = units if units is not None else [(c,) for c in v.claims]
    for size in range(1, min(3, len(units) - 1) + 1):
        found = []
        for chosen in combinations(units, size):
            gone = {c.index for u in chosen for c in u}
            rest = [c for c in v.claims if c.index not in gone]
            iv, _cat, label = common_of(rest)
            if iv is not None:
                found.append((iv, label, tuple(c.index for c in rest)))
        if len(found) == 1:
            return FcPick("likely error", found[0][0], None, found[0][1], found[0][2])
        if found:
            return FcPick("abstains", None, None, f"{len(found)} alternatives", (), len(found))
    return FcPick("not found", None, None, "more than three claims", ())


def same_pick(a: FcPick, b: FcPick) -> bool:
    """The same outcome of a likely-error search: the same claims kept, or as many alternatives."""
    if a.status != b.status:
        return False
    if a.status == "likely error":
        return set(a.kept) == set(b.kept)
    return a.alternatives == b.alternatives


def track_record_json(report: Any, copy_test: bool = True) -> dict[str, Any]:
    """What `factcheck sources --format json` prints, from the library. copy_test=False: the same
    with no claim pair taken as a copy (this bench's counterfactual, not a factcheck option)."""
    if copy_test:
        return track_records(report)
    saved = report_records.copy_pairs
    report_records.copy_pairs = lambda _claims: []
    try:
        return track_records(report)
    finally:
        report_records.copy_pairs = saved


def rates(sources_json: dict[str, Any]) -> dict[str, float]:
    """corroboration_rate per source (sources without a judged claim left out)."""
    return {r["id"]: r["corroboration_rate"] for r in sources_json["sources"] if r["corroboration_rate"] is not None}


# ---------------------------------------------------------------------------------------------
# statistics


def ranks(xs: list[float]) -> list[float]:
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    var = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return cov / var if var else float("nan")


# ---------------------------------------------------------------------------------------------
# real file


def run_real(path: Path, mode: str, time_split: bool = False) -> None:
    td = import_truthdiscovery()
    report = check_file(path)
    records = to_dict(report)
    sources_json = track_record_json(report)
    variables = variables_of(records, mode, time_split)
    results = run_all(td, variables)
    sources = sorted({s for v in variables for s in v.votes})
    contested = [v for v in variables if len(v.candidates) > 1]
    multi = [v for v in variables if len(v.votes) > 1]
    n_claims = sum(len(v.claims) for v in variables)
    print(f"file: {path}   grouping: {mode}" + ("   level/cumulative split by year" if time_split else ""))
    print(f"{len(sources)} sources, {len(variables)} variables from {len(records['subjects'])} subjects, "
          f"{n_claims} judged claims -> {sum(len(v.votes) for v in variables)} votes; "
          f"{len(multi)} variables with >1 source, {len(contested)} with >1 candidate value")
    for v in variables:
        for s, c in v.dropped:
            print(f"  not counted (one vote per source and variable): {v.var}: {s} “{c.says}”")
    print()
    print("Source trust (each algorithm's own scale; Majority gives every source 1); factcheck: "
          "corroboration_rate = corroborated / judged claims (`factcheck sources`):")
    names = list(results)
    track = {r["id"]: r for r in sources_json["sources"]}
    print("  " + "source".ljust(32) + "".join(n[:12].rjust(13) for n in names) + "   factcheck (corr/contr/alone)")
    for s in sources:
        cells = []
        for n in names:
            r = results[n]
            cells.append(("error" if isinstance(r, Exception) else f"{r.trust[s]:.3f}").rjust(13))
        t = track[s]
        rate = "-" if t["corroboration_rate"] is None else f"{t['corroboration_rate']:.3f}"
        print("  " + s.ljust(32) + "".join(cells)
              + f"   {rate} ({t['corroborated']}/{t['contradicted']}/{t['uncorroborated']})")
    for n, r in results.items():
        if isinstance(r, Exception):
            print(f"  {n} failed: {type(r).__name__}: {r}")
    print("  iterations: " + ", ".join(f"{n} {r.iterations}" for n, r in results.items()
                                       if not isinstance(r, Exception) and r.iterations is not None))
    copies = sources_json["copies"]
    print("  factcheck copies (near-identical quotes): "
          + ("; ".join(f"{'/'.join(c['sources'])} on {', '.join(c['subjects'])} ({c['similarity']})" for c in copies)
             if copies else "none"))
    print()
    print("Variables with more than one candidate value (winner per algorithm; 'tie' when several):")
    for v in contested:
        print(f"  {v.var}  [{v.subject['kind']}; factcheck: {v.subject['verdict']}]")
        for k in v.candidates:
            voters = sorted(s for s, c in v.votes.items() if c == k)
            print(f"    candidate {k.key}: {k.label}  claims {list(k.members)}  votes: {', '.join(voters) or '-'}")
        by_winner: dict[str, list[str]] = defaultdict(list)
        for n, r in results.items():
            w = winners(r, v.var)
            by_winner["tie " + "/".join(str(c.key) for c in w) if len(w) > 1 else
                      (str(w[0].key) if w else "n/a")].append(n)
        print("    winners: " + "; ".join(f"{k}: {', '.join(ns)}" for k, ns in sorted(by_winner.items())))
        print("    factcheck: " + describe_pick(v, factcheck_pick(v)))
    print()
    others = [v for v in variables if len(v.candidates) == 1 and factcheck_pick(v).status != "agreed"]
    for v in others:
        print(f"  {v.var}  [{v.subject['kind']}; factcheck: {v.subject['verdict']}]: one candidate value, "
              f"{v.candidates[0].label}; factcheck: {describe_pick(v, factcheck_pick(v))}")
    agree = [v for v in variables if len(v.candidates) == 1 and v not in others]
    print(f"{len(agree)} variables have one candidate value, which is also factcheck's agreed value: "
          + ", ".join(f"{v.var}({len(v.votes)})" for v in agree))


def describe_pick(v: Variable, pick: FcPick) -> str:
    rec = v.subject.get("reconciliation") or {}
    if pick.status == "abstains":
        return f"abstains: {pick.alternatives} alternatives {rec.get('alternatives')}"
    if pick.status == "not found":
        return f"no value ({pick.label})"
    cands = sorted({v.candidate_of(i).key for i in pick.kept})
    text = f"{pick.status}: {pick.label}"
    if pick.status == "likely error":
        text += f" (likely error: claims {rec.get('likely_error')})"
    return text + f"  = candidate {'/'.join(map(str, cands)) or '-'}"


# ---------------------------------------------------------------------------------------------
# synthetic data with a known truth

SOURCES = [  # id, error rate, copies
    ("reliable-a", 0.05, None),
    ("reliable-b", 0.05, None),
    ("fair-a", 0.15, None),
    ("fair-b", 0.20, None),
    ("sloppy-a", 0.30, None),
    ("sloppy-b", 0.40, None),
    ("copier", None, "sloppy-a"),  # repeats sloppy-a's claims with near-identical quotes
]
COPIER = "copier"
COVERAGE = 0.6      # chance that an independent source speaks to a subject
COPY_RATE = 0.9     # chance that the copier repeats one of sloppy-a's claims
WRONG = ((0.6, 0.5), (1.4, 0.3), (1.9, 0.2))  # wrong value = factor * truth, with these weights

# Each independent source words its sentences its own way (two patterns each), so two sources
# giving the same figure are never near-identical quotes (rapidfuzz similarity at most ~71 after
# factcheck's normalisation; its copy threshold is 90).
TEMPLATES = {
    "reliable-a": ("Officials put the total for Project {j} at {says}, the ministry said on Tuesday.",
                   "According to the ministry, Project {j} has received {says} so far."),
    "reliable-b": ("The agency's annual report lists {says} for Project {j}.",
                   "Project {j} accounted for {says}, figures published by the agency show."),
    "fair-a": ("In an interview, the minister said Project {j} was worth {says}.",
               "Project {j}, worth {says}, was discussed at length during the forum."),
    "fair-b": ("Analysts estimate that Project {j} has drawn {says} in total.",
               "Project {j} has now drawn {says}, analysts at the bank wrote."),
    "sloppy-a": ("Sources close to the deal told us that Project {j} is valued at {says}.",
                 "Project {j} is said to be valued at {says} by people familiar with it."),
    "sloppy-b": ("A blog post claims that Project {j} came to {says}.",
                 "Project {j} reportedly came to {says}, a blogger claims."),
}


def copied_quote(quote: str, rng: random.Random) -> str:
    """The copier's version of a quote: the same sentence, lightly edited (similarity 92-100)."""
    r = rng.random()
    if r < 0.4:
        return quote
    if r < 0.6:
        return quote.rstrip(".")
    if r < 0.8:
        return quote.replace(" valued ", " priced ")
    return "Reportedly, " + quote[0].lower() + quote[1:]


def fmt_bn(x: float) -> str:
    return f"{x:g}"


@dataclasses.dataclass(frozen=True)
class SynClaim:
    subject: str
    source: str
    says: str
    quote: str


def synthetic_claims(n: int, seed: int) -> tuple[list[SynClaim], dict[str, float]]:
    """n constant subjects and their claims; returns (claims, {subject: true value in USD})."""
    rng = random.Random(seed)
    truth: dict[str, float] = {}
    claims: list[SynClaim] = []
    independent = [sid for sid, _e, copy in SOURCES if copy is None]
    for j in range(n):
        x = rng.randint(20, 990) / 10
        truth[f"subj-{j}"] = x * 1e9
        said: dict[str, tuple[str, str]] = {}
        speakers = [sid for sid in independent if rng.random() < COVERAGE]
        if not speakers:
            speakers = [rng.choice(independent)]
        for sid, err, _copy in SOURCES:
            if sid not in speakers:
                continue
            if rng.random() >= err:  # a true statement, hedged in one of four ways
                r = rng.random()
                if r < 0.4:
                    says = f"about ${fmt_bn(x)} billion"
                elif r < 0.8:
                    says = f"${fmt_bn(x)} billion"
                elif r < 0.9:
                    says = f"over ${fmt_bn(round(x * 0.8, 1))} billion"
                else:
                    says = f"nearly ${fmt_bn(round(x * 1.05, 1))} billion"
            else:  # wrong values cluster on a few plausible mistakes, so wrong sources can agree
                factor = rng.choices([f for f, _w in WRONG], [w for _f, w in WRONG])[0]
                w = round(x * factor, 1)
                says = f"about ${fmt_bn(w)} billion" if rng.random() < 0.5 else f"${fmt_bn(w)} billion"
            said[sid] = (says, rng.choice(TEMPLATES[sid]).format(j=j, says=says))
        for sid, _err, copy in SOURCES:
            if copy and copy in said and rng.random() < COPY_RATE:
                says, quote = said[copy]
                said[sid] = (says, copied_quote(quote, rng))
        claims += [SynClaim(f"subj-{j}", sid, says, quote) for sid, (says, quote) in said.items()]
    return claims, truth


def synthetic_yaml(n: int, claims: list[SynClaim], drop: frozenset[str] = frozenset()) -> str:
    lines = ["version: 1", "sources:"]
    for i, (sid, _err, _copy) in enumerate(SOURCES):
        lines += [f"  - id: {sid}", f"    title: Synthetic source {sid}",
                  f"    published: {dt.date(2024, 1, 10 + i).isoformat()}", "    language: en"]
    lines.append("subjects:")
    for j in range(n):
        lines += [f"  - id: subj-{j}", f"    title: Synthetic amount {j}", "    kind: constant", "    unit: USD"]
    lines.append("claims:")
    for c in claims:
        if c.source not in drop:
            lines += [f"  - subject: {c.subject}", f"    source: {c.source}", f'    says: "{c.says}"',
                      f'    quote: "{c.quote}"']
    return "\n".join(lines) + "\n"


def load_report(text: str, name: str) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return check_file(path)


def correct(cand: Candidate, true_value: float) -> bool:
    return cand.iv is not None and cand.iv.contains(true_value)


def accuracy(pick: Callable[[Variable], list[Candidate]], variables: list[Variable], truth: dict[str, float]) -> float:
    """Share of variables whose winner contains the true value; a k-way tie counts 1/k if one is right."""
    total = 0.0
    for v in variables:
        w = pick(v)
        if w:
            total += sum(correct(c, truth[v.var]) for c in w) / len(w)
    return total / len(variables) if variables else float("nan")


def fc_accuracy(picks: dict[str, FcPick], variables: list[Variable], truth: dict[str, float]) -> tuple[float, float]:
    """(accuracy over the variables factcheck decides, accuracy with its abstentions counted wrong)."""
    decided = [v for v in variables if picks[v.var].decided]
    right = sum(picks[v.var].correct(truth[v.var]) for v in decided)
    return (right / len(decided) if decided else float("nan"),
            right / len(variables) if variables else float("nan"))


def rank_of(scores: dict[str, float], s: str = "sloppy-a") -> str:
    return f"{1 + sum(scores[o] > scores[s] for o in scores if o != s)}/{len(scores)}"


ROUND = re.compile(r"(about )?\$[1-9]0+ billion")  # one significant digit: the precision rule reads it widely
COLUMNS = ("acc(all)", "acc(>1)", "acc(fc)", "acc(abst)", "noCopier", "rho")


def run_synthetic(n: int, seeds: list[int], mode: str, coverage: float = COVERAGE) -> None:
    global COVERAGE
    COVERAGE = coverage
    td = import_truthdiscovery()
    summary: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    fc_summary: dict[str, list[float]] = defaultdict(list)
    ceilings: list[float] = []
    one_vs_one_right: dict[str, float] = defaultdict(float)  # pooled over seeds
    one_vs_one_n = 0
    fc_wrong_right: dict[str, float] = defaultdict(float)  # pooled over seeds
    fc_wrong_n = 0
    print(f"synthetic: {n} constant subjects, grouping: {mode}, seeds {seeds}")
    print("sources: " + ", ".join(f"{s} (error {e:.0%})" if e is not None else f"{s} (copies {c})"
                                  for s, e, c in SOURCES)
          + f"; coverage {COVERAGE:.0%}, copier repeats {COPY_RATE:.0%}")
    print("columns: acc(all) over all subjects (factcheck: abstentions counted wrong); acc(>1) over subjects with "
          ">1 candidate value; acc(fc) over the subjects factcheck decides; acc(abst) over those it abstains on; noCopier: acc(all) with the copier's "
          "claims left out; rho: Spearman of source scores with real accuracy (factcheck: corroboration_rate)")
    for seed in seeds:
        claims, truth = synthetic_claims(n, seed)
        report = load_report(synthetic_yaml(n, claims), f"synthetic-{n}-{seed}.yaml")
        report_nc = load_report(synthetic_yaml(n, claims, frozenset({COPIER})), f"synthetic-{n}-{seed}-nocopier.yaml")
        records, records_nc = to_dict(report), to_dict(report_nc)
        sources_json, sources_nc = track_record_json(report), track_record_json(report_nc)
        sources_cc = track_record_json(report, copy_test=False)
        variables = variables_of(records, mode)
        variables_nc = variables_of(records_nc, mode)
        contested = [v for v in variables if len(v.candidates) > 1]
        picks = {v.var: factcheck_pick(v) for v in variables}
        picks_nc = {v.var: factcheck_pick(v) for v in variables_nc}
        # probable copies count as one unit in factcheck's likely-error search, and here
        copied = {frozenset(p) for c in sources_json["copies"] for p in c["claims"]}
        copied_nc = {frozenset(p) for c in sources_nc["copies"] for p in c["claims"]}
        units = {v.var: copy_units(v, copied) for v in variables}
        # the same with the bench's exhaustive search where factcheck found no small set
        full = {v.var: full_search(v, units[v.var]) if picks[v.var].status == "not found" else picks[v.var]
                for v in variables}
        full_nc = {v.var: full_search(v, copy_units(v, copied_nc)) if picks_nc[v.var].status == "not found"
                   else picks_nc[v.var] for v in variables_nc}
        # factcheck's search against the exhaustive one on every conflicting subject: copies as one
        # unit (what factcheck does), and copies counted apart (what it did before)
        searched = [v for v in variables if picks[v.var].status in ("likely error", "abstains", "not found")]
        search_same = sum(same_pick(picks[v.var], full_search(v, units[v.var])) for v in searched)
        blind_differ = sum(not same_pick(full_search(v, units[v.var]), full_search(v)) for v in searched)
        # counterfactual: the exhaustive search with copies counted apart, as factcheck did before
        apart = {v.var: full_search(v) if v in searched else picks[v.var] for v in variables}
        decided = [v for v in variables if picks[v.var].decided]
        abstained = [v for v in variables if not picks[v.var].decided]
        # one claim against one: two independent units (a claim and its copies are one unit)
        one_one = [v for v in abstained if picks[v.var].status == "abstains" and len(units[v.var]) == 2]
        one_vs_one_n += len(one_one)
        wrong = [v for v in decided if not picks[v.var].correct(truth[v.var])]
        fc_wrong_n += len(wrong)
        # each source's real reliability: share of its claims whose interval contains the truth
        hits: dict[str, list[bool]] = defaultdict(list)
        for v in variables:
            for c in v.claims:
                hits[c.source].append(c.iv is not None and c.iv.contains(truth[v.var]))
        real = {s: sum(h) / len(h) for s, h in hits.items()}
        srcs = sorted(real)
        verdicts = Counter(s["verdict"] for s in records["subjects"])
        wrong_any = {v.var for v in variables if any(not c.iv.contains(truth[v.var]) for c in v.claims)}  # type: ignore[union-attr]
        flagged = {s["id"] for s in records["subjects"] if s["verdict"] == "conflicting"}
        print()
        print(f"seed {seed}: {sum(len(v.claims) for v in variables)} claims; factcheck verdicts {dict(sorted(verdicts.items()))}; "
              f"{len(contested)} subjects with >1 candidate value; {len(wrong_any)} subjects with at least one wrong claim")
        caught = len(wrong_any & flagged)
        clean_consistent = [s for s in records["subjects"] if s["verdict"] == "consistent"]
        print(f"  factcheck verdicts vs truth: {caught}/{len(wrong_any)} subjects with a wrong claim are 'conflicting'; "
              f"{sum(s['id'] not in wrong_any for s in clean_consistent)}/{len(clean_consistent)} 'consistent' subjects have no wrong claim")
        # copy detection against what the generator did
        src_of = {c["index"]: c["source"] for s in records["subjects"] for c in s["claims"]}
        found_pairs = Counter(tuple(c["sources"]) for c in sources_json["copies"] for _ in c["claims"])
        true_copies = sum(1 for c in claims if c.source == COPIER)
        found_true = sum(1 for c in sources_json["copies"] for i, k in c["claims"]
                         if {src_of[i], src_of[k]} == {COPIER, "sloppy-a"})
        print(f"  copies: the generator made {true_copies} (copier from sloppy-a); factcheck found {found_true} of them; "
              f"claim pairs by source pair: {dict(found_pairs) or 'none'}")
        print("  real reliability: " + ", ".join(f"{s} {real[s]:.2f}" for s in srcs))
        results = run_all(td, variables)
        no_copier = run_all(td, variables, exclude=frozenset({COPIER}))
        reachable = sum(any(correct(k, truth[v.var]) for k in v.candidates) for v in variables)
        ceilings.append(reachable / len(variables))
        print(f"  ceiling: {reachable}/{len(variables)} subjects have a candidate value that contains the truth "
              f"(acc(all) <= {reachable / len(variables):.3f})")
        print("  " + "method".ljust(17) + "".join(c.rjust(10) for c in COLUMNS)
              + "   score: " + " ".join(s[:10].rjust(10) for s in srcs) + "   sloppy-a rank with/without copier")
        for name, r in results.items():
            if isinstance(r, Exception):
                print(f"  {name.ljust(17)} failed: {type(r).__name__}: {r}")
                continue
            pick = lambda v, r=r: winners(r, v.var)  # noqa: E731
            r2 = no_copier[name]
            one_vs_one_right[name] += accuracy(pick, one_one, truth) * len(one_one) if one_one else 0.0
            fc_wrong_right[name] += accuracy(pick, wrong, truth) * len(wrong) if wrong else 0.0
            row = (accuracy(pick, variables, truth), accuracy(pick, contested, truth), accuracy(pick, decided, truth),
                   accuracy(pick, abstained, truth),
                   float("nan") if isinstance(r2, Exception) else accuracy(lambda v: winners(r2, v.var), variables, truth),
                   float("nan") if name == "Majority" else spearman([r.trust[s] for s in srcs], [real[s] for s in srcs]))
            summary[name].append(row)
            rank_note = "" if name == "Majority" or isinstance(r2, Exception) else f"   {rank_of(r.trust)} -> {rank_of(r2.trust)}"
            print(f"  {name.ljust(17)}" + "".join(f"{x:10.3f}" for x in row)
                  + "   score: " + " ".join(f"{r.trust[s]:10.3f}" for s in srcs) + rank_note)
        # factcheck: reconciliation for the value, corroboration_rate for the source
        acc_dec, acc_all = fc_accuracy(picks, variables, truth)
        _acc_c_dec, acc_c = fc_accuracy(picks, contested, truth)
        _nc_dec, acc_nc = fc_accuracy(picks_nc, variables_nc, truth)
        f_dec, f_all = fc_accuracy(full, variables, truth)
        _f, f_c = fc_accuracy(full, contested, truth)
        _f, f_nc = fc_accuracy(full_nc, variables_nc, truth)
        _f, f_abst = fc_accuracy(full, abstained, truth)
        a_dec, a_all = fc_accuracy(apart, variables, truth)
        _a, a_c = fc_accuracy(apart, contested, truth)
        for label, sj, nc, accs in (("factcheck", sources_json, sources_nc, (acc_all, acc_c, acc_dec, float("nan"), acc_nc)),
                                    ("fc copies count", sources_cc, None, (float("nan"),) * 5),
                                    ("fc full search", None, None, (f_all, f_c, f_dec, f_abst, f_nc)),
                                    ("fc copies apart", None, None, (a_all, a_c, a_dec, float("nan"), float("nan")))):
            if sj is None:
                summary[label].append((*accs, float("nan")))
                print(f"  {label.ljust(17)}" + "".join(f"{x:10.3f}" if x == x else "         -" for x in accs)
                      + "         -")
                continue
            score = rates(sj)
            rho = spearman([score[s] for s in srcs], [real[s] for s in srcs]) if set(srcs) <= set(score) else float("nan")
            row = (*accs, rho)
            summary[label].append(row)
            rank_note = f"   {rank_of(score)} -> {rank_of(rates(nc))}" if nc is not None else f"   {rank_of(score)}"
            print(f"  {label.ljust(17)}" + "".join(f"{x:10.3f}" if x == x else "         -" for x in row)
                  + "   score: " + " ".join(f"{score.get(s, float('nan')):10.3f}" for s in srcs) + rank_note)
        status = Counter(p.status for p in picks.values())
        abstain = [v for v in variables if not picks[v.var].decided]
        one_vs_one = len(one_one)
        ties = sum(picks[v.var].status == "abstains" for v in abstain) - one_vs_one
        not_found = [v for v in abstain if picks[v.var].status == "not found"]
        missed = Counter(full[v.var].status for v in not_found)
        # why factcheck's value is wrong: one source (or copies of one) speaks; all claims agree on a
        # wrong value; the claims kept once the likely error is out are all wrong; other
        why = Counter("one source" if len(units[v.var]) == 1 else "all agree" if picks[v.var].status == "agreed"
                      else "kept all wrong" if all(not c.iv.contains(truth[v.var])  # type: ignore[union-attr]
                                                   for c in v.claims if c.index in picks[v.var].kept)
                      else "other" for v in wrong)
        via_copy = sum(any(src_of[i] == COPIER for i in picks[v.var].kept) for v in wrong)
        # a round figure ("$10 billion": one significant digit, read as $5-15 bn) agreeing with others
        round_fig = sum(any(ROUND.fullmatch(c.says) for c in v.claims if c.index in picks[v.var].kept)
                        and len({c.says for c in v.claims if c.index in picks[v.var].kept}) > 1 for v in wrong)
        abstain_nc = sum(not p.decided for p in picks_nc.values())
        changed_nc = sum((picks[v.var].status, picks[v.var].label) != (picks_nc[v.var].status, picks_nc[v.var].label)
                         for v in variables if v.var in picks_nc)
        for key, value in (("decides", len(decided)), ("abstains", len(abstain)), ("abstains: 1-vs-1", one_vs_one),
                           ("abstains: tied groups", ties), ("abstains: not found", len(not_found)),
                           ("not found but a unique smallest set exists", missed["likely error"]),
                           ("abstains without the copier", abstain_nc),
                           ("values that change without the copier", changed_nc), ("wrong picks", len(wrong)),
                           ("wrong picks: one source (or copies of one)", why["one source"]),
                           ("wrong picks: all claims agree", why["all agree"]),
                           ("wrong picks: the claims kept are all wrong", why["kept all wrong"]),
                           ("wrong picks: other", why["other"]),
                           ("wrong picks resting on the copier's claim", via_copy),
                           ("wrong picks where a round figure agrees with other figures", round_fig),
                           ("conflicting subjects", len(searched)),
                           ("likely-error search = exhaustive search (copies as one)", search_same),
                           ("exhaustive search: copies apart differ from copies as one", blind_differ)):
            fc_summary[key].append(value)
        print(f"  factcheck value per subject: {dict(sorted(status.items()))}: decides {len(decided)}, abstains on "
              f"{len(abstain)}: {one_vs_one} one claim against one (copies as one), {ties} tied groups, {len(not_found)} 'no small set "
              f"explains the conflict' (an exhaustive search finds a unique smallest set of <= 3 claims for "
              f"{missed['likely error']} of these, ties for {missed['abstains']})")
        print(f"  factcheck: acc where it decides {acc_dec:.3f}, abstentions as wrong {acc_all:.3f}; {len(wrong)} wrong "
              f"picks, {via_copy} resting on the copier's claim, {round_fig} where a round figure ('$10 billion', "
              f"read as $5-15 bn) agrees with other figures; without the copier: abstains on {abstain_nc}, "
              f"acc(all) {acc_nc:.3f}, {changed_nc} values change")
        print(f"  likely-error search: on {search_same} of the {len(searched)} conflicting subjects factcheck's result is "
              f"the exhaustive search's (sets of <= 3 claims, copies as one); counting copies apart would change "
              f"{blind_differ} of them")
        print("  fc copies count: corroboration_rate with no quote taken as a copy (the copy test off); fc full search: "
              "factcheck's reconciliation with the exhaustive search above where factcheck found no small set; "
              "fc copies apart: the exhaustive search on every conflicting subject with copies counted as "
              "independent claims (the likely-error search before copies counted as one)")
    if len(seeds) > 1:
        print()
        print(f"median [min, max] over seeds {seeds} (ceiling for acc(all): median "
              f"{statistics.median(ceilings):.3f}; rho: Spearman over only 7 sources):")
        print("  " + "method".ljust(17) + "".join(c.rjust(21) for c in COLUMNS))
        for name, vals in summary.items():
            cells = []
            for i in range(len(COLUMNS)):
                xs = [x[i] for x in vals if x[i] == x[i]]
                cells.append(f"{statistics.median(xs):.3f} [{min(xs):.2f},{max(xs):.2f}]".rjust(21) if xs else "-".rjust(21))
            print(f"  {name.ljust(17)}" + "".join(cells))
        print(f"  on the {one_vs_one_n} subjects (all seeds) where factcheck abstains because one claim stands against "
              "one (copies as one): "
              "" + (", ".join(f"{k} {v / one_vs_one_n:.3f}" for k, v in one_vs_one_right.items())
                         if one_vs_one_n else "none"))
        print(f"  on the {fc_wrong_n} subjects (all seeds) where factcheck's value is wrong: "
              + (", ".join(f"{k} {v / fc_wrong_n:.3f}" for k, v in fc_wrong_right.items()) if fc_wrong_n else "none"))
        print("  factcheck, per seed (median):")
        for k, vals in fc_summary.items():
            print(f"    {k}: {vals} ({statistics.median(vals):g})")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("claims", nargs="?", default=str(ROOT / "claims.yaml"), help="claims file (default: the repository's)")
    ap.add_argument("--synthetic", type=int, metavar="N", help="generate N constant subjects with a known truth instead")
    ap.add_argument("--seed", default="7", help="seed, or seeds separated by commas, or a range 1-20 (synthetic mode; default 7)")
    ap.add_argument("--coverage", type=float, default=COVERAGE,
                    help=f"synthetic: chance that an independent source speaks to a subject (default {COVERAGE})")
    ap.add_argument("--time-split", action="store_true",
                    help="real file: one variable per year for level and cumulative subjects")
    ap.add_argument("--grouping", choices=("clique", "components"), default="clique",
                    help="how overlapping intervals become candidate values (default: clique)")
    args = ap.parse_args(argv)
    if args.synthetic:
        seeds: list[int] = []
        for part in args.seed.split(","):
            lo, _, hi = part.partition("-")
            seeds += list(range(int(lo), int(hi) + 1)) if hi else [int(lo)]
        run_synthetic(args.synthetic, seeds, args.grouping, args.coverage)
    else:
        run_real(Path(args.claims), args.grouping, args.time_split)


if __name__ == "__main__":
    main()
