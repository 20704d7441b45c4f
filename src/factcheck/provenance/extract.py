"""`factcheck extract DOC --source ID`: candidate claims, one per figure, date and rank.

The document is cut into sentences (sentencex, Wikimedia's segmenter for ~300 languages; quoted
speech that it keeps whole is cut again at its own full stops, since a claim quotes one
sentence), and `figures.find_figures` finds every figure in each. A candidate's `quote` is its
sentence (whitespace collapsed, which `verify` ignores), its `says` the figure's own words, its
`subject` left for the user to choose, with a suggestion: the existing subject whose title
shares the most words with the sentence and whose claims read in the same dimension, else a new
id made of the sentence's words nearest the figure.

A lone word that only may be a figure ("un", "first", "prima") is not proposed: in running text
it is an article or an adverb far more often than a claim; nor is a number word after a definite
article ("the two leaders"). A candidate the claims file already has (same source, one quote
inside the other, the same figure) says so, and its subject is the suggestion.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import ValidationError
from rapidfuzz import fuzz

from factcheck.errors import UsageError
from factcheck.load.schema import ClaimsFile, Source
from factcheck.provenance.documents import Document
from factcheck.provenance.figures import (
    FoundFigure,
    find_figures,
    read_phrase,
    same_value,
)
from factcheck.provenance.normalise import folded
from factcheck.read import Value, ValueKind
from factcheck.read.humanize import figure
from factcheck.read.lexicon import available_languages
from factcheck.safe_text import printable


@dataclass(frozen=True)
class Candidate:
    source: str
    says: str
    quote: str
    where: str  # "line 13", "page 2, line 5"
    value: Value
    suggestion: str | None  # an existing subject's id, or a new id
    suggestion_is_new: bool
    already: int | None  # index of a claim in the claims file that already says this


# A full stop, question or exclamation mark that ends a sentence inside quoted speech: after a
# word of three or more letters or a digit, before a capital or an opening quote.
_INNER_END = re.compile(r"(?<=[^\W\d_]{3}[.!?])\s+(?=[\"“«‘]?[^\W\d_](?<=[A-ZÀ-ÝА-ЯЁ]))|(?<=\d[.!?])\s+(?=[A-ZÀ-ÝА-ЯЁ])")


# A line break after a character that cannot end a sentence: the page (or a PDF's layout) cut
# the sentence, not its author ("amounted to about" / "$6 billion.").
_CUT = re.compile(r"(?<=[^\s.!?:;\"”»)\]])[ \t]*\n\s*")
_NUMBERING = re.compile(r"^\W*\(?\d{1,3}[.)]?\W*$")  # "25." heading a numbered paragraph


def _segments(text: str, lang: str) -> list[str]:
    """sentencex's segments of the text with cut sentences joined (the cut's whitespace
    becomes spaces, so offsets stay those of the text)."""
    from sentencex import segment

    joined = _CUT.sub(lambda m: " " * len(m.group()), text)
    pieces = list(segment(lang, joined))
    out, pos = [], 0
    for piece in pieces:
        at = joined.find(piece, pos)
        if at < 0:
            continue
        pos = at + len(piece)
        out.append(text[at:pos])
    return out


def sentences(text: str, lang: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of `text`, in order."""
    pos = 0
    for piece in _segments(text, lang):
        at = text.find(piece, pos)
        if at < 0:  # the segmenter changed the text: fall back to searching its stripped form
            at = text.find(piece.strip(), pos)
            if at < 0:
                continue
            piece = piece.strip()
        pos = at + len(piece)
        start = 0
        for m in _INNER_END.finditer(piece):
            yield at + start, piece[start:m.start()]
            start = m.end()
        yield at + start, piece[start:]


_DEFINITE = frozenset(["the", "il", "lo", "la", "i", "gli", "le", "l'", "l’", "der", "die", "das", "los", "las", "les"])


def _not_a_claim(f: FoundFigure) -> bool:
    """A lone word that may be a figure ("un", "first", "prima"), or a number word after a
    definite article ("the two leaders", "i due paesi": things already named, not a count)."""
    if any(ch.isdigit() for ch in f.words):
        return False
    words = f.words.lower().split()
    if len(words) == 1:
        return f.value.kind is not ValueKind.DATE  # "quest'anno", "yesterday" are dates
    return f.value.kind is ValueKind.NUMBER and words[0] in _DEFINITE


