"""A figure with no currency word on a subject in a currency is read in that currency (SPEC §1:
claims are read as the subject says), and the subject's `reading` says so (first new-user trial:
'300 milioni' on a transfer fee in EUR was an incomparable plain number)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app

runner = CliRunner()


def _subject(tmp_path: Path, unit: str, claims: list[tuple[str, str]]) -> dict:  # type: ignore[type-arg]
    lines = ["version: 1", "sources:"]
    lines += [f"  - {{id: {lang}, title: {lang}, published: 2023-06-08, language: {lang}}}" for lang in ("en", "it", "ru")]
    lines += ["subjects:", f"  - {{id: fee, title: Fee, kind: constant, unit: {unit}}}", "claims:"]
    lines += [f"  - {{subject: fee, source: {lang}, says: \"{says}\", quote: q}}" for lang, says in claims]
    path = tmp_path / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [subject] = json.loads(runner.invoke(app, ["report", "-f", "json", "--no-config", str(path)]).stdout)["subjects"]
    return subject  # type: ignore[no-any-return]


@pytest.mark.parametrize(("lang", "says"), [("en", "300 million"), ("it", "300 milioni"), ("ru", "300 млн")])
def test_a_bare_figure_is_read_in_the_subjects_currency(tmp_path: Path, lang: str, says: str) -> None:
    subject = _subject(tmp_path, "EUR", [(lang, says), ("it" if lang == "en" else "en", "€300m")])
    assert subject["verdict"] == "consistent" and subject["judged"] == 2
    value = subject["claims"][0]["value"] if subject["claims"][0]["says"] == says else subject["claims"][1]["value"]
    assert (value["kind"], value["unit"], value["lower"]) == ("amount", "EUR", 285_000_000)
    assert subject["reading"] == f"Read in EUR, the subject's currency: “{says}” gives no currency."


def test_a_bare_figure_in_the_wrong_range_still_conflicts(tmp_path: Path) -> None:
    """The reading is said, never silent: a bare figure that meant another currency shows up."""
    subject = _subject(tmp_path, "USD", [("it", "14,51 miliardi"), ("en", "$16.2 billion")])
    assert subject["verdict"] == "conflicting"
    assert "gives no currency" in subject["reading"]


def test_only_plain_numbers_change(tmp_path: Path) -> None:
    subject = _subject(tmp_path, "EUR", [("en", "12%"), ("it", "300 milioni di dollari")])
    kinds = sorted((c["value"] or {}).get("unit") or c["status"] for c in subject["claims"])
    assert kinds == ["USD", "incomparable"] and subject["reading"] is None


def test_a_count_subject_is_unchanged(tmp_path: Path) -> None:
    subject = _subject(tmp_path, "count", [("it", "300 milioni")])
    assert subject["claims"][0]["value"]["kind"] == "number" and subject["reading"] is None
