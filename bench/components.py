"""Candidate libraries for the parts of the figure reader: correctness and speed, to justify deps.

    python bench/components.py                    # 5 repeats
    python bench/components.py --repeat 7 --json /tmp/components.json

Why: each part of the reader could lean on a library instead of the project's own tables.  A
dependency is worth it when it reads more correctly, or much faster, than the plain code it would
replace, and costs little at start-up (this is a CLI).  Four parts are measured:

  (a) locale numbers   babel.numbers.parse_decimal (lenient and strict=True) vs a plain regex +
                       float() with the locale's two separators, vs factcheck's own reader, on
                       "4,000", "4.000", "7,6", "4 000", ... in en / it / ru.
                       Each text is either *valid* in that locale (one reading: it must be read)
                       or *ambiguous / malformed* ("4.000" in English: four, or four thousand
                       written the continental way?  "7,6" in English).  For those, refusing is
                       right ("flagged"); returning one of the plausible readings is a guess; any
                       other number is a *silent misread* -- the failure that matters, because a
                       fact-checker would compare a wrong figure without knowing.
  (b) number words     number-parser (parse_number, language=en/ru; it has no Italian),
                       text2num (text2num(text, lang); en/it, no Russian), factcheck's reader, on
                       "twenty-eight", "ventotto", "duemilaventicinque", "двадцать восемь",
                       "шести", "двухсот тридцати", ...: right answers and time per phrase.
  (c) Russian endings  pymorphy3: MorphAnalyzer() construction (fresh process and in-process),
                       then `.parse(word)[0].normal_form` per token and whether that lemma is the
                       one the reader needs; vs a plain dict of the listed inflected forms.  Also:
                       how many entries a *complete* table of every form of the needed lemmas has
                       (from pymorphy3's own lexemes), i.e. what the dict approach costs in data.
  (d) dates            dateparser.parse(text, languages=[lang], settings={RELATIVE_BASE,
                       PREFER_DATES_FROM: past}) on the date phrases of tests/data: the fraction
                       whose returned day lies in the expected span, per language, and the time
                       per phrase; factcheck on the same phrases for reference.  Also dateparser
                       without `languages` (auto-detection), as a user might call it.

"factcheck" rows call the whole reader (`parse_value`) with its phrase caches cleared before each
pass, so they are an upper bound for the part being compared, not the part alone; for (a) and
(b) the reader's answer is the midpoint of the interval it reads for a bare figure.

Timings: per-call medians of --repeat runs, each run a loop over the cases (repeated to at least
--min-calls calls); start-up figures are fresh processes, median of --startup-runs, minus
`python -c pass`.  Deterministic: fixed inputs, no randomness.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readers import DATA, date_agrees, factcheck_reader, load_cases  # noqa: E402

warnings.filterwarnings("ignore", module="quantulum3")
REFUSED = "refused"
SAMPLE_DAY = dt.date(2025, 9, 29)


# --- timing helpers -------------------------------------------------------------------------------


def per_call_us(fn: Callable[[Any], Any], inputs: Sequence[Any], repeat: int, min_calls: int,
                before_pass: Callable[[], None] | None = None) -> float:
    """Median over `repeat` runs of the time per call, in microseconds."""
    passes = max(1, math.ceil(min_calls / max(len(inputs), 1)))
    samples = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for _ in range(passes):
            if before_pass is not None:
                before_pass()
            for x in inputs:
                fn(x)
        samples.append((time.perf_counter() - t0) / (passes * len(inputs)) * 1e6)
    return statistics.median(samples)


def startup_ms(stmts: dict[str, str], runs: int) -> dict[str, float]:
    """Fresh `python -c STMT`, median of `runs` (round-robin), minus `python -c pass`; in ms."""
    stmts = {"pass": "pass", **stmts}
    samples: dict[str, list[float]] = {k: [] for k in stmts}
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    for _ in range(runs):
        for key, stmt in stmts.items():
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", stmt], check=True, capture_output=True, env=env, cwd="/")
            samples[key].append(time.perf_counter() - t0)
    base = statistics.median(samples["pass"])
    return {k: (statistics.median(v) - base) * 1e3 for k, v in samples.items() if k != "pass"} | {
        "python -c pass": base * 1e3}


def attempt(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except Exception:  # noqa: BLE001 - any exception is a refusal, for every library alike
        return REFUSED


def same(a: Any, b: float) -> bool:
    return not isinstance(a, str) and a is not None and math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12)


def factcheck_midpoint() -> tuple[Callable[[str, str], Any], Callable[[], None]]:
    """The whole reader, as a plain number: midpoint of a bare figure's interval, or REFUSED."""
    from factcheck.read import ReadError, parse_value

    _, clear, _ = factcheck_reader()

    def read(text: str, lang: str) -> Any:
        try:
            v = parse_value(text, lang, SAMPLE_DAY).to_json()
        except ReadError:
            return REFUSED
        lo, hi = v.get("lower"), v.get("upper")
        if lo is None or hi is None:
            return REFUSED
        return (lo + hi) / 2

    return read, clear


