"""Every figure, date and rank in a run of text, with its exact span.

The figure reader (`factcheck.read`) reads a phrase that is *only* a figure ("up to $7.6
billion") and refuses one with other words in it ("Italy has invested up to $7.6 billion"). So a
figure in running text is found by asking the reader: around each word that can start or carry a
figure (a digit, a number word, an ordinal, a month), grow the span word by word to either side
and keep the longest span the reader accepts. The hedge ("up to", "quasi"), the scale
("miliardi"), the currency and the date's preposition come along because the reader knows them;
a word it does not know ("invested") ends the span. Overlapping finds keep the longest.

Names (cities, countries) are not figures: a span the reader takes as a category is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.read import (
    DEFAULT_OPTIONS,
    ReadOptions,
    Value,
    ValueKind,
    parse_value,
)
from factcheck.read.lexicon import Lexicon, get_lexicon
from factcheck.read.reader import leading_verb_words

#: How many words a figure may reach to the left and right of the word that carries it:
#: "one of the top three" is four to the left, "8 miliardi di dollari" three to the right.
REACH_LEFT = 5
REACH_RIGHT = 5

_WORD = re.compile(r"\S+")
_OPENING = "([{\"'“‘«„"
_CLOSING = ")]}\"'”’»,.;:!?…"


@dataclass(frozen=True, slots=True)
class FoundFigure:
    """A figure in text: `text[start:end]` and how the reader reads it."""

    start: int
    end: int
    words: str
    value: Value


def _words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word, punctuation around it dropped ("(2024)," -> "2024")."""
    out = []
    for m in _WORD.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start] in _OPENING:
            start += 1
        while end > start and text[end - 1] in _CLOSING:
            end -= 1
        if start < end:
            out.append((start, end))
    return out


@lru_cache(maxsize=8)
def _anchor_words(lang: str) -> frozenset[str]:
    lex = get_lexicon(lang)
    words = set(lex.number_words) | set(lex.ordinals) | set(lex.months) | set(lex.rank_groups)
    # scale words: "un miliardo e duecento milioni di euro" is longer than a reach from "un"
    words |= {w for w in lex.scales.words if len(w) > 2}
    # "quest'anno", "last year": a date with no number in it.
    words |= {w for w in lex.relative_years.words if w not in lex.date_prepositions.words}
    return frozenset(w.lower().replace("’", "'") for w in words if w and not w.isdigit())


def _continues_figure(word: str, lex: Lexicon) -> bool:
    """After a comma, a word that goes on with the figure: a digit, a hedge, a bound's joiner, a
    spread ("$20 billion, plus or minus 2%") or a time's marker ("29 settembre 2025, ore 18")."""
    w = word.casefold()
    first = w.split("-")[0] or w  # "плюс-минус" is tokenised plus, hyphen, minus
    return word[:1].isdigit() or any(
        index.starts(w) or index.starts(first) for index in (lex.hedges, lex.bound_joiners, lex.tolerances, lex.times.markers, lex.times.hedges))


def _compound_number(word: str, lang: str) -> bool:
    """`duecento`, `ventotto`: a number word made of parts, in a language that writes them so."""
    lex = get_lexicon(lang)
    return lex.number_words_compound and word.isalpha() and lex.number_word(word.lower()) is not None


def _is_anchor(word: str, anchors: frozenset[str]) -> bool:
    if any(ch.isdigit() for ch in word):
        return True
    w = word.lower().rstrip(".").replace("’", "'")
    return w in anchors or w.split("-")[0] in anchors or w.split("'")[-1] in anchors


def read_phrase(phrase: str, lang: str, published: dt.date, options: ReadOptions = DEFAULT_OPTIONS) -> Value | None:
    """The reader's reading of a phrase, or None when it refuses it (whatever the reason: a
    document or a claims file may hold any text)."""
    try:
        return parse_value(phrase, lang, published, options)
    except (ValueError, OverflowError, RecursionError):  # ReadError is a ValueError
        return None


def _read(phrase: str, lang: str, published: dt.date, options: ReadOptions) -> Value | None:
    value = read_phrase(phrase, lang, published, options)
    return None if value is None or value.kind is ValueKind.CATEGORY else value


