"""Golden files for every output format of the showcase claims.yaml.

Goldens live in __snapshots__/ as plain files (syrupy's single-file extension) so that a diff
reads like the output itself. They change only on purpose: `pytest --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from factcheck.api import check_file
from factcheck.formatters import CheckFormat, ReportFormat, render_check, render_report
from factcheck.report.records import to_dict

ROOT = Path(__file__).resolve().parent.parent


class TextGolden(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class MarkdownGolden(TextGolden):
    file_extension = "md"


class JsonGolden(TextGolden):
    file_extension = "json"


@pytest.fixture
def records(monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.chdir(ROOT)
    return to_dict(check_file("claims.yaml"))


def test_table(records: dict, snapshot) -> None:  # type: ignore[no-untyped-def]
    assert render_report(ReportFormat.TABLE, records, width=140) == snapshot.use_extension(TextGolden)


def test_table_in_colour(records: dict, snapshot) -> None:  # type: ignore[no-untyped-def]
    out = render_report(ReportFormat.TABLE, records, width=140, color=True)
    assert "\x1b[1;31m✗ conflicting" in out  # red, and still a word with a symbol
    assert out == snapshot.use_extension(TextGolden)


def test_markdown(records: dict, snapshot) -> None:  # type: ignore[no-untyped-def]
    assert render_report(ReportFormat.MARKDOWN, records) == snapshot.use_extension(MarkdownGolden)


def test_json(records: dict, snapshot) -> None:  # type: ignore[no-untyped-def]
    assert render_report(ReportFormat.JSON, records) == snapshot.use_extension(JsonGolden)


def test_check_text(records: dict, snapshot) -> None:  # type: ignore[no-untyped-def]
    assert render_check(CheckFormat.TEXT, records) == snapshot.use_extension(TextGolden)


def test_same_input_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    outputs = set()
    for _ in range(3):
        records = to_dict(check_file("claims.yaml"))
        outputs.add(tuple(render_report(f, records, width=100) for f in ReportFormat))
    assert len(outputs) == 1


def test_large_json_is_compact_and_still_the_same_json(tmp_path: Path) -> None:
    import json
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    path = tmp_path / "big.yaml"
    path.write_text(generate(2500), encoding="utf-8")
    records = to_dict(check_file(path))
    text = render_report(ReportFormat.JSON, records)
    # an item of a list a line (each subject, each problem), the other keys a line each
    expected = 2 + sum(len(v) + 2 if isinstance(v, list) and v else 1 for v in records.values())
    assert text.count("\n") == expected and records["problems"]
    assert json.loads(text) == json.loads(json.dumps(records))
    assert list(json.loads(text)) == list(records)  # same key order as the indented form
