"""What a subject's values are (SPEC §1, revised `unit:`), as the reader needs to know it.

A phrase alone is often ambiguous: `2845` is a year or a count, `42B` is 42 billion or a gate,
`H2` is a half-year or a code. The subject settles it: the reader reads each claim as its
subject says (or, when the subject does not say, as most of its claims read: engine.py).
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from factcheck.read.model import Value, ValueKind


class Expect(StrEnum):
    COUNT = "count"  # a plain number of things: never a year, never a rank
    AMOUNT = "amount"  # money or a physical quantity
    LENGTH = "length"  # an amount in metres: `8,848.86m` is metres, never millions
    PERCENT = "percent"
    RANK = "rank"
    DATE = "date"
    TIME = "time"  # a time of day (with its date)
    DURATION = "duration"
    NAME = "name"  # a proper name: a place, a person, an organisation
    CODE = "code"  # an identifier read as written: gate A37, flight UA 2708, section H2


#: The subject's dimension (kind, unit), as `units.subject_dimension` gives it, to what it expects.
def expect_of(dimension: tuple[str, str | None] | None) -> Expect | None:
    if dimension is None:
        return None
    kind, unit = dimension
    match kind:
        case "number":
            return Expect.COUNT
        case "amount":
            return Expect.LENGTH if unit == "meter" else Expect.AMOUNT
        case "percent":
            return Expect.PERCENT
        case "rank":
            return Expect.RANK
        case "date":
            return Expect.TIME if unit == "minute" else Expect.DATE
        case "duration":
            return Expect.DURATION
        case "category":
            return Expect.CODE if unit == "code" else Expect.NAME
    return None


#: Expectations under which a bare figure is a quantity: the date and rank readers are skipped.
QUANTITIES = frozenset({Expect.COUNT, Expect.AMOUNT, Expect.LENGTH, Expect.PERCENT, Expect.DURATION})


def in_subject_currency(value: Value, currency: str) -> Value:
    """A plain number on a subject in a currency, read in that currency (SPEC §1: claims are read
    as the subject says): `300 milioni` on a EUR subject is €300 million, as `2845` on a count
    subject is a count. The note says so, so the reading is never silent: a bare figure in an
    article about a deal in another currency would be misread, and a reader can see why.

    Only a NUMBER changes; money, percentages, dates and names are returned as they are. The
    judge calls it on a subject whose `unit:` is a currency (judge/grouping.py)."""
    if value.kind is not ValueKind.NUMBER or value.interval is None:
        return value
    said = f"no currency written: read in {currency}, the subject's currency"
    note = said if value.note is None else f"{value.note}; {said}"
    return replace(value, kind=ValueKind.AMOUNT, unit=currency, note=note)
