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


class UsageError(ValueError):
    """Options that cannot be used (a command-line flag, a configuration setting): every
    problem found, each a line of its own, as the command line prints them before exiting 2."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def closest(word: str, known: Iterable[str], cutoff: float = 0.6, *, prefix: bool = False) -> str | None:
    """The known word closest to `word` (difflib's ratio at least `cutoff`), or None: the one
    "did you mean" search behind every suggestion (ids, rules, keys, languages, words).
    With `prefix`, a known word that starts with `word` wins first (`italy-inv` → the one
    subject id that begins so).

    difflib's ratio is at most rapidfuzz's Indel similarity (a longest common subsequence is at
    least difflib's matching blocks), so rapidfuzz, in C, first keeps the few known words that
    could pass difflib's cut-off, and difflib chooses among those: the same answer as difflib
    over every word, without a Python comparison for each (5,000 unknown ids against 5,000
    known ones took 458 s)."""
    pool = sorted(known)
    if prefix:
        started = [w for w in pool if w.startswith(word)]
        if started:
            return started[0]
    if len(pool) > 20:
        near = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=cutoff * 100 - 0.5, limit=20)
        pool = sorted(choice for choice, _, _ in near)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.6, *, prefix: bool = False) -> str:
    """` (did you mean 'x'?)` for the closest known word, or nothing: one phrasing for every
    "unknown …" message."""
    close = closest(word, known, cutoff, prefix=prefix)
    return f" (did you mean {close!r}?)" if close else ""


#: Unknown ids get a "did you mean" for the first few only: each one searches every id.
MAX_SUGGESTIONS = 50