_OPENERS, _CLOSERS = "“«\"‘", "”»\"’"


def _tidy(sentence: str) -> str:
    """Whitespace collapsed, and an opening or closing quotation mark whose partner is in
    another sentence dropped."""
    text = " ".join(sentence.split())
    if text[:1] in _OPENERS and not any(ch in text[1:] for ch in _CLOSERS + '"'):
        text = text[1:]
    if text[-1:] in _CLOSERS and not any(ch in text[:-1] for ch in _OPENERS + '"'):
        text = text[:-1]
    return text


def candidates(document: Document, source: Source, claims: ClaimsFile | None = None) -> list[Candidate]:
    """Every figure in the document, as a candidate claim of `source`."""
    out = []
    seen: set[tuple[str, str]] = set()
    existing = _existing(claims, source)
    subjects = _subjects(claims)
    for offset, sentence in sentences(document.text, source.language):
        if not any(ch.isalnum() for ch in sentence) or _NUMBERING.match(sentence):
            continue
        for f in find_figures(sentence, source.language, source.published):
            if _not_a_claim(f):
                continue
            quote = _tidy(sentence)
            says = " ".join(f.words.split())
            if (says, quote) in seen:  # a headline repeated down the page: one candidate
                continue
            seen.add((says, quote))
            already = _already(existing, says, f.value, quote)
            suggestion: str | None
            if already is not None and claims is not None:
                suggestion, new = claims.claims[already].subject, False
            else:
                suggestion, new = _suggest(sentence, f, subjects)
            out.append(Candidate(source.id, says, quote, document.where(offset + f.start), f.value,
                                 suggestion, new, already))
    return out


@dataclass(frozen=True)
class _Known:
    index: int
    says: str  # folded
    quote: str  # folded
    value: Value | None


def _existing(claims: ClaimsFile | None, source: Source) -> list[_Known]:
    if claims is None:
        return []
    return [_Known(k, folded(c.says), folded(c.quote), _read(c.says, source))
            for k, c in enumerate(claims.claims) if c.source == source.id]


def _read(says: str, source: Source) -> Value | None:
    return read_phrase(says, source.language, source.published)


def matches(known_says: str, known_quote: str, known_value: Value | None, says: str, value: Value, quote: str) -> bool:
    """The same figure of the same sentence: one quote inside the other (quoted a little shorter
    or longer) and the same `says`, or `says` inside each other and read the same."""
    s, q = folded(says), folded(quote)
    if not (known_quote in q or q in known_quote):
        return False
    if known_says == s:
        return True
    return (known_says in s or s in known_says) and known_value is not None and same_value(known_value, value)


def _already(existing: list[_Known], says: str, value: Value, quote: str) -> int | None:
    """The claim of the file that already says this, if any."""
    return next((k.index for k in existing if matches(k.says, k.quote, k.value, says, value, quote)), None)


