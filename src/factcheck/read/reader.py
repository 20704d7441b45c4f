"""The figure reader: one phrase, in one language, published on one day → one `Value`.

Shapes tried in order, first match wins: date phrases, ranks, quantities (with hedges, ranges,
scale words, currencies, percentages, physical units and durations), and finally categories
(proper names). Anything left over that is not understood is an error naming that part.

Tolerances are `ReadOptions`; the defaults are the editor's reading of SPEC §2 and are written
down, with examples, in docs/verdicts.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NoReturn

from factcheck.errors import closest
from factcheck.read.interval import Interval
from factcheck.read.lexicon import available_languages, category_key

if TYPE_CHECKING:
    from factcheck.read.places import Place
from dataclasses import replace

from factcheck.read.clock import clock_seconds, spell_clock
from factcheck.read.codes import read_code
from factcheck.read.dates import (
    DateReader,
    iso_value,
    might_be_a_date,
    open_date_value,
    refuse_non_answer,
)
from factcheck.read.expect import QUANTITIES, Expect
from factcheck.read.lexicon import (
    Lexicon,
    PhraseIndex,
    Tokens,
    future_tense,
    get_lexicon,
    name_endings,
    normalise,
    tokenise,
)
from factcheck.read.model import ReadError, Value, ValueKind
from factcheck.read.numbers import Number, glued_fraction, read_number, tidy
from factcheck.read.places import resolve
from factcheck.read.units import TEMPERATURE, affine, shown_as_written

#: How alike an unknown word must be to a known one to be suggested (difflib's ratio).
_SUGGEST = 0.75

MAX_PHRASE_LENGTH = 500
_HAS_DIGIT = re.compile(r"\d")
_PADDED = re.compile(r"0\d")  # minutes and seconds after a larger unit: `2 h 00 min 05 s`


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How far each hedge reaches, as fractions of the figure (docs/verdicts.md).

    `None` for `over`, `at_least`, `up_to` and `under` keeps them open-ended, as SPEC §2 reads
    them; a fraction closes the open end ("over X" → (X, X·(1 + over)]).
    """

    approx: float = 0.10  # "about X" → X ± 10% (never narrower than X's stated precision)
    nearly: float = 0.10  # "nearly X" → [X − 10%, X)
    precision: float = 0.5  # a bare figure is X ± 0.5 units of its last significant digit…
    rounding_cap: float = 0.05  # …but never more than ±5% of X (half of `about`): SPEC §2
    # A temperature's hedges reach this many degrees Celsius, never a fraction of the figure (0 °C
    # is no "nothing"): `about 40C` 37–43 °C, `nearly 50C` [47, 50) °C, `about 107F` 41.67 ± 3 °C;
    # a bare figure rounds to at most half of it (±1.5 °C: `30 degrees` is [28.5, 31.5)).
    temperature: float = 3.0
    over: float | None = None
    at_least: float | None = None
    up_to: float | None = None
    under: float | None = None
    # Every cached read hashes the options: computed once here, not field by field on each read
    # (half the cost of a cache hit).
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        # floats only (None as -1.0): the same hash in every process, so a pickled copy sent to a
        # worker still finds the worker's cached readings
        fields = (self.approx, self.nearly, self.precision, self.rounding_cap, self.over, self.at_least, self.up_to,
                  self.under)
        object.__setattr__(self, "_hash", hash(tuple(-1.0 if f is None else float(f) for f in fields)))

    def __hash__(self) -> int:
        return self._hash

    def with_tolerances(self, tolerances: Any) -> ReadOptions:
        """These options with every tolerance that `tolerances` (a models.Tolerances) sets."""
        if tolerances is None:
            return self

        changes = {
            ("approx" if name == "about" else name): value
            for name, value in tolerances.model_dump(exclude_none=True).items()
        }
        return replace(self, **changes) if changes else self


DEFAULT_OPTIONS = ReadOptions()


@dataclass(frozen=True, slots=True)
class _Quantity:
    number: Number
    scale: float = 1.0
    currency: str | None = None
    unit: str | None = None  # a pint unit name (not a currency)
    percent: bool = False
    duration: float | None = None  # years per unit, for durations

    @property
    def value(self) -> float:
        return tidy(self.number.value * self.scale * (self.duration or 1.0))

    @property
    def half_step(self) -> float:
        if self.duration is not None and self.number.from_article:
            return 0.5  # "a quarter-century": half a year, not half of 25 years
        return tidy(self.number.half_step * self.scale * (self.duration or 1.0))



def parse_value(
    text: str,
    lang: str = "en",
    published: dt.date | None = None,
    options: ReadOptions = DEFAULT_OPTIONS,
    expect: Expect | None = None,
) -> Value:
    """Read one figure as written (`says`) into a Value, or raise `ReadError`.

    `published` resolves phrases such as `last January`; it defaults to today.
    Results are cached, since real corpora repeat phrases: a phrase with no month, year or
    date word reads the same whatever the publication day, so it is cached without the day
    (the same "about $6 billion" from a thousand sources is read once); a phrase that may be a
    date is cached with it.

    `expect` is what the subject's values are (values/expect.py): on a count subject `2845` is a
    count, never the year 2845; on a code subject `42B` is the code 42B, never 42 billion.
    """
    if not isinstance(text, str):
        raise ReadError("a figure must be text")
    result = _parse_undated(text, lang, options, expect)
    if result is _NEEDS_DAY:
        result = _parse_cached(text, lang, published or dt.date.today(), options, expect)
    if isinstance(result, ReadError):
        # The same error object each time (cached), so drop the traceback of earlier raises.
        raise result.with_traceback(None)
    assert isinstance(result, Value)
    return result


def leading_verb_words(phrase: str, lang: str) -> int:
    """How many words of `phrase` are a verb before its figure (`rose to` in "rose to 4,100"): the
    figure is read without them, and text search (factcheck.provenance) leaves them out of its span."""
    try:
        lex = get_lexicon(lang)
    except KeyError:
        return 0
    words = phrase.split()
    tokens = tokenise(normalise(phrase))
    verb = lex.verbs.match(tokens, 0)
    if verb is None or verb[1] >= len(tokens):
        return 0
    seen = 0
    for count, word in enumerate(words, start=1):
        seen += len(tokenise(normalise(word)))
        if seen >= verb[1]:
            return count if seen == verb[1] else 0
    return 0


