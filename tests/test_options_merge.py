"""factcheck.options: configuration file and command-line flags merged in the library, with
every problem reported at once as UsageError (the command line prints them and exits 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import UsageError
from factcheck.flags import JudgeFlags, ToleranceFlags
from factcheck.options import judge_options, read_options, tolerance_overrides


def test_flags_override_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('select = ["FC101"]\nwindow-days = 60\n[tolerances]\nabout = 0.15\n')
    claims = tmp_path / "claims.yaml"
    from_file = judge_options(claims, JudgeFlags())
    assert from_file.rules is not None and [r.id for r in from_file.rules.rules] == ["FC101"]
    assert from_file.read.approx == 0.15 and from_file.overrides is None
    flagged = judge_options(claims, JudgeFlags(select=("FC102",), tolerances=ToleranceFlags(approx=0.3)))
    assert flagged.rules is not None and [r.id for r in flagged.rules.rules] == ["FC102"]
    assert flagged.overrides is not None and flagged.overrides.about == 0.3


def test_no_config_ignores_the_file(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('select = ["FC101"]\n')
    options = judge_options(tmp_path / "claims.yaml", JudgeFlags(no_config=True))
    assert options.rules is not None and len(options.rules.rules) > 1


def test_every_tolerance_problem_at_once() -> None:
    with pytest.raises(UsageError) as caught:
        tolerance_overrides(ToleranceFlags(tolerance=("sure=0.1", "about")))
    assert len(caught.value.messages) == 2
    assert all("expected NAME=FRACTION" in m for m in caught.value.messages)


def test_a_tolerance_out_of_range_names_its_flag() -> None:
    with pytest.raises(UsageError, match="--tolerance about"):
        tolerance_overrides(ToleranceFlags(tolerance=("about=7",)))


def test_short_forms_win_over_tolerance() -> None:
    overrides = tolerance_overrides(ToleranceFlags(approx=0.05, tolerance=("about=0.2",)))
    assert overrides is not None and overrides.about == 0.05
    assert read_options(ToleranceFlags(nearly=0.2)).nearly == 0.2


def test_unknown_rule_and_missing_config_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown rule 'FC999'"):
        judge_options(tmp_path / "claims.yaml", JudgeFlags(select=("FC999",), no_config=True))
    with pytest.raises(UsageError, match="no such file"):
        judge_options(tmp_path / "claims.yaml", JudgeFlags(config=tmp_path / "missing.toml"))
