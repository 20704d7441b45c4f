"""`factcheck schema`: the JSON Schema of claims.yaml, checked with a real JSON Schema validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.load.json_schema import claims_schema
from factcheck.load.yamlio import load_yaml
from tests.conftest import ROOT
from tests.helpers import TWO_SOURCES

runner = CliRunner()


def _as_json(path_or_text: Path | str) -> Any:
    """The YAML as an editor's language server sees it: dates are strings."""
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    return json.loads(json.dumps(load_yaml(text), default=str))


def _validator() -> jsonschema.protocols.Validator:
    schema = claims_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_the_repository_claims_file_is_valid() -> None:
    errors = list(_validator().iter_errors(_as_json(ROOT / "claims.yaml")))
    assert errors == []


def test_the_committed_schema_file_is_what_factcheck_schema_prints() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == claims_schema()
    assert (ROOT / "claims.schema.json").read_text(encoding="utf-8") == result.stdout, (
        "claims.schema.json is out of date: run `factcheck schema -o claims.schema.json`"
    )
    assert (ROOT / "claims.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=claims.schema.json\n"
    )


def test_descriptions_and_examples_reach_the_editor() -> None:
    defs = claims_schema()["$defs"]
    for model in ("Source", "Subject", "Claim"):
        for name, prop in defs[model]["properties"].items():
            text = json.dumps(prop)
            assert "description" in text or name in ("id", "title", "kind"), f"{model}.{name} has no description"
    assert defs["Claim"]["properties"]["subject"]["examples"] == ["italy-investment-cumulative"]
    assert set(defs["SubjectKind"]["enum"]) == {"constant", "level", "cumulative", "flow"}


BASE = TWO_SOURCES + """\
subjects:
  - {id: city, title: City, kind: constant}
claims:
  - {subject: city, source: a, says: Astana, quote: in Astana}
"""


@pytest.mark.parametrize(
    ("edit", "valid"),
    [
        (lambda t: t, True),
        (lambda t: t.replace("kind: constant", "kind: constant, window: 6 months"), True),
        (lambda t: t.replace("kind: constant", "kind: constant, window: 90"), True),
        (lambda t: t.replace("kind: constant", "kind: constant, accepted: two institutions"), True),
        (lambda t: t.replace("kind: constant", "kind: constnt"), False),
        (lambda t: t.replace("kind: constant", "kind: constant, window: soon"), False),
        (lambda t: t.replace("kind: constant", "kind: constant, accepted: ' '"), False),
        (lambda t: t.replace("says: Astana", "sayz: Astana, says: Astana"), False),
        (lambda t: t.replace("version: 1", "version: 2"), False),
        (lambda t: t.replace("published: 2025-09-29", "published: 86400"), False),
        (lambda t: t.replace("{id: city,", "{id: City Hall,"), False),
    ],
)
def test_the_schema_and_factcheck_agree_on_what_is_valid(edit: Any, valid: bool) -> None:
    """Whatever the editor accepts, factcheck loads, and the other way round (for what a schema
    can say; cross-references are factcheck's alone)."""
    from factcheck.errors import UnusableInput
    from factcheck.load.claims_file import load_claims_text

    text = edit(BASE)
    schema_ok = not list(_validator().iter_errors(_as_json(text)))
    try:
        load_claims_text(text)
        loads = True
    except UnusableInput:
        loads = False
    assert (schema_ok, loads) == (valid, valid)


def test_schema_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "claims.schema.json"
    assert runner.invoke(app, ["schema", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"].startswith("factcheck claims file")