def clear_caches() -> None:
    """Forget every phrase read so far (benchmarks and tests that must read afresh)."""
    _parse_undated.cache_clear()
    _parse_cached.cache_clear()


class _NeedsDay:
    """The reading of this phrase may depend on the publication day: ask the dated cache."""


_NEEDS_DAY = _NeedsDay()
# Any day will do where no date reader looks at it (see `_parse_undated`).
_NO_DAY = dt.date(2000, 1, 1)


@lru_cache(maxsize=131072)
def _parse_undated(
    text: str, lang: str, options: ReadOptions, expect: Expect | None = None
) -> Value | ReadError | _NeedsDay:
    """The reading of a phrase that cannot be a date phrase (no month, year or date word, so
    the date reader never looks at the day), or `_NEEDS_DAY`. Errors that do not depend on the
    text's meaning (language, length) are answered here too."""
    try:
        lex = _lexicon(lang)
        if len(text) > MAX_PHRASE_LENGTH:
            return _parse_uncached(text, lang, _NO_DAY, options)  # the length error
        if expect is Expect.CODE or expect in QUANTITIES:
            return _parse_uncached(text, lang, _NO_DAY, options, expect)  # no date reader looks
        if expect is Expect.DATE:
            return _NEEDS_DAY  # "will open", "in the past four years": from the publication day
        try:
            plain = normalise(text)
            tokens = tokenise(plain)
            dated = bool(plain) and iso_value(plain) is None and might_be_a_date(lex, tokens)
        except (ValueError, OverflowError, ArithmeticError, RecursionError):
            dated = True  # the dated path reads it again and words the error
        if dated:
            return _NEEDS_DAY
        return _parse_uncached(text, lang, _NO_DAY, options, expect, (plain, tokens))
    except ReadError as exc:
        return exc


@lru_cache(maxsize=65536)
def _parse_cached(
    text: str, lang: str, published: dt.date, options: ReadOptions, expect: Expect | None = None
) -> Value | ReadError:
    """The reading, or the error, of one phrase on one publication day: both are cached, since
    corpora repeat both."""
    try:
        return _parse_uncached(text, lang, published, options, expect)
    except ReadError as exc:
        return exc


def _lexicon(lang: str) -> Lexicon:
    try:
        return get_lexicon(lang)
    except KeyError:
        langs = available_languages()
        raise ReadError(
            f"unknown language {lang!r} (known: {', '.join(langs)})",
            part=lang,
            suggestion=closest(lang, langs),
        ) from None


def _parse_uncached(
    text: str, lang: str, published: dt.date, options: ReadOptions, expect: Expect | None = None,
    done: tuple[str, Tokens] | None = None,
) -> Value:
    lex = _lexicon(lang)
    if len(text) > MAX_PHRASE_LENGTH:
        raise ReadError(
            f"a figure is at most {MAX_PHRASE_LENGTH} characters; this one has {len(text)}"
        )
    try:
        value = _read(text, lex, published, options, expect, done)
    except ReadError:
        raise
    except (ValueError, OverflowError, ArithmeticError, RecursionError) as exc:
        # Dates outside the calendar (year 0, year 10000), figures beyond floats: unreadable,
        # never a crash. The specific checks below name the common cases better.
        raise ReadError(f"cannot read {text.strip()!r}: {exc}") from None
    _check_finite(value)
    return value


def _read(
    text: str, lex: Lexicon, published: dt.date, options: ReadOptions, expect: Expect | None,
    done: tuple[str, Tokens] | None = None,
) -> Value:
    """`done`: the text already normalised and tokenised (by `_parse_undated`), not done twice."""
    plain = normalise(text) if done is None else done[0]
    if not plain:
        raise ReadError("empty figure: nothing to read")
    if "?" in plain:
        # `15?`, `A37?`: the source itself is unsure; reading it as 15 would drop that.
        raise ReadError(
            f"{text.strip()!r} is marked uncertain ('?'): not a figure that can be checked",
            part=text.strip(),
        )
    if expect is Expect.CODE:
        return read_code(text, lex)
    quantity = expect in QUANTITIES
    if not quantity:
        iso = iso_value(plain)
        if iso is not None:
            return iso
    spelled = spell_clock(plain)
    if spelled != plain:  # `2h00'35"`: the primes, which the tokens drop, written out (`2 h 00 min 35 s`)
        plain, done = spelled, None
    tokens = tokenise(plain) if done is None else done[1]
    if not tokens:
        raise ReadError(f"no figure in {text!r}", part=text)
    try:
        value = _Reader(lex, published, options, text, quantity, expect).read(tokens)
    except ReadError:
        if expect is Expect.DATE and (future := future_tense(lex.language)) and future.search(plain):
            # "will open", "sarà inaugurato", "будет построен": after the publication day
            return open_date_value(published + dt.timedelta(days=1), None, "future")
        raise
    return _as_expected(value, expect)


def _as_expected(value: Value, expect: Expect | None) -> Value:
    """A plain number on a percentage or rank subject is one (`5` of a share is 5%; `3` in a
    ranking is third); a year written in words on a date subject is that year (`duemilaventi`)."""
    iv = value.interval
    if value.kind is not ValueKind.NUMBER or iv is None:
        return value
    year = value.stated
    if expect is Expect.DATE and year is not None and year == int(year) and 1000 <= year <= 2999:
        whole = iso_value(str(int(year)))
        if whole is not None:
            return whole
    if expect is Expect.PERCENT:
        return Value(ValueKind.PERCENT, iv, note=value.note, stated=value.stated)
    if expect is Expect.RANK and value.stated is not None and value.stated == int(value.stated) and value.stated >= 1:
        return Value(ValueKind.RANK, Interval.closed(value.stated, value.stated))
    return value


MAX_MAGNITUDE = 1e300


