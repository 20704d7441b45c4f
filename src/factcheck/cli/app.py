"""The command line: parse options, call the library, pick a formatter, set the exit code.

Nothing heavy is imported at module level (pydantic, pint, rich, YAML): `factcheck --help`
stays fast. Exit codes: 0 done/clean, 1 findings (`check`), 2 unusable input.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from factcheck.api import Loaded
    from factcheck.cli.progress import ProgressBar
    from factcheck.judge.engine import JudgeOptions
    from factcheck.load.schema import Tolerances
    from factcheck.read import ReadOptions
    from factcheck.report.records import Report

app = typer.Typer(
    name="factcheck",
    help="Do your sources agree? Judge the claims in claims.yaml: consistent, evolving, "
    "conflicting, single-source or incomplete, with the reason in words.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        from factcheck import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Do your sources agree? Judge the claims in claims.yaml."""
    from factcheck.load.claims_file import SettingError, max_file_bytes
    from factcheck.provenance.paths import max_document_bytes

    try:  # size limits from the environment: refused before anything is read
        max_file_bytes()
        max_document_bytes()
    except SettingError as exc:
        _fail([str(exc)])

ClaimsArg = Annotated[
    Path, typer.Argument(help="The claims file.", show_default=True)
]
ClaimsSetArg = Annotated[
    list[Path] | None,
    typer.Argument(help="The claims file(s) or folder(s), as one set. Default: claims.yaml.", show_default=False),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")]
JobsOpt = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Processes that judge subjects. Default: every core for 50,000 claims or more, else 1. The output is the same whatever the number.")
]
WindowOpt = Annotated[
    int | None, typer.Option("--window-days", min=0, help="Claims this many days apart or less must agree (level, cumulative, and flow claims without a period). Default 90, or the config file's.")
]
SelectOpt = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="RULES", help="Run only these rules: ids, id prefixes (FC1) or names, comma-separated. Replaces the config file's `select`."),
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
    typer.Option("--max-document-mb", metavar="MB", help="Refuse source documents bigger than this. Default: FACTCHECK_MAX_DOCUMENT_MB, else 20.", show_default=False),
]
ApproxOpt = Annotated[
    float | None, typer.Option("--approx", min=0.0, max=1.0, help="Tolerance of 'about X': X ± this fraction (default 0.10, or the file's `tolerances:`).")
]
NearlyOpt = Annotated[
    float | None, typer.Option("--nearly", min=0.0, max=1.0, help="Tolerance of 'nearly X': [X − this fraction, X) (default 0.10, or the file's `tolerances:`).")
]
ToleranceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tolerance", "-t", metavar="NAME=FRACTION",
        help="Any hedge tolerance, as in claims.yaml `tolerances:` (about, nearly, precision, over, at_least, up_to, under). Repeatable.",
    ),
]


def _fail(messages: list[str], code: int = EXIT_UNUSABLE) -> NoReturn:
    from factcheck.safe_text import printable

    for message in messages:
        typer.echo(printable(message), err=True)
    raise typer.Exit(code)


def _overrides(approx: float | None, nearly: float | None, tolerance: list[str] | None) -> Tolerances | None:
    """The command line's tolerances, validated like the `tolerances:` section of claims.yaml."""
    from pydantic import ValidationError

    from factcheck.load.schema import Tolerances

    given: dict[str, object] = {}
    flags: dict[str, str] = {}  # which option gave each tolerance, for the error message
    errors = []
    for item in tolerance or []:
        name, sep, fraction = item.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in Tolerances.model_fields:
            errors.append(f"--tolerance {item!r}: expected NAME=FRACTION with NAME one of {', '.join(Tolerances.model_fields)}")
            continue
        given[name], flags[name] = fraction.strip(), f"--tolerance {name}"
    # --approx and --nearly are the short forms; given together with -t, the short form wins
    if approx is not None:
        given["about"], flags["about"] = approx, "--approx"
    if nearly is not None:
        given["nearly"], flags["nearly"] = nearly, "--nearly"
    if errors:
        _fail(errors)
    if not given:
        return None
    try:
        return Tolerances.model_validate(given)
    except ValidationError as exc:
        _fail([f"{flags[str(e['loc'][0])]}: {e['msg'].lower()}" for e in exc.errors()])


