"""The bad-input suite: one case per kind of bad input, each with its exact expected behaviour.

Either a clear `file:line:col` error and exit 2, or a safe run (exit 0/1) in which nothing is
dropped and text from the file is printed literally or escaped. Never a traceback. The same
cases are listed, with what happens, in docs/security.md (a test checks every case is there).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import ROOT

runner = CliRunner()

HEAD = """\
version: 1
sources:
  - {id: a, title: A, published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-10-01, language: en}
subjects:
  - {id: s, title: S, kind: constant}
claims:
"""
GOOD = HEAD + """\
  - {subject: s, source: a, says: Astana, quote: in Astana}
  - {subject: s, source: b, says: Astana, quote: in Astana}
"""


def claim(says: str, quote: str = "q") -> str:
    return HEAD + f"  - {{subject: s, source: a, says: {json.dumps(says)}, quote: {json.dumps(quote)}}}\n"


@dataclass(frozen=True)
class Case:
    name: str  # as listed in docs/security.md
    make: Callable[[Path], Path]
    exit_code: int
    expect: tuple[str, ...]  # fragments of the output (stdout + stderr), `{f}` for the file name
    command: tuple[str, ...] = ("check",)


def text(content: str | bytes, name: str = "claims.yaml") -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def sparse(size: int) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / "claims.yaml"
        with path.open("wb") as f:
            f.truncate(size)
        return path

    return make


BOMB = "version: 1\n" + "\n".join(
    [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" if i else "l0: &l0 [lol]" for i in range(12)]
) + "\n"

CASES = [
    Case("alias bomb (billion laughs)", text(BOMB), 2, ("{f}:",)),
    Case("very deep nesting", text("a: " + "[" * 5000 + "]" * 5000 + "\n"), 2, ("{f}:1:", "invalid YAML")),
    Case("200 MB file", sparse(200 * 2**20), 2, ("{f}:1:1: the file is 200 MB, over the limit of 100 MB",)),
    Case("invalid UTF-8", text(GOOD.encode() + b"  # \xff\xfe\n"), 2, ("{f}:10:5: not UTF-8 text (byte 0xff)",)),
    Case("byte-order mark", text(b"\xef\xbb\xbf" + GOOD.encode()), 0, ("No problems: 1 subject, 2 claims checked.",)),
    Case("tabs for indentation", text("version: 1\nsources:\n\t- id: a\n"), 2, ("{f}:3:1: invalid YAML",)),
    Case("duplicate keys", text(GOOD.replace("title: S,", "title: S, title: T,")), 2,
         ("{f}:6:", "duplicate key 'title' (first defined at line 6)")),
    Case("wrong types", text(GOOD.replace("published: 2025-09-29", "published: [1]")), 2,
         ("{f}:3:34: sources.0.published: Input should be a valid date",)),
    Case("unknown keys", text(GOOD.replace("kind: constant", "kind: constant, colour: red")), 2,
         ("{f}:6:39: unknown key 'colour'",)),
    Case("empty file", text(""), 2, ("{f}:1:1: empty file",)),
    Case("a file that is a list", text("- a\n- b\n"), 2, ("{f}:1:1: expected a mapping", "found a list")),
    Case("a file that is a string", text("just words\n"), 2, ("{f}:1:1: expected a mapping", "found text")),
    Case("unknown ids", text(GOOD.replace("source: b", "source: c")), 2, ("{f}:9:26: unknown source 'c'",)),
    Case("1e400 as a number", text(GOOD.replace("version: 1", "version: 1e400")), 2, ("{f}:1:10: version:",)),
    Case("NaN", text(GOOD + "rates:\n  - {pair: EUR/USD, rate: .nan, on: 2025-01-01}\n"), 2,
         ("{f}:11:27: rates.0.rate: Input should be a finite number",)),
    Case("-inf", text(GOOD + "tolerances: {about: -.inf}\n"), 2, ("{f}:10:21: tolerances.about: Input should be a finite number",)),
    Case("400-digit integer", text(GOOD.replace("version: 1", "version: " + "9" * 400)), 2,
         ("{f}:1:10: version:",)),
    Case("400-digit figure in says", text(claim("9" * 400)), 1, ("unreadable claim on s (a):", "too large")),
    Case("1e400 in says", text(claim("$1e400")), 1, ("unreadable claim on s (a):",)),
    Case("NaN in says", text(claim("NaN")), 1, ("unreadable claim on s (a):",)),
    Case("100,000-character says", text(claim("9" * 100_000)), 1,
         ("{f}:8:35: unreadable claim on s (a): a figure is at most 500 characters; this one has 100000",)),
    Case("impossible date 2025-02-30", text(GOOD.replace("published: 2025-09-29", "published: 2025-02-30")), 2,
         ("{f}:3:34: sources.0.published:", "day value is outside expected range")),
    Case("impossible date in says", text(claim("30 February 2025")), 1,
         ("unreadable claim on s (a):", "there is no day 30 in February 2025")),
    Case("rich markup in text", text(claim("[red]x[/]", "[bold]q[/bold]")), 1, ("“[red]x[/]”",), ("report",)),
    Case("terminal escape sequences", text(claim("\x1b[31mred", "\x1b]0;title\x07")), 1,
         ("\\x1b[31mred",), ("report",)),
    Case("markdown table breakers", text(claim("a | b\nc", "| x |\n# h")), 0, ("a \\| b c",),
         ("report", "--format", "markdown")),
    Case("HTML in text", text(claim("<script>x</script>", "<img src=x onerror=1>")), 0,
         ("&lt;script&gt;x&lt;/script&gt;", "&lt;img src=x onerror=1&gt;"), ("report", "--format", "html")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = case.make(tmp_path)
    result = runner.invoke(app, [*case.command, path.name])
    output = result.stdout + result.stderr
    assert "Traceback" not in output and result.exception is None or isinstance(result.exception, SystemExit), output
    if case.command[0] == "report" and result.exit_code == 1:
        pytest.fail("report never exits 1")
    expected = case.exit_code if case.command[0] == "check" else 0
    assert result.exit_code == expected, output[-3000:]
    for fragment in case.expect:
        assert fragment.format(f=path.name) in output, output[-3000:]
    if result.exit_code == 2:
        assert re.search(rf"^{re.escape(path.name)}:\d+:\d+: ", result.stderr, re.M), result.stderr
    if case.command[0] == "report" and case.command[-1] not in ("markdown", "html"):
        assert "\x1b" not in result.stdout  # no escape sequence reaches the terminal


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_nothing_is_dropped(case: Case, tmp_path: Path) -> None:
    """A file that loads reports every claim: judged or with its problem."""
    path = case.make(tmp_path)
    result = runner.invoke(app, ["report", str(path), "--format", "json"])
    if result.exit_code == 2:
        return
    data = json.loads(result.stdout)
    claims = [c for s in data["subjects"] for c in s["claims"]]
    assert data["counts"]["claims"] == len(claims)
    assert all(c["status"] == "judged" or c.get("error") for c in claims)


def test_every_case_is_listed_in_security_md() -> None:
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    missing = [c.name for c in CASES if f"| {c.name} |" not in doc]
    assert not missing, f"docs/security.md does not list: {missing}"
