"""Source track records: how often each source is corroborated, contradicted or alone.

For every judged claim, the other claims on its subject from *independent* sources are weighed:

- **contradicted** — the subject's rules find a conflict between it and one of them (when the
  subject has a likely error, conflicts with that claim do not count against the others);
- **corroborated** — otherwise, when one of them overlaps it (both can be true at once, and
  the rules find nothing wrong with the pair);
- **uncorroborated** — otherwise: nobody independent speaks to it, or only at other times
  (levels and totals: outside the subject's window, as the rules are configured, 90 days by
  default; flows: other periods).

Probable copies (`factcheck.judge.copies`) never corroborate or contradict each other. Track
records compare a claim with the others of its subject, or, beyond `MAX_PAIRWISE` judged
claims, with its tightest claims only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.judge.claims import JudgedClaim, ReadClaim
from factcheck.judge.copies import MAX_PAIRWISE, copy_pairs
from factcheck.judge.engine import errors
from factcheck.judge.results import SubjectResult
from factcheck.judge.rules.base import (
    DEFAULT_WINDOW_DAYS,
    period_of,
    tightest,
    time_order,
)
from factcheck.judge.rules.registry import RuleSet, default_rules
from factcheck.load.schema import Subject, SubjectKind
from factcheck.report.shapes import SourcesRecords


@dataclass
class SourceRecord:
    id: str
    title: str
    publisher: str | None
    published: str
    claims: int = 0
    corroborated: int = 0
    contradicted: int = 0
    uncorroborated: int = 0
    unjudged: int = 0  # unreadable or incomparable: not weighed
    copies_with: set[str] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        judged = self.corroborated + self.contradicted + self.uncorroborated
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "claims": self.claims,
            "corroborated": self.corroborated,
            "contradicted": self.contradicted,
            "uncorroborated": self.uncorroborated,
            "unjudged": self.unjudged,
            "corroboration_rate": round(self.corroborated / judged, 4) if judged else None,
            "copies_with": sorted(self.copies_with),
        }


@dataclass(frozen=True)
class Copy:
    subject: str
    first: ReadClaim
    second: ReadClaim
    similarity: float


def find_copies(results: Sequence[SubjectResult]) -> list[Copy]:
    return [
        Copy(result.subject.id, a, b, score)
        for result in results
        for a, b, score in copy_pairs(result.claims)
    ]


def track_records(
    results: Sequence[SubjectResult], sources: Sequence[Any], rules: RuleSet | None = None
) -> tuple[list[SourceRecord], list[Copy]]:
    rules = rules if rules is not None else default_rules()
    records = {s.id: SourceRecord(s.id, s.title, s.publisher, s.published.isoformat()) for s in sources}
    copies = find_copies(results)
    copied: set[frozenset[int]] = {frozenset((c.first.index, c.second.index)) for c in copies}
    for c in copies:
        records[c.first.source.id].copies_with.add(c.second.source.id)
        records[c.second.source.id].copies_with.add(c.first.source.id)
    for result in results:
        problem_claims = {p.claim.index for p in result.problems}
        judged = result.judged
        for rc in result.claims:
            records[rc.source.id].claims += 1
            if rc.index in problem_claims:
                records[rc.source.id].unjudged += 1
        others_pool = judged if len(judged) <= MAX_PAIRWISE else list(dict.fromkeys(tightest(judged)))
        window = window_days(result.subject, rules)
        rec = result.reconciliation
        likely = {rc.index for rc in rec.likely_error} if rec is not None else set()
        for rc in judged:
            if likely and rc.index not in likely:
                # The others agree once the likely error is out: a conflict with it does not
                # count against them (else one wrong claim would discredit every source).
                pool = [o for o in others_pool if o.index not in likely]
            else:
                pool = others_pool
            verdict = "uncorroborated"
            for other in pool:
                if other.source.id == rc.source.id or frozenset((rc.index, other.index)) in copied:
                    continue
                pair = sorted((rc, other), key=time_order)
                between = [  # a claim's own error (FC106) is not a contradiction by the other
                    c for c in errors(result.subject, pair, rules) if len({x.index for x in c.claims}) == 2
                ]
                if between:
                    verdict = "contradicted"
                    break
                if (
                    rc.value.overlaps(other.value)
                    and _same_time(result.subject, rc, other, window)
                ):
                    verdict = "corroborated"
            record = records[rc.source.id]
            setattr(record, verdict, getattr(record, verdict) + 1)
    return list(records.values()), copies


def window_days(subject: Subject, rules: RuleSet) -> int:
    """The window within which agreeing claims corroborate each other: the subject's own
    `window:`, else the configured `window_days` of its kind's rules (config file,
    --window-days), else the kind's default, else 90 days. A running total has no window for
    conflicts (it may rise within the hour), but two sources giving the same toll days apart
    still corroborate each other."""

    if subject.window is not None:
        return subject.window
    configured = (getattr(r.options, "window_days", None) for r in rules.for_kind(subject.kind))
    return next((w for w in configured if w is not None), DEFAULT_WINDOW_DAYS[subject.kind] or 90)


def _same_time(subject: Subject, a: JudgedClaim, b: JudgedClaim, window: int) -> bool:
    """Whether two claims speak of the same moment, so that agreeing corroborates: always for a
    constant; the same period for flows; within the subject's window (`window_days`) for
    levels and cumulative totals. A count of 10 in 2010 does not corroborate a 10 in 2025."""
    if subject.kind is SubjectKind.CONSTANT:
        return True
    if subject.kind is SubjectKind.FLOW:

        pa, pb = period_of(a), period_of(b)
        if pa is not None or pb is not None:
            return pa == pb
    return a.same_time_as(b, window)


def sources_records(records: list[SourceRecord], copies: list[Copy], file: str) -> SourcesRecords:
    """The records of `factcheck sources` (its JSON): each source's record, and the copies by pair."""
    by_pair: dict[tuple[str, str], list[Copy]] = defaultdict(list)
    for c in copies:
        a, b = sorted((c.first.source.id, c.second.source.id))
        by_pair[(a, b)].append(c)
    return {
        "file": file,
        "sources": [r.to_json() for r in records],
        "copies": [
            {
                "sources": list(pair),
                "claims": [[c.first.index, c.second.index] for c in group],
                "subjects": sorted({c.subject for c in group}),
                "similarity": max(c.similarity for c in group),
            }
            for pair, group in sorted(by_pair.items())
        ],
    }
