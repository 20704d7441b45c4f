"""The `rates:` and `tolerances:` sections: validated with positions, and used when judging."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.api import check_document
from factcheck.cli.app import app
from factcheck.load.claims_file import load_claims_text
from factcheck.report.records import to_dict
from tests.helpers import TWO_SOURCES, errors

runner = CliRunner()

def money_file(
    a_says: str, b_says: str, extra: str = "", subject_extra: str = "", unit: str | None = None
) -> str:
    """Source a (en) and source b (it) on one level subject; `extra` goes before `subjects:`."""
    unit_line = f"    unit: {unit}\n" if unit else ""
    return (
        TWO_SOURCES
        + extra
        + f"""\
subjects:
  - id: s
    title: S
    kind: level
{unit_line}{subject_extra}claims:
  - subject: s
    source: a
    says: "{a_says}"
    quote: q
  - subject: s
    source: b
    says: "{b_says}"
    quote: q
"""
    )


def judged(text: str) -> dict:
    return to_dict(check_document(load_claims_text(text, "claims.yaml")))["subjects"][0]


# -- rates ---------------------------------------------------------------------------------------

EUR_USD = """\
rates:
  - pair: EUR/USD
    rate: 1.17
    on: 2025-09-29
"""


def test_without_a_rate_currencies_are_incomparable_and_the_message_says_how_to_fix_it() -> None:
    subject = judged(money_file("$585 million", "585 milioni di euro"))
    problem = next(c for c in subject["claims"] if c.get("status") == "incomparable")
    assert "rates:" in problem["error"] and "EUR/USD" in problem["error"]


def test_a_rate_converts_and_the_claims_agree() -> None:
    subject = judged(money_file("$585 million", "500 milioni di euro", EUR_USD))
    assert subject["verdict"] == "consistent"
    euro = next(c for c in subject["claims"] if c["source"] == "b")
    assert euro["value"]["unit"] == "EUR"  # `value` is still the reading of `says`
    assert euro["value"]["lower"] == 475e6  # 500 million rounded: never wider than ±5%
    assert euro["converted"]["unit"] == "USD"
    assert euro["converted"]["lower"] == pytest.approx(475e6 * 1.17)
    assert euro["converted"]["rates"] == [{"pair": "EUR/USD", "rate": 1.17, "on": "2025-09-29", "source": None}]


def test_a_rate_can_reveal_a_conflict_and_the_reason_names_the_rate() -> None:
    subject = judged(money_file("$900 million", "500 milioni di euro", EUR_USD))
    assert subject["verdict"] == "conflicting"
    assert "EUR/USD 1.17 on 2025-09-29" in subject["reason"]


def test_a_pair_converts_both_ways() -> None:
    # the subject is in euros (most claims), the dollar claim is converted with 1/1.17
    subject = judged(money_file("$585 million", "500 milioni di euro", EUR_USD, unit="EUR"))
    dollar = next(c for c in subject["claims"] if c["source"] == "a")
    assert dollar["converted"]["unit"] == "EUR"
    assert dollar["converted"]["factor"] == pytest.approx(1 / 1.17)
    assert subject["verdict"] == "consistent"


def test_one_step_through_a_third_currency() -> None:
    rates = """\
rates:
  - {pair: EUR/USD, rate: 1.17, on: 2025-09-29}
  - {pair: USD/KZT, rate: 540, on: 2025-09-30}
"""
    subject = judged(money_file("₸316 billion", "500 milioni di euro", rates, unit="KZT"))
    euro = next(c for c in subject["claims"] if c["source"] == "b")
    assert euro["converted"]["factor"] == pytest.approx(1.17 * 540)
    assert [r["pair"] for r in euro["converted"]["rates"]] == ["EUR/USD", "USD/KZT"]
    assert subject["verdict"] == "consistent"


def test_the_rate_nearest_in_time_to_the_claim_is_used() -> None:
    rates = """\
rates:
  - {pair: EUR/USD, rate: 1.05, on: 2024-01-01}
  - {pair: EUR/USD, rate: 1.17, on: 2025-10-02}
  - {pair: EUR/USD, rate: 1.30, on: 2026-06-01}
"""
    subject = judged(money_file("$585 million", "500 milioni di euro", rates))
    euro = next(c for c in subject["claims"] if c["source"] == "b")
    assert euro["converted"]["rates"][0]["on"] == "2025-10-02"


def test_rates_are_validated_all_at_once_with_positions() -> None:
    rates = """\
