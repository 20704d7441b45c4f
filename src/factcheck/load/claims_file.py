"""claims.yaml → validated models, or every error with its file:line:col (SPEC §1).

Fast path: yaml-rs, then one pydantic validation of the whole document, then the cross-reference
checks. Only when one of these finds something wrong is the text composed again with positions
(see `yamlio.PositionIndex`), so a clean 100k-claim file never pays for line numbers.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.errors import MAX_SUGGESTIONS, Diagnostic, UnusableInput, did_you_mean
from factcheck.files import (
    display_name,
    read_at_most,
    refuse_special,
    unreadable_as_input,
)
from factcheck.load.schema import ClaimsFile
from factcheck.load.validation import validation_problems
from factcheck.load.yamlio import (
    BlockListLocator,
    Position,
    PositionIndex,
    YamlSyntaxError,
    load_yaml,
    second_document_line,
)
from factcheck.load.yamlio import Path as NodePath
from factcheck.read.lexicon import category_key
from factcheck.read.units import is_currency, subject_dimension


@dataclass
class ClaimsDocument:
    """A loaded claims file: its models, and where things are in its text (on demand)."""

    display_name: str
    text: str
    data: ClaimsFile

    @cached_property
    def positions(self) -> PositionIndex:
        return PositionIndex.build(self.text)

    @cached_property
    def claim_lines(self) -> BlockListLocator | None:
        return BlockListLocator.build(self.text, "claims", len(self.data.claims))

    def locate(self, path: NodePath) -> Diagnostic:
        """Where a node is: by a line scan for claims when that can be trusted, else by YAML."""
        pos: Position | None = None
        if len(path) == 3 and path[0] == "claims" and isinstance(path[1], int) and self.claim_lines:
            pos = self.claim_lines.find(path[1], str(path[2]))
        if pos is None:
            pos = self.positions.value(path)
        return Diagnostic(self.display_name, pos.line, pos.col, "")


#: Claims files larger than this are refused before they are read (YAML is parsed whole in
#: memory; pipelines with more claims use claims.jsonl). `FACTCHECK_MAX_FILE_MB` changes it.
DEFAULT_MAX_FILE_MB = 100


class SettingError(ValueError):
    """A size limit (an environment variable or an option) that is not a size: the message says
    which and why."""


def megabytes(value: str | float, what: str) -> float:
    """A size limit in megabytes: a finite number ≥ 0, or SettingError naming `what`."""

    try:
        mb = float(value)
    except (TypeError, ValueError):
        mb = math.nan
    if not math.isfinite(mb) or mb < 0:
        raise SettingError(f"{what}: {str(value)!r} is not a size in megabytes (give a finite number ≥ 0)")
    return mb


def megabytes_setting(variable: str, default: float) -> float:
    """A size limit in MB from an environment variable; the default when unset or empty;
    SettingError when it is set to anything but a finite number ≥ 0 (`nan`, `inf`, `-1`, `ten`)."""
    raw = os.environ.get(variable, "").strip()
    return megabytes(raw, variable) if raw else default


def as_bytes(mb: float) -> int:
    """Megabytes as bytes, at most 2**62 (so `1e308` is "no practical limit", not an overflow)."""
    return int(min(mb * 2**20, 2.0**62))


def max_file_bytes() -> int:
    return as_bytes(megabytes_setting("FACTCHECK_MAX_FILE_MB", DEFAULT_MAX_FILE_MB))


def read_text(path: Path) -> str:
    """The file as text; BOM removed; invalid UTF-8 is an error with its position.

    At most the size limit is read, whatever the file claims to be: a regular file over it is
    refused before it is read, a pipe once it passes it, and a device (`/dev/zero`) at once."""

    name = display_name(path)
    limit = max_file_bytes()
    with unreadable_as_input(name):
        with path.open("rb") as f:
            info = os.fstat(f.fileno())
            refuse_special(info, name)
            if info.st_size > limit and path.is_file():
                raise UnusableInput([Diagnostic(
                    name, 1, 1,
                    f"the file is {info.st_size / 2**20:.0f} MB, over the limit of {limit / 2**20:.0f} MB: split it into a "
                    "folder of files, or set FACTCHECK_MAX_FILE_MB",
                )])
            raw = read_at_most(f, limit)
    if len(raw) > limit:
        raise UnusableInput([Diagnostic(name, 1, 1, f"the file is over the limit of {limit / 2**20:.0f} MB: split it into a "
                                        "folder of files, or set FACTCHECK_MAX_FILE_MB")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise UnusableInput(
            [Diagnostic(name, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})")]
        ) from None


def load_claims(path: str | Path) -> ClaimsDocument:
    """Load and validate a claims file, or raise UnusableInput with every error in it."""
    path = Path(path)
    name = display_name(path)
    text = read_text(path)
    return load_claims_text(text, name)


@dataclass
class SharedIds:
    """For one file of a set (`multi.load_many`): the source and subject ids the *other* files
    define (a claim may name them), and those the *earlier* files define, with their file
    (defining one again is a duplicate)."""

    known: dict[str, set[str]]
    earlier: dict[str, dict[str, str]]


def load_claims_text(text: str, name: str = "claims.yaml", shared: SharedIds | None = None) -> ClaimsDocument:
    """Like `load_claims`, for text already in memory (tests, stdin, git revisions)."""
    early: list[Diagnostic] = []
    try:
        raw = load_yaml(text)
    except YamlSyntaxError as exc:
        early = [Diagnostic(name, ln, col, msg) for ln, col, msg in exc.problems]
        if not exc.duplicates_only:
            raise UnusableInput(early) from None
        try:
            raw = load_yaml(text, keep_first_duplicate=True)  # go on: report every error at once
        except YamlSyntaxError as again:
            more = [Diagnostic(name, ln, col, msg) for ln, col, msg in again.problems]
            raise UnusableInput(early + [d for d in more if d not in early]) from None
    if raw is None:
        raise UnusableInput([Diagnostic(name, 1, 1, "empty file: expected a mapping with version, sources, subjects and claims")])
    if isinstance(raw, list) and (line := second_document_line(text)) is not None:
        raise UnusableInput([Diagnostic(name, line, 1, "a second YAML document starts here: a claims file is one document (remove the `---`)")])
    data, problems = _validate(raw)
    index: PositionIndex | None = None

    def at(path: NodePath, message: str, key: bool = False) -> Diagnostic:
        nonlocal index
        if index is None:
            index = PositionIndex.build(text)
        pos: Position = index.key(path) if key else index.value(path)
        return Diagnostic(name, pos.line, pos.col, message)

    diagnostics = early + [at(path, message, key) for path, message, key in problems]
    # Cross-references are checked on the raw data, so they are reported together with schema
    # errors elsewhere in the file, not one run later.
    diagnostics.extend(at(path, message) for path, message in _cross_references(raw, shared))
    diagnostics.extend(at(path, message) for path, message in _rates(raw, shared))
    diagnostics.extend(at(path, message) for path, message in _aliases(raw))
    if data is not None:
        diagnostics.extend(at(path, message) for path, message in _subject_units(data))
    if diagnostics:
        raise UnusableInput(diagnostics)
    assert data is not None
    doc = ClaimsDocument(name, text, data)
    if index is not None:
        doc.__dict__["positions"] = index
    return doc


def _validate(raw: Any) -> tuple[ClaimsFile | None, list[tuple[NodePath, str, bool]]]:
    if not isinstance(raw, dict):
        kind = type(raw).__name__.replace("str", "text").replace("list", "a list")
        return None, [((), f"expected a mapping with version, sources, subjects and claims, found {kind}", False)]
    try:
        return ClaimsFile.model_validate(raw), []
    except ValidationError as exc:
        return None, validation_problems(exc.errors(include_url=False))


def section_items(raw: Any, section: str) -> list[tuple[int, dict[str, Any]]]:
    items = raw.get(section) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _cross_references(raw: Any, shared: SharedIds | None = None) -> list[tuple[NodePath, str]]:
    """Duplicate ids and claims naming unknown ids, read leniently from the raw YAML data.

    `shared`: ids defined by the other files of a set (`load_many`), with the file of each: a
    claim may name them, and defining one again is a duplicate."""
    problems: list[tuple[NodePath, str]] = []
    known: dict[str, set[str]] = {}
    for section in ("sources", "subjects"):
        first: dict[str, int] = {}
        elsewhere = shared.earlier[section] if shared else {}
        for i, item in section_items(raw, section):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in first:
                problems.append(((section, i, "id"), f"duplicate {section[:-1]} id {ident!r} (first used by {section}[{first[ident]}])"))
            elif ident in elsewhere:
                problems.append(((section, i, "id"), f"duplicate {section[:-1]} id {ident!r} (first defined in {elsewhere[ident]})"))
            else:
                first[ident] = i
        known[section] = set(first) | (shared.known[section] if shared else set())

    suggested = 0
    for i, claim in section_items(raw, "claims"):
        for key, section in (("subject", "subjects"), ("source", "sources")):
            ref = claim.get(key)
            if isinstance(ref, str) and ref not in known[section]:
                # A "did you mean" for the first few only, as in claims.jsonl: each searches every id.
                suggested += 1
                hint = did_you_mean(ref, known[section]) if suggested <= MAX_SUGGESTIONS else ""
                problems.append((("claims", i, key), f"unknown {key} {ref!r}{hint}"))
    return problems


def _subject_units(data: ClaimsFile) -> list[tuple[NodePath, str]]:
    """A subject's `unit` must be one factcheck knows, or no claim could ever match it."""

    return [
        (
            ("subjects", i, "unit"),
            f"unknown unit {subject.unit!r}: use an ISO 4217 code (USD), a currency word "
            "(dollars), percent, rank, date, number, year, category, or a unit such as kilometer",
        )
        for i, subject in enumerate(data.subjects)
        if subject.unit is not None and subject_dimension(subject.unit) is None
    ]


