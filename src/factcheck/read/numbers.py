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

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    half_step: float  # half a unit of the last significant digit
    from_article: bool = False  # "a decade", "un miliardo": the count is the article


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
            head, _, frac = nxt.partition(lex.decimal)
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
        # Thousands grouped with spaces ("4 000") are read in every language: it is the CLDR
        # style for Russian and the SI style anywhere, and it has only one reading.
        return _space_grouped(tokens, pos, lex)
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
    if total != int(total):  # "полтора" (1.5): the precision of its decimals, like "1.5"
        decimals = len(repr(float(total)).partition(".")[2])
        return Number(float(total), 0.5 * 10.0**-decimals, from_article), end
    return Number(float(total), _integer(str(int(total))).half_step, from_article), end
