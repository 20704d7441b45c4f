"""The bad-input suite: one case per kind of bad input, each with its exact expected behaviour.

Either a clear `file:line:col` error and exit 2, or a safe run (exit 0/1) in which nothing is
dropped and text from the file is printed literally or escaped. Never a traceback. The same
cases are listed, with what happens, in docs/security.md (a test checks every case is there).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from tests.conftest import ROOT
from tests.hostile_cases import CASES as HOSTILE
from tests.hostile_cases import HEAD, Hostile
from tests.hostile_cases import TWO as GOOD

runner = CliRunner()


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


# --- The hostile-input table (issue 16): tests/hostile_cases.py -----------------------------


#: Every hostile case finishes within this (the quadratic paths took 33 s and 458 s).
SECONDS_PER_CASE = 30


def _snapshot(folder: Path) -> dict[str, tuple[object, ...]]:
    """Every entry below `folder` (links not followed): its kind, content hash, mode, target."""
    out: dict[str, tuple[object, ...]] = {}
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(root) / name
            info = os.lstat(path)
            rel = path.relative_to(folder).as_posix()
            if stat.S_ISLNK(info.st_mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                out[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mode & 0o7777)
            else:
                out[rel] = ("other", stat.S_IFMT(info.st_mode))
    return out


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_hostile_input(case: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exact exit code and message positions, no traceback, secrets never printed, nothing
    lost (a file that loads reports every claim), nothing written but the command's file."""
    from factcheck.read import places

    folder = tmp_path / "w"
    folder.mkdir()
    monkeypatch.chdir(folder)
    for key, value in case.env.items():
        monkeypatch.setenv(key, value.format(tmp=folder))
    try:
        case.setup(folder)
        before = _snapshot(folder)
        started = time.monotonic()
        result = runner.invoke(app, list(case.args), input=case.stdin)
        elapsed = time.monotonic() - started
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output[-3000:]
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == case.exit_code, output[-3000:]
        for fragment in case.expect:
            assert fragment in output, (fragment, output[-3000:])
        for fragment in case.never:
            assert fragment not in output, (fragment, output[-3000:])
        assert elapsed < SECONDS_PER_CASE, f"{elapsed:.1f} s"
        after = _snapshot(folder)
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        unexpected = {k for k in changed if not any(k == w or k.startswith(w + "/") for w in case.writes)}
        assert not unexpected, f"written: {sorted(unexpected)}"
        if case.check is not None:
            case.check(folder, result.stdout)
        if case.claims is not None:
            loaded = runner.invoke(app, ["report", *case.claims_of, "--format", "json"])
            assert loaded.exit_code == 0, loaded.output[-2000:]
            data = json.loads(loaded.stdout)
            assert data["counts"]["claims"] == case.claims
            assert sum(len(s["claims"]) for s in data["subjects"]) == case.claims
    finally:
        places._memory.clear()
        places._disk_cache.cache_clear()


def test_the_suite_has_at_least_150_cases() -> None:
    assert len(CASES) + len(HOSTILE) >= 150
    assert len({c.id for c in HOSTILE}) == len(HOSTILE), "case names are unique"


def test_every_hostile_family_is_promised_in_security_md() -> None:
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    for family in sorted({c.family for c in HOSTILE}):
        assert f"`T[{family}-" in doc, f"docs/security.md names no test of family {family}"


# --- What a table row cannot show: processes, signals, encodings ---------------------------