_STOP = frozenset(
    "the a an of in on at to for and or by with from as is are was were be been has have had "  # noqa: SIM905
    "its their our his her this that these those over about up than more less some which who "
    "il lo la i gli le un una di da in con su per tra fra e ed o del della dei delle nel nella "
    "al alla che è ha hanno sono".split()
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", folded(text)) if w not in _STOP and len(w) > 2]


@dataclass(frozen=True)
class _Subject:
    id: str
    title_words: str
    dimensions: frozenset[tuple[str, str | None]]  # of its claims' readings; empty: no claims read


def _subjects(claims: ClaimsFile | None) -> list[_Subject]:
    """The file's subjects as `_suggest` compares them, prepared once per document."""
    if claims is None:
        return []
    sources = {s.id: s for s in claims.sources}
    dims: dict[str, set[tuple[str, str | None]]] = {}
    for c in claims.claims:
        s = sources.get(c.source)
        v = _read(c.says, s) if s is not None else None
        if v is not None:
            dims.setdefault(c.subject, set()).add(v.dimension)
    return [_Subject(subject.id, " ".join(_words(subject.title)), frozenset(dims.get(subject.id, ())))
            for subject in claims.subjects]


def _suggest(sentence: str, f: FoundFigure, subjects: list[_Subject]) -> tuple[str | None, bool]:
    """An existing subject whose title shares words with the sentence and whose claims read in
    the figure's dimension; else a new id from the words nearest the figure."""
    if subjects:
        best, best_score = None, 0.0
        text = " ".join(_words(sentence))
        for subject in subjects:
            if subject.dimensions and f.value.dimension not in subject.dimensions:
                continue
            score = fuzz.token_set_ratio(subject.title_words, text)
            if score > best_score:
                best, best_score = subject.id, score
        if best is not None and best_score >= 50:
            return best, False
    near = sorted(_words(sentence[: f.start])[-3:] + _words(sentence[f.end:])[:3])
    slug = "-".join(dict.fromkeys(near))[:60].strip("-")
    return (slug or None), True


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML): any text is safe."""
    return json.dumps(text, ensure_ascii=False)


def to_yaml(found: list[Candidate], document: Document, command: str) -> str:
    """Candidates as YAML to paste under `claims:`; deterministic."""

    kinds: dict[str, int] = {}
    for c in found:
        kinds[c.value.kind.value] = kinds.get(c.value.kind.value, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    lines = [
        f"# {_comment(command)}",
        f"# {len(found)} candidate claim{'s' * (len(found) != 1)} from {_comment(document.name)}" + (f" ({summary})" if summary else "") + ".",
        "# Choose each `subject:` (a suggestion is given), delete the figures not worth a claim, then paste under `claims:`.",
        "claims:",
    ]
    for c in found:
        lines.append(f"  # {_comment(document.name)} {c.where}: reads as {_comment(figure(c.value))} ({c.value.kind.value})"
                     + (f"; already claim {c.already + 1} of the claims file" if c.already is not None else ""))
        hint: str = f"new subject? {c.suggestion}" if c.suggestion_is_new else f"suggested: {c.suggestion}"
        lines.append(f"  - subject: null  # {_comment(hint)}" if c.suggestion else "  - subject: null  # choose a subject")
        lines.append(f"    source: {_q(c.source)}")
        lines.append(f"    says: {_q(c.says)}")
        lines.append(f"    quote: {_q(c.quote)}")
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    """Text made safe for one YAML comment line: control characters escaped (`\\x1b`), and
    every line break (LF, CR, U+0085, U+2028, U+2029, which YAML 1.1 readers also break at) a
    space, so a file name cannot end the comment and add a key."""

    return " ".join(printable(text).split())


def to_json(found: list[Candidate], document: Document) -> str:
    records = {
        "document": document.record(),
        "candidates": [
            {"source": c.source, "says": c.says, "quote": c.quote, "where": c.where, "kind": c.value.kind.value,
             "reads_as": figure(c.value), "suggested_subject": c.suggestion, "new_subject": c.suggestion_is_new,
             "already_claim": c.already}
            for c in found
        ],
    }
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def source_for(claims: ClaimsFile | None, source_id: str, language: str | None, published: dt.date | None) -> Source | None:
    """The source from the claims file, or one made of --language and --published; None when
    neither is there. Raises `UsageError` for a language factcheck cannot read or a source
    that would not be valid in a claims file."""
    if language is not None and language not in available_languages():
        raise UsageError([f"--language: {language!r} is not one of {', '.join(sorted(available_languages()))}"])
    if claims is not None:
        for s in claims.sources:
            if s.id == source_id:
                return s
    if language is None or published is None:
        return None
    try:
        return Source(id=source_id, title=source_id, published=published, language=language)
    except ValidationError as exc:
        option = {"language": "--language", "published": "--published"}
        raise UsageError([
            f"{option.get(str(e['loc'][0]), '--source') if e['loc'] else '--source'}: {e['input']!r} is not valid: "
            f"{e['msg'].lower()} (a source id is lowercase letters and digits joined by hyphens)"
            for e in exc.errors(include_url=False)
        ]) from None
