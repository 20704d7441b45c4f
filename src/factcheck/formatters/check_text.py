"""`factcheck check` text output: only what needs attention, one `file:line:col:` line each."""

from __future__ import annotations

from typing import Any

from factcheck.formatters.table import plural
from factcheck.formatters.text import printable


def render(records: dict[str, Any]) -> str:
    lines: list[str] = []
    for subject in records["subjects"]:
        if subject["verdict"] == "conflicting":
            first = subject["conflicts"][0]
            lines.append(
                f"{printable(first['location'])}: {first['rule']} conflicting {subject['id']}: "
                f"{printable(subject['reason'])}"
            )
    for problem in records["problems"]:
        lines.append(
            f"{printable(problem['location'])}: {problem['kind']} claim on {problem['subject']} "
            f"({problem['source']}): {printable(problem['message'])}"
        )
    counts, summary = records["counts"], records["summary"]
    checked = f"{plural(counts['subjects'], 'subject')}, {plural(counts['claims'], 'claim')} checked"
    if not lines:
        lines.append(f"No problems: {checked}.")
    else:
        parts = []
        if summary["conflicting"]:
            parts.append(plural(summary["conflicting"], "conflicting subject"))
        for kind in ("unreadable", "incomparable"):
            if counts[kind]:
                parts.append(plural(counts[kind], f"{kind} claim"))
        lines.append(f"Found {', '.join(parts)} ({checked}).")
    return "\n".join(lines) + "\n"
