"""What a formatter may know besides the records: the terminal, the failing verdicts, the rules."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck import __version__


@dataclass(frozen=True)
class RenderContext:
    width: int = 120  # the table formatters' line width
    color: bool = False  # the table formatters: ANSI colours
    fail_on: tuple[str, ...] = ("conflicting",)  # check formats: the verdicts that fail
    rules: tuple[dict[str, str], ...] = ()  # SARIF: the rules that ran ({id, name, summary, doc, severity})
    version: str = __version__  # SARIF: the tool's version


DEFAULT_CONTEXT = RenderContext()