# --- (a) locale numbers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NumCase:
    lang: str
    text: str
    plausible: tuple[float, ...]  # readings a writer could have meant
    valid: bool  # valid in this locale, with exactly one reading (plausible[0])
    why: str = ""


NBSP, NNBSP = "\u00a0", "\u202f"
NUMBER_CASES = [
    NumCase("en", "4,000", (4000,), True),
    NumCase("en", "4.000", (4, 4000), False, "4 to 3 decimals, or continental 4 thousand"),
    NumCase("en", "7,6", (7.6,), False, "comma is not a decimal point in English"),
    NumCase("en", "4 000", (4000,), True, "SI grouping with a space"),
    NumCase("en", "7.60", (7.6,), True),
    NumCase("en", "1,234,567", (1234567,), True),
    NumCase("en", "0,5", (0.5,), False, "comma is not a decimal point in English"),
    NumCase("it", "4.000", (4000,), True),
    NumCase("it", "4,000", (4, 4000), False, "4 to 3 decimals, or English 4 thousand"),
    NumCase("it", "7,6", (7.6,), True),
    NumCase("it", "4 000", (4000,), True, "SI grouping with a space"),
    NumCase("it", "7.60", (7.6,), False, "point is not a decimal point in Italian"),
    NumCase("it", "1.234.567", (1234567,), True),
    NumCase("it", "12.500", (12500,), True),
    NumCase("it", "0,5", (0.5,), True),
    NumCase("ru", "4 000", (4000,), True, "plain space"),
    NumCase("ru", f"4{NBSP}000", (4000,), True, "no-break space (CLDR)"),
    NumCase("ru", f"4{NNBSP}000", (4000,), True, "narrow no-break space"),
    NumCase("ru", "7,6", (7.6,), True),
    NumCase("ru", "4,000", (4, 4000), False, "4 to 3 decimals, or English 4 thousand"),
    NumCase("ru", "4.000", (4, 4000), False, "point is not a Russian separator"),
    NumCase("ru", "7.6", (7.6,), False, "point is not a Russian separator"),
    NumCase("ru", "1 234 567", (1234567,), True),
]

# The two separators per language, as CLDR has them (babel.numbers.get_decimal_symbol /
# get_group_symbol); any space is also accepted as a group separator (SI style, and what people
# type for CLDR's no-break space).
SEPARATORS = {"en": (".", ","), "it": (",", "."), "ru": (",", NBSP)}
SPACES = " " + NBSP + NNBSP


def plain_number(text: str, lang: str) -> float:
    """Regex + float(): groups of exactly 3, one decimal separator; refuse the ambiguous shape
    "d{1,3}<decimal>ddd" (`4.000` in English), and anything else not written in the locale."""
    import re

    dec, grp = SEPARATORS[lang]
    groups = "[" + re.escape(grp) + SPACES + "]"
    m = re.fullmatch(rf"(\d{{1,3}}(?:{groups}\d{{3}})+|\d+)(?:{re.escape(dec)}(\d+))?", text.strip())
    if m is None:
        raise ValueError(f"not a number in {lang}: {text!r}")
    whole, frac = m.groups()
    if frac is not None and len(frac) == 3 and len(whole) <= 3 and whole != "0":
        raise ValueError(f"ambiguous: {text!r}")
    digits = re.sub(groups, "", whole)
    return float(digits + ("." + frac if frac else ""))


