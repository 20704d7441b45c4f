"""UTC offsets of times of day: the offset or zone written after a time, in minutes east of UTC.

The reader keeps an offset (`-05:00`) or a zone (`MSK`) as the value's note; the judge puts
times from different zones on one clock with `offset_minutes`. The zones with a certain offset
are data (`zone_hours:` in read/languages/common.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.read.lexicon import common_data

#: An offset as the reader keeps it: `+03:00`, `-05:00`.
OFFSET = re.compile(r"([+-])(\d\d):(\d\d)")


@cache
def _zone_hours() -> dict[str, int]:
    return {str(zone): int(hours) for zone, hours in common_data()["zone_hours"].items()}


def offset_minutes(note: str) -> int | None:
    """Minutes east of UTC of an offset (`+03:00`) or zone (`msk`), or None when not certain."""
    if (m := OFFSET.fullmatch(note)) is not None:
        return (1 if m.group(1) == "+" else -1) * (int(m.group(2)) * 60 + int(m.group(3)))
    hours = _zone_hours().get(note.upper())
    return None if hours is None else hours * 60
