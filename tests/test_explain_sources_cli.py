"""The commands `explain`, `sources` and `rules`, and accepted discrepancies and aliases seen
through `check` and `report`, on small claims files and (goldens) on the repo's claims.yaml."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.judge.rules import BUILTIN
from tests.conftest import ROOT
from tests.helpers import TWO_SOURCES

runner = CliRunner()


class TextGolden(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class JsonGolden(TextGolden):
    file_extension = "json"


def write(tmp_path: Path, body: str, header: str = TWO_SOURCES, name: str = "claims.yaml") -> Path:
    path = tmp_path / name
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "120")


# -- explain --------------------------------------------------------------------------------------

NUMBERS = """\
subjects:
  - {id: companies, title: Italian companies in Kazakhstan, kind: level}
  - {id: city, title: City, kind: constant}
claims:
  - {subject: companies, source: a, says: around 250, quote: around 250 companies}
  - {subject: companies, source: b, says: oltre 400, quote: oltre 400 aziende}
  - {subject: city, source: a, says: Astana, quote: in Astana}
  - {subject: city, source: b, says: Nur-Sultan, quote: a Nur-Sultan}
"""


def test_explain_gives_the_numbered_steps_and_a_timeline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", "companies", str(write(tmp_path, NUMBERS))])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("companies: Italian companies in Kazakhstan\n")
    steps = [line for line in out.splitlines() if re.match(r"\d\. ", line)]
    assert [s[:2] for s in steps] == ["1.", "2.", "3.", "4.", "5."]
    assert "1. The subject is level" in out
    assert "says   “around 250”" in out and "says   “oltre 400”" in out
    assert "reads  225–275  [[225, 275]]" in out
    assert "FC102 same-window-agreement" in out  # the rules for this kind...
    assert "FC101" not in out  # ...and only those
    assert re.search(r"- FC102 \(error\) at \S*claims\.yaml:\d+:\d+: ", out)
    assert "4. Verdict: conflicting." in out
    assert "No single likely error" in out
    timeline = out[out.index("5. Timeline"):].splitlines()[1:]
    rows = [line for line in timeline if "│" in line]
    assert len(rows) == 2 and rows[0].strip().startswith("2025-09-29 a") and rows[1].strip().startswith("2025-10-01 b")
    assert rows[1].rstrip().endswith("▶│ > 400")  # open-ended upwards
    assert "└" in timeline[-1] and "┘" in timeline[-1]


def test_explain_a_names_subject_has_no_timeline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", "city", str(write(tmp_path, NUMBERS))])
    assert result.exit_code == 0, result.output
    assert "4. Verdict: consistent." in result.stdout
    assert "name astana, inside kazakhstan" in result.stdout
    assert "Timeline" not in result.stdout and not re.search(r"^5\. ", result.stdout, re.MULTILINE)
    assert re.search(r"^4\. Verdict", result.stdout, re.MULTILINE)


def test_explain_an_unknown_subject_exits_2_with_the_closest_id(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", "compnies", str(write(tmp_path, NUMBERS))])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no subject 'compnies' (did you mean 'companies'?)" in result.stderr
    result = runner.invoke(app, ["explain", "zzzzzz", str(write(tmp_path, NUMBERS))])
    assert result.exit_code == 2 and "no subject 'zzzzzz'" in result.stderr and "did you mean" not in result.stderr


def test_explain_an_unusable_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("version: 1\nsources: [\n", encoding="utf-8")
    result = runner.invoke(app, ["explain", "companies", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


HOSTILE = """\
version: 1
sources:
  - {id: a, title: "[bold]A[/bold]", publisher: "[red]x[/]", published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-10-01, language: en}
subjects:
  - {id: s, title: "[red]x[/] \\x1b[31mred\\x1b[0m", kind: level}
claims:
  - {subject: s, source: a, says: "250", quote: "[link=http://evil]click[/link] \\x1b]8;;http://evil\\x07 \\u202e"}
  - {subject: s, source: b, says: "about 250", quote: "[red]x[/]"}
