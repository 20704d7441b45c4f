"""`factcheck accept`: the one command that writes claims.yaml, keeping everything else."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli.app import app
from tests.conftest import ROOT
from tests.helpers import TWO_SOURCES

runner = CliRunner()

FLOW = TWO_SOURCES + """\
subjects:
  - {id: city, title: City, kind: constant}   # where the institute is
claims:
  - {subject: city, source: a, says: Astana, quote: in Astana}
  - {subject: city, source: b, says: Almaty, quote: "ad Almaty"}
"""


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_accepting_a_subject_changes_one_line_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    shutil.copy(ROOT / "claims.yaml", path)
    before = path.read_text(encoding="utf-8")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 1
    result = runner.invoke(app, ["accept", "tokayev-visit-to-italy", str(path), "--reason", "the visit was in January 2024"])
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert _changed(before, after) == ["+    accepted: the visit was in January 2024"]
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0


def test_flow_style_items_stay_flow_style_and_a_source_can_be_accepted(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(FLOW, encoding="utf-8")
    result = runner.invoke(app, ["accept", "city", str(path), "--source", "b", "--reason", "the consulate"])
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    changed = _changed(FLOW, after)
    assert len(changed) == 2 and changed[1].startswith("+  - {subject: city, source: b, says: Almaty,")
    assert "accepted: the consulate}" in changed[1]
    assert "# where the institute is" in after
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0


def test_remove_undoes_accept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(FLOW, encoding="utf-8")
    assert runner.invoke(app, ["accept", "city", str(path), "-r", "two offices"]).exit_code == 0
    assert runner.invoke(app, ["accept", "city", str(path), "--remove"]).exit_code == 0
    # Exactly the original, but for the spaces before an end-of-line comment on the edited line
    # (ruamel.yaml keeps the comment's column from the longer line).
    assert re.sub(r" +#", " #", path.read_text(encoding="utf-8")) == re.sub(r" +#", " #", FLOW)
    result = runner.invoke(app, ["accept", "city", str(path), "--remove"])
    assert result.exit_code == 2 and "has no acceptance to remove" in result.stderr


def test_refusals_leave_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(FLOW, encoding="utf-8")
    for args, message in [
        (["accept", "cty", str(path), "-r", "x"], "no subject 'cty' (did you mean 'city'?)"),
        (["accept", "city", str(path)], "give --reason TEXT, or --remove"),
        (["accept", "city", str(path), "-r", "  "], "--reason: give the reason"),
        (["accept", "city", str(path), "--source", "z", "-r", "x"], "no claim of source 'z'"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and message in result.stderr, result.output
    broken = FLOW.replace("kind: constant", "kind: constnt")
    path.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["accept", "city", str(path), "-r", "x"])
    assert result.exit_code == 2 and "cannot be edited" in result.stderr
    assert path.read_text(encoding="utf-8") == broken
