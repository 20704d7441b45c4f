"""What `factcheck check` reports, as one flat list: the serialisation every CI format shares.

Built from the report's records (`report.to_dict`), never from the engine's objects, so the text,
GitHub, JUnit and JSON outputs of `check` cannot disagree. A finding is an immutable value:

- `level`: `error` (fails the check), `warning` (shown, does not fail) or `notice` (accepted);
- `rule`: the rule id (`FC101`), a verification check (`FV001`, `factcheck verify`), or
  `unreadable` / `incomparable` for a claim that could not be judged;
- `file`, `line`, `col`: where to look in the claims file;
- `subject`, `title` (one line), `message` (the reason in words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from factcheck.report.shapes import ReportRecords, SubjectRecord

Level = Literal["error", "warning", "notice"]

#: Verdicts `--fail-on` accepts; unreadable, incomparable claims and stale acceptances always fail.
FAILING_VERDICTS = ("conflicting", "incomplete", "evolving", "single-source")


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level
    rule: str
    file: str
    line: int
    col: int
    subject: str
    title: str
    message: str
    already: bool = False  # failing already at the --baseline revision: shown as a note


def _where(location: str) -> tuple[str, int, int]:
    m = re.fullmatch(r"(.*):(\d+):(\d+)", location)
    if not m:
        return location, 1, 1
    return m.group(1), int(m.group(2)), int(m.group(3))


def findings(records: ReportRecords, fail_on: Iterable[str] = ("conflicting",)) -> list[Finding]:
    """Every finding, in subject order then claim problems: errors, warnings and notices."""
    fail = set(fail_on)
    out: list[Finding] = []
    baseline = records.get("baseline")
    revision = baseline["revision"] if baseline else None
    for s in records["subjects"]:
        mine = subject_findings(s, fail, records["file"])
        if s.get("baseline") == "existing":  # failing already at the baseline: shown, not fatal
            mine = [_already(f, revision) for f in mine]
        out += mine
    for p in records["problems"]:
        finding = Finding("error", p["kind"], *_where(p["location"]), p["subject"],
                          f"{p['kind']} claim on {p['subject']} ({p['source']})", p["message"])
        out.append(_already(finding, revision) if p.get("baseline") == "existing" else finding)
    for v in (records.get("verification") or {}).get("findings", []):
        out.append(Finding(v["level"], v["rule"], *_where(v["location"]), v["subject"],
                           f"{v['rule']} {v['name']} {v['subject']} ({v['source']})", v["message"]))
    for r in baseline["resolved"] if baseline else []:
        out.append(Finding("notice", "resolved", records["file"], 1, 1, r["subject"],
                           f"resolved {r['subject']}",
                           f"{r['verdict_then']} at {revision}, {r['verdict_now']} now: {r['reason_then']}"))
    return out


def subject_findings(s: SubjectRecord, fail: set[str], file: str) -> list[Finding]:
    """One subject's findings: its verdict (when it fails or is accepted), stale acceptances
    and warnings. Whether a subject fails a check is decided here only."""
    out: list[Finding] = []
    verdict, accepted = s["verdict"], s.get("accepted")
    explanation = (s.get("reconciliation") or {}).get("explanation")
    message = s["reason"] + (f" {explanation}" if explanation else "")
    if verdict == "conflicting" and s["conflicts"]:
        first = s["conflicts"][0]
        level: Level = "notice" if accepted is not None else ("error" if "conflicting" in fail else "warning")
        state = "accepted" if accepted is not None else "conflicting"
        out.append(Finding(level, first["rule"], *_where(first["location"]), s["id"],
                           f"{first['rule']} {state} {s['id']}", message))
    elif verdict in fail and verdict != "conflicting":
        where = s.get("location") or next((c.get("location") for c in s["claims"] if c.get("location")), None)
        f, line, col = _where(where) if where else (file, 1, 1)
        out.append(Finding("error", verdict, f, line, col, s["id"], f"{verdict} {s['id']}", message))
    for stale in s.get("stale_acceptances", []):
        out.append(Finding("error", stale["rule"], *_where(stale["location"]), s["id"],
                           f"{stale['rule']} stale acceptance on {s['id']}", stale["message"]))
    for warning in s.get("warnings", []):
        out.append(Finding("warning", warning["rule"], *_where(warning["location"]), s["id"],
                           f"{warning['rule']} warning {s['id']}", warning["message"]))
    return out


def failing_subjects(records: ReportRecords, fail_on: Iterable[str]) -> dict[str, SubjectRecord]:
    """The subjects (id → record) with an error finding of their own."""
    fail = set(fail_on)
    return {
        s["id"]: s
        for s in records["subjects"]
        if any(f.level == "error" for f in subject_findings(s, fail, records.get("file", "")))
    }


def _already(f: Finding, revision: str | None) -> Finding:
    if f.level != "error":
        return f
    return Finding("notice", f.rule, f.file, f.line, f.col, f.subject, f"{f.title} (already at {revision})", f.message, True)


def failing(records: ReportRecords, fail_on: Iterable[str] = ("conflicting",)) -> bool:
    return any(f.level == "error" for f in findings(records, fail_on))
