"""`factcheck verify`: each claim proved against its source document.

For every claim whose source has a `path:`, five checks (ids in the FV series, so they can be
told from the rule engine's FC series in CI output):

- FV001 `quote-not-found` (error): the quote is not in the document, exactly or near enough.
- FV002 `quote-differs` (warning): the quote is only near a passage of the document (similarity
  at least `--min-similarity`, but not equal): the passage and its line are shown.
- FV003 `says-not-in-quote` (error): `says` does not occur in the quote.
- FV004 `says-misread` (error): the quote's own words around `says` read as another figure
  than `says` ("$7.6 billion" copied out of "up to $7.6 billion" drops the hedge).
- FV005 `figure-differs` (error): where the quote only nearly matches, the document's figure at
  the place of `says` reads differently ("$6 billion" copied where the text has "$6 million").

Every comparison is made on normalised text (`normalise.py`): typographic quotes, dashes,
whitespace and case do not count. Findings carry the line of the claim in claims.yaml and the
line (page) in the document, and go through the same formats as `factcheck check`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from factcheck.errors import Diagnostic, UnusableInput
from factcheck.load.claims_set import Loaded
from factcheck.load.schema import ClaimsFile, Source
from factcheck.provenance.documents import Document, read_document
from factcheck.provenance.figures import FoundFigure, figure_at, read_phrase, same_value
from factcheck.provenance.normalise import Folded, normalise
from factcheck.provenance.paths import DocumentError, max_document_bytes, resolve
from factcheck.read import Value, ValueKind
from factcheck.read.humanize import figure
from factcheck.report.shapes import ReportRecords

NodePath = tuple[str | int, ...]


@dataclass(frozen=True)
class Check:
    """One verification check, declared like a rule: id, name, severity, summary, doc."""

    id: str
    name: str
    severity: str
    summary: str
    doc: str

    def record(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "summary": self.summary, "doc": self.doc, "severity": self.severity}


CHECKS = {
    c.id: c
    for c in (
        Check("FV001", "quote-not-found", "error", "The quote is not in the source document.",
              (
                  "# FV001 quote-not-found\n\nThe claim's `quote` is not in the document its source's `path:` names, "
                  "exactly or nearly (below `--min-similarity`, default 90). The closest passage, its similarity and "
                  "its line are shown only when it is a real near-match (at least 75% alike, a quote of 20 characters "
                  "or more, a passage hardly longer than the quote); any other passage is never printed."
              )),
        Check("FV002", "quote-differs", "warning", "The quote only nearly matches a passage of the document.",
              (
                  "# FV002 quote-differs\n\nThe quote matches a passage of the document at or above `--min-similarity` "
                  "but not exactly (after normalising quotes, dashes, whitespace and case): a word was changed, "
                  "dropped or mistyped. The passage and its line are shown when it is a real near-match (at least 75% "
                  "alike, a quote of 20 characters or more, a passage hardly longer than the quote)."
              )),
        Check("FV003", "says-not-in-quote", "error", "`says` does not occur in the quote.",
              "# FV003 says-not-in-quote\n\nThe claim's `says` must be the figure's words as they stand in its `quote` (normalised the same way)."),
        Check("FV004", "says-misread", "error", "The quote's words around `says` read as another figure.",
              (
                  "# FV004 says-misread\n\nRead again from the quote's own words around `says`, the figure is not the "
                  "one `says` gives: a hedge, a scale or a currency was left out (`$7.6 billion` out of `up to $7.6 "
                  "billion`)."
              )),
        Check("FV005", "figure-differs", "error", "The document has another figure where the quote has this one.",
              (
                  "# FV005 figure-differs\n\nThe quote nearly matches a passage, and at the place of `says` the "
                  "document's words read as another figure: a figure copied wrong (`$6 billion` where the text has `$6 "
                  "million`)."
              )),
    )
}

DEFAULT_MIN_SIMILARITY = 90.0
#: A passage of a document is shown in a finding only when it is a real near-match of the quote
#: (`showable`): at least this alike whatever --min-similarity says, a quote of at least
#: `SHOW_QUOTE_MIN` characters, and a passage hardly longer than the quote. A quote that merely
#: starts like a token (`ghp_X`) must never make verify print the token, nor the rest of a line.
SHOW_PASSAGE_MIN = 75.0
SHOW_QUOTE_MIN = 20


def showable(quote: str, passage: str, score: float) -> bool:
    """Whether `passage` (folded) may be printed as the document's text for `quote` (folded)."""
    return (score >= SHOW_PASSAGE_MIN and len(quote) >= SHOW_QUOTE_MIN
            and len(passage) <= 1.25 * len(quote) + 8)


@dataclass(frozen=True)
class VerifyOptions:
    min_similarity: float = DEFAULT_MIN_SIMILARITY
    allow_outside_paths: bool = False
    max_document_mb: float | None = None


