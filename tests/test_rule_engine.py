"""The rule engine's machinery: registry, selection, options, config files, plugins, docs."""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.judge.rules import BUILTIN
from factcheck.judge.rules.base import Severity
from factcheck.judge.rules.registry import RuleConfigError, configure, plugin_rules
from tests.conftest import ROOT
from tests.helpers import TWO_SOURCES

runner = CliRunner()


def test_every_rule_is_declared_with_a_documented_bad_and_good_example() -> None:
    ids = [r.id for r in BUILTIN]
    assert len(ids) == len(set(ids))
    for rule in BUILTIN:
        assert rule.id.startswith("FC") and rule.name and rule.summary
        assert rule.doc.startswith(f"{rule.id} {rule.name}:"), rule.id
        assert re.search(r"^Conflicting[^\n:]*::$", rule.doc, re.M), rule.id
        assert re.search(r"^Consistent[^\n:]*::$", rule.doc, re.M), rule.id


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    from factcheck.formatters.rules_doc import markdown

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown(BUILTIN), (
        "docs/rules.md is out of date: run `factcheck rules --format markdown > docs/rules.md`"
    )


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (None, [], {r.id for r in BUILTIN}),
        (["FC101"], [], {"FC101"}),
        (["FC10"], ["FC106", "FC107"], {"FC101", "FC102", "FC103", "FC104", "FC105"}),
        (["constant-agreement", "fc102"], [], {"FC101", "FC102"}),
        (None, ["FC9"], {r.id for r in BUILTIN} - {"FC900"}),
    ],
)
def test_select_and_ignore(select: list[str] | None, ignore: list[str], expected: set[str]) -> None:
    assert set(configure(select, ignore, plugins=False).ids) == expected


def test_unknown_codes_and_options_are_errors_all_at_once() -> None:
    with pytest.raises(RuleConfigError) as info:
        configure(["FC1O1"], ["FC999"], {"FC102": {"window": 3}, "FC105": {"severity": "fatal"}, "FC777": {}}, plugins=False)
    messages = [m for _, m in info.value.problems]
    assert any("unknown rule 'FC1O1' (did you mean 'FC101'?)" in m for m in messages)
    assert any("unknown rule 'FC999'" in m for m in messages)
    assert any("FC102 has no option 'window'" in m for m in messages)
    assert any("severity 'fatal'" in m for m in messages)
    assert any("unknown rule 'FC777'" in m for m in messages)


def test_options_and_severity_are_typed() -> None:
    rules = configure(settings={"FC102": {"window_days": 30, "severity": "warning"}}, plugins=False)
    fc102 = next(r for r in rules.rules if r.id == "FC102")
    assert fc102.options.window_days == 30 and fc102.severity is Severity.WARNING
    with pytest.raises(RuleConfigError, match="window_days"):
        configure(settings={"FC102": {"window_days": "soon"}}, plugins=False)


COMPANIES = TWO_SOURCES + textwrap.dedent("""\
    subjects:
      - {id: companies, title: Italian companies, kind: level}
    claims:
      - {subject: companies, source: a, says: around 250, quote: around 250 companies}
      - {subject: companies, source: b, says: oltre 400, quote: oltre 400 aziende}
    """)


def _project(tmp_path: Path, config: str | None, name: str = "factcheck.toml") -> Path:
    claims = tmp_path / "claims.yaml"
    claims.write_text(COMPANIES, encoding="utf-8")
    if config is not None:
        (tmp_path / name).write_text(textwrap.dedent(config), encoding="utf-8")
    return claims


def test_check_fails_then_ignore_on_the_command_line_passes(tmp_path: Path) -> None:
    claims = _project(tmp_path, None)
    assert runner.invoke(app, ["check", str(claims)]).exit_code == 1
    assert runner.invoke(app, ["check", str(claims), "--ignore", "FC102"]).exit_code == 0
    assert runner.invoke(app, ["check", str(claims), "--select", "FC101,FC103"]).exit_code == 0


def test_factcheck_toml_beside_the_claims_file(tmp_path: Path) -> None:
    claims = _project(tmp_path, """\
        [rules.FC102]
        severity = "warning"
        """)
    result = runner.invoke(app, ["check", str(claims)])
    assert result.exit_code == 0, result.output
    assert "FC102 warning companies" in result.stdout
    assert runner.invoke(app, ["check", str(claims), "--no-config"]).exit_code == 1


