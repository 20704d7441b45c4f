"""The pre-commit hook, run by the real pre-commit tool against a temporary repository, and the
GitHub composite action's declaration."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.helpers import TWO_SOURCES

CONFLICT = TWO_SOURCES + """\
subjects:
  - {id: city, title: City, kind: constant}
claims:
  - {subject: city, source: a, says: Astana, quote: in Astana}
  - {subject: city, source: b, says: Almaty, quote: ad Almaty}
"""


def _hook() -> dict:  # type: ignore[type-arg]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["factcheck"]
    return hooks[0]


@pytest.mark.parametrize(
    ("path", "matches"),
    [("claims.yaml", True), ("claims.yml", True), ("data/claims.yaml", True), ("data/trade.claims.yaml", True),
     ("notclaims.yaml", False), ("claims.yaml.bak", False), ("claims.json", False)],
)
def test_the_hook_runs_on_claims_files_only(path: str, matches: bool) -> None:
    assert bool(re.search(_hook()["files"], path)) == matches


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_runs_the_hook_on_a_temporary_repository(tmp_path: Path) -> None:
    """`pre-commit try-repo` installs factcheck from this repository into pre-commit's own
    environment, exactly as a user's `.pre-commit-config.yaml` would, and runs the hook."""
    pre_commit = [sys.executable, "-m", "pre_commit"]
    if subprocess.run([*pre_commit, "--version"], capture_output=True).returncode != 0:
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("GITHUB_ACTIONS", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    assert run("git", "init", "-q").returncode == 0
    (repo / "claims.yaml").write_text(CONFLICT, encoding="utf-8")
    (repo / "README.md").write_text("not a claims file\n", encoding="utf-8")
    run("git", "add", "claims.yaml", "README.md")
    failed = run(*pre_commit, "try-repo", str(ROOT), "factcheck", "--files", "claims.yaml", "README.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^claims\.yaml:\d+:\d+: FC101 conflicting city", failed.stdout, re.M), failed.stdout
    (repo / "claims.yaml").write_text(CONFLICT.replace("says: Almaty, quote: ad Almaty", "says: Astana, quote: ad Astana"), encoding="utf-8")
    run("git", "add", "claims.yaml")
    passed = run(*pre_commit, "try-repo", str(ROOT), "factcheck", "--files", "claims.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_the_action_is_a_composite_action_that_annotates_and_uploads_the_report() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"claims", "report", "fail-on", "python-version"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    scripts = "\n".join(s.get("run", "") for s in steps)
    assert "factcheck report" in scripts and "--format markdown" in scripts
    assert "factcheck check" in scripts and "--format github" in scripts
    # Inputs reach the shell through environment variables, never pasted into the script.
    assert "${{ inputs." not in scripts
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload.get("if") == "always()"
