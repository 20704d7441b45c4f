"""The judge options are declared once (cli/options.py) and every judging command offers them
alike, where its signature puts them; the values reach the library as one JudgeFlags."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.main import get_command
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.cli.options import JUDGE, judge_flags
from factcheck.flags import JudgeFlags, ToleranceFlags

JUDGE_OPTIONS = ["--window-days", "--approx", "--nearly", "--tolerance", "--select", "--ignore", "--config", "--no-config"]


def _options(command: str) -> list[str]:
    click_command = get_command(app).commands[command]  # type: ignore[attr-defined]
    return [opt for param in click_command.params for opt in param.opts if opt.startswith("--")]


def test_every_judging_command_offers_the_judge_options_in_one_order() -> None:
    for command in ("report", "check", "explain"):
        options = _options(command)
        assert [o for o in options if o in JUDGE_OPTIONS] == JUDGE_OPTIONS, command


def test_the_flags_reach_the_command_as_one_value() -> None:
    seen: list[JudgeFlags] = []
    demo = typer.Typer()

    @demo.command()
    @judge_flags
    def run(name: str, judge: JudgeFlags = JUDGE) -> None:
        seen.append(judge)

    result = CliRunner().invoke(demo, ["x", "--select", "FC1,FC2", "--ignore", "FC106", "-t", "about=0.2",
                                       "--approx", "0.3", "--window-days", "30", "--no-config"])
    assert result.exit_code == 0, result.output
    assert seen == [JudgeFlags(window_days=30, tolerances=ToleranceFlags(0.3, None, ("about=0.2",)), select=("FC1,FC2",),
                               ignore=("FC106",), config=None, no_config=True)]


def test_flags_not_given_are_the_defaults(tmp_path: Path) -> None:
    seen: list[JudgeFlags] = []
    demo = typer.Typer()

    @demo.command()
    @judge_flags
    def run(judge: JudgeFlags = JUDGE) -> None:
        seen.append(judge)

    assert CliRunner().invoke(demo, []).exit_code == 0
    assert seen == [JudgeFlags()]
