"""claims.jsonl: the same verdicts as YAML, every bad line reported at its line and column,
sets mixing YAML and JSONL, parallel judging that changes nothing, and the progress bar."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck import parallel
from factcheck.api import check_file, load_paths, records_of
from factcheck.cli.app import app
from factcheck.cli.progress import ProgressBar
from factcheck.load import jsonl
from factcheck.load.jsonl import read_jsonl_bytes
from factcheck.report.records import to_dict
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import records as generated
from generate import to_jsonl, to_yaml

runner = CliRunner()

SOURCE_A = {"source": {"id": "a", "title": "A", "published": "2025-09-29", "language": "en"}}
SOURCE_B = {"source": {"id": "b", "title": "B", "published": "2025-10-01", "language": "en"}}
SUBJECT = {"subject": {"id": "s", "title": "S", "kind": "constant"}}


def line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def claim(says: Any = "about $6 billion", **extra: Any) -> str:
    return line({"subject": "s", "source": "a", "says": says, "quote": "q", **extra})


def write(tmp_path: Path, *lines: str, name: str = "claims.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HEAD = (line(SOURCE_A), line(SOURCE_B), line(SUBJECT))


def without_places(records: dict[str, Any]) -> Any:
    """The records with file names and locations dropped (they differ between formats)."""
    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("location", "file")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node
    return strip(records)


# -- the same claims, the same verdicts --------------------------------------------------------

@pytest.mark.parametrize("profile", ["worst", "pipeline"])
def test_jsonl_gives_the_records_the_same_claims_give_in_yaml(tmp_path: Path, profile: str) -> None:
    items = list(generated(1500, seed=3, profile=profile))
    yaml_path = tmp_path / "claims.yaml"
    yaml_path.write_text("".join(to_yaml(iter(items))), encoding="utf-8")
    jsonl_path = tmp_path / "claims.jsonl"
    jsonl_path.write_text("".join(to_jsonl(iter(items))), encoding="utf-8")
    from_yaml = to_dict(check_file(yaml_path))
    from_jsonl = records_of(load_paths([jsonl_path]), jobs=1)
    assert from_jsonl["summary"]["conflicting"] > 0
    assert without_places(from_jsonl) == without_places(from_yaml)


def test_a_finding_points_at_the_line_and_column_of_says(tmp_path: Path) -> None:
    path = write(tmp_path, *HEAD, claim("Astana"), line({"subject": "s", "source": "b", "says": "Almaty", "quote": "q"}))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    text = path.read_text().splitlines()[4]
    col = text.index('"Almaty"') + 1
    assert f"claims.jsonl:5:{col}: FC101 conflicting s" in result.output


def test_sources_and_subjects_may_come_from_a_yaml_file_of_the_set(tmp_path: Path) -> None:
    (tmp_path / "subjects.yaml").write_text(
        "version: 1\nsources:\n  - {id: a, title: A, published: 2025-09-29, language: en}\n"
        "  - {id: b, title: B, published: 2025-10-01, language: en}\n"
        "subjects:\n  - {id: s, title: S, kind: constant}\n", encoding="utf-8")
    path = write(tmp_path, claim("Astana"), line({"subject": "s", "source": "b", "says": "Astana", "quote": "q"}))
    result = runner.invoke(app, ["check", str(tmp_path / "subjects.yaml"), str(path)])
    assert result.exit_code == 0, result.output
    assert "1 subjects, 2 claims" in result.output or "2 claims" in result.output
    folder = runner.invoke(app, ["check", str(tmp_path)])  # a folder holds both kinds
    assert folder.exit_code == 0, folder.stdout
    assert folder.stdout == result.output


def test_definitions_may_follow_the_claims_that_use_them_and_blank_lines_and_a_bom_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_bytes(("\ufeff" + claim("Astana") + "\n\n   \n" + "\n".join(HEAD) + "\n").encode("utf-8"))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_a_missing_jsonl_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nowhere.jsonl")])
    assert result.exit_code == 2
    assert "nowhere.jsonl:1:1: file not found" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_claim_naming_an_undefined_subject_says_how_to_define_it(tmp_path: Path) -> None:
    path = write(tmp_path, claim("Astana"))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "claims.jsonl:1:13: unknown subject 's': define it on a line of its own" in result.output
    assert "unknown source 'a'" in result.output


# -- every bad line, at its line and column, all at once --------------------------------------

BAD_LINES = [
    # (the line, column, message part)
    ('{"subject": "s", "source": "a", "says": "x", "quote": "q"', 58, "not valid JSON: Expecting ',' delimiter"),
    ("[1, 2]", 1, "expected a JSON object"),
    ('"just text"', 1, "expected a JSON object"),
    (claim(6), 41, "says: Input should be a valid string (write it in quotes"),
    (claim(float("nan")), 41, "says: Input should be a valid string"),
    ('{"subject": "s", "source": "a", "says": 1e400, "quote": "q"}', 41, "says: Input should be a valid string"),
    (claim("x", sayz="y"), 60, "unknown key 'sayz' (did you mean 'says'?"),
    (line({"subject": "s", "source": "a", "quote": "q"}), 1, "missing required key 'says'"),
    ('{"subject": "s", "source": "a", "says": "x", "says": "y", "quote": "q"}', 41, "duplicate key 'says'"),
    ('{"subject": "s", "source": "a", "says" : "x", "says":"y", "quote": "10:30"}', 42, "duplicate key 'says'"),
    ('{"subject": "s", "source": "a", "says": "\\ud800", "quote": "q"}', 1, "says: contains a lone surrogate"),
    (claim("x", as_of={"year": 2025}), 69, "as_of: expected an ISO date"),
    (line({"subject": {"id": "t", "title": "T", "kind": "sometimes"}}), 47, "kind: Input should be"),
    (line({"source": {"id": "c", "title": "C", "published": "2025-13-01", "language": "en"}}), 51, "published:"),
    ("[" * 100_000, 1, "not valid JSON"),
]


@pytest.mark.parametrize(("text", "col", "message"), BAD_LINES, ids=[m for _, _, m in BAD_LINES])
def test_each_bad_line_is_an_error_at_its_line_and_column(tmp_path: Path, text: str, col: int, message: str) -> None:
    path = write(tmp_path, *HEAD, claim("Astana"), text)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert f"claims.jsonl:5:{col}: {message}" in result.output, result.output
    assert "Traceback" not in result.output


def test_every_bad_line_is_reported_in_one_run(tmp_path: Path) -> None:
    lines = [*HEAD, *(text for text, _, _ in BAD_LINES), claim("x", subject="nowhere")]
    path = write(tmp_path, *lines)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    reported = {int(row.split(":")[1]) for row in result.output.splitlines() if row.startswith(str(path))}
    assert reported == set(range(4, len(lines) + 1))
    assert f"{len(reported)} errors" in result.output or "errors: the claims file cannot be used" in result.output


def test_invalid_utf8_names_the_byte_and_its_column(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_bytes(("\n".join(HEAD) + "\n").encode() + b'{"subject": "s", "source": "a", "says": "x\xff", "quote": "q"}\n')
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "claims.jsonl:4:43: not UTF-8 text (byte 0xff)" in result.output


def test_duplicate_definitions_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, *HEAD, line(SUBJECT))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "claims.jsonl:4:20: duplicate subject id 's' (first defined on line 3)" in result.output


def test_a_line_over_the_limit_is_refused_without_reading_it_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1000)
    path = write(tmp_path, *HEAD, claim("x" * 5000), claim("Astana"))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "claims.jsonl:4:1: the line is over" in result.output
    assert ":5:" not in result.output  # the next line is read normally


def test_markup_and_escapes_in_a_jsonl_claim_are_printed_literally(tmp_path: Path) -> None:
    path = write(tmp_path, *HEAD, claim("[red]Astana[/]"), line({"subject": "s", "source": "b", "says": "Almaty\u001b[2J", "quote": "q"}))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "[red]Astana[/]" in result.output
    assert "\u001b" not in result.output


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(
    st.binary(max_size=80),
    st.sampled_from([claim("Astana"), claim(6), line(SUBJECT), line(SOURCE_A), "{", "[]", '{"source": 1}',
                     '{"subject": {"id": 5}}', claim("x", as_of=2025)]).map(str.encode),
), max_size=12))
def test_any_bytes_load_or_every_bad_line_is_named(lines: list[bytes]) -> None:
    """Nothing is lost: each non-blank line becomes an item or an error on that line."""
    data = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines) + b"\n"
    doc = read_jsonl_bytes(data, "x.jsonl")
    kept = {n for lines_of in doc.lines.values() for n in lines_of}
    wrong = {d.line for d in doc.problems}
    assert all(d.line >= 1 and d.col >= 1 for d in doc.problems)
    nonblank = {n for n, text in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n")[:-1], start=1) if text.strip()}
    assert kept | wrong == nonblank
    assert not kept & wrong


# -- parallel judging changes nothing ----------------------------------------------------------

def test_parallel_judging_gives_byte_identical_reports(tmp_path: Path) -> None:
    from factcheck.formatters import ReportFormat, render_report

    path = tmp_path / "claims.jsonl"
    path.write_text("".join(to_jsonl(generated(3000, seed=5))), encoding="utf-8")
    loaded = load_paths([path])
    one = records_of(loaded, jobs=1)
    seen: list[tuple[int, int]] = []
    two = parallel.records(loaded.loaded.data, loaded.loaded.display_name, loaded.loaded.locate, jobs=2,
                           progress=lambda done, total: seen.append((done, total)))
    assert render_report(ReportFormat.JSON, two) == render_report(ReportFormat.JSON, one)
    assert seen[-1] == (300, 300) and len(seen) == 2 * parallel.SLICES_PER_WORKER
    cli_one = runner.invoke(app, ["report", "-f", "json", "--jobs", "1", str(path)])
    cli_two = runner.invoke(app, ["report", "-f", "json", "--jobs", "2", str(path)])
    assert cli_one.stdout == cli_two.stdout


def test_small_files_are_judged_in_one_process() -> None:
    assert parallel.default_jobs(1000) == 1
    assert parallel.default_jobs(parallel.MIN_CLAIMS_FOR_WORKERS) >= 1


# -- the progress bar --------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_progress_bar_appears_only_after_a_second_and_only_on_a_terminal() -> None:
    clock, out = Clock(), io.StringIO()
    with ProgressBar(out, enabled=True, clock=clock, force_terminal=True) as bar:
        read = bar.reading("[bold]claims.jsonl", 1000)
        read(100)
        assert out.getvalue() == ""  # a quick run stays silent
        clock.now = 1.5
        read(600)
        bar.judging(10, 100)
    shown = out.getvalue()
    assert "reading [bold]claims.jsonl" in shown  # a file name is printed, never read as markup
    assert "judging subjects" in shown
    quiet = io.StringIO()
    with ProgressBar(quiet, clock=clock) as bar:  # StringIO is not a terminal: off
        clock.now = 5.0
        bar.reading("claims.jsonl", 10)(5)
    assert quiet.getvalue() == ""


def test_the_cli_prints_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(to_jsonl(generated(500, seed=2))), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "reading" not in result.output and "judging subjects" not in result.output


def test_accept_refuses_a_jsonl_file_and_says_where_to_accept(tmp_path: Path) -> None:
    path = write(tmp_path, *HEAD, claim("Astana"))
    before = path.read_bytes()
    result = runner.invoke(app, ["accept", "s", str(path), "--reason", "checked"])
    assert result.exit_code == 2
    assert "accept edits YAML claims files" in result.output
    assert path.read_bytes() == before
