"""Several claims files as one set: sources and subjects shared, ids resolved across files.

`factcheck check claims/` (every `*.yaml`/`*.yml`/`*.jsonl` in the folder, in name order) or
`factcheck check sources.yaml trade.yaml`: one file may hold the sources, one file per topic the
subjects and claims. A set may mix YAML files with claims.jsonl files (`jsonl.py`): the usual
shape for a pipeline is `factcheck check subjects.yaml claims.jsonl`. A claim may name a source or subject of any file of the set; an id defined
twice, in any two files, is an error at the second. Every error still names its own file, line
and column, and all errors of all files are reported at once. The top-level `tolerances:` may be
set in one file of a set only; `rates:` and `aliases:` are pooled.
"""

from __future__ import annotations

import bisect
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import Diagnostic, UnusableInput
from factcheck.files import display_name
from factcheck.load.claims_file import (
    ClaimsDocument,
    SharedIds,
    load_claims_text,
    read_text,
    section_items,
)
from factcheck.load.jsonl import (
    JsonlDocument,
    ProgressFactory,
    is_jsonl,
    read_jsonl,
    read_jsonl_bytes,
)
from factcheck.load.schema import ClaimsFile
from factcheck.load.yamlio import YamlSyntaxError, load_yaml

SECTIONS = ("sources", "subjects", "claims", "rates")



@dataclass
class ClaimsSet:
    """The files of a set and their data pooled, with each node's place in its own file."""

    docs: list[ClaimsDocument | JsonlDocument]
    data: ClaimsFile
    offsets: dict[str, list[int]]  # section -> where each file's items start in the pooled list

    @property
    def display_name(self) -> str:
        return ", ".join(doc.display_name for doc in self.docs)

    def file_of(self, section: str, index: int) -> int:
        """Which file of the set (its position in `docs`) item `index` of the pooled section is from."""
        return max(bisect.bisect_right(self.offsets[section], index) - 1, 0)

    def locate(self, path: tuple[str | int, ...]) -> Diagnostic:
        section = str(path[0]) if path else ""
        if section in self.offsets and len(path) > 1 and isinstance(path[1], int):
            k = self.file_of(section, path[1])
            return self.docs[k].locate((section, path[1] - self.offsets[section][k], *path[2:]))
        return self.docs[0].locate(path)


#: What a folder of a set contributes: its claims files of these kinds (the suffix in any case:
#: `X.YAML` too).
SUFFIXES = (".yaml", ".yml", ".jsonl", ".ndjson")


def expand(paths: list[Path]) -> list[Path]:
    """Folders become their `*.yaml`, `*.yml` and `*.jsonl` files, in name order (not recursive).

    Nothing is skipped without a word: an entry of a folder with one of these suffixes that is
    not a file that can be read (a dangling symbolic link, a device, a folder) is an error, and
    so is the same file given twice (by two names, or as a file and in its folder): every claim
    is loaded once."""

    listed: list[Path] = []
    errors: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
            if not found:
                errors.append(Diagnostic(display_name(path), 1, 1, "a folder with no .yaml, .yml or .jsonl files"))
            listed += found
        else:
            listed.append(path)
    out: list[Path] = []
    seen: dict[tuple[int, int], Path] = {}
    for path in listed:
        try:
            info = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                errors.append(Diagnostic(display_name(path), 1, 1, "a symbolic link to nothing (its target does not exist)"))
            else:
                out.append(path)  # reported as "file not found" when it is read
            continue
        except OSError:
            out.append(path)  # reported when it is read
            continue
        if stat.S_ISDIR(info.st_mode):
            errors.append(Diagnostic(display_name(path), 1, 1, "is a directory, not a claims file"))
            continue
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            errors.append(Diagnostic(display_name(path), 1, 1, "not a regular file (a device or socket): not read"))
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            errors.append(Diagnostic(display_name(path), 1, 1, f"the same file as {display_name(seen[key])}, given twice: each file is read once"))
            continue
        seen[key] = path
        out.append(path)
    if errors:
        raise UnusableInput(errors)
    return out


