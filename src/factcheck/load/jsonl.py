"""claims.jsonl: pipeline-sized claims files, read one line at a time (docs/format.md).

Each non-blank line is one JSON object:

- `{"source": {...}}` defines a source (the keys of a source in claims.yaml);
- `{"subject": {...}}` defines a subject;
- any other object is a claim (`subject`, `source`, `says`, `quote`, `as_of`, `period`,
  `accepted`), which may name a source or subject defined anywhere in the file or in another
  file of the set (`factcheck check subjects.yaml claims.jsonl`).

The file is streamed: it is never held whole in memory, only the validated claims are (about
0.4 KB each plus their text), and where each item is (its line and byte offset, 16 bytes) so
that a finding can name `file:line:col` by reading that one line again. Pipelines write such
files, so the common line is made cheap: pydantic validates it straight from the bytes, and only
a line that fails (or might repeat a key) is parsed again slowly to say exactly what is wrong.
Every bad line is reported, all at once, at its line and column; none is skipped silently.
"""

from __future__ import annotations

import io
import json
import os
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import MAX_SUGGESTIONS, Diagnostic, did_you_mean
from factcheck.files import refuse_special, unreadable_as_input
from factcheck.load.schema import Claim, ClaimsFile, Source, Subject
from factcheck.load.validation import validation_problems

#: A line longer than this is refused (and skipped without reading it into memory): a claim with
#: a 100,000-character `says` is about 0.4 MB.
MAX_LINE_BYTES = 4 * 2**20

SECTIONS = ("sources", "subjects", "claims")
_MODELS: dict[str, Any] = {"sources": Source, "subjects": Subject, "claims": Claim}
_DEFINITIONS = {"source": "sources", "subject": "subjects"}
_KEY = re.compile(rb'"\s*:')  # every key of a JSON object is a string followed by a colon
_BOM = b"\xef\xbb\xbf"

Progress = Callable[[int], None]  # called with the bytes read so far
#: (file name, its size in bytes) → a `Progress` for that file (a progress bar's `reading`).
ProgressFactory = Callable[[str, int], Progress]


def is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in (".jsonl", ".ndjson")


@dataclass
class JsonlDocument:
    """A claims.jsonl file read: its items as models, and where each one is in the file."""

    display_name: str
    data: ClaimsFile
    lines: dict[str, array[int]]  # section -> line number of each item
    offsets: dict[str, array[int]]  # section -> byte offset of each item's line
    reopen: Callable[[], IO[bytes]]
    problems: list[Diagnostic] = field(default_factory=list)  # per-line errors (syntax, schema)
    defined_at: dict[str, dict[str, int]] = field(default_factory=dict)  # section -> id -> line

    def ids(self, section: str) -> list[str]:
        return list(self.defined_at.get(section, {}))

    def line_text(self, section: str, index: int) -> str:
        with self.reopen() as f:
            f.seek(self.offsets[section][index])
            raw = f.readline(MAX_LINE_BYTES)
        return raw.removeprefix(_BOM).decode("utf-8", errors="replace")

    def locate(self, path: tuple[str | int, ...]) -> Diagnostic:
        """`(section, index, key)` → the line of the item and the column of the key's value."""
        if len(path) >= 2 and str(path[0]) in self.lines and isinstance(path[1], int):
            section, index = str(path[0]), path[1]
            line = self.lines[section][index]
            key = str(path[2]) if len(path) > 2 else None
            col = value_column(self.line_text(section, index), key, section != "claims") if key else 1
            return Diagnostic(self.display_name, line, col, "")
        return Diagnostic(self.display_name, 1, 1, "")

    def reference_problems(self, known: dict[str, set[str]], earlier: dict[str, dict[str, str]]) -> list[Diagnostic]:
        """Claims naming ids defined nowhere in the set, and ids an earlier file defines too."""
        problems: list[Diagnostic] = []
        for section in ("sources", "subjects"):
            for ident, line in self.defined_at.get(section, {}).items():
                if ident in earlier[section]:
                    problems.append(Diagnostic(self.display_name, line, 1,
                                               f"duplicate {section[:-1]} id {ident!r} (first defined in {earlier[section][ident]})"))
        suggestions = 0
        for i, claim in enumerate(self.data.claims):
            for key, section in (("subject", "subjects"), ("source", "sources")):
                ref = getattr(claim, key)
                if ref in known[section]:
                    continue
                hint = ""
                if suggestions < MAX_SUGGESTIONS:
                    suggestions += 1
                    hint = did_you_mean(ref, known[section])
                if not known[section]:
                    hint = (f': define it on a line of its own, {{"{key}": {{"id": "{ref}", ...}}}}, or give the '
                            f"file that defines it too (factcheck check {section}.yaml {self.display_name})")
                where = self.locate(("claims", i, key))
                problems.append(Diagnostic(where.file, where.line, where.col, f"unknown {key} {ref!r}{hint}"))
        return problems


