"""Source track records and probable copies (factcheck.sources.track_record) on small claims files."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.api import check_file
from factcheck.judge.copies import MIN_QUOTE, normalise_quote
from factcheck.report.records import Report
from factcheck.sources.track_record import track_records

FOUR_SOURCES = """\
version: 1
sources:
  - {id: a, title: A, publisher: Agency A, published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-10-01, language: en}
  - {id: c, title: C, published: 2025-10-02, language: en}
  - {id: d, title: D, published: 2025-10-03, language: en}
"""


def load(tmp_path: Path, body: str) -> Report:
    path = tmp_path / "claims.yaml"
    path.write_text(FOUR_SOURCES + textwrap.dedent(body), encoding="utf-8")
    return check_file(path)


def records_of(report: Report) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    data = track_records(report)
    return {s["id"]: s for s in data["sources"]}, data["copies"]


def counts(record: dict[str, Any]) -> tuple[int, int, int, int, int]:
    return (record["claims"], record["corroborated"], record["contradicted"], record["uncorroborated"], record["unjudged"])


MIXED = """\
subjects:
  - {id: companies, title: Companies, kind: level}
  - {id: city, title: City, kind: constant}
  - {id: lonely, title: Lonely, kind: level}
  - {id: bad, title: Bad, kind: level}
claims:
  - {subject: companies, source: a, says: "250", quote: "There are 250 Italian companies operating in Kazakhstan today."}
  - {subject: companies, source: b, says: about 250, quote: "Some 250 firms from Italy now work in the country, the minister said."}
  - {subject: city, source: a, says: Astana, quote: "The institute opened its doors in Astana last spring."}
  - {subject: city, source: c, says: Almaty, quote: "The institute is in Almaty, near the old square."}
  - {subject: lonely, source: d, says: "12", quote: "12 agreements were signed."}
  - {subject: bad, source: a, says: boh, quote: "boh"}