def number_parsers() -> tuple[dict[str, Callable[[str, str], Any]], Callable[[], None]]:
    from babel.numbers import parse_decimal

    fc, fc_clear = factcheck_midpoint()
    return {
        "babel parse_decimal": lambda t, lang: attempt(lambda: parse_decimal(t, locale=lang)),
        "babel parse_decimal strict": lambda t, lang: attempt(lambda: parse_decimal(t, locale=lang, strict=True)),
        "regex + float": lambda t, lang: attempt(lambda: plain_number(t, lang)),
        "factcheck parse_value": fc,
    }, fc_clear


def score_number(case: NumCase, got: Any) -> str:
    if got == REFUSED:
        return "refused (right)" if not case.valid else "refused (missed)"
    if case.valid:
        return "right" if same(got, case.plausible[0]) else "MISREAD"
    return "guessed" if any(same(got, p) for p in case.plausible) else "MISREAD"


def part_a(repeat: int, min_calls: int) -> dict[str, Any]:
    parsers, fc_clear = number_parsers()
    out: dict[str, Any] = {}
    n_langs = sorted({c.lang for c in NUMBER_CASES})
    print(f"## (a) Locale numbers: {len(NUMBER_CASES)} texts in {'/'.join(n_langs)} (each answer below)\n")
    print("| approach | valid read right | valid refused | ambiguous/malformed flagged | guessed | silent misreads | µs/call |")
    print("|---|---:|---:|---:|---:|---|---:|")
    n_valid = sum(c.valid for c in NUMBER_CASES)
    n_other = len(NUMBER_CASES) - n_valid
    for name, fn in parsers.items():
        if name.startswith("factcheck"):
            fc_clear()
        got = {c: fn(c.text, c.lang) for c in NUMBER_CASES}
        scores = {c: score_number(c, g) for c, g in got.items()}
        counts = {s: sum(v == s for v in scores.values()) for s in
                  ("right", "refused (missed)", "refused (right)", "guessed", "MISREAD")}
        misreads = [f"{c.lang} {c.text!r}→{_num(got[c])}" for c in NUMBER_CASES if scores[c] == "MISREAD"]
        us = per_call_us(lambda c, fn=fn: fn(c.text, c.lang), NUMBER_CASES, repeat, min_calls,
                         fc_clear if name.startswith("factcheck") else None)
        print(f"| {name} | {counts['right']}/{n_valid} | {counts['refused (missed)']} | {counts['refused (right)']}/{n_other} "
              f"| {counts['guessed']} | {len(misreads)}{': ' + ', '.join(misreads) if misreads else ''} | {us:.1f} |")
        out[name] = {"counts": counts, "us_per_call": us,
                     "answers": {f"{c.lang} {c.text}": [_num(got[c]), scores[c]] for c in NUMBER_CASES}}
    print("\n| lang | text | valid? | " + " | ".join(parsers) + " |")
    print("|---|---|---|" + "---|" * len(parsers))
    for c in NUMBER_CASES:
        cells = []
        for name in parsers:
            answer, score = out[name]["answers"][f"{c.lang} {c.text}"]
            cells.append(f"**{answer}**" if score == "MISREAD" else answer)
        shown = c.text.replace(NBSP, "⍽").replace(NNBSP, "ˌ")  # visible no-break / narrow no-break space
        print(f"| {c.lang} | `{shown}` | {'yes' if c.valid else 'no: ' + c.why} | " + " | ".join(cells) + " |")
    print("\n(⍽ no-break space, ˌ narrow no-break space; **bold**: silent misread)\n")
    return out