"""


def test_explain_prints_markup_literally_and_escapes_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = runner.invoke(app, ["explain", "s", str(path)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "s: [red]x[/] \\x1b[31mred\\x1b[0m" in out  # title: markup as text, escapes visible
    assert "a ([red]x[/]), en" in out  # publisher
    assert "“[link=http://evil]click[/link] \\x1b]8;;http://evil\\x07 \\u202e”" in out
    assert "“[red]x[/]”" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_sources_table_prints_markup_literally(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = runner.invoke(app, ["sources", str(path)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "[red]x[/]" in result.stdout and "\x1b" not in result.stdout


# -- sources --------------------------------------------------------------------------------------


def test_sources_json_has_the_documented_keys(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sources", str(write(tmp_path, NUMBERS)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["file", "sources", "copies"]
    assert data["file"].endswith("claims.yaml")
    assert [s["id"] for s in data["sources"]] == ["a", "b"]
    assert set(data["sources"][0]) == {
        "id", "title", "publisher", "published", "claims", "corroborated", "contradicted",
        "uncorroborated", "unjudged", "corroboration_rate", "copies_with", "trust", "copied", "tied",
        "copies_values_with",
    }
    a = data["sources"][0]
    assert (a["claims"], a["corroborated"], a["contradicted"], a["uncorroborated"]) == (2, 1, 1, 0)
    assert data["copies"] == []


def test_sources_table_lists_every_source(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sources", str(write(tmp_path, NUMBERS))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(re.match(r"\s+a\s+2025-09-29\s+2\s+[0-9.]+\s+1\s+1\s+0\s", line) for line in lines), result.stdout
    assert any(re.match(r"\s+b\s+2025-10-01\s+2\s+[0-9.]+\s+1\s+1\s+0\s", line) for line in lines), result.stdout
    assert "No probable copies" in result.stdout


def test_sources_shows_probable_copies(tmp_path: Path) -> None:
    quote = "Over the past two decades, Italian investments in Kazakhstan have surpassed $7 billion."
    path = write(tmp_path, f"""\
        subjects:
          - {{id: invest, title: Investment, kind: cumulative}}
        claims:
          - {{subject: invest, source: a, says: over $7 billion, quote: "{quote}"}}
          - {{subject: invest, source: b, says: oltre 7 miliardi di dollari, quote: "“{quote.upper()}”"}}
        """)
    result = runner.invoke(app, ["sources", str(path)])
    assert result.exit_code == 0, result.output
    assert "a ~ b: 1 claim pair(s) on invest, similarity" in result.stdout
    data = json.loads(runner.invoke(app, ["sources", str(path), "-f", "json"]).stdout)
    assert data["copies"][0]["sources"] == ["a", "b"] and data["copies"][0]["claims"] == [[0, 1]]
    assert data["sources"][0]["copies_with"] == ["b"]


def test_sources_bad_format_and_missing_file_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, NUMBERS)
    result = runner.invoke(app, ["sources", str(path), "--format", "xml"])
    assert result.exit_code == 2 and "--format: 'xml' is not one of table, json" in result.stderr
    result = runner.invoke(app, ["sources", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "file not found" in result.stderr


# -- rules ----------------------------------------------------------------------------------------


def test_rules_lists_every_built_in_rule(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    for rule in BUILTIN:
        assert re.search(rf"^{rule.id}\s+{re.escape(rule.name)}\s", result.stdout, re.MULTILINE), rule.id


def test_rules_markdown_is_docs_rules_md() -> None:
    result = runner.invoke(app, ["rules", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_rules_bad_format_exits_2() -> None:
    result = runner.invoke(app, ["rules", "--format", "html"])
    assert result.exit_code == 2 and "'html' is not one of table, markdown" in result.stderr


# -- goldens on the repo's claims.yaml ------------------------------------------------------------


def test_golden_explain_italy_investment_cumulative(at_root: None, snapshot) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["explain", "italy-investment-cumulative"])
    assert result.exit_code == 0, result.output
    assert result.stdout == snapshot.use_extension(TextGolden)


def test_golden_sources_table(at_root: None, snapshot) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["sources"])
    assert result.exit_code == 0, result.output
    assert result.stdout == snapshot.use_extension(TextGolden)


def test_golden_sources_json(at_root: None, snapshot) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["sources", "--format", "json"])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    assert result.stdout == snapshot.use_extension(JsonGolden)


def test_explain_of_the_showcase_names_the_likely_error(at_root: None) -> None:
    result = runner.invoke(app, ["explain", "tokayev-visit-to-italy"])
    assert result.exit_code == 0, result.output
    assert "Likely error: akorda-2025-09-29 “last January”" in result.stdout
    result = runner.invoke(app, ["explain", "italy-investment-cumulativ"])
    assert result.exit_code == 2
    assert "(did you mean 'italy-investment-cumulative'?)" in result.stderr


# -- accepted discrepancies -----------------------------------------------------------------------

ACCEPTED_SUBJECT = """\
subjects:
  - id: city
    title: City
    kind: constant
    accepted: "two institutions, to confirm"
claims:
  - {subject: city, source: a, says: Astana, quote: in Astana}
  - {subject: city, source: b, says: Almaty, quote: ad Almaty}