def value_column(text: str, key: str | None, nested: bool = False, at_key: bool = False) -> int:
    """1-based column of `key`'s value in one JSON line (of the key itself with `at_key`, for
    an unknown key); 1 when the key is not there. `nested`: look inside the definition's
    object."""
    start = 0
    if nested:
        start = text.find(":") + 1
    if key is None:
        return 1
    m = re.compile(r'"' + re.escape(key) + r'"\s*:\s*').search(text, start)
    if m is None:
        return 1
    return m.start() + 1 if at_key else m.end() + 1


def read_jsonl(path: Path, name: str, progress: ProgressFactory | None = None) -> JsonlDocument:
    """Stream a claims.jsonl file. Raises UnusableInput only when the file cannot be opened;
    problems in its lines are collected in `problems` (the caller reports them with the
    rest of the set's errors). `progress` is given the size of the file once it is open."""

    with unreadable_as_input(name):
        f = path.open("rb")
    with f:
        refuse_special(os.fstat(f.fileno()), name)
        follow = progress(name, os.fstat(f.fileno()).st_size) if progress else None
        return read_jsonl_stream(f, name, lambda: path.open("rb"), follow)


def read_jsonl_bytes(data: bytes, name: str) -> JsonlDocument:
    """Like `read_jsonl`, for a file's bytes already in memory (a git revision's)."""
    return read_jsonl_stream(io.BytesIO(data), name, lambda: io.BytesIO(data))


def read_jsonl_stream(
    stream: IO[bytes], name: str, reopen: Callable[[], IO[bytes]], progress: Progress | None = None
) -> JsonlDocument:
    items: dict[str, list[Any]] = {s: [] for s in SECTIONS}
    lines = {s: array("l") for s in SECTIONS}
    offsets = {s: array("q") for s in SECTIONS}
    defined_at: dict[str, dict[str, int]] = {"sources": {}, "subjects": {}}
    problems: list[Diagnostic] = []
    claim_fast = Claim.model_validate_json
    claims, claim_lines, claim_offsets = items["claims"], lines["claims"], offsets["claims"]
    ids: dict[str, str] = {}
    offset = 0
    line_no = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            break
        line_no += 1
        start = offset
        offset += len(raw)
        if progress is not None and not line_no & 0x3FFF:
            progress(offset)
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (more := stream.readline(2**20)) and not more.endswith(b"\n"):
                offset += len(more)
            offset += len(more)
            problems.append(Diagnostic(name, line_no, 1, f"the line is over {MAX_LINE_BYTES // 2**20} MB: "
                                       "a claim is one line of JSON"))
            continue
        if line_no == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM):]
        # The fast path: a claim, validated straight from the bytes. A repeated key (which JSON
        # parsers silently resolve) must go the slow way: every key needs a colon, so when the
        # line has no more colons (or `"key":` shapes) than the claim has distinct keys, no key
        # is repeated.
        claim = None
        if not raw.startswith(_DEFINITION_STARTS):  # those are read below, without a failed try
            try:
                claim = claim_fast(raw)
            except ValueError:
                pass
        if claim is not None and _no_repeated_key(raw, len(claim.model_fields_set)):
            # One string object per id: a million claims name a few thousand sources and
            # subjects, and shared ids are both smaller and faster to look up.
            fields = claim.__dict__
            fields["subject"] = ids.setdefault(fields["subject"], fields["subject"])
            fields["source"] = ids.setdefault(fields["source"], fields["source"])
            claims.append(claim)
            claim_lines.append(line_no)
            claim_offsets.append(start)
            continue
        if not raw.strip():
            continue
        section, model, errors = _definition(raw) or _read_line(raw, name, line_no)
        if errors:
            problems += errors
            continue
        assert section is not None
        if section != "claims":
            ident = model.id
            first = defined_at[section].get(ident)
            if first is not None:
                problems.append(Diagnostic(name, line_no, value_column(raw.decode("utf-8"), "id", True),
                                           f"duplicate {section[:-1]} id {ident!r} (first defined on line {first})"))
                continue
            defined_at[section][ident] = line_no
        items[section].append(model)
        lines[section].append(line_no)
        offsets[section].append(start)
    if progress is not None:
        progress(offset)
    data = ClaimsFile.model_construct(version=1, tolerances=None, rates=[], aliases={}, sources=items["sources"],
                                      subjects=items["subjects"], claims=items["claims"])
    return JsonlDocument(name, data, lines, offsets, reopen, problems, defined_at)