def _num(x: Any) -> str:
    if x == REFUSED:
        return REFUSED
    f = float(x)
    return f"{f:.10g}" if abs(f) < 1e12 else f"{f:.3g}"


# --- (b) number words -----------------------------------------------------------------------------

WORD_CASES: list[tuple[str, str, float]] = [
    ("en", "twenty-eight", 28), ("en", "twenty eight", 28), ("en", "Three", 3), ("en", "twenty", 20),
    ("en", "one hundred", 100), ("en", "three thousand five hundred", 3500), ("en", "two billion", 2e9),
    ("en", "a hundred", 100), ("en", "twenty-five thousand", 25000),
    ("it", "ventotto", 28), ("it", "Ventotto", 28), ("it", "tre", 3), ("it", "venti", 20), ("it", "cento", 100),
    ("it", "milleduecento", 1200), ("it", "duemilaventicinque", 2025), ("it", "tre miliardi", 3e9),
    ("it", "ventitré", 23), ("it", "un milione", 1e6), ("it", "venticinquemila", 25000),
    ("ru", "двадцать восемь", 28), ("ru", "шести", 6), ("ru", "трёх", 3), ("ru", "трех", 3), ("ru", "сто", 100),
    ("ru", "двухсот тридцати", 230), ("ru", "двадцати восьми", 28), ("ru", "тысяча двести", 1200),
    ("ru", "две тысячи двадцать пять", 2025), ("ru", "два миллиарда", 2e9), ("ru", "сорока", 40),
    ("ru", "Пятьсот", 500), ("ru", "двадцать пять тысяч", 25000), ("ru", "полтора миллиона", 1.5e6),
]


def word_parsers() -> tuple[dict[str, tuple[frozenset[str], Callable[[str, str], Any]]], Callable[[], None]]:
    parsers: dict[str, tuple[frozenset[str], Callable[[str, str], Any]]] = {}
    from number_parser import parse_number

    parsers["number-parser"] = (frozenset({"en", "ru"}),
                                lambda t, lang: attempt(lambda: parse_number(t, language=lang)))
    try:
        from text_to_num import text2num

        parsers["text2num"] = (frozenset({"en", "it"}), lambda t, lang: attempt(lambda: text2num(t, lang)))
    except ImportError:
        print("text2num is not installed: `pip install text2num` to include it\n")
    fc, fc_clear = factcheck_midpoint()
    parsers["factcheck parse_value"] = (frozenset({"en", "it", "ru"}), fc)
    return parsers, fc_clear


def part_b(repeat: int, min_calls: int, startup_runs: int) -> dict[str, Any]:
    parsers, fc_clear = word_parsers()
    langs = ["en", "it", "ru"]
    out: dict[str, Any] = {}
    print("## (b) Number words: right answers per language (None / refused counts as wrong)\n")
    print("| approach | " + " | ".join(langs) + " | wrong answers | µs/phrase | import + first call |")
    print("|---|" + "---:|" * len(langs) + "---|---:|---:|")
    st = startup_ms({
        "number-parser": "from number_parser import parse_number; parse_number('twenty-eight', language='en')",
        "text2num": "from text_to_num import text2num; text2num('ventotto', 'it')",
        "factcheck parse_value": "import datetime; from factcheck.read import parse_value; "
                                 "parse_value('twenty-eight', 'en', datetime.date(2025, 9, 29))",
    } if "text2num" in parsers else {
        "number-parser": "from number_parser import parse_number; parse_number('twenty-eight', language='en')",
        "factcheck parse_value": "import datetime; from factcheck.read import parse_value; "
                                 "parse_value('twenty-eight', 'en', datetime.date(2025, 9, 29))",
    }, startup_runs)
    for name, (supported, fn) in parsers.items():
        is_fc = name.startswith("factcheck")
        if is_fc:
            fc_clear()
        cells, wrong, results = [], [], {}
        for lang in langs:
            cases = [c for c in WORD_CASES if c[0] == lang]
            if lang not in supported:
                cells.append(f"n/a ({len(cases)})")
                continue
            ok = 0
            for _, text, want in cases:
                got = fn(text, lang)
                results[f"{lang} {text}"] = _num(got) if got is not None else None
                if same(got, want):
                    ok += 1
                else:
                    wrong.append(f"{text!r}→{_num(got) if got is not None else None}")
            cells.append(f"{ok}/{len(cases)}")
        inputs = [c for c in WORD_CASES if c[0] in supported]
        us = per_call_us(lambda c, fn=fn: fn(c[1], c[0]), inputs, repeat, min_calls, fc_clear if is_fc else None)
        print(f"| {name} | " + " | ".join(cells) + f" | {', '.join(wrong) or '—'} | {us:.1f} | {st[name]:.0f} ms |")
        out[name] = {"cells": dict(zip(langs, cells, strict=True)), "wrong": wrong, "us_per_phrase": us,
                     "startup_ms": st[name], "answers": results}
    print(f"\nnumber-parser has no Italian; text2num has no Russian. Start-up: fresh process, median of "
          f"{startup_runs}, minus `python -c pass`.\n")
    return out


