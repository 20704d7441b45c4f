"""Numbers as written: digits in the source's locale, or words.

A bare figure is read within its stated precision: half a unit of its last significant digit
(`7.6` → ±0.05, `250` → ±5, `4,000` → ±500). The precision travels with the number so that
hedges can widen it (`about X` is ±10% but never narrower than X's own precision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.read.lexicon import Lexicon, Tokens, combine, continues
from factcheck.read.model import ReadError

_DIGITS = re.compile(r"(?:\d+|(?=[.,]\d))(?:[.,]\d+)*")  # `,77` and `.5`: no digit before the point
_YEARLIKE = re.compile(r"[12]\d{3}")  # "5 in 2024" is no ratio


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    half_step: float  # half a unit of the last significant digit
    from_article: bool = False  # "a decade", "un miliardo": the count is the article
    fraction: bool = False  # "a third", "tre quarti": a share of a whole, unless a scale follows


def tidy(x: float) -> float:
    """Round away binary noise (7.6 - 0.05 → 7.55, not 7.549999999999999)."""
    return float(f"{x:.15g}")


def read_digits(token: str, lex: Lexicon) -> Number:
    """Read a digit token with the locale's separators; refuse an ambiguous one."""
    seps = [c for c in token if c in ".,"]
    parts = re.split(r"[.,]", token)
    if not seps:
        return _integer(parts[0])
    dec, grp = lex.decimal, lex.group
    if len(seps) == 1 and seps[0] != dec and (len(parts[1]) == 1 or (len(parts[1]) == 2 and not lex.times.dotted)):
        # `3,4M` in English, `4.5` in Italian, `6.1` in Russian: one separator before one or two
        # digits can only be a decimal point, whichever the locale writes (never a thousands group;
        # `14.30` stays ambiguous where a dotted time is written)
        return _decimal(parts[0], parts[1])
    if not dec:  # a language without a table: `1.234` and `1,234` are ambiguous
        groups = 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:-1])
        if groups and len(set(seps)) == 1 and len(seps) > 1 and len(parts[-1]) == 3:
            return _integer("".join(parts))  # `1.234.567`: only thousands
        if groups and len(set(seps)) == 2 and seps[-1] not in seps[:-1] and len(set(seps[:-1])) == 1:
            return _decimal("".join(parts[:-1]), parts[-1])  # `1.234,5`, `1,234.5`
        raise ReadError(
            f"{token!r} is ambiguous in {lex.language!r}: thousands or a decimal point "
            "(factcheck has no number format for this language)",
            part=token,
        )
    groups_ok = 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])
    if all(s == grp for s in seps) and groups_ok:
        return _integer("".join(parts))
    if seps[-1] == dec and all(s == grp for s in seps[:-1]):
        int_parts, frac = parts[:-1], parts[-1]
        if len(int_parts) > 1 and not (
            1 <= len(int_parts[0]) <= 3 and all(len(p) == 3 for p in int_parts[1:])
        ):
            raise _bad_number(token, lex)
        if len(seps) == 1 and len(frac) == 3 and int_parts[0] != "0":
            swapped = token.replace(dec, grp)
            raise ReadError(
                f"{token!r} is ambiguous in {lex.language!r}: {dec!r} is the decimal separator "
                f"here, but {token!r} looks like thousands written the other way",
                part=token,
                suggestion=swapped if grp != " " else token.replace(dec, ""),
            )
        digits = "".join(int_parts) + "." + frac
        if len(digits) > MAX_DIGITS:
            raise ReadError(f"a number of {len(digits)} digits is too large to compare", part=token[:20] + "…")
        return Number(float(digits), 0.5 * 10.0 ** -len(frac))
    raise _bad_number(token, lex)


def _decimal(whole: str, frac: str) -> Number:
    if len(whole) + len(frac) > MAX_DIGITS:
        raise ReadError(f"a number of {len(whole) + len(frac)} digits is too large to compare", part=whole[:20] + "…")
    return Number(float(f"{whole}.{frac}"), 0.5 * 10.0 ** -len(frac))