class _SourceLine(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: Source


class _SubjectLine(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject: Subject


_FAST_DEFINITIONS = ((b'{"source":', "sources", _SourceLine), (b'{"subject":', "subjects", _SubjectLine))
#: How definition lines start as pipelines write them: the claim parser is not tried on those.
_DEFINITION_STARTS = tuple(prefix + b" {" for prefix, _, _ in _FAST_DEFINITIONS)


def _no_repeated_key(raw: bytes, distinct: int) -> bool:
    return raw.count(b":") == distinct or len(_KEY.findall(raw)) == distinct


def _definition(raw: bytes) -> tuple[str, Any, list[Diagnostic]] | None:
    """The fast path for a definition line as pipelines write it (`{"source": {...}}`), or None
    (then `_read_line` reads it and says what is wrong)."""
    for prefix, section, model in _FAST_DEFINITIONS:
        if raw.startswith(prefix):
            try:
                line = model.model_validate_json(raw)
            except ValueError:
                return None
            item = getattr(line, section[:-1])
            if not _no_repeated_key(raw, 1 + len(item.model_fields_set) + _nested_keys(item)):
                return None  # a repeated key, or a `:` inside a string: let the slow path decide
            return section, item, []
    return None


def _nested_keys(item: Any) -> int:
    tolerances = getattr(item, "tolerances", None)
    return 0 if tolerances is None else len(tolerances.model_fields_set)


def _read_line(raw: bytes, name: str, line_no: int) -> tuple[str | None, Any, list[Diagnostic]]:
    """One line the fast path did not take: (section, model, []) or (None, None, errors)."""


    def error(col: int, message: str) -> tuple[None, None, list[Diagnostic]]:
        return None, None, [Diagnostic(name, line_no, col, message)]

    try:
        text = raw.decode("utf-8").rstrip("\r\n")  # so that an error at the end is on this line
    except UnicodeDecodeError as exc:
        col = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
        return error(col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})")
    repeated: list[str] = []
    try:
        obj = json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, repeated))
    except json.JSONDecodeError as exc:
        return error(exc.colno, f"not valid JSON: {exc.msg}")
    except RecursionError:
        return error(1, "not valid JSON: nested too deeply")
    except ValueError as exc:  # an integer beyond Python's digit limit
        return error(1, f"not valid JSON: {exc}")
    if repeated:
        return error(value_column(text, repeated[0]), f"duplicate key {repeated[0]!r}: JSON readers would silently keep one")
    if not isinstance(obj, dict):
        kind = {list: "a list", str: "text", type(None): "null", bool: "true/false"}.get(type(obj), "a number")
        return error(1, f'expected a JSON object (a claim, {{"source": {{...}}}} or {{"subject": {{...}}}}), found {kind}')
    if (bad := _surrogate(obj)) is not None:
        return error(1, f"{bad}: contains a lone surrogate (\\ud800-\\udfff), which is not text")
    section, fields = "claims", obj
    if len(obj) == 1:
        (key, value), = obj.items()
        if key in _DEFINITIONS and isinstance(value, dict):
            section, fields = _DEFINITIONS[key], value
    try:
        return section, _MODELS[section].model_validate(fields), []
    except ValidationError as exc:
        errors = [{**e, "loc": (section, 0, *e["loc"])} for e in exc.errors(include_url=False)]
        out = []
        for path, message, at_key in validation_problems(errors, named_from=2):
            key = str(path[2]) if len(path) > 2 else None
            out.append(Diagnostic(name, line_no, value_column(text, key, section != "claims", at_key), message))
        return None, None, out


def _object(pairs: list[tuple[str, Any]], repeated: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out and not repeated:
            repeated.append(key)
        out[key] = value
    return out


def _surrogate(obj: dict[str, Any]) -> str | None:
    """The first key whose text (or the key itself) holds a lone surrogate; JSON allows
    `"\\ud800"`, but it cannot be printed or written as UTF-8."""
    for key, value in obj.items():
        for text in (key, value) if isinstance(value, str) else (key,):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return key
        if isinstance(value, dict) and (inner := _surrogate(value)) is not None:
            return inner
    return None
