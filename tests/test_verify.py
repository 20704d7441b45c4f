"""`factcheck verify` and `check --verify`: each claim proved against its source document.

The issue's acceptance test is here: the repo's claims.yaml verifies against the five founding
documents, and corrupting a quote, a `says` and a figure in turn is each reported, by its own
check, on the right line of claims.yaml.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

QUOTE_76 = "Over the past 20 years, Italy has invested up to $7.6 billion in our economy."


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repo's claims.yaml and its sources/ folder."""
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    return tmp_path


def _line_of(path: Path, needle: str, after: int = 0) -> int:
    """1-based line of the first line at or after `after` containing `needle`."""
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if k >= after and needle in line:
            return k
    raise AssertionError(needle)


def _corrupt(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _verify(repo: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["verify", str(repo / "claims.yaml"), *args])
    return result.exit_code, result.output


def test_the_repo_claims_verify_against_the_five_founding_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["verify", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["documents"]) == 5
    assert data["counts"]["no-document"] == 0
    assert data["counts"]["exact"] == data["counts"]["claims"] == 48
    assert data["findings"] == []
    text = runner.invoke(app, ["verify"])
    assert text.exit_code == 0
    assert text.output == "No problems: 48 quotes verified against 5 documents: 48 exact.\n"


def test_a_corrupted_quote_is_not_found_on_its_quote_line(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, '"Around 250 Italian companies are operating in Kazakhstan"',
             '"Around 250 German firms are active across Kazakhstan today"')
    line = _line_of(claims, "Around 250 German firms")
    code, out = _verify(repo)
    assert code == 1
    assert f"claims.yaml:{line}:12: FV001 quote-not-found" in out
    # The closest passage is only 64% alike: not a real near-match, so it is not printed
    # (a quote that merely starts like a line of a file must never make verify print that line).
    assert "quote not found in sources/akorda-2025-09-29.txt\n" in out and "closest passage" not in out
    assert "Found 1 quote not found" in out


def test_a_corrupted_says_is_not_in_its_quote(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, 'says: "up to $7.6 billion"', 'says: "up to $7.9 billion"')
    line = _line_of(claims, 'says: "up to $7.9 billion"')
    code, out = _verify(repo)
    assert code == 1
    assert f"claims.yaml:{line}:11: FV003 says-not-in-quote italy-investment-cumulative (akorda-2025-09-29): says 'up to $7.9 billion' does not occur in the quote" in out


def test_a_figure_copied_wrong_into_both_says_and_quote_is_caught_against_the_document(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, f'says: "up to $7.6 billion"\n    quote: "{QUOTE_76}"',
             f'says: "up to $7.9 billion"\n    quote: "{QUOTE_76.replace("7.6", "7.9")}"')
    says_line = _line_of(claims, 'says: "up to $7.9 billion"')
    code, out = _verify(repo)
    assert code == 1
    assert (f"claims.yaml:{says_line}:11: FV005 figure-differs italy-investment-cumulative (akorda-2025-09-29): "
            "sources/akorda-2025-09-29.txt (line 13) has 'up to $7.6 billion', read as ≤ $7.6 bn, "
            "where the claim has 'up to $7.9 billion' (≤ $7.9 bn)") in out
    # The quote itself is near enough to be found: a warning on the quote line, not an error.
    assert f"claims.yaml:{says_line + 1}:12: FV002 quote-differs" in out
    assert "98.7% like sources/akorda-2025-09-29.txt (line 13)" in out


def test_a_million_copied_as_billion_is_caught(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, 'says: "about $6 billion"', 'says: "about $6 million"')
    _corrupt(claims, "amounted to about $6 billion.", "amounted to about $6 million.")
    code, out = _verify(repo)
    assert code == 1
    assert "FV005 figure-differs" in out
    assert "has 'about $6 billion', read as $5.4–6.6 bn, where the claim has 'about $6 million' ($5.4–6.6 mn)" in out


def test_says_that_drops_the_hedge_is_misread(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, 'says: "up to $7.6 billion"', 'says: "$7.6 billion"')
    line = _line_of(claims, 'says: "$7.6 billion"')
    code, out = _verify(repo)
    assert code == 1
    assert (f"claims.yaml:{line}:11: FV004 says-misread italy-investment-cumulative (akorda-2025-09-29): the quote's "
            "words 'up to $7.6 billion' read as ≤ $7.6 bn, but says '$7.6 billion' reads as $7.6 bn") in out


def test_typography_whitespace_and_case_do_not_count(repo: Path) -> None:
    claims = repo / "claims.yaml"
    # straight apostrophe for the document's curly one, doubled spaces, other case, a line break
    _corrupt(claims, '"Italy remains one of Kazakhstan’s top three trading partners."',
             '"ITALY remains  one of Kazakhstan\'s\\n top three trading partners."')
    _corrupt(claims, 'says: "one of Kazakhstan’s top three"', "says: \"one of kazakhstan's top three\"")
    code, out = _verify(repo, "--format", "json")
    assert code == 0, out
    assert json.loads(out)["counts"]["exact"] == 48


def test_min_similarity_decides_between_near_and_not_found(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, f'quote: "{QUOTE_76}"', f'quote: "{QUOTE_76.replace("our economy", "the economy")}"')
    code, out = _verify(repo)
    assert code == 0 and "FV002 quote-differs" in out and "1 near" in out
    code, out = _verify(repo, "--min-similarity", "99")
    assert code == 1 and "FV001 quote-not-found" in out
    code, out = _verify(repo, "--min-similarity", "101")
    assert code == 2 and "--min-similarity" in out


def test_check_verify_runs_both_in_one_pass(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, 'says: "up to $7.6 billion"', 'says: "up to $7.9 billion"')
    result = runner.invoke(app, ["check", str(claims), "--verify", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["subjects"] and data["verification"]["findings"][0]["rule"] == "FV003"
    plain = runner.invoke(app, ["check", str(claims)])
    assert "FV003" not in plain.output  # only with --verify


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit", "json", "text"])
def test_every_check_format_carries_the_verify_findings(repo: Path, fmt: str) -> None:
    _corrupt(repo / "claims.yaml", 'says: "up to $7.6 billion"', 'says: "up to $7.9 billion"')
    code, out = _verify(repo, "--format", fmt)
    assert code == 1
    assert "FV003" in out
    if fmt == "github":
        assert out.startswith("::error file=") and ",line=138," in out
    if fmt == "sarif":
        import jsonschema

        from tests.test_check_formats import _sarif_schema

        doc = json.loads(out)
        jsonschema.validate(doc, _sarif_schema())
        assert {r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]} >= {"FV001", "FV003", "FV005"}


def test_a_missing_or_unsafe_document_is_exit_2_on_its_path_line(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, "path: sources/akorda-2025-09-29.txt", "path: sources/nope.txt")
    _corrupt(claims, "path: sources/kazinform-2017-08-21.txt", "path: ../../etc/passwd")
    _corrupt(claims, "path: sources/gateway-article-2025.txt", "path: /etc/passwd")
    code, out = _verify(repo)
    assert code == 2
    lines = out.splitlines()
    assert any(f"claims.yaml:{_line_of(claims, 'sources/nope.txt')}:11: source 'akorda-2025-09-29': document sources/nope.txt not found" in ln for ln in lines)
    assert any(f"claims.yaml:{_line_of(claims, '../../etc/passwd')}:11:" in ln and "points outside the claims file's folder" in ln for ln in lines)
    assert any(f"claims.yaml:{_line_of(claims, 'path: /etc/passwd')}:11:" in ln and "is absolute" in ln for ln in lines)
    assert lines[-1] == "3 errors: the source documents cannot be used."
    assert "Traceback" not in out


def test_outside_paths_are_read_only_when_allowed(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.copy(repo / "sources" / "akorda-2025-09-29.txt", elsewhere / "akorda.txt")
    _corrupt(repo / "claims.yaml", "path: sources/akorda-2025-09-29.txt", f"path: {elsewhere / 'akorda.txt'}")
    assert _verify(repo)[0] == 2
    assert _verify(repo, "--allow-outside-paths")[0] == 0


def test_a_document_over_the_size_limit_is_refused(repo: Path) -> None:
    code, out = _verify(repo, "--max-document-mb", "0.005")
    assert code == 2
    assert "sources/c5-italy-declaration-2025-05-30.txt is 10.5 KB, over the 5.1 KB limit (--max-document-mb)" in out
    assert "akorda" not in out  # 2.8 KB: under the limit


def test_claims_without_a_document_are_counted_not_failed(repo: Path) -> None:
    claims = repo / "claims.yaml"
    _corrupt(claims, "    path: sources/akorda-2025-09-29.txt\n", "")
    code, out = _verify(repo)
    assert code == 0
    assert "claims without a document" in out


def test_the_same_input_gives_the_same_bytes(repo: Path) -> None:
    _corrupt(repo / "claims.yaml", 'says: "up to $7.6 billion"', 'says: "up to $7.9 billion"')
    assert _verify(repo, "-f", "sarif") == _verify(repo, "-f", "sarif")


def test_in_a_set_of_files_a_path_is_relative_to_the_file_that_declares_the_source(tmp_path: Path) -> None:
    (tmp_path / "lib" / "docs").mkdir(parents=True)
    (tmp_path / "lib" / "docs" / "a.txt").write_text("Italy has invested up to $7.6 billion in our economy.\n", encoding="utf-8")
    (tmp_path / "lib" / "sources.yaml").write_text(
        "version: 1\nsources:\n  - {id: a, title: A, published: 2025-09-29, language: en, path: docs/a.txt}\n", encoding="utf-8")
    (tmp_path / "topic.yaml").write_text(
        "version: 1\nsubjects:\n  - {id: inv, title: Investment, kind: cumulative}\n"
        "claims:\n  - {subject: inv, source: a, says: \"up to $7.6 billion\", quote: \"invested up to $7.6 billion\"}\n",
        encoding="utf-8")
    result = runner.invoke(app, ["verify", str(tmp_path / "lib" / "sources.yaml"), str(tmp_path / "topic.yaml")])
    assert result.exit_code == 0, result.output
    assert "1 quote verified against 1 document: 1 exact" in result.output