"""

ACCEPTED_CLAIM = """\
subjects:
  - {id: companies, title: Companies, kind: level}
claims:
  - {subject: companies, source: a, says: around 250, quote: around 250 companies}
  - subject: companies
    source: b
    says: oltre 400
    quote: oltre 400 aziende
    accepted: "b counts branches"
"""


@pytest.mark.parametrize(("body", "reason"), [(ACCEPTED_SUBJECT, "two institutions, to confirm"),
                                              (ACCEPTED_CLAIM, "b counts branches")])
def test_an_accepted_conflict_passes_check_and_stays_conflicting_in_json(tmp_path: Path, body: str, reason: str) -> None:
    path = write(tmp_path, body)
    unaccepted = write(tmp_path, re.sub(r"\n\s+accepted: .*", "", body), name="unaccepted.yaml")
    assert runner.invoke(app, ["check", str(unaccepted)]).exit_code == 1  # the premise
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "accepted" in result.stdout and "1 accepted conflict not failing" in result.stdout
    for command in (["check", str(path), "--format", "json"], ["report", str(path), "--format", "json"]):
        result = runner.invoke(app, command)
        data = json.loads(result.stdout)
        [subject] = data["subjects"]
        assert subject["verdict"] == "conflicting"
        assert subject["accepted"] is not None and reason in subject["accepted"]
        assert subject["stale_acceptances"] == []
        assert data["counts"]["accepted"] == 1


def test_the_markdown_report_has_an_accepted_discrepancies_section(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(write(tmp_path, ACCEPTED_SUBJECT)), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert any(h.startswith("## Accepted discrepancies") for h in headings), headings
    section = result.stdout[result.stdout.index("## Accepted discrepancies"):]
    assert "(`city`)" in section and "two institutions, to confirm" in section


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_stale_subject_acceptance_fails_check_at_the_accepted_line(tmp_path: Path) -> None:
    path = write(tmp_path, ACCEPTED_SUBJECT.replace("says: Almaty, quote: ad Almaty", "says: Nur-Sultan, quote: a Nur-Sultan"))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1, result.output
    line = _line_of(path, "accepted:")
    assert re.search(rf"claims\.yaml:{line}:\d+: FC900 ", result.stdout), result.stdout
    assert runner.invoke(app, ["check", str(path), "--ignore", "FC900"]).exit_code == 0
    data = json.loads(runner.invoke(app, ["report", str(path), "-f", "json"]).stdout)
    [stale] = data["subjects"][0]["stale_acceptances"]
    assert stale["rule"] == "FC900" and stale["location"].split(":")[1] == str(line)


def test_a_stale_claim_acceptance_fails_check_at_the_accepted_line(tmp_path: Path) -> None:
    path = write(tmp_path, ACCEPTED_CLAIM.replace("oltre 400", "oltre 240"))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1, result.output
    line = _line_of(path, "accepted:")
    assert re.search(rf"claims\.yaml:{line}:\d+: FC900 ", result.stdout), result.stdout


@pytest.mark.parametrize("where", ["subject", "claim"])
def test_an_empty_acceptance_reason_makes_the_file_unusable(tmp_path: Path, where: str) -> None:
    body = ACCEPTED_SUBJECT if where == "subject" else ACCEPTED_CLAIM
    path = write(tmp_path, re.sub(r'accepted: ".*"', 'accepted: ""', body))
    line = _line_of(path, "accepted:")
    for command in ("check", "report"):
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code == 2, result.output
        assert re.search(rf"claims\.yaml:{line}:\d+: .*accepted", result.stderr), result.stderr
        assert "Traceback" not in result.output


# -- aliases --------------------------------------------------------------------------------------

ROUTE = """\
subjects:
  - {id: route, title: Route, kind: constant}
claims:
  - {subject: route, source: a, says: TITR, quote: the TITR route}
  - {subject: route, source: b, says: TMTM, quote: la rotta TMTM}
