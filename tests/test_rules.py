"""Rule cases as data: one YAML file per rule in rule_cases/, run by one parametrised test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.judge.engine import judge_subject
from factcheck.judge.grouping import read_subject
from factcheck.judge.rules import BUILTIN as REGISTRY
from factcheck.judge.rules.registry import configure
from factcheck.load.schema import Claim, Source, Subject, SubjectKind
from factcheck.read import ReadOptions

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{path.stem}: {case['name']}"))
    return out


def _date(x: Any) -> dt.date | str:
    """A day, or an ISO date and time with its offset as written (the model reads it)."""
    if isinstance(x, dt.date) or "T" in str(x):
        return x if isinstance(x, dt.date) else str(x)
    return dt.date.fromisoformat(str(x))


def run_case(case: dict[str, Any], rule: str | None = None):  # type: ignore[no-untyped-def]
    subject = Subject(
        id="s", title="S", kind=SubjectKind(case["kind"]), unit=case.get("unit"), **case.get("subject", {})
    )
    items = []
    for i, c in enumerate(case["claims"]):
        source = Source.model_validate(
            {"id": c["source"], "title": c["source"], "published": _date(c["published"]), "language": c.get("lang", "en")}
        )
        as_of = c.get("as_of")
        claim = Claim(
            subject="s",
            source=c["source"],
            says=str(c["says"]),
            quote=str(c.get("quote", c["says"])),
            accepted=c.get("accepted"),
            as_of=str(as_of) if as_of is not None else None,
            period=str(c["period"]) if "period" in c else None,
            value=c.get("value"),
        )
        items.append((i, claim, source))
    read, inference = read_subject(subject, items, ReadOptions())
    options = case.get("options", {})
    rules = configure(settings={rule: options} if options and rule else None)
    return judge_subject(subject, read, rules, reading=inference.why if inference else None)


def test_every_rule_has_a_case_file() -> None:
    assert {rule.id for rule in REGISTRY} <= {p.stem for p in CASES_DIR.glob("FC*.yaml")}


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str | None, case: dict[str, Any]) -> None:
    result = run_case(case, rule)
    expect = case["expect"]
    assert result.verdict.value == expect["verdict"], result.reason
    if "conflicts" in expect:
        got = [[c.first.index, c.second.index] for c in result.conflicts if c.rule == rule]
        assert got == expect["conflicts"], result.reason
    for fragment in expect.get("reason_contains", []):
        assert fragment in result.reason + " " + (result.reading or "")
    if "accepted" in expect:
        assert (result.accepted is not None) == expect["accepted"], result.reason
    if "stale" in expect:
        assert [[rc.index for rc in c.claims] for c in result.stale] == expect["stale"]
    if "likely_error" in expect:
        assert result.reconciliation is not None
        assert [rc.index for rc in result.reconciliation.likely_error] == expect["likely_error"]
    if "warnings" in expect:
        assert [[rc.index for rc in c.claims] for c in result.warnings] == expect["warnings"]
    if "problems" in expect:
        got_problems = sorted([p.claim.index, p.kind.value] for p in result.problems)
        assert got_problems == sorted(expect["problems"])
    else:
        assert not result.problems, [p.message for p in result.problems]
    # Nothing is dropped: every claim is either judged or reported.
    assert sorted(rc.index for rc in result.claims) == list(range(len(case["claims"])))
