"""Reconciled values and source trust on real data with a gold standard, against truth discovery.

    python bench/trust_real.py DATASETS_DIR                   # population, flights, books
    python bench/trust_real.py DATASETS_DIR --only books --markdown
    python bench/trust_real.py DATASETS_DIR --json out.json

DATASETS_DIR is the folder of ../shared/datasets/truth-discovery (its README.md describes the
files); when it or a data set's file is absent, the script says so and exits 0. Nothing here is
copied into the project.

Per data set (flights: times and gates apart, and together), on every gold item with at least
one claim the normalisers of bench/real_data.py read:

- **accuracy** of the value each method gives, against the gold (populations within 1%,
  flight times within 10 minutes, gates the same code, books the same set of author surnames).
  Every method must answer every item: an abstention or a declared tie is counted as wrong.
  factcheck: the `reconciled` value of `factcheck report --format json` (the point of the gold
  year for population-level). The baselines run on this script's own normalised values (one
  vote per source per item): majority vote, median (numbers and times), TruthFinder (Yin, Han &
  Yu, KDD 2007; t0 = 0.9, γ = 0.3, no implication), Investment and PooledInvestment (Pasternack
  & Roth, COLING 2010; G(x) = x^1.2 and x^1.4, trust 1 to start, 10 rounds) and CRH (Li et al.,
  SIGMOD 2014, 0-1 loss: weight −log(loss share)). Ties within a baseline go to the value seen
  first in the file, as a baseline has no way to say it is a tie.
- **source-trust correlation**: Spearman's ρ between each method's score per source and the
  source's measured accuracy (its claims on gold items that are right), over the sources with
  at least `MIN_GOLD_CLAIMS` claims on gold items.

For books the subjects are declared lists of names: the script adds `"unit": "list of names"` to each
subject line of the decompressed copy it hands to factcheck (what a desk writes in its
claims.yaml for an author list; docs/truth-discovery.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.util
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from truth_discovery import ranks  # noqa: E402 - the bench folder's own module, as bench/run.py does

HERE = Path(__file__).resolve().parent
MIN_GOLD_CLAIMS = 1


def _load_real_data() -> Any:
    spec = importlib.util.spec_from_file_location("bench_real_data", HERE / "real_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


rd = _load_real_data()

Vote = tuple[str, Hashable]  # (source, normalised value)


# ---------------------------------------------------------------------------------------------
# Baselines: each maps {item: [(source, value)]} to ({item: value}, {source: score})


def majority(items: dict[str, list[Vote]]) -> tuple[dict[str, Hashable], dict[str, float]]:
    out = {k: rd.majority([v for _, v in votes]) for k, votes in items.items()}
    return out, _agreement_rate(items, out)


def median(items: dict[str, list[Vote]]) -> tuple[dict[str, Hashable], dict[str, float]]:
    out = {k: statistics.median_low([v for _, v in votes]) for k, votes in items.items()}  # type: ignore[type-var]
    return out, _agreement_rate(items, out)


def _agreement_rate(items: dict[str, list[Vote]], out: dict[str, Hashable]) -> dict[str, float]:
    right: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for k, votes in items.items():
        for s, v in votes:
            n[s] += 1
            right[s] += v == out[k]
    return {s: right[s] / n[s] for s in n}


def _values(votes: list[Vote]) -> list[Hashable]:
    return list(dict.fromkeys(v for _, v in votes))


def truthfinder(items: dict[str, list[Vote]], rounds: int = 10, gamma: float = 0.3,
                t0: float = 0.9) -> tuple[dict[str, Hashable], dict[str, float]]:
    sources = {s for votes in items.values() for s, _ in votes}
    trust = dict.fromkeys(sources, t0)
    conf: dict[tuple[str, Hashable], float] = {}
    for _ in range(rounds):
        conf = {}
        for k, votes in items.items():
            for v in _values(votes):
                sigma = sum(-math.log(1 - min(trust[s], 0.9999)) for s, x in votes if x == v)
                conf[(k, v)] = 1 / (1 + math.exp(-gamma * sigma))
        total: Counter[str] = Counter()
        n: Counter[str] = Counter()
        for k, votes in items.items():
            for s, v in votes:
                total[s] += conf[(k, v)]  # type: ignore[assignment]
                n[s] += 1
        trust = {s: total[s] / n[s] for s in sources}
    out = {k: max(_values(votes), key=lambda v: conf[(k, v)]) for k, votes in items.items()}
    return out, trust


def investment(items: dict[str, list[Vote]], pooled: bool = False, rounds: int | None = None) -> tuple[dict[str, Hashable], dict[str, float]]:
    """Pasternack & Roth's Investment / PooledInvestment, as the `truthdiscovery` package runs
    them: beliefs start voted (Investment) or uniform (Pooled); trust and beliefs are scaled to
    a maximum of 1 after each of 20 (Pooled: 10) rounds."""
    g = 1.4 if pooled else 1.2
    rounds = rounds or (10 if pooled else 20)
    n_claims: Counter[str] = Counter(s for votes in items.values() for s, _ in votes)
    trust = dict.fromkeys(n_claims, 1.0)
    belief: dict[tuple[str, Hashable], float] = {}
    for k, votes in items.items():
        counts = Counter(v for _, v in votes)
        for v, c in counts.items():
            belief[(k, v)] = 1 / len(counts) if pooled else c / len(votes)
    for _ in range(rounds):
        invest: dict[tuple[str, Hashable], float] = defaultdict(float)
        for k, votes in items.items():
            for s, v in votes:
                invest[(k, v)] += trust[s] / n_claims[s]
        if min(invest.values()) == 0:
            break  # the package's EarlyFinishError: some claim has lost all investment
        new: Counter[str] = Counter()
        for k, votes in items.items():
            for s, v in votes:
                new[s] += (trust[s] / n_claims[s]) * belief[(k, v)] / invest[(k, v)]  # type: ignore[assignment]
        returns: dict[tuple[str, Hashable], float] = defaultdict(float)
        for k, votes in items.items():
            for s, v in votes:
                returns[(k, v)] += new[s] / n_claims[s]
        if pooled:
            pool: dict[str, float] = defaultdict(float)
            for (k, v), h in returns.items():
                pool[k] += h ** g
            belief = {(k, v): h * h ** g / pool[k] for (k, v), h in returns.items()}
        else:
            belief = {key: h ** g for key, h in returns.items()}
        top_t, top_b = max(new.values()) or 1.0, max(belief.values()) or 1.0
        trust = {s: new[s] / top_t for s in n_claims}
        belief = {key: b / top_b for key, b in belief.items()}
    out = {k: max(_values(votes), key=lambda v: belief[(k, v)]) for k, votes in items.items()}
    return out, trust


def crh(items: dict[str, list[Vote]], rounds: int = 10) -> tuple[dict[str, Hashable], dict[str, float]]:
    sources = {s for votes in items.values() for s, _ in votes}
    weight = dict.fromkeys(sources, 1.0)
    out: dict[str, Hashable] = {}
    for _ in range(rounds):
        for k, votes in items.items():
            score: Counter[Hashable] = Counter()
            for s, v in votes:
                score[v] += weight[s]  # type: ignore[assignment]
            out[k] = max(_values(votes), key=lambda v: score[v])
        loss: Counter[str] = Counter()
        for k, votes in items.items():
            for s, v in votes:
                loss[s] += v != out[k]
        total = sum(loss.values()) + len(sources)
        weight = {s: -math.log((loss[s] + 1) / total) for s in sources}  # +1: no source has no loss
    return out, weight


BASELINES: dict[str, Callable[[dict[str, list[Vote]]], tuple[dict[str, Hashable], dict[str, float]]]] = {
    "majority vote": majority,
    "median": median,
    "TruthFinder": truthfinder,
    "Investment": investment,
    "PooledInvestment": lambda items: investment(items, pooled=True),
    "CRH": crh,
}


# ---------------------------------------------------------------------------------------------
# Statistics


def spearman(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 3:
        return None
    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    vy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return None if vx == 0 or vy == 0 else cov / (vx * vy)


# ---------------------------------------------------------------------------------------------
# factcheck


def run_factcheck(claims: Path, tmp: Path, names: bool, jobs: int) -> tuple[dict[str, Any] | None, float, str]:
    plain = tmp / claims.name.removesuffix(".gz")
    with gzip.open(claims, "rt", encoding="utf-8") as src, open(plain, "w", encoding="utf-8") as dst:
        for line in src:
            if names and line.startswith('{"subject": {'):
                o = json.loads(line)
                o["subject"]["unit"] = "list of names"
                line = json.dumps(o, ensure_ascii=False) + "\n"
            dst.write(line)
    out = tmp / "report.json"
    exe = shutil.which("factcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "factcheck"]
    cmd += ["report", "--no-config", "--format", "json", "-j", str(jobs), "-o", str(out), str(plain)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp, check=False)
    seconds = time.perf_counter() - start
    if not out.exists():
        return None, seconds, f"factcheck exited {proc.returncode}: {proc.stderr.strip()[-2000:]}"
    records = json.loads(out.read_text(encoding="utf-8"))
    return records, seconds, ""


def fc_point(subject: dict[str, Any], year: str | None) -> dict[str, Any] | None:
    rec = subject.get("reconciliation") or {}
    points = rec.get("reconciled") or []
    if not points:
        return None
    if year is None:
        return points[0] if len(points) == 1 else None
    year_of = {c.get("index"): rd._claim_year(c) for c in subject.get("claims", [])}
    for p in points:
        if any(year_of.get(i) == year for i in p.get("claims", [])) or any(
                year_of.get(x.get("claim")) == year for x in p.get("left_out", [])):
            return p  # type: ignore[no-any-return]
    for p in points:
        if str(p.get("time", "")).startswith(year):
            return p  # type: ignore[no-any-return]
    return None


# ---------------------------------------------------------------------------------------------
# One data set


def measure(ds: Any, folder: Path, jobs: int) -> dict[str, Any] | None:
    claims = folder / ds.claims
    if not claims.exists():
        print(f"{ds.name}: {claims} is absent, skipped.")
        return None
    gold = rd.read_gold(folder, ds.gold) or {}
    raw = rd.read_raw(claims)
    with tempfile.TemporaryDirectory(prefix="factcheck-trust-") as tmp:
        records, seconds, error = run_factcheck(claims, Path(tmp), ds.kind == "books", jobs)
    subjects = {s["id"]: s for s in (records or {}).get("subjects", [])}
    fc_trust = {sid: t["trust"] for sid, t in ((records or {}).get("trust") or {}).get("sources", {}).items()}

    # the normalised votes, per item (subject, or subject@year), one per source
    votes: dict[str, dict[str, list[Vote]]] = defaultdict(lambda: defaultdict(list))
    seen: set[tuple[str, str]] = set()
    for c in raw:
        group = rd.attribute_group(c.subject, ds.kind)
        got = rd.normaliser(ds.kind, group)(c.says)
        if got is None or got == rd.NON_ANSWER:
            continue
        key = f"{c.subject}@{(c.as_of or '')[:4]}" if ds.level else c.subject
        if (key, c.source) in seen:
            continue
        seen.add((key, c.source))
        votes[group][key].append((c.source, got.minute if isinstance(got, rd.ClockTime) else got))

    out: dict[str, Any] = {"seconds": seconds, "error": error, "groups": {}}
    if len(votes) > 1:  # flights: times and gates apart, and together (one trust per source)
        votes["all"] = {k: v for group_votes in list(votes.values()) for k, v in group_votes.items()}
    def grp(key: str) -> str:
        return str(rd.attribute_group(key.partition("@")[0], ds.kind))

    for group, items in sorted(votes.items()):
        gold_items: dict[str, Hashable] = {}
        for key, item in gold.items():
            sid = str(item.get("subject") or key.split("@")[0]) if ds.level else key
            if group != "all" and rd.attribute_group(sid, ds.kind) != group:
                continue
            kind_group = rd.attribute_group(sid, ds.kind)
            truth = rd.gold_value(ds.kind, kind_group, str(item.get("truth_raw", "")))
            k = key if ds.level else sid
            if truth is not None and items.get(k):
                gold_items[k] = truth
        numeric = ds.kind == "population" or group == "times"
        result: dict[str, Any] = {"items": len(gold_items), "accuracy": {}, "spearman": {}, "abstains": 0, "ties": 0}
        scores: dict[str, dict[str, float]] = {}
        for name, method in BASELINES.items():
            if name == "median" and not numeric:
                continue
            answers, trust = method(dict(items))
            result["accuracy"][name] = sum(rd.right(ds.kind, grp(k), answers[k], t) for k, t in gold_items.items()) / max(1, len(gold_items))
            scores[name] = trust
        right_fc = 0
        hows: Counter[str] = Counter()
        for k, truth in gold_items.items():
            sid, _, year = k.partition("@")
            subject = subjects.get(sid if ds.level else k)
            point = fc_point(subject, year or None) if subject is not None else None
            if point is None or point.get("value") is None:
                result["abstains" if point is None else "ties"] += 1
                continue
            hows[str(point.get("how"))] += 1
            answer = rd.fc_answer(ds.kind, grp(k), point["value"], point.get("figure"))
            right_fc += rd.right(ds.kind, grp(k), answer, truth)
        result["accuracy"]["factcheck"] = right_fc / max(1, len(gold_items))
        result["how"] = dict(hows.most_common())
        scores["factcheck"] = fc_trust
        # each source's measured accuracy on the gold items
        right: Counter[str] = Counter()
        n: Counter[str] = Counter()
        for k, truth in gold_items.items():
            for s, v in items[k]:
                n[s] += 1
                right[s] += rd.right(ds.kind, grp(k), v, truth)
        judged = [s for s in n if n[s] >= MIN_GOLD_CLAIMS]
        result["sources_scored"] = len(judged)
        for name, trust in scores.items():
            xs = [trust.get(s, 0.0) for s in judged]
            result["spearman"][name] = spearman(xs, [right[s] / n[s] for s in judged])
        out["groups"][group] = result
    return out


def render(results: dict[str, Any], markdown: bool) -> str:
    methods = ["factcheck", *BASELINES]
    lines = []
    head = ["data set", "items", *methods, "factcheck abstains / ties"]
    rows = []
    for name, r in results.items():
        for group, g in r["groups"].items():
            label = name if group == "all" else f"{name} ({group})"
            acc = [f"{100 * g['accuracy'][m]:.1f}%" if m in g["accuracy"] else "–" for m in methods]
            rows.append([label, str(g["items"]), *acc, f"{g['abstains']} / {g['ties']}"])
            sp = [("–" if g["spearman"].get(m) is None else f"{g['spearman'][m]:.2f}") if m in g["spearman"] else "–" for m in methods]
            rows.append([f"  trust ρ ({g['sources_scored']} sources)", "", *sp, ""])
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|---|" + "---:|" * (len(head) - 1))
        lines += ["| " + " | ".join(r) + " |" for r in rows]
    else:
        widths = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head))]
        lines += ["  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths, strict=True)))
                  for r in (head, *rows)]
    for name, r in results.items():
        for group, g in r["groups"].items():
            lines.append(f"{'' if markdown else '  '}{name} {group}: factcheck {r['seconds']:.1f} s; how: "
                         + ", ".join(f"{k} {v}" for k, v in g["how"].items()) + (f"; error: {r['error']}" if r["error"] else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("datasets_dir", type=Path)
    ap.add_argument("--only", action="append", choices=[d.name for d in rd.DATASETS])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--jobs", type=int, default=4)
    args = ap.parse_args(argv)
    if not args.datasets_dir.is_dir():
        print(f"{args.datasets_dir}: no such folder; the real data sets are not here, nothing measured.")
        return 0
    results = {}
    for ds in rd.DATASETS:
        if (args.only and ds.name not in args.only) or (not args.only and ds.name == "population-cityyear"):
            continue
        got = measure(ds, args.datasets_dir, args.jobs)
        if got is not None:
            results[ds.name] = got
    print(render(results, args.markdown))
    print(f"\n{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.platform()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