#: One file of a set before it is checked against the others: YAML as (text, name), JSONL as
#: it was streamed (its lines already validated one by one).
Item = tuple[str, str] | JsonlDocument


def load_many(paths: list[Path], progress: ProgressFactory | None = None) -> ClaimsSet:
    items: list[Item] = []
    errors = []
    for path in paths:
        try:
            if is_jsonl(path):
                name = display_name(path)
                items.append(read_jsonl(path, name, progress))
            else:
                items.append((read_text(path), display_name(path)))
        except UnusableInput as exc:
            errors += exc.diagnostics
    if errors:
        raise UnusableInput(errors)
    return load_many_texts(items)


def item_from_text(text: str, name: str) -> Item:
    """A file's text (a git revision's) as an item of a set: JSONL by its name, else YAML."""
    if is_jsonl(Path(name)):
        return read_jsonl_bytes(text.encode("utf-8"), name)
    return (text, name)


def load_many_texts(items: list[Item]) -> ClaimsSet:
    """Load (text, name) pairs and streamed JSONL files as one set; every error of every file
    at once."""

    ids: list[dict[str, list[str]]] = []
    for item in items:
        if isinstance(item, JsonlDocument):
            ids.append({s: item.ids(s) for s in ("sources", "subjects")})
            continue
        try:
            raw = load_yaml(item[0], keep_first_duplicate=True)
        except YamlSyntaxError:
            raw = None
        ids.append({s: _ids(raw, s) for s in ("sources", "subjects")})
    names = [item.display_name if isinstance(item, JsonlDocument) else item[1] for item in items]
    docs: list[ClaimsDocument | JsonlDocument] = []
    errors: list[Diagnostic] = []
    for k, item in enumerate(items):
        known = {s: {i for j, other in enumerate(ids) if j != k for i in other[s]} for s in ("sources", "subjects")}
        earlier = {s: {i: names[j] for j in range(k) for i in ids[j][s]} for s in ("sources", "subjects")}
        if isinstance(item, JsonlDocument):
            own = {s: known[s] | set(ids[k][s]) for s in known}
            errors += item.problems + item.reference_problems(own, earlier)
            docs.append(item)
            continue
        try:
            docs.append(load_claims_text(item[0], item[1], SharedIds(known, earlier)))
        except UnusableInput as exc:
            errors += exc.diagnostics
    if errors:
        raise UnusableInput(errors)
    with_tolerances = [doc for doc in docs if doc.data.tolerances is not None]
    if len(with_tolerances) > 1:
        second = with_tolerances[1]
        assert isinstance(second, ClaimsDocument)  # JSONL files have no `tolerances:`
        where = second.positions.key(("tolerances",))
        raise UnusableInput([Diagnostic(second.display_name, where.line, where.col,
                                        f"tolerances: already set in {with_tolerances[0].display_name}; set them in one file of the set")])
    pooled: dict[str, Any] = {"version": 1}
    offsets: dict[str, list[int]] = {}
    for section in SECTIONS:
        offsets[section] = []
        items_of: list[Any] = []
        for doc in docs:
            offsets[section].append(len(items_of))
            items_of += getattr(doc.data, section)
        pooled[section] = items_of
    pooled["aliases"] = {k: v for doc in docs for k, v in doc.data.aliases.items()}
    pooled["tolerances"] = with_tolerances[0].data.tolerances if with_tolerances else None
    # Every part is a validated model already: pooling them needs no second validation (which
    # took seconds for a million claims).
    return ClaimsSet(docs, ClaimsFile.model_construct(**pooled), offsets)


def _ids(raw: Any, section: str) -> list[str]:
    return [item["id"] for _, item in section_items(raw, section) if isinstance(item.get("id"), str)]


@dataclass
class Loaded:
    """Claims files loaded as one set, with the file each came from (for `path:` of sources)."""

    files: list[Path]
    loaded: ClaimsDocument | ClaimsSet

    def folder_of_source(self, index: int) -> Path:
        """The folder a source's `path:` is relative to: that of the file declaring it."""

        if isinstance(self.loaded, ClaimsSet):
            return self.files[self.loaded.file_of("sources", index)].parent
        return self.files[0].parent