# --- (c) Russian case endings ---------------------------------------------------------------------

# token -> the lemma the reader needs (numbers, scales, months, units, hedges of news phrases)
RU_TOKENS = {
    "шести": "шесть", "двухсот": "двести", "тридцати": "тридцать", "трёх": "три", "трех": "три",
    "двадцати": "двадцать", "восьми": "восемь", "сорока": "сорок", "девяноста": "девяносто",
    "ста": "сто", "полутора": "полтора", "двух": "два", "пяти": "пять", "одного": "один",
    "миллиардов": "миллиард", "миллиарда": "миллиард", "миллиона": "миллион", "тысяч": "тысяча",
    "тысячи": "тысяча", "января": "январь", "январе": "январь", "мая": "май", "мае": "май",
    "прошлом": "прошлый", "прошлого": "прошлый", "году": "год", "года": "год", "лет": "год",
    "рублей": "рубль", "долларов": "доллар", "процентов": "процент", "процента": "процент",
    "тенге": "тенге", "квартале": "квартал", "первом": "первый",
}
# Lemmas whose every form a complete table would list (what the dict approach has to carry).
RU_LEMMAS = [
    "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
    "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
    "семнадцать", "восемнадцать", "девятнадцать", "двадцать", "тридцать", "сорок", "пятьдесят",
    "шестьдесят", "семьдесят", "восемьдесят", "девяносто", "сто", "двести", "триста", "четыреста",
    "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот", "полтора", "тысяча", "миллион",
    "миллиард", "триллион", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
    "сентябрь", "октябрь", "ноябрь", "декабрь", "год", "месяц", "квартал", "прошлый", "этот",
    "следующий", "первый", "второй", "третий", "четвёртый", "процент", "доллар", "рубль", "евро",
    "тенге", "фунт", "юань",
]