"""


def test_corroborated_contradicted_alone_and_unjudged_are_counted_per_source(tmp_path: Path) -> None:
    by_id, copies = records_of(load(tmp_path, MIXED))
    assert list(by_id) == ["a", "b", "c", "d"]  # the file's order
    #                           claims corr contra alone unjudged
    # city: Astana (a) against Almaty (c), one each: trust breaks the tie (a is corroborated
    # elsewhere, c is not), so c's claim is contradicted and a's stands uncorroborated
    assert counts(by_id["a"]) == (3, 1, 0, 1, 1)
    assert counts(by_id["b"]) == (1, 1, 0, 0, 0)
    assert counts(by_id["c"]) == (1, 0, 1, 0, 0)
    assert counts(by_id["d"]) == (1, 0, 0, 1, 0)
    assert by_id["a"]["corroboration_rate"] == 0.5  # of the judged claims only
    assert by_id["a"]["trust"] > by_id["c"]["trust"]
    assert by_id["d"]["corroboration_rate"] == 0.0
    assert copies == []  # the same figure in different sentences is not a copy


def test_json_record_keys_and_a_source_without_claims(tmp_path: Path) -> None:
    by_id, _ = records_of(load(tmp_path, MIXED))
    assert list(by_id["a"]) == [
        "id", "title", "publisher", "published", "claims", "corroborated", "contradicted",
        "uncorroborated", "unjudged", "corroboration_rate", "copies_with", "trust", "copied", "tied",
        "copies_values_with",
    ]
    assert (by_id["a"]["publisher"], by_id["a"]["published"]) == ("Agency A", "2025-09-29")
    report = load(tmp_path, MIXED.replace("source: d,", "source: c,"))
    by_id, _ = records_of(report)
    assert counts(by_id["d"]) == (0, 0, 0, 0, 0) and by_id["d"]["corroboration_rate"] is None


def test_a_conflict_with_the_likely_error_does_not_count_against_the_others(tmp_path: Path) -> None:
    by_id, _ = records_of(load(tmp_path, """\
        subjects:
          - {id: companies, title: Companies, kind: level}
        claims:
          - {subject: companies, source: a, says: "250", quote: "There are 250 Italian companies operating in Kazakhstan today."}
          - {subject: companies, source: b, says: about 250, quote: "Some 250 firms from Italy now work in the country, the minister said."}
          - {subject: companies, source: c, says: over 400, quote: "More than 400 Italian businesses are registered, says the chamber."}
        """))
    assert counts(by_id["a"])[1:4] == (1, 0, 0)
    assert counts(by_id["b"])[1:4] == (1, 0, 0)
    assert counts(by_id["c"])[1:4] == (0, 1, 0)  # the likely error


def test_without_a_single_likely_error_a_contradiction_wins_over_a_corroboration(tmp_path: Path) -> None:
    by_id, _ = records_of(load(tmp_path, """\
        subjects:
          - {id: companies, title: Companies, kind: level}
        claims:
          - {subject: companies, source: a, says: "250", quote: "There are 250 Italian companies operating in Kazakhstan today."}
          - {subject: companies, source: b, says: about 250, quote: "Some 250 firms from Italy now work in the country, the minister said."}
          - {subject: companies, source: c, says: "400", quote: "400 Italian businesses are registered, says the chamber."}
          - {subject: companies, source: d, says: about 400, quote: "Roughly 400 companies with Italian capital, the embassy counts."}
        """))
    for source in "abcd":
        assert counts(by_id[source])[1:4] == (0, 1, 0), source


def test_a_source_never_corroborates_or_contradicts_itself(tmp_path: Path) -> None:
    by_id, _ = records_of(load(tmp_path, """\
        subjects:
          - {id: companies, title: Companies, kind: level}
          - {id: city, title: City, kind: constant}
        claims:
          - {subject: companies, source: a, says: "250", quote: "There are 250 Italian companies operating in Kazakhstan today."}
          - {subject: companies, source: a, says: about 250, quote: "Some 250 firms from Italy now work in the country, we said."}
          - {subject: city, source: b, says: Astana, quote: "The institute opened its doors in Astana last spring."}
          - {subject: city, source: b, says: Almaty, quote: "The institute is in Almaty, near the old square."}
        """))
    assert counts(by_id["a"]) == (2, 0, 0, 2, 0)
    assert counts(by_id["b"]) == (2, 0, 0, 2, 0)


def test_claims_at_other_times_that_differ_are_alone_not_contradicted(tmp_path: Path) -> None:
    by_id, _ = records_of(load(tmp_path, """\
        subjects:
          - {id: old, title: Old, kind: level}
        claims:
          - {subject: old, source: a, says: "10", as_of: 2010, quote: "In 2010 there were 10 of them in the whole country."}
          - {subject: old, source: b, says: "50", quote: "Today there are 50 of them in the whole country, again."}
        """))
    assert counts(by_id["a"])[1:4] == (0, 0, 1)
    assert counts(by_id["b"])[1:4] == (0, 0, 1)


# -- copies ---------------------------------------------------------------------------------------

ORIGINAL = "Over the past two decades, Italian investments in Kazakhstan have surpassed $7 billion - officials say."
# The same sentence as another outlet prints it: typographic quotes and dash, capitals, spacing.
COPIED = "  “OVER the past two decades,  Italian investments in Kazakhstan have surpassed $7 billion — officials say.”"
REWORDED = "Italy has put more than seven billion dollars into the Kazakh economy over twenty years."


def _invest(quotes: list[tuple[str, str, str]]) -> str:
    lines = [f"  - {{subject: invest, source: {s}, says: \"{says}\", quote: '{q}'}}" for s, says, q in quotes]
    # A running total speaks of one time per day unless it sets a window (SPEC §3): these
    # sources, days apart, speak of the same total.
    return "subjects:\n  - {id: invest, title: Investment, kind: cumulative, unit: USD, window: 30}\nclaims:\n" + "\n".join(lines) + "\n"


def test_near_identical_quotes_from_two_sources_are_a_copy_and_do_not_corroborate(tmp_path: Path) -> None:
    report = load(tmp_path, _invest([("a", "over $7 billion", ORIGINAL), ("b", "over $7 billion", COPIED)]))
    by_id, copies = records_of(report)
    assert copies == [{"sources": ["a", "b"], "claims": [[0, 1]], "subjects": ["invest"], "similarity": copies[0]["similarity"]}]
    assert 90 <= copies[0]["similarity"] <= 100
    assert by_id["a"]["copies_with"] == ["b"] and by_id["b"]["copies_with"] == ["a"]
    assert counts(by_id["a"])[1:4] == (0, 0, 1)  # agreeing with a copy is not corroboration
    assert counts(by_id["b"])[1:4] == (0, 0, 1)
    assert by_id["c"]["copies_with"] == []


def test_an_independent_wording_still_corroborates_both_copies(tmp_path: Path) -> None:
    report = load(tmp_path, _invest([
        ("a", "over $7 billion", ORIGINAL), ("b", "over $7 billion", COPIED), ("c", "over $7 billion", REWORDED),
    ]))
    by_id, copies = records_of(report)
    assert [c["sources"] for c in copies] == [["a", "b"]]
    for source in "abc":
        assert counts(by_id[source])[1:4] == (1, 0, 0), source


def test_a_copy_never_contradicts_either(tmp_path: Path) -> None:
    """Same sentence, a different figure (a typo in one copy): not two independent sources."""
    report = load(tmp_path, _invest([
        ("a", "$7.5 billion", ORIGINAL.replace("surpassed $7", "reached $7.5")),
        ("b", "$5.7 billion", ORIGINAL.replace("surpassed $7", "reached $5.7")),
    ]))
    assert report.results[0].verdict.value == "conflicting"  # the rules do see the conflict
    by_id, copies = records_of(report)
    assert len(copies) == 1
    assert counts(by_id["a"])[1:4] == (0, 0, 1)


def test_the_same_figure_in_different_sentences_is_not_a_copy(tmp_path: Path) -> None:
    report = load(tmp_path, _invest([("a", "over $7 billion", ORIGINAL), ("b", "over $7 billion", REWORDED)]))
    by_id, copies = records_of(report)
    assert copies == []
    assert counts(by_id["a"])[1:4] == (1, 0, 0)


def test_short_quotes_are_never_copies(tmp_path: Path) -> None:
    short = "250 Italian companies"
    assert len(short) < MIN_QUOTE
    by_id, copies = records_of(load(tmp_path, """\
        subjects:
          - {id: companies, title: Companies, kind: level}
        claims:
          - {subject: companies, source: a, says: "250", quote: "250 Italian companies"}
          - {subject: companies, source: b, says: "250", quote: "250 Italian companies"}
        """))
    assert copies == []
    assert counts(by_id["a"])[1:4] == (1, 0, 0)


def test_identical_quotes_from_one_source_are_not_a_copy(tmp_path: Path) -> None:
    report = load(tmp_path, _invest([("a", "over $7 billion", ORIGINAL), ("a", "over $7 billion", ORIGINAL)]))
    assert records_of(report)[1] == []


def test_quotes_are_compared_within_a_subject_only(tmp_path: Path) -> None:
    report = load(tmp_path, """\
        subjects:
          - {id: one, title: One, kind: level}
          - {id: two, title: Two, kind: level}
        claims:
          - {subject: one, source: a, says: "250", quote: "There are 250 Italian companies operating in Kazakhstan today."}
          - {subject: two, source: b, says: "250", quote: "There are 250 Italian companies operating in Kazakhstan today."}
        """)
    assert records_of(report)[1] == []


def test_find_copies_names_the_claims_and_subject(tmp_path: Path) -> None:
    report = load(tmp_path, _invest([("a", "over $7 billion", ORIGINAL), ("c", "over $7 billion", REWORDED),
                                     ("b", "over $7 billion", COPIED)]))
    [copy] = records_of(report)[1]
    assert copy["subjects"] == ["invest"]
    assert copy["sources"] == ["a", "b"]
    assert copy["similarity"] >= 90


# -- normalise_quote ------------------------------------------------------------------------------


def test_normalise_quote_folds_what_copying_does_not_change() -> None:
    assert normalise_quote("  “Italy’s ‘TOP’ partner” — in\t2024\n ") == "\"italy's 'top' partner\" - in 2024"
    assert normalise_quote("«Kazakhstan–Italy» ‐ ‑ ‒ − x") == '"kazakhstan-italy" - - - - x'
    assert normalise_quote(COPIED) == f'"{normalise_quote(ORIGINAL)}"'
    assert normalise_quote("") == ""


_TYPOGRAPHIC = re.compile(r"[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2010-\u2015\u2212]")
NO_COMBINING = st.text(alphabet=st.characters(exclude_categories=("Mn", "Mc", "Me", "Cs")))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalise_quote_never_raises_and_leaves_no_typographic_marks_or_runs_of_space(text: str) -> None:
    out = normalise_quote(text)
    assert isinstance(out, str)
    assert not _TYPOGRAPHIC.search(out)
    assert out == out.strip() and not re.search(r"\s\s", out)


@settings(max_examples=300, deadline=None)
@given(NO_COMBINING)
def test_normalise_quote_is_idempotent(text: str) -> None:
    once = normalise_quote(text)
    assert normalise_quote(once) == once


@settings(max_examples=50, deadline=None)
@given(st.text())
@example("ß\u0301")
@example("\u03aa\u0301")
def test_normalise_quote_is_idempotent_on_any_text(text: str) -> None:
    once = normalise_quote(text)
    assert normalise_quote(once) == once


def test_corroboration_uses_the_configured_window(tmp_path: Path) -> None:
    """Two equal counts eight years apart corroborate only when the window says they are
    one moment: --window-days reaches the track records as it reaches the rules."""
    import json

    from typer.testing import CliRunner

    from factcheck.cli.app import app

    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\n"
        "sources:\n"
        "  - {id: a, title: A, published: 2017-01-01, language: en}\n"
        "  - {id: b, title: B, published: 2025-01-01, language: en}\n"
        "subjects:\n"
        "  - {id: s, title: S, kind: level}\n"
        "claims:\n"
        "  - {subject: s, source: a, says: '250', quote: q}\n"
        "  - {subject: s, source: b, says: '250', quote: q}\n",
        encoding="utf-8",
    )
    runner = CliRunner()

    def corroborated(*args: str) -> list[int]:
        out = json.loads(runner.invoke(app, ["sources", str(path), "--format", "json", *args]).stdout)
        return [s["corroborated"] for s in out["sources"]]

    assert corroborated() == [0, 0]
    assert corroborated("--window-days", "4000") == [1, 1]
