"""Faithful display (issue: reports show figures nobody wrote): an exact figure is shown as
written, a count never as N-0.5..N+0.5, and an attribution names the publication date beside
the time the figure holds when the two differ."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli.app import app

runner = CliRunner()

CLAIMS = """\
version: 1
sources:
  - {id: census, title: Census bureau, published: 2009-01-01, language: en}
  - {id: editor, title: An editor, published: "2009-03-02T14:30+01:00", language: en}
subjects:
  - {id: akron, title: Population of Akron, kind: level}
claims:
  - {subject: akron, source: census, says: "217074", quote: "217074", as_of: "2000"}
  - {subject: akron, source: editor, says: "217,174", quote: "217,174", as_of: "2000"}
"""


def _report(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "claims.yaml"
    path.write_text(CLAIMS, encoding="utf-8")
    result = runner.invoke(app, ["report", str(path), *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_an_exact_count_is_shown_as_written_in_reasons_and_figures(tmp_path: Path) -> None:
    data = json.loads(_report(tmp_path, "--format", "json"))
    subject = data["subjects"][0]
    assert subject["verdict"] == "conflicting"  # the same census year, 217,074 against 217,100
    assert "“217074” (217,074, 2000)" in subject["reason"]
    assert "217,073.5" not in subject["reason"] and "“217,174” (217,174, 2000)" in subject["reason"]
    assert [c["figure"] for c in subject["claims"]] == ["217,074", "217,174"]


def test_publication_and_as_of_are_both_shown_where_they_differ(tmp_path: Path) -> None:
    markdown = _report(tmp_path, "--format", "markdown")
    assert "> — census: *Census bureau*, published 2009-01-01, as of 2000" in markdown
    assert "published 2009-03-02T14:30+01:00, as of 2000" in markdown
    html = _report(tmp_path, "--format", "html")
    assert "published 2009-01-01, as of 2000</p>" in html
    table = _report(tmp_path)
    assert "census · published 2009-01-01, as of 2000" in table
    data = json.loads(_report(tmp_path, "--format", "json"))
    assert [c["published"] for c in data["subjects"][0]["claims"]] == ["2009-01-01", "2009-03-02T14:30+01:00"]


def test_the_time_alone_when_it_is_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(CLAIMS.replace(', as_of: "2000"', ""), encoding="utf-8")
    result = runner.invoke(app, ["report", str(path), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    markdown = result.stdout
    assert "> — census: *Census bureau*, 2009-01-01\n" in markdown
    assert "as of" not in markdown


def test_every_figure_of_a_subject_is_shown_in_one_unit(tmp_path: Path) -> None:
    """A depth of 800 m beside one of 17.9 km reads as 0.8 km in the figures column (the reason
    keeps each figure as its source wrote it)."""
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\nsources:\n"
        "  - {id: usgs, title: USGS, published: 2023-02-06, language: en}\n"
        "  - {id: ingv, title: INGV, published: 2023-02-06, language: it}\n"
        "  - {id: gs, title: GS RAS, published: 2023-02-06, language: ru}\n"
        "subjects:\n  - {id: depth, title: Depth, kind: constant, unit: kilometer}\n"
        "claims:\n"
        '  - {subject: depth, source: usgs, says: "17.9 km", quote: q}\n'
        '  - {subject: depth, source: ingv, says: "800 metri", quote: q}\n'
        '  - {subject: depth, source: gs, says: "900 метров", quote: q}\n',
        encoding="utf-8",
    )
    data = json.loads(runner.invoke(app, ["report", str(path), "--format", "json"]).stdout)
    assert [c["figure"] for c in data["subjects"][0]["claims"]] == ["17.9 km", "0.8 km", "0.9 km"]
    assert "“800 metri” (800 m," in data["subjects"][0]["reason"]


def test_temperatures_are_shown_in_degrees_not_pint_names(tmp_path: Path) -> None:
    """`41,8 gradi` and `42,9 градуса` show as 41.8 °C and 42.9 °C, never `degree_Celsius`."""
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\nsources:\n"
        "  - {id: ansa, title: ANSA, published: 2023-07-18, language: it}\n"
        "  - {id: ria, title: RIA, published: 2023-07-18, language: ru}\n"
        "subjects:\n  - {id: peak, title: Peak, kind: constant, unit: degree_Celsius}\n"
        "claims:\n"
        '  - {subject: peak, source: ansa, says: "41,8 gradi", quote: q}\n'
        '  - {subject: peak, source: ria, says: "42,9 градуса", quote: q}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["report", str(path), "--format", "json"])
    data = json.loads(result.stdout)
    assert [c["figure"] for c in data["subjects"][0]["claims"]] == ["41.8 °C", "42.9 °C"]
    assert "degree_Celsius" not in data["subjects"][0]["reason"]


def test_ends_nobody_wrote_are_shown_to_four_significant_digits() -> None:
    """A hedge's reach or a conversion (feet, acres, °F) is not a figure anyone wrote: its ends
    are shown to four significant digits, the whole part kept; written figures stay as written."""
    from factcheck.read import parse_value
    from factcheck.read.humanize import figure

    shown = {p: figure(parse_value(p, "en")) for p in (
        "about 3,900 feet", "about 49,000 acres", "nearly 50,000 acres", "about 107F", "8,848.86 metres", "217,074")}
    assert shown == {
        "about 3,900 feet": "1,070–1,308 m",
        "about 49,000 acres": "17,847–21,813 ha",
        "nearly 50,000 acres": "≥ 18,211 ha, < 20,234 ha",
        "about 107F": "38.67–44.67 °C",
        "8,848.86 metres": "8,848.86 m",
        "217,074": "217,074",
    }