def part_c(repeat: int, min_calls: int, startup_runs: int) -> dict[str, Any]:
    import pymorphy3

    st = startup_ms({
        "import pymorphy3": "import pymorphy3",
        "import + MorphAnalyzer()": "import pymorphy3; pymorphy3.MorphAnalyzer()",
        "import + MorphAnalyzer() + first parse": "import pymorphy3; pymorphy3.MorphAnalyzer().parse('шести')",
    }, startup_runs)
    ctor = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        morph = pymorphy3.MorphAnalyzer()
        ctor.append((time.perf_counter() - t0) * 1e3)
    ctor_ms = statistics.median(ctor)

    tokens = list(RU_TOKENS)
    lemma = {t: morph.parse(t)[0].normal_form for t in tokens}
    wrong = [f"{t}→{lemma[t]} (want {RU_TOKENS[t]})" for t in tokens if lemma[t] != RU_TOKENS[t]]
    morph_us = per_call_us(lambda t: morph.parse(t)[0].normal_form, tokens, repeat, min_calls)

    # The dict approach: every form of the needed lemmas, listed once. Generated here from
    # pymorphy3's lexemes, with no hand fixes, to count what a complete table holds and to see
    # whether it maps the tokens right; a project would write its forms in its language file.
    table: dict[str, str] = {}
    clashes = set()
    for lem in RU_LEMMAS:
        lexemes = [p.lexeme for p in morph.parse(lem) if p.normal_form == lem]
        for form in (f for lexeme in lexemes for f in lexeme):
            for w in {form.word, form.word.replace("ё", "е")}:
                if table.setdefault(w, lem) != lem:
                    clashes.add(w)

    def lookup(t: str) -> str | None:
        return table.get(t.lower().replace("ё", "е"))

    dict_wrong = [f"{t}→{lookup(t)} (want {RU_TOKENS[t]})" for t in tokens if lookup(t) != RU_TOKENS[t]]
    dict_right = len(tokens) - len(dict_wrong)
    dict_us = per_call_us(lookup, tokens, repeat, min_calls)
    try:
        dicts_ver = version("pymorphy3-dicts-ru")
        from importlib.metadata import files

        dicts_mb = sum(f.locate().stat().st_size for f in files("pymorphy3-dicts-ru") or [] if f.locate().exists()) / 1e6
    except PackageNotFoundError:
        dicts_ver, dicts_mb = "?", float("nan")

    print(f"## (c) Russian case endings: {len(tokens)} inflected tokens of news figures\n")
    print("| approach | lemma right | µs/token | set-up |")
    print("|---|---:|---:|---|")
    print(f"| pymorphy3 `.parse(w)[0].normal_form` | {len(tokens) - len(wrong)}/{len(tokens)} | {morph_us:.1f} | "
          f"import {st['import pymorphy3']:.0f} ms; import + MorphAnalyzer() {st['import + MorphAnalyzer()']:.0f} ms "
          f"(fresh process); MorphAnalyzer() again in-process {ctor_ms:.0f} ms; dictionaries {dicts_mb:.0f} MB |")
    print("| complete dict of forms (generated from pymorphy3 lexemes, no hand fixes; `.get` after lower, ё→е) "
          f"| {dict_right}/{len(tokens)} | {dict_us:.2f} | "
          f"{len(table)} forms of {len(RU_LEMMAS)} lemmas ({len(clashes)} shared by two lemmas): no import, no start-up |")
    print(f"\npymorphy3 wrong lemmas: {'; '.join(wrong) or 'none'}")
    print(f"complete-table wrong lemmas: {'; '.join(dict_wrong) or 'none'}; "
          f"forms shared by two lemmas: {', '.join(sorted(clashes)) or 'none'}\n")
    return {"startup_ms": st, "ctor_in_process_ms": ctor_ms, "pymorphy3_right": [len(tokens) - len(wrong), len(tokens)],
            "pymorphy3_wrong": wrong, "pymorphy3_us_per_token": morph_us, "dict_right": [dict_right, len(tokens)],
            "dict_us_per_token": dict_us, "dict_wrong": dict_wrong, "complete_table_forms": len(table),
            "shared_forms": sorted(clashes), "lemmas": len(RU_LEMMAS),
            "pymorphy3_dicts_ru": [dicts_ver, dicts_mb]}


# --- (d) dates ------------------------------------------------------------------------------------


