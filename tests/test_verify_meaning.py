"""`factcheck verify` never suggests a reading that changes the meaning (issue 18).

When a claim's `says` is copied exactly from its quote, verify reads the figure around it in the
quote (FV004) or in the document (FV005) and, if that reads otherwise, tells the user to copy
those words instead. The property, over every phrase of the phrase tables set in a sentence:

- a figure copied exactly, with a verb before it ("rose to 4,100", "è salito a 300", "выросло
  до 500") or plain words around it, is never flagged: the words verify finds around it read
  to the same interval as the figure itself, so nothing is suggested;
- whatever verify does find there is words that, read alone, give the value it reports, and it
  never takes in the verb (a verb read as part of a figure would make "rose to 4,100" "at most
  4,100").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.provenance.figures import figure_at, read_phrase, same_value
from factcheck.read import ValueKind
from factcheck.read.lexicon import get_lexicon

DATA = Path(__file__).parent / "data"
LANGS = ("en", "it", "ru")

#: Words around a figure that are no part of it, per language: (before, after).
CONTEXT = {
    "en": ([("The report says", ""), ("According to the agency,", ", officials said."), ("", " in total, it said.")]),
    "it": ([("Secondo il rapporto,", "."), ("Il dato indica", ", secondo l'agenzia."), ("", " in tutto, ha detto.")]),
    "ru": ([("По данным агентства,", "."), ("В отчете указано:", ", сообщили в ведомстве."), ("", " всего, говорится в сообщении.")]),
}


def _figures(lang: str) -> list[tuple[str, dt.date, Any]]:
    """The tables' phrases that read as a figure (no names: verify does not read names)."""
    out = []
    for case in yaml.safe_load((DATA / f"phrases_{lang}.yaml").read_text(encoding="utf-8")):
        if case["expect"] == "error" or case["expect"]["kind"] == "category":
            continue
        published = dt.date.fromisoformat(str(case["published"]))
        phrase = " ".join(case["phrase"].split())  # as a quote holds it
        value = read_phrase(phrase, lang, published)
        if phrase and value is not None and value.kind is not ValueKind.CATEGORY:
            out.append((phrase, published, value))
    return out


FIGURES = {lang: _figures(lang) for lang in LANGS}
QUANTITIES = {lang: [f for f in FIGURES[lang] if f[2].kind in (ValueKind.AMOUNT, ValueKind.NUMBER, ValueKind.PERCENT)]
              for lang in LANGS}


def _verbs(lang: str) -> list[str]:
    return [" ".join(tokens) for tokens, _ in get_lexicon(lang).verbs.entries()]


def _check(quote: str, says: str, lang: str, published: dt.date) -> None:
    start = quote.index(says)
    own = read_phrase(says, lang, published)
    assert own is not None
    found = figure_at(quote, start, start + len(says), lang, published)
    if found is None:
        return  # nothing read around it: nothing to suggest
    # what verify reports reads, alone, as verify says it reads
    alone = read_phrase(found.words, lang, published)
    assert alone is not None and same_value(alone, found.value), (quote, found.words)
    # and an exact copy is never flagged: the figure around it means what it means
    assert same_value(found.value, own), (quote, says, found.words)


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_exact_copy_in_plain_words_is_never_given_another_reading(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(LANGS))
    phrase, published, _ = data.draw(st.sampled_from(FIGURES[lang]))
    before, after = data.draw(st.sampled_from(CONTEXT[lang]))
    quote = f"{before} {phrase}{after}".strip()
    _check(quote, phrase, lang, published)


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_verb_before_a_figure_never_changes_its_reading(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(LANGS))
    phrase, published, value = data.draw(st.sampled_from(QUANTITIES[lang]))
    verb = data.draw(st.sampled_from(_verbs(lang)))
    before, after = data.draw(st.sampled_from(CONTEXT[lang]))
    quote = f"{before} {verb} {phrase}{after}".strip()
    _check(quote, phrase, lang, published)
    found = figure_at(quote, quote.index(phrase), quote.index(phrase) + len(phrase), lang, published)
    if found is not None:
        assert verb not in found.words.casefold(), (quote, found.words)  # the verb is no part of the figure
