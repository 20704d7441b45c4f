"""The claims.yaml file as pydantic models (SPEC §1).

Models are frozen and forbid unknown keys: a misspelt key (`sayz:`) is an error, never silently
ignored. Cross-references (a claim naming an unknown source) are checked by the loader, which
knows where every node is in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
    WithJsonSchema,
    model_validator,
)

Slug = Annotated[
    StrictStr,
    Field(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=200,
        description="Lower-case letters, digits and single hyphens.",
        examples=["akorda-2025"],
    ),
]
def _not_a_number(value: object) -> object:
    """YAML numbers are not dates: pydantic would read 86400 as a Unix timestamp."""
    if isinstance(value, bool | int | float):
        raise ValueError("expected an ISO date such as 2025-09-29, not a number")
    return value


def _exactly_one(value: object) -> object:
    """`version: true` and `version: 1.0` equal 1 in Python; they are not version 1."""
    if type(value) is not int:
        raise ValueError("this file format is version 1; write `version: 1`")
    return value


def _window_days(value: object) -> object:
    """`window: 60`, or `window: 3 months` / `2 weeks` / `1 year` (30, 7, 365 days a unit)."""
    if isinstance(value, bool):
        raise ValueError("expected a number of days or a span such as '3 months'")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,5})\s*(day|week|month|year)s?\s*", value)
        if m:
            return int(m.group(1)) * {"day": 1, "week": 7, "month": 30, "year": 365}[m.group(2)]
    raise ValueError("expected a number of days or a span such as '90 days', '3 months', '1 year'")


def _reason(value: object) -> object:
    """An acceptance must say why: an empty or blank reason is no reason."""
    if isinstance(value, str) and not value.strip():
        raise ValueError("give the reason the discrepancy is accepted, e.g. accepted: \"the 2017 figure counts only oil\"")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_not_a_number)]
WindowDays = Annotated[
    int,
    BeforeValidator(_window_days),
    Field(ge=0, le=36500),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": 36500},
                {"type": "string", "pattern": r"^\s*\d{1,5}\s*(day|week|month|year)s?\s*$"},
            ]
        }
    ),
]
_ACCEPTED_HELP = (
    "Why this discrepancy is known and accepted (mandatory). The claim or subject is still shown "
    "in every report, marked accepted, but no longer fails `factcheck check`."
)
AcceptedReason = Annotated[
    StrictStr,
    BeforeValidator(_reason),
    Field(max_length=2000),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"\S",
            "maxLength": 2000,
            "description": _ACCEPTED_HELP,
            "examples": ["Italpress counts the energy sector only; Akorda counts all sectors."],
        }
    ),
]
# A time written as an ISO date, month (`2025-09`) or year, or a phrase read against `published`.
TimeField = Annotated[dt.date, Strict()] | StrictInt | StrictStr


class SubjectKind(StrEnum):
    """How a subject's true value may change over time (SPEC §3)."""

    CONSTANT = "constant"  # never changes: a date of an event, a place
    LEVEL = "level"  # may change either way: a count of companies, a rank
    CUMULATIVE = "cumulative"  # only grows: total investment to date
    FLOW = "flow"  # an amount per period: trade in a year


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def _instant(raw: object) -> dt.datetime | None:
    """`published: 2023-02-06T14:30+03:00` (or a datetime): the moment; None for a plain date."""
    if isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, str) and len(raw) > 10 and raw[:4].isdigit() and raw[10:11] in ("T", "t", " "):
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            return None  # the date validator words the error
    return None


