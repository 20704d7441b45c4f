"""The reader's public API under its name before 0.2: use `factcheck.read` in new code.

Scripts written against the README of 0.1 (`from factcheck.values import parse_value`) keep
working; the reader itself lives in the `factcheck.read` package.
"""

from factcheck.read import (
    DEFAULT_OPTIONS,
    ReadError,
    ReadOptions,
    Value,
    ValueKind,
    parse_value,
)

__all__ = ["DEFAULT_OPTIONS", "ReadError", "ReadOptions", "Value", "ValueKind", "parse_value"]