"""


def test_aliases_make_two_acronyms_agree(tmp_path: Path) -> None:
    header = TWO_SOURCES + "aliases:\n  Trans-Caspian International Transport Route: [TITR, TMTM, Middle Corridor]\n"
    without = runner.invoke(app, ["check", str(write(tmp_path, ROUTE))])
    assert without.exit_code == 1  # the premise: two different names
    path = write(tmp_path, ROUTE, header)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(runner.invoke(app, ["report", str(path), "-f", "json"]).stdout)
    [subject] = data["subjects"]
    assert subject["verdict"] == "consistent"
    assert {c["value"]["category"] for c in subject["claims"]} == {"trans-caspian-international-transport-route"}
    assert [c["figure"] for c in subject["claims"]] == ["TITR", "TMTM"]  # still shown as written


def test_an_alias_of_a_place_takes_the_places_country(tmp_path: Path) -> None:
    header = TWO_SOURCES + "aliases:\n  Astana: [Kazcap]\n"
    body = ROUTE.replace("says: TITR", "says: Kazcap").replace("says: TMTM", "says: in Kazakistan")
    path = write(tmp_path, body, header)
    result = runner.invoke(app, ["report", str(path), "-f", "json"])
    [subject] = json.loads(result.stdout)["subjects"]
    assert subject["verdict"] == "consistent", subject["reason"]
    assert (subject["claims"][0]["value"]["category"], subject["claims"][0]["value"]["within"]) == ("astana", "kazakhstan")


def test_a_name_under_two_canonical_names_is_a_load_error_at_its_line(tmp_path: Path) -> None:
    header = TWO_SOURCES + textwrap.dedent("""\
        aliases:
          Trans-Caspian International Transport Route: [TITR, Middle Corridor]
          Middle Corridor Association: [MCA, titr]
        """)
    path = write(tmp_path, ROUTE, header)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2, result.output
    line = _line_of(path, "Middle Corridor Association")
    assert re.search(rf"claims\.yaml:{line}:\d+: 'titr' is already an alias of 'Trans-Caspian International "
                     "Transport Route'", result.stderr), result.stderr


# -- sources is read off the report's records (issue 19, item 6) ----------------------------------

TOLL = """\
subjects:
  - {id: toll, title: Deaths, kind: level}
claims:
  - {subject: toll, source: a, says: "41", quote: "41 people died."}
  - {subject: toll, source: b, says: "41", quote: "The toll stands at 41."}
"""


def test_sources_trust_is_the_reports_trust(tmp_path: Path) -> None:
    """One trust pass: the counts `sources` prints are those in `report`'s `trust`."""
    path = write(tmp_path, TOLL)
    report = json.loads(runner.invoke(app, ["report", "-f", "json", "--no-config", str(path)]).stdout)
    sources = json.loads(runner.invoke(app, ["sources", "-f", "json", "--no-config", str(path)]).stdout)
    for record in sources["sources"]:
        trust = report["trust"]["sources"][record["id"]]
        assert (record["trust"], record["corroborated"], record["contradicted"], record["uncorroborated"]) == (
            trust["trust"], trust["supported"], trust["contradicted"], trust["alone"])
    assert [r["corroborated"] for r in sources["sources"]] == [1, 1]


def test_window_days_reaches_the_reconciled_values(tmp_path: Path) -> None:
    """Two sources days apart (TWO_SOURCES) on a level: one time within the default window of
    90 days, two times when --window-days is shorter than the gap; `sources` follows."""
    path = write(tmp_path, TOLL)

    def times(*flags: str) -> tuple[list[str], list[int]]:
        report = json.loads(runner.invoke(app, ["report", "-f", "json", "--no-config", *flags, str(path)]).stdout)
        sources = json.loads(runner.invoke(app, ["sources", "-f", "json", "--no-config", *flags, str(path)]).stdout)
        points = report["subjects"][0]["reconciliation"]["reconciled"]
        return [p["time"] for p in points], [r["corroborated"] for r in sources["sources"]]

    together, corroborated = times()
    assert len(together) == 1 and corroborated == [1, 1]
    apart, corroborated = times("--window-days", "0")
    assert len(apart) == 2 and corroborated == [0, 0]


def test_sources_on_every_core_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    lines = ["subjects:"] + [f"  - {{id: s{i}, title: S{i}, kind: level}}" for i in range(40)] + ["claims:"]
    # every 7th subject disputed; every 5th quoted word for word by both (probable copies)
    for i in range(40):
        for src in "ab":
            says = 100 + i + (src == "b" and i % 7 == 0) * 50
            quote = f"The ministry's statement put the figure at {says} on Monday." if i % 5 == 0 else f"{src}: {says}"
            lines.append(f"  - {{subject: s{i}, source: {src}, says: \"{says}\", quote: \"{quote}\"}}")
    path.write_text(TWO_SOURCES + "\n".join(lines) + "\n", encoding="utf-8")
    one = runner.invoke(app, ["sources", "-f", "json", "--no-config", "-j", "1", str(path)])
    two = runner.invoke(app, ["sources", "-f", "json", "--no-config", "-j", "2", str(path)])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert [r["claims"] for r in data["sources"]] == [40, 40]
    assert data["copies"][0]["subjects"] == ["s0", "s10", "s15", "s20", "s25", "s30", "s35", "s5"]
