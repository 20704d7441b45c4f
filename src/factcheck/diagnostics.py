"""Problems in input, each tied to a place in a file."""

from __future__ import annotations

from dataclasses import dataclass


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
