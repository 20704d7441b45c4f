"""The rule registry: a plain, ordered tuple of declared rules, one module each.

Each module's docstring is the rule's documentation (what it checks, a conflicting and a
consistent example); `RULE` declares its id, name, kinds, options and severity. Plugins add
rules through the `factcheck.rules` entry-point group (`factcheck.judge.rules.registry`).
"""

from __future__ import annotations

from factcheck.judge.rules import (
    after_the_fact,
    constant,
    cumulative,
    flow,
    flow_containment,
    future_tense,
    stale_acceptance,
    window,
)
from factcheck.judge.rules.base import (
    ConfiguredRule,
    Conflict,
    NoOptions,
    Options,
    Rule,
    Severity,
    WindowOptions,
)

#: In the order they run. The rules that name a cause (FC106, FC107) come before the general
#: ones, so when two rules find the same claims, the reason shown is the more telling one.
BUILTIN: tuple[Rule, ...] = (
    future_tense.RULE,
    after_the_fact.RULE,
    constant.RULE,
    window.RULE,
    cumulative.RULE,
    flow.RULE,
    flow_containment.RULE,
    stale_acceptance.RULE,
)

__all__ = [
    "BUILTIN",
    "ConfiguredRule",
    "Conflict",
    "NoOptions",
    "Options",
    "Rule",
    "Severity",
    "WindowOptions",
]
