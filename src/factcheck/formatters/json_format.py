"""JSON: the records as they are. Stable key order, UTF-8 kept, one trailing newline."""

from __future__ import annotations

import json
from typing import Any


def render(records: dict[str, Any]) -> str:
    return json.dumps(records, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
