"""Several claims files as one set: shared sources and subjects, errors in the right file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app

runner = CliRunner()

SOURCES = textwrap.dedent("""\
    version: 1
    sources:
      - {id: akorda, title: Akorda, published: 2025-09-29, language: en}
      - {id: italpress, title: Italpress, published: 2025-12-10, language: it}
    """)
CITY = textwrap.dedent("""\
    version: 1
    subjects:
      - {id: city, title: City, kind: constant}
    claims:
      - {subject: city, source: akorda, says: Astana, quote: in Astana}
      - {subject: city, source: italpress, says: Almaty, quote: ad Almaty}
    """)
TRADE = textwrap.dedent("""\
    version: 1
    subjects:
      - {id: trade, title: Trade, kind: flow, unit: USD}
    claims:
      - {subject: trade, source: akorda, says: $11.3 billion, quote: x, period: "2025"}
      - {subject: city, source: italpress, says: a Roma, quote: a Roma}
    """)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "claims"
    d.mkdir()
    (d / "a-sources.yaml").write_text(SOURCES, encoding="utf-8")
    (d / "city.yaml").write_text(CITY, encoding="utf-8")
    (d / "notes.txt").write_text("not a claims file", encoding="utf-8")
    return d


def test_a_folder_is_one_set_and_findings_name_their_file(folder: Path) -> None:
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 1, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith(str(folder / "city.yaml") + ":6:") and "FC101 conflicting city" in first


def test_files_given_one_by_one_share_ids_too(folder: Path) -> None:
    (folder / "trade.yaml").write_text(TRADE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(folder / "a-sources.yaml"), str(folder / "city.yaml"), str(folder / "trade.yaml")])
    assert result.exit_code == 1
    assert "2 subjects, 4 claims checked" in result.stdout
    # A subject of one file gets claims from another: Rome joins Astana and Almaty.
    report = runner.invoke(app, ["report", str(folder), "--format", "json"])
    import json

    city = next(s for s in json.loads(report.stdout)["subjects"] if s["id"] == "city")
    assert sorted(c["says"] for c in city["claims"]) == ["Almaty", "Astana", "a Roma"]


def test_errors_in_several_files_are_reported_at_once_in_their_files(folder: Path) -> None:
    (folder / "city.yaml").write_text(CITY.replace("source: italpress", "source: italpres"), encoding="utf-8")
    (folder / "trade.yaml").write_text(TRADE.replace("{id: trade", "{id: city"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 2
    err = result.stderr
    assert f"{folder / 'city.yaml'}:6:" in err and "unknown source 'italpres' (did you mean 'italpress'?)" in err
    assert f"{folder / 'trade.yaml'}:3:" in err and "duplicate subject id 'city' (first defined in" in err


def test_a_file_alone_does_not_know_the_others_ids(folder: Path) -> None:
    result = runner.invoke(app, ["check", str(folder / "city.yaml")])
    assert result.exit_code == 2
    assert "unknown source 'akorda'" in result.stderr


def test_tolerances_may_be_set_in_one_file_of_a_set(folder: Path) -> None:
    (folder / "a-sources.yaml").write_text(SOURCES + "tolerances: {about: 0.2}\n", encoding="utf-8")
    assert runner.invoke(app, ["check", str(folder)]).exit_code == 1
    (folder / "city.yaml").write_text(CITY + "tolerances: {about: 0.3}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 2
    assert "tolerances: already set in" in result.stderr


def test_an_empty_folder_is_unusable(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "a folder with no .yaml, .yml or .jsonl files" in result.stderr
