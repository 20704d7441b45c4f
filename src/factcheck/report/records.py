"""Report → plain records: the one serialisation seam every formatter builds on.

`to_dict(report)` is the JSON of `factcheck report --format json` (SPEC §4, with more keys);
the table, markdown and check formatters render from the same records, so what a person reads
and what a script reads cannot drift apart.

`location` (file:line:col) is present on the claims that need attention (unreadable,
incomparable, or named in a conflict): positions are computed only when something is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from factcheck.errors import Diagnostic
from factcheck.judge.claims import ReadClaim
from factcheck.judge.copies import copy_pairs, restated_templates_removed
from factcheck.judge.results import ProblemKind, SubjectResult, Verdict
from factcheck.judge.rules.base import Conflict
from factcheck.judge.trust import reconcile_records
from factcheck.load.schema import Source, Subject
from factcheck.read import Value, ValueKind
from factcheck.read.humanize import figure, rounded, span_label
from factcheck.read.units import is_currency
from factcheck.report.shapes import (
    ClaimRecord,
    FindingRecord,
    ProblemRecord,
    QuoteCopyRecord,
    ReconciliationRecord,
    ReportRecords,
    SubjectRecord,
)


@dataclass(frozen=True)
class Report:
    file: str
    results: tuple[SubjectResult, ...]
    locate: Callable[[tuple[str | int, ...]], Diagnostic]
    sources: tuple[Source, ...] = ()


def to_dict(report: Report, locate_verdicts: frozenset[str] = frozenset(), subject_offset: int = 0,
            trust: bool = True) -> ReportRecords:
    """The records. Subjects whose verdict is in `locate_verdicts` (`check --fail-on evolving`)
    also get the `location` of their `id`, so a failing verdict can be pointed at.
    `subject_offset`: the file position of the first result's subject, when the report holds a
    slice of the subjects (`parallel.py`). `trust`: work out source trust and the reconciled
    values (`add_trust`); a slice of a file leaves that to the whole file's records."""
    attention: dict[int, str] = {}  # claim index -> the key to point at
    for result in report.results:
        for p in result.problems:
            attention[p.claim.index] = p.field
        for conflict in (*result.conflicts, *result.warnings, *result.stale):
            for named in conflict.claims:
                attention.setdefault(named.index, "accepted" if conflict.rule == "FC900" else "says")

    located: dict[int, str] = {}

    def location(index: int) -> str:
        if index not in located:
            located[index] = report.locate(("claims", index, attention[index])).location
        return located[index]

    def finding(c: Conflict, subject_index: int) -> FindingRecord:
        if c.claims:
            where = location(c.second.index)
        else:  # about the subject itself: its `accepted:`
            where = report.locate(("subjects", subject_index, "accepted")).location
        return {
            "rule": c.rule,
            "severity": c.severity.value,
            "claims": [rc.index for rc in c.claims],
            "location": where,
            "message": c.why,
        }

    subjects: list[SubjectRecord] = []
    problems: list[ProblemRecord] = []
    value_records = _ValueRecords()
    for subject_index, result in enumerate(report.results, start=subject_offset):
        problem_of = {p.claim.index: p for p in result.problems}
        claims = []
        top = _physical_top(result)
        for rc in result.claims:
            record = _claim(rc, value_records, top)
            problem = problem_of.get(rc.index)
            if problem is not None:
                record["status"] = problem.kind.value
                record["error"] = problem.message
            if rc.index in attention:
                record["location"] = location(rc.index)
            claims.append(record)
            if problem is not None:
                problems.append(
                    {
                        "kind": problem.kind.value,
                        "subject": result.subject.id,
                        "source": rc.source.id,
                        "says": rc.says,
                        "field": problem.field,
                        "location": record["location"],
                        "message": problem.message,
                    }
                )
        if result.verdict.value in locate_verdicts:
            extra_location: dict[str, str] = {"location": report.locate(("subjects", subject_index, "id")).location}
        else:
            extra_location = {}
        # Built as a plain dict: optional keys sit where SPEC §5 puts them (`location` first,
        # `tolerances` after `reading`), which a TypedDict literal with ** items cannot say.
        subjects.append(cast(SubjectRecord, {
                **extra_location,
                "id": result.subject.id,
                "title": result.subject.title,
                "kind": result.subject.kind.value,
                "unit": result.subject.unit,
                "verdict": result.verdict.value,
                "reason": result.reason,
                "judged": len(result.claims) - len(result.problems),
                "total": len(result.claims),
                "reading": result.reading,
                **_tolerances(result.subject),
                **({"window": result.window} if result.window is not None else {}),
                "claims": claims,
                "accepted": result.accepted,
                "conflicts": [finding(c, subject_index) for c in result.conflicts],
                "warnings": [finding(c, subject_index) for c in result.warnings],
                "stale_acceptances": [finding(c, subject_index) for c in result.stale],
                "reconciliation": _reconciliation(result),
                **_copies(result),
            }))
    summary = {v.value: 0 for v in (Verdict.CONSISTENT, Verdict.EVOLVING, Verdict.CONFLICTING, Verdict.SINGLE_SOURCE,
                                    Verdict.INCOMPLETE)}
    for result in report.results:
        summary[result.verdict.value] += 1
    accepted = sum(r.accepted is not None for r in report.results)
    n_claims = sum(len(r.claims) for r in report.results)
    out: ReportRecords = {
        "file": report.file,
        "subjects": subjects,
        "problems": problems,
        "summary": summary,
        "counts": {
            "subjects": len(report.results),
            "claims": n_claims,
            "unreadable": sum(p["kind"] == ProblemKind.UNREADABLE.value for p in problems),
            "incomparable": sum(p["kind"] == ProblemKind.INCOMPARABLE.value for p in problems),
            "accepted": accepted,
            "stale_acceptances": sum(len(r.stale) for r in report.results),
            "warnings": sum(len(r.warnings) for r in report.results),
        },
    }
    return add_trust(out) if trust else out


