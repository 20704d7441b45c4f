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
never corroborate each other.

Everything here is read off the report's records (`report.to_dict`, or `api.records_of` on every
core): the trust pass that fills `factcheck report`'s `trust` is the one these counts come from,
so `sources` costs one `report` without the rendering, and the two can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.gcpause import paused_gc
from factcheck.load.schema import Source
from factcheck.report.records import Report, to_dict
from factcheck.report.shapes import CopyRecord, ReportRecords, SourcesRecords


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


def sources_records(records: ReportRecords, sources: Sequence[Source]) -> SourcesRecords:
    """The records of `factcheck sources` (its JSON), from a report's records: each source's
    record (in file order), and the probable copies by quote, by pair of sources. (With the
    cyclic garbage collector paused: it rescanned the report's millions of objects for every
    few thousand records built, 5.8 s instead of 1.6 s at 100k claims.)"""
    with paused_gc():
        return _sources_records(records, sources)


def _sources_records(records: ReportRecords, sources: Sequence[Source]) -> SourcesRecords:
    out = {s.id: SourceRecord(s.id, s.title, s.publisher, s.published.isoformat()) for s in sources}
    by_pair: dict[tuple[str, str], list[tuple[list[int], str, float]]] = defaultdict(list)
    for subject in records["subjects"]:
        for claim in subject["claims"]:
            record = out[claim["source"]]
            record.claims += 1
            if claim["status"] != "judged":
                record.unjudged += 1
        for copy in subject.get("copies", ()):
            first, second = copy["sources"]
            out[first].copies_with.add(second)
            out[second].copies_with.add(first)
            a, b = sorted((first, second))
            by_pair[(a, b)].append((copy["claims"], subject["id"], copy["similarity"]))
    for sid, trust in records.get("trust", {}).get("sources", {}).items():
        record = out[sid]
        record.trust = trust["trust"]
        record.corroborated, record.contradicted, record.uncorroborated = (
            trust["supported"], trust["contradicted"], trust["alone"])
        record.copied, record.tied = trust["copied"], trust["tied"]
        record.copiers = set(trust["copies_with"])
    copies: list[CopyRecord] = [
        {
            "sources": list(pair),
            "claims": [list(claims) for claims, _, _ in group],
            "subjects": sorted({subject for _, subject, _ in group}),
            "similarity": max(similarity for _, _, similarity in group),
        }
        for pair, group in sorted(by_pair.items())
    ]
    return {"file": records["file"], "sources": [r.to_json() for r in out.values()], "copies": copies}


def track_records(report: Report) -> SourcesRecords:
    """`sources_records` of a judged report (one process; the CLI judges on every core)."""
    return sources_records(to_dict(report), report.sources)
