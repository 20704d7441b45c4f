"""Source track records: how far each source is trusted, and why.

A source's **trust** is the score `factcheck.judge.trust` converges to over the whole file: the
share of its claims (where some other source speaks too) that the reconciled values support,
under a prior. It is explained by counting its judged claims against the reconciled values:

- **corroborated** (supported) — the reconciled value holds it, and an independent source's
  claim is in that value too;
- **contradicted** — the reconciled value leaves it out, and another source supports that value
  (or the subject is a declared tie between it and another source's claims);
- **uncorroborated** (alone) — otherwise: nobody independent speaks to the same subject at the
  same time, or only the source itself does, or its value won with nobody else in it;
- **copied** — printed word for word with a source it copies from or that copies it (probable
  copiers: shared distinctive values across the file, `judge.trust.find_copiers`), counted
  once in the vote.

Copies by quote (near-identical sentences, `factcheck.judge.copies`) are listed as before; they
never corroborate each other. One pass over the claims, in the time of `factcheck report`'s own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.judge.claims import ReadClaim
from factcheck.judge.copies import copy_pairs
from factcheck.judge.results import SubjectResult
from factcheck.judge.rules.base import DEFAULT_WINDOW_DAYS
from factcheck.judge.rules.registry import RuleSet, default_rules
from factcheck.judge.trust import reconcile_records
from factcheck.load.schema import Subject
from factcheck.read.humanize import span_label
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
    trust: float | None = None  # the converged trust (None: no judged claim)
    copied: int = 0  # claims printed word for word with a probable copier
    tied: int = 0  # claims on a subject left as a declared tie
    copiers: set[str] = field(default_factory=set)  # probable copiers by shared values

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
            "trust": self.trust,
            "copied": self.copied,
            "tied": self.tied,
            "copies_values_with": sorted(self.copiers),
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
    """Each source's trust and its explanation (module docstring), and the copies by quote."""
    records = {s.id: SourceRecord(s.id, s.title, s.publisher, s.published.isoformat()) for s in sources}
    copies = find_copies(results)
    for c in copies:
        records[c.first.source.id].copies_with.add(c.second.source.id)
        records[c.second.source.id].copies_with.add(c.first.source.id)
    for result in results:
        problem_claims = {p.claim.index for p in result.problems}
        for rc in result.claims:
            records[rc.source.id].claims += 1
            if rc.index in problem_claims:
                records[rc.source.id].unjudged += 1
    rules = rules if rules is not None else default_rules()
    pairs_of: dict[str, list[Copy]] = defaultdict(list)
    for c in copies:
        pairs_of[c.subject].append(c)
    days: dict[int, tuple[Any, str, str]] = {}
    trusted = reconcile_records([
        subject_input(r, window_days(r.subject, rules), pairs_of.get(r.subject.id, []), days) for r in results
    ])
    for sid, t in trusted.sources.items():
        record = records[sid]
        record.trust = round(t.trust, 4)
        record.corroborated, record.contradicted, record.uncorroborated = t.supported, t.contradicted, t.alone
        record.copied, record.tied = t.copied, t.tied
        record.copiers = set(t.copies_with)
    return list(records.values()), copies


def subject_input(
    result: SubjectResult, window: int | None = None, copies: Sequence[Copy] = (),
    days: dict[int, tuple[Any, str, str]] | None = None,
) -> dict[str, Any]:
    """What `judge.trust.reconcile_records` reads of a subject: its records' shape, the keys it
    needs only (`report.records.to_dict` builds the whole record)."""
    problems = {p.claim.index for p in result.problems}
    days = days if days is not None else {}
    rec = result.reconciliation
    reconciliation: dict[str, Any] = {}
    if rec is not None:
        reconciliation["likely_error"] = [rc.index for rc in rec.likely_error]
        if rec.agreed is not None:
            reconciliation["agreed"] = True
        if rec.series:
            reconciliation["series"] = [{"claims": [rc.index for rc in p.claims]} for p in rec.series]
    return {
        "id": result.subject.id,
        "kind": result.subject.kind.value,
        "claims": [_claim_input(rc, rc.index not in problems, days) for rc in result.claims],
        "reconciliation": reconciliation,
        **({"window": window} if window is not None else {}),
        **({"copy_units": _groups(copies)} if copies else {}),
    }


def _groups(copies: Sequence[Copy]) -> list[list[int]]:
    """Copy pairs as groups of claim indices (joined through shared claims)."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for c in copies:
        a, b = root(c.first.index), root(c.second.index)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in list(parent):
        groups[root(i)].append(i)
    return [sorted(g) for g in groups.values()]


def _claim_input(rc: ReadClaim, judged: bool, days: dict[int, tuple[Any, str, str]]) -> dict[str, Any]:
    # the time span as ISO days, by the time Value's identity (the claims of one publication day
    # share one Value; it is kept with its days, so its id is not reused within the run)
    hit = days.get(id(rc.time))
    if hit is None:
        start, end = rc.time.start, rc.time.end
        hit = days[id(rc.time)] = (rc.time, start.isoformat() if start else "", end.isoformat() if end else "")
    out: dict[str, Any] = {
        "index": rc.index, "source": rc.source.id, "says": rc.says, "quote": rc.claim.quote,
        "status": "judged" if judged and rc.value is not None else "unjudged",
        "value": rc.value.to_json() if rc.value is not None else None,
        "time_start": hit[1], "time_end": hit[2],
    }
    if rc.period is not None:
        out["period"] = span_label(rc.period)
    return out


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
