"""`factcheck extract` and the figure finder under it.

Recall and precision on the five founding documents are measured here and must match what
docs/provenance.md says: recall against the repo's own claims, precision against the hand
labels in tests/data/extract_labels.yaml (every proposal must be labelled, so a change to the
extractor that proposes something new fails until it is judged).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.load.claims_file import load_claims, load_claims_text
from factcheck.provenance.documents import read_document
from factcheck.provenance.extract import candidates, sentences
from factcheck.provenance.figures import find_figures
from factcheck.read import ValueKind
from factcheck.read.humanize import figure

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
DAY = dt.date(2025, 9, 29)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Over the past 20 years, Italy has invested up to $7.6 billion in our economy.",
         [("Over the past 20 years", "20 years"), ("up to $7.6 billion", "≤ $7.6 bn")]),
        ("en", "Around 250 Italian companies are operating in Kazakhstan", [("Around 250", "225–275")]),
        ("en", "Italy remains one of Kazakhstan’s top three trading partners.",
         [("one of Kazakhstan’s top three trading partners", "#1–3")]),
        ("it", "l’Italia ha investito quasi 8 miliardi di dollari nell’economia kazaka",
         [("quasi 8 miliardi di dollari", "≥ $7.2 bn, < $8 bn")]),
        ("it", "L’Italia è il primo partner commerciale del Kazakistan nell’Unione europea e il terzo nel mondo.",
         [("il primo partner", "#1"), ("il terzo nel mondo", "#3")]),  # a rank's scope is read (issue 18)
        ("en", "held on 27 March 2025 in Ashgabat, and on 3-4 April 2025, in Samarkand",
         [("on 27 March 2025", "2025-03-27"), ("on 3-4 April 2025", "2025-04-03..2025-04-04")]),
        ("it", "E quest’anno abbiamo avuto tantissime visite", [("quest’anno", "2025")]),
        ("en", "visit to Rome last January, reported", [("last January", "2025-01")]),
        ("en", "No figures here at all.", []),
        ("xx", "a language it does not know: 2024", []),
    ],
)
def test_figures_are_found_with_their_hedges_scales_and_units(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.words, figure(f.value)) for f in find_figures(text, lang, DAY)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789 .,$%-–abcdeinorstuvwyz’'\"()\n", "billion", " up to ", " about ", "January", " in "]), max_size=40).map("".join))
def test_the_finder_never_fails_and_its_spans_are_the_text(text: str) -> None:
    found = find_figures(text, "en", DAY)
    for f in found:
        assert text[f.start:f.end] == f.words and f.words.strip() == f.words
        assert f.value.kind is not ValueKind.CATEGORY
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_sentences_are_pieces_of_the_text_in_order(text: str) -> None:
    last = 0
    for offset, sentence in sentences(text, "en"):
        assert text[offset:offset + len(sentence)] == sentence
        assert offset >= last
        last = offset


def test_a_sentence_cut_across_paragraphs_is_one_quote() -> None:
    text = "Italy's total direct investments have amounted to about\n\n$6 billion. Next one.\n\n25. \n\nThe Leaders agreed"
    got = [s.strip() for _, s in sentences(text, "en")]
    assert "Italy's total direct investments have amounted to about\n\n$6 billion." in got


def _proposals() -> tuple[list, object]:  # type: ignore[type-arg]
    data = load_claims(ROOT / "claims.yaml").data
    out = []
    for source in data.sources:
        assert source.path is not None
        doc = read_document(ROOT / source.path, source.path, 20 * 1024 * 1024)
        out += candidates(doc, source, data)
    return out, data


def _figure_claims(data) -> list[int]:  # type: ignore[no-untyped-def]
    """The repo's claims on a figure, date or rank (names such as cities are not extracted)."""
    from factcheck.read import parse_value

    sources = {s.id: s for s in data.sources}
    return [k for k, c in enumerate(data.claims)
            if parse_value(c.says, sources[c.source].language, sources[c.source].published).kind is not ValueKind.CATEGORY]


def _docs() -> str:
    return (ROOT / "docs" / "provenance.md").read_text(encoding="utf-8")


def test_recall_on_the_founding_documents_is_what_the_docs_say() -> None:
    found, data = _proposals()
    proposed = {c.already for c in found if c.already is not None}
    figures = _figure_claims(data)
    hit = len(proposed & set(figures))
    assert hit == len(figures) == 36, sorted(set(figures) - proposed)
    assert f"| recall, claims on a figure, date or rank | {hit} of {len(figures)} | {hit / len(figures):.0%} |" in _docs()
    assert f"| recall, all claims (names included) | {len(proposed)} of {len(data.claims)} | {len(proposed) / len(data.claims):.0%} |" in _docs()


