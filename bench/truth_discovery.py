"""Compare factcheck with published truth-discovery methods (TruthFinder, Sums, ...) on the same data.

    /tmp/tdvenv/bin/python bench/truth_discovery.py                    # this repository's claims.yaml
    /tmp/tdvenv/bin/python bench/truth_discovery.py other.yaml
    /tmp/tdvenv/bin/python bench/truth_discovery.py --synthetic 200    # known ground truth, seed 7
    /tmp/tdvenv/bin/python bench/truth_discovery.py --synthetic 200 --seed 1,2,3
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
4. `--synthetic N`: writes a claims.yaml with N constant subjects and a known true value each,
   7 sources with known error rates (one copies another's claims word for word), loads it with
   factcheck, and measures each algorithm's accuracy (winning candidate contains the true value)
   and the Spearman correlation of its trust scores with each source's real accuracy.

`factcheck_side()` is the factcheck column of the comparison. It is a PLACEHOLDER (TODO): it uses
the report's per-subject `likely_error` claim indexes and `factcheck sources --format json`
(`sources`, `copies`) when those exist, and otherwise a majority of independent sources over the
same groups, with a naive word-for-word copy test. Deterministic: fixed seeds, no clock; runs in
a few seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import random
import subprocess
import sys
import tempfile
import types
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from factcheck.api import check_file
from factcheck.report import to_dict

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


def load_sources_json(path: Path) -> dict[str, Any] | None:
    """`factcheck sources --format json PATH`, or None while that command does not exist."""
    try:
        proc = subprocess.run([sys.executable, "-m", "factcheck", "sources", "--format", "json", str(path)],
                              capture_output=True, text=True, timeout=120, check=False)
        data = json.loads(proc.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return data if isinstance(data, dict) and "sources" in data else None


def copy_pairs(copies: list[Any]) -> list[tuple[str, str]]:
    """(copy, original) pairs from the `copies` list, whichever of these shapes it takes."""
    out = []
    for c in copies:
        if isinstance(c, dict):
            copy = c.get("copy") or c.get("copier") or c.get("source")
            orig = c.get("original") or c.get("copied_from") or c.get("of")
            if not (copy and orig) and isinstance(c.get("sources"), list) and len(c["sources"]) == 2:
                orig, copy = c["sources"]
            if copy and orig:
                out.append((str(copy), str(orig)))
        elif isinstance(c, (list, tuple)) and len(c) == 2:
            out.append((str(c[1]), str(c[0])))
    return out


def naive_copies(variables: list[Variable], min_shared: int = 3) -> list[tuple[str, str]]:
    """PLACEHOLDER copy test: two sources with the same `says` on >= 90% (and >= 3) of shared variables.

    The later one (by its claims' times) is taken as the copy.
    """
    says: dict[str, dict[str, str]] = defaultdict(dict)
    times: dict[str, list[str]] = defaultdict(list)
    for v in variables:
        for c in v.claims:
            says[c.source].setdefault(v.var, c.says)
            times[c.source].append(c.time)
    out = []
    names = sorted(says)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            shared = set(says[a]) & set(says[b])
            same = sum(says[a][x] == says[b][x] for x in shared)
            if len(shared) >= min_shared and same >= 0.9 * len(shared):
                later = max((a, b), key=lambda s: (sorted(times[s])[len(times[s]) // 2], s))
                out.append((later, b if later == a else a))
    return out


def factcheck_side(records: dict[str, Any], variables: list[Variable],
                   sources_json: dict[str, Any] | None = None, detect_copies: bool = True) -> dict[str, Any]:
    """factcheck's answer on the same groups: a winner per variable (or None) and a score per source.

    TODO(factcheck sources): this is a PLACEHOLDER until `factcheck sources --format json` and the
    report's per-subject `likely_error` exist. When they do, the few lines marked USE below take
    over: winners from the claims not marked `likely_error`, source scores from
    corroborated / (corroborated + contradicted), copies from `copies`. Until then: majority of
    independent sources (copies found by `naive_copies` folded into their original), no winner on
    a tie, and a Laplace-smoothed share of corroborated votes.
    """
    used_real = {"likely_error": False, "sources": False, "copies": False}
    copies: list[tuple[str, str]] = []
    if sources_json and isinstance(sources_json.get("copies"), list):  # USE: copies
        copies, used_real["copies"] = copy_pairs(sources_json["copies"]), True
    elif detect_copies:
        copies = naive_copies(variables)
    copy_of = dict(copies)

    def independent(sources: Iterable[str]) -> set[str]:
        return {copy_of.get(s, s) for s in sources}

    subjects = {s["id"]: s for s in records["subjects"]}
    winner: dict[str, Candidate | None] = {}
    for v in variables:
        errors = subjects[v.subject["id"]].get("likely_error")
        if isinstance(errors, list):  # USE: likely_error (claim indexes)
            used_real["likely_error"] = True
            kept = Counter(v.candidate_of(c.index) for c in v.claims if c.index not in set(errors))
            top = kept.most_common(2)
            winner[v.var] = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
            continue
        support = {k: independent(s for s, cand in v.votes.items() if cand == k) for k in v.candidates}
        ranked = sorted(v.candidates, key=lambda k: -len(support[k]))
        tie = len(ranked) > 1 and len(support[ranked[0]]) == len(support[ranked[1]])
        winner[v.var] = None if tie else ranked[0]

    score: dict[str, float | None] = {}
    rows = sources_json.get("sources") if sources_json else None
    if isinstance(rows, list) and all(isinstance(r, dict) and "id" in r for r in rows):  # USE: sources
        used_real["sources"] = True
        for r in rows:
            corr, contr = r.get("corroborated", 0) or 0, r.get("contradicted", 0) or 0
            score[r["id"]] = corr / (corr + contr) if corr + contr else None
    else:
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for v in variables:
            w = winner.get(v.var)
            if w is None or len(independent(v.votes)) < 2:
                continue
            for s, cand in v.votes.items():
                tally[s][0 if cand == w else 1] += 1
        for s in sorted({s for v in variables for s in v.votes}):
            corr, contr = tally[s]
            score[s] = (corr + 1) / (corr + contr + 2)
    return {"winner": winner, "score": score, "copies": copies, "used_real": used_real}


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


def short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run_real(path: Path, mode: str, time_split: bool = False) -> None:
    td = import_truthdiscovery()
    records = to_dict(check_file(path))
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
    print("Source trust (each algorithm's own scale; Majority gives every source 1):")
    names = list(results)
    print("  " + "source".ljust(32) + "".join(n[:12].rjust(13) for n in names))
    for s in sources:
        cells = []
        for n in names:
            r = results[n]
            cells.append(("error" if isinstance(r, Exception) else f"{r.trust[s]:.3f}").rjust(13))
        print("  " + s.ljust(32) + "".join(cells))
    for n, r in results.items():
        if isinstance(r, Exception):
            print(f"  {n} failed: {type(r).__name__}: {r}")
    print("  iterations: " + ", ".join(f"{n} {r.iterations}" for n, r in results.items()
                                       if not isinstance(r, Exception) and r.iterations is not None))
    print()
    fc = factcheck_side(records, variables, load_sources_json(path))
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
        fw = fc["winner"].get(v.var)
        print(f"    factcheck placeholder (majority of independent sources): {fw.key if fw else 'none (tie)'}")
    print()
    agree = [v for v in variables if len(v.candidates) == 1]
    print(f"{len(agree)} variables have one candidate value, so every algorithm picks it: "
          + ", ".join(f"{v.var}({len(v.votes)})" for v in agree))
    print()
    print("factcheck side (PLACEHOLDER until `factcheck sources`): source score (corroborated+1)/(all+2):")
    print("  " + ", ".join(f"{s} {fc['score'][s]:.2f}" for s in sources if fc["score"].get(s) is not None))
    print(f"  copies found: {fc['copies'] or 'none'}; real keys used: {fc['used_real']}")


# ---------------------------------------------------------------------------------------------
# synthetic data with a known truth

SOURCES = [  # id, error rate, copies
    ("reliable-a", 0.05, None),
    ("reliable-b", 0.05, None),
    ("fair-a", 0.15, None),
    ("fair-b", 0.20, None),
    ("sloppy-a", 0.30, None),
    ("sloppy-b", 0.40, None),
    ("copier", None, "sloppy-a"),  # copies sloppy-a word for word
]
COVERAGE = 0.6      # chance that an independent source speaks to a subject
COPY_RATE = 0.9     # chance that the copier repeats one of sloppy-a's claims
WRONG = ((0.6, 0.5), (1.4, 0.3), (1.9, 0.2))  # wrong value = factor * truth, with these weights


def fmt_bn(x: float) -> str:
    return f"{x:g}"


def synthetic_yaml(n: int, seed: int) -> tuple[str, dict[str, float]]:
    """A claims.yaml with n constant subjects; returns (text, {subject: true value in USD})."""
    rng = random.Random(seed)
    lines = ["version: 1", "sources:"]
    for i, (sid, _err, _copy) in enumerate(SOURCES):
        lines += [f"  - id: {sid}", f"    title: Synthetic source {sid}",
                  f"    published: {dt.date(2024, 1, 10 + i).isoformat()}", "    language: en"]
    lines.append("subjects:")
    truth: dict[str, float] = {}
    for j in range(n):
        lines += [f"  - id: subj-{j}", f"    title: Synthetic amount {j}", "    kind: constant", "    unit: USD"]
    lines.append("claims:")
    for j in range(n):
        x = rng.randint(20, 990) / 10
        truth[f"subj-{j}"] = x * 1e9
        said: dict[str, str] = {}
        speakers = [sid for sid, err, copy in SOURCES if copy is None and rng.random() < COVERAGE]
        if not speakers:
            speakers = [rng.choice([sid for sid, _e, copy in SOURCES if copy is None])]
        for sid, err, _copy in SOURCES:
            if sid not in speakers:
                continue
            if rng.random() >= err:  # a true statement, hedged in one of four ways
                r = rng.random()
                if r < 0.4:
                    said[sid] = f"about ${fmt_bn(x)} billion"
                elif r < 0.8:
                    said[sid] = f"${fmt_bn(x)} billion"
                elif r < 0.9:
                    said[sid] = f"over ${fmt_bn(round(x * 0.8, 1))} billion"
                else:
                    said[sid] = f"nearly ${fmt_bn(round(x * 1.05, 1))} billion"
            else:  # wrong values cluster on a few plausible mistakes, so wrong sources can agree
                factor = rng.choices([f for f, _w in WRONG], [w for _f, w in WRONG])[0]
                w = round(x * factor, 1)
                said[sid] = f"about ${fmt_bn(w)} billion" if rng.random() < 0.5 else f"${fmt_bn(w)} billion"
        for sid, _err, copy in SOURCES:
            if copy and copy in said and rng.random() < COPY_RATE:
                said[sid] = said[copy]
        for sid, says in said.items():
            lines += [f"  - subject: subj-{j}", f"    source: {sid}", f'    says: "{says}"',
                      f'    quote: "The figure for subject {j} is {says}."']
    return "\n".join(lines) + "\n", truth


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


def run_synthetic(n: int, seeds: list[int], mode: str, coverage: float = COVERAGE) -> None:
    global COVERAGE
    COVERAGE = coverage
    td = import_truthdiscovery()
    summary: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    ceilings: list[float] = []
    print(f"synthetic: {n} constant subjects, grouping: {mode}, seeds {seeds}")
    print("sources: " + ", ".join(f"{s} (error {e:.0%})" if e is not None else f"{s} (copies {c})"
                                  for s, e, c in SOURCES)
          + f"; coverage {COVERAGE:.0%}, copier repeats {COPY_RATE:.0%}")
    for seed in seeds:
        text, truth = synthetic_yaml(n, seed)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"synthetic-{n}-{seed}.yaml"
            path.write_text(text, encoding="utf-8")
            records = to_dict(check_file(path))
            sources_json = load_sources_json(path)
        variables = variables_of(records, mode)
        contested = [v for v in variables if len(v.candidates) > 1]
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
        print("  real reliability: " + ", ".join(f"{s} {real[s]:.2f}" for s in srcs))
        results = run_all(td, variables)
        no_copier = run_all(td, variables, exclude=frozenset({s for s, _e, c in SOURCES if c}))
        fc = factcheck_side(records, variables, sources_json)
        fc_nocopy = factcheck_side(records, variables, sources_json, detect_copies=False)
        reachable = sum(any(correct(k, truth[v.var]) for k in v.candidates) for v in variables)
        ceilings.append(reachable / len(variables))
        print(f"  ceiling: {reachable}/{len(variables)} subjects have a candidate value that contains the truth "
              f"(acc(all) <= {reachable / len(variables):.3f})")
        print("  " + "algorithm".ljust(17) + "acc(all)".rjust(9) + "acc(>1)".rjust(9) + "rho".rjust(7)
              + "   trust: " + " ".join(s[:10].rjust(10) for s in srcs)
              + "   sloppy-a rank with/without copier")
        rows: list[tuple[str, Any, Callable[[Variable], list[Candidate]], dict[str, float] | None, Any]] = []
        for name, r in results.items():
            rows.append((name, r, lambda v, r=r: winners(r, v.var), None if isinstance(r, Exception) else r.trust,
                         no_copier[name]))
        for label, side in (("factcheck(TODO)", fc), ("fc(TODO,nocopy)", fc_nocopy)):
            scores = {s: x for s, x in side["score"].items() if x is not None}
            rows.append((label, None, lambda v, side=side: [side["winner"][v.var]] if side["winner"].get(v.var) else [],
                         scores if len(scores) == len(srcs) else None, None))
        for name, r, pick, trust, r2 in rows:
            if isinstance(r, Exception):
                print(f"  {name.ljust(17)} failed: {type(r).__name__}: {r}")
                continue
            acc_all, acc_c = accuracy(pick, variables, truth), accuracy(pick, contested, truth)
            rho = spearman([trust[s] for s in srcs], [real[s] for s in srcs]) if trust and name != "Majority" else float("nan")
            summary[name].append((acc_all, acc_c, rho))
            cells = " ".join(f"{trust[s]:10.3f}" for s in srcs) if trust else " " * (11 * len(srcs) - 1)
            rank_note = ""
            if trust and r2 is not None and not isinstance(r2, Exception) and name != "Majority":
                def rank_of(t: dict[str, float], s: str = "sloppy-a") -> int:
                    return 1 + sum(t[o] > t[s] for o in t if o != s)
                rank_note = f"   {rank_of(trust)}/{len(trust)} -> {rank_of(r2.trust)}/{len(r2.trust)}"
            print(f"  {name.ljust(17)}{acc_all:9.3f}{acc_c:9.3f}{rho:7.2f}   trust: {cells}{rank_note}")
        abstain = sum(fc["winner"].get(v.var) is None for v in variables)
        print(f"  factcheck(TODO) is the placeholder (fc(TODO,nocopy): without its copy test); it abstains on ties "
              f"({abstain} subjects, counted wrong); copies found {fc['copies']}; real keys used: {fc['used_real']}")
    if len(seeds) > 1:
        print()
        print(f"mean over seeds {seeds} (ceiling for acc(all): {sum(ceilings) / len(ceilings):.3f}; "
              "rho: Spearman over only 7 sources, so +-0.3 is noise):")
        print("  " + "algorithm".ljust(17) + "acc(all)".rjust(9) + "acc(>1)".rjust(9) + "rho".rjust(7))
        for name, vals in summary.items():
            m = [sum(x[i] for x in vals) / len(vals) for i in range(3)]
            print(f"  {name.ljust(17)}{m[0]:9.3f}{m[1]:9.3f}{m[2]:7.2f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("claims", nargs="?", default=str(ROOT / "claims.yaml"), help="claims file (default: the repository's)")
    ap.add_argument("--synthetic", type=int, metavar="N", help="generate N constant subjects with a known truth instead")
    ap.add_argument("--seed", default="7", help="seed, or seeds separated by commas (synthetic mode; default 7)")
    ap.add_argument("--coverage", type=float, default=COVERAGE,
                    help=f"synthetic: chance that an independent source speaks to a subject (default {COVERAGE})")
    ap.add_argument("--time-split", action="store_true",
                    help="real file: one variable per year for level and cumulative subjects")
    ap.add_argument("--grouping", choices=("clique", "components"), default="clique",
                    help="how overlapping intervals become candidate values (default: clique)")
    args = ap.parse_args(argv)
    if args.synthetic:
        run_synthetic(args.synthetic, [int(s) for s in args.seed.split(",")], args.grouping, args.coverage)
    else:
        run_real(Path(args.claims), args.grouping, args.time_split)


if __name__ == "__main__":
    main()
