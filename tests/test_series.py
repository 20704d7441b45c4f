"""The series of an evolving subject: runs of agreeing claims in time order, where a claim that
fits both an older and a newer run joins the one closer in time (second new-user trial: the
ECB's deposit rate was shown at 3.5% from the June meeting onwards)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli.app import app

runner = CliRunner()
HEAD = """\
version: 1
sources:
  - {id: ecb, title: ECB, published: "2024-06-06T12:15Z", language: en}
  - {id: reu, title: Reuters, published: "2024-06-06T12:40Z", language: en}
  - {id: ecb2, title: ECB, published: 2024-09-12, language: en}
  - {id: old, title: Old, published: 2017-08-21, language: en}
  - {id: new, title: New, published: 2025-12-10, language: en}
  - {id: mid, title: Mid, published: 2025-09-29, language: en}
"""


def _series(tmp_path: Path, body: str) -> list[tuple[str, list[int]]]:
    path = tmp_path / "claims.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    [subject] = json.loads(runner.invoke(app, ["report", "-f", "json", "--no-config", str(path)]).stdout)["subjects"]
    assert subject["verdict"] == "evolving"
    return [(p["figure"], p["claims"]) for p in subject["reconciliation"]["series"]]


def test_an_open_claim_minutes_after_a_figure_joins_it_not_a_later_one(tmp_path: Path) -> None:
    series = _series(tmp_path, """\
subjects:
  - {id: rate, title: Deposit rate, kind: level, unit: percent}
claims:
  - {subject: rate, source: ecb, says: "3.75%", quote: q}
  - {subject: rate, source: reu, says: "up to 3.75%", quote: q}
  - {subject: rate, source: ecb2, says: "3.5%", quote: q}
""")
    assert [claims for _, claims in series] == [[0, 1], [2]]
    assert series[1][0] == "3.5%"


def test_an_open_claim_days_before_a_figure_joins_it_not_one_years_older(tmp_path: Path) -> None:
    series = _series(tmp_path, """\
subjects:
  - {id: invest, title: Investment, kind: cumulative, unit: USD}
claims:
  - {subject: invest, source: old, says: "about $6 billion", quote: q}
  - {subject: invest, source: mid, says: "up to $7.6 billion", quote: q}
  - {subject: invest, source: new, says: "$7.2-8 billion", quote: q}
""")
    assert [claims for _, claims in series] == [[0], [1, 2]]
