"""`factcheck check --baseline REV`: fail only on what a change broke.

The claims files are also read as they were at git revision REV (`git show REV:./file`, run in
the file's folder, so it works from anywhere in the repository) and judged with the same
options. A finding is *new* when the subject it is on was not failing at REV, or (for claims
that cannot be judged) when the same claim was not already unreadable or incomparable. Claims
are matched across revisions by what they are (subject, source, `says`), not by their place in
the file, so inserting a claim above does not make the others new. Findings already failing at
REV are still printed, as notes; subjects failing at REV and no longer failing are listed as
resolved. Only new findings fail the check.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from factcheck.report.findings import failing_subjects
from factcheck.report.shapes import ProblemRecord, ReportRecords, SubjectRecord


class BaselineError(Exception):
    """The revision cannot be read (not a git repository, unknown revision)."""


def file_at(path: Path, revision: str) -> str | None:
    """The file's text at `revision`, or None when it did not exist there."""
    folder = path.resolve().parent
    try:
        known = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
            cwd=folder, capture_output=True, text=True, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BaselineError(f"cannot run git: {exc}") from None
    if known.returncode != 0:
        message = known.stderr.strip() or f"unknown revision {revision!r}"
        raise BaselineError(f"--baseline {revision}: {message} (in {folder})")
    shown = subprocess.run(
        ["git", "show", f"{revision}:./{path.name}"], cwd=folder, capture_output=True, timeout=60
    )
    if shown.returncode != 0:
        return None  # the file is new since the revision
    return shown.stdout.decode("utf-8-sig", errors="replace")


def _claim_key(claim: ProblemRecord) -> tuple[str, str, str]:
    """A claim across revisions: what it is, not where it is in the file."""
    return (claim["subject"], claim["source"], claim["says"])


def compare(now: ReportRecords, then: ReportRecords | None, fail_on: tuple[str, ...], revision: str) -> ReportRecords:
    """`now`'s records, with what was already failing at the revision marked, and `resolved`."""
    failing_then = failing_subjects(then, fail_on) if then else {}
    failing_now = failing_subjects(now, fail_on)
    subjects: list[SubjectRecord] = []
    for s in now["subjects"]:
        if s["id"] in failing_now and s["id"] in failing_then:
            s = s | {"baseline": "existing"}
        elif s["id"] in failing_now:
            s = s | {"baseline": "new"}
        subjects.append(s)
    old_problems = {_claim_key(p) for p in then["problems"]} if then else set()
    problems: list[ProblemRecord] = [
        p | {"baseline": "existing" if _claim_key(p) in old_problems else "new"} for p in now["problems"]
    ]
    resolved = [
        {"subject": sid, "verdict_then": s["verdict"], "reason_then": s["reason"],
         "verdict_now": next((x["verdict"] for x in now["subjects"] if x["id"] == sid), "removed")}
        for sid, s in failing_then.items()
        if sid not in failing_now
    ]
    return now | {"subjects": subjects, "problems": problems, "baseline": {"revision": revision, "resolved": resolved}}
