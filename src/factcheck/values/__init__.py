"""The figure reader's public API: `parse_value(text, lang, published) -> Value`."""

from factcheck.values.model import ReadError, Value, ValueKind
from factcheck.values.reader import (
    DEFAULT_OPTIONS,
    ReadOptions,
    category_key,
    parse_value,
)

__all__ = [
    "DEFAULT_OPTIONS",
    "ReadError",
    "ReadOptions",
    "Value",
    "ValueKind",
    "category_key",
    "parse_value",
]
