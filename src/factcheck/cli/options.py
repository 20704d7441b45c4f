"""Options shared by several commands, declared once.

A command that judges claims takes `judge: JudgeFlags = JUDGE` in its signature; the
`judge_flags` decorator shows typer the eight options in that place instead (same order, same
help on every command) and hands the command one `JudgeFlags`. `tolerance_flags` does the same
for `parse`, which reads but does not judge.

Nothing heavy is imported here: `factcheck --help` builds every command's options.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from factcheck.flags import JudgeFlags, ToleranceFlags

ClaimsArg = Annotated[Path, typer.Argument(help="The claims file.", show_default=True)]
ClaimsSetArg = Annotated[
    list[Path] | None,
    typer.Argument(help="The claims file(s) or folder(s), as one set. Default: claims.yaml.", show_default=False),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")]
JobsOpt = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help=(
        "Processes that judge subjects. Default: every core for 50,000 claims or more, else 1. The output is "
        "the same whatever the number."
    ))
]
WindowOpt = Annotated[
    int | None, typer.Option("--window-days", min=0, help=(
        "Claims this many days apart or less must agree (level, cumulative, and flow claims without a "
        "period). Default 90, or the config file's."
    ))
]
SelectOpt = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="RULES", help=(
        "Run only these rules: ids, id prefixes (FC1) or names, comma-separated. Replaces the config file's "
        "`select`."
    )),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="RULES", help="Do not run these rules (ids, prefixes or names, comma-separated); adds to the config file's `ignore`."),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="The configuration file (factcheck.toml, or a pyproject.toml with [tool.factcheck]). Default: found beside the claims file."),
]
NoConfigOpt = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]
MinSimilarityOpt = Annotated[
    float,
    typer.Option("--min-similarity", metavar="PERCENT", help="A quote less alike than this to every passage of its document is not found (FV001)."),
]
AllowOutsideOpt = Annotated[
    bool,
    typer.Option("--allow-outside-paths", help="Let a source's path: be absolute or point outside the claims file's folder."),
]
MaxDocumentOpt = Annotated[
    float | None,
    typer.Option(
        "--max-document-mb", metavar="MB", help="Refuse source documents bigger than this. Default: FACTCHECK_MAX_DOCUMENT_MB, else 20.", show_default=False
    ),
]
ApproxOpt = Annotated[
    float | None, typer.Option("--approx", min=0.0, max=1.0, help="Tolerance of 'about X': X ± this fraction (default 0.10, or the file's `tolerances:`).")
]
NearlyOpt = Annotated[
    float | None,
    typer.Option("--nearly", min=0.0, max=1.0, help="Tolerance of 'nearly X': [X − this fraction, X) (default 0.10, or the file's `tolerances:`)."),
]
ToleranceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tolerance", "-t", metavar="NAME=FRACTION",
        help="Any hedge tolerance, as in claims.yaml `tolerances:` (about, nearly, precision, over, at_least, up_to, under). Repeatable.",
    ),
]

#: Placeholders: where a command's signature says `judge: JudgeFlags = JUDGE`, the decorator
#: puts the options below.
JUDGE = JudgeFlags()
TOLERANCES = ToleranceFlags()

_TOLERANCE_PARAMS: tuple[tuple[str, Any, Any], ...] = (
    ("approx", ApproxOpt, None),
    ("nearly", NearlyOpt, None),
    ("tolerance", ToleranceOpt, None),
)
_JUDGE_PARAMS: tuple[tuple[str, Any, Any], ...] = (
    ("window_days", WindowOpt, None),
    *_TOLERANCE_PARAMS,
    ("select", SelectOpt, None),
    ("ignore", IgnoreOpt, None),
    ("config", ConfigOpt, None),
    ("no_config", NoConfigOpt, False),
)

F = TypeVar("F", bound=Callable[..., Any])


def _tolerances(given: dict[str, Any]) -> ToleranceFlags:
    return ToleranceFlags(given.pop("approx"), given.pop("nearly"), tuple(given.pop("tolerance") or ()))


def _judge(given: dict[str, Any]) -> JudgeFlags:
    window_days = given.pop("window_days")
    tolerances = _tolerances(given)
    select = given.pop("select")
    return JudgeFlags(
        window_days=window_days,
        tolerances=tolerances,
        select=tuple(select) if select is not None else None,
        ignore=tuple(given.pop("ignore") or ()),
        config=given.pop("config"),
        no_config=given.pop("no_config"),
    )


def _expanding(placeholder: str, params: tuple[tuple[str, Any, Any], ...], collect: Callable[[dict[str, Any]], Any]) -> Callable[[F], F]:
    """A decorator: the command's parameter `placeholder` becomes `params` for typer, and the
    values typer parses for them reach the command as `collect(values)`."""

    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        shown: list[inspect.Parameter] = []
        for param in signature.parameters.values():
            if param.name == placeholder:
                shown += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
                          for name, annotation, default in params]
            else:
                shown.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY))

        @functools.wraps(command)
        def run(**given: Any) -> Any:
            collected = collect(given)  # takes its options out of `given`
            return command(**given, **{placeholder: collected})

        run.__signature__ = signature.replace(parameters=shown)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in shown} | {"return": signature.return_annotation}
        return run  # type: ignore[return-value]

    return decorate


judge_flags = _expanding("judge", _JUDGE_PARAMS, _judge)
tolerance_flags = _expanding("tolerances", _TOLERANCE_PARAMS, _tolerances)
