"""Values that are lists of people's names (authors, members, participants).

A subject declares them with `unit: list of names`. Each claim's `says` is read as a SET of
people, so that the same list written differently is the same value:

- `Stroustrup, Bjarne` = `Bjarne Stroustrup` (nameparser reads "Last, First" and "First Last");
- `MacLennan, Bruce J.` = `Bruce J. MacLennan` = `B. MacLennan` (a person is their surname
  and first initial: a full first name and an initial match);
- `Müller` = `Muller` = `MULLER` (case and diacritics folded);
- lists are split at `;`, `/`, `&`, ` and `, newlines and, when every piece is a whole name,
  at commas (`Robert Sedgewick, Michael Schidlowsky`); `Sedgewick, Robert, Schidlowsky,
  Michael` (surname, first name pairs) is read as two people;
- roles and noise (`(EDT)`, `By (author)`, `Ph.D.`, `et al.`, `Jr.`) are dropped.

The value is a category whose key is the sorted people (`maclennan b|stroustrup b`): two claims
agree when they name the same people, in any order. A claim naming nobody readable (`Not
Available`) is unreadable, as a non-answer is for figures.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factcheck.judge.claims import JudgedClaim, ReadClaim
from factcheck.read import Value, ValueKind

#: The `unit:` words that declare a subject's values are lists of names.
NAMES_UNITS = frozenset({"list of names", "names list", "people names", "person names", "authors"})
NAMES_UNIT = "names"  # the unit of a names-list value

_NON_ANSWER = re.compile(r"^\W*(?:not\s+available|n/?a|none|unknown|null|tba|tbd|-+)?\W*$", re.IGNORECASE)
_NOISE = re.compile(
    r"\((?:[^)]*)\)|\bedited\b|\bet\.?\s+al\b\.?|\beditors?\b|\bph\.?\s?d\b\.?|\bjr\b\.?|\bsr\b\.?|"
    r"\bprof(?:essor)?\b\.?|\bdr\b\.?|\b(?:ii|iii|iv)\b|\bforeword\b|\btranslated\b|\bintroduction\b|"
    r"\bauthors?\b|\bcontributors?\b|\bwith\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:;|/|&|\n|\bby\b|\band\b|\bund\b|\bet\b|\be\b|\bи\b)\s*", re.IGNORECASE)


def is_names_unit(unit: str | None) -> bool:
    return unit is not None and " ".join(unit.lower().split()) in NAMES_UNITS


def fold(text: str) -> str:
    """Lower case, no diacritics, letters only."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", "".join(ch for ch in text if not unicodedata.combining(ch)).lower())


def person_key(name: str) -> str | None:
    """`Bruce J. MacLennan` / `MacLennan, Bruce J.` / `B. MacLennan` → `maclennan b`: a person is
    their surname and first initial (a lone word is a surname: `Moore` → `moore`); None when
    there is no surname."""
    from nameparser import (
        HumanName,  # 40 ms to import: only when a subject has lists of names
    )

    human = HumanName(name.strip())
    last, first = fold(human.last), fold(human.first) or fold(human.middle)
    if not last:
        last, first = first, ""
    return f"{last} {first[:1]}".strip() or None


def people(says: str) -> tuple[str, ...]:
    """The people a list names, as sorted keys (empty: nobody readable)."""
    return _people(says)


@lru_cache(maxsize=65536)
def _people(says: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", says).replace("\xa0", " ")
    if _NON_ANSWER.match(text):
        return ()
    text = _NOISE.sub(" ", text)
    text = re.sub(r"(?<=[a-z]{3})(?=[A-Z][a-z])", "; ", text)  # `ChristineNord`: two names run together
    keys: list[str] = []
    for piece in _SPLIT.split(text):
        parts = [p.strip() for p in piece.split(",") if fold(p)]
        if not parts:
            continue
        if len(parts) == 1 or all(len(p.split()) >= 2 for p in parts):
            names = parts
        else:  # `Last, First[, Last, First]`
            names = [f"{parts[i]}, {parts[i + 1]}" if i + 1 < len(parts) else parts[i] for i in range(0, len(parts), 2)]
        for name in names:
            key = person_key(name)
            if key:
                keys.append(key)
    return tuple(sorted(keys))


def names_value(says: str) -> Value | None:
    """A list of names as a value (None: nobody readable)."""
    keys = people(says)
    if not keys:
        return None
    return Value(ValueKind.CATEGORY, None, unit=NAMES_UNIT, category="|".join(keys), label=says.strip())


def names_claim(rc: ReadClaim) -> ReadClaim:
    """A claim on a names-list subject: its `says` read as the people it names (its time and
    period as read); unreadable when it names nobody."""
    if rc.error_field not in (None, "says", "value"):
        return rc  # its `as_of` or `period` could not be read
    value = names_value(rc.says)
    # built afresh, not `replace`d: the class says whether it was judged (a figure the reader
    # read, `0`, that names nobody must not stay a JudgedClaim with no value)
    if value is None:
        return ReadClaim(rc.index, rc.claim, rc.source, None, f"'{rc.says}' names no person that can be read",
                         "says", rc.time, rc.period)
    return JudgedClaim(rc.index, rc.claim, rc.source, value, None, None, rc.time, rc.period)
