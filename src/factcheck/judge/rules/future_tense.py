"""FC106 future-tense-in-the-past: a quote in the future tense cannot date its event before it was written.

"A monument will be erected in 2024", published in 2025, is wrong somewhere: the tense, the
date, or the publication date entered for the source. The claim's quote (the sentence around
`says`) is searched for the future-tense markers of the source's language (`future_tense:` in
the language file: `will`, `is to be`, `sarà`, `-rà`/`-ranno`, `будет`, `состоится` …); if one is
there and the claim's date ends before the source's publication day, the claim contradicts
itself. A heuristic, on purpose a narrow one: only date claims, only the sentence that holds
`says`. Give it `severity = "warning"` in the config if your sources mix tenses in one sentence.

Conflicting::

    subject: abai-monument-unveiling  (kind: constant)
    gateway-2025 (published 2025-10-03)  says: in 2024
    quote: "a monument to Abai will be erected in Rome in 2024"

Consistent::

    gateway-2025 (published 2025-10-03)  says: next year
    quote: "a monument to Abai will be erected in Rome next year"   (2026: after publication)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.judge.claims import JudgedClaim
from factcheck.judge.rules.base import Conflict, NoOptions, Rule, describe
from factcheck.load.schema import Subject, SubjectKind
from factcheck.read import ValueKind
from factcheck.read.lexicon import future_tense

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def check(claims: Sequence[JudgedClaim], options: NoOptions, subject: Subject) -> list[Conflict]:
    out = []
    for rc in claims:
        value = rc.value
        if value is None or value.kind is not ValueKind.DATE or value.interval is None or value.interval.upper is None:
            continue
        if value.end is None or value.end >= rc.source.published:
            continue
        marker = future_marker(rc)
        if marker is not None:
            out.append(
                Conflict(
                    RULE.id,
                    (rc,),
                    f"{describe(rc)} is in the future tense (“{marker}”) yet dates the event before "
                    f"its source was published on {rc.source.published}: the tense, the date or the "
                    "publication date is wrong",
                )
            )
    return out


def future_marker(rc: JudgedClaim) -> str | None:
    """The future-tense word in the sentence of the quote that holds `says`, if any."""
    pattern = future_tense(rc.source.language)
    if pattern is None:
        return None
    sentence = _sentence_with(rc.claim.quote, rc.says)
    m = pattern.search(sentence)
    return m.group(0) if m else None


def _sentence_with(quote: str, says: str) -> str:
    sentences = _SENTENCE_END.split(quote)
    folded = says.casefold()
    for sentence in sentences:
        if folded in sentence.casefold():
            return sentence
    return quote


RULE = Rule(
    id="FC106",
    name="future-tense-in-the-past",
    kinds=frozenset(SubjectKind),
    check=check,
    summary="A quote in the future tense cannot date its event before the source was published.",
)
