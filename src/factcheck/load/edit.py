"""Edits to claims.yaml that keep everything else as it was: comments, order, quoting, layout.

factcheck writes to a claims file only in commands whose purpose is to (`factcheck accept`).
The edit goes through ruamel.yaml's round-trip mode, which keeps comments, key order, flow or
block style and quotes; indentation is detected from the file. The new text is loaded and
validated before the CLI writes it over the file, atomically (a temporary file renamed over
it, like every file factcheck writes), so an interrupted or refused edit leaves the file as it was.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from factcheck.errors import did_you_mean
from factcheck.files import display_name, locked_edit
from factcheck.load.claims_file import load_claims_text, read_text
from factcheck.load.yamlio import for_pyyaml, from_pyyaml


class EditError(ValueError):
    """The edit cannot be made (unknown subject or source, nothing to change)."""


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.width = 100_000  # never fold long lines that were not folded
    # Indentation as the file has it: "  - id:" (sequence 4, offset 2) is the common layout.
    m = re.search(r"^( *)- ", text, re.M)
    offset = len(m.group(1)) if m else 2
    y.indent(mapping=2, sequence=offset + 2, offset=offset)
    return y


_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*(?:#.*)?$", re.M)


def set_acceptance(text: str, subject: str, reason: str | None, source: str | None = None) -> tuple[str, list[str]]:
    """The text with `accepted: reason` set (or removed, when reason is None) on the subject,
    or on that subject's claims from `source`; and what changed, in words.

    What the round trip would lose is kept around it: CRLF line ends (ruamel writes LF), and
    everything from a document end marker (`...`) on, comments included (ruamel drops it)."""

    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    if crlf:
        text = text.replace("\r\n", "\n")
    # ruamel.yaml breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1) and would fold them into
    # spaces: they go through the round trip as private-use characters and come back.
    text = for_pyyaml(text)
    end = _DOCUMENT_END.search(text)
    tail = text[end.start():] if end else ""
    new, what = _set_acceptance(text[: end.start()] if end else text, subject, reason, source)
    new = from_pyyaml(new + tail)
    return (new.replace("\n", "\r\n") if crlf else new), what


def unchanged_but_acceptance(before: Any, after: Any) -> bool:
    """Whether two loaded claims files (`ClaimsFile`) are the same but for `accepted:`: the
    check that an edit changed nothing else (a value the round trip could not keep)."""

    def without(data: Any) -> Any:
        dump = data.model_dump(mode="json")
        for item in [*dump.get("subjects", []), *dump.get("claims", [])]:
            item.pop("accepted", None)
        return dump

    return bool(without(before) == without(after))


def _set_acceptance(text: str, subject: str, reason: str | None, source: str | None) -> tuple[str, list[str]]:
    y = _yaml(text)
    data = y.load(text)
    subjects = data.get("subjects") or []
    target = next((s for s in subjects if s.get("id") == subject), None)
    if target is None:
        raise EditError(f"no subject {subject!r}{did_you_mean(subject, [str(s.get('id')) for s in subjects])}")
    items = [target]
    what = [f"subject {subject}"]
    if source is not None:
        items = [c for c in (data.get("claims") or []) if c.get("subject") == subject and c.get("source") == source]
        if not items:
            raise EditError(f"no claim of source {source!r} on subject {subject!r}")
        what = [f"{source} “{c.get('says')}” on {subject}" for c in items]
    for item in items:
        if reason is None:
            if "accepted" not in item:
                raise EditError(f"{what[0]} has no acceptance to remove")
            del item["accepted"]
        elif "accepted" in item:
            item["accepted"] = reason
        else:
            item.insert(len(item), "accepted", reason)
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue(), what


def accept_in_file(claims: Path, subject: str, reason: str | None, source: str | None = None) -> list[str]:
    """`factcheck accept`: write (or, with `reason` None, remove) an acceptance in a YAML
    claims file, under its lock, and say what was accepted.

    Never edits a file that does not load, never writes one that would not, nor one that says
    more than before (a value the YAML round trip cannot keep as written). Raises
    `UnusableInput`, `EditError` or `OSError`."""
    name = display_name(claims)

    def edit() -> tuple[str, list[str]]:
        text = read_text(claims)
        before = load_claims_text(text, name)
        new, what = set_acceptance(text, subject, reason, source)
        after = load_claims_text(new, name)
        if not unchanged_but_acceptance(before.data, after.data):
            raise EditError("the edit would change more than the acceptance (a value the YAML round trip cannot "
                            "keep as written): write the accepted: line by hand")
        return new, what

    read_text(claims)  # a missing or unreadable file is reported as such, before any lock
    return locked_edit(claims, edit)
