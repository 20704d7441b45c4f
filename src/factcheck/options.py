"""How claims are judged, from every place that has a say: defaults, the configuration file,
the command line (as flake8's options/aggregator.py does it, outside the command line).

Precedence: built-in defaults < `factcheck.toml` (or `[tool.factcheck]`) < the claims file's
own `tolerances:` < the command line < a subject's own `tolerances:`/`window:`. The claims
file's and the subjects' settings are applied by the engine; this module merges the rest into
one `JudgeOptions`, or raises `UsageError` with every problem found.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from factcheck.config import find_config, load_config
from factcheck.errors import UnusableInput, UsageError
from factcheck.flags import JudgeFlags, ToleranceFlags, codes
from factcheck.judge.engine import JudgeOptions
from factcheck.judge.rules.registry import RuleConfigError, configure
from factcheck.load.schema import Tolerances
from factcheck.read import ReadOptions


def tolerance_overrides(flags: ToleranceFlags) -> Tolerances | None:
    """The command line's tolerances, validated like the `tolerances:` section of claims.yaml."""
    given: dict[str, object] = {}
    origin: dict[str, str] = {}  # which option gave each tolerance, for the error message
    errors = []
    for item in flags.tolerance:
        name, sep, fraction = item.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in Tolerances.model_fields:
            errors.append(f"--tolerance {item!r}: expected NAME=FRACTION with NAME one of {', '.join(Tolerances.model_fields)}")
            continue
        given[name], origin[name] = fraction.strip(), f"--tolerance {name}"
    # --approx and --nearly are the short forms; given together with -t, the short form wins
    if flags.approx is not None:
        given["about"], origin["about"] = flags.approx, "--approx"
    if flags.nearly is not None:
        given["nearly"], origin["nearly"] = flags.nearly, "--nearly"
    if errors:
        raise UsageError(errors)
    if not given:
        return None
    try:
        return Tolerances.model_validate(given)
    except ValidationError as exc:
        raise UsageError([f"{origin[str(e['loc'][0])]}: {e['msg'].lower()}" for e in exc.errors()]) from None


def read_options(flags: ToleranceFlags) -> ReadOptions:
    """How one phrase is read (`factcheck parse`): the defaults under the command line's."""
    return ReadOptions().with_tolerances(tolerance_overrides(flags))


def judge_options(claims: Path, flags: JudgeFlags) -> JudgeOptions:
    """Everything that decides how the claims in `claims` are judged: the configuration file
    found for it (or given), then the command line. Raises `UsageError`."""
    if flags.config is not None and not flags.config.is_file():
        raise UsageError([f"--config: {flags.config}: no such file"])
    try:
        settings = load_config(None if flags.no_config else (flags.config or find_config(claims)))
    except UnusableInput as exc:
        raise UsageError([*map(str, exc.diagnostics), "the configuration file cannot be used."]) from None
    model = settings.model
    chosen = codes(flags.select)
    where = dict(settings.where)
    if chosen is not None:
        where["select"] = "--select"
    if flags.ignore:
        where["ignore"] = "--ignore"
    try:
        rules = configure(
            select=chosen if chosen is not None else model.select,
            ignore=[*model.ignore, *(codes(flags.ignore) or [])],
            settings=model.rules,
            window_days=flags.window_days if flags.window_days is not None else model.window_days,
            where=where,
        )
    except RuleConfigError as exc:
        raise UsageError([f"{at}: {message}" for at, message in exc.problems]) from None
    return JudgeOptions(
        read=ReadOptions().with_tolerances(model.tolerances),
        rules=rules,
        overrides=tolerance_overrides(flags.tolerances),
    )
