"""factcheck's figure reader against the libraries a user might pick instead; medians of runs.

    python bench/readers.py                       # 5 repeats, ~3,000 phrases per list
    python bench/readers.py --repeat 7 --json /tmp/readers.json

Why: the issue asks for a reader "at least 10x faster than each of them on the phrases they can
read, with a cache so repeated phrases cost nothing". This script measures exactly that, on the
phrase tables the tests use (tests/data/phrases_<lang>[_<topic>].yaml), and says where the target
is met and where it is not.

Phrases and groups
    Every case of tests/data/phrases_*.yaml whose expected kind is
      date                       -> "dates":   compared with dateparser
      amount, number, percent    -> "amounts": compared with quantulum3 and price-parser
    Duplicates (same phrase, language and publication day) are read once. Not compared: ranks,
    categories, durations ("20 years" is neither a date nor a money figure for these libraries),
    expected errors, and amounts in a physical unit ("2.5 million tonnes": factcheck answers in
    grams, the alternatives in the unit as written, and unit conversion is not what is measured).

The alternatives, called as their documentation shows
    dateparser    dateparser.parse(text, languages=[lang],
                                   settings={"RELATIVE_BASE": published, "PREFER_DATES_FROM": "past"})
    quantulum3    quantulum3.parser.parse(text) -> the first quantity's value.  English only: the
                  package has no Italian or Russian grammar, so it is not run on those phrases.
                  (Its optional classifier extra, which only disambiguates units, is not installed.)
    price-parser  price_parser.Price.fromstring(text).amount  (decimal separator auto-detected)

"Can read" -- the library returns a result that agrees with the expected value:
    dates    the returned datetime's day lies in the expected [start, end] (inclusive).  dateparser
             returns one instant, so "in May" read as 29 May counts as right.
    amounts  x = the number returned (the first one, if several).  With expected [lower, upper]:
               both ends finite  -> lower <= x <= upper (closed; rel. tolerance 1e-9), so the
                                    written figure of "about 250", "nearly 20" or "between 5 and 7"
                                    agrees, as does any number inside a range;
               one end infinite  -> x equals the finite end, which is the figure as written
                                    ("over $5 billion" -> 5e9, "up to 4,000" -> 4000).
             In words: the library found the written figure with its scale word ("billion",
             "miliardi", "k"); it is NOT asked to know what the hedge means, nor to name the
             currency.  This is generous to the alternatives, on purpose: it makes the subset
             they "can read" as large as it honestly can be.
    factcheck is timed on exactly the subset each alternative can read; whether factcheck itself
    reads those phrases as the tests expect is reported next to it.

Speed modes, each a median of --repeat runs; within one run the alternative and factcheck are
timed back to back in this process, and the ratio given is the median of the per-run ratios
    cold   the library's subset, replicated to ~--size phrases; factcheck's phrase caches are
           cleared before each replica, so every phrase is read from scratch every time.
           ("Cold" is the phrase cache: loading the language tables and the first call of each
           library are one-off costs, paid in a warm-up and measured apart, under start-up.)
    warm   the same list, factcheck's cache already holding every phrase.
    corpus a realistic corpus with repeats: 10 draws per distinct phrase, drawn with a Zipf
           distribution (weight 1/rank, ranks shuffled with a fixed seed), replicated to ~--size;
           factcheck's caches are cleared at the start of each replica.  Also shown: the
           alternative wrapped in functools.lru_cache (cleared the same way) -- what a user could
           do in one line, so the fair question for the cache is factcheck vs *that*.
    The alternatives have no cache, so for them cold and warm are the same list and the same time.

Start-up: fresh processes (`python -c ...`), median of --startup-runs, interleaved round-robin:
`import` alone and `import` + first read of one phrase (several libraries load their data on the
first call), each minus `python -c pass`.

Deterministic: fixed seed; the phrase files are read in sorted order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = 20251129
GROUP_OF_KIND = {"date": "dates", "amount": "amounts", "number": "amounts", "percent": "amounts"}
ZIPF_DRAWS_PER_PHRASE = 10
TARGET_RATIO = 10.0

# quantulum3 warns at import that its optional classifier is missing; that is expected here.
warnings.filterwarnings("ignore", module="quantulum3")


# --- phrases ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    lang: str
    phrase: str
    published: dt.date
    kind: str
    expect: dict[str, Any] = field(hash=False, compare=False)
    source: str = field(default="", hash=False, compare=False)

    @property
    def group(self) -> str:
        return GROUP_OF_KIND[self.kind]

    @functools.cached_property
    def base(self) -> dt.datetime:  # dateparser wants a datetime for RELATIVE_BASE
        return dt.datetime.combine(self.published, dt.time())


def _physical_unit(expect: dict[str, Any]) -> bool:
    """A unit that is neither none (counts, percentages) nor an ISO 4217 code (money)."""
    unit = expect.get("unit")
    return unit is not None and not (len(unit) == 3 and unit.isupper())


def load_cases(data: Path = DATA) -> list[Case]:
    """The date and amount cases of every phrase file, de-duplicated, in file order."""
    seen: dict[tuple[str, str, dt.date], Case] = {}
    for path in sorted(data.glob("phrases_*.yaml")):
        lang = path.stem.split("_")[1]  # phrases_<lang>.yaml, phrases_<lang>_<topic>.yaml
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            expect = case.get("expect")
            if not isinstance(expect, dict) or expect.get("kind") not in GROUP_OF_KIND:
                continue
            if expect["kind"] == "amount" and _physical_unit(expect):
                continue
            if expect["kind"] == "date" and (expect.get("unit") == "minute" or expect.get("start") is None
                                             or expect.get("end") is None or "T" in str(expect.get("start"))):
                continue  # times of day and dates open at one end: one instant from dateparser cannot agree
            published = case["published"]
            if isinstance(published, str):
                published = dt.date.fromisoformat(published)
            c = Case(lang, str(case["phrase"]), published, expect["kind"], expect, path.name)
            seen.setdefault((c.lang, c.phrase, c.published), c)
    return list(seen.values())


# --- agreement with the expected value ------------------------------------------------------------


def _as_date(x: Any) -> dt.date | None:
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    return None


def date_agrees(case: Case, result: Any) -> bool:
    day = _as_date(result)
    if day is None:
        return False
    start, end = (_as_date(case.expect[k]) or dt.date.fromisoformat(str(case.expect[k])) for k in ("start", "end"))
    return start <= day <= end


def number_agrees(case: Case, result: Any) -> bool:
    """See the module docstring: inside a finite interval, or equal to the one finite end."""
    if result is None:
        return False
    x = float(result)
    if not math.isfinite(x):
        return False
    lo, hi = case.expect.get("lower"), case.expect.get("upper")
    if lo is not None and hi is not None:
        tol = 1e-9 * max(abs(lo), abs(hi), 1.0)
        return lo - tol <= x <= hi + tol
    bound = lo if lo is not None else hi
    return bound is not None and math.isclose(x, bound, rel_tol=1e-9, abs_tol=1e-9)


def agrees(case: Case, result: Any) -> bool:
    return date_agrees(case, result) if case.group == "dates" else number_agrees(case, result)


# --- the readers ----------------------------------------------------------------------------------


@dataclass
class Alternative:
    name: str
    group: str
    langs: frozenset[str] | None  # None: every language
    read: Callable[[Case], Any]  # the library's answer, reduced to a date or a number (or None)
    import_stmt: str
    first_read_stmt: str
    note: str = ""

    def covers(self, case: Case) -> bool:
        return case.group == self.group and (self.langs is None or case.lang in self.langs)


def make_alternatives() -> list[Alternative]:
    import dateparser
    from price_parser import Price
    from quantulum3 import parser as qparser

    def read_dateparser(c: Case) -> Any:
        return dateparser.parse(
            c.phrase, languages=[c.lang], settings={"RELATIVE_BASE": c.base, "PREFER_DATES_FROM": "past"}
        )

    def read_quantulum(c: Case) -> Any:
        found = qparser.parse(c.phrase)
        return found[0].value if found else None

    def read_price(c: Case) -> Any:
        amount: Decimal | None = Price.fromstring(c.phrase).amount
        return None if amount is None else float(amount)

    return [
        Alternative(
            "dateparser", "dates", None, read_dateparser,
            "import dateparser",
            "import dateparser, datetime; dateparser.parse('last year', languages=['en'], settings="
            "{'RELATIVE_BASE': datetime.datetime(2025, 9, 29), 'PREFER_DATES_FROM': 'past'})",
        ),
        Alternative(
            "quantulum3", "amounts", frozenset({"en"}), read_quantulum,
            "from quantulum3 import parser",
            "from quantulum3 import parser; parser.parse('$7.6 billion')",
            note="English only (no Italian or Russian grammar)",
        ),
        Alternative(
            "price-parser", "amounts", None, read_price,
            "from price_parser import Price",
            "from price_parser import Price; Price.fromstring('$7.6 billion')",
        ),
    ]


def factcheck_reader() -> tuple[Callable[[Case], Any], Callable[[], None], Callable[[Case], bool]]:
    """(read, clear the phrase caches, reads-as-the-tests-expect)."""
    from factcheck.read import ReadError, model, parse_value, reader

    # Bounded (per-phrase) lru caches of the reader: the phrase cache `_parse_cached` and any
    # other per-value cache next to it. Unbounded @cache tables (lexicons, pint units) are
    # one-off start-up state and stay loaded, as they would after a CLI's first figure.
    caches = []
    for module in (reader, model):
        for obj in vars(module).values():
            params = getattr(obj, "cache_parameters", None)
            if params is not None and params().get("maxsize") is not None:
                caches.append(obj)
    assert reader._parse_cached in caches and reader._parse_undated in caches

    def clear() -> None:
        for c in caches:
            c.cache_clear()

    def read(c: Case) -> Any:
        try:
            return parse_value(c.phrase, c.lang, c.published)
        except ReadError:
            return None

    def exact(c: Case) -> bool:
        """The check of tests/test_phrases.py, for the kinds compared here."""
        v = read(c)
        if v is None:
            return False
        j = v.to_json()
        e = c.expect
        if j["kind"] != e["kind"]:
            return False
        if e["kind"] == "date":
            return (j["start"], j["end"]) == (str(e["start"]), str(e["end"]))

        def close(a: float | None, b: float | None) -> bool:
            return a is b if a is None or b is None else math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)

        return (
            close(j["lower"], e["lower"]) and close(j["upper"], e["upper"])
            and j["lower_inclusive"] == e["lower_inclusive"] and j["upper_inclusive"] == e["upper_inclusive"]
            and j["unit"] == e.get("unit")
        )

    return read, clear, exact


def broken_languages(langs: list[str]) -> dict[str, str]:
    """Languages whose tables fail to load (not ReadError: that is an unknown language, kept)."""
    from factcheck.read import ReadError, parse_value

    broken = {}
    for lang in langs:
        try:
            parse_value("1", lang, dt.date(2025, 1, 1))
        except ReadError:
            pass
        except Exception as exc:  # noqa: BLE001 - reported, not hidden
            broken[lang] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return broken


# --- timing ---------------------------------------------------------------------------------------


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def replicas_for(n: int, size: int) -> int:
    return max(1, math.ceil(size / max(n, 1)))


def zipf_corpus(cases: Sequence[Case], seed: int) -> list[Case]:
    """ZIPF_DRAWS_PER_PHRASE draws per distinct phrase, weight 1/rank, ranks in a seeded order."""
    rng = random.Random(seed)
    ranked = list(cases)
    rng.shuffle(ranked)
    weights = [1.0 / r for r in range(1, len(ranked) + 1)]
    return rng.choices(ranked, weights=weights, k=ZIPF_DRAWS_PER_PHRASE * len(ranked))


def run_passes(read: Callable[[Case], Any], cases: Sequence[Case], replicas: int,
               before_each: Callable[[], None] | None = None) -> None:
    for _ in range(replicas):
        if before_each is not None:
            before_each()
        for c in cases:
            read(c)


@dataclass
class SpeedRow:
    mode: str
    phrases: int  # phrases read per timed run
    repeats: float = 0.0  # fraction of the list that repeats an earlier phrase of its replica
    alt_s: list[float] = field(default_factory=list)
    fc_s: list[float] = field(default_factory=list)

    def rate(self, samples: list[float]) -> float:
        return self.phrases / statistics.median(samples)

    @property
    def ratio(self) -> float:
        """Median of the per-run ratios (alternative time / factcheck time = fc rate / alt rate)."""
        return statistics.median(a / f for a, f in zip(self.alt_s, self.fc_s, strict=True))

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode, "phrases_per_run": self.phrases, "repeated_fraction": self.repeats,
            "alternative_phrases_per_s": self.rate(self.alt_s),
            "factcheck_phrases_per_s": self.rate(self.fc_s),
            "factcheck_over_alternative": self.ratio,
            "alternative_runs_s": self.alt_s, "factcheck_runs_s": self.fc_s,
        }


def measure_speed(alt: Alternative, subset: list[Case], fc_read: Callable[[Case], Any],
                  fc_clear: Callable[[], None], size: int, repeat: int, seed: int) -> list[SpeedRow]:
    reps = replicas_for(len(subset), size)
    corpus = zipf_corpus(subset, seed)
    creps = replicas_for(len(corpus), size)
    cached_alt = functools.lru_cache(maxsize=65536)(alt.read)
    repeats = 1 - len(set(corpus)) / len(corpus)
    rows = {m: SpeedRow(m, n, r) for m, n, r in (
        ("cold", reps * len(subset), 0.0), ("warm", reps * len(subset), 1.0),
        ("corpus", creps * len(corpus), repeats), ("corpus, alternative + lru_cache", creps * len(corpus), repeats))}
    # warm-up: every library's first call loads data; that is start-up, not throughput
    run_passes(alt.read, subset, 1)
    run_passes(fc_read, subset, 1, fc_clear)
    for _ in range(repeat):
        alt_list = timed(lambda: run_passes(alt.read, subset, reps))
        rows["cold"].alt_s.append(alt_list)
        rows["cold"].fc_s.append(timed(lambda: run_passes(fc_read, subset, reps, fc_clear)))
        fc_clear()
        run_passes(fc_read, subset, 1)  # populate
        rows["warm"].alt_s.append(alt_list)  # no cache: the same list costs the same
        rows["warm"].fc_s.append(timed(lambda: run_passes(fc_read, subset, reps)))
        alt_corpus = timed(lambda: run_passes(alt.read, corpus, creps))
        alt_cached = timed(lambda: run_passes(cached_alt, corpus, creps, cached_alt.cache_clear))
        fc_corpus = timed(lambda: run_passes(fc_read, corpus, creps, fc_clear))
        rows["corpus"].alt_s.append(alt_corpus)
        rows["corpus"].fc_s.append(fc_corpus)
        rows["corpus, alternative + lru_cache"].alt_s.append(alt_cached)
        rows["corpus, alternative + lru_cache"].fc_s.append(fc_corpus)
    return list(rows.values())


# --- start-up -------------------------------------------------------------------------------------


def startup(stmts: dict[str, str], runs: int) -> dict[str, float]:
    """Median wall time of `python -c STMT` in fresh processes, minus `python -c pass`."""
    stmts = {"pass": "pass", **stmts}
    samples: dict[str, list[float]] = {k: [] for k in stmts}
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    for _ in range(runs):
        for key, stmt in stmts.items():  # round-robin, so drift hits every command alike
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", stmt], check=True, capture_output=True, env=env, cwd="/")
            samples[key].append(time.perf_counter() - t0)
    base = statistics.median(samples["pass"])
    out = {"python -c pass": base}
    for key in stmts:
        if key != "pass":
            out[key] = statistics.median(samples[key]) - base
    return out


# --- report ---------------------------------------------------------------------------------------


def fmt_rate(x: float) -> str:
    return f"{x:,.0f}"


def fmt_ratio(x: float) -> str:
    return f"{x:.2f}×" if x < 1 else f"{x:,.1f}×"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (median)")
    ap.add_argument("--size", type=int, default=3000, help="phrases per timed list (about)")
    ap.add_argument("--startup-runs", type=int, default=5, help="fresh processes per start-up figure")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--json", type=Path, help="write every figure (and every run) here")
    ap.add_argument("--data", type=Path, default=DATA, help="folder of phrases_*.yaml (default: tests/data)")
    args = ap.parse_args(argv)

    cases = load_cases(args.data)
    alts = make_alternatives()
    fc_read, fc_clear, fc_exact = factcheck_reader()
    langs = sorted({c.lang for c in cases})
    broken = broken_languages(langs)
    for lang, err in broken.items():  # e.g. a language file half-written in a working tree
        print(f"WARNING: factcheck cannot load language {lang!r} ({err}); its phrases are counted "
              "for the other libraries but left out of every timing")
    import factcheck
    versions = {}
    from importlib.metadata import version
    for dist in ("factcheck", "dateparser", "quantulum3", "price-parser"):
        versions[dist] = version(dist)

    print(f"python {platform.python_version()}, {platform.system()}, {os.cpu_count()} cores; "
          + ", ".join(f"{k} {v}" for k, v in versions.items()) + f" (from {Path(factcheck.__file__).parent})")
    print(f"phrases: {len(cases)} distinct date/amount cases from {args.data}/phrases_*.yaml "
          f"({', '.join(f'{g}: {sum(c.group == g for c in cases)}' for g in ('dates', 'amounts'))}); "
          f"--repeat {args.repeat}, --size {args.size}, seed {args.seed}\n")

    result: dict[str, Any] = {
        "python": platform.python_version(), "cores": os.cpu_count(), "versions": versions,
        "factcheck_broken_languages": broken, "args": {k: str(v) for k, v in vars(args).items()},
        "libraries": {},
    }

    # -- what each library can read
    print("## What each library can read (agrees with the expected value; see the docstring)\n")
    print("| library | group | " + " | ".join(langs) + " | all | factcheck exact on that subset |")
    print("|---|---|" + "---:|" * len(langs) + "---:|---:|")
    subsets: dict[str, list[Case]] = {}
    for alt in alts:
        group = [c for c in cases if c.group == alt.group]
        readable = [c for c in group if alt.covers(c) and agrees(c, alt.read(c))]
        subsets[alt.name] = readable
        cells = []
        for lang in langs:
            total = sum(c.lang == lang for c in group)
            if alt.langs is not None and lang not in alt.langs:
                cells.append(f"n/a ({total})")
            else:
                cells.append(f"{sum(c.lang == lang for c in readable)}/{total}")
        fc_ok = sum(c.lang not in broken and fc_exact(c) for c in readable)
        print(f"| {alt.name} | {alt.group} | " + " | ".join(cells)
              + f" | {len(readable)}/{len(group)} | {fc_ok}/{len(readable)} |")
        result["libraries"][alt.name] = {
            "group": alt.group, "note": alt.note,
            "can_read": {lang: [sum(c.lang == lang for c in readable), sum(c.lang == lang for c in group)]
                         for lang in langs},
            "readable": [f"{c.lang}: {c.phrase} ({c.published})" for c in readable],
            "not_readable": [f"{c.lang}: {c.phrase} ({c.published}) -> {alt.read(c) if alt.covers(c) else 'n/a'}"
                             for c in group if c not in readable],
            "factcheck_exact_on_subset": [fc_ok, len(readable)],
        }
    for g in ("dates", "amounts"):
        group = [c for c in cases if c.group == g]
        print(f"| factcheck | {g} | " + " | ".join(
            "cannot load" if lang in broken else
            f"{sum(fc_exact(c) for c in group if c.lang == lang)}/{sum(c.lang == lang for c in group)}"
            for lang in langs) + f" | {sum(c.lang not in broken and fc_exact(c) for c in group)}/{len(group)} | |")
    print("\nquantulum3: English only (no Italian or Russian grammar), so n/a elsewhere.\n")

    # -- speed
    print(f"## Speed on the phrases each library can read (median of {args.repeat} runs; "
          f"ratio = median of per-run ratios)\n")
    print("| library | mode | phrases/run | library phrases/s | factcheck phrases/s | factcheck ÷ library | ≥10×? |")
    print("|---|---|---:|---:|---:|---:|---|")
    for alt in alts:
        subset = [c for c in subsets[alt.name] if c.lang not in broken]
        if not subset:
            print(f"| {alt.name} | (reads none of the phrases) | | | | | |")
            continue
        rows = measure_speed(alt, subset, fc_read, fc_clear, args.size, args.repeat, args.seed)
        result["libraries"][alt.name]["speed"] = [r.as_dict() for r in rows]
        for r in rows:
            alt_name = f"{alt.name} + lru_cache" if "lru_cache" in r.mode else alt.name
            mode = r.mode.split(",")[0] + (f" ({r.repeats:.0%} repeats)" if r.mode.startswith("corpus") else "")
            print(f"| {alt_name} | {mode} | {r.phrases:,} | {fmt_rate(r.rate(r.alt_s))} | {fmt_rate(r.rate(r.fc_s))} "
                  f"| {fmt_ratio(r.ratio)} | {'yes' if r.ratio >= TARGET_RATIO else 'no'} |")
        sys.stdout.flush()

    # -- start-up
    fc_import = "import datetime; from factcheck.read import parse_value"
    stmts = {"factcheck": fc_import, "factcheck (date)": fc_import}
    firsts = {"factcheck": fc_import + "; parse_value('$7.6 billion', 'en', datetime.date(2025, 9, 29))",
              "factcheck (date)": fc_import + "; parse_value('last year', 'en', datetime.date(2025, 9, 29))"}
    for alt in alts:
        stmts[alt.name] = alt.import_stmt
        firsts[alt.name] = alt.first_read_stmt
    all_stmts = {**{f"import {k}": v for k, v in stmts.items() if k != "factcheck (date)"},
                 **{f"first {k}": v for k, v in firsts.items()}}
    st = startup(all_stmts, args.startup_runs)
    st["import factcheck (date)"] = st["import factcheck"]  # the same import, timed once
    result["startup_s"] = st
    print(f"\n## Start-up: fresh process, median of {args.startup_runs}, minus `python -c pass` "
          f"({st['python -c pass'] * 1e3:.0f} ms)\n")
    print("| library | import | import + first read |")
    print("|---|---:|---:|")
    for k in stmts:
        print(f"| {k} | {st[f'import {k}'] * 1e3:.0f} ms | {st[f'first {k}'] * 1e3:.0f} ms |")
    print("\nfirst reads: '$7.6 billion' (en) for factcheck, quantulum3 and price-parser; 'last year' (en) for "
          "factcheck (date) and dateparser")

    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
        print(f"\nwrote {args.json}")
    return result


if __name__ == "__main__":
    main()
