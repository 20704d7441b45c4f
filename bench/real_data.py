"""factcheck on real multi-source data sets with a gold standard (truth-discovery benchmarks).

    python bench/real_data.py DATASETS_DIR                      # every data set, one at a time
    python bench/real_data.py DATASETS_DIR --only flights       # one of them
    python bench/real_data.py DATASETS_DIR --json out.json --markdown

DATASETS_DIR holds `population-level.jsonl.gz`, `population-cityyear.jsonl.gz`,
`flights.jsonl.gz`, `books.jsonl.gz` and their `*-gold.json[.gz]` files (see its README.md).
The files are never copied into the project: when the folder (or a data set's file) is absent,
the script says so and exits 0. docs/real-data.md has the definitions and the measured tables.

How factcheck is run: each file is decompressed into a temporary folder and judged by
`factcheck report --format json --no-config` in a subprocess (the JSON records are factcheck's
stable contract; nothing here imports factcheck). Every key of those records is read with a
fallback, so a library that adds verdicts or keys (`incomplete`, `judged`/`total`, times of day
as dates with ISO date-times) does not break the script.

What is measured, per data set (per attribute group for flights: times and gates):

1. **Read share**: claims judged / all claims; the rest by status (unreadable, incomparable, ...)
   with the ten most frequent unreadable-error families (the message with its quoted words
   replaced by `…`) and examples; the non-answers (`--`, `Not Available`, ...) found by this
   script's own normalisers, apart; the kinds the judged claims were read as; for populations, the
   counts read as dates (a plain digit string read as a year).
2. **`conflicting` against "sources disagree"**, computed here from the raw `says` strings with
   this script's own normalisers, independently of factcheck: a subject (population-level: a city,
   values compared within one census year) *disagrees* when two of its claims have different
   normalised values. Only subjects with at least two normalised claims count. Precision and
   recall of factcheck's `conflicting` verdict against it; disagreements that are only rounding
   (`217000` vs `217074`) are counted apart, and precision/recall are also given with them taken
   as agreement.
3. **Accuracy of the reconciled value** on the gold items, next to majority vote and median
   (numeric data) computed here on the same items from the normalised values. factcheck's value:
   the series point holding a claim of the gold year (population-level), else `agreed`, else
   `rest_agree` (the value the rest agree on once the likely error is out); no value is an
   abstention, counted as wrong and also apart. Right means: populations within 1% (the value's
   midpoint), flight times within 10 minutes of the gold time of day (the value must be a span of
   at most 20 minutes), gates the same code, books the same set of author surnames.
4. **Runtime** of the factcheck run (wall clock).

Deterministic: no randomness; ties of the majority vote go to the value seen first in the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------------------------
# Data sets


@dataclass(frozen=True)
class DataSet:
    name: str
    claims: str
    gold: tuple[str, ...]  # candidate gold file names, first found is used
    kind: str  # population | flights | books
    level: bool = False  # population-level: gold keyed SUBJECT@YEAR, values compared per year


DATASETS: tuple[DataSet, ...] = (
    DataSet("population-level", "population-level.jsonl.gz", ("population-level-gold.json", "population-level-gold.json.gz"), "population", level=True),
    DataSet("population-cityyear", "population-cityyear.jsonl.gz", ("population-cityyear-gold.json", "population-cityyear-gold.json.gz"), "population"),
    DataSet("flights", "flights.jsonl.gz", ("flights-gold.json.gz", "flights-gold.json"), "flights"),
    DataSet("books", "books.jsonl.gz", ("books-gold.json", "books-gold.json.gz"), "books"),
)

# ---------------------------------------------------------------------------------------------
# Normalisers: this script's own reading of `says`, independent of factcheck.
# Each returns a value, or NON_ANSWER for a site saying it has no value, or None (unread here).

NON_ANSWER = "<non-answer>"

_NON_ANSWER_WORDS = re.compile(
    r"^\W*(?:not\s+available|n/?a|not\s+provided(?:\s+by\s+airline)?|contact\s+airline|tba|tbd|"
    r"hold|chk|unknown|none|null)?\W*$",
    re.IGNORECASE,
)


def is_non_answer(says: str) -> bool:
    """`--`, `-`, `Not Available`, `Dec 01 - Contact Airline`, `�`, empty: the site gave no value."""
    s = says.strip()
    s = re.sub(r"^[A-Za-z]{3}\.?\s*\d{1,2}\s*-\s*", "", s)  # `Dec 01 - Not Available`
    return bool(_NON_ANSWER_WORDS.match(s))


def norm_population(says: str) -> int | str | None:
    s = says.strip()
    if is_non_answer(s):
        return NON_ANSWER
    s = re.sub(r"(?<=\d)[,\s](?=\d{3}\b)", "", s)
    return int(s) if re.fullmatch(r"\d+", s) else None


def rounding_only(values: Iterable[int]) -> bool:
    """True when every two distinct values differ only by rounding: the one with more trailing
    zeros (k >= 1 of them) is the other rounded to the nearest multiple of 10**k (217074 and
    217000 or 217100; not 210000)."""
    vals = sorted(set(values))

    def zeros(n: int) -> int:
        k = 0
        while n and n % 10 == 0:
            n //= 10
            k += 1
        return k

    for i, a in enumerate(vals):
        for b in vals[i + 1:]:
            r, o = (a, b) if zeros(a) >= zeros(b) else (b, a)
            k = zeros(r)
            if k == 0:
                return False
            if 2 * abs(o - r) > 10**k:  # not the nearest multiple of 10**k
                return False
    return True


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# 2:07 PM, 2:55p, 1:17 p.m., 19:25, 12:00noon, 9:04A
_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?!\d)\s*(?:(noon|midnight)|([ap])\.?\s*(?:m\b\.?|m(?=[A-Z]))?)?", re.IGNORECASE)
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[int, int]]], ...] = (
    # `12/1/11`, `12/01/2011`, `2011-12-02 12/1 6:00 AM` (the flight's day after the page's)
    (re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})(?:/\d{2,4})?(?![\d:])"), lambda m: (int(m[1]), int(m[2]))),
    # `Dec 01`, `Dec.01, 2011`, `PMDec 1`
    (re.compile(_MON + r"\s*(\d{1,2})(?!\d)", re.IGNORECASE), lambda m: (_MONTHS[m[1].lower()], int(m[2]))),
    # `01-Dec-2011`
    (re.compile(r"(?<!\d)(\d{1,2})-" + _MON + r"-\d{2,4}", re.IGNORECASE), lambda m: (_MONTHS[m[2].lower()], int(m[1]))),
    # `2011-12-01`
    (re.compile(r"(?<!\d)\d{4}-(\d{1,2})-(\d{1,2})(?!\d)"), lambda m: (int(m[1]), int(m[2]))),
    # `9:20A 12-01-11`
    (re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-\d{2}(?![\d-])"), lambda m: (int(m[1]), int(m[2]))),
)

#: The time formats seen in flights.jsonl.gz (inventoried by `shape`), for the docs and tests.
TIME_FORMATS = (
    "1:30 PM, Dec 01", "2011-12-01 02:52 PM", "2011-12-01 08:41AM EST", "01:30 PM  Thu 01-Dec-2011",
    "12/1/11 3:04 PM (-05:00)", "3:04 PMDec 01", "2:55pDec 1", "Dec 01 - 2:55pm", "12/01/2011 01:30 PM",
    "12/1/2011 9:01AM EST", "Thu, Dec 1 2:55 PM", "Thu., Dec.01, 2011 1:17 p.m.",
    "2011-12-01 1:41 PM (Estimated runway)", "2011-12-01 Thu  19:25", "2011-12-01  9:04A",
    "9:20A 12-01-11", "2011-12-02 12/1 6:00 AM", "Dec 01 - 12:00noon", "Dec 01 - 10:33pm*",
    "Thu, Dec 1 9:16 AM            Delayed", "10:29 PM, Dec 01&nbsp(Estimated)",
)


@dataclass(frozen=True, order=True)
class ClockTime:
    minute: int  # minute of the day, 0..1439, as printed (the airport's wall clock)
    day: tuple[int, int] | None = None  # (month, day) when written


def parse_time(says: str) -> ClockTime | str | None:
    """The printed wall-clock time: minute of the day, and (month, day) when written."""
    s = html.unescape(says).replace("\xa0", " ")
    s = re.sub(r"\([+-]\d{2}:\d{2}\)", " ", s)  # `(-05:00)`: an offset, not a time
    m = _TIME.search(s)
    if m is None:
        return NON_ANSWER if is_non_answer(s) else None
    hour, minute = int(m[1]), int(m[2])
    word, ampm = (m[3] or "").lower(), (m[4] or "").lower()
    if hour > 23 or minute > 59:
        return None
    if word == "noon":
        hour = 12
    elif word == "midnight":
        hour = 0
    elif ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    rest = s[: m.start()] + " " + s[m.end():]
    day = None
    for pattern, get in _DATE_PATTERNS:
        d = pattern.search(rest)
        if d is not None:
            month, dom = get(d)
            if 1 <= month <= 12 and 1 <= dom <= 31:
                day = (month, dom)
                break
    return ClockTime(hour * 60 + minute, day)


def times_differ(a: ClockTime, b: ClockTime) -> bool:
    """Different minute, or both days written and different."""
    return a.minute != b.minute or (a.day is not None and b.day is not None and a.day != b.day)


def minutes_apart(a: int, b: int) -> int:
    d = abs(a - b) % 1440
    return min(d, 1440 - d)


def norm_gate(says: str) -> str | None:
    """`A37`, `Term B - B84N` → `B84N`, `G8/T3` → `G8`, `C-29` → `C29`, `14?` → `14`;
    `--`, `Not provided by airline`, `CHK`, `HOLD`, `Terminal 2` (no gate) → NON_ANSWER."""
    s = html.unescape(says).strip()
    if is_non_answer(s) or "\ufffd" in s:
        return NON_ANSWER
    m = re.fullmatch(r"(?:terminal|term)\b[^-]*?(?:-\s*(.*))?", s, re.IGNORECASE)
    if m is not None:
        if not m[1]:
            return NON_ANSWER  # a terminal, no gate
        s = m[1]
    s = s.split("/")[0]
    s = re.sub(r"[^A-Za-z0-9]", "", s).upper()
    if not s:
        return NON_ANSWER
    if not re.fullmatch(r"[A-Z]{0,2}\d{1,3}[A-Z]{0,2}|[A-Z]\d?", s):
        return None
    return s.lstrip("0") or "0" if s.isdigit() else s


_AUTHOR_NOISE = re.compile(
    r"\((?:[^)]*)\)|\bby\b|\bedited\b|\bet\.?\s+al\b\.?|\beditors?\b|\bph\.?\s?d\b\.?|\bjr\b\.?|\bsr\b\.?|"
    r"\b(?:ii|iii|iv)\b|\bforeword\b|\btranslated\b|\bintroduction\b|\bauthors?\b",
    re.IGNORECASE,
)


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^a-z]", "", name.lower())


def _last_of(first_last: str) -> str:
    words = [w for w in re.split(r"\s+", first_last.strip()) if _fold(w)]
    words = [w for w in words if len(_fold(w)) > 1 or len(words) == 1]
    return _fold(words[-1]) if words else ""


def norm_authors(says: str) -> frozenset[str] | str | None:
    """The set of author surnames: `Knuth, Donald E.`, `Donald E. Knuth` → {knuth};
    `Sedgewick, Robert; Schidlowsky, Michael`, `Robert Sedgewick, Michael Schidlowsky`,
    `Hofmeister, ChristineNord, RobertSoni, Dilip` → two or three surnames. Best effort:
    `Knuth Donald` (surname first, no comma) reads as {donald}."""
    s = html.unescape(says).replace("\xa0", " ")
    if is_non_answer(s):
        return NON_ANSWER
    s = _AUTHOR_NOISE.sub(" ", s)
    s = re.sub(r"(?<=[a-z]{3})(?=[A-Z][a-z])", "; ", s)  # `ChristineNord`: two names run together
    names: set[str] = set()
    for piece in re.split(r"\s*(?:;|/|&|\band\b|\bwith\b)\s*", s, flags=re.IGNORECASE):
        parts = [p.strip() for p in piece.split(",") if _fold(p)]
        if not parts:
            continue
        if len(parts) == 1 or all(len(p.split()) >= 2 for p in parts):
            names.update(_last_of(p) for p in parts)  # `First Last[, First Last]`
        else:
            names.update(_fold(p) for p in parts[0::2])  # `Last, First[, Last, First]`
    names.discard("")
    return frozenset(names) if names else None


# ---------------------------------------------------------------------------------------------
# Reading the raw data and the gold


@dataclass
class RawClaim:
    subject: str
    source: str
    says: str
    as_of: str | None


def read_raw(path: Path) -> list[RawClaim]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            if "says" in o and isinstance(o.get("subject"), str):
                out.append(RawClaim(o["subject"], str(o.get("source", "")), str(o["says"]), o.get("as_of")))
    return out


def read_gold(folder: Path, names: tuple[str, ...]) -> dict[str, Any] | None:
    for name in names:
        p = folder / name
        if p.exists():
            opener = gzip.open if name.endswith(".gz") else open
            with opener(p, "rt", encoding="utf-8") as f:  # type: ignore[operator]
                return json.load(f)
    return None


def attribute_group(subject: str, kind: str) -> str:
    if kind != "flights":
        return "all"
    return "gates" if subject.endswith("-gate") else "times"


def normaliser(kind: str, group: str) -> Callable[[str], Any]:
    if kind == "population":
        return norm_population
    if kind == "books":
        return norm_authors
    return norm_gate if group == "gates" else parse_time


# ---------------------------------------------------------------------------------------------
# Running factcheck


def run_factcheck(jsonl_gz: Path, jobs: int, workdir: Path) -> tuple[dict[str, Any] | None, float, str]:
    """`factcheck report --format json` on the decompressed file: (records, seconds, error)."""
    plain = workdir / jsonl_gz.name.removesuffix(".gz")
    with gzip.open(jsonl_gz, "rb") as src, open(plain, "wb") as dst:
        shutil.copyfileobj(src, dst)
    out = workdir / (plain.stem + ".report.json")
    exe = shutil.which("factcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "factcheck"]
    cmd += ["report", "--no-config", "--format", "json", "-j", str(jobs), "-o", str(out), str(plain)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir)
    seconds = time.perf_counter() - start
    plain.unlink(missing_ok=True)
    if not out.exists():
        return None, seconds, f"factcheck exited {proc.returncode}: {proc.stderr.strip()[-2000:]}"
    with open(out, encoding="utf-8") as f:
        records = json.load(f)
    out.unlink(missing_ok=True)
    return records, seconds, ""


# ---------------------------------------------------------------------------------------------
# Reading factcheck's records defensively


def _dict(x: Any) -> dict[str, Any]:
    return x if isinstance(x, dict) else {}


def _list(x: Any) -> list[Any]:
    return x if isinstance(x, list) else []


def error_family(message: str) -> str:
    """`did not understand 'hoffer' in 'Hoffer, J.'` → `did not understand '…' in '…'`."""
    m = re.sub(r"\(did you mean '[^']*'\?\)", "\0DYM\0", message)
    m = re.sub(r"\bin (['\"]).*\1", r"in \1…\1", m)  # the whole phrase, apostrophes and all
    m = re.sub(r"'[^']*'", "'…'", m)
    m = re.sub(r"“[^”]*”", "“…”", m)
    m = re.sub(r'"[^"]*"', '"…"', m)
    m = re.sub(r"\d+", "N", m)
    return m.replace("\0DYM\0", "(did you mean '…'?)")


def _number_of(value: dict[str, Any]) -> float | None:
    lo, hi = value.get("lower"), value.get("upper")
    nums = [x for x in (lo, hi) if isinstance(x, (int, float)) and not isinstance(x, bool)]
    if not nums:
        return None
    return sum(nums) / len(nums)


def _datetime(text: Any) -> dt.datetime | None:
    if not isinstance(text, str) or not re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", text):
        return None  # a plain day has no time of day
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def fc_minute(value: dict[str, Any]) -> int | None:
    """A time of day from a `date` value with ISO date-times in `start`/`end` (a span of at most
    20 minutes), or from a value in minutes/seconds of the day; None otherwise."""
    start, end = _datetime(value.get("start")), _datetime(value.get("end"))
    if start is not None:
        end = end or start
        if (end - start) > dt.timedelta(minutes=20):
            return None
        mid = start + (end - start) / 2
        return mid.hour * 60 + mid.minute + (1 if mid.second >= 30 else 0)
    return None


def fc_answer(kind: str, group: str, value: dict[str, Any], figure: Any) -> Any:
    """factcheck's reconciled value, normalised like the gold; None when not comparable."""
    vkind = value.get("kind")
    if kind == "population":
        if vkind in ("number", "amount"):
            n = _number_of(value)
            return None if n is None else n
        return None
    if group == "times":
        return fc_minute(value)
    text = figure if isinstance(figure, str) else None
    if vkind in ("number", "amount"):
        n = _number_of(value)
        text = None if n is None else str(round(n))
    elif text is None:
        text = value.get("category") if isinstance(value.get("category"), str) else None
    if text is None:
        return None
    got = norm_gate(text) if group == "gates" else norm_authors(text)
    return None if got == NON_ANSWER else got


