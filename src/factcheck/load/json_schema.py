"""The JSON Schema of claims.yaml, from the pydantic models (`factcheck schema`).

Editors use it for completion and validation through the YAML language server: a first line
`# yaml-language-server: $schema=claims.schema.json` in claims.yaml (docs/format.md). The
schema is the models' own, so it cannot drift from what `factcheck` accepts; what it cannot
express (ids that refer to each other, duplicate ids, known units and currencies) is still
checked by `factcheck check`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factcheck.load.schema import ClaimsFile


def claims_schema() -> dict[str, Any]:
    schema = ClaimsFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://factcheck.invalid/schema/claims-1.json",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
        "title": "factcheck claims file (version 1)",
        "description": "Sources, subjects and the claims sources make about them, each with the "
        "figure as written (`says`) and the sentence it comes from (`quote`). See docs/format.md.",
    }


def render() -> str:
    return json.dumps(claims_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def is_json_schema(path: Path) -> bool:
    """Whether the file is a JSON Schema (an earlier `factcheck schema -o`), safe to replace."""
    try:
        with path.open("rb") as f:
            data = json.loads(f.read(16 * 2**20))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "$schema" in data