#: Exchange rates outside this range are refused: none has ever been (the Zimbabwe dollar at its
#: worst was about 1e10 per USD, at which point it was replaced), and converting at 1e308
#: overflowed.
MIN_RATE, MAX_RATE = 1e-12, 1e12


def _rates(raw: Any, shared: SharedIds | None = None) -> list[tuple[NodePath, str]]:
    """Rates name currencies factcheck knows, a known source, and one rate per pair and day.

    Read leniently from the raw data (like the cross-references), so these are reported in the
    same run as schema errors elsewhere in the section.
    """


    suggested = 0
    problems: list[tuple[NodePath, str]] = []
    sources = {item.get("id") for _, item in section_items(raw, "sources")} | (shared.known["sources"] if shared else set())
    seen: dict[tuple[frozenset[str], str], int] = {}
    for i, rate in section_items(raw, "rates"):
        pair, on, source = rate.get("pair"), rate.get("on"), rate.get("source")
        if isinstance(pair, str) and re.fullmatch(r"[A-Z]{3}/[A-Z]{3}", pair):
            base, quote = pair.split("/")
            unknown = [code for code in (base, quote) if not is_currency(code)]
            if unknown:
                problems.append((("rates", i, "pair"), f"unknown currency {unknown[0]!r} in {pair!r}: use ISO 4217 codes factcheck knows"))
            elif base == quote:
                problems.append((("rates", i, "pair"), f"{pair!r} converts a currency into itself"))
            elif on is not None:
                key = (frozenset((base, quote)), str(on))
                if key in seen:
                    problems.append((("rates", i, "on"), f"a second rate for {pair} on {on} (first: rates[{seen[key]}]): keep one"))
                else:
                    seen[key] = i
        value = rate.get("rate")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value and not MIN_RATE <= value <= MAX_RATE:
            problems.append((("rates", i, "rate"), f"rate {value!r} is beyond any exchange rate (from {MIN_RATE:g} to "
                             f"{MAX_RATE:g}): a typo, or a currency that is not the one named"))
        if isinstance(source, str) and source not in sources:
            known = {s for s in sources if isinstance(s, str)}
            suggested += 1
            hint = did_you_mean(source, known) if suggested <= MAX_SUGGESTIONS else ""
            problems.append((("rates", i, "source"), f"unknown source {source!r}{hint}"))
    return problems


def _aliases(raw: Any) -> list[tuple[NodePath, str]]:
    """A name may belong to one group of aliases only: else which name it stands for is a guess."""

    aliases = raw.get("aliases") if isinstance(raw, dict) else None
    if not isinstance(aliases, dict):
        return []
    problems: list[tuple[NodePath, str]] = []
    owner: dict[str, str] = {}
    for canonical, others in aliases.items():
        if not isinstance(canonical, str) or not isinstance(others, list):
            continue
        names: list[tuple[NodePath, str]] = [(("aliases", canonical), canonical)]
        names += [(("aliases", canonical, i), o) for i, o in enumerate(others) if isinstance(o, str)]
        for path, name in names:
            key = category_key(name)
            if not key:
                problems.append((path, f"alias {name!r} has no letters or digits to compare"))
            elif key in owner and owner[key] != canonical:
                problems.append((path, f"{name!r} is already an alias of {owner[key]!r}: a name can mean one thing only"))
            else:
                owner.setdefault(key, canonical)
    return problems
