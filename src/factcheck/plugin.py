"""Everything a third-party rule needs, from one module that stays put when the tree moves.

A plugin imports from here, not from factcheck's internal packages, so a reorganisation of
`factcheck.judge` or `factcheck.read` never breaks it. The rule contract is described in
docs/rules.md; `examples/factcheck-plugin-example/` is a working plugin.
"""

from factcheck.judge.claims import JudgedClaim, ReadClaim
from factcheck.judge.rules.base import (
    Conflict,
    NoOptions,
    Options,
    Rule,
    Severity,
    WindowOptions,
    describe,
)
from factcheck.load.schema import Subject, SubjectKind, Tolerances
from factcheck.read import ReadError, ReadOptions, Value, ValueKind, parse_value

__all__ = [
    "Conflict",
    "NoOptions",
    "Options",
    "JudgedClaim",
    "ReadClaim",
    "ReadError",
    "ReadOptions",
    "Rule",
    "Severity",
    "Subject",
    "SubjectKind",
    "Tolerances",
    "Value",
    "ValueKind",
    "WindowOptions",
    "describe",
    "parse_value",
]
