"""The group stage: one subject's claims read as its values are, converted to its currency, and
kept in its dimension (the others reported as incomparable), ready for the rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from factcheck.judge.claims import JudgedClaim, ReadClaim, in_utc, read_claim, utc_offset
from factcheck.judge.inference import Inference, infer
from factcheck.judge.names import is_names_unit, names_claim
from factcheck.judge.rates import RateTable, converted
from factcheck.judge.results import ClaimProblem, ProblemKind
from factcheck.load.schema import (
    Claim,
    Source,
    Subject,
)
from factcheck.read import ReadOptions, Value, ValueKind
from factcheck.read.expect import Expect, expect_of, in_subject_currency
from factcheck.read.interval import Interval
from factcheck.read.units import is_currency, subject_dimension


def read_subject(
    subject: Subject,
    items: Sequence[tuple[int, Claim, Source]],
    options: ReadOptions,
    file_counts: Callable[[], tuple[int, int]] | None = None,
) -> tuple[list[ReadClaim], Inference | None]:
    """A subject's claims (index, claim, source) read as its values are: as its `unit:` says,
    else as most of its claims read (inference.py), which is then said in words."""
    if is_names_unit(subject.unit):
        return [names_claim(read_claim(i, claim, source, options, Expect.NAME)) for i, claim, source in items], None
    expect = subject_expectation(subject)

    def read_all(expect: Expect | None) -> list[ReadClaim]:
        return [read_claim(i, claim, source, options, expect) for i, claim, source in items]

    claims = read_all(expect)
    inference = infer(claims, file_counts) if expect is None else None
    if inference is not None:
        claims = read_all(inference.expect)
    currency = subject_currency(subject)
    if currency is not None:  # `300 milioni` on a EUR subject is €300 million, said in its note
        claims = [replace(rc, value=in_subject_currency(rc.value, currency))
                  if isinstance(rc, JudgedClaim) and rc.value.kind is ValueKind.NUMBER else rc for rc in claims]
    return signs_from_quotes(claims), inference


def signs_from_quotes(claims: list[ReadClaim]) -> list[ReadClaim]:
    """Unsigned changes take the sign of their quote's verb (`на 14%` in "снизилась на 14%")
    when another claim of the subject gives a negative figure itself (`-14%`, `down 14%`): the
    subject is a signed change, and a magnitude beside it is one side of it. When every claim
    is a magnitude (a subject titled "the fall in turnout": `nine points`, `oltre nove punti`),
    they stay magnitudes, whatever verbs their quotes use."""
    signed = [rc for rc in claims if isinstance(rc, JudgedClaim) and rc.signed_by_quote is not None]
    if not signed or not any(
        isinstance(rc, JudgedClaim) and rc.signed_by_quote is None and rc.value.interval is not None
        and rc.value.interval.upper is not None and rc.value.interval.upper <= 0 for rc in claims
    ):
        return claims
    return [replace(rc, value=rc.signed_by_quote) if isinstance(rc, JudgedClaim) and rc.signed_by_quote is not None
            else rc for rc in claims]


def currency_reading(subject: Subject, claims: Sequence[ReadClaim]) -> str | None:
    """Says which figures were read in the subject's currency because they give none."""
    currency = subject_currency(subject)
    bare = [rc.says for rc in claims if isinstance(rc, JudgedClaim) and rc.value.kind is ValueKind.AMOUNT
            and rc.value.note is not None and "no currency written" in rc.value.note]
    if currency is None or not bare:
        return None
    listed = ", ".join(f"“{says}”" for says in bare[:3]) + (f" and {len(bare) - 3} more" if len(bare) > 3 else "")
    return f"Read in {currency}, the subject's currency: {listed} {'gives' if len(bare) == 1 else 'give'} no currency."


def subject_currency(subject: Subject) -> str | None:
    """The currency the subject's `unit:` names, if it names one."""
    dimension = subject_dimension(subject.unit) if subject.unit else None
    if dimension and dimension[0] == "amount" and dimension[1] and is_currency(dimension[1]):
        return dimension[1]
    return None



def subject_expectation(subject: Subject) -> Expect | None:
    """What the subject's `unit:` says its values are (None: it does not say)."""
    if not subject.unit:
        return None

    return expect_of(subject_dimension(subject.unit))



def convert_currencies(subject: Subject, claims: list[ReadClaim], rates: RateTable) -> list[ReadClaim]:
    """Amounts in other currencies than the subject's, converted with the file's rates.

    The subject's currency is its `unit:` when that is a currency, else the most common
    currency among its claims (ties: the first claim's). Claims without a usable rate are left
    as they are, and are reported as incomparable.
    """

    currencies = [
        rc.value.unit for rc in claims
        if rc.value is not None and rc.value.kind is ValueKind.AMOUNT and rc.value.unit
        and is_currency(rc.value.unit)
    ]
    if len(set(currencies)) < 2 and not (subject.unit and currencies):
        return claims
    target = subject_currency(subject)
    if target is None:
        if not currencies:
            return claims
        target = Counter(currencies).most_common(1)[0][0]
    out = []
    for rc in claims:
        value = rc.value
        if value is not None and value.kind is ValueKind.AMOUNT and value.unit != target and value.unit in currencies:
            conversion = rates.conversion(value, target, rc.when)
            if conversion is not None:
                rc = replace(rc, value=converted(value, conversion, target), conversion=conversion)
        out.append(rc)
    return out



