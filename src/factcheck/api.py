"""The library entry point: what the CLI and tests call.

    from factcheck.api import check_file
    report = check_file("claims.yaml")
"""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import UnusableInput
from factcheck.files import display_name
from factcheck.gcpause import paused_gc
from factcheck.judge.engine import DEFAULT_JUDGE_OPTIONS, JudgeOptions, judge
from factcheck.load.claims_file import ClaimsDocument, load_claims, load_claims_text
from factcheck.load.claims_set import (
    ClaimsSet,
    Loaded,
    expand,
    item_from_text,
    load_many,
    load_many_texts,
)
from factcheck.load.jsonl import ProgressFactory, is_jsonl
from factcheck.parallel import SliceDone, default_jobs, records
from factcheck.report.baseline import compare, file_at
from factcheck.report.records import Report, to_dict
from factcheck.report.shapes import ReportRecords


def check_document(doc: ClaimsDocument, options: JudgeOptions = DEFAULT_JUDGE_OPTIONS) -> Report:
    """Judge a loaded document."""
    with paused_gc():
        results = judge(doc.data, options)
    return Report(doc.display_name, tuple(results), doc.locate, tuple(doc.data.sources))


def check_file(path: str | Path, options: JudgeOptions = DEFAULT_JUDGE_OPTIONS) -> Report:
    """Load, read and judge a claims file. Raises `UnusableInput` (all errors) if it is invalid."""
    with paused_gc():
        doc = load_claims(path)
    return check_document(doc, options)


def load_paths(paths: list[Path], progress: ProgressFactory | None = None) -> Loaded:
    """One claims file, or several files and folders as one set (ids shared across files).

    A claims.jsonl file is streamed, and is always loaded as a set (of one, or with the YAML
    files defining its sources and subjects); `progress` follows the bytes read of each."""

    files = expand(list(paths))
    with paused_gc():
        if len(files) == 1 and not is_jsonl(files[0]):
            return Loaded(files, load_claims(files[0]))
        return Loaded(files, load_many(files, progress))


def check_loaded(loaded: Loaded, options: JudgeOptions = DEFAULT_JUDGE_OPTIONS) -> Report:
    """Judge claims already loaded (one file, or a set)."""

    if isinstance(loaded.loaded, ClaimsSet):
        return _check_set(loaded.loaded, options)
    return check_document(loaded.loaded, options)


def records_of(
    loaded: Loaded,
    options: JudgeOptions = DEFAULT_JUDGE_OPTIONS,
    locate_verdicts: frozenset[str] = frozenset(),
    jobs: int | None = None,
    progress: SliceDone | None = None,
) -> ReportRecords:
    """Judge a loaded set and serialise it (`report.to_dict`), in `jobs` processes (default:
    every core for big files, `parallel.default_jobs`); the records are the same for any `jobs`."""

    doc = loaded.loaded
    if jobs is None:
        jobs = default_jobs(len(doc.data.claims))
    with paused_gc():
        return records(doc.data, doc.display_name, doc.locate, options, locate_verdicts, jobs, progress)


def check_texts(items: list[tuple[str, str]], options: JudgeOptions = DEFAULT_JUDGE_OPTIONS) -> Report:
    """Like `check_loaded(load_paths(...))`, for (text, name) pairs already in memory (a git revision's files)."""

    with paused_gc():
        if len(items) == 1 and not is_jsonl(Path(items[0][1])):
            return check_document(load_claims_text(*items[0]), options)
        claims_set = load_many_texts([item_from_text(text, name) for text, name in items])
    return _check_set(claims_set, options)


def _check_set(claims_set: ClaimsSet, options: JudgeOptions) -> Report:
    with paused_gc():
        results = judge(claims_set.data, options)
    return Report(claims_set.display_name, tuple(results), claims_set.locate, tuple(claims_set.data.sources))


def records_against(
    paths: list[Path], now: ReportRecords, options: JudgeOptions, revision: str, fail_on: tuple[str, ...]
) -> ReportRecords:
    """The records `now` compared with the same claims files at git revision `revision`
    (`check --baseline`): findings already there become notes, those fixed are listed.
    Raises `BaselineError` when the revision cannot be read."""
    texts = []
    for path in expand(paths):
        text = file_at(path, revision)
        if text is not None:
            texts.append((text, display_name(path)))
    then = None
    try:
        if texts:
            then = to_dict(check_texts(texts, options))
    except UnusableInput:
        then = None  # unusable at the revision: everything found now is new
    return compare(now, then, fail_on, revision)
