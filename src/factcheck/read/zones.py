"""UTC offsets of times of day: the offset or zone written after a time, in minutes east of UTC.

The reader keeps an offset (`-05:00`) or a zone (`MSK`) as the value's note; the judge puts
times from different zones on one clock with `offset_minutes`. The zones with a certain offset
are data (`zone_hours:` in read/languages/common.yaml).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import Any

from factcheck.read.lexicon import category_key, common_data, name_endings
from factcheck.read.places import resolve

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


@cache
def _seasonal() -> dict[str, tuple[str, str, str]]:
    table = common_data().get("seasonal_zones") or {}
    return {str(zone): (str(rule), str(standard), str(daylight)) for zone, (rule, standard, daylight) in table.items()}


@cache
def _rules() -> dict[str, tuple[dict[str, Any], ...]]:
    table = common_data().get("dst_rules") or {}
    return {str(rule): tuple(sorted(periods, key=lambda p: -int(p["since"]))) for rule, periods in table.items()}


def _switch(year: int, when: list[int]) -> tuple[dt.date, int]:
    """The day and minute of a rule's switch: [month, week (-1 the last), ISO weekday, hour]."""
    month, week, weekday, hour = when
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).isoweekday() == weekday]
    return dt.date(year, month, days[week - 1] if week > 0 else days[week]), hour * 60


def seasonal_note(note: str, day: dt.date, minute: int) -> str:
    """The zone a generic one (`ET`, `ITALY`) is on that day and minute of the local clock:
    `seasonal_note("ET", 2023-11-21, 17:00)` is `EST`, in July `EDT`. Any other note is kept, and
    so is a generic zone in a year no rule covers (a wall clock, never placed by a guess)."""
    entry = _seasonal().get(note)
    if entry is None:
        return note
    rule, standard, daylight = entry
    period = next((p for p in _rules().get(rule, ()) if int(p["since"]) <= day.year), None)
    if period is None:
        return note
    moment = (day, minute)
    daylight_time = _switch(day.year, period["start"]) <= moment < _switch(day.year, period["end"])
    return daylight if daylight_time else standard


@cache
def _country_zones() -> dict[str, str]:
    return {str(country): str(zone) for country, zone in (common_data().get("country_zones") or {}).items()}


def place_zone(name: str, language: str) -> str | None:
    """The zone of a well-known place's country, for `local time in Genoa` (`ITALY`, resolved by
    the date like any generic zone), or None: no such place, or a country of several clocks."""
    key = category_key(name)
    if not key:
        return None
    keys = [key] + [key[: len(key) - len(ending)] + base for ending, base in name_endings(language)
                    if key.endswith(ending) and len(key) > len(ending) + 2]
    place = resolve(keys)
    if place is None or not place.well_known:
        return None
    return _country_zones().get(place.country)