def _read_options(approx: float | None, nearly: float | None, tolerance: list[str] | None) -> ReadOptions:
    from factcheck.read import ReadOptions

    return ReadOptions().with_tolerances(_overrides(approx, nearly, tolerance))


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _options(
    claims: Path,
    window_days: int | None,
    approx: float | None,
    nearly: float | None,
    tolerance: list[str] | None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: Path | None = None,
    no_config: bool = False,
) -> JudgeOptions:
    """Everything that decides how claims are judged: config file, then the command line."""
    from factcheck.config import find_config, load_config
    from factcheck.errors import UnusableInput
    from factcheck.judge.engine import JudgeOptions
    from factcheck.judge.rules.registry import RuleConfigError, configure
    from factcheck.read import ReadOptions

    if config is not None and not config.is_file():
        _fail([f"--config: {config}: no such file"])
    try:
        settings = load_config(None if no_config else (config or find_config(claims)))
    except UnusableInput as exc:
        _fail([*map(str, exc.diagnostics), "the configuration file cannot be used."])
    model = settings.model
    chosen = _codes(select)
    where = dict(settings.where)
    if chosen is not None:
        where["select"] = "--select"
    if ignore:
        where["ignore"] = "--ignore"
    try:
        rules = configure(
            select=chosen if chosen is not None else model.select,
            ignore=[*model.ignore, *(_codes(ignore) or [])],
            settings=model.rules,
            window_days=window_days if window_days is not None else model.window_days,
            where=where,
        )
    except RuleConfigError as exc:
        _fail([f"{where}: {message}" for where, message in exc.problems])
    return JudgeOptions(
        read=ReadOptions().with_tolerances(model.tolerances),
        rules=rules,
        overrides=_overrides(approx, nearly, tolerance),
    )


def _load(claims: Path | list[Path], progress: ProgressBar | None = None) -> Loaded:
    """Load the claims file (or files and folders, as one set), or exit 2 with every error."""
    from factcheck.api import load_paths
    from factcheck.errors import UnusableInput

    try:
        return load_paths(claims if isinstance(claims, list) else [claims], progress.reading if progress else None)
    except UnusableInput as exc:
        n = len(exc.diagnostics)
        _fail([*map(str, exc.diagnostics), f"{n} error{'s' * (n != 1)}: the claims file cannot be used."])


def _report(claims: Path | list[Path], options: JudgeOptions) -> Report:
    """Load and judge the claims file (or files and folders, as one set), or exit 2 with every
    error in them."""
    from factcheck.api import check_loaded

    return check_loaded(_load(claims), options)


def _verification(loaded: Loaded, min_similarity: float, allow_outside_paths: bool, max_document_mb: float | None) -> dict[str, Any]:
    """Every claim against its source's document, or exit 2 naming each unusable `path:`."""
    from factcheck.api import verify_loaded
    from factcheck.errors import UnusableInput
    from factcheck.provenance.verify import VerifyOptions

    if not 0 <= min_similarity <= 100:
        _fail(["--min-similarity: give a percentage from 0 to 100"])
    _document_limit(max_document_mb)
    try:
        return verify_loaded(loaded, VerifyOptions(min_similarity, allow_outside_paths, max_document_mb))
    except UnusableInput as exc:
        n = len(exc.diagnostics)
        _fail([*map(str, exc.diagnostics), f"{n} error{'s' * (n != 1)}: the source documents cannot be used."])


def _document_limit(max_document_mb: float | None) -> int:
    """The document size limit in bytes, or exit 2 when --max-document-mb is not a size."""
    from factcheck.load.claims_file import SettingError
    from factcheck.provenance.paths import max_document_bytes

    try:
        return max_document_bytes(max_document_mb)
    except SettingError as exc:
        _fail([str(exc)])


