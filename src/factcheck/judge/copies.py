"""Probable copies: claims whose quotes are nearly the same text are not independent.

Two claims are *copies* when their quotes are nearly the same text (rapidfuzz's normalised
Indel similarity ≥ `COPY_SIMILARITY` after folding case, quotes, dashes and spaces, on quotes of
at least `MIN_QUOTE` characters): one source probably took the sentence from the other, or both
from one press release. A copy is not independent corroboration, so the two never corroborate
(or contradict) each other. The same figure in different words is not a copy: "$7 billion" is
said by many.

Pairs are compared within a subject only. Up to `MAX_PAIRWISE` claims with long quotes, every
pair is compared. Beyond that (8,000 claims on one subject took 33 s and 3.3 GB: every pair
compared, and 32 million pairs of identical quotes kept), quotes that are the same text once
folded are one group, linked to its first claim (not pair by pair), and near-copies are sought
by sorted neighbourhood: each quote is compared with the `NEIGHBOURS` nearest to it in the
alphabetical order of the quotes and of the quotes written backwards (a copy keeps its start or
its end). That is n log n, and at most a few pairs per claim; a near-copy changed at both ends
of a long subject can then go unnoticed.

A quote that is nothing but the figure itself (a bookstore's author list), and on a subject with
three sources or more a quote most of them print word for word, are never evidence of copying:
the same true value written the same way proves nothing (issue 19). Copying between sources
across a whole file, on shared distinctive values rather than quotes, is `factcheck.judge.trust`'s.

Reconciliation counts a group of copies as one voice; source track records
(`factcheck.sources`) never let copies corroborate each other.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from factcheck.judge.claims import ReadClaim
from factcheck.load.schema import SubjectKind

C = TypeVar("C", bound=ReadClaim)

COPY_SIMILARITY = 90.0



MIN_QUOTE = 30



MAX_PAIRWISE = 200



NEIGHBOURS = 4

#: On a subject with at least this many sources, a quote printed word for word by more than this
#: share of them is a common wording, not a copy.
UBIQUITOUS_MIN_SOURCES = 3
UBIQUITOUS_SHARE = 0.5


def _value_only(rc: ReadClaim) -> bool:
    """A quote that is nothing but the figure itself (`Knuth, Donald E.`) is no sentence to copy."""
    quote, says = rc.claim.quote, rc.claim.says
    if abs(len(quote) - len(says)) > 8:  # a sentence around the figure (the usual case): no folding
        return False
    return normalise_quote(quote) == normalise_quote(says)



def normalise_quote(text: str) -> str:
    """Fold what copying does not change: case, typographic quotes and dashes, spacing.
    (Cached: trust and copy detection both fold the quotes of every claim, and they repeat.)"""
    return _normalise_quote(text)


#: Typographic quotes and dashes as their plain forms (one `str.translate`, not three regexes).
_PLAIN = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
})


@lru_cache(maxsize=65536)
def _normalise_quote(text: str) -> str:
    if text.isascii():  # NFKC and case folding change nothing in ASCII but its capitals
        text = text.lower()
    else:
        # Case folding can undo NFKC's composition (ß + accent → "ss" + accent), so fold, then
        # compose: the result is a fixed point (normalising twice changes nothing).
        text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    # str.split() splits on exactly the characters `\s` matches in a str pattern
    return " ".join(text.translate(_PLAIN).split())



def copy_pairs(claims: Sequence[C]) -> list[tuple[C, C, float]]:
    """Pairs of claims from different sources whose quotes are nearly the same text (every pair
    up to `MAX_PAIRWISE` long quotes; beyond, identical groups and sorted neighbours)."""

    long = [rc for rc in claims if len(rc.claim.quote) >= MIN_QUOTE and not _value_only(rc)]
    if len(long) < 2 or len({rc.source.id for rc in long}) < 2:
        return []
    normal = [normalise_quote(rc.claim.quote) for rc in long]
    # A quote most of a subject's sources print word for word is the common wording of a fact
    # (a title, an author list as everyone lists it), not one source's text taken by another.
    speakers = len({rc.source.id for rc in claims})
    if speakers >= UBIQUITOUS_MIN_SOURCES:
        by_text: dict[str, set[str]] = {}
        for rc, text in zip(long, normal, strict=True):
            by_text.setdefault(text, set()).add(rc.source.id)
        common = {t for t, srcs in by_text.items() if len(srcs) > speakers * UBIQUITOUS_SHARE}
        if common:
            keep = [k for k, text in enumerate(normal) if text not in common]
            long, normal = [long[k] for k in keep], [normal[k] for k in keep]
            if len(long) < 2:
                return []
    if len(long) > MAX_PAIRWISE:
        return _copy_pairs_bounded(long, normal)
    out = []
    for i, a in enumerate(long):
        for j in range(i + 1, len(long)):
            b = long[j]
            if a.source.id == b.source.id:
                continue
            score = fuzz.ratio(normal[i], normal[j], score_cutoff=COPY_SIMILARITY)
            if score:
                out.append((a, b, round(score, 1)))
    return out



def _copy_pairs_bounded(long: list[C], normal: list[str]) -> list[tuple[C, C, float]]:
    """`copy_pairs` in n log n time and O(n) pairs (see the module docstring)."""

    found: dict[tuple[int, int], float] = {}
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(normal):
        groups.setdefault(text, []).append(i)
    for members in groups.values():  # the same text: each linked to the first of another source
        first = members[0]
        other = next((i for i in members if long[i].source.id != long[first].source.id), None)
        for i in members[1:]:
            partner = first if long[i].source.id != long[first].source.id else other
            if partner is not None and partner != i:
                found[(min(i, partner), max(i, partner))] = 100.0
    # One representative a text for the neighbourhoods; its group follows it through `found`.
    reps = sorted(members[0] for members in groups.values())
    for key in (lambda i: normal[i], lambda i: normal[i][::-1]):
        order = sorted(reps, key=key)
        for k, i in enumerate(order):
            for j in order[k + 1 : k + 1 + NEIGHBOURS]:
                a, b = min(i, j), max(i, j)
                if (a, b) not in found:
                    score = fuzz.ratio(normal[a], normal[b], score_cutoff=COPY_SIMILARITY)
                    if score:
                        found[(a, b)] = round(score, 1)
    return [(long[a], long[b], score) for (a, b), score in sorted(found.items())
            if long[a].source.id != long[b].source.id]



def restated_templates_removed(
    pairs: list[tuple[C, C, float]], kind: SubjectKind, window: int | None
) -> list[tuple[C, C, float]]:
    """The pairs without a template restated: the same sentence with a different figure at
    another time (a central bank's "cut its deposit rate to 3.75%", then "to 3.5%" three months
    later; a wire's "the death toll rose to 41", then "to 43" the next day) is how the figure is
    always announced, not one source copying another. A constant has one value at every time,
    so there a different figure in the same sentence stays a copy with a typo."""
    if kind is SubjectKind.CONSTANT:
        return pairs
    return [(a, b, score) for a, b, score in pairs if _same_figure(a, b) or _one_time(a, b, kind, window)]


def _same_figure(a: ReadClaim, b: ReadClaim) -> bool:
    return a.value is None or b.value is None or a.value.overlaps(b.value)


def _one_time(a: ReadClaim, b: ReadClaim, kind: SubjectKind, window: int | None) -> bool:
    if kind is SubjectKind.FLOW and a.period is not None and b.period is not None:
        return a.period.interval == b.period.interval
    return a.same_time_as(b, window)


def copy_groups(claims: Sequence[C]) -> list[tuple[C, ...]]:
    """The claims as independent units: probable copies of each other grouped, in claim order."""
    parent = {rc.index: rc.index for rc in claims}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b, _ in copy_pairs(claims):
        ra, rb = root(a.index), root(b.index)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[C]] = {}
    for rc in claims:
        groups.setdefault(root(rc.index), []).append(rc)
    return [tuple(g) for g in groups.values()]
