"""JSON: the records as they are. Stable key order, UTF-8 kept, one trailing newline.

Small records are indented (the standard library). Large ones put each item of a top-level
list (each subject, problem, source, copy) on a line of its own, encoded by orjson: Python's
indenting encoder is pure Python (4 s on 100k claims) and its compact C encoder still took
1.5 s for the subjects of 100k claims where orjson takes 0.2 s (docs/performance.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import orjson

from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext

#: Above this many claims (or list items, for records without a claim count), one item per line
#: instead of indented.
COMPACT_ABOVE = 2000


def render(records: Mapping[str, Any], context: RenderContext = DEFAULT_CONTEXT) -> str:
    if _size(records) <= COMPACT_ABOVE:
        return json.dumps(records, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    # Same keys in the same order as the indented form; each item of a list on a line of its own.
    lines = ["{"]
    last = len(records) - 1
    for i, (key, value) in enumerate(records.items()):
        comma = "," if i < last else ""
        if isinstance(value, list) and value:
            lines.append(f"{_dump(key)}: [")
            items = [_dump(item) for item in value]
            lines += [item + ("," if j < len(items) - 1 else "") for j, item in enumerate(items)]
            lines.append(f"]{comma}")
        else:
            lines.append(f"{_dump(key)}: {_dump(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _size(records: Mapping[str, Any]) -> int:
    counts = records.get("counts")
    if isinstance(counts, Mapping) and "claims" in counts:
        return int(counts["claims"])
    return sum(len(v) for v in records.values() if isinstance(v, list))


def _dump(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except (orjson.JSONEncodeError, TypeError):  # integers beyond 64 bits: the standard encoder
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