def _records(
    claims: Path | list[Path],
    options: JudgeOptions,
    locate_verdicts: frozenset[str] = frozenset(),
    loaded: Loaded | None = None,
    jobs: int | None = None,
) -> dict[str, Any]:
    """Load (unless given), judge and serialise, with a progress bar on stderr for long runs."""
    from factcheck.api import records_of
    from factcheck.cli.progress import ProgressBar

    with ProgressBar() as progress:
        loaded = loaded or _load(claims, progress)
        return records_of(loaded, options, locate_verdicts, jobs, progress.judging)


def _records_of_all(
    paths: list[Path],
    options: JudgeOptions,
    locate_verdicts: frozenset[str],
    baseline: str | None = None,
    fail_on: tuple[str, ...] = ("conflicting",),
    loaded: Loaded | None = None,
    jobs: int | None = None,
) -> dict[str, Any]:
    """The claims files (and folders) as one set, compared with the set at the baseline
    revision when one is given."""
    now = _records(paths, options, locate_verdicts, loaded, jobs)
    if baseline is None:
        return now
    return _against(paths, now, options, baseline, fail_on)


def _against(paths: list[Path], now: dict[str, Any], options: JudgeOptions, revision: str, fail_on: tuple[str, ...]) -> dict[str, Any]:
    from factcheck.api import check_texts
    from factcheck.errors import UnusableInput
    from factcheck.files import display_name
    from factcheck.load.claims_set import expand
    from factcheck.report.baseline import BaselineError, compare, file_at
    from factcheck.report.records import to_dict

    texts = []
    try:
        for path in expand(paths):
            text = file_at(path, revision)
            if text is not None:
                texts.append((text, display_name(path)))
    except BaselineError as exc:
        _fail([str(exc)])
    then = None
    try:
        if texts:
            then = to_dict(check_texts(texts, options))
    except UnusableInput:
        then = None  # unusable at the revision: everything found now is new
    return compare(now, then, fail_on, revision)


def _write(text: str, output: Path | None, inputs: list[Path] | tuple[Path, ...] = ()) -> None:
    """To stdout, or atomically to a file (files.atomic_write), never over one of `inputs`."""
    if output is None:
        _stdout(text)
        return
    from factcheck.files import WriteRefused, atomic_write, refuse_inputs

    try:
        refuse_inputs(output, list(inputs))
        atomic_write(output, text)
    except WriteRefused as exc:
        _fail([str(exc)])
    except OSError as exc:
        _fail([f"{_name(output)}: cannot write: {exc.strerror or exc}"])


def _name(path: Path) -> str:
    from factcheck.files import display_name

    return display_name(path)


def _stdout(text: str) -> None:
    """Text to standard output, whatever its encoding: characters it cannot encode
    (PYTHONIOENCODING=ascii) are written as backslash escapes, never a traceback."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))
    sys.stdout.flush()


def _inputs(paths: list[Path], config: Path | None = None) -> list[Path]:
    """The files a command reads (folders as their claims files), which -o may not replace."""
    from factcheck.errors import UnusableInput
    from factcheck.load.claims_set import expand

    try:
        files = expand(paths)
    except UnusableInput:
        files = list(paths)
    return files + ([config] if config else [])


def _write_check(output: Path, inputs: list[Path]) -> None:
    """Exit 2 before any work when -o names one of the command's inputs."""
    from factcheck.files import WriteRefused, refuse_inputs

    try:
        refuse_inputs(output, inputs)
    except WriteRefused as exc:
        _fail([str(exc)])


def _terminal() -> tuple[int, bool]:
    """Width and colour for the table: honours NO_COLOR, FORCE_COLOR and COLUMNS."""
    import shutil

    is_tty = sys.stdout.isatty()
    color = (is_tty or bool(os.environ.get("FORCE_COLOR"))) and not os.environ.get("NO_COLOR")
    if is_tty:
        width = shutil.get_terminal_size((120, 24)).columns
    else:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else 120
    return min(max(width, 60), 1000), color


