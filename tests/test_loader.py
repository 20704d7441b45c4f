"""Loading claims.yaml (SPEC §1): every error at once, each with file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import UnusableInput
from factcheck.load.claims_file import load_claims, load_claims_text
from tests.helpers import errors

GOOD = """\
version: 1
sources:
  - id: a
    title: A
    publisher: P
    published: 2025-09-29
    language: en
  - id: b
    title: B
    published: 2025-10-01
    language: it
subjects:
  - id: s
    title: S
    kind: constant
claims:
  - subject: s
    source: a
    says: Astana
    quote: in Astana
  - subject: s
    source: b
    says: Astana
    quote: ad Astana
"""




def test_good_file_loads() -> None:
    doc = load_claims_text(GOOD)
    assert [c.says for c in doc.data.claims] == ["Astana", "Astana"]
    assert doc.data.sources[0].published.isoformat() == "2025-09-29"


def test_unknown_key_points_at_the_key() -> None:
    text = GOOD.replace("    says: Astana\n    quote: in Astana", "    sayz: Astana\n    says: Astana\n    quote: in Astana")
    assert errors(text) == [
        "claims.yaml:19:5: unknown key 'sayz' (did you mean 'says'?) (allowed: subject, source, says, quote, as_of, period, accepted, value)"
    ]


def test_duplicate_keys_are_errors_all_of_them() -> None:
    text = GOOD.replace("    title: A\n", "    title: A\n    title: A2\n").replace(
        "    title: S\n", "    title: S\n    kind: level\n"
    )
    got = errors(text)
    assert got[0].startswith("claims.yaml:5:5: duplicate key 'title' (first defined at line 4)")
    assert got[1].startswith("claims.yaml:17:5: duplicate key 'kind' (first defined at line 16)")
    assert len(got) == 2


def test_unknown_ids_and_duplicate_ids_reported_together() -> None:
    text = GOOD.replace("  - id: b\n", "  - id: a\n").replace("    source: b\n", "    source: c\n")
    text = text.replace("  - subject: s\n    source: a\n", "  - subject: t\n    source: a\n")
    got = errors(text)
    assert "claims.yaml:8:9: duplicate source id 'a' (first used by sources[0])" in got
    assert "claims.yaml:17:14: unknown subject 't'" in got
    assert "claims.yaml:22:13: unknown source 'c'" in got
    assert len(got) == 3


def test_missing_key_and_wrong_types() -> None:
    text = GOOD.replace("    quote: in Astana\n", "").replace("    kind: constant", "    kind: steady")
    text = text.replace("published: 2025-10-01", "published: 2025-02-30")
    got = errors(text)
    assert any(g.startswith("claims.yaml:10:16: sources.1.published:") for g in got), got
    assert any(g.startswith("claims.yaml:15:11: subjects.0.kind:") for g in got), got
    assert "claims.yaml:17:5: missing required key 'quote'" in got


def test_says_must_be_text() -> None:
    got = errors(GOOD.replace("    says: Astana\n    quote: in Astana", "    says: 250\n    quote: in Astana"))
    assert got == ['claims.yaml:19:11: claims.0.says: Input should be a valid string (write it in quotes, e.g. says: "250")']


def test_yaml_syntax_error_has_position() -> None:
    got = errors("version: 1\nsources: [\n  - id: a\n")
    assert len(got) == 1 and got[0].startswith("claims.yaml:3:")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "claims.yaml:1:1: empty file"),
        ("- a\n- b\n", "claims.yaml:1:1: expected a mapping with version, sources, subjects and claims, found a list"),
        ("just text\n", "claims.yaml:1:1: expected a mapping with version, sources, subjects and claims, found text"),
        ("version: 2\n", "claims.yaml:1:10: version: this file format is version 1"),
    ],
)
def test_not_a_claims_file(text: str, message: str) -> None:
    assert errors(text)[0].startswith(message)


def test_invalid_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"version: 1\nsources:\n  - id: caf\xe9\n")
    with pytest.raises(UnusableInput) as info:
        load_claims(path)
    [diag] = info.value.diagnostics
    assert (diag.line, diag.col) == (3, 12)
    assert "not UTF-8" in diag.message


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert len(load_claims(path).data.claims) == 2


def test_did_you_mean_for_a_misspelt_id() -> None:
    got = errors(GOOD.replace("    source: b\n", "    source: bb\n"))
    assert got == ["claims.yaml:22:13: unknown source 'bb' (did you mean 'b'?)"]


def test_missing_file() -> None:
    with pytest.raises(UnusableInput) as info:
        load_claims(Path("definitely/not/here.yaml"))
    assert info.value.diagnostics[0].message == "file not found"


def test_alias_bomb_is_refused_not_expanded() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    got = errors("version: 1\n" + bomb)  # an error, quickly, instead of 10^9 nodes
    assert len(got) == 1 and "alias" in got[0], got


def test_alias_bomb_with_a_duplicate_key_is_still_an_error_not_a_crash() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    got = errors("version: 1\nversion: 1\n" + bomb)
    assert any("duplicate key 'version'" in g for g in got) and any("alias" in g for g in got), got


def test_fast_claim_locator_agrees_with_yaml_positions() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate

    from factcheck.load.yamlio import BlockListLocator, PositionIndex

    for text in (generate(300), (Path(__file__).resolve().parent.parent / "claims.yaml").read_text("utf-8")):
        doc = load_claims_text(text)
        fast = BlockListLocator.build(text, "claims", len(doc.data.claims))
        slow = PositionIndex.build(text)
        assert fast is not None
        for i, claim in enumerate(doc.data.claims):
            for key in ("subject", "source", "says", "quote", "as_of", "period"):
                if getattr(claim, key) is not None:
                    assert fast.find(i, key) == slow.value(("claims", i, key)), (i, key)


def test_flow_style_claims_fall_back_to_yaml_positions() -> None:
    text = GOOD.split("claims:")[0] + 'claims: [{subject: s, source: a, says: Astana, quote: x},\n  {subject: s, source: b, says: "1", quote: y}]\n'
    doc = load_claims_text(text)
    assert doc.claim_lines is None
    assert str(doc.locate(("claims", 1, "says"))) == "claims.yaml:17:33: "


def test_schema_errors_and_reference_errors_in_one_run() -> None:
    text = GOOD.replace("    title: S\n", "    title: S\n    colour: red\n").replace("    source: b\n", "    source: bb\n")
    got = errors(text)
    assert any("unknown key 'colour'" in g for g in got)
    assert any("unknown source 'bb'" in g for g in got)


def test_unknown_subject_unit_is_an_error() -> None:
    got = errors(GOOD.replace("    kind: constant", "    kind: constant\n    unit: zorkmids"))
    assert len(got) == 1 and got[0].startswith("claims.yaml:16:11: unknown unit 'zorkmids'")


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("version: 1", "version: true", "claims.yaml:1:10: version"),
        ("version: 1", "version: 1.0", "claims.yaml:1:10: version"),
        ("published: 2025-09-29", "published: 86400", "claims.yaml:6:16: sources.0.published"),
        ("    quote: in Astana", "    quote: in Astana\n    as_of: 1699920000.5", "claims.yaml:21:12: claims.0.as_of"),
    ],
)
def test_numbers_are_not_dates_or_versions(old: str, new: str, where: str) -> None:
    got = errors(GOOD.replace(old, new, 1))
    assert got and got[0].startswith(where), got


def test_quoted_iso_dates_are_fine() -> None:
    doc = load_claims_text(GOOD.replace("published: 2025-09-29", 'published: "2025-09-29"'))
    assert doc.data.sources[0].published.isoformat() == "2025-09-29"


def test_a_second_yaml_document_is_named() -> None:
    assert errors(GOOD + "---\n") == [
        "claims.yaml:25:1: a second YAML document starts here: a claims file is one document (remove the `---`)"
    ]
    assert load_claims_text("---\n" + GOOD).data.version == 1


def test_deep_nesting_is_an_error_with_a_position() -> None:
    got = errors("version: 1\nsources: " + "[" * 300 + "]" * 300 + "\n")
    assert len(got) == 1 and not got[0].startswith("claims.yaml:1:1:"), got


def test_a_quoted_date_stays_text() -> None:
    """yaml-rs turned even a quoted "2025-09-29" into a date, so `says: "2025-09-29"` (a figure
    `factcheck extract` proposes) was refused as not a string."""
    from tests.helpers import TWO_SOURCES

    text = TWO_SOURCES + """\
subjects:
  - id: s
    title: S
    kind: constant
claims:
  - subject: s
    source: a
    says: "2025-09-29"
    quote: "dated 2025-09-29"
    as_of: 2025-09-28
"""
    doc = load_claims_text(text)
    assert doc.data.claims[0].says == "2025-09-29"
    assert doc.data.sources[0].published.isoformat() == "2025-09-29"