def part_d(repeat: int, min_calls: int, data: Path) -> dict[str, Any]:
    import dateparser

    cases = [c for c in load_cases(data) if c.group == "dates"]
    langs = sorted({c.lang for c in cases})
    fc_read, fc_clear, fc_exact = factcheck_reader()

    def dp(c: Any) -> Any:
        return dateparser.parse(c.phrase, languages=[c.lang],
                                settings={"RELATIVE_BASE": c.base, "PREFER_DATES_FROM": "past"})

    def dp_auto(c: Any) -> Any:
        return dateparser.parse(c.phrase, settings={"RELATIVE_BASE": c.base, "PREFER_DATES_FROM": "past"})

    out: dict[str, Any] = {}
    print("## (d) Dates: the returned day lies in the expected span (dateparser); "
          "exactly the expected span (factcheck)\n")
    print("| reader | lang | right | µs/phrase (median of runs) | examples it gets wrong |")
    print("|---|---|---:|---:|---|")
    for lang in langs:
        sub = [c for c in cases if c.lang == lang]
        for name, fn in (("dateparser, languages=[lang]", dp), ("dateparser, auto-detect", dp_auto)):
            for c in sub:  # warm-up: language data load on first use
                attempt(lambda c=c, fn=fn: fn(c))
            got = {c: attempt(lambda c=c, fn=fn: fn(c)) for c in sub}
            ok = [c for c in sub if got[c] != REFUSED and date_agrees(c, got[c])]
            bad = [f"{c.phrase!r}→{got[c].date() if hasattr(got[c], 'date') else got[c]}" for c in sub if c not in ok]
            us = per_call_us(fn, sub, repeat, min_calls // 4)
            print(f"| {name} | {lang} | {len(ok)}/{len(sub)} ({len(ok) / len(sub):.0%}) | {us:,.0f} | "
                  f"{', '.join(bad[:4])}{' …' if len(bad) > 4 else ''} |")
            out[f"{name} {lang}"] = {"right": [len(ok), len(sub)], "us_per_phrase": us, "wrong": bad}
        try:
            fc_ok = sum(fc_exact(c) for c in sub)
            fc_us = per_call_us(fc_read, sub, repeat, min_calls, fc_clear)
            print(f"| factcheck (cold) | {lang} | {fc_ok}/{len(sub)} ({fc_ok / len(sub):.0%}) | {fc_us:,.0f} | |")
            out[f"factcheck {lang}"] = {"right": [fc_ok, len(sub)], "us_per_phrase": fc_us}
        except Exception as exc:  # noqa: BLE001 - e.g. a language file mid-edit
            print(f"| factcheck | {lang} | cannot load: {type(exc).__name__} | | |")
    print()
    return out


# --- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per figure (median)")
    ap.add_argument("--min-calls", type=int, default=2000, help="calls per timed run, at least")
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument("--data", type=Path, default=DATA, help="folder of phrases_*.yaml (default: tests/data)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    import factcheck

    vers = {}
    for d in ("babel", "number-parser", "text2num", "pymorphy3", "pymorphy3-dicts-ru", "dateparser"):
        try:
            vers[d] = version(d)
        except PackageNotFoundError:
            vers[d] = "not installed"
    print(f"python {platform.python_version()}, {platform.system()}, {os.cpu_count()} cores; "
          + ", ".join(f"{k} {v}" for k, v in vers.items()) + f"; factcheck from {Path(factcheck.__file__).parent}\n")
    result: dict[str, Any] = {"python": platform.python_version(), "cores": os.cpu_count(), "versions": vers}
    result["a_numbers"] = part_a(args.repeat, args.min_calls)
    st = startup_ms({
        "babel: import babel.numbers": "import babel.numbers",
        "babel: + separators of en, it, ru": "from babel.numbers import get_decimal_symbol as d, get_group_symbol as g; "
                                            "[(d(x), g(x)) for x in ('en', 'it', 'ru')]",
        "babel: + parse_decimal('4,000', 'it')": "from babel.numbers import parse_decimal; parse_decimal('4,000', locale='it')",
    }, args.startup_runs)
    print("babel start-up (fresh process, median, minus `python -c pass`): "
          + "; ".join(f"{k.removeprefix('babel: ')} {v:.0f} ms" for k, v in st.items() if k.startswith("babel")) + "\n")
    result["a_babel_startup_ms"] = st
    sys.stdout.flush()
    result["b_words"] = part_b(args.repeat, args.min_calls, args.startup_runs)
    sys.stdout.flush()
    result["c_russian"] = part_c(args.repeat, args.min_calls, args.startup_runs)
    sys.stdout.flush()
    result["d_dates"] = part_d(args.repeat, args.min_calls, args.data)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {args.json}")
    return result


if __name__ == "__main__":
    main()
