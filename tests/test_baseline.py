"""`factcheck check --baseline REV`, against a real git repository built in the test."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from tests.helpers import TWO_SOURCES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
runner = CliRunner()

SUBJECTS = """\
subjects:
  - {id: city, title: City, kind: constant}
  - {id: companies, title: Companies, kind: level}
claims:
"""
CITY_CONFLICT = """\
  - {subject: city, source: a, says: Astana, quote: in Astana}
  - {subject: city, source: b, says: Almaty, quote: ad Almaty}
"""
CITY_FIXED = """\
  - {subject: city, source: a, says: Astana, quote: in Astana}
  - {subject: city, source: b, says: Astana, quote: ad Astana}
"""
COMPANIES_OK = """\
  - {subject: companies, source: a, says: around 250, quote: around 250 companies}
"""
COMPANIES_CONFLICT = COMPANIES_OK + """\
  - {subject: companies, source: b, says: oltre 400, quote: oltre 400 aziende}
"""


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit has one conflict (city) and a clean subject."""
    git(tmp_path, "init", "-q")
    (tmp_path / "claims.yaml").write_text(TWO_SOURCES + SUBJECTS + CITY_CONFLICT + COMPANIES_OK, encoding="utf-8")
    git(tmp_path, "add", "claims.yaml")
    git(tmp_path, "commit", "-q", "-m", "first claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_only_the_conflict_the_change_introduced_fails(repo: Path) -> None:
    # The edit adds a claim above the old ones (indexes shift) and a new conflict.
    extra = "  - {subject: companies, source: b, says: oltre 250, quote: oltre 250}\n"
    (repo / "claims.yaml").write_text(TWO_SOURCES + SUBJECTS + extra + CITY_CONFLICT + COMPANIES_CONFLICT, encoding="utf-8")
    assert runner.invoke(app, ["check"]).exit_code == 1
    result = runner.invoke(app, ["check", "--baseline", "HEAD"])
    assert result.exit_code == 1, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("claims.yaml:") and "FC102 conflicting companies" in lines[0]
    assert any("FC101 conflicting city (already at HEAD)" in line for line in lines)
    assert lines[-1].startswith("Found new 1 conflicting subject") and "1 already at HEAD not failing" in lines[-1]


def test_a_change_that_only_keeps_old_conflicts_passes_and_lists_the_fixed_ones(repo: Path) -> None:
    (repo / "claims.yaml").write_text(TWO_SOURCES + SUBJECTS + CITY_CONFLICT + COMPANIES_OK + "\n", encoding="utf-8")
    assert runner.invoke(app, ["check", "--baseline", "HEAD"]).exit_code == 0
    (repo / "claims.yaml").write_text(TWO_SOURCES + SUBJECTS + CITY_FIXED + COMPANIES_OK, encoding="utf-8")
    result = runner.invoke(app, ["check", "--baseline", "HEAD"])
    assert result.exit_code == 0, result.stdout
    assert "resolved city: conflicting at HEAD, consistent now" in result.stdout
    assert "1 resolved since HEAD" in result.stdout


def test_github_annotations_mark_old_conflicts_as_notices(repo: Path) -> None:
    (repo / "claims.yaml").write_text(TWO_SOURCES + SUBJECTS + CITY_CONFLICT + COMPANIES_CONFLICT, encoding="utf-8")
    result = runner.invoke(app, ["check", "--baseline", "HEAD", "--format", "github"])
    assert result.exit_code == 1
    assert any(line.startswith("::error ") and "companies" in line for line in result.stdout.splitlines())
    assert any(line.startswith("::notice ") and "city (already at HEAD)" in line for line in result.stdout.splitlines())


def test_a_file_new_since_the_revision_is_all_new(repo: Path) -> None:
    (repo / "more").mkdir()
    other = repo / "more" / "claims.yaml"
    other.write_text(TWO_SOURCES + SUBJECTS + CITY_CONFLICT, encoding="utf-8")
    result = runner.invoke(app, ["check", str(other), "--baseline", "HEAD"])
    assert result.exit_code == 1
    assert "already at" not in result.stdout


def test_an_unknown_revision_is_unusable_input(repo: Path) -> None:
    result = runner.invoke(app, ["check", "--baseline", "no-such-branch"])
    assert result.exit_code == 2
    assert "--baseline no-such-branch: unknown revision" in result.stderr