def add_trust(records: ReportRecords) -> ReportRecords:
    """The whole file's source trust and each subject's reconciled value per time
    (`factcheck.judge.trust`), added to the records in place: `reconciliation.reconciled`
    (or `reconciliation.abstained`, why not), `trust` per source, and their counts."""
    reconciled = [(s, s["reconciliation"]) for s in records["subjects"] if s["reconciliation"] is not None]
    if not reconciled and records["subjects"]:
        return records  # reconciliation switched off
    # The trust pass reads the records as plain mappings (it sits below the report layer), with
    # each subject's probable copies by quote as groups of claims that vote once.
    result = reconcile_records([_trust_input(s) for s, _ in reconciled])
    for s, rec in reconciled:
        points = result.points.get(s["id"])
        if points is not None:
            rec["reconciled"] = points
            if rec.get("explanation") and not rec.get("likely_error") and not rec.get("alternatives"):
                # the likely-error search found no small set: say what the reconciliation keeps
                rec["explanation"] += " " + _left_out_words(points)
        else:
            rec["abstained"] = result.abstained.get(s["id"], "nothing to reconcile")
    n_points = sum(len(p) for p in result.points.values())
    ties = sum(p["how"] == "tie" for ps in result.points.values() for p in ps)
    records["trust"] = {
        "sources": {sid: t.to_json() for sid, t in sorted(result.sources.items())},
        "copies": [{"sources": list(c.sources), "shared_minority_values": c.shared_errors,
                    "subjects_in_common": c.both, "examples": list(c.examples)} for c in result.copies],
        "rounds": result.rounds,
    }
    records["counts"]["reconciled"] = n_points - ties
    records["counts"]["ties"] = ties
    records["counts"]["abstained"] = len(result.abstained)
    return records


def _trust_input(subject: SubjectRecord) -> dict[str, Any]:
    record = cast(dict[str, Any], subject)
    copies = subject.get("copies")
    return {**record, "copy_units": copy_units(copies)} if copies else record


