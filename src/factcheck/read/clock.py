"""Spans of time in clock notation, as race times are written: `2:00:35`, `2h00'35"`, `59'40"`.

Two readings, both language-free (the words of spans, `2 ore e 35 secondi`, are the lexicon's
`duration_units`, read by the reader):

- `clock_seconds("2:00:35")`: an `h:mm:ss` token (seconds may have a fraction: `2:00:35.4`) as
  (seconds, half a unit of its last digit). A token `h:mm:ss` is also a time of day to the
  second; the reader takes it as a span only on a subject of durations (SPEC §1: claims are read
  as the subject says). `h:mm` alone (`2:05`, hours or minutes?) is never a span.
- `spell_clock(text)`: the sports notation with primes, `2h00'35"`, `2h00'`, `59'40"`, written
  out with the symbols every language reads (`2 h 00 min 35 s`), since the tokens drop the
  primes. The marks make it a span on any subject.
"""

from __future__ import annotations

import re

_CLOCK = re.compile(r"(\d{1,3}):([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?")

# `2h00'35"`, `2 h 00' 35"`, `2h00'35''`, `2h00'`, `59'40"`: hours with minutes (and seconds), or
# minutes with seconds; `"` may be written as two primes. Not `5'10"` with a decimal, not a lone
# `35"` (an inch, a quotation mark).
_SECONDS = r"([0-5]?\d(?:[.,]\d{1,3})?)\s*(?:\"|'')"
_PRIMES = re.compile(
    r"(?<![\w.,:])(?:(\d{1,3})\s*h\s*([0-5]?\d)\s*'(?!')(?:\s*" + _SECONDS + r")?|(\d{1,3})\s*'(?!')\s*" + _SECONDS + r")"
)


def clock_seconds(token: str) -> tuple[float, float] | None:
    """`2:00:35` → (7235.0, 0.5); `1:59:40.25` → (7180.25, 0.005); anything else → None."""
    m = _CLOCK.fullmatch(token)
    if m is None:
        return None
    hours, minutes, seconds, fraction = m.groups()
    value = int(hours) * 3600 + int(minutes) * 60 + int(seconds)
    if not fraction:
        return float(value), 0.5
    return value + int(fraction) / 10 ** len(fraction), 0.5 / 10 ** len(fraction)


def spell_clock(text: str) -> str:
    """`2h00'35"` → `2 h 00 min 35 s`, `59'40"` → `59 min 40 s`; text without primes unchanged."""
    if "'" not in text:
        return text

    def spelled(m: re.Match[str]) -> str:
        hours, minutes, seconds, lone_minutes, lone_seconds = m.groups()
        if hours is not None:
            out = f"{hours} h {minutes} min"
            return f"{out} {seconds} s" if seconds is not None else out
        return f"{lone_minutes} min {lone_seconds} s"

    return _PRIMES.sub(spelled, text)
