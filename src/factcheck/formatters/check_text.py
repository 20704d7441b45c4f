"""`factcheck check` text output: only what needs attention, one `file:line:col:` line each."""

from __future__ import annotations

from typing import Any

from factcheck.formatters.table import plural
from factcheck.formatters.text import printable


def render(records: dict[str, Any], fail_on: tuple[str, ...] = ("conflicting",)) -> str:
    from factcheck.findings import findings

    lines: list[str] = []
    notes: list[str] = []
    failing_verdicts = [f for f in findings(records, fail_on) if f.rule in ("evolving", "single-source")]
    for subject in records["subjects"]:
        if subject["verdict"] == "conflicting" and subject["conflicts"]:
            first = subject["conflicts"][0]
            line = f"{printable(first['location'])}: {first['rule']} conflicting {subject['id']}: {printable(subject['reason'])}"
            likely = (subject.get("reconciliation") or {}).get("explanation")
            if likely:
                line += f" {printable(likely)}"
            (notes if subject.get("accepted") is not None else lines).append(
                line.replace(" conflicting ", " accepted ", 1) if subject.get("accepted") is not None else line
            )
        for stale in subject.get("stale_acceptances", []):
            lines.append(f"{printable(stale['location'])}: {stale['rule']} stale acceptance on {subject['id']}: {printable(stale['message'])}")
        for warning in subject.get("warnings", []):
            notes.append(f"{printable(warning['location'])}: {warning['rule']} warning {subject['id']}: {printable(warning['message'])}")
    for f in failing_verdicts:
        lines.append(f"{printable(f.file)}:{f.line}:{f.col}: {f.title}: {printable(f.message)}")
    for problem in records["problems"]:
        lines.append(
            f"{printable(problem['location'])}: {problem['kind']} claim on {problem['subject']} "
            f"({problem['source']}): {printable(problem['message'])}"
        )
    counts, summary = records["counts"], records["summary"]
    checked = f"{plural(counts['subjects'], 'subject')}, {plural(counts['claims'], 'claim')} checked"
    extra = []
    if counts.get("accepted"):
        extra.append(f"{plural(counts['accepted'], 'accepted conflict')}")
    if counts.get("warnings"):
        extra.append(plural(counts["warnings"], "warning"))
    tail = f"; {', '.join(extra)} not failing" if extra else ""
    if not lines:
        out = notes + [f"No problems: {checked}{tail}."]
    else:
        parts = []
        failing_conflicts = summary["conflicting"] - counts.get("accepted", 0)
        if failing_conflicts:
            parts.append(plural(failing_conflicts, "conflicting subject"))
        for verdict in ("evolving", "single-source"):
            n = sum(f.rule == verdict for f in failing_verdicts)
            if n:
                parts.append(plural(n, f"{verdict} subject"))
        if counts.get("stale_acceptances"):
            parts.append(plural(counts["stale_acceptances"], "stale acceptance"))
        for kind in ("unreadable", "incomparable"):
            if counts[kind]:
                parts.append(plural(counts[kind], f"{kind} claim"))
        out = lines + notes + [f"Found {', '.join(parts)} ({checked}{tail})."]
    return "\n".join(out) + "\n"
