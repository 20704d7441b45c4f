"""Pieces several test modules build claims files from."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from factcheck.api import check_file
from factcheck.errors import UnusableInput
from factcheck.load.claims_file import load_claims_text
from factcheck.report.records import to_dict

#: Two sources, one English and one Italian, two days apart: the start of most test files.
TWO_SOURCES = """\
version: 1
sources:
  - id: a
    title: A
    published: 2025-09-29
    language: en
  - id: b
    title: B
    published: 2025-10-01
    language: it
"""


def errors(text: str) -> list[str]:
    """The `file:line:col: message` lines a claims text is refused with (it must be refused)."""
    with pytest.raises(UnusableInput) as info:
        load_claims_text(text, "claims.yaml")
    return [str(d) for d in info.value.diagnostics]


class Trial:
    """A new-user trial's claims files (tests/data/<folder>), judged once each, and the records
    its tests look up."""

    def __init__(self, folder: str) -> None:
        self.data = Path(__file__).resolve().parent / "data" / folder
        self.report = cache(self._report)

    def _report(self, name: str) -> dict[str, Any]:
        return dict(to_dict(check_file(self.data / name)))

    def subject(self, name: str, subject_id: str) -> dict[str, Any]:
        for record in self.report(name)["subjects"]:
            if record["id"] == subject_id:
                return dict(record)
        raise AssertionError(f"{subject_id} not in {name}")

    def claim(self, name: str, subject_id: str, source: str, says: str | None = None) -> dict[str, Any]:
        return next(c for c in self.subject(name, subject_id)["claims"]
                    if c["source"] == source and (says is None or c["says"] == says))

    def likely_error_sources(self, name: str, subject_id: str) -> list[str]:
        record = self.subject(name, subject_id)
        source_of = {c["index"]: c["source"] for c in record["claims"]}
        return [source_of[i] for i in record["reconciliation"]["likely_error"]]


def defect(subject: str, expected: str, reason: str) -> Any:
    """A parametrised case the tool gets wrong today: strict xfail, with the defect in words."""
    return pytest.param(subject, expected, id=subject, marks=pytest.mark.xfail(strict=True, reason=reason))