def test_precision_on_the_labelled_proposals_is_what_the_docs_say() -> None:
    labels = yaml.safe_load((ROOT / "tests" / "data" / "extract_labels.yaml").read_text(encoding="utf-8"))["labels"]
    keep = {(x["source"], x["says"], x["quote"]): x["keep"] for x in labels}
    found, _ = _proposals()
    unlabelled = [(c.source, c.says, c.quote) for c in found if (c.source, c.says, c.quote) not in keep]
    assert not unlabelled, f"label these in tests/data/extract_labels.yaml: {unlabelled[:3]}"
    kept = sum(keep[(c.source, c.says, c.quote)] for c in found)
    assert kept / len(found) >= 0.45
    assert f"| precision, all proposals | {kept} of {len(found)} | {kept / len(found):.0%} |" in _docs()
    article = [c for c in found if not (c.source == "italpress-sembayev-2025" and _page_furniture(c.where))]
    kept_article = sum(keep[(c.source, c.says, c.quote)] for c in article)
    assert f"| precision, the articles' own text | {kept_article} of {len(article)} | {kept_article / len(article):.0%} |" in _docs()


def _page_furniture(where: str) -> bool:
    """The Italpress file is a whole saved page: after line 13 come sidebars and other articles."""
    return int(re.search(r"line (\d+)", where).group(1)) > 13  # type: ignore[union-attr]


def test_extract_yaml_pastes_into_claims_yaml_once_subjects_are_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["extract", "sources/akorda-2025-09-29.txt", "--source", "akorda-2025-09-29"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("# factcheck extract sources/akorda-2025-09-29.txt --source akorda-2025-09-29\n")
    proposed = yaml.safe_load(out)["claims"]
    assert {"says": "up to $7.6 billion", "quote": "Over the past 20 years, Italy has invested up to $7.6 billion in our economy."}.items() <= next(
        c for c in proposed if c["says"] == "up to $7.6 billion").items()
    assert all(c["subject"] is None for c in proposed)  # the user chooses
    assert "# suggested: italy-investment-cumulative" in out
    # Choosing a subject for each makes a valid claims file, which verifies against the document.
    claims = (ROOT / "claims.yaml").read_text(encoding="utf-8")
    head = claims[: claims.index("\nclaims:")]
    body = "\n".join(line.replace("subject: null", "subject: italy-investment-cumulative") for line in out.splitlines()
                     if not line.startswith("#"))
    doc = load_claims_text(head + "\n" + body + "\n", "pasted.yaml")
    assert len(doc.data.claims) == len(proposed)


def test_extract_new_only_json_and_a_new_source(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    new = runner.invoke(app, ["extract", "sources/akorda-2025-09-29.txt", "-s", "akorda-2025-09-29", "--new-only", "-f", "json"])
    assert new.exit_code == 0
    import json

    data = json.loads(new.output)
    assert all(c["already_claim"] is None for c in data["candidates"])
    assert "up to $7.6 billion" not in [c["says"] for c in data["candidates"]]
    monkeypatch.chdir(tmp_path)  # no claims.yaml here
    missing = runner.invoke(app, ["extract", str(ROOT / "tests/data/documents/kazinform.html"), "-s", "kazinform"])
    assert missing.exit_code == 2 and "give --language and --published" in missing.output
    fresh = runner.invoke(app, ["extract", str(ROOT / "tests/data/documents/kazinform.html"), "-s", "kazinform",
                                "--language", "en", "--published", "2017-08-21", "-o", "out.yaml"])
    assert fresh.exit_code == 0
    assert '    says: "about $6 billion"' in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_extract_from_pdf_and_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    pdf = runner.invoke(app, ["extract", "tests/data/documents/italpress.pdf", "-s", "italpress-sembayev-2025"])
    assert pdf.exit_code == 0 and 'says: "quasi 8 miliardi di dollari"' in pdf.output and "page 1, line" in pdf.output
    md = runner.invoke(app, ["extract", "tests/data/documents/gateway.md", "-s", "gateway-article-2025"])
    assert md.exit_code == 0 and 'says: "surpassed $7 billion"' in md.output


def test_extract_text_is_data(tmp_path: Path) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text('He said "in 2024" [red]x[/] \x1b[31m and: "nested: {a: b}" it cost $5 billion.\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc), "-s", "x", "--language", "en", "--published", "2025-01-01"])
    assert result.exit_code == 0
    loaded = yaml.safe_load(result.output)["claims"]
    assert any(c["says"] == "$5 billion" for c in loaded)
    assert "\x1b" not in result.output or "\\u001b" in result.output


def test_extract_refuses_bad_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    bad = runner.invoke(app, ["extract", "sources/akorda-2025-09-29.txt", "-s", "x", "--language", "zz", "--published", "2025-01-01"])
    assert bad.exit_code == 2 and "--language" in bad.output
    nope = runner.invoke(app, ["extract", "sources/nope.txt", "-s", "akorda-2025-09-29"])
    assert nope.exit_code == 2 and "not found" in nope.output and "Traceback" not in nope.output