def _check_finite(value: Value) -> None:
    iv = value.interval
    if iv is None:
        return
    for bound in (iv.lower, iv.upper):
        if bound is not None and not (math.isfinite(bound) and abs(bound) <= MAX_MAGNITUDE):
            raise ReadError(f"the figure is too large to compare (beyond {MAX_MAGNITUDE:g})")


class _Reader:
    def __init__(
        self, lex: Lexicon, published: dt.date, options: ReadOptions, original: str, quantity: bool = False,
        expect: Expect | None = None,
    ):
        self.expect = expect
        self.lex = lex
        self.published = published
        self.options = options
        self.original = original
        self.quantity = quantity  # the subject counts or measures: no date, no rank

    def read(self, tokens: Tokens) -> Value:
        if not self.quantity:
            date = DateReader(self.lex, self.published, spans=self.expect is Expect.DATE).read(tokens)
            if date is not None:
                return date
            rank = self._rank(tokens)
            if rank is not None:
                return rank
        if _HAS_DIGIT.search(" ".join(tokens)) or self._starts_like_quantity(tokens):
            return self._quantity_phrase(tokens)
        # "TBA", "n/a" on an amount subject: a non-answer, never the name 'tba' (the date reader,
        # which refuses them on other subjects, is skipped on a quantity subject)
        refuse_non_answer(self.lex, tokens, self.published)
        category = self._category(tokens)
        if category is not None:
            return category
        return self._quantity_phrase(tokens)  # raises, naming what was not understood

    # -- ranks ---------------------------------------------------------------------------------

    def _rank(self, tokens: Tokens) -> Value | None:
        lex = self.lex
        if not lex.rank_triggers.intersection(tokens) and not (
            lex.ordinal_endings and any(t.endswith(lex.ordinal_endings) for t in tokens)
        ):
            return None
        tokens = self._drop_rank_suffixes(_drop_possessives(tokens))
        group = self._rank_group(tokens)
        if group is not None:
            return group
        pos = 0
        top = lex.rank_top.match(tokens, pos)
        if top:
            n = read_number(tokens, top[1], lex)
            if n and n[1] == len(tokens) and n[0].value >= 1 and n[0].value == int(n[0].value):
                return Value(ValueKind.RANK, Interval.closed(1, n[0].value))
            return None
        art = lex.rank_articles.match(tokens, pos)
        if art:
            pos = art[1]
        if pos >= len(tokens):
            return None
        compound = self._compound_ordinal(tokens, pos)
        if compound is not None:
            return Value(ValueKind.RANK, Interval.closed(compound, compound))
        token = tokens[pos]
        scoped = self._rank_scope(tokens, pos + 1)
        place = lex.ordinals.get(token) or self._ordinal_word(token)
        if place is not None and (pos + 1 == len(tokens) or scoped):
            # "third", "il secondo in Europa", "fourth in the world": the rank, within its scope
            return Value(ValueKind.RANK, Interval.closed(place, place))
        if token.isdigit() and int(token) >= 1:
            end = pos + 1
            if end < len(tokens) and tokens[end] == "-":  # "3-й", "1-е место"
                end += 1
            if end + 1 == len(tokens) and tokens[end] in lex.ordinal_suffixes:
                return Value(ValueKind.RANK, Interval.closed(int(token), int(token)))
        return None

    def _ordinal_word(self, token: str) -> int | None:
        """`ventottesimo`, `centesimo`, `trentatreesimo`: a number word with the language's ordinal
        ending (`ordinal_endings`), its last vowel elided or kept."""
        for ending in self.lex.ordinal_endings:
            if token.endswith(ending) and len(token) > len(ending) + 2:
                stem = token[: -len(ending)]
                for word in (stem, stem + "o", stem + "e", stem + "i", stem + "a"):
                    n = self.lex.number_word(word)
                    if n is not None and n == int(n) and n >= 1:
                        return int(n)
        return None

    def _compound_ordinal(self, tokens: Tokens, pos: int) -> int | None:
        """`twenty-first`, `forty sixth`, `двадцать пятый`: a tens word and a unit ordinal."""
        lex = self.lex
        if lex.number_words_compound:
            return None  # Italian writes them as one word (ventiduesimo): "venti, secondo" is no 22nd
        tens = lex.number_word(tokens[pos]) if pos < len(tokens) else None
        if tens is None or tens < 20 or tens % 10 or tens >= 100:
            return None
        at = pos + 2 if pos + 1 < len(tokens) and tokens[pos + 1] == "-" else pos + 1
        if at + 1 != len(tokens) or tokens[at] not in lex.ordinals or lex.ordinals[tokens[at]] >= 10:
            return None
        return int(tens) + lex.ordinals[tokens[at]]

    def _rank_scope(self, tokens: Tokens, pos: int) -> bool:
        """`in Europa`, `in the world`, `среди стран ЕС`: a short scope of one to three words after
        a rank, none of them a figure's word."""
        m = self.lex.rank_scopes.match(tokens, pos)
        if m is None:
            return False
        rest = tokens[m[1]:]
        return 1 <= len(rest) <= 3 and all(
            t.isalpha() and t not in self.lex.vocabulary and t not in self.lex.not_names for t in rest
        )  # never "a third in total", "un quarto in tutto": a share, not a rank in a place

    def _drop_rank_suffixes(self, tokens: Tokens) -> Tokens:
        """`third place`, `на третьем месте`, `одна из трёх крупнейших`: the words after a rank."""
        index = self.lex.rank_suffixes
        for start in range(1, len(tokens)):
            pos = start
            while (m := index.match(tokens, pos)) is not None:
                pos = m[1]
            if pos == len(tokens) and pos > start:
                return tokens[:start]
        return tokens

    def _rank_group(self, tokens: Tokens) -> Value | None:
        """`в тройке`, `входит в первую пятерку`: a group word alone names the top N."""
        groups = [self.lex.rank_groups[t] for t in tokens if t in self.lex.rank_groups]
        if len(groups) != 1:
            return None
        if not set(tokens) - set(self.lex.rank_groups) <= self.lex.rank_group_words:
            return None
        return Value(ValueKind.RANK, Interval.closed(1, groups[0]))

    # -- quantities ----------------------------------------------------------------------------

    def _starts_like_quantity(self, tokens: Tokens) -> bool:
        lex = self.lex
        return bool(
            lex.hedges.match(tokens, 0)
            or lex.currencies.match(tokens, 0)
            or lex.range_starts.match(tokens, 0)
            or read_number(tokens, 0, lex)
        )

    def _quantity_phrase(self, tokens: Tokens) -> Value:
        verb = self.lex.verbs.match(tokens, 0) if self.lex.verbs.starts(tokens[0]) else None
        if verb is not None and verb[1] < len(tokens) and not (
            verb[1] + 1 == len(tokens) and tokens[verb[1]] in self.lex.one_articles
        ):
            tokens = tokens[verb[1]:]  # "rose to 4,100", "è salito a 300": the figure itself
        both = self._two_bounds(tokens)
        if both is not None:
            return both
        return self._one_quantity(tokens)

    def _two_bounds(self, tokens: Tokens) -> Value | None:
        """`at least 10 and at most 15`, `higher than ten, lower than twenty`, `не менее 10 и не
        более 15`: a lower and an upper bound, read as the figures between them."""
        lex = self.lex
        if len(tokens) < 4 or not any(lex.hedges.starts(t) for t in tokens[2:]) or lex.hedges.match(tokens, 0) is None:
            return None
        for k in range(2, len(tokens) - 1):
            joiner = lex.bound_joiners.match(tokens, k)
            right = joiner[1] if joiner else k
            if lex.hedges.match(tokens, right) is None:
                continue
            try:
                first = self._one_quantity(tokens[:k])
                second = self._one_quantity(tokens[right:])
            except ReadError:
                continue
            a, b = first.interval, second.interval
            if a is None or b is None or first.dimension != second.dimension:
                continue
            if (a.upper is None) == (b.upper is None) or (a.lower is None) == (b.lower is None):
                continue  # two lower bounds ("over 5 and over 6") are no span
            both = a.intersection(b)
            if both is None:
                raise ReadError(
                    f"the two bounds in {self.original.strip()!r} leave no figure between them",
                    part=self.original.strip(),
                )
            return Value(first.kind, both, unit=first.unit, written_unit=first.written_unit)
        return None

    def _one_quantity(self, tokens: Tokens) -> Value:
        lex = self.lex
        change = lex.changes.match(tokens, 0)
        hedged = lex.hedges.match(tokens, 0)
        if change is not None and change[1] < len(tokens) and (hedged is None or hedged[1] < change[1]):
            rest = tokens[change[1]:]
            base = next((b for b in lex.change_bases if len(b) < len(rest) and rest[-len(b):] == b), ())
            return self._change(self._one_quantity(rest[: len(rest) - len(base)]), change[0])
        pos = 0
        hedge: str | None = None
        note: str | None = None
        duration_prefix = lex.duration_prefixes.match(tokens, pos)
        if duration_prefix and not (
            lex.duration_units.words.isdisjoint(tokens) and lex.named_durations.words.isdisjoint(tokens)
        ):
            try:
                return self._quantity_phrase_from(tokens, duration_prefix[1], None, None, True)
            except ReadError:
                pass
        m = lex.hedges.match(tokens, pos)
        if m:
            hedge, pos = m
            if hedge == "record":
                hedge, note = None, "record"
                m2 = lex.hedges.match(tokens, pos)
                if m2 and m2[0] != "record":
                    hedge, pos = m2
        return self._quantity_phrase_from(tokens, pos, hedge, note, False)

    def _change(self, value: Value, direction: str) -> Value:
        """`up 206%`, `in aumento del 206%`, `рост на 206%`: a rise (or fall) of that many percent,
        read as the percentage (negative when down); a subject of percentage changes compares it.
        A change in an amount (`up $3 billion`) is not the amount: refused, saying so."""
        iv = value.interval
        if value.kind is ValueKind.NUMBER and self.expect is Expect.PERCENT:
            value = Value(ValueKind.PERCENT, iv, note=value.note, stated=value.stated)  # "up 206" of a share
        if value.kind is not ValueKind.PERCENT or iv is None:
            said = self.original.strip()
            raise ReadError(
                f"{said!r} gives how much a figure changed, not the figure: only a change in percent "
                "('up 206%') is read, as that percentage",
                part=said,
            )
        if direction == "up":
            return value
        flipped = Interval(
            None if iv.upper is None else tidy(-iv.upper), None if iv.lower is None else tidy(-iv.lower),
            iv.upper_inclusive, iv.lower_inclusive,
        )
        stated = None if value.stated is None else tidy(-value.stated)
        return Value(value.kind, flipped, unit=value.unit, note=value.note, stated=stated)

    def _quantity_phrase_from(
        self, tokens: Tokens, pos: int, hedge: str | None, note: str | None, needs_duration: bool
    ) -> Value:
        lex = self.lex
        pos = self._skip(lex.fillers, tokens, pos)
        ranged = lex.range_starts.match(tokens, pos)
        if ranged and hedge is None:
            pos = self._skip(lex.fillers, tokens, ranged[1])
        first, pos = self._quantity(tokens, pos)
        second: _Quantity | None = None
        spread: _Quantity | None = None
        if pos + 1 < len(tokens) and tokens[pos] == "-" and tokens[pos + 1] in lex.bare_range_separators:
            pos += 1  # "8- to 16-meter": the first figure's hyphen waits for the unit after the second
        sep = lex.range_separators.match(tokens, pos) if pos < len(tokens) else None
        if sep and hedge is None and (ranged or tokens[pos] == "-" or tokens[pos] in lex.bare_range_separators):
            after = self._skip(lex.fillers, tokens, sep[1])
            second, pos = self._quantity(tokens, after)
        elif ranged and hedge is None and pos == len(tokens):
            raise ReadError(
                f"a range needs two figures: {self.original!r}", part=self.original.strip()
            )
        elif hedge is None and (spread_at := self._tolerance(tokens, pos)) is not None:
            # "$20.00 billion, plus or minus 2%", "più o meno 2%", "плюс-минус 2%": X ± that
            spread, pos = self._quantity(tokens, spread_at)
        elif pos < len(tokens) and (post := lex.post_hedges.match(tokens, pos)) is not None:
            # "300 or more", "duecento o meno", "свыше 300 или около того"
            hedge = _post_hedged(hedge, post[0], self.original)
            pos = post[1]
        if pos != len(tokens):
            self._not_understood(tokens, pos)
        if second is not None:
            first, second = _share_units(first, second)
        kind, unit, factor = self._kind_and_unit(first)
        if needs_duration and kind is not ValueKind.DURATION:
            raise ReadError("not a duration")
        if kind is ValueKind.DURATION and _looks_like_a_year(first) and second is None:
            raise ReadError(
                f"{self.original.strip()!r} reads like a year, not a duration: a deadline "
                "('by 2030', 'до 2030 года') has no span factcheck can compare",
                part=self.original.strip(),
            )
        if second is not None:
            kind2, unit2, factor2 = self._kind_and_unit(second)
            if (kind2, unit2) != (kind, unit):
                raise ReadError(
                    f"the two ends of the range are in different units ({unit} and {unit2})",
                    part=self.original,
                )
            offset = self._offset(first)
            lo, hi = tidy(first.value * factor + offset), tidy(second.value * factor2 + offset)
            if hi < lo < 0:
                lo, hi = hi, lo  # "-18 °C to -34 °C": a range of negative figures written by their size
            if lo > hi:
                raise ReadError(f"a range from {lo:g} down to {hi:g} is backwards")
            interval = Interval.closed(lo, hi)
            stated = None
        else:
            offset = self._offset(first)
            interval = self._hedged(first, factor, hedge, offset, unit == TEMPERATURE)
            stated = tidy(first.value * factor + offset) if hedge is None else None
            if stated is not None and offset:
                stated = _to_written_precision(stated, first.half_step * factor)  # 107 °F: 41.7 °C
            if spread is not None:
                interval, stated = self._spread(first, spread, factor, offset), None
        return Value(kind, interval, unit=unit, note=note, stated=stated, written_unit=self._written_unit(first))

    @staticmethod
    def _written_unit(q: _Quantity) -> str | None:
        """The unit a speed was written in (`mile_per_hour`), which people read it in: the value
        itself is in the base unit (metres per second), like every physical amount."""
        unit = q.unit if q.currency is None and not q.percent and q.duration is None else None
        return unit if unit in shown_as_written() else None

    def _tolerance(self, tokens: Tokens, pos: int) -> int | None:
        """Where the figure after `plus or minus` starts, or None when none follows."""
        found = self.lex.tolerances.match(tokens, pos) if pos < len(tokens) else None
        if found is None or read_number(tokens, found[1], self.lex) is None:
            return None
        return found[1]

    def _spread(self, first: _Quantity, spread: _Quantity, factor: float, offset: float) -> Interval:
        """X ± the spread: a percent of X (`$20 billion ± 2%`), or points of a percentage
        (`45% ± 3%`), or an amount in X's unit (`$20 billion ± $0.4 billion`, `± 0.4`)."""
        x = first.value * factor + offset
        if spread.percent and not first.percent:
            reach = abs(x) * spread.value / 100
        else:
            first, spread = _share_units(first, spread)
            if self._kind_and_unit(spread)[:2] != self._kind_and_unit(first)[:2]:
                raise ReadError(
                    f"the spread in {self.original.strip()!r} is not in the figure's unit", part=self.original.strip()
                )
            reach = abs(spread.value * factor)
        return Interval.closed(tidy(x - reach), tidy(x + reach))

    def _hedged(
        self, q: _Quantity, factor: float, hedge: str | None, offset: float = 0.0, temperature: bool = False
    ) -> Interval:
        """The interval a hedged figure allows, in base units. `offset` is an offset unit's
        (107 °F is 107 · 5/9 − 160/9 °C). A temperature is on an interval scale, where a fraction
        of the figure means nothing (`about 0 °C`, `about 32 °F`): its hedges reach a fixed
        `ReadOptions.temperature` degrees Celsius, and a bare figure at most half of that."""
        x = q.value * factor + offset
        o = self.options
        step = q.half_step * factor * (o.precision / 0.5)
        if temperature:
            return self._hedged_temperature(x, step, hedge)
        if x != 0:
            # A round figure is never read wider than ±5% of itself: `100000` is 95,000–105,000,
            # not 50,000–150,000 (SPEC §2, revised).
            step = min(step, abs(x) * o.rounding_cap)
        match hedge:
            case None:
                # The values that ROUND to X: half-open, so adjacent stated values (`6.3` and
                # `6.4`, `63893` and `63894`) never share a point.
                lo, hi = tidy(x - step), tidy(x + step)
                if lo >= hi:
                    return Interval.closed(tidy(x), tidy(x))  # no step, or beyond a float's 15 digits
                return Interval(lo, hi, True, False)
            case "exact":
                return Interval.closed(tidy(x), tidy(x))
            case "about_over":  # "over 300 or so": from about 300 up
                return Interval(tidy(x - max(abs(x) * o.approx, step)), None, True, False)
            case "about_under":
                return Interval(None, tidy(x + max(abs(x) * o.approx, step)), False, True)
            case "approx":
                t = max(abs(x) * o.approx, step)
                return Interval.closed(tidy(x - t), tidy(x + t))
            case "nearly":
                if x <= 0:
                    raise ReadError("'nearly' needs a figure above zero: the interval would be empty")
                return Interval(tidy(x - abs(x) * o.nearly), tidy(x), True, False)
            case "over" | "at_least":
                reach = o.over if hedge == "over" else o.at_least
                upper = None if reach is None or x <= 0 else tidy(x + abs(x) * reach)
                return Interval(tidy(x), upper, hedge == "at_least", upper is not None)
            case "up_to" | "under":
                reach = o.up_to if hedge == "up_to" else o.under
                lower = None if reach is None or x <= 0 else tidy(x - abs(x) * reach)
                return Interval(lower, tidy(x), lower is not None, hedge == "up_to")
        raise AssertionError(f"unknown hedge {hedge!r} in the lexicon")

    def _hedged_temperature(self, x: float, step: float, hedge: str | None) -> Interval:
        reach = self.options.temperature
        step = min(step, reach * self.options.rounding_cap / self.options.approx)
        match hedge:
            case "approx" | "nearly" | "about_over" | "about_under":
                t = max(reach, step)
                lo, hi = tidy(x - t), tidy(x + t)
                if hedge == "nearly":
                    return Interval(lo, tidy(x), True, False)
                if hedge == "about_over":
                    return Interval(lo, None, True, False)
                if hedge == "about_under":
                    return Interval(None, hi, False, True)
                return Interval.closed(lo, hi)
            case "over" | "at_least":
                return Interval(tidy(x), None, hedge == "at_least", False)
            case "up_to" | "under":
                return Interval(None, tidy(x), False, hedge == "up_to")
            case "exact":
                return Interval.closed(tidy(x), tidy(x))
        lo, hi = tidy(x - step), tidy(x + step)  # the values that round to X, as any figure
        return Interval(lo, hi, True, False) if lo < hi else Interval.closed(tidy(x), tidy(x))

    @staticmethod
    def _offset(q: _Quantity) -> float:
        """The offset of an offset unit (°F), 0 for every other."""
        unit = q.unit if q.currency is None and not q.percent and q.duration is None else None
        return affine(unit)[1] if unit else 0.0

    def _kind_and_unit(self, q: _Quantity) -> tuple[ValueKind, str | None, float]:
        if q.percent:
            return ValueKind.PERCENT, None, 1.0
        if q.duration is not None:
            return ValueKind.DURATION, "year", 1.0
        unit = q.currency or q.unit
        if unit:
            factor, _, base = affine(unit)  # through the one registry: USD is [currency_USD]
            return ValueKind.AMOUNT, base, factor
        return ValueKind.NUMBER, None, 1.0

    def _quantity(self, tokens: Tokens, pos: int) -> tuple[_Quantity, int]:
        """[currency] number [scale…] [[of] currency | % | unit | duration unit]."""
        lex = self.lex
        currency = None
        prefixed: str | None = None
        m = lex.currencies.match(tokens, pos)
        if m:
            currency, pos = m
        elif (before := lex.unit_prefixes.match(tokens, pos)) is not None and read_number(tokens, before[1], lex):
            prefixed, pos = before  # "magnitude 6.1", "M6.1", "magnitudo 6.1"
        if self.expect is Expect.DURATION and pos < len(tokens) and (clock := clock_seconds(tokens[pos])) is not None:
            # `2:00:35` on a subject of durations: 2 h 0 min 35 s, ± half a second (a time of day elsewhere)
            second = affine("second")[0]
            return _Quantity(Number(tidy(clock[0] * second), tidy(clock[1] * second)), duration=1.0), pos + 1
        named = lex.named_durations.match(tokens, pos)
        if named is not None:
            # "полвека", "un ventennio", "half a century": that many years, ± half a year
            return _Quantity(Number(1.0, 0.5, from_article=True), duration=named[0]), named[1]
        scale = 1.0
        glued = glued_fraction(tokens[pos], lex) if lex.fraction_prefixes and pos < len(tokens) else None
        n = read_number(tokens, pos, lex)
        if glued is not None:  # "полмиллиарда"
            n, scale = (glued[0], pos + 1), glued[1]
        if n is None and pos < len(tokens) and tokens[pos] in lex.lone_scales:
            n = (Number(1.0, 0.5, from_article=True), pos)  # "миллиард долларов": one billion
        if n is None and pos < len(tokens) and tokens[pos] in lex.lone_units and lex.units.match(tokens, pos):
            n = (Number(1.0, 0.5, from_article=True), pos)  # "более километра": one kilometre
        if n is None:
            if pos >= len(tokens):
                raise ReadError(f"no number in {self.original!r}", part=self.original.strip())
            self._vague_plural(tokens, pos)
            self._not_understood(tokens, pos, expected="a number")
        number, pos = n
        while (s := lex.scales.match(tokens, pos)) is not None:
            if self.expect is Expect.LENGTH and lex.units.match(tokens, pos) is not None:
                break  # "8,848.86m" on a subject in metres: metres, not millions
            if (longer := lex.units.match(tokens, pos)) is not None and longer[1] > s[1]:
                break  # "50 m/s": a unit written with more words than the scale word ("m") it starts with
            scale *= s[0]
            pos = s[1]
        if scale > 1 and not tokens[n[1] - 1][:1].isdigit():
            number, scale, pos = self._groups(tokens, pos, number, scale)
        if scale != 1.0 and (addend := lex.fraction_addends.match(tokens, pos)) is not None:
            # "7 million and a half", "due milioni e mezzo": half of the scale more
            number = Number(number.value + addend[0], min(number.half_step, 0.05))
            pos = addend[1]
        if number.fraction and scale != 1.0:
            number = Number(number.value, number.half_step)  # "half a billion" is an amount
        q, pos = self._suffix(tokens, pos, _Quantity(number, scale, currency, unit=prefixed))
        if pos < len(tokens):
            q, pos = self._subunit(tokens, pos, q)
        if pos < len(tokens) and q.duration is not None:
            q, pos = self._smaller_spans(tokens, pos, q)
        if pos < len(tokens) and (rate := lex.rates.match(tokens, pos)) is not None and not q.percent and q.duration is None:
            # "barrels a day", "$5 billion a year", "баррелей в сутки": per that span
            per = q.currency or q.unit
            q = _replace(q, currency=None, unit=f"{per} / {rate[0]}" if per else f"1 / {rate[0]}")
            pos = rate[1]
        if q.number.fraction and not (q.currency or q.unit or q.percent or q.duration):
            # "a third", "tre quarti", "две трети": a share, in percent
            share = q.number.value * 100
            q = _Quantity(Number(tidy(share), share), percent=True)
        return q, pos

    def _groups(self, tokens: Tokens, pos: int, number: Number, scale: float) -> tuple[Number, float, int]:
        """`two million three thousand and nineteen`, `двадцать один миллион семьдесят три`: the
        smaller groups after a scale word, each written in words, added up."""
        lex = self.lex
        total, step, last = number.value * scale, number.half_step * scale, scale
        while pos < len(tokens):
            joined = tokens[pos] in lex.number_word_joiners or tokens[pos] in lex.group_joiners
            at = pos + 1 if joined else pos
            if at >= len(tokens) or tokens[at][:1].isdigit() or lex.number_word(tokens[at]) is None:
                break
            found = read_number(tokens, at, lex)
            if found is None or found[0].value != int(found[0].value) or found[0].fraction:
                break
            group, end = found
            size = 1.0
            while (s := lex.scales.match(tokens, end)) is not None:
                size *= s[0]
                end = s[1]
            if group.value * size >= last:
                break
            total, step, last, pos = total + group.value * size, group.half_step * size, size, end
        if last == scale:
            return number, scale, pos
        return Number(tidy(total), tidy(step)), 1.0, pos

    def _subunit(self, tokens: Tokens, pos: int, q: _Quantity) -> tuple[_Quantity, int]:
        """`3 dollars and 5 cents`, `2 euro e 40 centesimi`, `5 рублей 20 копеек`."""
        lex = self.lex
        if q.currency is None or q.scale != 1.0 or pos >= len(tokens):
            return q, pos
        joiner = lex.subunit_joiners.match(tokens, pos)
        at = joiner[1] if joiner else pos
        n = read_number(tokens, at, lex)
        if n is None or n[0].value != int(n[0].value):
            return q, pos
        unit = lex.subunits.match(tokens, n[1])
        if unit is None or n[0].value * unit[0] >= 1:
            return q, pos
        step = tidy(unit[0] / 2)
        return _replace(q, number=Number(tidy(q.number.value + n[0].value * unit[0]), step)), unit[1]

    def _smaller_spans(self, tokens: Tokens, pos: int, q: _Quantity) -> tuple[_Quantity, int]:
        """`2 hours 0 minutes 35 seconds`, `2 ore e 35 secondi`, `2 часа 0 минут 35 секунд`,
        `2 h 00 min 35 s`: smaller units of time after a span, each smaller than the one before,
        added up. The whole is as precise as its last part, given to its unit: `2 h 00 min 40 s` is
        ± half a second, as `2:00:40` is."""
        lex = self.lex
        assert q.duration is not None
        if q.scale != 1.0 or q.number.fraction or q.number.from_article:
            return q, pos
        total, step, last, end = q.value, q.half_step, q.duration, pos
        while end < len(tokens):
            joiner = lex.subunit_joiners.match(tokens, end)
            at = joiner[1] if joiner else end
            padded = at < len(tokens) and _PADDED.fullmatch(tokens[at]) is not None  # the `05` of `2 h 05 min`
            n = (Number(float(tokens[at]), 0.5), at + 1) if padded else read_number(tokens, at, lex)
            if n is None or n[0].value < 0 or n[0].fraction:
                break
            unit = lex.duration_units.match(tokens, n[1]) or lex.trailing_spans.match(tokens, n[1])
            if unit is None or unit[0] >= last:
                break
            # a part after a larger one is given to its unit: the 40 of `59 min 40 s` is ± half a second
            total, step, last, end = total + n[0].value * unit[0], min(n[0].half_step, 0.5) * unit[0], unit[0], unit[1]
        if end == pos:
            return q, pos
        return _Quantity(Number(tidy(total), tidy(step)), duration=1.0), end

    def _vague_plural(self, tokens: Tokens, pos: int) -> None:
        """`dozens`, `hundreds of millions`, `decine`, `десятки`: how many is not said."""
        word = tokens[pos]
        if word in self.lex.vague_plurals:
            raise ReadError(
                f"{word!r} in {self.original.strip()!r} is a vague plural (some number of them, "
                "never said): not a figure that can be checked",
                part=word,
            )

    def _suffix(self, tokens: Tokens, pos: int, q: _Quantity) -> tuple[_Quantity, int]:
        lex = self.lex
        if pos >= len(tokens):
            return q, pos
        start = pos
        connector = lex.unit_connectors.match(tokens, pos)
        if connector:
            pos = connector[1]
        if (pct := lex.percent.match(tokens, pos)) and not connector:
            return _replace(q, percent=True), pct[1]
        if (money := lex.currencies.match(tokens, pos)) is not None:
            if q.currency and q.currency != money[0]:
                raise ReadError(
                    f"two currencies in one figure: {q.currency} and {money[0]}", part=tokens[pos]
                )
            return _replace(q, currency=money[0]), money[1]
        if pos < len(tokens) and tokens[pos] == "-" and q.currency is None and q.unit is None and (
            lex.units.match(tokens, pos + 1) or lex.duration_units.match(tokens, pos + 1)
        ):
            pos += 1  # "27-kilometer", "a 300-tonne", "a two-year deal": the unit as an adjective
        if q.currency is None and q.unit is None and (unit := lex.units.match(tokens, pos)) is not None:
            return _replace(q, unit=unit[0]), unit[1]
        if q.currency is None and (span := lex.duration_units.match(tokens, pos)) is not None:
            return _replace(q, duration=span[0]), span[1]
        if not (q.currency or q.unit or q.percent) and (noun := lex.counted_nouns.match(tokens, start)) is not None:
            return q, noun[1]  # "1,000 people", "1.000 persone", "1000 человек": a count of them
        return q, start

    # -- categories ----------------------------------------------------------------------------

    def _category(self, tokens: Tokens) -> Value | None:
        """A proper name (`Almaty`, `Nur-Sultan`, `in Kazakistan`), or None."""
        lex = self.lex
        pos = 0
        m = lex.category_prefixes.match(tokens, pos)
        if m and m[1] < len(tokens):
            pos = m[1]
        words = tokens[pos:]
        if any(w in lex.vocabulary or w in lex.not_names for w in words):
            return None
        label = _strip_prefix(self.original, tokens[:pos])
        key = category_key(label)
        if not key:
            return None
        place = place_named(key, lex.language)
        if not label[:1].isupper() and (place is None or not place.well_known):
            return None  # not a proper name nor a well-known place: "a lot", "many", "nice"
        category, within = category_of(key, place)
        return Value(ValueKind.CATEGORY, None, category=category, label=label, within=within)

    # -- errors --------------------------------------------------------------------------------

    def _not_understood(self, tokens: Tokens, pos: int, expected: str | None = None) -> NoReturn:
        """Name the part that was not understood, and the closest word the language knows.

        The first word from `pos` on that no table of the language contains is the likeliest
        culprit (a typo: "Janury", "доларов"), so it is named rather than the whole rest.
        """
        refuse_non_answer(self.lex, tokens, self.published)  # "Not Available" on a count subject
        for at in range(len(tokens)):
            if (times := self.lex.multipliers.match(tokens, at)) is not None:
                said = " ".join(tokens[at:times[1]])
                raise ReadError(
                    f"{self.original.strip()!r} multiplies a figure it does not give ({said!r} of what?): "
                    "without its base it is not a figure that can be checked",
                    part=said,
                )
        if not self.lex.has_words:
            word = next((t for t in tokens[pos:] if t.isalpha()), " ".join(tokens[pos:]))
            raise ReadError(
                f"did not understand {word!r} in {self.original!r}: factcheck has no word table for "
                f"the language {self.lex.language!r} (it reads digits, ISO dates, times, percentages and "
                f"currency symbols and codes in any language; words in {', '.join(available_languages())})",
                part=word,
            )
        known = self.lex.known_words
        unknown = next((t for t in tokens[pos:] if t.isalpha() and t not in known), None)
        if unknown is not None:
            raise ReadError(
                f"did not understand {unknown!r} in {self.original!r}",
                part=unknown,
                suggestion=closest(unknown, known, _SUGGEST),
            )
        part = " ".join(tokens[pos:])
        vague = next((t for t in tokens[pos:] if t in self.lex.not_names), None)
        if vague is not None:
            raise ReadError(
                f"{vague!r} in {self.original!r} is a vague quantity or a non-answer, not a figure "
                "that can be checked",
                part=vague,
            )
        if might_be_a_date(self.lex, tokens):
            raise ReadError(
                f"{self.original.strip()!r} looks like a date, but not one factcheck reads "
                f"(the date phrases it knows are listed in docs/verdicts.md)",
                part=part,
            )
        word = tokens[pos]
        message = f"did not understand {part!r} in {self.original!r}"
        if expected:
            message = f"expected {expected} at {part!r} in {self.original!r}"
        raise ReadError(message, part=part, suggestion=closest(word, self.lex.vocabulary - {word}, _SUGGEST))

    @staticmethod
    def _skip(index: PhraseIndex[Any], tokens: Tokens, pos: int) -> int:
        while (m := index.match(tokens, pos)) is not None:
            pos = m[1]
        return pos