def _bad_number(token: str, lex: Lexicon) -> ReadError:
    swapped = token.translate(str.maketrans(".,", ",."))
    return ReadError(
        f"{token!r} is not a number as written in {lex.language!r} (decimal {lex.decimal!r}, "
        f"thousands {lex.group!r})",
        part=token,
        suggestion=swapped,
    )


MAX_DIGITS = 300


def _integer(digits: str) -> Number:
    if len(digits) > MAX_DIGITS:
        raise ReadError(f"a number of {len(digits)} digits is too large to compare", part=digits[:20] + "…")
    if len(digits) > 1 and digits.startswith("0"):
        raise ReadError(f"{digits!r} has leading zeros: write the figure as the source does", part=digits)
    value = int(digits)
    if value == 0:
        return Number(0.0, 0.5)
    zeros = len(digits) - len(digits.rstrip("0"))
    return Number(float(value), 0.5 * 10.0**zeros)


_GROUP = re.compile(r"\d{3}")
_LEAD = re.compile(r"\d{1,3}")


def _space_grouped(tokens: Tokens, pos: int, lex: Lexicon) -> tuple[Number, int]:
    """`4 000`, `1 200 000,5`: thousands grouped with spaces are one number.

    The tokeniser splits at spaces, so groups of exactly three digits after a lead of one to
    three digits are joined back; anything else (`29 сентября 2025`) stays separate.
    """
    end = pos + 1
    if _LEAD.fullmatch(tokens[pos]):
        while end < len(tokens):
            nxt = tokens[end]
            head, _, frac = nxt.partition(lex.decimal or ",")
            if not _GROUP.fullmatch(head) or (frac and not frac.isdigit()):
                break
            end += 1
            if frac:
                break
    return read_digits("".join(tokens[pos:end]), lex), end


def read_number(tokens: Tokens, pos: int, lex: Lexicon) -> tuple[Number, int] | None:
    """A number at `pos`: one digit token, or a run of number words. None if there is none."""
    if pos >= len(tokens):
        return None
    token = tokens[pos]
    if token == "-" and pos + 1 < len(tokens) and _DIGITS.fullmatch(tokens[pos + 1]):
        # "-3.2%", "between -5 and 5": a minus sign where a number starts (a dash between two
        # numbers is a range, and is read by the range code before it gets here)
        found = read_number(tokens, pos + 1, lex)
        if found is None:
            return None
        n, end = found
        return Number(-n.value if n.value else 0.0, n.half_step, n.from_article), end
    if _DIGITS.fullmatch(token):
        if (
            pos + 1 < len(tokens) and lex.decimal and token.count(lex.decimal) == 1 and lex.group not in token
            and lex.scales.match(tokens, pos + 1) is not None
        ):
            # "$2.174 trillion", "2,174 miliardi": before a scale word the point is a decimal one
            whole, _, frac = token.partition(lex.decimal)
            return _with_fraction(tokens, _decimal(whole, frac), pos + 1, lex)
        # Thousands grouped with spaces ("4 000") are read in every language: it is the CLDR
        # style for Russian and the SI style anywhere, and it has only one reading.
        number, end = _space_grouped(tokens, pos, lex)
        return (number, end) if end >= len(tokens) else _with_fraction(tokens, number, end, lex)
    if token in lex.minus_words and pos + 1 < len(tokens):
        # "minus 5", "meno 1.200.000", "минус пять": below zero
        found = read_number(tokens, pos + 1, lex)
        if found is None or found[0].value <= 0:
            return None
        n, end = found
        return Number(-n.value, n.half_step, n.from_article, n.fraction), end
    if token in lex.each_words and pos + 1 < len(tokens) and tokens[pos + 1] in lex.ordinals:
        # "каждый пятый": one in five, a share
        share = 1 / lex.ordinals[tokens[pos + 1]]
        return Number(share, share, fraction=True), pos + 2
    if token in lex.fractions or token in lex.one_articles:
        fraction = _fraction_at(tokens, pos, lex)
        if fraction is not None:
            return fraction
    value = lex.number_word(token)
    if value is None:
        return None
    total_parts = [value]
    end = pos + 1
    while end < len(tokens):
        nxt = end
        if tokens[nxt] in lex.number_word_joiners and nxt + 1 < len(tokens):
            nxt += 1
        following = lex.number_word(tokens[nxt])
        if following is None or not continues(total_parts, following):
            break
        total_parts.append(following)
        end = nxt + 1
    total = combine(total_parts)
    from_article = len(total_parts) == 1 and token in lex.one_articles
    spoken = _spoken_decimals(tokens, end, lex)
    if spoken is not None:  # "four point five", "sette virgola sei"
        digits, end = spoken
        return Number(float(f"{int(total)}.{digits}"), 0.5 * 10.0 ** -len(digits)), end
    if total != int(total):  # "полтора" (1.5): the precision of its decimals, like "1.5"
        decimals = len(repr(float(total)).partition(".")[2])
        return Number(float(total), 0.5 * 10.0**-decimals, from_article), end
    number = Number(float(total), _integer(str(int(total))).half_step, from_article)
    return _with_fraction(tokens, number, end, lex)