class Source(_Model):
    """A document that makes claims."""

    _published_at: dt.datetime | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _published_moment(cls, data: Any, handler: Any) -> Any:
        """`published` may give a time of day and a UTC offset (revised SPEC §1): the date is
        `published`, the moment `published_at`."""
        moment = _instant(data.get("published")) if isinstance(data, dict) else None
        if moment is not None:
            data = {**data, "published": moment.date()}
        model = handler(data)
        if moment is not None:
            model._published_at = moment
        return model

    @property
    def published_at(self) -> dt.datetime | None:
        """The publication moment when `published` gives a time of day, else None. (Read from
        pydantic's private store directly: `self._published_at` goes through
        `BaseModel.__getattr__`, 30x slower, and every claim asks for its source's moment.)"""
        private = self.__pydantic_private__
        return private["_published_at"] if private is not None else None

    id: Slug
    title: StrictStr = Field(description="Headline or title of the document.")
    publisher: StrictStr | None = Field(default=None, description="Who published it.", examples=["Akorda press service"])
    published: Annotated[
        IsoDate,
        WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}),
    ] = Field(
        description="Publication date, or date and time with a UTC offset (2023-02-06T14:30+03:00): "
        "the default time of its claims and the base for relative phrases such as 'last January'.",
    )
    language: StrictStr = Field(
        pattern=r"^[a-z]{2}$", description="ISO 639-1 code: how its claims' `says` are read."
    )
    url: StrictStr | None = Field(default=None, description="Where the document is (shown as plain text, never as a link).")
    path: StrictStr | None = Field(
        default=None, description="Local copy of the text, relative to the claims file."
    )


Fraction = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Reach = Annotated[float, Field(gt=0.0, le=10.0, allow_inf_nan=False)]


class Tolerances(_Model):
    """How far each hedge reaches, as a fraction of the figure (docs/verdicts.md).

    Every key is optional: what is not given keeps its default (or the file-wide value, for a
    subject). `over`, `at_least`, `up_to` and `under` are open-ended unless given a fraction.
    """

    about: Fraction | None = Field(
        default=None, description="'about X' is X ± this fraction (default 0.10).", examples=[0.1]
    )
    nearly: Annotated[float, Field(gt=0.0, le=1.0, allow_inf_nan=False)] | None = Field(
        default=None, description="'nearly X' is [X − this fraction, X) (default 0.10).", examples=[0.1]
    )
    over: Reach | None = Field(
        default=None, description="'over X' is (X, X + this fraction]; open when not given.", examples=[0.5]
    )
    at_least: Reach | None = Field(
        default=None, description="'at least X' is [X, X + this fraction]; open when not given."
    )
    up_to: Annotated[float, Field(gt=0.0, le=1.0, allow_inf_nan=False)] | None = Field(
        default=None, description="'up to X' is [X − this fraction, X]; open when not given."
    )
    under: Annotated[float, Field(gt=0.0, le=1.0, allow_inf_nan=False)] | None = Field(
        default=None, description="'under X' is [X − this fraction, X); open when not given."
    )
    precision: Fraction | None = Field(
        default=None,
        description="A bare figure is X ± this many units of its last significant digit "
        "(default 0.5: '7.6' is 7.55..7.65; 0 reads bare figures as exact).",
        examples=[0.5],
    )
    rounding_cap: Fraction | None = Field(
        default=None,
        description="A bare figure is never read wider than ± this fraction of itself (default "
        "0.05: '100000' is 95,000..105,000, not 50,000..150,000).",
        examples=[0.05],
    )


class Subject(_Model):
    """One thing sources make claims about."""

    id: Slug
    title: StrictStr
    kind: SubjectKind
    unit: StrictStr | None = Field(
        default=None, description="The dimension claims must have: an ISO 4217 code or a unit."
    )
    tolerances: Tolerances | None = Field(
        default=None, description="This subject's own hedge tolerances, over the file's."
    )
    window: WindowDays | None = Field(
        default=None,
        description="Claims on this subject at most this far apart in time must agree (level, "
        "cumulative, and flow claims without a period): days, or '3 months', '1 year'. "
        "Overrides the rules' `window_days`.",
        examples=[90, "6 months"],
    )
    accepted: AcceptedReason | None = None

    @property
    def window_days(self) -> int | None:
        return self.window


