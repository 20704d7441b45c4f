"""Which rules run, with which options: built-in rules, plugins, `--select`/`--ignore`, config.

A plain registry, as in yamllint: the built-in rules are a tuple in `factcheck.judge.rules`; third-party
rules come from the `factcheck.rules` entry-point group, each entry point naming a `Rule`:

    # the plugin's pyproject.toml
    [project.entry-points."factcheck.rules"]
    FCX001 = "my_rules.press_release:RULE"

Selection works like ruff's: `select` and `ignore` take rule ids, id prefixes (`FC1` is every
FC1xx rule) or rule names; `ignore` wins over `select`. Nothing is silently skipped: an unknown
code, a plugin that fails to load, or an id used twice is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import Any

from pydantic import ValidationError

from factcheck.errors import did_you_mean
from factcheck.judge.rules import BUILTIN
from factcheck.judge.rules.base import DEFAULT_WINDOW_DAYS, ConfiguredRule, Rule, Severity
from factcheck.load.schema import Subject, SubjectKind

ENTRY_POINT_GROUP = "factcheck.rules"


class RuleConfigError(ValueError):
    """Rule selection or options that cannot be used; `problems` are (where, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{where}: {message}" for where, message in problems))
        self.problems = problems


@dataclass(frozen=True)
class RuleSet:
    """The rules of one run, in registry order, each with its options and severity."""

    rules: tuple[ConfiguredRule, ...]

    def for_kind(self, kind: SubjectKind) -> tuple[ConfiguredRule, ...]:
        return tuple(r for r in self.rules if kind in r.rule.kinds)

    def enabled(self, rule_id: str) -> bool:
        return any(r.id == rule_id for r in self.rules)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    def corroboration_window(self, subject: Subject) -> int | None:
        """Days within which claims on a level or running total speak of the same time: the
        subject's own `window:`, else the `window_days` configured for its kind's rules (config
        file, --window-days), else the kind's default (a level holds about a quarter; a running
        total has none: it may rise within the hour, so a toll one day and another the next are
        two moments, not one disputed figure). None for constants and flows, whose time is not a
        window."""
        if subject.kind not in (SubjectKind.LEVEL, SubjectKind.CUMULATIVE):
            return None
        if subject.window is not None:
            return subject.window
        configured = (getattr(r.options, "window_days", None) for r in self.for_kind(subject.kind))
        return next((w for w in configured if w is not None), DEFAULT_WINDOW_DAYS[subject.kind])


def builtin_rules() -> tuple[Rule, ...]:
    return BUILTIN


@cache
def plugin_rules() -> tuple[Rule, ...]:
    """Rules from installed plugins (entry-point group `factcheck.rules`), sorted by id."""

    found: list[Rule] = []
    problems: list[tuple[str, str]] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        where = f"plugin {ep.name} ({ep.value})"
        try:
            rule = ep.load()
        except Exception as exc:  # a broken plugin must not look like a clean run
            problems.append((where, f"cannot be loaded: {type(exc).__name__}: {exc}"))
            continue
        rule = getattr(rule, "RULE", rule)  # a module with a RULE, or the Rule itself
        if not isinstance(rule, Rule):
            problems.append((where, f"is a {type(rule).__name__}, not a factcheck.judge.rules.Rule"))
            continue
        found.append(rule)
    if problems:
        raise RuleConfigError(problems)
    return tuple(sorted(found, key=lambda r: r.id))


def all_rules(plugins: bool = True) -> tuple[Rule, ...]:
    """Every known rule: built-in ones first, then plugins; an id or name used twice is an error."""
    rules = builtin_rules() + (plugin_rules() if plugins else ())
    seen: dict[str, Rule] = {}
    problems = []
    for rule in rules:
        for key in (rule.id, rule.name):
            if key in seen and seen[key] is not rule:
                problems.append((f"rule {rule.id}", f"{key!r} is already used by {seen[key].id} ({seen[key].name})"))
            seen[key] = rule
    if problems:
        raise RuleConfigError(problems)
    return rules


def configure(
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    window_days: int | None = None,
    *,
    plugins: bool = True,
    where: Mapping[str, str] | None = None,
) -> RuleSet:
    """The rules to run.

    `select` None means every rule. `settings` maps a rule id or name to its options, plus
    `severity` (`error` or `warning`). `window_days` (the command line's `--window-days`) is
    given to every selected rule that has that option. `where` names, for error messages, where
    each setting came from (`factcheck.toml:12`); it defaults to the option's own name.
    """

    rules = all_rules(plugins)
    names = [n for r in rules for n in (r.id, r.name)]  # what an unknown code may have meant
    where = where or {}
    problems: list[tuple[str, str]] = []

    def matching(codes: Iterable[str], origin: str) -> set[str]:
        out: set[str] = set()
        for code in codes:
            hits = {r.id for r in rules if r.id.startswith(code.upper()) or r.name == code.lower()}
            if not hits:
                problems.append((where.get(origin, origin), f"unknown rule {code!r}{did_you_mean(code, names)}"))
            out |= hits
        return out

    chosen = {r.id for r in rules} if select is None else matching(select, "select")
    chosen -= matching(ignore, "ignore")
    by_key = {key: r for r in rules for key in (r.id, r.name)}
    configured: dict[str, tuple[Any, Severity]] = {}
    for key, values in (settings or {}).items():
        origin = where.get(f"rules.{key}", f"rules.{key}")
        rule = by_key.get(key) or by_key.get(key.upper())
        if rule is None:
            problems.append((origin, f"unknown rule {key!r}{did_you_mean(key, names)}"))
            continue
        values = dict(values)
        severity = rule.severity
        if "severity" in values:
            raw = values.pop("severity")
            try:
                severity = Severity(raw)
            except ValueError:
                problems.append((origin, f"severity {raw!r}: expected 'error' or 'warning'"))
        try:
            options = rule.options.model_validate(values)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                name = ".".join(str(p) for p in err["loc"])
                if err["type"] == "extra_forbidden":
                    known = ", ".join(rule.options.model_fields) or "none"
                    problems.append((origin, f"{rule.id} has no option {name!r} (options: {known}, severity)"))
                else:
                    problems.append((origin, f"{rule.id} {name}: {err['msg']}"))
            continue
        configured[rule.id] = (options, severity)
    if problems:
        raise RuleConfigError(problems)
    out = []
    for rule in rules:
        if rule.id not in chosen:
            continue
        options, severity = configured.get(rule.id, (rule.options(), rule.severity))
        if window_days is not None and "window_days" in rule.options.model_fields:
            options = options.model_copy(update={"window_days": window_days})
        out.append(ConfiguredRule(rule, options, severity))
    return RuleSet(tuple(out))


@cache
def default_rules() -> RuleSet:
    """Every built-in rule with its defaults, no plugins: what the library uses when not told."""
    return configure(plugins=False)
