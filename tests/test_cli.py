"""The command line: exit codes, error messages without tracebacks, literal text, NO_COLOR."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from tests.helpers import TWO_SOURCES

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

CLEAN = TWO_SOURCES + """\
subjects:
  - id: city
    title: City
    kind: constant
claims:
  - subject: city
    source: a
    says: Astana
    quote: "[bold]in Astana[/bold] \\x1b[31m | <script>alert(1)</script>"
  - subject: city
    source: b
    says: Nur-Sultan
    quote: "a Nur-Sultan"
"""


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def test_check_fails_on_the_showcase_conflicts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert "claims.yaml:" in result.stdout and "FC101 conflicting tokayev-visit-to-italy" in result.stdout and "FC101 accepted italian-cultural-institute-city" in result.stdout


def test_check_passes_on_a_clean_file(clean_file: Path) -> None:
    result = runner.invoke(app, ["check", str(clean_file)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("No problems: 1 subject, 2 claims checked.")


def test_check_fails_on_an_unreadable_claim(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CLEAN.replace("says: Nur-Sultan", "says: boh"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:22:11: unreadable claim on city (b): did not understand 'boh' in 'boh'")


def test_report_exit_zero_even_with_conflicts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 0
    assert "✗ conflicting" in result.stdout and "\x1b[" not in result.stdout


def test_report_json_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["report", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    subjects = {s["id"]: s for s in data["subjects"]}
    inv = subjects["italy-investment-cumulative"]
    assert inv["verdict"] == "evolving"
    akorda = next(c for c in inv["claims"] if c["says"] == "up to $7.6 billion")
    assert akorda["time"] == "2025-09-29"
    assert akorda["value"] == {
        "kind": "amount", "lower": None, "upper": 7.6e9, "lower_inclusive": False,
        "upper_inclusive": True, "unit": "USD",
    }
    assert subjects["italian-cultural-institute-city"]["verdict"] == "conflicting"
    assert set(data["summary"]) == {"consistent", "evolving", "conflicting", "single-source", "incomplete"}
    assert sum(data["summary"].values()) == len(data["subjects"])


def test_report_markdown_to_file_is_atomic_and_complete(clean_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("previous report", encoding="utf-8")
    result = runner.invoke(app, ["report", str(clean_file), "--format", "markdown", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Discrepancy report")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_text_from_claims_is_data_not_markup(clean_file: Path) -> None:
    result = runner.invoke(app, ["report", str(clean_file), "--format", "markdown"])
    md = result.stdout
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\[bold\\]" in md and "\\|" in md
    assert "\x1b" not in md and "\\x1b" in md


def test_table_prints_brackets_literally(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CLEAN.replace("title: City", "title: \"[bold]City[/bold] \\x1b[2J\""), encoding="utf-8")
    result = runner.invoke(app, ["report", str(path)], env={"COLUMNS": "200"})
    assert "[bold]City[/bold]" in result.stdout
    assert "\x1b" not in result.stdout


def test_no_color_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    coloured = runner.invoke(app, ["report"], env={"FORCE_COLOR": "1"})
    assert "\x1b[" in coloured.stdout
    plain = runner.invoke(app, ["report"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout and "✗ conflicting" in plain.stdout


def test_invalid_file_exit_2_with_positions(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(CLEAN.replace("    kind: constant", "    kind: constant\n    kind: level").replace("source: b", "source: z"), encoding="utf-8")
    for command in ("report", "check"):
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code == 2
        assert ":15:5: duplicate key 'kind' (first defined at line 14)" in result.stderr
        assert ":22:13: unknown source 'z'" in result.stderr
        assert "2 errors: the claims file cannot be used." in result.stderr


def test_missing_file_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml:1:1: file not found" in result.stderr


def test_parse_one_phrase() -> None:
    result = runner.invoke(app, ["parse", "quasi 8 miliardi di dollari", "--lang", "it", "--published", "2025-12-10"])
    assert result.exit_code == 0
    assert "[7200000000, 8000000000)" in result.stdout


def test_parse_json() -> None:
    result = runner.invoke(app, ["parse", "last January", "--published", "2025-09-29", "--json"])
    value = json.loads(result.stdout)
    assert (value["start"], value["end"]) == ("2025-01-01", "2025-01-31")


def test_parse_unreadable_exit_2() -> None:
    result = runner.invoke(app, ["parse", "bilion dollars", "--published", "2025-09-29"])
    assert result.exit_code == 2
    assert "did you mean 'billion'" in result.stderr


def test_parse_bad_published_exit_2() -> None:
    result = runner.invoke(app, ["parse", "250", "--published", "yesterday"])
    assert result.exit_code == 2


def test_parse_jsonl_one_line_out_per_line_in() -> None:
    lines = [
        json.dumps({"phrase": "up to $7.6 billion", "lang": "en", "published": "2025-09-29"}),
        "this is not json",
        json.dumps({"phrase": "boh", "lang": "it", "published": "2025-09-29"}),
        json.dumps({"phrase": "28 anni fa", "lang": "it", "published": "2025-12-10"}),
        json.dumps({"phrase": "250", "lang": "xx", "published": "2025-12-10"}),
        json.dumps([1, 2]),
    ]
    result = runner.invoke(app, ["parse", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["upper"] == 7.6e9 and out[0]["upper_inclusive"] is True
    assert "error" in out[1] and "error" in out[2] and "error" in out[4] and "error" in out[5]
    assert out[3]["start"] == "1997-01-01"


def test_unknown_format_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["report", "--format", "yaml"])
    assert result.exit_code == 2


def test_real_entry_point_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nclaims: [\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and f"{path}:" in proc.stderr


def test_unreadable_claim_is_in_every_output(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CLEAN.replace("says: Nur-Sultan", 'says: ""'), encoding="utf-8")
    where = f"{path}:22:11"
    table = runner.invoke(app, ["report", str(path)], env={"COLUMNS": "250"})
    assert table.exit_code == 0 and "⚠ unreadable" in table.stdout and f"{where}: unreadable: empty figure" in table.stdout
    md = runner.invoke(app, ["report", str(path), "--format", "markdown"]).stdout
    assert "## Claims that could not be judged" in md and "empty figure" in md
    data = json.loads(runner.invoke(app, ["report", str(path), "--format", "json"]).stdout)
    claim = next(c for c in data["subjects"][0]["claims"] if c["source"] == "b")
    assert claim["value"] is None and claim["status"] == "unreadable" and claim["location"] == where
    assert data["problems"][0]["location"] == where and data["counts"]["unreadable"] == 1
    assert data["subjects"][0]["verdict"] == "incomplete"  # two sources spoke, one could be judged


@pytest.mark.parametrize(("name", "start"), [("r.md", "# Discrepancy report"), ("r.json", "{"), ("r.txt", " ")])
def test_report_format_follows_the_output_suffix(clean_file: Path, tmp_path: Path, name: str, start: str) -> None:
    out = tmp_path / name
    assert runner.invoke(app, ["report", str(clean_file), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(start)


def test_hostile_figures_are_unreadable_not_crashes(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = CLEAN.replace("says: Nur-Sultan", 'says: "30000 months ago"').replace(
        "    quote: \"a Nur-Sultan\"", '    quote: "a Nur-Sultan"\n    as_of: "0000"'
    )
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1 and "unreadable claim" in result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_parse_jsonl_survives_lines_that_cannot_be_read() -> None:
    lines = ['{"phrase": "0000"}', '{"phrase": "5"}', '{"phrase": "next year", "published": "9999-01-01"}',
             "[" * 50000 + "]" * 50000]
    result = runner.invoke(app, ["parse", "--jsonl"], input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and len(out) == 4
    assert "error" in out[0] and out[1]["lower"] == 4.75 and "error" in out[2] and "error" in out[3]


def test_odd_columns_value_does_not_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert runner.invoke(app, ["report"], env={"COLUMNS": "abc"}).exit_code == 0


def test_markdown_escapes_list_markers_without_visible_backslashes() -> None:
    from factcheck.safe_text import markdown_inline

    assert markdown_inline("7.6 billion") == "7.6 billion"
    assert markdown_inline("1. First summit") == "1\\. First summit"
    assert markdown_inline("# not a heading") == "\\# not a heading"
    assert markdown_inline("a | b <i>") == "a \\| b &lt;i&gt;"


def test_byte_identical_across_processes_and_hash_seeds() -> None:
    """Reports are diffed in CI: the same input must give the same bytes in a new process."""
    outputs = []
    for seed in ("1", "2"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed, "COLUMNS": "120"}
        env.pop("FORCE_COLOR", None)
        run = []
        for args in (["report"], ["report", "-f", "markdown"], ["report", "-f", "json"], ["check"]):
            proc = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, cwd=ROOT, env=env)
            run.append(proc.stdout)
        outputs.append(run)
    assert outputs[0] == outputs[1]
    assert all(outputs[0])