@app.command()
def report(
    claims: ClaimsSetArg = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="table, markdown, html or json. Default: from the -o file's suffix (.md, .html, .json), else table."),
    ] = None,
    output: OutputOpt = None,
    window_days: WindowOpt = None,
    approx: ApproxOpt = None,
    nearly: NearlyOpt = None,
    tolerance: ToleranceOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Every subject with its verdict, figures and reason."""
    from factcheck.formatters import ReportFormat, render_report

    if format is None:
        suffix = output.suffix.lower() if output else ""
        format = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html"}.get(suffix, "table")
    fmt = _choice(ReportFormat, format, "--format")
    paths = claims or [Path("claims.yaml")]
    if output is not None:  # refused before the work, not after
        _write_check(output, _inputs(paths, config))
    records = _records(paths, _options(paths[0], window_days, approx, nearly, tolerance, select, ignore, config, no_config), jobs=jobs)
    width, color = _terminal() if output is None else (120, False)
    _write(render_report(fmt, records, width=width, color=color), output, _inputs(paths, config))


@app.command()
def check(
    claims: Annotated[
        list[Path] | None,
        typer.Argument(help="The claims file(s) or folder(s), as one set: sources and subjects may be shared across files. Default: claims.yaml.", show_default=False),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, github (workflow annotations), sarif, junit or json. Default: github when GITHUB_ACTIONS=true, else text."),
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", metavar="VERDICTS", help="Verdicts that fail the check: conflicting, incomplete, evolving, single-source (comma-separated or repeated). Default: conflicting. Unreadable and incomparable claims and stale acceptances always fail."),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", metavar="REV", help="Fail only on what changed since git revision REV (a branch, tag or commit): findings already there are shown as notes, and those fixed are listed."),
    ] = None,
    window_days: WindowOpt = None,
    approx: ApproxOpt = None,
    nearly: NearlyOpt = None,
    tolerance: ToleranceOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    verify: Annotated[bool, typer.Option("--verify", help="Also verify every claim against its source's document (factcheck verify), in the same run.")] = False,
    min_similarity: MinSimilarityOpt = 90.0,
    allow_outside_paths: AllowOutsideOpt = False,
    max_document_mb: MaxDocumentOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """For CI: print what needs attention; exit 1 on conflicts or claims that cannot be judged."""
    from factcheck.formatters import render_check
    from factcheck.report.findings import FAILING_VERDICTS, failing

    fmt = _check_format(format)
    verdicts = tuple(_codes(fail_on) or ["conflicting"])
    unknown = [v for v in verdicts if v not in FAILING_VERDICTS]
    if unknown:
        _fail([f"--fail-on: {unknown[0]!r} is not one of {', '.join(FAILING_VERDICTS)}"])
    paths = claims or [Path("claims.yaml")]
    options = _options(paths[0], window_days, approx, nearly, tolerance, select, ignore, config, no_config)
    from factcheck.cli.progress import ProgressBar

    with ProgressBar() as progress:
        loaded = _load(paths, progress)
    verification = _verification(loaded, min_similarity, allow_outside_paths, max_document_mb) if verify else None
    records = _records_of_all(paths, options, frozenset(verdicts) - {"conflicting"}, baseline, verdicts, loaded, jobs)
    rules = [r.record() for r in options.rules.rules] if options.rules is not None else []
    if verification is not None:
        from factcheck.provenance.verify import CHECKS

        records["verification"] = verification
        rules += [c.record() for c in CHECKS.values()]
    _write(render_check(fmt, records, verdicts, rules), None)
    raise typer.Exit(EXIT_FINDINGS if failing(records, verdicts) else EXIT_OK)


@app.command(name="verify")
def verify_command(
    claims: ClaimsSetArg = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, github, sarif, junit or json (as for check). Default: github when GITHUB_ACTIONS=true, else text."),
    ] = None,
    min_similarity: MinSimilarityOpt = 90.0,
    allow_outside_paths: AllowOutsideOpt = False,
    max_document_mb: MaxDocumentOpt = None,
) -> None:
    """Prove each claim against its source's document (`path:`): the quote is in it, `says` is in the quote, the figure reads the same. Exit 1 on errors."""
    from factcheck.formatters import CheckFormat, render_check
    from factcheck.provenance.verify import CHECKS
    from factcheck.report.findings import failing

    fmt = _check_format(format)
    loaded = _load(claims or [Path("claims.yaml")])
    verification = _verification(loaded, min_similarity, allow_outside_paths, max_document_mb)
    data = loaded.loaded.data
    records: dict[str, Any] = {
        "command": "verify",
        "file": loaded.loaded.display_name,
        "counts": {"subjects": len(data.subjects), "claims": len(data.claims)},
        "subjects": [],
        "problems": [],
        "verification": verification,
    }
    if fmt is CheckFormat.JSON:
        from factcheck.formatters import json_format

        _write(json_format.render({"file": records["file"], **verification}), None)
    else:
        _write(render_check(fmt, records, ("conflicting",), [c.record() for c in CHECKS.values()]), None)
    raise typer.Exit(EXIT_FINDINGS if failing(records) else EXIT_OK)