@dataclass
class VerifyInput:
    """What verify needs of a loaded claims file (or set): the data, where each node is, and
    the folder each source's `path:` is relative to."""

    name: str
    data: ClaimsFile
    locate: Callable[[NodePath], Diagnostic]
    folder_of_source: Callable[[int], Path]


@dataclass
class _Doc:
    document: Document
    folded: Folded = field(init=False)

    def __post_init__(self) -> None:
        self.folded = normalise(self.document.text)


def load_documents(inp: VerifyInput, options: VerifyOptions) -> dict[str, _Doc]:
    """Every source's document, or UnusableInput naming each `path:` that cannot be used."""
    limit = max_document_bytes(options.max_document_mb)
    docs: dict[str, _Doc] = {}
    errors: list[Diagnostic] = []
    for k, source in enumerate(inp.data.sources):
        if source.path is None:
            continue
        try:
            target = resolve(inp.folder_of_source(k), source.path, options.allow_outside_paths)
            docs[source.id] = _Doc(read_document(target, source.path, limit))
        except DocumentError as exc:
            where = inp.locate(("sources", k, "path"))
            errors.append(Diagnostic(where.file, where.line, where.col, f"source {source.id!r}: {exc}"))
    if errors:
        raise UnusableInput(errors)
    return docs


@dataclass(frozen=True)
class _Says:
    """A claim's `says`, read once: its folded words, where they are in the folded quote (-1:
    not there), and its reading (None when it is unreadable, the engine's to report, or a name,
    which has no figure to read again)."""

    words: str
    folded: str
    at: int
    value: Value | None


def _says(says: str, quote: Folded, source: Source) -> _Says:
    folded_says = normalise(says).text
    value = read_phrase(says, source.language, source.published)
    return _Says(says, folded_says, quote.text.find(folded_says) if folded_says else -1,
                 None if value is None or value.kind is ValueKind.CATEGORY else value)


def _figure_at(text: str, start: int, end: int, source: Source) -> FoundFigure | None:
    return figure_at(text, start, end, source.language, source.published)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _map_offset(opcodes: Any, pos: int) -> int:
    """Where offset `pos` of the first string lands in the second, by the edit operations."""
    for op in opcodes:
        if op.src_start <= pos < op.src_end or (pos == op.src_end and op is opcodes[-1]):
            if op.tag == "equal":
                return int(op.dest_start) + (pos - int(op.src_start))
            return int(op.dest_start)
    return int(opcodes[-1].dest_end) if len(opcodes) else pos


