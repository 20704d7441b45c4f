"""Values written for people: `$5.4–6.6 bn`, `≤ $7.6 bn`, `#1–3`, `2025-05`.

Deterministic (no locale, no clock), so reports diff cleanly. Used by reasons and by every
human-facing formatter through the report's `figure` field.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.values import Value, ValueKind

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"))
_UNIT_NAMES = {"gram": "g", "meter": "m", "square_meter": "m²", "watt": "W", "byte": "B"}


@lru_cache(maxsize=65536)
def figure(value: Value) -> str:
    """A short human rendering of a value (cached: values repeat, and they are immutable)."""
    if value.kind is ValueKind.CATEGORY:
        return value.label or value.category or ""
    if value.kind is ValueKind.DATE:
        from factcheck.claims import span_label

        return span_label(value)
    iv = value.interval
    assert iv is not None
    bounds = [abs(b) for b in (iv.lower, iv.upper) if b is not None]
    scale, scale_word = 1.0, ""
    if value.kind in (ValueKind.AMOUNT, ValueKind.NUMBER) and bounds:
        for factor, word in _SCALES:
            if max(bounds) >= factor:
                scale, scale_word = factor, word
                break
    prefix, suffix = "", ""
    if value.kind is ValueKind.AMOUNT and value.unit:
        if value.unit in _SYMBOLS:
            prefix = _SYMBOLS[value.unit]
            suffix = f" {scale_word}" if scale_word else ""
        else:
            unit = _UNIT_NAMES.get(value.unit, value.unit)
            suffix = f" {scale_word} {unit}" if scale_word else f" {unit}"
    elif value.kind is ValueKind.NUMBER:
        suffix = f" {scale_word}" if scale_word else ""
    elif value.kind is ValueKind.PERCENT:
        suffix = "%"
    elif value.kind is ValueKind.DURATION:
        suffix = " years"
    elif value.kind is ValueKind.RANK:
        prefix = "#"

    def num(x: float) -> str:
        return _number(x / scale)

    lo, hi = iv.lower, iv.upper
    if lo is not None and hi is not None:
        if lo == hi:
            return f"{prefix}{num(lo)}{suffix}"
        if iv.lower_inclusive and iv.upper_inclusive:
            return f"{prefix}{num(lo)}–{num(hi)}{suffix}"
        left = "≥" if iv.lower_inclusive else ">"
        right = "≤" if iv.upper_inclusive else "<"
        return f"{left} {prefix}{num(lo)}{suffix}, {right} {prefix}{num(hi)}{suffix}"
    if lo is not None:
        return f"{'≥' if iv.lower_inclusive else '>'} {prefix}{num(lo)}{suffix}"
    if hi is not None:
        return f"{'≤' if iv.upper_inclusive else '<'} {prefix}{num(hi)}{suffix}"
    return "any value"


def _number(x: float) -> str:
    """Up to three decimals, trailing zeros dropped, thousands grouped with commas."""
    text = f"{x:,.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
