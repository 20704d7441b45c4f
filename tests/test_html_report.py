"""`factcheck report --format html`: one self-contained file, opened in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from tests.conftest import ROOT
from tests.helpers import TWO_SOURCES

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

HOSTILE = TWO_SOURCES + """\
subjects:
  - {id: city, title: "City <img src=x onerror=alert(1)>", kind: constant}
claims:
  - subject: city
    source: a
    says: Astana
    quote: "<script>document.title='pwned'</script> in Astana [red]x[/] | *b*"
  - {subject: city, source: b, says: Almaty, quote: "ad Almaty"}
"""


class _Text(HTMLParser):
    """The text a reader sees and the elements the browser built."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _rendered(path: Path) -> _Text:
    assert CHROMIUM is not None
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--user-data-dir=" + str(path.parent / "chromium-profile"), "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    parser = _Text()
    parser.feed(dom.stdout)
    return parser


def test_html_is_self_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["report", "-o", str(out)]).exit_code == 0  # format from the suffix
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.replace('href="https://', "")), "fetches something"
    assert "<script" not in html and "<link" not in html
    assert "<svg" in html  # the evolving subject's chart, inline


def test_golden_html(monkeypatch: pytest.MonkeyPatch, snapshot) -> None:  # type: ignore[no-untyped-def]
    from tests.test_goldens import TextGolden

    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["report", "--format", "html"])
    assert result.stdout == snapshot.use_extension(TextGolden)


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium package (apt-get install chromium)")
def test_chromium_renders_the_same_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["report", "--format", "html", "-o", str(out)]).exit_code == 0
    page = _rendered(out)
    text = " ".join(" ".join(page.text).split())
    assert "Discrepancy report: claims.yaml" in text
    assert "Likely error: akorda-2025-09-29 “last January”" in text
    assert "Accepted discrepancies: known, explained, not failing" in text
    assert "Italy has invested up to $7.6 billion in our economy." in text
    assert "svg" in page.tags and "rect" in page.tags


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium package (apt-get install chromium)")
def test_chromium_shows_hostile_text_as_text(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(claims), "-o", str(out)]).exit_code == 0
    page = _rendered(out)
    text = " ".join(page.text)
    assert "<script>document.title='pwned'</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "script" not in page.tags and "img" not in page.tags