@app.command()
def extract(
    document: Annotated[Path, typer.Argument(help="The document: text, Markdown, HTML or PDF.", show_default=False)],
    source: Annotated[str, typer.Option("--source", "-s", help="The id of the source the document is (in the claims file; else give --language and --published).")],
    claims: Annotated[Path | None, typer.Option("--claims", help="The claims file: the source's language and date, subjects to suggest, claims already made. Default: claims.yaml when it exists.", show_default=False)] = None,
    language: Annotated[str | None, typer.Option("--language", help="For a source not in the claims file: its ISO 639-1 language.")] = None,
    published: Annotated[str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="For a source not in the claims file: its publication date.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="yaml (to paste into claims.yaml) or json.")] = "yaml",
    new_only: Annotated[bool, typer.Option("--new-only", help="Leave out the figures the claims file already has.")] = False,
    output: OutputOpt = None,
    max_document_mb: MaxDocumentOpt = None,
) -> None:
    """Propose candidate claims from a document: every figure, date and rank, with its sentence as the quote."""
    from factcheck.provenance import extract as ex
    from factcheck.provenance.documents import read_document
    from factcheck.provenance.paths import DocumentError

    if format not in ("yaml", "json"):
        _fail([f"--format: {format!r} is not one of yaml, json"])
    claims_path = claims if claims is not None else (Path("claims.yaml") if Path("claims.yaml").is_file() else None)
    inputs = [document, *([claims_path] if claims_path else [])]
    if output is not None:
        _write_check(output, inputs)
    data = _load(claims_path).loaded.data if claims_path is not None else None
    if language is not None:
        from factcheck.read.lexicon import available_languages

        if language not in available_languages():
            _fail([f"--language: {language!r} is not one of {', '.join(sorted(available_languages()))}"])
    from pydantic import ValidationError

    try:
        the_source = ex.source_for(data, source, language, _date(published) if published else None)
    except ValidationError as exc:
        option = {"language": "--language", "published": "--published"}
        _fail([f"{option.get(str(e['loc'][0]), '--source') if e['loc'] else '--source'}: {e['input']!r} is not valid: "
               f"{e['msg'].lower()} (a source id is lowercase letters and digits joined by hyphens)"
               for e in exc.errors(include_url=False)])
    if the_source is None:
        where = f"{claims_path} has no source {source!r}" if claims_path else "no claims file"
        _fail([f"--source: {where}; give --language and --published for a new source"])
    try:
        doc = read_document(document, document.as_posix(), _document_limit(max_document_mb))
    except DocumentError as exc:
        _fail([f"{_name(document)}: {exc}"])
    found = ex.candidates(doc, the_source, data)
    if new_only:
        found = [c for c in found if c.already is None]
    import shlex

    command = f"factcheck extract {shlex.quote(document.as_posix())} --source {shlex.quote(source)}"
    _write(ex.to_json(found, doc) if format == "json" else ex.to_yaml(found, doc, command), output, inputs)


@app.command()
def explain(
    subject: Annotated[str, typer.Argument(help="The subject's id (as in claims.yaml).")],
    claims: ClaimsArg = Path("claims.yaml"),
    window_days: WindowOpt = None,
    approx: ApproxOpt = None,
    nearly: NearlyOpt = None,
    tolerance: ToleranceOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    """One subject's reasoning step by step: each claim and how it was read, the rules, the verdict, a timeline."""
    from factcheck.formatters import explain as explain_format

    options = _options(claims, window_days, approx, nearly, tolerance, select, ignore, config, no_config)
    records = _records(claims, options)
    found = next((s for s in records["subjects"] if s["id"] == subject), None)
    if found is None:
        import difflib

        ids = [s["id"] for s in records["subjects"]]
        close = [i for i in ids if i.startswith(subject)][:1] or difflib.get_close_matches(subject, ids, n=1, cutoff=0.5)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        _fail([f"{claims}: no subject {subject!r}{hint}"])
    from factcheck.load.schema import SubjectKind

    assert options.rules is not None
    rules = [r.record() for r in options.rules.for_kind(SubjectKind(found["kind"]))]
    _write(explain_format.render(found, rules), None)


@app.command()
def sources(
    claims: ClaimsArg = Path("claims.yaml"),
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    window_days: WindowOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    """Each source's track record: corroborated, contradicted, uncorroborated claims, and copies."""
    from factcheck.formatters import SourcesFormat, render_sources
    from factcheck.sources.track_record import to_dict, track_records

    fmt = _choice(SourcesFormat, format, "--format")
    options = _options(claims, window_days, None, None, None, select, ignore, config, no_config)
    report = _report(claims, options)
    records, copies = track_records(report.results, report.sources, options.rules)
    width, color = _terminal()
    _write(render_sources(fmt, to_dict(records, copies, report.file), width=width, color=color), None)


@app.command()
def accept(
    subject: Annotated[str, typer.Argument(help="The subject's id.")],
    claims: ClaimsArg = Path("claims.yaml"),
    reason: Annotated[str | None, typer.Option("--reason", "-r", help="Why the discrepancy is accepted (mandatory unless --remove).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Accept only this source's claims on the subject, not the whole subject.")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove the acceptance instead (e.g. a stale one, FC900).")] = False,
) -> None:
    """Write `accepted: REASON` into claims.yaml for a subject (or a source's claims on it),
    keeping comments, order and layout. The one command that edits claims.yaml."""
    from factcheck.errors import UnusableInput
    from factcheck.files import display_name
    from factcheck.load.claims_file import load_claims_text, read_text
    from factcheck.load.edit import EditError, set_acceptance
    from factcheck.load.jsonl import is_jsonl

    if remove == (reason is not None):
        _fail(["factcheck accept: give --reason TEXT, or --remove"])
    if reason is not None and not reason.strip():
        _fail(["--reason: give the reason the discrepancy is accepted"])
    name = display_name(claims)
    if is_jsonl(claims):
        _fail([(f"{name}: accept edits YAML claims files; a claims.jsonl comes from a pipeline: write "
                '"accepted": "REASON" on the claim\'s line there, or accept the subject in the YAML file that defines it')])
    from factcheck.files import locked_edit

    def edit() -> tuple[str, list[str]]:
        from factcheck.load.edit import unchanged_but_acceptance

        text = read_text(claims)
        before = load_claims_text(text, name)  # never edit a file that does not load
        new, what = set_acceptance(text, subject, reason, source)
        after = load_claims_text(new, name)  # nor write one that would not
        if not unchanged_but_acceptance(before.data, after.data):  # nor one that says more
            raise EditError("the edit would change more than the acceptance (a value the YAML round trip cannot "
                            "keep as written): write the accepted: line by hand")
        return new, what

    try:
        read_text(claims)  # a missing or unreadable file is reported as such, before any lock
        what = locked_edit(claims, edit)
    except UnusableInput as exc:
        _fail([*map(str, exc.diagnostics), "the claims file cannot be edited."])
    except EditError as exc:
        _fail([f"{name}: {exc}"])
    except OSError as exc:
        _fail([f"{name}: cannot write: {exc.strerror or exc}"])
    assert isinstance(what, list)
    from factcheck.safe_text import printable

    verb = "removed the acceptance of" if remove else "accepted"
    for item in what:
        typer.echo(f"{name}: {verb} {printable(item)}")


@app.command()
def schema(
    output: OutputOpt = None,
) -> None:
    """The JSON Schema of claims.yaml, for editors (yaml-language-server) and other tools."""
    from factcheck.load.json_schema import render

    if output is not None and output.exists() and not _is_json_schema(output):
        _fail([f"{_name(output)}: exists and is not a JSON Schema; refusing to write over it (remove it first, or choose another -o file)"])
    _write(render(), output)


def _is_json_schema(path: Path) -> bool:
    """Whether the file is a JSON Schema (an earlier `factcheck schema -o`), safe to replace."""
    import json

    try:
        with path.open("rb") as f:
            data = json.loads(f.read(16 * 2**20))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "$schema" in data


@app.command(name="rules")
def list_rules(
    format: Annotated[str, typer.Option("--format", "-f", help="table or markdown (the docs/rules.md page).")] = "table",
) -> None:
    """Every rule: id, name, kinds, severity, options; --format markdown writes docs/rules.md."""
    from factcheck.formatters import rules_doc
    from factcheck.judge.rules.registry import RuleConfigError, all_rules

    try:
        rules = all_rules()
    except RuleConfigError as exc:
        _fail([f"{where}: {message}" for where, message in exc.problems])
    if format == "markdown":
        _write(rules_doc.markdown(rules), None)
    elif format == "table":
        _write(rules_doc.table(rules), None)
    else:
        _fail([f"--format: {format!r} is not one of table, markdown"])


@app.command()
def parse(
    phrase: Annotated[str | None, typer.Argument(help="The figure as written, e.g. 'up to $7.6 billion'.")] = None,
    lang: Annotated[str, typer.Option("--lang", "-l", help="ISO 639-1 language of the phrase.")] = "en",
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="Publication date (ISO), the base for 'last January'. Default: today.")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='Read JSON lines {"phrase", "lang", "published"} on stdin.')] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the value as JSON.")] = False,
    approx: ApproxOpt = None,
    nearly: NearlyOpt = None,
    tolerance: ToleranceOpt = None,
) -> None:
    """How one phrase is read (exit 2 if it cannot be read)."""
    options = _read_options(approx, nearly, tolerance)
    if jsonl:
        from factcheck.cli.parse import parse_jsonl

        parse_jsonl(sys.stdin, sys.stdout, options)
        return
    if phrase is None:
        _fail(["factcheck parse: give a PHRASE, or --jsonl to read JSON lines on stdin"])
    from factcheck.cli.parse import explain
    from factcheck.read import parse_value

    day = _date(published)
    try:
        value = parse_value(phrase, lang, day, options)
    except ValueError as exc:
        _fail([f"cannot read {phrase!r} ({lang}): {exc}"])
    import json

    if json_out:
        _write(json.dumps(value.to_json(), ensure_ascii=False) + "\n", None)
    else:
        _write(explain(phrase, lang, day, value), None)


def _date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail([f"--published: {text!r} is not an ISO date such as 2025-09-29"])


def _check_format(value: str | None) -> Any:
    """`check` and `verify`: github annotations inside GitHub Actions, else text."""
    from factcheck.formatters import CheckFormat

    if value is None:
        value = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return _choice(CheckFormat, value, "--format")


def _choice(enum: Any, value: str, option: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        _fail([f"{option}: {value!r} is not one of {', '.join(e.value for e in enum)}"])


def main() -> None:
    """Console entry point: never a traceback for the user."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot encode a character (PYTHONIOENCODING=ascii) gets it
        # as a backslash escape instead of a UnicodeEncodeError.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
