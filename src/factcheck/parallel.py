"""Judging a big claims file on every core: slices of subjects in forked worker processes.

Each subject's verdict depends on its own claims only, so the subjects are cut into slices in
file order, each worker judges a slice and builds its records (`report.to_dict` for those
subjects), and the parent joins the slices in order. The records are byte-for-byte those of one
process (a test checks it); only the time differs.

Workers are forked, so they start with the loaded claims already in memory (nothing is sent to
them but a slice number), and only the records come back. Where `fork` is not available
(Windows, macOS defaults) or the file is small, everything runs in this process.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable
from typing import cast

from factcheck.errors import Diagnostic
from factcheck.judge.engine import DEFAULT_JUDGE_OPTIONS, JudgeOptions, Judging
from factcheck.load.schema import ClaimsFile
from factcheck.report.records import Report, add_trust, to_dict
from factcheck.report.shapes import CountsRecord, ReportRecords

#: Below this many claims one process is faster than starting workers.
MIN_CLAIMS_FOR_WORKERS = 50_000
#: Slices per worker: small enough that a slow slice does not leave a core idle at the end,
#: large enough that each result is worth sending.
SLICES_PER_WORKER = 8

Locate = Callable[[tuple[str | int, ...]], Diagnostic]
SliceDone = Callable[[int, int], None]  # (subjects judged so far, all subjects)

# What the forked workers read: set by the parent just before it forks.
_work: tuple[Judging, str, Locate, frozenset[str], list[tuple[int, int]]] | None = None


def default_jobs(n_claims: int) -> int:
    """Every core for a big file where workers can be forked; one process otherwise."""
    if n_claims < MIN_CLAIMS_FOR_WORKERS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def records(
    data: ClaimsFile,
    file: str,
    locate: Locate,
    options: JudgeOptions = DEFAULT_JUDGE_OPTIONS,
    locate_verdicts: frozenset[str] = frozenset(),
    jobs: int = 1,
    progress: SliceDone | None = None,
) -> ReportRecords:
    """`to_dict(Report(judge(data)))`, computed by `jobs` processes."""
    global _work
    judging = Judging(data, options)
    n = len(data.subjects)
    if jobs <= 1 or n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        slices = [(0, n)]
    else:
        count = min(n, jobs * SLICES_PER_WORKER)
        bounds = [round(k * n / count) for k in range(count + 1)]
        slices = list(itertools.pairwise(bounds))
    _work = (judging, file, locate, locate_verdicts, slices)
    parts: list[ReportRecords] = []
    done = 0
    try:
        if len(slices) == 1:
            parts.append(_slice_records(0))
        else:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(min(jobs, len(slices))) as pool:
                for k, part in enumerate(pool.imap(_slice_records, range(len(slices)))):
                    parts.append(part)
                    done += slices[k][1] - slices[k][0]
                    if progress is not None:
                        progress(done, n)
    finally:
        _work = None
    return add_trust(merge(parts))


def _slice_records(k: int) -> ReportRecords:
    assert _work is not None
    judging, file, locate, locate_verdicts, slices = _work
    start, stop = slices[k]
    report = Report(file, tuple(judging.subjects(start, stop)), locate, tuple(judging.data.sources))
    return to_dict(report, locate_verdicts, subject_offset=start, trust=False)


def merge(parts: list[ReportRecords]) -> ReportRecords:
    """The records of consecutive slices of subjects as the records of them all."""
    first = parts[0]
    if len(parts) == 1:
        return first
    return {
        "file": first["file"],
        "subjects": [s for part in parts for s in part["subjects"]],
        "problems": [p for part in parts for p in part["problems"]],
        "summary": {key: sum(part.get("summary", {})[key] for part in parts) for key in first.get("summary", {})},
        "counts": cast(CountsRecord, {key: sum(cast(dict[str, int], part["counts"])[key] for part in parts) for key in first["counts"]}),
    }
