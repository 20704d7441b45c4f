"""Schema errors as a reader would want them: located by path, in one wording for YAML and JSONL."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from factcheck.errors import did_you_mean
from factcheck.load.schema import Claim, ClaimsFile, Rate, Source, Subject, Tolerances
from factcheck.load.yamlio import Path as NodePath

# Hints for the mistakes people make most, keyed by pydantic error type.
_HINTS = {
    "string_type": "write it in quotes, e.g. says: \"250\"",
    "date_from_datetime_parsing": "use an ISO date such as 2025-09-29",
    "date_parsing": "use an ISO date such as 2025-09-29",
    "date_from_datetime_inexact": "use an ISO date such as 2025-09-29",
}



def validation_problems(errors: Iterable[Any], named_from: int = 0) -> list[tuple[NodePath, str, bool]]:
    """Pydantic's errors, each located by its full path from the top of the file
    (`("claims", 3, "says")`), as (path, message, whether the key rather than the value is
    meant): one wording for YAML and JSONL claims files. Messages name the field from
    `named_from` on (JSONL: `says`, not `claims.3.says`, since the line says which claim)."""
    problems: list[tuple[NodePath, str, bool]] = []
    seen_time_fields: set[NodePath] = set()
    for err in errors:
        loc = tuple(err["loc"])
        if len(loc) == 4 and loc[2] in ("as_of", "period"):
            # One message for the field, not one per type the union allows.
            if loc[:3] not in seen_time_fields:
                seen_time_fields.add(loc[:3])
                problems.append((loc[:3], f"{'.'.join(map(str, loc[named_from:3]))}: expected an ISO date "
                                 "(2025-09-29), month (2025-09), year (2025) or a date phrase in quotes", False))
            continue
        field_name = ".".join(str(p) for p in loc[named_from:]) or "file"
        if err["type"] == "extra_forbidden":
            allowed = _allowed_keys(loc)
            close = did_you_mean(str(loc[-1]), set(allowed.split(", ")))
            problems.append((loc, f"unknown key {str(loc[-1])!r}{close} (allowed: {allowed})", True))
            continue
        if err["type"] == "invalid_key":  # a key that is not text (`1: x`): point at the key
            problems.append(((*loc[:-1], str(loc[-1])), f"{field_name}: a key must be text, not {err.get('input', loc[-1])!r}", True))
            continue
        if err["type"] == "missing":
            problems.append((loc[:-1], f"missing required key {str(loc[-1])!r}", False))
            continue
        message = f"{field_name}: {err['msg']}"
        if err["type"] == "literal_error" and loc == ("version",):
            message = "version: this file format is version 1; write `version: 1`"
        hint = _HINTS.get(err["type"])
        if err["type"] == "string_type" and loc[-1:] not in (("says",), ("quote",)):
            hint = None
        if hint:
            message += f" ({hint})"
        problems.append((loc, message, False))
    return problems



def _allowed_keys(loc: tuple[Any, ...]) -> str:


    sections: dict[str, type[BaseModel]] = {
        "sources": Source, "subjects": Subject, "claims": Claim, "rates": Rate,
        "tolerances": Tolerances,
    }
    if len(loc) > 2 and loc[0] == "subjects" and loc[2] == "tolerances":
        return ", ".join(Tolerances.model_fields)
    model = sections.get(str(loc[0])) if len(loc) > 1 else ClaimsFile
    return ", ".join(model.model_fields) if model else ""