class GivenValue(_Model):
    """The desk's own reading of `says` (SPEC §1, revised), shaped like a value's JSON (§4):
    used instead of the reader, for a phrase it cannot read or a language it does not know.
    `verify` still checks `says` against the quote."""

    kind: Literal["amount", "number", "percent", "rank", "date", "duration", "category"]
    lower: Annotated[float, Field(allow_inf_nan=False)] | None = Field(
        default=None, description="Lower bound in base units (null: open). Numbers, amounts, percentages in points, ranks, durations in years.")
    upper: Annotated[float, Field(allow_inf_nan=False)] | None = Field(default=None, description="Upper bound (null: open).")
    lower_inclusive: StrictBool = True
    upper_inclusive: StrictBool = True
    unit: StrictStr | None = Field(default=None, description="Amounts: an ISO 4217 code (USD) or a unit (kilometer).")
    start: IsoDate | None = Field(default=None, description="Dates: the first day.")
    end: IsoDate | None = Field(default=None, description="Dates: the last day (default: start).")
    category: StrictStr | None = Field(default=None, description="Names and codes: the name.")

    @model_validator(mode="after")
    def _complete(self) -> GivenValue:
        if self.kind == "date":
            if self.start is None:
                raise ValueError("a date value needs `start` (and `end`, for a span)")
            if self.end is not None and self.end < self.start:
                raise ValueError("`end` is before `start`")
        elif self.kind == "category":
            if not self.category:
                raise ValueError("a category value needs `category`")
        else:
            if self.lower is None and self.upper is None:
                raise ValueError("give `lower`, `upper` or both (null for an open end)")
            if self.lower is not None and self.upper is not None and (
                self.lower > self.upper
                or (self.lower == self.upper and not (self.lower_inclusive and self.upper_inclusive))
            ):
                raise ValueError("`lower` must be below `upper` (or equal, both inclusive)")
            if self.kind == "amount" and not self.unit:
                raise ValueError("an amount needs its `unit` (USD, kilometer, ...)")
        return self


class Claim(_Model):
    """What one source says about one subject."""

    subject: StrictStr = Field(description="The id of a subject in this file.", examples=["italy-investment-cumulative"])
    source: StrictStr = Field(description="The id of a source in this file.", examples=["akorda-2025"])
    says: StrictStr = Field(
        description="The figure exactly as written, in the source's language. One that cannot "
        "be read (even an empty one) is reported as unreadable; it does not stop the run.",
    )
    quote: StrictStr = Field(description="The verbatim sentence the figure comes from.")
    as_of: TimeField | None = Field(
        default=None, description="When the figure holds, if not the publication date."
    )
    period: TimeField | None = Field(
        default=None, description="For flow subjects: the span the amount covers."
    )
    accepted: AcceptedReason | None = None
    value: GivenValue | None = Field(
        default=None,
        description="The desk's own reading of `says`, used instead of the reader (for a phrase it "
        "cannot read): {kind, lower, upper, lower_inclusive, upper_inclusive, unit} or, for dates, "
        "{kind: date, start, end}.",
        examples=[{"kind": "amount", "upper": 7.6e9, "unit": "USD"}],
    )


class Rate(_Model):
    """A dated exchange rate: 1 unit of the first currency is `rate` units of the second."""

    pair: StrictStr = Field(
        pattern=r"^[A-Z]{3}/[A-Z]{3}$",
        description="Two ISO 4217 codes: `EUR/USD` with rate 1.17 means 1 EUR = 1.17 USD.",
        examples=["EUR/USD"],
    )
    rate: Annotated[float, Field(gt=0.0, allow_inf_nan=False)] = Field(examples=[1.17])
    on: IsoDate = Field(description="The day the rate holds.")
    source: StrictStr | None = Field(default=None, description="The id of the source it is from.")

    @property
    def base(self) -> str:
        return self.pair[:3]

    @property
    def quote(self) -> str:
        return self.pair[4:]


class ClaimsFile(_Model):
    """A whole claims.yaml."""

    version: Annotated[Literal[1], BeforeValidator(_exactly_one)]
    tolerances: Tolerances | None = Field(
        default=None, description="Hedge tolerances for the whole file."
    )
    rates: list[Rate] = Field(
        default_factory=list,
        description="Dated exchange rates: amounts in different currencies are compared only "
        "through one of these.",
    )
    aliases: dict[StrictStr, list[StrictStr]] = Field(
        default_factory=dict,
        description="Names that mean the same thing: a canonical name and its other names "
        "(acronyms, spellings, former names). Compared case- and accent-insensitively, before "
        "the built-in gazetteer of places.",
        examples=[{"Trans-Caspian International Transport Route": ["TITR", "Middle Corridor"]}],
    )
    sources: list[Source] = Field(default_factory=list)
    subjects: list[Subject] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
