"""The rule registry: a plain, ordered list of declared rules (one module each)."""

from __future__ import annotations

from factcheck.rules import constant, cumulative, flow, window
from factcheck.rules.base import Conflict, Rule, RuleOptions

REGISTRY: tuple[Rule, ...] = (constant.RULE, window.RULE, cumulative.RULE, flow.RULE)

__all__ = ["REGISTRY", "Conflict", "Rule", "RuleOptions"]