def test_pyproject_tool_table_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nignore = ["FC102"]\n')
    folder = tmp_path / "claims"
    folder.mkdir()
    claims = _project(folder, None)
    assert runner.invoke(app, ["check", str(claims)]).exit_code == 0


def test_window_days_in_config_and_the_command_line_wins(tmp_path: Path) -> None:
    claims = _project(tmp_path, "window-days = 1\n")
    assert runner.invoke(app, ["check", str(claims)]).exit_code == 0  # 2 days apart: outside
    assert runner.invoke(app, ["check", str(claims), "--window-days", "30"]).exit_code == 1


def test_config_errors_name_file_line_and_column(tmp_path: Path) -> None:
    claims = _project(tmp_path, """\
        select = ["FC101"]
        colour = "red"

        [rules.FC102]
        window_days = -3
        """)
    result = runner.invoke(app, ["check", str(claims)])
    assert result.exit_code == 2
    assert "factcheck.toml:2:1: unknown setting 'colour'" in result.stderr
    assert "factcheck.toml:5:1: rules" not in result.stderr  # rule options are checked by the rule
    claims = _project(tmp_path, "[rules.FC102]\nwindow_days = -3\n")
    result = runner.invoke(app, ["check", str(claims)])
    assert result.exit_code == 2
    assert "factcheck.toml:1:1: FC102 window_days: Input should be greater than or equal to 0" in result.stderr
    claims = _project(tmp_path, "select = [\n")
    result = runner.invoke(app, ["check", str(claims)])
    assert result.exit_code == 2 and "factcheck.toml:" in result.stderr and "not valid TOML" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_rule_on_the_command_line(tmp_path: Path) -> None:
    claims = _project(tmp_path, None)
    result = runner.invoke(app, ["check", str(claims), "--select", "FC1O1"])
    assert result.exit_code == 2
    assert "--select: unknown rule 'FC1O1' (did you mean 'FC101'?)" in result.stderr


# -- plugins ------------------------------------------------------------------------------------

PLUGIN = ROOT / "examples" / "factcheck-plugin-example"


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The example plugin, made visible to importlib.metadata the way pip installs it: a
    dist-info folder with its entry_points.txt on sys.path, next to its package."""
    site = tmp_path / "site"
    dist = site / "factcheck_plugin_example-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: factcheck-plugin-example\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "[factcheck.rules]\nFCX001 = factcheck_plugin_example.round_numbers:RULE\n"
    )
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    plugin_rules.cache_clear()
    yield
    plugin_rules.cache_clear()
    sys.modules.pop("factcheck_plugin_example.round_numbers", None)
    sys.modules.pop("factcheck_plugin_example", None)


def test_the_example_plugin_declares_its_entry_point() -> None:
    text = (PLUGIN / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points."factcheck.rules"]' in text
    assert 'FCX001 = "factcheck_plugin_example.round_numbers:RULE"' in text


def test_a_plugin_rule_is_loaded_selected_and_run(installed_plugin: None, tmp_path: Path) -> None:
    assert [r.id for r in plugin_rules()] == ["FCX001"]
    claims = tmp_path / "claims.yaml"
    claims.write_text(COMPANIES.replace("around 250", "about 250"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(claims), "--ignore", "FC102"])
    assert result.exit_code == 0, result.output  # FCX001 is a warning by default
    assert "FCX001 warning companies" in result.stdout
    assert runner.invoke(app, ["rules"]).stdout.count("FCX001") == 1
    result = runner.invoke(app, ["check", str(claims), "--ignore", "FC102", "--select", "FCX"])
    assert "FCX001" in result.stdout


def test_a_broken_plugin_is_an_error_not_a_silent_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    dist = site / "broken-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[factcheck.rules]\nFCB001 = no_such_module:RULE\n")
    monkeypatch.syspath_prepend(str(site))
    plugin_rules.cache_clear()
    try:
        claims = _project(tmp_path, None)
        result = runner.invoke(app, ["check", str(claims)])
        assert result.exit_code == 2
        assert "plugin FCB001 (no_such_module:RULE): cannot be loaded" in result.stderr
    finally:
        plugin_rules.cache_clear()
