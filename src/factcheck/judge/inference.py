"""What a subject's values are when its `unit:` does not say: as its claims read (SPEC §1).

A phrase alone is ambiguous; a subject is not. When most claims of a subject are counts, a
lone `2845` among them is a count, not the year 2845; when most are written as codes (`A37`,
`Terminal B - B36`), every claim is a code, so `42B` is not 42 billion. A subject whose own claims
decide nothing (every one a bare four-digit number) follows the file: a file whose claims are
mostly plain counts (a population table) reads it as a count. The inference is said in words
(`explain`, the JSON's `reading`), so a reader can see why a figure was read as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from factcheck.judge.claims import ReadClaim
from factcheck.read import ValueKind
from factcheck.read.codes import looks_like_a_code
from factcheck.read.expect import Expect
from factcheck.read.lexicon import get_lexicon

#: A whole number written as digits, optionally grouped (`2,845`, `63 893`, `217074`).
_BARE_INTEGER = re.compile(r"\s*\d{1,3}(?:[,. \u00a0\u202f]\d{3})+\s*|\s*\d+\s*")
_BARE_YEAR = re.compile(r"\s*[12]\d{3}\s*")


@dataclass(frozen=True, slots=True)
class Inference:
    """How a subject's claims are read, and why, in words."""

    expect: Expect
    why: str


def looks_like_a_year(says: str) -> bool:
    return bool(_BARE_YEAR.fullmatch(says))


def file_reads_counts(says: Iterable[str]) -> tuple[int, int]:
    """(bare whole numbers that cannot be years, all claims): the file's own evidence."""
    counts = total = 0
    for text in says:
        total += 1
        if _BARE_INTEGER.fullmatch(text) and not _BARE_YEAR.fullmatch(text):
            counts += 1
    return counts, total


def _is_code(rc: ReadClaim) -> bool:
    try:
        lex = get_lexicon(rc.source.language)
    except KeyError:
        return False
    if rc.value is not None and rc.value.kind not in (ValueKind.NUMBER, ValueKind.CATEGORY):
        return False  # `5km`, `Q3`, `3rd` read as what they say; `42B` (42 billion?) may be a code
    return looks_like_a_code(rc.says, lex)


def infer(
    claims: Sequence[ReadClaim], file_counts: Callable[[], tuple[int, int]] | None = None
) -> Inference | None:
    """The expectation the subject's claims support, or None to read them as they are.

    `file_counts` gives `file_reads_counts` over the whole file; it is called only when the
    subject's own claims decide nothing (None leaves such a subject as it is).
    """
    n = len(claims)
    if n == 0:
        return None
    codes = [rc for rc in claims if _is_code(rc)]
    if codes:
        sample = ", ".join(f"“{rc.says}”" for rc in codes[:3])
        if 2 * len(codes) > n:
            return Inference(Expect.CODE, f"Read as codes: {len(codes)} of {n} claims are written as codes ({sample}).")
        if all(rc in codes or rc.value is None or _BARE_INTEGER.fullmatch(rc.says) for rc in claims):
            # Gate 57 and `Terminal 2 - 57`: a bare number beside codes is a code too.
            return Inference(
                Expect.CODE,
                f"Read as codes: {len(codes)} of {n} claims are written as codes ({sample}) and the "
                "others are plain numbers, which are codes too.",
            )
    years = [rc for rc in claims if rc.value is not None and rc.value.kind is ValueKind.DATE
             and rc.value.granularity == "year" and looks_like_a_year(rc.says)]
    if not years:
        return None
    numbers = [rc for rc in claims if rc.value is not None and rc.value.kind is ValueKind.NUMBER]
    lone = years[0].says.strip()
    if numbers and len(numbers) >= len(years):
        return Inference(
            Expect.COUNT,
            f"Read as counts: {len(numbers)} of {n} claims are counts, so “{lone}” is a count, not the year {lone}.",
        )
    if file_counts is not None:
        counts, total = file_counts()
        if 2 * counts > total:
            return Inference(
                Expect.COUNT,
                f"Read as counts: “{lone}” could be a year, but {counts:,} of the file's {total:,} "
                "claims are plain counts.",
            )
    return None