def _spoken_decimals(tokens: Tokens, pos: int, lex: Lexicon) -> tuple[str, int] | None:
    """`point five`, `virgola sei`: a decimal word and the digits after it, one word each."""
    if pos + 1 >= len(tokens) or tokens[pos] not in lex.decimal_words:
        return None
    digits = ""
    end = pos + 1
    while end < len(tokens):
        digit = lex.number_words.get(tokens[end]) if tokens[end] not in lex.one_articles else None
        if digit is None or digit != int(digit) or not 0 <= digit <= 9:
            break
        digits += str(int(digit))
        end += 1
    return (digits, end) if digits else None


def _fraction_at(tokens: Tokens, pos: int, lex: Lexicon) -> tuple[Number, int] | None:
    """`a third`, `un quarto`, `half (a billion)`, `mezzo (miliardo)`, `треть`, `полмиллиарда`.

    A fraction word that is also an ordinal (`third`, `terzo`) is a fraction only after an
    article; one that names a span (`a quarter-century`, `un quarto di secolo`) is left to the
    duration reader."""
    if not lex.fractions:
        return None
    token = tokens[pos]
    article = token in lex.one_articles
    at = pos + 1 if article else pos
    if at >= len(tokens) or lex.duration_units.match(tokens, at) or lex.named_durations.match(tokens, pos):
        return None
    word = tokens[at]
    if word in lex.fractions and (article or word not in lex.ordinals):
        value = lex.fractions[word]
        end = at + 1
        joiner = lex.fraction_joiners.match(tokens, end)
        if joiner is not None and (
            lex.scales.match(tokens, joiner[1]) is not None or lex.duration_units.match(tokens, joiner[1]) is not None
        ):
            end = joiner[1]  # "half a billion", "a quarter of a million", "half a minute"
        return Number(value, value, fraction=True), end
    return None


def glued_fraction(token: str, lex: Lexicon) -> tuple[Number, float] | None:
    """`полмиллиарда`: a fraction prefix glued to a scale word, as (the fraction, the scale)."""
    for prefix, value in lex.fraction_prefixes.items():
        rest = token[len(prefix):]
        if token.startswith(prefix) and rest:
            scale = lex.scales.match((rest,), 0)
            if scale is not None:
                return Number(value, value, fraction=True), scale[0]
    return None


