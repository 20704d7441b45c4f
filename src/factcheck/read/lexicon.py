"""Per-language word lists, loaded from data files and compiled once.

A language is a YAML file in `languages/` (`en.yaml`, `it.yaml`) plus `common.yaml`: hedge words,
scale words, currencies, months, number words, date phrases. The reader is generic code over
this data, so adding a language is a data file and its tests, not code.

Phrases in the data are tokenised with the same tokeniser as the text being read, and kept in a
"first token → candidates, longest first" index so that matching at a position is a dict lookup.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any, Generic, TypeVar

import yaml_rs

from factcheck.errors import did_you_mean

T = TypeVar("T")

Tokens = tuple[str, ...]

# Typographic variants an editor treats as the same character.
_PLAIN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "ё": "е",  # Russian writes ё and е interchangeably
        "Ё": "Е",
    }
)

# numbers (digits with inner separators; a time of day `9:10` is one token), words (letters, with an elided article's apostrophe
# kept: "l'", "dell'"), and single other symbols. Whitespace and most punctuation separate tokens.
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?::\d\d(?!\d)(?::\d\d(?:\.\d+)?(?!\d))?)?"  # 9:10, 21:05:30, 13:11:23.678 (2:1 is not)
    r"|(?<![\w.,])[.,]\d+(?:[.,]\d+)*"  # `,77` and `.5`: a decimal point with no digit before it
    r"|[+-](?<![\w:.][+-])\d\d:\d\d(?![\d:])"  # a UTC offset standing apart: (-05:00), +03:00
    r"|[^\W\d_]+(?:\.[^\W\d_]+)+\.?"  # dotted abbreviations: u.s., u.s.a.
    r"|[^\W\d_]+(?:(?<!s)')?"  # "dell'" keeps its apostrophe; a plural's possessive ("weeks'") drops it
    r"|[^\w\s]",
)
_DROP = frozenset({",", ".", ";", ":", "!", "?", "(", ")", '"', "'", "[", "]"})


def normalise(text: str) -> str:
    """Case-fold and make typographic quotes, dashes and spaces plain."""
    return unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold().strip()


def tokenise(text: str) -> Tokens:
    """Tokens of an already normalised text; punctuation that carries no meaning is dropped."""
    return tuple(t for t in _TOKEN.findall(text) if t not in _DROP)


class PhraseIndex(Generic[T]):
    """Multi-word phrases looked up at a token position, longest match first."""

    def __init__(self, entries: dict[str, T]):
        by_first: dict[str, list[tuple[Tokens, T]]] = {}
        for phrase, value in entries.items():
            toks = tokenise(normalise(str(phrase)))
            if toks:
                by_first.setdefault(toks[0], []).append((toks, value))
        for candidates in by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self._by_first = by_first
        self.words = frozenset(w for cands in by_first.values() for toks, _ in cands for w in toks)

    def entries(self) -> list[tuple[Tokens, T]]:
        """Every phrase (as tokens) with its value."""
        return [entry for candidates in self._by_first.values() for entry in candidates]

    def starts(self, token: str) -> bool:
        """Does some phrase start with this token?"""
        return token in self._by_first

    def match(self, tokens: Tokens, pos: int) -> tuple[T, int] | None:
        """The value of the longest phrase starting at `pos`, and the position after it."""
        if pos >= len(tokens):
            return None
        for toks, value in self._by_first.get(tokens[pos], ()):
            end = pos + len(toks)
            if tokens[pos:end] == toks:
                return value, end
        return None


def _phrases(items: list[str] | None) -> PhraseIndex[bool]:
    return PhraseIndex({p: True for p in items or ()})


@dataclass(frozen=True)
class TimeWords:
    """The words of times of day (`times:` in a language file, plus `common.yaml`'s AM/PM and
    zones); docs/verdicts.md "Times of day" says how they are read."""

    markers: PhraseIndex[bool]  # before a time: "at", "alle", "ore", "в"
    hedges: PhraseIndex[str]  # approx | before | by | after | since
    range_starts: PhraseIndex[bool]  # "between", "dalle", "с"
    range_separators: PhraseIndex[bool]  # "and", "alle", "до", "-"
    day_parts: PhraseIndex[str]  # am | pm | morning | afternoon | evening | night
    hour_words: PhraseIndex[bool]  # after an hour: "часов" ("в 9 часов")
    named: PhraseIndex[int]  # minute of the day: "noon" 720, "mezzanotte" 0
    zones: PhraseIndex[str]  # a zone as written → the note it is kept as: "cst" → "CST"
    days: PhraseIndex[int]  # "yesterday" -1: days from the reference day
    weekdays: dict[str, int]  # ISO weekday: "thu" 4
    numeric_dates: str  # "mdy" (12/1/11 is 1 December) or "dmy" (12 January)
    dotted: bool  # "alle 14.30": h.mm is a time after a time word or beside a date
    bare_hours: frozenset[str]  # "alle 9", "verso le 9": a bare hour right after these is a time
    # after a time, an estimate: "9:19 PM (Estimated)", "14.30 stimato" (read as the hedge
    # `estimated`: ± 5 minutes, noted)
    estimates: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))

    @cached_property
    def loose(self) -> bool:
        """Can a token without a colon be a time or a date here (`alle 14.30`, `01.12.2011`)?"""
        return self.dotted or self.numeric_dates == "dmy" or bool(self.bare_hours)

    @cached_property
    def words(self) -> frozenset[str]:
        out = set(self.weekdays) | self.bare_hours
        for index in (self.markers, self.hedges, self.range_starts, self.range_separators,
                      self.day_parts, self.hour_words, self.named, self.zones, self.days, self.estimates):
            out |= index.words
        return frozenset(out)

    @cached_property
    def triggers(self) -> frozenset[str]:
        """Words that make a phrase a possible time (so its reading depends on the day): AM/PM
        and parts of the day, hour words, noon, today, `h` (`14h30`) and `/` (`12/1/11`). A token
        `9:10`, and `14.30` or `9` after a time word, are found by `might_be_a_date` itself."""
        # The last word of each phrase is in every text the phrase is in ("morning" of "in the
        # morning"): the other words ("in", "the") would send every phrase they are in here.
        out = {
            toks[-1]
            for index in (self.hour_words, self.named, self.days, self.day_parts)
            for toks, _ in index.entries()
            if len(toks[-1]) > 1  # not "a" and "p": they are AM/PM only right after 9:10
        }
        # zone codes: "0936 GMT", a wire's time with no colon (not "time" of "Italian time": a
        # zone in words follows a time that has its own trigger)
        out |= {toks[0] for toks, _ in self.zones.entries() if len(toks) == 1 and len(toks[0]) > 1}
        return frozenset(out | {"h", "/"})

    @cached_property
    def openers(self) -> frozenset[str]:
        """The last word of every phrase that may stand right before a time (`в` in `в 14.30`)."""
        return frozenset(
            toks[-1]
            for index in (self.markers, self.hedges, self.range_starts, self.range_separators)
            for toks, _ in index.entries()
        )


NO_TIME_WORDS = TimeWords(
    markers=PhraseIndex({}), hedges=PhraseIndex({}), range_starts=PhraseIndex({}),
    range_separators=PhraseIndex({}), day_parts=PhraseIndex({}), hour_words=PhraseIndex({}),
    named=PhraseIndex({}), zones=PhraseIndex({}), days=PhraseIndex({}), weekdays={},
    numeric_dates="dmy", dotted=False, bare_hours=frozenset(),
)
TIME_HEDGES = frozenset({"approx", "estimated", "before", "by", "after", "since"})
DAY_PARTS = frozenset({"am", "pm", "morning", "afternoon", "evening", "night"})


def _time_words(language: str, raw: dict[str, Any] | None, common: dict[str, Any]) -> TimeWords:
    raw = raw or {}
    hedges = {p: kind for kind, phrases in (raw.get("hedges") or {}).items() for p in phrases}
    parts = {p: kind for kind, phrases in (common.get("day_parts") or {}).items() for p in phrases}
    parts.update({p: kind for kind, phrases in (raw.get("day_parts") or {}).items() for p in phrases})
    zones = _table(common.get("time_zones"), str)
    zones.update(_table(raw.get("zones"), str))
    order = str(raw.get("numeric_dates", "dmy"))
    problems = [f"unknown time hedge {k!r}" for k in set(hedges.values()) - TIME_HEDGES]
    problems += [f"unknown part of the day {k!r}" for k in set(parts.values()) - DAY_PARTS]
    if order not in ("mdy", "dmy"):
        problems.append(f"times.numeric_dates is {order!r}, not 'mdy' or 'dmy'")
    if problems:
        raise LanguageDataError(f"languages/{language}.yaml: " + "; ".join(problems))
    return TimeWords(
        markers=_phrases(raw.get("markers")),
        hedges=PhraseIndex(hedges),
        range_starts=_phrases(raw.get("range_starts")),
        range_separators=_phrases(raw.get("range_separators")),
        day_parts=PhraseIndex(parts),
        hour_words=_phrases(raw.get("hour_words")),
        named=PhraseIndex(_table(raw.get("named"))),
        zones=PhraseIndex(zones),
        days=PhraseIndex(_table(raw.get("days"))),
        weekdays=_normalised(_table(raw.get("weekdays"))),
        numeric_dates=order,
        dotted=bool(raw.get("dotted", False)),
        bare_hours=frozenset(normalise(str(w)) for w in raw.get("bare_hours") or ()),
        estimates=_phrases(raw.get("estimates")),
    )


@dataclass(frozen=True)
class Lexicon:
    """Everything the reader knows about one language."""

    language: str
    decimal: str
    group: str
    hedges: PhraseIndex[str]
    fillers: PhraseIndex[bool]
    range_starts: PhraseIndex[bool]
    range_separators: PhraseIndex[bool]
    number_words: dict[str, float]  # whole numbers, and a few fractions ("полтора": 1.5)
    number_words_compound: bool
    number_word_joiners: frozenset[str]
    ordinals: dict[str, int]
    ordinal_suffixes: frozenset[str]
    rank_top: PhraseIndex[bool]
    rank_articles: PhraseIndex[bool]
    scales: PhraseIndex[float]
    currencies: PhraseIndex[str]
    unit_connectors: PhraseIndex[bool]
    percent: PhraseIndex[bool]
    units: PhraseIndex[str]
    months: dict[str, int]
    date_prepositions: PhraseIndex[bool]
    month_before: PhraseIndex[bool]
    month_after: PhraseIndex[bool]
    month_before_suffix: PhraseIndex[bool]
    month_after_suffix: PhraseIndex[bool]
    relative_years: PhraseIndex[int]
    ago_words: PhraseIndex[bool]
    year_words: PhraseIndex[bool]
    month_words: PhraseIndex[bool]
    of_the_year: PhraseIndex[bool]
    first_months: PhraseIndex[bool]
    quarters: PhraseIndex[int]
    halves: PhraseIndex[int]
    decade_suffixes: frozenset[str]
    duration_units: PhraseIndex[float]
    duration_prefixes: PhraseIndex[bool]
    category_prefixes: PhraseIndex[bool]
    not_names: frozenset[str]
    one_articles: frozenset[str]  # "a", "un": a count of one ("a decade", "un miliardo")
    date_of: frozenset[str]  # "of", "di": between a day or month and what follows
    lone_scales: frozenset[str]  # "миллиард долларов": these scale words alone count one
    year_suffixes: PhraseIndex[bool]  # after a year: "2024 года", "2025 г."
    rank_suffixes: PhraseIndex[bool]  # after a rank: "third place", "на третьем месте"
    rank_groups: dict[str, int]  # "в тройке": the top three
    rank_group_words: frozenset[str]  # words that may stand around a group word: "входит в первую"
    quarter_words: PhraseIndex[bool]  # "квартал", "trimestre", "quarter" after an ordinal
    half_words: PhraseIndex[bool]
    roman_numerals: dict[str, int]
    decade_after: PhraseIndex[bool]  # "в 1990-х годах"
    decade_words: dict[str, int]  # "the nineties": 90
    decade_prefixes: PhraseIndex[bool]  # "anni" in "anni novanta", "anni '90"
    named_durations: PhraseIndex[float]  # "полвека", "half a century": years, no count
    since_words: PhraseIndex[bool]  # "since 2019": from then to the publication day
    canonical: dict[str, Any]  # templates to write a value back (factcheck.read.writer)
    code_qualifiers: frozenset[str] = frozenset()  # "terminal" in "Terminal B - B36" (values/codes.py)
    non_answers: frozenset[str] = frozenset()  # "not provided", "n/a": words joined by one space
    times: TimeWords = field(default_factory=lambda: NO_TIME_WORDS)  # "9:10 AM", "alle 14.30"
    # issue 18: the phrase families a desk meets every day (docs/languages.md)
    post_hedges: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "300 or more"
    bound_joiners: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "and" between two bounds
    verbs: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "rose to": the figure itself
    fractions: dict[str, float] = field(default_factory=dict)  # "third": 1/3 ("a third", "two thirds")
    fraction_prefixes: dict[str, float] = field(default_factory=dict)  # "пол" of "полмиллиарда"
    fraction_joiners: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "half A billion"
    fraction_addends: PhraseIndex[float] = field(default_factory=lambda: PhraseIndex({}))  # "and a half"
    subunits: PhraseIndex[float] = field(default_factory=lambda: PhraseIndex({}))  # "cents": 0.01
    subunit_joiners: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))
    decimal_words: frozenset[str] = frozenset()  # "point" in "four point five"
    vague_plurals: frozenset[str] = frozenset()  # "dozens", "decine", "десятки": no figure
    rank_scopes: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "in Europe"
    rates: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "a day": "day"
    unit_prefixes: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "magnitude 6.1"
    weeks: PhraseIndex[int] = field(default_factory=lambda: PhraseIndex({}))  # "last week": -1
    month_parts: PhraseIndex[int] = field(default_factory=lambda: PhraseIndex({}))  # "early": 1 of 3
    period_words: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "year", "month"
    open_dates: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "before": before
    open_date_suffixes: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "or later"
    span_units: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "days": day
    recent_spans: PhraseIndex[int] = field(default_factory=lambda: PhraseIndex({}))  # "over the past": -1
    anniversary_words: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))
    weekday_before: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "last" Tuesday
    weekday_after: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # martedì "scorso"
    this_period: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "earlier this month"
    written_year_words: frozenset[str] = frozenset()
    has_words: bool = True  # False for a language without a table (`_any_language`)
    bare_range_separators: frozenset[str] = frozenset()  # "7 to 10": a range without "between"
    later_words: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "через год"
    group_joiners: frozenset[str] = frozenset()  # "due milioni e trecentomila": between groups
    later_suffixes: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "two years later"
    # issue 18, the families left for later
    later_on_dates: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "in two years" (date subject)
    ordinal_endings: tuple[str, ...] = ()  # "esimo" of "ventottesimo": a number word made an ordinal
    minus_words: frozenset[str] = frozenset()  # "minus", "meno", "минус": the number below zero
    ratio_words: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "one IN five"
    each_words: frozenset[str] = frozenset()  # "каждый пятый": one in five
    multipliers: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "twice as many"
    counted_nouns: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "1,000 people"
    seasons: PhraseIndex[int] = field(default_factory=lambda: PhraseIndex({}))  # "summer": 6, its first month
    this_words: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "THIS summer"
    last_words: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "the LAST Sunday of March"
    day_words: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "the last DAY of October"
    week_words: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "the first WEEK of October"
    # the new-user trial 2
    lone_units: frozenset[str] = frozenset()  # "более километра": the unit word alone counts one
    changes: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex({}))  # "up 206%": up | down
    change_bases: tuple[Tokens, ...] = ()  # "from a year earlier" after a change: what it is measured from
    tolerances: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "X plus or minus 2%"
    local_time: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex({}))  # "local time": no zone named
    # the new-user trial 3
    trailing_spans: PhraseIndex[float] = field(default_factory=lambda: PhraseIndex({}))  # "s" of "2 h 00 min 35 s"

    @cached_property
    def non_answer_tails(self) -> frozenset[str]:
        """The last word of every non-answer (`available` of `not available`): a phrase that
        ends otherwise is surely not one (values/dates.py `refuse_non_answer`)."""
        return frozenset(words.rsplit(" ", 1)[-1] for words in self.non_answers if words)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the lexicon knows: not a name, and the pool for "did you mean"."""
        words = set(self.number_words) | set(self.ordinals) | set(self.months)
        words |= set(self.rank_groups) | set(self.decade_words) | set(self.fractions)
        words |= self.vague_plurals | self.decimal_words
        for index in (self.hedges, self.scales, self.currencies, self.percent, self.units,
                      self.relative_years, self.duration_units, self.rank_top, self.ago_words,
                      self.named_durations, self.quarter_words, self.half_words, self.post_hedges,
                      self.verbs, self.subunits, self.rates, self.weeks, self.span_units,
                      self.anniversary_words, self.open_date_suffixes, self.this_period,
                      self.unit_prefixes, self.seasons, self.counted_nouns, self.multipliers):
            words |= index.words
        words |= self.minus_words
        return frozenset(w for w in words if w.isalpha())

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every word in any table of the language: a word outside it is a likely typo."""

        words: set[str] = set()
        for f in dataclasses.fields(self):
            table = getattr(self, f.name)
            if isinstance(table, PhraseIndex):
                words |= table.words
            elif isinstance(table, dict | frozenset) and f.name != "canonical":
                words |= {w for w in table if isinstance(w, str)}
            elif isinstance(table, TimeWords):
                words |= table.words
        return frozenset(w for w in words if w.isalpha())

    @cached_property
    def date_triggers(self) -> frozenset[str]:
        """A date phrase contains one of these words (or a year): the reader skips the rest."""
        words = set(self.months) | set(self.decade_words)
        words |= self.written_year_words
        for index in (self.relative_years, self.ago_words, self.quarters, self.halves,
                      self.month_words, self.quarter_words, self.half_words, self.decade_prefixes):
            words |= index.words
        # Issue 18's date phrases: the last word of each ("week" of "last week", "anniversary"),
        # never its first ("the", "in", "at" are in every other phrase). Parts of periods, open
        # dates and weekdays' "last" need a date word after them, which is a trigger already.
        lasts: list[PhraseIndex[Any]] = [self.weeks, self.this_period, self.period_words,
                                         self.anniversary_words, self.later_suffixes, self.later_words]
        for last in lasts:
            words |= {toks[-1] for toks, _ in last.entries()}
        # not "-" from "half-year"; the time words as they are ("a.m.", "/")
        words |= set(self.times.weekdays) | self.seasons.words
        return frozenset(w for w in words if w.isalnum()) | self.times.triggers

    @cached_property
    def rank_triggers(self) -> frozenset[str]:
        """A rank phrase contains one of these words."""
        return frozenset(
            set(self.ordinals) | set(self.ordinal_suffixes) | self.rank_top.words | set(self.rank_groups)
        )

    def number_word(self, token: str) -> float | None:
        """A number written in words as one token ("twenty", "ventotto", "duecento")."""
        if token in self.number_words:
            return self.number_words[token]
        if not self.number_words_compound:
            return None
        parts = _segment(token, self.number_words)
        if not parts or not all(continues(parts[:i], parts[i]) for i in range(1, len(parts))):
            return None  # "seisei", "centocento": not a number
        return combine(parts)


def _segment(word: str, known: dict[str, float]) -> list[float] | None:
    """Split a compound number word into known parts, longest prefix first."""
    if not word:
        return []
    for end in range(len(word), 0, -1):
        head = word[:end]
        if head in known:
            rest = _segment(word[end:], known)
            if rest is not None:
                return [known[head], *rest]
    return None


def continues(parts: list[float], nxt: float) -> bool:
    """Can number word `nxt` follow `parts`? ("twenty" + "eight" yes; "six" + "six" no.)

    The grammar of written numbers in the supported languages, by place value: a word may follow
    only a word of a higher place (hundreds, then tens, then units: "двести тридцать восемь"),
    "hundred" multiplies a unit before it ("two hundred", "duecento"), and one "thousand" per
    number multiplies what came before it ("две тысячи", "duemila").
    """
    last = parts[-1]
    if nxt == 1000:
        return 1000 not in parts
    if last == 1000:
        return True  # "тысяча двести", "mille cento", "two thousand three"
    if nxt == 100:
        # "two hundred", "nineteen hundred" (1900: a teen before "hundred" too)
        return last < 20 and (len(parts) == 1 or parts[-2] == 1000)
    if _place(last) == 10:
        return nxt < 10  # "twenty-eight", never "twenty eleven"
    return _place(last) > _place(nxt)


def _place(value: float) -> int:
    """100 for hundreds (100..900), 10 for tens (20..90), 1 for units and teens."""
    if value >= 100 and value % 100 == 0:
        return 100
    if value >= 20 and value % 10 == 0:
        return 10
    return 1


def combine(parts: list[float]) -> float:
    """Number-word arithmetic: add hundreds, tens and units; "hundred" multiplies the unit before
    it, "thousand" everything before it."""
    total: float = 0
    current: float = 0
    for i, value in enumerate(parts):
        if value == 100 and i > 0 and parts[i - 1] < 20:
            current = current * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def _table(raw: dict[Any, Any] | None, convert: Any = int) -> dict[str, Any]:
    """A word table written either way round: `word: value` or `value: [form, form, ...]`.

    The second shape keeps inflected languages readable: `6: [шесть, шести, шестью]`.
    """
    out: dict[str, Any] = {}
    for key, value in (raw or {}).items():
        if isinstance(value, list):
            for form in value:
                out[str(form)] = convert(key)
        else:
            out[str(key)] = convert(value)
    return out


def _number(value: Any) -> float:
    """1000 stays an int (exact arithmetic in number words); 1.5 is a float."""
    number = float(value)
    return int(number) if number == int(number) else number


def _fraction(value: Any) -> float:
    """`1/3` or `0.5`: a fraction written in a language file."""
    text = str(value)
    if "/" in text:
        top, _, bottom = text.partition("/")
        return float(top) / float(bottom)
    return float(text)


def _non_answers(words: list[str]) -> frozenset[str]:
    """Non-answers as their words joined by one space (`n/a` → `n a`)."""
    return frozenset(" ".join(re.findall(r"[^\W_]+", normalise(w))) for w in words)


def _kinds(raw: dict[str, list[str]] | None) -> PhraseIndex[str]:
    """`kind: [phrase, ...]` → phrase → kind (hedges after a figure, open dates)."""
    return PhraseIndex({p: kind for kind, phrases in (raw or {}).items() for p in phrases})


def _normalised(table: dict[str, T]) -> dict[str, T]:
    return {normalise(k): v for k, v in table.items()}


@cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("factcheck.read.languages").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml_rs.loads(text)  # trusted package data
    assert isinstance(data, dict)
    return data


def available_languages() -> list[str]:
    folder = resources.files("factcheck.read.languages")
    return sorted(
        p.name.removesuffix(".yaml")
        for p in folder.iterdir()
        if p.name.endswith(".yaml") and p.name != "common.yaml"
    )


#: Every key a language file may have; the loader reads exactly these (docs/languages.md).
LANGUAGE_KEYS = frozenset([
    "language", "locale", "decimal", "group", "hedges", "fillers", "range_starts", "range_separators",
    "number_words", "number_words_compound", "number_word_joiners", "one_articles", "lone_scales", "date_of",
    "ordinals", "ordinal_suffixes", "rank_top", "rank_articles", "rank_suffixes", "rank_groups",
    "rank_group_words", "scales", "currencies", "unit_connectors", "percent_words", "units", "months",
    "date_prepositions", "year_suffixes", "month_before", "month_after", "month_before_suffix",
    "month_after_suffix", "relative_years", "ago_words", "year_words", "month_words", "of_the_year",
    "first_months", "quarter_words", "half_words", "quarters", "halves", "decade_suffixes", "decade_after",
    "decade_words", "decade_prefixes", "duration_units", "named_durations", "duration_prefixes",
    "since_words", "category_prefixes", "not_names", "canonical", "future_tense", "name_endings",
    "code_qualifiers", "non_answers", "times", "post_hedges", "bound_joiners", "verbs", "fractions",
    "fraction_prefixes", "fraction_joiners", "fraction_addends", "subunits", "subunit_joiners",
    "decimal_words", "vague_plurals", "rank_scopes", "rates", "unit_prefixes", "weeks", "month_parts",
    "period_words", "open_dates", "open_date_suffixes", "span_units", "recent_spans", "anniversary_words",
    "weekday_before", "weekday_after", "this_period", "bare_range_separators", "later_words", "later_suffixes",
    "group_joiners", "later_on_dates", "ordinal_endings", "minus_words", "ratio_words", "each_words",
    "multipliers", "counted_nouns", "seasons", "this_words", "last_words", "day_words", "week_words",
    # the new-user trial 2 (docs/languages.md)
    "lone_units", "changes", "change_bases", "tolerances", "local_time",
])
REQUIRED_KEYS = frozenset({"decimal", "group", "hedges"})
HEDGE_KINDS = frozenset({"approx", "nearly", "over", "up_to", "at_least", "under", "exact", "record"})


@cache
def future_tense(language: str) -> re.Pattern[str] | None:
    """The language's future-tense markers (`will`, `sarà`, `будет`) as one pattern, or None.

    Read from the language file's `future_tense:` list of regular expressions, matched
    case-insensitively as whole words. Used by rule FC106: a heuristic, documented as one.
    """
    if language not in available_languages():
        return None
    patterns = _data(language).get("future_tense") or []
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)", re.IGNORECASE)


@cache
def name_endings(language: str) -> tuple[tuple[str, str], ...]:
    """Case endings of inflected place names (`Астане` → `Астана`): `name_endings:` pairs."""
    if language not in available_languages():
        return ()
    return tuple((str(a), str(b)) for a, b in _data(language).get("name_endings") or [])


class LanguageDataError(ValueError):
    """A language file that cannot be used: named with the key at fault, never a KeyError."""


def _check_language_data(language: str, d: dict[str, Any]) -> None:
    problems = []
    for key in sorted(set(d) - LANGUAGE_KEYS):
        problems.append(f"unknown key {key!r}{did_you_mean(key, LANGUAGE_KEYS)}")
    problems += [f"missing key {key!r}" for key in sorted(REQUIRED_KEYS - set(d))]
    hedges = d.get("hedges")
    if isinstance(hedges, dict):
        problems += [
            f"unknown hedge kind {kind!r} (known: {', '.join(sorted(HEDGE_KINDS))})"
            for kind in hedges if kind not in HEDGE_KINDS
        ]
    if problems:
        raise LanguageDataError(f"languages/{language}.yaml: " + "; ".join(problems))


def common_data() -> dict[str, Any]:
    """read/languages/common.yaml: what every language shares (symbols, codes, how values are
    written for people)."""
    return _data("common")


@cache
def iso_639_1() -> frozenset[str]:
    """Every ISO 639-1 language code (`common.yaml`)."""
    return frozenset(str(c) for c in _data("common").get("iso_639_1") or ())


def _any_language(language: str) -> Lexicon:
    """A language without a table (`es`, `tr`): what is written the same in every language —
    digits (a separator that could be either is refused), ISO dates, times of day with AM/PM and
    zones, percentages, currency symbols and codes, `~` — and no words."""
    common = _data("common")
    currencies: dict[str, str] = dict(common["currency_symbols"])
    currencies.update({code.lower(): code for code in common["currency_codes"]})
    empty: PhraseIndex[Any] = PhraseIndex({})
    return Lexicon(
        language=language, decimal="", group="",
        hedges=PhraseIndex({symbol: "approx" for symbol in common.get("approx_symbols", [])}),
        fillers=empty, range_starts=empty, range_separators=PhraseIndex({"-": True}),
        number_words={}, number_words_compound=False, number_word_joiners=frozenset(), ordinals={},
        ordinal_suffixes=frozenset(), rank_top=empty, rank_articles=empty, scales=empty,
        currencies=PhraseIndex(currencies), unit_connectors=empty,
        percent=_phrases(list(common.get("percent_symbols", []))), units=empty, months={},
        date_prepositions=empty, month_before=empty, month_after=empty, month_before_suffix=empty,
        month_after_suffix=empty, relative_years=empty, ago_words=empty, year_words=empty,
        month_words=empty, of_the_year=empty, first_months=empty, quarters=empty, halves=empty,
        decade_suffixes=frozenset(), duration_units=PhraseIndex(_table(common.get("span_symbols"), float)),
        trailing_spans=PhraseIndex(_table(common.get("trailing_span_symbols"), float)), duration_prefixes=empty,
        category_prefixes=empty, not_names=frozenset(), one_articles=frozenset(), date_of=frozenset(),
        lone_scales=frozenset(), year_suffixes=empty, rank_suffixes=empty, rank_groups={},
        rank_group_words=frozenset(), quarter_words=empty, half_words=empty,
        roman_numerals=_normalised(_table(common.get("roman_numerals"))), decade_after=empty,
        decade_words={}, decade_prefixes=empty, named_durations=empty, since_words=empty,
        canonical={}, times=_time_words(language, {}, common), has_words=False,
        non_answers=_non_answers(common.get("non_answers", [])),
    )


@cache
def get_lexicon(language: str) -> Lexicon:
    """The compiled lexicon for an ISO 639-1 code; raises KeyError for an unknown language.

    A code without a table of its own (`es`, `tr`) gets the words-free lexicon of `_any_language`."""
    if language not in available_languages():
        if language in iso_639_1():
            return _any_language(language)
        raise KeyError(language)
    d = _data(language)
    _check_language_data(language, d)
    common = _data("common")
    # Written in the data file and checked against CLDR (babel) by the tests: babel costs
    # ~50 ms and 30 MB at run time for two characters (docs/design.md).
    decimal, group = str(d["decimal"]), str(d["group"])
    currencies: dict[str, str] = dict(common["currency_symbols"])
    currencies.update({code.lower(): code for code in common["currency_codes"]})
    currencies.update(_table(d.get("currencies"), str))
    hedges = {p: kind for kind, phrases in d["hedges"].items() for p in phrases}
    for symbol in common.get("approx_symbols", []):
        hedges[symbol] = "approx"
    return Lexicon(
        language=language,
        decimal=decimal,
        group=group,
        hedges=PhraseIndex(hedges),
        fillers=_phrases(d.get("fillers")),
        range_starts=_phrases(d.get("range_starts")),
        range_separators=_phrases(d.get("range_separators")),
        number_words=_normalised(_table(d.get("number_words"), _number)),
        number_words_compound=bool(d.get("number_words_compound", False)),
        number_word_joiners=frozenset(d.get("number_word_joiners", [])),
        ordinals=_normalised(_table(d.get("ordinals"))),
        ordinal_suffixes=frozenset(normalise(w) for w in d.get("ordinal_suffixes", [])),
        rank_top=_phrases(d.get("rank_top")),
        rank_articles=_phrases(d.get("rank_articles")),
        scales=PhraseIndex(_table(d.get("scales"), float)),
        currencies=PhraseIndex(currencies),
        unit_connectors=_phrases(d.get("unit_connectors")),
        percent=_phrases([*common.get("percent_symbols", []), *d.get("percent_words", [])]),
        units=PhraseIndex(_table(d.get("units"), str)),
        months=_normalised(_table(d.get("months"))),
        date_prepositions=_phrases(d.get("date_prepositions")),
        month_before=_phrases(d.get("month_before")),
        month_after=_phrases(d.get("month_after")),
        month_before_suffix=_phrases(d.get("month_before_suffix")),
        month_after_suffix=_phrases(d.get("month_after_suffix")),
        relative_years=PhraseIndex(_table(d.get("relative_years"))),
        ago_words=_phrases(d.get("ago_words")),
        year_words=_phrases(d.get("year_words")),
        month_words=_phrases(d.get("month_words")),
        of_the_year=_phrases(d.get("of_the_year")),
        first_months=_phrases(d.get("first_months")),
        quarters=PhraseIndex(_table(d.get("quarters"))),
        halves=PhraseIndex(_table(d.get("halves"))),
        decade_suffixes=frozenset(d.get("decade_suffixes", [])),
        duration_units=PhraseIndex(_table(d.get("duration_units"), float) | _table(common.get("span_symbols"), float)),
        trailing_spans=PhraseIndex(_table(common.get("trailing_span_symbols"), float)),
        duration_prefixes=_phrases(d.get("duration_prefixes")),
        category_prefixes=_phrases(d.get("category_prefixes")),
        not_names=frozenset(normalise(w) for w in d.get("not_names", [])),
        one_articles=frozenset(normalise(w) for w in d.get("one_articles", [])),
        date_of=frozenset(normalise(w) for w in d.get("date_of", [])),
        lone_scales=frozenset(normalise(w) for w in d.get("lone_scales", [])),
        year_suffixes=_phrases(d.get("year_suffixes")),
        rank_suffixes=_phrases(d.get("rank_suffixes")),
        rank_groups=_normalised(_table(d.get("rank_groups"))),
        rank_group_words=frozenset(normalise(w) for w in d.get("rank_group_words", [])),
        quarter_words=_phrases(d.get("quarter_words")),
        half_words=_phrases(d.get("half_words")),
        roman_numerals=_normalised(_table(common.get("roman_numerals"))),
        decade_after=_phrases(d.get("decade_after")),
        decade_words=_normalised(_table(d.get("decade_words"))),
        decade_prefixes=_phrases(d.get("decade_prefixes")),
        named_durations=PhraseIndex(_table(d.get("named_durations"), float)),
        since_words=_phrases(d.get("since_words")),
        canonical=dict(d.get("canonical", {})),
        code_qualifiers=frozenset(normalise(w) for w in d.get("code_qualifiers", [])),
        non_answers=_non_answers([*d.get("non_answers", []), *common.get("non_answers", [])]),
        times=_time_words(language, d.get("times"), common),
        post_hedges=_kinds(d.get("post_hedges")),
        bound_joiners=_phrases(d.get("bound_joiners")),
        verbs=_phrases(d.get("verbs")),
        fractions=_normalised(_table(d.get("fractions"), _fraction)),
        fraction_prefixes=_normalised(_table(d.get("fraction_prefixes"), _fraction)),
        fraction_joiners=_phrases(d.get("fraction_joiners")),
        fraction_addends=PhraseIndex(_table(d.get("fraction_addends"), _fraction)),
        subunits=PhraseIndex(_table(d.get("subunits"), float)),
        subunit_joiners=_phrases(d.get("subunit_joiners")),
        decimal_words=frozenset(normalise(w) for w in d.get("decimal_words", [])),
        vague_plurals=frozenset(normalise(w) for w in d.get("vague_plurals", [])),
        rank_scopes=_phrases(d.get("rank_scopes")),
        rates=PhraseIndex(_table(d.get("rates"), str)),
        unit_prefixes=PhraseIndex(_table(d.get("unit_prefixes"), str)),
        weeks=PhraseIndex(_table(d.get("weeks"))),
        month_parts=PhraseIndex(_table(d.get("month_parts"))),
        period_words=PhraseIndex(_table(d.get("period_words"), str)),
        open_dates=_kinds(d.get("open_dates")),
        open_date_suffixes=_kinds(d.get("open_date_suffixes")),
        span_units=PhraseIndex(_table(d.get("span_units"), str)),
        recent_spans=PhraseIndex(_table(d.get("recent_spans"))),
        anniversary_words=_phrases(d.get("anniversary_words")),
        weekday_before=_phrases(d.get("weekday_before")),
        weekday_after=_phrases(d.get("weekday_after")),
        this_period=PhraseIndex(_table(d.get("this_period"), str)),
        written_year_words=frozenset(normalise(w) for w in d.get("written_year_words", [])),
        bare_range_separators=frozenset(normalise(w) for w in d.get("bare_range_separators", [])),
        later_words=_phrases(d.get("later_words")),
        group_joiners=frozenset(normalise(w) for w in d.get("group_joiners", [])),
        later_suffixes=_phrases(d.get("later_suffixes")),
        later_on_dates=_phrases(d.get("later_on_dates")),
        ordinal_endings=tuple(normalise(w) for w in d.get("ordinal_endings", [])),
        minus_words=frozenset(normalise(w) for w in d.get("minus_words", [])),
        ratio_words=_phrases(d.get("ratio_words")),
        each_words=frozenset(normalise(w) for w in d.get("each_words", [])),
        multipliers=_phrases(d.get("multipliers")),
        counted_nouns=_phrases(d.get("counted_nouns")),
        seasons=PhraseIndex(_table(d.get("seasons"))),
        this_words=_phrases(d.get("this_words")),
        last_words=_phrases(d.get("last_words")),
        day_words=_phrases(d.get("day_words")),
        week_words=_phrases(d.get("week_words")),
        lone_units=frozenset(normalise(w) for w in d.get("lone_units", [])),
        changes=_kinds(d.get("changes")),
        change_bases=tuple(sorted((tokenise(normalise(p)) for p in d.get("change_bases", [])), key=len, reverse=True)),
        tolerances=_phrases([*common.get("tolerance_symbols", []), *d.get("tolerances", [])]),
        local_time=_phrases(d.get("local_time")),
    )


def category_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: `Nur-Sultan` → `nur-sultan`."""
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    ascii_ish = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.findall(r"[^\W_]+", ascii_ish)
    return "-".join(words)