def _factcheck(*args: str, cwd: Path, env: dict[str, str] | None = None) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_eight_concurrent_accepts_all_survive(tmp_path: Path) -> None:
    """Eight `accept`s at once on one file: each waits for the lock, none is lost."""
    import subprocess
    import sys

    subjects = "".join(f"  - {{id: s{i}, title: S, kind: constant}}\n" for i in range(8))
    claims = "".join(f"  - {{subject: s{i}, source: a, says: Astana, quote: q}}\n  - {{subject: s{i}, source: b, says: Almaty, quote: q}}\n"
                     for i in range(8))
    path = tmp_path / "claims.yaml"
    path.write_text(HEAD.split("subjects:")[0] + "subjects:\n" + subjects + "claims:\n" + claims, encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-m", "factcheck", "accept", f"s{i}", "claims.yaml", "-r", f"reason {i}"],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(8)]
    results = [(r.wait(timeout=120), r.stderr.read()) for r in runs]
    assert all(code == 0 for code, _ in results), results
    text = path.read_text(encoding="utf-8")
    assert all(f"accepted: reason {i}" in text for i in range(8)), text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml"]  # no temporary file left


@pytest.mark.parametrize("when", ["write", "rename"])
def test_an_interrupted_write_leaves_the_file_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    from factcheck import files

    target = tmp_path / "out.md"
    target.write_text("old\n", encoding="utf-8")

    def interrupt(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace" if when == "rename" else "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        files.atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A SIGTERM while the new file is written: the old file stays, the temporary one goes."""
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from factcheck import files\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(fd)\n"
        "files.os.fsync = slow\n"
        "files.atomic_write(Path(sys.argv[1]), 'new\\n')\n"
    )
    import subprocess
    import sys

    (tmp_path / "out.md").write_text("old\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out.md")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 128 + 15, result.stderr
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_temporary_names_are_unpredictable_and_exclusive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary file is made by mkstemp (O_EXCL, a random name) in the target's folder."""
    import tempfile

    from factcheck import files

    made: list[str] = []
    real = tempfile.mkstemp

    def spy(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)  # type: ignore[arg-type]
        made.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    for _ in range(2):
        files.atomic_write(tmp_path / "out.md", "x")
    assert len(made) == 2 and made[0] != made[1]
    assert all(Path(m).parent == tmp_path and f".{os.getpid()}" not in m for m in made)


@pytest.mark.parametrize("command", [("report",), ("check",), ("report", "--format", "markdown")])
def test_an_ascii_terminal_gets_escapes_not_a_traceback(tmp_path: Path, command: tuple[str, ...]) -> None:
    (tmp_path / "claims.yaml").write_text(
        HEAD.replace("title: S,", "title: Città “S”,") + "  - {subject: s, source: a, says: Astana, quote: «in Astana»}\n"
        "  - {subject: s, source: b, says: Almaty, quote: в Алматы}\n", encoding="utf-8")
    result = _factcheck(*command, "claims.yaml", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == (1 if command == ("check",) else 0), result.stderr
    assert "\\u201c" in result.stdout or "\\xe0" in result.stdout or "\\u2717" in result.stdout, result.stdout


def test_an_ascii_terminal_gets_escaped_errors(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text(HEAD + "  - {subject: s, source: ä, says: Astana, quote: q}\n", encoding="utf-8")
    result = _factcheck("check", "claims.yaml", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "claims.yaml:8:26: unknown source " in result.stderr, result.stderr


def test_the_docs_of_a_device_claims_file_and_a_pipe(tmp_path: Path) -> None:
    """A pipe is read up to the file limit, then refused; never read without bound."""
    import subprocess
    import sys

    result = subprocess.run(
        f"{sys.executable} -m factcheck check <(yes '# filler line') ",
        shell=True, executable="/bin/bash", cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "FACTCHECK_MAX_FILE_MB": "1"},
    )
    assert result.returncode == 2, result.stderr
    assert ":1:1: the file is over the limit of 1 MB" in result.stderr, result.stderr


def test_every_test_security_md_names_exists() -> None:
    """docs/security.md proves each promise by naming tests: every name must be a real one."""
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    hostile = {c.id for c in HOSTILE}
    table = {c.name for c in CASES}
    missing = [f"T[{n}]" for n in re.findall(r"`T\[(.+?)\]`", doc) if n not in hostile and n != "..."]
    missing += [f"B[{n}]" for n in re.findall(r"`B\[(.+?)\]`", doc) if n not in table and n != "..."]
    for path, name in re.findall(r"`(tests/[\w/]+\.py)::(\w+)", doc):
        if f"def {name}(" not in (ROOT / path).read_text(encoding="utf-8"):
            missing.append(f"{path}::{name}")
    for name in re.findall(r"`::(test_\w+)", doc):  # `::name` after a named file: any test file
        if not any(f"def {name}(" in p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py")):
            missing.append(name)
    assert not missing, f"docs/security.md names tests that do not exist: {missing}"