def _with_fraction(tokens: Tokens, number: Number, end: int, lex: Lexicon) -> tuple[Number, int]:
    """`3 1/2`, `two thirds`, `tre quarti`, `две трети`, `two and a half`: a whole number and
    the fraction after it."""
    if end >= len(tokens):
        return number, end  # the common case: nothing after the number
    if tokens[end] in _TIMES and end + 2 < len(tokens) and tokens[end + 1] == "10":
        return _times_power(tokens, number, end)
    if number.value != int(number.value):
        return number, end
    ratio = lex.ratio_words.match(tokens, end) if lex.ratio_words.starts(tokens[end]) else None
    if ratio is not None and number.value >= 1:
        # "one in five", "uno su cinque", "1 из 5": a share of the whole
        whole = read_number(tokens, ratio[1], lex)
        if whole is not None and whole[0].value >= number.value and whole[0].value == int(whole[0].value) and not (
            _YEARLIKE.fullmatch(tokens[ratio[1]])
        ):
            share = number.value / whole[0].value
            return Number(share, share, fraction=True), whole[1]
    nxt = tokens[end]
    if nxt == "-" and end + 1 < len(tokens) and tokens[end + 1] in lex.fractions and (
        number.value == 1 or tokens[end + 1] not in lex.ordinals
    ):  # "one-half", "one-third", "two-thirds", "three-quarters" (never a range from 2 to a
        # third); "twenty-third" is the ordinal
        end, nxt = end + 1, tokens[end + 1]
    if nxt in lex.fractions and 1 <= number.value <= 20 and not number.from_article:
        value = tidy(number.value * lex.fractions[nxt])
        end += 1
        joiner = lex.fraction_joiners.match(tokens, end)
        if joiner is not None and lex.scales.match(tokens, joiner[1]) is not None:
            end = joiner[1]  # "three quarters of a billion", "две трети миллиона"
        return Number(value, value, fraction=True), end
    addend = lex.fraction_addends.match(tokens, end)
    if addend is not None:
        value = number.value + addend[0]
        return Number(value, 0.05 if number.value < 10 else 0.5), addend[1]
    if (
        end + 1 < len(tokens) and tokens[end] == "/" and tokens[end + 1].isdigit()
        and 0 < number.value < int(tokens[end + 1]) <= 1000 and not number.from_article
        and (end + 2 == len(tokens) or tokens[end + 2] != "/")
        and (int(tokens[end + 1]) > 31 or lex.units.match(tokens, end + 2) is not None)
    ):  # "1/40", "1/4 inch": a vulgar fraction (never "12/25", which may be a day and month)
        share = number.value / int(tokens[end + 1])
        return Number(tidy(share), 0.5 / int(tokens[end + 1]), fraction=True), end + 2
    if (
        end + 2 < len(tokens) and tokens[end + 1] == "/" and tokens[end].isdigit()
        and tokens[end + 2].isdigit() and 0 < int(tokens[end]) < int(tokens[end + 2]) <= 16
        and (end + 3 == len(tokens) or tokens[end + 3] != "/")
    ):  # "3 1/2": a whole number and a vulgar fraction
        top, bottom = int(tokens[end]), int(tokens[end + 2])
        return Number(tidy(number.value + top / bottom), 0.5 / bottom), end + 3
    return number, end


_TIMES = frozenset({"×", "x", "*"})


def _times_power(tokens: Tokens, number: Number, end: int) -> tuple[Number, int]:
    """`2.48×10−5`, `3 x 10^6`: the number times a power of ten, its precision scaled alike."""
    at = end + 2
    if at < len(tokens) and tokens[at] == "^":
        at += 1
    sign = 1
    if at < len(tokens) and tokens[at] in ("-", "+"):
        sign, at = (-1 if tokens[at] == "-" else 1), at + 1
    if at >= len(tokens) or not tokens[at].isdigit() or len(tokens[at]) > 3:
        return number, end
    power = 10.0 ** (sign * int(tokens[at]))
    return Number(tidy(number.value * power), tidy(number.half_step * power)), at + 1
