"""`factcheck check` text output: one `file:line:col: title: message` line per finding (errors
first, then notes and warnings), then a summary line. Built from `findings.py`, like every
other `check` format."""

from __future__ import annotations

from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.formatters.table import plural
from factcheck.report.findings import Finding, findings
from factcheck.report.shapes import ReportRecords
from factcheck.safe_text import printable


def _line(f: Finding) -> str:
    return f"{printable(f.file)}:{f.line}:{f.col}: {printable(f.title)}: {printable(f.message)}"


def render(records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    fail_on = context.fail_on
    found = findings(records, fail_on)
    errors = [f for f in found if f.level == "error"]
    others = [f for f in found if f.level != "error"]
    out = [_line(f) for f in errors] + [_line(f) for f in others]
    counts = records["counts"]
    checked = f"{plural(counts['subjects'], 'subject')}, {plural(counts['claims'], 'claim')} checked"
    verification = records.get("verification")
    if verification is not None:
        checked = verified(verification["counts"]) if records.get("command") == "verify" else f"{checked}, {verified(verification['counts'])}"
    baseline = records.get("baseline")
    revision = baseline["revision"] if baseline else None
    tail_parts = []
    if counts.get("accepted"):
        tail_parts.append(plural(counts["accepted"], "accepted conflict"))
    warnings = counts.get("warnings", 0) + ((verification or {}).get("counts", {}).get("warnings", 0))
    if warnings:
        tail_parts.append(plural(warnings, "warning"))
    already = sum(f.already for f in others)
    if already:
        tail_parts.append(f"{already} already at {revision}")
    tail = f"; {', '.join(tail_parts)} not failing" if tail_parts else ""
    resolved = sum(f.rule == "resolved" for f in others)
    if resolved:
        tail += f"; {resolved} resolved since {revision}"
    if not errors:
        return "\n".join([*out, f"No problems: {checked}{tail}."]) + "\n"
    parts = []
    for label, match in (
        ("conflicting subject", lambda f: " conflicting " in f" {f.title} "),
        ("evolving subject", lambda f: f.rule == "evolving"),
        ("single-source subject", lambda f: f.rule == "single-source"),
        ("incomplete subject", lambda f: f.rule == "incomplete"),
        ("stale acceptance", lambda f: "stale acceptance" in f.title),
        ("unreadable claim", lambda f: f.rule == "unreadable"),
        ("incomparable claim", lambda f: f.rule == "incomparable"),
        ("quote not found", lambda f: f.rule == "FV001"),
        ("`says` not in its quote", lambda f: f.rule == "FV003"),
        ("misread figure", lambda f: f.rule in ("FV004", "FV005")),
    ):
        n = sum(1 for f in errors if match(f))
        if n:
            parts.append(plural(n, label))
    what = "new " if revision else ""
    return "\n".join([*out, f"Found {what}{', '.join(parts)} ({checked}{tail})."]) + "\n"


def verified(counts: dict[str, int]) -> str:
    """`46 quotes verified against 5 documents: 45 exact, 1 near`."""
    looked = counts["claims"] - counts["no-document"]
    detail = ", ".join(f"{counts[k]} {k.replace('-', ' ')}" for k in ("exact", "near", "not-found") if counts[k])
    without = f"; {plural(counts['no-document'], 'claim')} without a document" if counts["no-document"] else ""
    return (f"{plural(looked, 'quote')} verified against {plural(counts['documents'], 'document')}"
            + (f": {detail}" if detail else "") + without)