def comparable(
    subject: Subject, readable: list[JudgedClaim]
) -> tuple[list[JudgedClaim], list[ClaimProblem]]:
    """Claims in the subject's dimension, and the others as `incomparable` problems.

    With `unit:` on the subject, that decides. Without, the most common dimension among the
    claims does (ties: the first claim's), so one stray currency does not hide the rest.
    """
    if not readable:
        return [], []

    unplaced: list[ClaimProblem] = []
    if any(rc.value.dimension == _MINUTES for rc in readable):
        readable, unplaced = _same_clock([_in_minutes(rc) for rc in readable])

    if subject.unit:
        wanted = subject_dimension(subject.unit)  # known: the loader refuses unknown units
        keep = [rc for rc in readable if rc.value.dimension == wanted]
        expected = f"the subject's unit {subject.unit}"
    else:
        counts = Counter(rc.value.dimension for rc in readable)
        best = max(counts, key=counts.__getitem__)  # ties: the first seen (Counter keeps order)
        keep = [rc for rc in readable if rc.value.dimension == best]
        expected = f"the other claims ({_dimension_words(best)})"
    kept = {id(rc) for rc in keep}
    problems = []
    for rc in readable:
        if id(rc) in kept:
            continue
        what = _dimension_words(rc.value.dimension)
        extra = ""
        target = next(
            (k.value.unit for k in keep if k.value.kind is ValueKind.AMOUNT), None
        )
        if rc.value.kind is ValueKind.AMOUNT and target is not None:
            if is_currency(rc.value.unit or "") and is_currency(target):
                pair = f"{rc.value.unit}/{target}"
                extra = (
                    ": amounts in different currencies are compared only through a dated rate; "
                    f"add one to the file's `rates:` section, e.g. `- {{pair: {pair}, rate: …, "
                    f"on: {rc.time_label if rc.time.granularity == 'day' else rc.source.published}}}`"
                )
            else:
                extra = ": amounts in different units are never compared"
        problems.append(
            ClaimProblem(
                ProblemKind.INCOMPARABLE,
                rc,
                f"“{rc.says}” reads as {what}, which cannot be compared with {expected}{extra}",
            )
        )
    return keep, unplaced + problems



_MINUTES = ("date", "minute")



def _in_minutes(rc: JudgedClaim) -> JudgedClaim:
    """A claim dated by day, on a subject of times of day: its days as their minutes (a day is
    every minute of it), so that `Dec 1` and `2:55 PM Dec 1` can be compared."""
    value = rc.value
    if value is None or value.dimension != ("date", "day") or value.interval is None:
        return rc
    iv = value.interval
    assert iv.lower is not None and iv.upper is not None
    minutes = Interval.closed(iv.lower * 1440, iv.upper * 1440 + 1439)
    return replace(rc, value=Value(ValueKind.DATE, minutes, unit="minute", granularity=value.granularity))



def _same_clock(claims: list[JudgedClaim]) -> tuple[list[JudgedClaim], list[ClaimProblem]]:
    """Times of day on one clock (SPEC §2, revised: a time is in the source's offset), and the
    times that cannot be put on it. When every time of the subject has a known offset (the
    phrase's, or its source's `published`), all are compared in UTC, so `alle 2.17` from Rome
    and `в 4:17` from Moscow are one moment; when none has, all are compared as written, wall
    clock against wall clock. When some have and some have not, and those that have all give
    one offset, that is the subject's clock (a flight's local time, which some sites print
    with its offset and others without), and all are compared as written. When they give
    several, the ones with an offset are compared in UTC and the others are set apart
    (`incomparable`, saying why): a time whose offset cannot be known is no evidence against
    `0647 GMT`, and reading `1:47 a.m. EST` as a wall clock to meet it would turn the three
    right sources into the error."""
    offsets: dict[int, int | None] = {
        id(rc): utc_offset(rc.value, rc.source)
        for rc in claims
        if rc.value is not None and rc.value.unit == "minute" and rc.value.granularity in ("minute", "span")
    }
    known = {offset for offset in offsets.values() if offset is not None}
    if not offsets or not known or (None in offsets.values() and len(known) == 1):
        return claims, []
    out: list[JudgedClaim] = []
    problems: list[ClaimProblem] = []
    for rc in claims:
        if id(rc) in offsets and offsets[id(rc)] is None:
            problems.append(ClaimProblem(
                ProblemKind.INCOMPARABLE, rc,
                f"“{rc.says}” is a time of day with no time zone, and its source gives none "
                "(`published` has no time with an offset), so it cannot be put on the same clock as "
                "the claims that give one: write the zone in `says` (`7.47 CET`, `ora italiana`) or "
                "the source's publication time with its offset"))
            continue
        offset = offsets.get(id(rc))
        if offset and rc.value is not None:  # 0: already in UTC
            rc = replace(rc, value=in_utc(rc.value, offset))
        out.append(rc)
    return out, problems



_KIND_WORDS = {"date": "a date", "percent": "a percentage", "rank": "a rank",
               "number": "a plain number", "duration": "a duration", "category": "a name"}



def _dimension_words(dimension: tuple[str, str | None]) -> str:
    kind, unit = dimension
    return f"an amount in {unit}" if kind == "amount" else _KIND_WORDS.get(kind, kind)
