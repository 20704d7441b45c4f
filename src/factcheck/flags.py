"""What the command line asked for, before it is checked and merged with the configuration
(`factcheck.options`). Plain data, light to import: `factcheck --help` builds on it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ToleranceFlags:
    """The command line's tolerances: `--approx`, `--nearly` and `--tolerance NAME=FRACTION`."""

    approx: float | None = None
    nearly: float | None = None
    tolerance: tuple[str, ...] = ()


@dataclass(frozen=True)
class JudgeFlags:
    """Every command-line option that decides how claims are judged."""

    window_days: int | None = None
    tolerances: ToleranceFlags = ToleranceFlags()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    no_config: bool = False


def codes(values: Sequence[str] | None) -> list[str] | None:
    """Rule codes given as `FC101,FC102` or repeated, one list; None when not given."""
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]