def _claim_year(claim: dict[str, Any]) -> str | None:
    t = claim.get("time")
    if isinstance(t, str):
        m = re.match(r"\d{4}", t)
        if m:
            return m[0]
    return None


def fc_reconciled(subject: dict[str, Any], year: str | None) -> tuple[dict[str, Any], Any, str] | None:
    """(value JSON, figure, where from) of the reconciliation, or None (an abstention). The
    `reconciled` points (issue 19) first; records of older versions: series, agreed, rest_agree."""
    rec = _dict(subject.get("reconciliation"))
    points = [_dict(p) for p in _list(rec.get("reconciled"))]
    if points:
        year_of = {c.get("index"): _claim_year(c) for c in _list(subject.get("claims")) if isinstance(c, dict)}
        for p in points:
            if year is None and len(points) > 1:
                break
            if year is not None and not (
                any(year_of.get(i) == year for i in _list(p.get("claims")))
                or any(year_of.get(_dict(x).get("claim")) == year for x in _list(p.get("left_out")))
                or str(p.get("time", "")).startswith(year)
            ):
                continue
            return (p["value"], p.get("figure"), "reconciled") if isinstance(p.get("value"), dict) else None
        return None
    if year is not None:
        year_of = {c.get("index"): _claim_year(c) for c in _list(subject.get("claims")) if isinstance(c, dict)}
        for point in _list(rec.get("series")):
            point = _dict(point)
            if any(year_of.get(i) == year for i in _list(point.get("claims"))) and isinstance(point.get("value"), dict):
                return point["value"], point.get("figure"), "series"
        for point in _list(rec.get("series")):  # a run whose time label spans the year
            point = _dict(point)
            years = re.findall(r"\d{4}", str(point.get("time", "")))
            if years and years[0] <= year <= years[-1] and isinstance(point.get("value"), dict):
                return point["value"], point.get("figure"), "series"
    for key in ("agreed", "rest_agree"):
        got = _dict(rec.get(key))
        if isinstance(got.get("value"), dict):
            return got["value"], got.get("figure"), key
    return None