def _post_hedged(before: str | None, after: str, original: str) -> str:
    """The hedge of `300 or more` (at_least), `свыше 300 или около того` (about, then over)."""
    if before is None:
        return after
    if after == "approx" and before in ("over", "at_least"):
        return "about_over"
    if after == "approx" and before in ("under", "up_to"):
        return "about_under"
    if after == before or (before, after) in (("over", "at_least"), ("under", "up_to")):
        return before
    raise ReadError(f"two hedges that disagree in {original.strip()!r}", part=original.strip())


def _to_written_precision(x: float, half_step: float) -> float:
    """A figure converted from an offset unit, to the digits its written precision allows: 107 °F
    (± 0.5 °F, ± 0.28 °C) is shown as 41.7 °C, not 41.666667 °C. The interval keeps every digit."""
    if half_step <= 0:
        return x
    return round(x, max(0, -math.floor(math.log10(2 * half_step))))


def _looks_like_a_year(q: _Quantity) -> bool:
    """`2030 года`: a four-digit whole number 1000-2999 with a year word is a year, not 2,030 years."""
    return q.scale == 1.0 and q.number.value == int(q.number.value) and 1000 <= q.number.value <= 2999 \
        and q.number.half_step < 500 and q.duration == 1.0


def _replace(q: _Quantity, **changes: object) -> _Quantity:
    return replace(q, **changes)  # type: ignore[arg-type]


