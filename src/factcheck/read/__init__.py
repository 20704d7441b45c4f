"""The figure reader's public API: `parse_value(text, lang, published) -> Value`."""

from factcheck.read.lexicon import category_key
from factcheck.read.model import ReadError, Value, ValueKind
from factcheck.read.reader import DEFAULT_OPTIONS, ReadOptions, parse_value

__all__ = [
    "DEFAULT_OPTIONS",
    "ReadError",
    "ReadOptions",
    "Value",
    "ValueKind",
    "category_key",
    "parse_value",
]
