"""Problems in input, each tied to a place in a file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """`file:line:col: message`, the format editors and CI systems understand."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class UnusableInput(Exception):
    """The input cannot be judged at all (SPEC §1): every problem found, reported at once."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(map(str, self.diagnostics)))


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest known word, or nothing: one phrasing and one
    cut-off for every "unknown …" message (ids, rules, keys).

    difflib's ratio is at most rapidfuzz's Indel similarity (a longest common subsequence is at
    least difflib's matching blocks), so rapidfuzz, in C, first keeps the few known words that
    could pass difflib's cut-off, and difflib chooses among those: the same answer as difflib
    over every word, without a Python comparison for each (5,000 unknown ids against 5,000
    known ones took 458 s)."""


    pool = sorted(known)
    if len(pool) > 20:
        near = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=59.5, limit=20)
        pool = sorted(choice for choice, _, _ in near)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


#: Unknown ids get a "did you mean" for the first few only: each one searches every id.
MAX_SUGGESTIONS = 50