def _share_units(a: _Quantity, b: _Quantity) -> tuple[_Quantity, _Quantity]:
    """`between 5 and 7 billion dollars`, `$5-7bn`: scale and unit written once apply to both."""
    if a.scale == 1.0 and b.scale != 1.0:
        a = _replace(a, scale=b.scale)
    for attr in ("currency", "unit", "duration"):
        if getattr(a, attr) is None and getattr(b, attr) is not None:
            a = _replace(a, **{attr: getattr(b, attr)})
        elif getattr(b, attr) is None and getattr(a, attr) is not None:
            b = _replace(b, **{attr: getattr(a, attr)})
    if a.percent or b.percent:
        a, b = _replace(a, percent=True), _replace(b, percent=True)
    return a, b


_POSSESSIVE = re.compile(r"^[^\W\d_]+'$")


def _drop_possessives(tokens: Tokens) -> Tokens:
    """`one of Kazakhstan's top three` → `one of the top three`."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if _POSSESSIVE.match(tokens[i]) and i + 1 < len(tokens) and tokens[i + 1] == "s":
            out.append("the")
            i += 2
            continue
        out.append(tokens[i])
        i += 1
    return tuple(out)


def _strip_prefix(original: str, prefix: Tokens) -> str:
    """The name as written, without the words before it (`nella città di`, `l'`, `the`)."""
    whole = " ".join(original.split()).strip(" .,;:")
    rest = whole
    for token in prefix:
        rest = rest.lstrip()
        if normalise(rest[: len(token)]) != token:
            return whole
        rest = rest[len(token) :]
    return rest.strip(" .,;:") or whole


def place_named(key: str, language: str) -> Place | None:
    """The gazetteer's place for a name's key, trying the language's case forms too."""

    return resolve(name_variants(key, language))


def category_of(key: str, place: Place | None) -> tuple[str, str | None]:
    """A name's category and container: the place's when the gazetteer knows it, else the key."""
    return (key, None) if place is None else (place.key, place.within)


def name_variants(key: str, language: str) -> list[str]:
    """The key, then the forms the language's case endings give (`астане` → `астана`, `астан`)."""

    out = [key]
    for ending, base in name_endings(language):
        if key.endswith(ending) and len(key) > len(ending) + 2:
            out.append(key[: len(key) - len(ending)] + base)
    return out
