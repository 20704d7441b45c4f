"""Writing a value back as a phrase: `write_value(value, lang)` reads back as the same value.

This is the inverse of `parse_value` for the values it produces, so the two can be tested
against each other (a property test reads, writes and reads again), and a tool can show any
value, including a converted or intersected one, in the words of the source's language.

The phrasing comes from the `canonical:` templates of each language file, so a new language
needs no code here either. Numbers are written in full with the language's separators
(`7,550,000,000`; `7.550.000.000`; `7 550 000 000`) and with every digit the value has, so
that nothing is rounded on the way back; bare figures are never used, because a bare figure
reads with its stated precision (`7.6` is 7.55..7.65): `exactly 7.6` is the point.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from decimal import Decimal

from factcheck.read.interval import Interval
from factcheck.read.lexicon import Lexicon, get_lexicon
from factcheck.read.model import Value, ValueKind, datetime_from_minute
from factcheck.read.reader import DEFAULT_OPTIONS, ReadOptions, parse_value
from factcheck.read.units import affine, is_currency


class NotWritable(ValueError):
    """A value no phrase of the language reads as (e.g. an interval closed below and open above
    that no hedge produces with these options)."""


def write_value(value: Value, lang: str, options: ReadOptions = DEFAULT_OPTIONS) -> str:
    """A phrase in `lang` that `parse_value(phrase, lang, published, options)` reads as `value`
    (same kind, unit and interval; for categories the same key)."""
    lex = get_lexicon(lang)
    templates = lex.canonical
    if value.kind is ValueKind.CATEGORY:
        return value.label or value.category or ""
    if not templates:
        raise NotWritable(f"factcheck has no word table to write {lang!r}")
    iv = value.interval
    assert iv is not None
    if value.kind is ValueKind.DATE:
        return _date_phrase(value, lex)
    if value.kind is ValueKind.RANK:
        assert iv.lower is not None and iv.upper is not None
        if iv.lower == iv.upper:
            return str(templates["rank"].format(n=int(iv.lower)))
        if iv.lower == 1:
            return str(templates["top"].format(n=int(iv.upper)))
        raise NotWritable(f"no phrase reads as ranks {iv.notation()}")
    return _quantity_phrase(value, iv, lex, options)


def _quantity_phrase(value: Value, iv: Interval, lex: Lexicon, options: ReadOptions) -> str:
    t = lex.canonical
    unit = _unit_writer(value, lex)

    lo, hi = iv.lower, iv.upper
    if lo is not None and hi is not None:
        if iv.lower_inclusive and iv.upper_inclusive:
            if lo == hi:
                return str(t["exact"].format(x=unit(lo)))
            return str(t["between"].format(lo=unit(lo), hi=unit(hi)))
        if iv.lower_inclusive and not iv.upper_inclusive and value.stated is not None:
            # A bare figure: the stated number, with as many decimals as its rounding needs
            # (`7.60` reads 7.595..7.605, `7.6` reads 7.55..7.65).
            template, factor = _unit_template(value, lex)
            for phrase in _bare_candidates(_in_unit(value.stated, factor), template, lex):
                if _reads_as(phrase, lex, options) == iv:
                    return str(phrase)
        if iv.lower_inclusive and not iv.upper_inclusive and hi > 0 and float(f"{hi - hi * options.nearly:.15g}") == lo:
            return str(t["nearly"].format(x=unit(hi)))
        raise NotWritable(f"no phrase reads as {iv.notation()} with these tolerances")
    if hi is None and lo is not None and options.over is None and options.at_least is None:
        return str(t["at_least" if iv.lower_inclusive else "over"].format(x=unit(lo)))
    if lo is None and hi is not None and options.up_to is None and options.under is None:
        return str(t["up_to" if iv.upper_inclusive else "under"].format(x=unit(hi)))
    raise NotWritable(f"no phrase reads as {iv.notation()} with these tolerances")


def _bare_candidates(stated: float, template, lex: Lexicon):  # type: ignore[no-untyped-def]
    """Ways to write a bare figure (in the unit written), finest reading last: the number as
    it is, with trailing decimal zeros (`7.60` is precise to the hundredth), and with each scale
    word of the language (`2.0 thousand` is precise to the hundred, which `2,000` is not)."""
    entries = lex.scales.entries()
    scales = sorted({s for _, s in entries if s > 1})
    words = {s: " ".join(next(t for t, v in entries if v == s)) for s in scales}
    for scale in (1.0, *scales):
        whole, _, frac = number(stated / scale, lex).partition(lex.decimal)
        for decimals in range(len(frac.rstrip("0")), 7):
            text = whole + (lex.decimal + frac.ljust(decimals, "0") if decimals else "")
            yield template(text + (" " + words[scale] if scale != 1.0 else ""))


def _reads_as(phrase: str, lex: Lexicon, options: ReadOptions) -> Interval | None:
    try:
        return parse_value(phrase, lex.language, None, options).interval
    except ValueError:
        return None


def _unit_writer(value: Value, lex: Lexicon):  # type: ignore[no-untyped-def]
    """A function writing one bound with its unit: `7 550 000 000 USD`, `12,5%`, `20 лет`."""
    template, factor = _unit_template(value, lex)
    return lambda x: template(number(_in_unit(x, factor), lex))


def _in_unit(x: float, factor: float) -> float:
    """A value in base units, in the unit written: 59.5833 m/s is 214.5 km/h, not 214.49999999999986
    (a factor that is no power of ten leaves float noise, dropped at 12 digits)."""
    y = x / factor
    return y if factor > 0 and math.log10(factor).is_integer() else float(f"{y:.12g}")


def _unit_template(value: Value, lex: Lexicon):  # type: ignore[no-untyped-def]
    """How a number (already written) takes the value's unit, and the factor from base units to
    the unit written: (`lambda n: n + " km"`, 1000.0)."""
    t = lex.canonical
    match value.kind:
        case ValueKind.PERCENT:
            return (lambda n: t["percent"].format(x=n)), 1.0
        case ValueKind.DURATION:
            return (lambda n: t["duration"].format(x=n)), 1.0
        case ValueKind.NUMBER:
            return (lambda n: n), 1.0
    assert value.unit is not None

    if is_currency(value.unit):
        return (lambda n: f"{n} {value.unit}"), 1.0
    # A physical unit: a word of the language for a unit with this base, scaled back to it; the
    # base unit's own word first, then a power of ten of it (never feet for metres: 0.3048 is inexact)
    # (not an offset unit, °F: a value is written in its base unit's scale, °C)
    # A speed is written in the unit it was read in, when the language has a word for it (`120 mph`
    # reads back as the values that round to 120 mph, which no figure in m/s does).
    candidates = [(toks, factor, base) for toks, unit_name in _unit_words(lex)
                  for factor, offset, base in (affine(unit_name),) if not offset
                  if value.written_unit is None or unit_name == value.written_unit]
    if value.written_unit is not None and not candidates:
        return _unit_template(replace(value, written_unit=None), lex)
    candidates.sort(key=lambda c: len(" ".join(c[0])))  # the shortest word first (`км/ч`)
    candidates.sort(key=lambda c: (c[1] != 1.0, not math.log10(c[1]).is_integer() if c[1] > 0 else True))
    for toks, factor, base in candidates:
        if base == value.unit:
            word = " ".join(toks)
            return (lambda n, word=word: f"{n} {word}"), factor
    raise NotWritable(f"no word for {value.unit!r} in {lex.language!r}")


def _unit_words(lex: Lexicon) -> list[tuple[tuple[str, ...], str]]:
    """The unit words that read as the unit wherever they stand: not `m` (a scale word first, so
    millions) nor `in` (inches only at the end of a phrase)."""
    return sorted(
        (entry for entry in lex.units.entries()
         if lex.scales.match(entry[0], 0) is None and lex.unit_connectors.match(entry[0], 0) is None),
        key=lambda c: (len(c[0]), c[0]),
    )


def number(x: float, lex: Lexicon) -> str:
    """Every digit of `x`, grouped by thousands with the language's separators.

    Grouping matters beyond looks: an ungrouped `2019` would read as a year.
    """
    text = format(Decimal(repr(float(x))), "f")
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    frac = frac.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = lex.group.join(groups)
    if len(frac) == 3 and whole != "0":
        frac += "0"  # "7.595" could be thousands written the other way: "7.5950" cannot
    if frac:
        out += lex.decimal + frac
    return ("-" if negative else "") + out


def _date_phrase(value: Value, lex: Lexicon) -> str:
    if value.unit == "minute":
        return _minutes_phrase(value)
    start, end = value.start, value.end
    if start is None or end is None:
        raise NotWritable("a date open at one end ('before 2015', 'since 2011') is written as it was said")
    if start == end:
        return start.isoformat()
    if value.granularity == "month":
        return start.isoformat()[:7]
    if value.granularity == "year":
        return str(start.year)
    return str(lex.canonical["date_range"].format(a=_day(start, lex), b=_day(end, lex)))


def _day(day: dt.date, lex: Lexicon) -> str:
    t = lex.canonical
    return str(t["day"].format(d=day.day, month=t["months"][day.month - 1], y=day.year))


def _minutes_phrase(value: Value) -> str:
    """A time of day as every language reads it: `2011-12-01T14:07`, `2011-12-01 05:35-05:45`."""

    iv = value.interval
    assert iv is not None
    if iv.lower is None or iv.upper is None or not (iv.lower_inclusive and iv.upper_inclusive) \
            or iv.upper - iv.lower >= 1440:
        raise NotWritable(f"no phrase reads as minutes {iv.notation()}")
    lo, hi = datetime_from_minute(iv.lower), datetime_from_minute(iv.upper)
    if lo == hi:
        return lo.isoformat(timespec="minutes")
    return f"{lo.date().isoformat()} {lo:%H:%M}-{hi:%H:%M}"  # an end before the start is the next day