def find_figures(
    text: str,
    lang: str,
    published: dt.date,
    options: ReadOptions = DEFAULT_OPTIONS,
    near: tuple[int, int] | None = None,
) -> list[FoundFigure]:
    """The figures in `text`, in order, none overlapping; with `near=(start, end)`, only those
    carried by a word inside that span (what `verify` needs: the figure around `says`, without
    reading every other figure of the sentence)."""
    words = _words(text)
    try:
        anchors = _anchor_words(lang)
    except KeyError:
        return []
    # a comma or semicolon between two words ends a figure, unless a digit ("May 30, 2025") or a
    # second bound ("более 100, но менее 150") follows: "venti, secondo l'agenzia" is twenty,
    # never the 22nd
    lex = get_lexicon(lang)
    breaks = [k for k in range(len(words) - 1)
              if any(c in ",;" for c in text[words[k][1]:words[k + 1][0]])
              and not _continues_figure(text[words[k + 1][0]:words[k + 1][1]], lex)]
    found: dict[tuple[int, int], FoundFigure] = {}
    outer: dict[tuple[int, int], int] = {}  # where each figure's reading began, its verb included
    for a, (ws, we) in enumerate(words):
        if near is not None and (we <= near[0] or ws >= near[1]):
            continue
        if not _is_anchor(text[ws:we], anchors) and not _compound_number(text[ws:we], lang):
            continue
        spans = sorted(
            ((i, j) for i in range(max(0, a - REACH_LEFT), a + 1) for j in range(a, min(len(words), a + REACH_RIGHT + 1))),
            key=lambda ij: (ij[0] - ij[1], ij[0]),
        )
        for i, j in spans:
            if any(i <= k < j for k in breaks):
                continue
            start, end = words[i][0], words[j][1]
            if (start, end) in found:
                break
            value = _read(text[start:end], lang, published, options)
            if value is not None:
                # "rose to 4,100": the verb reads as the figure, but is not part of its words
                began = start
                if (skip := leading_verb_words(text[start:end], lang)) and i + skip <= j:
                    start = words[i + skip][0]
                found[(start, end)] = FoundFigure(start, end, text[start:end], value)
                outer[(start, end)] = min(began, outer.get((start, end), began))
                break
    # The longest reading wins, counted with its verb: "выросло до 3 млрд" keeps "3 млрд", never
    # the shorter "до 3 млрд" (up to) that another word's reach finds inside the verb.
    kept: list[FoundFigure] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(found.values(), key=lambda f: (outer[(f.start, f.end)] - f.end, outer[(f.start, f.end)])):
        begin = outer[(f.start, f.end)]
        if all(f.end <= a or begin >= b for a, b in taken):
            kept.append(f)
            taken.append((begin, f.end))
    return sorted(kept, key=lambda f: f.start)


def figure_at(text: str, start: int, end: int, lang: str, published: dt.date) -> FoundFigure | None:
    """The figure over text[start:end] (which may reach beyond it: a hedge, a scale)."""
    return covering(find_figures(text, lang, published, near=(start, end)), start, end)


def covering(figures: list[FoundFigure], start: int, end: int) -> FoundFigure | None:
    """The figure that overlaps [start, end) the most, if any does."""
    best, overlap = None, 0
    for f in figures:
        o = min(f.end, end) - max(f.start, start)
        if o > overlap:
            best, overlap = f, o
    return best


def same_value(a: Value, b: Value) -> bool:
    """The same reading: kind, unit, granularity and interval (bounds equal to 1e-9 relative)."""
    if (a.kind, a.unit, a.granularity) != (b.kind, b.unit, b.granularity):
        return False
    if a.interval is None or b.interval is None:
        return a.interval is b.interval
    x, y = a.interval, b.interval
    if (x.lower_inclusive, x.upper_inclusive) != (y.lower_inclusive, y.upper_inclusive):
        return False
    return _close(x.lower, y.lower) and _close(x.upper, y.upper)


def _close(p: float | None, q: float | None) -> bool:
    if p is None or q is None:
        return p is q
    return abs(p - q) <= 1e-9 * max(abs(p), abs(q), 1.0)
