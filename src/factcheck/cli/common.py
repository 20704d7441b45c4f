"""What every command does at the boundary: turn library errors into messages and exit codes,
load claims, write output safely, read the terminal.

Library modules are imported inside these functions, not above: the command line's modules
are all imported for `factcheck --help`, which must stay fast.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from factcheck.flags import JudgeFlags

if TYPE_CHECKING:
    from factcheck.cli.progress import ProgressBar
    from factcheck.judge.engine import JudgeOptions
    from factcheck.load.claims_set import Loaded
    from factcheck.report.shapes import ReportRecords

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2

E = TypeVar("E", bound=StrEnum)


def fail(messages: Sequence[str], code: int = EXIT_UNUSABLE) -> NoReturn:
    """Every message on stderr, made printable (no escapes reach the terminal), then exit."""
    from factcheck.safe_text import printable

    for message in messages:
        typer.echo(printable(message), err=True)
    raise typer.Exit(code)


def judge_options(claims: Path, flags: JudgeFlags) -> JudgeOptions:
    """The options for judging `claims` (config file, then flags), or exit 2 with every problem."""
    from factcheck.errors import UsageError
    from factcheck.options import judge_options as resolve

    try:
        return resolve(claims, flags)
    except UsageError as exc:
        fail(exc.messages)


def load(claims: Path | list[Path], progress: ProgressBar | None = None) -> Loaded:
    """Load the claims file (or files and folders, as one set), or exit 2 with every error."""
    from factcheck.api import load_paths
    from factcheck.errors import UnusableInput

    try:
        return load_paths(claims if isinstance(claims, list) else [claims], progress.reading if progress else None)
    except UnusableInput as exc:
        n = len(exc.diagnostics)
        fail([*map(str, exc.diagnostics), f"{n} error{'s' * (n != 1)}: the claims file cannot be used."])


def records(
    claims: Path | list[Path],
    options: JudgeOptions,
    locate_verdicts: frozenset[str] = frozenset(),
    loaded: Loaded | None = None,
    jobs: int | None = None,
) -> ReportRecords:
    """Load (unless given), judge and serialise, with a progress bar on stderr for long runs."""
    from factcheck.api import records_of
    from factcheck.cli.progress import ProgressBar

    with ProgressBar() as progress:
        loaded = loaded or load(claims, progress)
        return records_of(loaded, options, locate_verdicts, jobs, progress.judging)


def document_limit(max_document_mb: float | None) -> int:
    """The document size limit in bytes, or exit 2 when --max-document-mb is not a size."""
    from factcheck.load.claims_file import SettingError
    from factcheck.provenance.paths import max_document_bytes

    try:
        return max_document_bytes(max_document_mb)
    except SettingError as exc:
        fail([str(exc)])


def verification(loaded: Loaded, min_similarity: float, allow_outside_paths: bool, max_document_mb: float | None) -> dict[str, Any]:
    """Every claim against its source's document, or exit 2 naming each unusable `path:`."""
    from factcheck.errors import UnusableInput
    from factcheck.provenance.verify import VerifyOptions, verify_loaded

    if not 0 <= min_similarity <= 100:
        fail(["--min-similarity: give a percentage from 0 to 100"])
    document_limit(max_document_mb)
    try:
        return verify_loaded(loaded, VerifyOptions(min_similarity, allow_outside_paths, max_document_mb))
    except UnusableInput as exc:
        n = len(exc.diagnostics)
        fail([*map(str, exc.diagnostics), f"{n} error{'s' * (n != 1)}: the source documents cannot be used."])


def write(text: str, output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """To stdout, or atomically to a file (files.atomic_write), never over one of `inputs`."""
    if output is None:
        stdout(text)
        return
    from factcheck.files import WriteRefused, atomic_write, refuse_inputs

    try:
        refuse_inputs(output, list(inputs))
        atomic_write(output, text)
    except WriteRefused as exc:
        fail([str(exc)])
    except OSError as exc:
        fail([f"{name(output)}: cannot write: {exc.strerror or exc}"])


def name(path: Path) -> str:
    """A file's name as errors show it (files.display_name)."""
    from factcheck.files import display_name

    return display_name(path)


def stdout(text: str) -> None:
    """Text to standard output, whatever its encoding: characters it cannot encode
    (PYTHONIOENCODING=ascii) are written as backslash escapes, never a traceback."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))
    sys.stdout.flush()


def inputs(paths: list[Path], config: Path | None = None) -> list[Path]:
    """The files a command reads (folders as their claims files), which -o may not replace."""
    from factcheck.errors import UnusableInput
    from factcheck.load.claims_set import expand

    try:
        files = expand(paths)
    except UnusableInput:
        files = list(paths)
    return files + ([config] if config else [])


def refuse_output(output: Path, inputs: list[Path]) -> None:
    """Exit 2 before any work when -o names one of the command's inputs."""
    from factcheck.files import WriteRefused, refuse_inputs

    try:
        refuse_inputs(output, inputs)
    except WriteRefused as exc:
        fail([str(exc)])


def terminal() -> tuple[int, bool]:
    """Width and colour for the table: honours NO_COLOR, FORCE_COLOR and COLUMNS."""
    is_tty = sys.stdout.isatty()
    color = (is_tty or bool(os.environ.get("FORCE_COLOR"))) and not os.environ.get("NO_COLOR")
    if is_tty:
        width = shutil.get_terminal_size((120, 24)).columns
    else:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else 120
    return min(max(width, 60), 1000), color


def choice(enum: type[E], value: str, option: str) -> E:
    """`value` as a member of `enum`, or exit 2 listing the choices."""
    try:
        return enum(value)
    except ValueError:
        fail([f"{option}: {value!r} is not one of {', '.join(e.value for e in enum)}"])


def date(text: str | None) -> dt.date:
    """An ISO date given with --published (today when not given), or exit 2."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail([f"--published: {text!r} is not an ISO date such as 2025-09-29"])