def copy_units(copies: list[QuoteCopyRecord]) -> list[list[int]]:
    """Copy pairs as groups of claim indices, joined through shared claims (sorted)."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for copy in copies:
        a, b = root(copy["claims"][0]), root(copy["claims"][1])
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in sorted(parent):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


class _Copies(TypedDict, total=False):
    copies: list[QuoteCopyRecord]


def _copies(result: SubjectResult) -> _Copies:
    """The subject's probable copies by quote (`judge.copies`), when there are any."""
    pairs = restated_templates_removed(copy_pairs(result.claims), result.subject.kind, result.window)
    if not pairs:
        return {}
    return {"copies": [{"claims": [a.index, b.index], "sources": [a.source.id, b.source.id], "similarity": score}
                       for a, b, score in pairs]}


class _Tolerances(TypedDict, total=False):
    tolerances: dict[str, float]


def _tolerances(subject: Subject) -> _Tolerances:
    """A subject's own tolerances, when it has any (the key is left out otherwise)."""
    return {"tolerances": subject.tolerances.model_dump(exclude_none=True)} if subject.tolerances else {}


class _ValueRecords:
    """`value.to_json()` and `figure(value)` once per Value object in a run: the phrase cache
    hands the same object to every claim with the same phrase, and hashing a Value (what the
    lru caches do) costs more than the lookup by identity."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[Value, dict[str, Any], str]] = {}
        self._labels: dict[int, tuple[Value, tuple[str, str, str]]] = {}

    def __call__(self, value: Value, top: float | None = None) -> tuple[dict[str, Any], str]:
        if top is not None:  # a subject of physical amounts: one display unit for all its figures
            return value.to_json(), figure(value, top)
        hit = self._by_id.get(id(value))
        if hit is None:  # the Value is kept with its records, so its id is not reused
            hit = self._by_id[id(value)] = (value, value.to_json(), figure(value))
        return dict(hit[1]), hit[2]

    def times(self, time: Value) -> tuple[str, str, str]:
        """`span_label` and the first and last day (ISO) by identity: claims of one publication
        day share one time Value."""
        hit = self._labels.get(id(time))
        if hit is None:
            start, end = time.start, time.end
            assert start is not None and end is not None  # a claim's time is a closed span
            hit = self._labels[id(time)] = (time, (span_label(time), start.isoformat(), end.isoformat()))
        return hit[1]


def published_label(source: Source) -> str:
    """When the source was published, as written: `2025-09-29` or `2023-02-06T14:30+03:00`."""
    moment = source.published_at
    return moment.isoformat(timespec="minutes") if moment is not None else source.published.isoformat()


def _physical_top(result: SubjectResult) -> float | None:
    """The largest magnitude among a subject's judged physical amounts (not money), which picks
    the one unit its figures are shown in; None for every other subject."""

    bounds = [
        abs(b)
        for rc in result.claims
        if rc.value is not None and rc.value.kind is ValueKind.AMOUNT and rc.value.unit
        and not is_currency(rc.value.unit) and rc.value.interval is not None
        for b in (rc.value.interval.lower, rc.value.interval.upper) if b is not None
    ]
    return max(bounds) if bounds else None


def _claim(rc: ReadClaim, value_records: _ValueRecords, top: float | None = None) -> ClaimRecord:
    source, claim = rc.source, rc.claim
    time_label, time_start, time_end = value_records.times(rc.time)
    record: ClaimRecord = {
        "index": rc.index,
        "source": source.id,
        "source_title": source.title,
        "publisher": source.publisher,
        "language": source.language,
        "url": source.url,
        "says": claim.says,
        "quote": claim.quote,
        "time": time_label,
        "published": published_label(source),
        "as_of": claim.as_of is not None,
        # The same time for programs (charts draw it to scale): its first and last day, ISO.
        "time_start": time_start, "time_end": time_end,
        "status": "judged",
        "value": None,
    }
    if rc.period is not None:
        record["period"] = span_label(rc.period)
    if rc.conversion is not None:
        # `value` stays the reading of `says`; the judged amount is under `converted`.
        assert rc.value is not None
        record["value"] = rc.conversion.original.to_json()
        record["figure"] = figure(rc.conversion.original)
        record["converted"] = {**rc.value.to_json(), **rc.conversion.to_json()}
        record["converted_figure"] = figure(rounded(rc.value))
    elif rc.value is not None:
        record["value"], record["figure"] = value_records(rc.value, top)
    return record


def _reconciliation(result: SubjectResult) -> ReconciliationRecord | None:
    """What the claims support together: agreed value, series over time, or the likely error."""
    rec = result.reconciliation
    if rec is None:
        return None
    out: ReconciliationRecord = {}
    if rec.agreed is not None:
        out["agreed"] = {"value": rec.agreed.to_json(), "figure": _figure(rec.agreed)}
    if rec.series:
        out["series"] = [
            {
                "time": point.time,
                "value": point.value.to_json(),
                "figure": _figure(point.value),
                "claims": [rc.index for rc in point.claims],
            }
            for point in rec.series
        ]
    if rec.searched:
        out["likely_error"] = [rc.index for rc in rec.likely_error]
        out["alternatives"] = [[rc.index for rc in alt] for alt in rec.alternatives]
        if rec.rest_agree is not None:
            out["rest_agree"] = {"value": rec.rest_agree.to_json(), "figure": _figure(rec.rest_agree)}
        out["explanation"] = likely_error_words(result)
    return out


def _left_out_words(points: list[dict[str, Any]]) -> str:
    """What the reconciled values leave out, for a conflict no small set of claims explains."""
    parts = []
    for p in points:
        if not p["left_out"]:
            continue
        n = len(p["left_out"])
        when = f" for {p['time']}" if p["time"] else ""
        named = ", ".join(f"{x['source']} “{x['says']}”" for x in p["left_out"][:5]) + (", ..." if n > 5 else "")
        if p["how"] == "tie":
            parts.append(f"Trust cannot break the tie{when}: {' or '.join(str(t['figure']) for t in p['tied'])}.")
        else:
            why = ("as trusted, they have fewer independent claims" if p["how"] == "near-identical figures tied"
                   else "the claims it keeps are better trusted")
            parts.append(f"The reconciled value{when} {p['figure']} ({p['how']}, {p['support']['independent']} of "
                         f"{p['support']['of_independent']} independent claims) leaves out {n} claim{'s' * (n != 1)}: "
                         f"{named}: {why}.")
    return " ".join(parts)


def _figure(value: Value) -> str:
    """A combined value for people: amounts to 4 significant digits (intersections of
    converted amounts carry float noise), everything else as it reads."""
    if value.kind in (ValueKind.AMOUNT, ValueKind.NUMBER, ValueKind.PERCENT):
        return figure(rounded(value))
    return figure(value)


def likely_error_words(result: SubjectResult) -> str:
    """The likely-error analysis in a sentence, for every format."""
    rec = result.reconciliation
    assert rec is not None

    def named(claims: tuple[ReadClaim, ...]) -> str:
        return " and ".join(f"{rc.source.id} “{rc.says}”" for rc in claims)

    caveat = ""
    if result.problems:
        n = len(result.problems)
        caveat = (f" {n} claim{'s' * (n != 1)} that could not be judged might change this"
                  f" ({', '.join(sorted({f'{p.claim.source.id} “{p.claim.says}”' for p in result.problems}))}).")
    if rec.likely_error:
        n = len(result.claims) - len(result.problems) - len(rec.likely_error)
        it = "it" if len(rec.likely_error) == 1 else "them"
        text = f"Likely error: {named(rec.likely_error)}; without {it}, the other {n} claim{'s' * (n != 1)} agree"
        if rec.rest_agree is not None:
            text += f" on {_figure(rec.rest_agree)}"
        return text + "." + caveat
    if rec.alternatives:
        options = "; ".join(named(alt) for alt in rec.alternatives)
        return f"No single likely error: removing any one of these makes the rest agree: {options}.{caveat}"
    return f"No small set of claims explains the conflict: more than one claim is off.{caveat}"
