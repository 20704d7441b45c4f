"""How a phrase is read, for people (`factcheck parse`) and pipelines (JSON lines in, JSON lines out)."""

from __future__ import annotations

import datetime as dt
import json
from typing import IO

from factcheck.read import ReadError, ReadOptions, Value, ValueKind, parse_value
from factcheck.read.humanize import figure
from factcheck.safe_text import printable


def explain(phrase: str, lang: str, published: dt.date, value: Value) -> str:
    """The reading of one phrase, line by line: kind, figure, interval or span, category."""
    lines = [
        f"phrase:    {printable(phrase)}",
        f"language:  {lang}   published: {published.isoformat()}",
    ]
    if value.kind is ValueKind.DATE:
        lines.append(f"kind:      date ({value.granularity})")
        lines.append(f"reads as:  {printable(figure(value))}")
        shown = value.to_json()  # ISO days, or date-times to the minute for a time of day
        # an open end ("since 2011", "before 2015") shows as "…"
        lines.append(f"span:      {shown['start'] or '…'} .. {shown['end'] or '…'}")
    else:
        lines.append(f"kind:      {value.kind.value}" + (f" ({value.unit})" if value.unit else ""))
        lines.append(f"reads as:  {printable(figure(value))}")
        if value.interval is not None:
            lines.append(f"interval:  {value.interval.notation()}")
    if value.category:
        lines.append(f"category:  {printable(value.category)}")
    if value.within:
        lines.append(f"inside:    {printable(value.within)}")
    if value.note:
        lines.append(f"note:      {value.note}")
    return "\n".join(lines) + "\n"


class _RepeatedKey(ValueError):
    pass


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _RepeatedKey(key)
        out[key] = value
    return out


def answer(line: str, options: ReadOptions) -> dict[str, object]:
    """One input line → one output object; never raises, so output lines match input lines."""
    try:
        request = json.loads(line, object_pairs_hook=_no_repeated_keys)
    except _RepeatedKey as exc:
        return {"error": f"the key {exc.args[0]!r} is given twice: JSON readers keep one silently, so say it once"}
    except json.JSONDecodeError as exc:
        return {"error": f"not a JSON line: {exc.msg} at column {exc.colno}"}
    except RecursionError:
        return {"error": "not a JSON line: nested too deeply"}
    except ValueError as exc:  # e.g. an integer beyond Python's digit limit
        return {"error": f"not a JSON line: {exc}"}
    if not isinstance(request, dict) or not isinstance(request.get("phrase"), str):
        return {"error": 'expected an object with a "phrase" string'}
    lang = request.get("lang", "en")
    published = request.get("published")
    try:
        day = dt.date.fromisoformat(published) if published is not None else dt.date.today()
    except (TypeError, ValueError):
        return {"error": f"published: {published!r} is not an ISO date"}
    if not isinstance(lang, str):
        return {"error": "lang must be a string"}
    try:
        value = parse_value(request["phrase"], lang, day, options)
    except ReadError as exc:
        return {"error": str(exc)}
    out = value.to_json()
    out["figure"] = figure(value)
    return out


def parse_jsonl(stdin: IO[str], stdout: IO[str], options: ReadOptions) -> None:
    """Answer every line of `stdin` with one line on `stdout`, in order."""
    for line in stdin:
        if not line.strip():
            stdout.write(json.dumps({"error": "empty line"}) + "\n")
            continue
        stdout.write(json.dumps(answer(line, options), ensure_ascii=False) + "\n")
    stdout.flush()