# ---------------------------------------------------------------------------------------------
# The measurements


@dataclass
class GroupStats:
    claims: int = 0
    status: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    kind_examples: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    non_answers: int = 0
    non_answer_status: Counter[str] = field(default_factory=Counter)
    unread_by_script: int = 0
    unread_by_script_examples: list[str] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)  # first quoted fragment of unreadable messages
    word_examples: dict[str, str] = field(default_factory=dict)
    error_examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    error_message: dict[str, str] = field(default_factory=dict)
    years_read_as_dates: int = 0
    year_examples: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    format_judged: Counter[str] = field(default_factory=Counter)  # judged by factcheck, by shape
    format_examples: dict[str, str] = field(default_factory=dict)


def shape(says: str) -> str:
    """A format's shape: letters → a, digits → 9 (`2:07 PMDec 01` → `9:99 aaaaa 99`)."""
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "a", says))


def prf(flagged: set[str], truth: set[str]) -> dict[str, Any]:
    tp = len(flagged & truth)
    return {
        "flagged": len(flagged),
        "disagree": len(truth),
        "both": tp,
        "precision": tp / len(flagged) if flagged else None,
        "recall": tp / len(truth) if truth else None,
    }


def majority(values: list[Any]) -> Any:
    """The most frequent value; a tie goes to the value seen first."""
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def right(kind: str, group: str, got: Any, gold: Any) -> bool:
    if got is None or gold is None:
        return False
    if kind == "population":
        return abs(float(got) - gold) <= 0.01 * gold
    if group == "times":
        return minutes_apart(int(got), gold) <= 10
    return got == gold