def _trim(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The passage that best aligns with the whole quote, from a window fuzzy matching found:
    the window is widened by a quarter on each side, and cut to the first and last characters
    the edit alignment keeps equal (so the passage neither starts mid-way nor drags in the
    previous sentence's full stop)."""

    pad = max(len(quote) // 4, 8)
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    ops = [op for op in Levenshtein.opcodes(quote, text[lo:hi]) if op.tag == "equal"]
    # Stray one- or two-character agreements at the window's edges are not the passage.
    equal = [op for op in ops if op.dest_end - op.dest_start >= 4] or ops
    if not equal:
        return start, end
    first, last = lo + equal[0].dest_start, lo + equal[-1].dest_end
    while first > 0 and text[first - 1].isalnum() and text[first].isalnum():  # whole words
        first -= 1
    while last < len(text) and text[last].isalnum() and text[last - 1].isalnum():
        last += 1
    return first, last


def verify(inp: VerifyInput, options: VerifyOptions = VerifyOptions()) -> dict[str, Any]:
    """The `verification` record: documents, each claim's outcome, and the findings."""
    docs = load_documents(inp, options)
    sources = {s.id: s for s in inp.data.sources}
    claims_out: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []

    def finding(check: str, index: int, key: str, message: str) -> None:
        claim = inp.data.claims[index]
        c = CHECKS[check]
        found.append({"rule": c.id, "name": c.name, "level": c.severity, "claim": index,
                      "subject": claim.subject, "source": claim.source,
                      "location": inp.locate(("claims", index, key)).location, "message": message})

    for index, claim in enumerate(inp.data.claims):
        source = sources.get(claim.source)
        doc = docs.get(claim.source)
        outcome: dict[str, Any] = {"claim": index, "subject": claim.subject, "source": claim.source}
        claims_out.append(outcome)
        if source is None or doc is None:
            outcome["quote"] = "no-document"
            continue
        quote = normalise(claim.quote)
        document = doc.document
        if not quote.text:
            outcome["quote"] = "not-found"
            finding("FV001", index, "quote", "the quote is empty")
            continue
        at = doc.folded.text.find(quote.text)
        if at >= 0:
            score, d_start, d_end = 100.0, at, at + len(quote.text)
        else:
            al = fuzz.partial_ratio_alignment(quote.text, doc.folded.text)
            if al is None or not doc.folded.text:
                score, d_start, d_end = 0.0, 0, 0
            else:
                score = round(al.score, 1)
                d_start, d_end = _trim(quote.text, doc.folded.text, al.dest_start, al.dest_end)
        o_start, o_end = doc.folded.span(d_start, d_end)  # (0, 0) for an empty document
        passage = document.text[o_start:o_end]
        show = showable(quote.text, doc.folded.text[d_start:d_end], score)
        outcome.update(similarity=score, document=document.name, where=document.where(o_start))
        if score == 100.0:
            outcome["quote"] = "exact"
        elif score >= options.min_similarity:
            outcome["quote"] = "near"
            has = f", which has: {_short(passage)!r}" if show else ""
            finding("FV002", index, "quote",
                    f"the quote is only {score:g}% like {document.name} ({document.where(o_start)}){has}")
        else:
            outcome["quote"] = "not-found"
            closest = (f"; the closest passage ({document.where(o_start)}, {score:g}% alike) is {_short(passage)!r}"
                       if passage and show else "")
            finding("FV001", index, "quote", f"quote not found in {document.name}{closest}")
            continue
        says = _says(claim.says, quote, source)
        _check_says(says, claim.quote, quote, source, index, outcome, finding)
        if outcome["quote"] == "near" and outcome.get("says") == "in-quote" and show:
            _check_document_figure(says, quote, doc, d_start, d_end, source, index, outcome, finding)

    counts = {
        "claims": len(inp.data.claims),
        "documents": len(docs),
        **{k: sum(1 for c in claims_out if c["quote"] == k) for k in ("exact", "near", "not-found", "no-document")},
        "errors": sum(1 for f in found if f["level"] == "error"),
        "warnings": sum(1 for f in found if f["level"] == "warning"),
    }
    documents = [{"source": sid, **d.document.record()} for sid, d in docs.items()]
    return {"documents": documents, "claims": claims_out, "findings": found, "counts": counts,
            "min_similarity": options.min_similarity}


def _check_says(says: _Says, raw_quote: str, quote: Folded, source: Source, index: int,
                outcome: dict[str, Any], finding: Callable[[str, int, str, str], None]) -> None:
    if says.at < 0:
        outcome["says"] = "not-in-quote"
        finding("FV003", index, "says", f"says {says.words!r} does not occur in the quote")
        return
    outcome["says"] = "in-quote"
    value = says.value
    if value is None:
        return
    start, end = quote.span(says.at, says.at + len(says.folded))
    around = _figure_at(raw_quote, start, end, source)
    if around is None or same_value(around.value, value):
        return

    outcome["says"] = "misread"
    finding("FV004", index, "says",
            (
                f"the quote's words {_short(around.words)!r} read as {figure(around.value)}, but says {says.words!r} "
                f"reads as {figure(value)}: copy the figure's words as they stand"
            ))


def _check_document_figure(says: _Says, quote: Folded, doc: _Doc, d_start: int, d_end: int,
                           source: Source, index: int, outcome: dict[str, Any],
                           finding: Callable[[str, int, str, str], None]) -> None:
    """The quote nearly matches: read the document's figure at the place of `says`."""


    value = says.value
    if value is None:
        return
    passage = doc.folded.text[d_start:d_end]
    ops = Levenshtein.opcodes(quote.text, passage)
    p_start = d_start + _map_offset(ops, says.at)
    p_end = d_start + _map_offset(ops, says.at + len(says.folded) - 1) + 1
    o_start, o_end = doc.folded.span(p_start, p_end)
    text = doc.document.text
    # Read the figure in its sentence-sized neighbourhood of the document, so hedges and scale
    # words next to it come along.
    lo = max(0, o_start - 120)
    hi = min(len(text), o_end + 120)
    there = _figure_at(text[lo:hi], o_start - lo, o_end - lo, source)
    if there is None or same_value(there.value, value):
        return
    outcome["figure"] = "differs"
    finding("FV005", index, "says",
            (
                f"{doc.document.name} ({doc.document.where(lo + there.start)}) has {_short(there.words)!r}, read as "
                f"{figure(there.value)}, where the claim has {says.words!r} ({figure(value)})"
            ))


def verify_loaded(loaded: Loaded, options: VerifyOptions | None = None) -> dict[str, Any]:
    """Every claim against its source's document (`factcheck verify`): the `verification`
    record. Raises UnusableInput naming each source `path:` that cannot be read."""

    inp = VerifyInput(loaded.loaded.display_name, loaded.loaded.data, loaded.loaded.locate, loaded.folder_of_source)
    return verify(inp, options or VerifyOptions())


def check_rules() -> list[dict[str, str]]:
    """The verification checks as rule records (SARIF's rule list, `check --verify`)."""
    return [c.record() for c in CHECKS.values()]


def verification_records(loaded: Loaded, verification: dict[str, Any]) -> ReportRecords:
    """The records `factcheck verify` renders: the verification alone, no judged subjects."""
    data = loaded.loaded.data
    return {
        "command": "verify",
        "file": loaded.loaded.display_name,
        "counts": {"subjects": len(data.subjects), "claims": len(data.claims)},
        "subjects": [],
        "problems": [],
        "verification": verification,
    }
