"""Several claims files as one set: sources and subjects shared, ids resolved across files.

`factcheck check claims/` (every `*.yaml`/`*.yml` in the folder, in name order) or
`factcheck check sources.yaml trade.yaml`: one file may hold the sources, one file per topic the
subjects and claims. A claim may name a source or subject of any file of the set; an id defined
twice, in any two files, is an error at the second. Every error still names its own file, line
and column, and all errors of all files are reported at once. The top-level `tolerances:` may be
set in one file of a set only; `rates:` and `aliases:` are pooled.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.diagnostics import Diagnostic, UnusableInput
from factcheck.loader import (
    ClaimsDocument,
    SharedIds,
    display_name,
    load_claims_text,
    read_text,
    section_items,
)
from factcheck.models import ClaimsFile

SECTIONS = ("sources", "subjects", "claims", "rates")


@dataclass
class ClaimsSet:
    """The files of a set and their data pooled, with each node's place in its own file."""

    docs: list[ClaimsDocument]
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


def expand(paths: list[Path]) -> list[Path]:
    """Folders become their `*.yaml` and `*.yml` files, in name order (not recursive)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                raise UnusableInput([Diagnostic(display_name(path), 1, 1, "a folder with no .yaml or .yml files")])
            out += found
        else:
            out.append(path)
    return out


def load_many(paths: list[Path]) -> ClaimsSet:
    texts, errors = [], []
    for path in paths:
        try:
            texts.append((read_text(path), display_name(path)))
        except UnusableInput as exc:
            errors += exc.diagnostics
    if errors:
        raise UnusableInput(errors)
    return load_many_texts(texts)


def load_many_texts(items: list[tuple[str, str]]) -> ClaimsSet:
    """Load (text, name) pairs as one set; every error of every file at once."""
    from factcheck.yamlio import YamlSyntaxError, load_yaml

    ids: list[dict[str, list[str]]] = []
    for text, _ in items:
        try:
            raw = load_yaml(text, keep_first_duplicate=True)
        except YamlSyntaxError:
            raw = None
        ids.append({s: _ids(raw, s) for s in ("sources", "subjects")})
    docs: list[ClaimsDocument] = []
    errors: list[Diagnostic] = []
    for k, (text, name) in enumerate(items):
        known = {s: {i for j, other in enumerate(ids) if j != k for i in other[s]} for s in ("sources", "subjects")}
        earlier = {s: {i: items[j][1] for j in range(k) for i in ids[j][s]} for s in ("sources", "subjects")}
        try:
            docs.append(load_claims_text(text, name, SharedIds(known, earlier)))
        except UnusableInput as exc:
            errors += exc.diagnostics
    if errors:
        raise UnusableInput(errors)
    with_tolerances = [doc for doc in docs if doc.data.tolerances is not None]
    if len(with_tolerances) > 1:
        second = with_tolerances[1]
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
    return ClaimsSet(docs, ClaimsFile.model_validate(pooled), offsets)


def _ids(raw: Any, section: str) -> list[str]:
    return [item["id"] for _, item in section_items(raw, section) if isinstance(item.get("id"), str)]
