"""The shapes of the report's records: the JSON of `report --format json` (SPEC §5), typed.

Every formatter takes these, so mypy checks each key a formatter reads against what
`records.to_dict` writes. A value (`ValueJson`) is `Value.to_json()`: its keys depend on its kind
(SPEC §5) and stay a plain mapping.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

#: `Value.to_json()`: kind, interval or span, unit, granularity… (SPEC §5).
ValueJson = dict[str, Any]


class FigureRecord(TypedDict):
    value: ValueJson
    figure: str


class FindingRecord(TypedDict):
    """A rule's finding on a subject: the claims it names and where to point."""

    rule: str
    severity: str
    claims: list[int]
    location: str
    message: str


class ClaimRecord(TypedDict):
    index: int
    source: str
    source_title: str
    publisher: str | None
    language: str
    url: str | None
    says: str
    quote: str
    time: str
    published: str
    as_of: bool
    time_start: str
    time_end: str
    status: str  # judged, unreadable or incomparable
    value: ValueJson | None
    figure: NotRequired[str]
    period: NotRequired[str]
    converted: NotRequired[ValueJson]
    converted_figure: NotRequired[str]
    error: NotRequired[str]
    location: NotRequired[str]


class SeriesPointRecord(TypedDict):
    time: str
    value: ValueJson
    figure: str
    claims: list[int]


class ReconciliationRecord(TypedDict, total=False):
    agreed: FigureRecord
    series: list[SeriesPointRecord]
    likely_error: list[int]
    alternatives: list[list[int]]
    rest_agree: FigureRecord
    explanation: str
    reconciled: list[dict[str, Any]]  # the value per time, how it was reached, its support (judge/trust.py)
    abstained: str  # why no value could be reconciled


class SubjectRecord(TypedDict):
    location: NotRequired[str]  # of its id, when its verdict fails the check
    id: str
    title: str
    kind: str
    unit: str | None
    verdict: str
    reason: str
    judged: int
    total: int
    reading: str | None
    tolerances: NotRequired[dict[str, float]]
    window: NotRequired[int]  # days within which its claims speak of one time (levels, running totals)
    claims: list[ClaimRecord]
    accepted: str | None
    conflicts: list[FindingRecord]
    warnings: list[FindingRecord]
    stale_acceptances: list[FindingRecord]
    reconciliation: ReconciliationRecord | None
    copies: NotRequired[list[QuoteCopyRecord]]  # probable copies by quote, when there are any
    baseline: NotRequired[str]  # `check --baseline`: new or existing


class QuoteCopyRecord(TypedDict):
    """Two claims whose quotes are nearly the same text (`judge.copies`): not independent."""

    claims: list[int]
    sources: list[str]
    similarity: float


class ProblemRecord(TypedDict):
    """A claim that could not be judged."""

    kind: str
    subject: str
    source: str
    says: str
    field: str
    location: str
    message: str
    baseline: NotRequired[str]


class CountsRecord(TypedDict):
    subjects: int
    claims: int
    unreadable: NotRequired[int]
    incomparable: NotRequired[int]
    accepted: NotRequired[int]
    stale_acceptances: NotRequired[int]
    warnings: NotRequired[int]
    reconciled: NotRequired[int]
    ties: NotRequired[int]
    abstained: NotRequired[int]


class BaselineRecord(TypedDict):
    revision: str
    resolved: list[dict[str, Any]]


class ReportRecords(TypedDict):
    """The whole report. `check --verify` and `verify` add `verification` (SPEC §5, provenance),
    `check --baseline` adds `baseline`, `verify` alone says `command`."""

    file: str
    subjects: list[SubjectRecord]
    problems: list[ProblemRecord]
    summary: NotRequired[dict[str, int]]
    counts: CountsRecord
    command: NotRequired[str]
    verification: NotRequired[dict[str, Any]]
    baseline: NotRequired[BaselineRecord]
    trust: NotRequired[dict[str, Any]]  # each source's converged trust, and probable copiers


class CopyRecord(TypedDict):
    sources: list[str]
    claims: list[list[int]]
    subjects: list[str]
    similarity: float


class SourcesRecords(TypedDict):
    """`factcheck sources --format json`."""

    file: str
    sources: list[dict[str, Any]]
    copies: list[CopyRecord]
