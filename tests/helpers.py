"""Pieces several test modules build claims files from."""

from __future__ import annotations

import pytest

from factcheck.errors import UnusableInput
from factcheck.load.claims_file import load_claims_text

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