rates:
  - {pair: EUR/XYZ, rate: 1.17, on: 2025-09-29}
  - {pair: EUR/EUR, rate: 1, on: 2025-09-29}
  - {pair: EUR/USD, rate: 1.17, on: 2025-09-29, source: nope}
  - {pair: USD/EUR, rate: 0.85, on: 2025-09-29}
  - {pair: eur-usd, rate: -1, on: 2025-09-29}
"""
    found = errors(money_file("$1", "€1", rates))
    text = "\n".join(found)
    assert "claims.yaml:12:12: unknown currency 'XYZ'" in text
    assert "claims.yaml:13:12: 'EUR/EUR' converts a currency into itself" in text
    assert "unknown source 'nope'" in text
    assert "a second rate for USD/EUR on 2025-09-29 (first: rates[2])" in text
    assert any(line.startswith("claims.yaml:16:") for line in found)  # pattern and rate > 0
    assert len(found) >= 6


# -- tolerances ----------------------------------------------------------------------------------


def test_default_about_is_ten_percent() -> None:
    assert judged(money_file("about $104 million", "115 milioni di dollari"))["verdict"] == "conflicting"


def test_file_tolerances_widen_about() -> None:
    wide = "tolerances:\n  about: 0.2\n"
    assert judged(money_file("about $104 million", "115 milioni di dollari", wide))["verdict"] == "consistent"


def test_subject_tolerances_beat_the_file() -> None:
    wide = "tolerances:\n  about: 0.2\n"
    narrow = "    tolerances: {about: 0.05}\n"
    subject = judged(money_file("about $104 million", "111 milioni di dollari", wide, narrow))
    assert subject["verdict"] == "conflicting"


def test_open_hedges_can_be_closed() -> None:
    capped = "tolerances:\n  over: 0.5\n"
    assert judged(money_file("over $100 million", "1 miliardo di dollari"))["verdict"] == "consistent"
    assert judged(money_file("over $100 million", "1 miliardo di dollari", capped))["verdict"] == "conflicting"


def test_tolerances_are_validated() -> None:
    bad = "tolerances:\n  about: 2\n  nearly: 0\n  abuot: 0.1\n"
    found = errors(money_file("$1", "$1", bad))
    assert any(f.startswith("claims.yaml:12:") and "less than or equal to 1" in f for f in found)
    assert any(f.startswith("claims.yaml:13:") and "greater than 0" in f for f in found)
    assert any(f.startswith("claims.yaml:14:") and "did you mean 'about'" in f for f in found)


def _cli(path: Path, *args: str) -> dict:
    result = runner.invoke(app, ["report", str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["subjects"][0]


def test_command_line_beats_the_file_but_not_the_subject(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(money_file("about $104 million", "115 milioni di dollari", "tolerances:\n  about: 0.05\n"), "utf-8")
    assert _cli(path)["verdict"] == "conflicting"
    assert _cli(path, "--approx", "0.2")["verdict"] == "consistent"
    assert _cli(path, "--tolerance", "about=0.2")["verdict"] == "consistent"
    path.write_text(
        money_file("about $104 million", "115 milioni di dollari", "", "    tolerances: {about: 0.05}\n"), "utf-8"
    )
    assert _cli(path, "--approx", "0.2")["verdict"] == "conflicting"


def test_bad_tolerance_flags_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(money_file("$1", "$1"), "utf-8")
    for flag in (["--tolerance", "bogus=1"], ["--tolerance", "about"], ["--nearly", "0"], ["-t", "over=0"]):
        result = runner.invoke(app, ["check", str(path), *flag])
        assert result.exit_code == 2, flag
        assert "Traceback" not in result.output


def test_every_format_shows_the_converted_amount(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(money_file("$585 million", "500 milioni di euro", EUR_USD), "utf-8")
    for fmt in ("markdown", "table"):
        result = runner.invoke(app, ["report", str(path), "--format", fmt], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        assert "≈ $" in result.stdout, fmt


def test_a_subjects_own_tolerances_are_in_the_json(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(money_file("$1", "$1", "", "    tolerances: {about: 0.05}\n"), "utf-8")
    assert _cli(path)["tolerances"] == {"about": 0.05}