def gold_value(kind: str, group: str, raw: str) -> Any:
    """The gold answer normalised like the claims; None for an empty or non-answer gold."""
    got = normaliser(kind, group)(raw)
    if got == NON_ANSWER or got is None:
        return None
    return got.minute if isinstance(got, ClockTime) else got


def analyse(ds: DataSet, raw: list[RawClaim], gold: dict[str, Any], records: dict[str, Any] | None) -> dict[str, Any]:
    """Every measurement of one data set, by attribute group (`all`, or flights' times/gates)."""
    subjects = {}
    if records is not None:
        for s in _list(records.get("subjects")):
            if isinstance(s, dict) and isinstance(s.get("id"), str):
                subjects[s["id"]] = s

    groups: dict[str, GroupStats] = defaultdict(GroupStats)
    # The script's own normalised values, by subject (and year for population-level).
    values: dict[str, dict[str | None, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for rc in raw:
        group = attribute_group(rc.subject, ds.kind)
        g = groups[group]
        g.claims += 1
        sh = shape(rc.says)
        g.formats[sh] += 1
        g.format_examples.setdefault(sh, rc.says)
        got = normaliser(ds.kind, group)(rc.says)
        if got == NON_ANSWER:
            g.non_answers += 1
        elif got is None:
            g.unread_by_script += 1
            if len(g.unread_by_script_examples) < 10:
                g.unread_by_script_examples.append(rc.says)
        else:
            year = (rc.as_of or "")[:4] if ds.level else None
            values[rc.subject][year].append(got)

    # factcheck's reading of every claim, from its records.
    counted_subjects: set[str] = set()
    for sid, s in subjects.items():
        group = attribute_group(sid, ds.kind)
        g = groups[group]
        g.verdicts[str(s.get("verdict"))] += 1
        counted_subjects.add(sid)
        norm = normaliser(ds.kind, group)
        for c in _list(s.get("claims")):
            c = _dict(c)
            status = str(c.get("status", "?"))
            says = str(c.get("says", ""))
            g.status[status] += 1
            if status == "judged":
                g.format_judged[shape(says)] += 1
            if norm(says) == NON_ANSWER:
                g.non_answer_status[status] += 1
            value = _dict(c.get("value"))
            if status == "judged":
                vkind = str(value.get("kind"))
                g.kinds[vkind] += 1
                g.kind_examples[vkind][says] += 1
                if ds.kind == "population" and vkind == "date" and re.fullmatch(r"\s*\d+\s*", says):
                    g.years_read_as_dates += 1
                    g.year_examples[says.strip()] += 1
            elif status == "unreadable" or "error" in c:
                message = str(c.get("error", status))
                fam = error_family(message)
                if status == "unreadable":
                    w = re.search(r"'([^']*)'", message)
                    if w:
                        g.words[w[1]] += 1
                        g.word_examples.setdefault(w[1], says)
                g.errors[fam] += 1
                g.error_message.setdefault(fam, message)
                if len(g.error_examples[fam]) < 4 and says not in g.error_examples[fam]:
                    g.error_examples[fam].append(says)

    # Gold "sources disagree", and factcheck's conflicting verdicts, per group.
    disagree: dict[str, set[str]] = defaultdict(set)
    disagree_strict: dict[str, set[str]] = defaultdict(set)  # not only rounding
    disagree_far: dict[str, set[str]] = defaultdict(set)  # beyond the accuracy tolerance
    conflicting: dict[str, set[str]] = defaultdict(set)
    considered: Counter[str] = Counter()
    for sid, by_year in values.items():
        group = attribute_group(sid, ds.kind)
        if sum(len(v) for v in by_year.values()) < 2:
            continue
        considered[group] += 1
        differs = strict = far = False
        for vals in by_year.values():
            if group == "times":
                d = any(times_differ(a, b) for i, a in enumerate(vals) for b in vals[i + 1:])
            else:
                d = len(set(vals)) > 1
            if d:
                differs = True
                if not (ds.kind == "population" and rounding_only(vals)):
                    strict = True
                if ds.kind == "population":
                    far = far or max(vals) > 1.01 * min(vals)
                elif group == "times":
                    far = far or any(minutes_apart(a.minute, b.minute) > 10 or (a.day and b.day and a.day != b.day)
                                     for i, a in enumerate(vals) for b in vals[i + 1:])
                else:
                    far = True
        if differs:
            disagree[group].add(sid)
        if strict:
            disagree_strict[group].add(sid)
        if far:
            disagree_far[group].add(sid)
        if str(_dict(subjects.get(sid)).get("verdict")) == "conflicting":
            conflicting[group].add(sid)

    # Accuracy on the gold items.
    acc: dict[str, Counter[str]] = defaultdict(Counter)
    for key, item in gold.items():
        item = _dict(item)
        if ds.level:
            sid = str(item.get("subject") or key.split("@")[0])
            year: str | None = str(item.get("year") or key.split("@")[-1])
        else:
            sid, year = key, None
        group = attribute_group(sid, ds.kind)
        a = acc[group]
        a["gold items"] += 1
        truth = gold_value(ds.kind, group, str(item.get("truth_raw", "")))
        if truth is None:
            a["gold empty or non-answer (skipped)"] += 1
            continue
        vals = values.get(sid, {}).get(year, [])
        if not vals:
            a["no normalised claim (skipped)"] += 1
            continue
        a["items"] += 1
        plain = [v.minute if isinstance(v, ClockTime) else v for v in vals]
        a["majority"] += right(ds.kind, group, majority(plain), truth)
        if ds.kind == "population" or group == "times":
            a["median"] += right(ds.kind, group, statistics.median_low(plain), truth)
        subject = subjects.get(sid)
        got = fc_reconciled(subject, year) if subject is not None else None
        if got is None:
            a["factcheck abstains"] += 1
            continue
        value, figure, where = got
        a[f"factcheck from {where}"] += 1
        answer = fc_answer(ds.kind, group, value, figure)
        if answer is None:
            a["factcheck value not comparable"] += 1
        a["factcheck"] += right(ds.kind, group, answer, truth)

    def example(sid: str) -> dict[str, Any]:
        s = _dict(subjects.get(sid))
        return {"subject": sid, "verdict": s.get("verdict"),
                "claims": [f"{_dict(c).get('says')} ({_dict(c).get('status')})" for c in _list(s.get("claims"))[:6]]}

    out: dict[str, Any] = {"groups": {}}
    for group in sorted(groups):
        g = groups[group]
        judged = g.status.get("judged", 0)
        out["groups"][group] = {
            "claims": g.claims,
            "claims_in_report": sum(g.status.values()),
            "judged": judged,
            "read_share": judged / g.claims if g.claims else None,
            "status": dict(g.status.most_common()),
            "judged_kinds": dict(g.kinds.most_common()),
            "judged_kind_examples": {k: [x for x, _ in c.most_common(6)] for k, c in g.kind_examples.items()},
            "non_answers": g.non_answers,
            "non_answers_by_status": dict(g.non_answer_status.most_common()),
            "read_share_of_answers": (judged - g.non_answer_status.get("judged", 0)) / (g.claims - g.non_answers)
            if g.claims > g.non_answers else None,
            "unread_by_script": g.unread_by_script,
            "unread_by_script_examples": g.unread_by_script_examples,
            "top_errors": [
                {"family": fam, "count": n, "examples": g.error_examples[fam], "message": g.error_message[fam]}
                for fam, n in g.errors.most_common(10)
            ],
            "error_families": len(g.errors),
            "top_unread_words": [
                {"word": w, "count": n, "example": g.word_examples[w]} for w, n in g.words.most_common(15)
            ],
            "years_read_as_dates": g.years_read_as_dates,
            "year_examples": [s for s, _ in g.year_examples.most_common(8)],
            "years_read_range": [min(map(int, g.year_examples)), max(map(int, g.year_examples))] if g.year_examples else None,
            "years_read_digits": dict(sorted(Counter(len(x) for x in g.year_examples.elements()).items())),
            "verdicts": dict(g.verdicts.most_common()),
            "formats": [
                {"shape": sh, "count": n, "judged": g.format_judged[sh], "example": g.format_examples[sh]}
                for sh, n in g.formats.most_common(60)
            ],
            "format_count": len(g.formats),
            "conflicting": {
                "subjects_considered": considered[group],
                **prf(conflicting[group], disagree[group]),
                "rounding_only": len(disagree[group] - disagree_strict[group]),
                "rounding_only_flagged": len((disagree[group] - disagree_strict[group]) & conflicting[group]),
                "rounding_as_agreement": prf(conflicting[group], disagree_strict[group]),
                "beyond_tolerance": prf(conflicting[group], disagree_far[group]),
                "missed_examples": [example(sid) for sid in sorted(disagree_strict[group] - conflicting[group])[:6]],
                "false_alarm_examples": [example(sid) for sid in sorted(conflicting[group] - disagree[group])[:6]],
            },
            "accuracy": dict(acc[group]),
        }
    return out


# ---------------------------------------------------------------------------------------------
# Rendering


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def ratio(n: int, d: int) -> str:
    return f"{n:,}/{d:,} ({pct(n / d if d else None)})"


def rows_of(name: str, result: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    """The table of one data set: (measure, value) rows, one block per group."""
    rows: list[tuple[str, str]] = [("runtime (factcheck report)", f"{result.get('seconds', 0):.1f} s")]
    if result.get("error"):
        rows.append(("factcheck error", result["error"]))
    for group, g in result.get("groups", {}).items():
        p = "" if group == "all" else f"{group}: "
        rows.append((f"{p}claims judged", ratio(g["judged"], g["claims"])))
        for status, n in g["status"].items():
            if status != "judged":
                rows.append((f"{p}  {status}", f"{n:,}"))
        ex = g.get("judged_kind_examples", {})
        rows.append((f"{p}  judged as kinds", ", ".join(
            f"{k} {n:,} ({', '.join(repr(x) for x in ex.get(k, [])[:3])})" for k, n in g["judged_kinds"].items()) or "–"))
        na = g["non_answers"]
        rows.append((f"{p}non-answers (`--`, `Not Available`, ...)", f"{na:,}" + (
            f" (factcheck: {', '.join(f'{k} {n:,}' for k, n in g['non_answers_by_status'].items())})" if na else "")))
        rows.append((f"{p}judged share of real answers", pct(g["read_share_of_answers"])))
        if kind == "population":
            rows.append((f"{p}counts read as dates (years)", f"{g['years_read_as_dates']:,}" + (
                f" e.g. {', '.join(g['year_examples'][:5])}; from {g['years_read_range'][0]} to {g['years_read_range'][1]}; "
                f"by digits: {', '.join(f'{k}: {n:,}' for k, n in g['years_read_digits'].items())}" if g["year_examples"] else "")))
        rows.append((f"{p}verdicts", ", ".join(f"{k} {n:,}" for k, n in g["verdicts"].items())))
        c = g["conflicting"]
        rows.append((f"{p}subjects with ≥2 normalised claims", f"{c['subjects_considered']:,}"))
        rows.append((f"{p}sources disagree (gold) / conflicting (factcheck) / both",
                     f"{c['disagree']:,} / {c['flagged']:,} / {c['both']:,}"))
        rows.append((f"{p}conflicting precision / recall", f"{pct(c['precision'])} / {pct(c['recall'])}"))
        if kind == "population":
            r = c["rounding_as_agreement"]
            rows.append((f"{p}  disagreements only of rounding (flagged)", f"{c['rounding_only']:,} ({c['rounding_only_flagged']:,})"))
            rows.append((f"{p}  precision / recall, rounding = agreement", f"{pct(r['precision'])} / {pct(r['recall'])}"))
        if kind == "population" or group == "times":
            r = c["beyond_tolerance"]
            tol = "1%" if kind == "population" else "10 min"
            rows.append((f"{p}  disagree beyond {tol}; precision / recall against it",
                         f"{r['disagree']:,}; {pct(r['precision'])} / {pct(r['recall'])}"))
        a = g["accuracy"]
        n = a.get("items", 0)
        if a.get("gold items"):
            skipped = a.get("gold empty or non-answer (skipped)", 0) + a.get("no normalised claim (skipped)", 0)
            rows.append((f"{p}gold items scored", f"{n:,} of {a['gold items']:,}" + (f" ({skipped:,} skipped: empty gold or no claim)" if skipped else "")))
            rows.append((f"{p}accuracy factcheck reconciled", ratio(a.get("factcheck", 0), n)))
            answered = n - a.get("factcheck abstains", 0)
            rows.append((f"{p}  factcheck abstains / answers right when answering",
                         f"{a.get('factcheck abstains', 0):,} / {ratio(a.get('factcheck', 0), answered)}"))
            if a.get("factcheck value not comparable"):
                rows.append((f"{p}  factcheck value of another kind", f"{a['factcheck value not comparable']:,}"))
            rows.append((f"{p}accuracy majority vote", ratio(a.get("majority", 0), n)))
            if "median" in a or kind == "population" or group == "times":
                rows.append((f"{p}accuracy median", ratio(a.get("median", 0), n)))
    return rows


def render_text(name: str, result: dict[str, Any], kind: str) -> str:
    rows = rows_of(name, result, kind)
    width = max(len(r[0]) for r in rows)
    lines = [f"== {name}", *(f"  {k.ljust(width)}  {v}" for k, v in rows)]
    for group, g in result.get("groups", {}).items():
        if g["top_errors"]:
            lines.append(f"  top error families (unreadable, incomparable){'' if group == 'all' else ' (' + group + ')'} of {g['error_families']}:")
            for e in g["top_errors"]:
                lines.append(f"    {e['count']:>6,}  {e['family']}   e.g. {' | '.join(repr(x) for x in e['examples'][:3])}")
        if g["top_unread_words"]:
            lines.append("  words factcheck did not understand, most frequent: " + ", ".join(
                f"{w['word']!r} {w['count']:,} ({w['example']!r})" for w in g["top_unread_words"][:12]))
        for key, label in (("missed_examples", "disagree, not conflicting"), ("false_alarm_examples", "conflicting, no disagreement")):
            for e in g["conflicting"].get(key, [])[:3]:
                lines.append(f"  {label}{'' if group == 'all' else ' (' + group + ')'}: {e['subject']} {e['verdict']}: {e['claims']}")
        if g["unread_by_script"]:
            lines.append(f"  not read by this script's normaliser{'' if group == 'all' else ' (' + group + ')'}: "
                         f"{g['unread_by_script']:,} e.g. {g['unread_by_script_examples'][:5]}")
    return "\n".join(lines)


def render_formats(g: dict[str, Any], markdown: bool) -> str:
    """The inventory of `says` shapes (letters → a, digits → 9) with factcheck's judged share."""
    if markdown:
        lines = ["| claims | judged by factcheck | shape | example |", "|---:|---:|---|---|"]
        lines += [f"| {f['count']:,} | {pct(f['judged'] / f['count'])} | `{md_escape(f['shape'])}` | `{md_escape(f['example'])}` |"
                  for f in g["formats"]]
    else:
        lines = [f"    {f['count']:>6,}  judged {pct(f['judged'] / f['count']):>6}  {f['shape']!r}  e.g. {f['example']!r}"
                 for f in g["formats"]]
    return "\n".join(lines)


SUMMARY_HEADER = ("data set", "claims judged", "conflicting P / R", "factcheck right (abstains)", "majority", "median", "runtime")


def summary_rows(results: dict[str, Any]) -> list[tuple[str, ...]]:
    """One row per data set and group: the headline numbers, for the top of docs/real-data.md."""
    rows = []
    for name, result in results.items():
        for group, g in result.get("groups", {}).items():
            c, a = g["conflicting"], g["accuracy"]
            n = a.get("items", 0)
            median = pct(a["median"] / n) if "median" in a and n else "–"
            rows.append((
                name if group == "all" else f"{name} ({group})",
                pct(g["read_share"]),
                f"{pct(c['precision'])} / {pct(c['recall'])}",
                f"{pct(a.get('factcheck', 0) / n) if n else '–'} ({a.get('factcheck abstains', 0):,})",
                pct(a.get("majority", 0) / n) if n else "–",
                median,
                f"{result.get('seconds', 0):.1f} s",
            ))
    return rows


def render_summary(results: dict[str, Any], markdown: bool) -> str:
    rows = summary_rows(results)
    if markdown:
        lines = ["| " + " | ".join(SUMMARY_HEADER) + " |", "|---|" + "---:|" * (len(SUMMARY_HEADER) - 1)]
        return "\n".join(lines + ["| " + " | ".join(md_escape(x) for x in r) + " |" for r in rows])
    widths = [max(len(r[i]) for r in (SUMMARY_HEADER, *rows)) for i in range(len(SUMMARY_HEADER))]
    return "\n".join("  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
                     for r in (SUMMARY_HEADER, *rows))


def md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(name: str, result: dict[str, Any], kind: str) -> str:
    lines = [f"### {name}", "", "| measure | value |", "|---|---|"]
    lines += [f"| {md_escape(k)} | {md_escape(v)} |" for k, v in rows_of(name, result, kind)]
    for group, g in result.get("groups", {}).items():
        if g["top_errors"]:
            lines += ["", f"Top error families (unreadable, incomparable){'' if group == 'all' else ' (' + group + ')'} "
                          f"({g['error_families']} families):", "",
                      "| claims | error | examples |", "|---:|---|---|"]
            lines += [f"| {e['count']:,} | {md_escape(e['family'])} | {md_escape(', '.join('`' + x + '`' for x in e['examples'][:3]))} |"
                      for e in g["top_errors"]]
        if g["top_unread_words"]:
            lines += ["", f"Words factcheck did not understand{'' if group == 'all' else ' (' + group + ')'}, most frequent first: "
                      + ", ".join(f"`{w['word']}` {w['count']:,} (`{w['example']}`)" for w in g["top_unread_words"][:12]) + "."]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------


def run_one(ds: DataSet, folder: Path, jobs: int) -> dict[str, Any] | None:
    claims = folder / ds.claims
    if not claims.exists():
        print(f"{ds.name}: {claims} is absent, skipped.")
        return None
    gold = read_gold(folder, ds.gold) or {}
    raw = read_raw(claims)
    with tempfile.TemporaryDirectory(prefix="factcheck-real-") as tmp:
        records, seconds, error = run_factcheck(claims, jobs, Path(tmp))
    result = analyse(ds, raw, gold, records)
    result["seconds"] = seconds
    result["error"] = error
    result["claims_file"] = ds.claims
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datasets_dir", type=Path, help="the folder of the *.jsonl.gz data sets and their gold files")
    ap.add_argument("--only", choices=[d.name for d in DATASETS], action="append", help="run only this data set (repeatable)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write every measurement as JSON")
    ap.add_argument("--markdown", action="store_true", help="print markdown tables (for docs/real-data.md)")
    ap.add_argument("--jobs", type=int, default=1, help="factcheck's -j (default 1: comparable timings)")
    ap.add_argument("--formats", action="store_true", help="also print the inventory of `says` shapes per group")
    args = ap.parse_args(argv)
    if not args.datasets_dir.is_dir():
        print(f"{args.datasets_dir}: no such folder; the real data sets are not here, nothing measured.")
        return 0
    results: dict[str, Any] = {}
    for ds in DATASETS:
        if args.only and ds.name not in args.only:
            continue
        result = run_one(ds, args.datasets_dir, args.jobs)
        if result is None:
            continue
        results[ds.name] = result
        print(render_markdown(ds.name, result, ds.kind) if args.markdown else render_text(ds.name, result, ds.kind))
        if args.formats:
            for group, g in result["groups"].items():
                print(f"\nFormats of `says` ({ds.name}, {group}, {g['format_count']} shapes, the 60 most frequent):\n"
                      if args.markdown else f"  formats ({group}, {g['format_count']} shapes):")
                print(render_formats(g, args.markdown))
        print(flush=True)
    if len(results) > 1:
        print(("### Summary\n\n" if args.markdown else "== summary\n") + render_summary(results, args.markdown))
    if args.json:
        meta = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "nproc": os.cpu_count(),
                "python": sys.version.split()[0]}
        args.json.write_text(json.dumps({"meta": meta, "datasets": results}, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
