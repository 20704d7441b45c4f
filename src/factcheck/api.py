"""The library entry point: what the CLI and tests call.

    from factcheck.api import check_file
    report = check_file("claims.yaml")
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.engine import DEFAULT_JUDGE_OPTIONS, JudgeOptions, judge
from factcheck.gcpause import paused_gc
from factcheck.loader import ClaimsDocument, load_claims
from factcheck.report import Report

if TYPE_CHECKING:
    from factcheck.multi import ClaimsSet


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


def check_paths(paths: list[Path], options: JudgeOptions = DEFAULT_JUDGE_OPTIONS) -> Report:
    """One claims file, or several files and folders as one set (ids shared across files)."""
    from factcheck.multi import expand, load_many

    files = expand(list(paths))
    if len(files) == 1:
        return check_file(files[0], options)
    with paused_gc():
        claims_set = load_many(files)
    return _check_set(claims_set, options)


def check_texts(items: list[tuple[str, str]], options: JudgeOptions = DEFAULT_JUDGE_OPTIONS) -> Report:
    """Like `check_paths`, for (text, name) pairs already in memory (a git revision's files)."""
    from factcheck.loader import load_claims_text
    from factcheck.multi import load_many_texts

    with paused_gc():
        if len(items) == 1:
            return check_document(load_claims_text(*items[0]), options)
        claims_set = load_many_texts(items)
    return _check_set(claims_set, options)


def _check_set(claims_set: ClaimsSet, options: JudgeOptions) -> Report:
    with paused_gc():
        results = judge(claims_set.data, options)
    return Report(claims_set.display_name, tuple(results), claims_set.locate, tuple(claims_set.data.sources))
