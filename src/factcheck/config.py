"""Project configuration: `factcheck.toml` beside the claims file, or `[tool.factcheck]` in a
`pyproject.toml` in its folder or a parent (up to the repository root).

    # factcheck.toml                      # pyproject.toml: the same under [tool.factcheck]
    select = ["FC1"]                      # rule ids, prefixes or names; default: all
    ignore = ["FC106"]
    window-days = 60                      # every rule with a window (FC102, FC104)
    [tolerances]                          # as in claims.yaml, under the file's own
    about = 0.15
    [rules.FC102]                         # one rule's options, and its severity
    window_days = 30
    severity = "warning"

Precedence: built-in defaults < this file < the claims file's own `tolerances:` < the command
line < a subject's own `tolerances:`/`window:`. Errors name `file:line:col` like every other
input error.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import Diagnostic, UnusableInput
from factcheck.files import display_name
from factcheck.load.schema import Tolerances


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    select: list[str] | None = Field(default=None, description="Rules to run: ids, prefixes or names.")
    ignore: list[str] = Field(default_factory=list, description="Rules not to run (wins over select).")
    window_days: int | None = Field(default=None, alias="window-days", ge=0, le=36500)
    tolerances: Tolerances | None = None
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Options per rule.")


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # None: no configuration file was found
    table: tuple[str, ...] = ()  # ("tool", "factcheck") in a pyproject.toml
    model: ConfigModel = field(default_factory=ConfigModel)
    where: dict[str, str] = field(default_factory=dict)  # setting -> "file:line:col", for errors


def find_config(claims: Path) -> Path | None:
    """`factcheck.toml` beside the claims file, else the nearest `pyproject.toml` with
    `[tool.factcheck]`, looking up from the claims file's folder to the repository root."""
    folder = claims.resolve().parent
    beside = folder / "factcheck.toml"
    if beside.is_file():
        return beside
    for parent in (folder, *folder.parents):
        candidate = parent / "pyproject.toml"
        if candidate.is_file() and re.search(r"^\s*\[tool\.factcheck[.\]]", _read(candidate), re.MULTILINE):
            return candidate
        if (parent / ".git").exists():
            break
    return None


def load_config(path: Path | None) -> Config:
    """Read and check a configuration file; every problem at once, as `UnusableInput`."""


    if path is None:
        return Config()

    name = display_name(path)
    text = _read(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise UnusableInput([Diagnostic(name, line, col, f"not valid TOML: {message}")]) from None
    table: tuple[str, ...] = ("tool", "factcheck") if path.name == "pyproject.toml" else ()
    section: Any = raw
    for part in table:
        section = section.get(part, {}) if isinstance(section, dict) else {}
    locate = _Locator(name, text, table)
    try:
        model = ConfigModel.model_validate(section)
    except ValidationError as exc:
        diagnostics = []
        for err in exc.errors(include_url=False):
            loc = tuple(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                message = f"unknown setting {loc[-1]!r} (known: select, ignore, window-days, tolerances, rules)"
                if loc[0] == "tolerances":
                    message = f"unknown tolerance {loc[-1]!r} (known: {', '.join(Tolerances.model_fields)})"
            else:
                message = f"{'.'.join(loc)}: {err['msg']}"
            diagnostics.append(locate(loc, message))
        raise UnusableInput(diagnostics) from None
    where = {key: locate((key,), "").location for key in ("select", "ignore")}
    where |= {f"rules.{rule}": locate(("rules", rule), "").location for rule in model.rules}
    return Config(path, table, model, where)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnusableInput([Diagnostic(str(path), 1, 1, f"cannot read the configuration: {exc}")]) from None


class _Locator:
    """Where a setting is in the TOML text: the line of its key in its table (TOML parsers do
    not keep positions; the layout of config files is simple enough for a line scan)."""

    def __init__(self, name: str, text: str, table: tuple[str, ...]) -> None:
        self.name, self.lines, self.table = name, text.splitlines(), table

    def __call__(self, loc: tuple[str, ...], message: str) -> Diagnostic:
        want = ".".join(self.table + tuple(_toml_key(p) for p in loc[:-1]))
        key = loc[-1] if loc else ""
        current = ""
        header_line = None
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            header = re.fullmatch(r"\[([^\[\]]+)\]\s*(#.*)?", stripped)
            if header:
                current = ".".join(p.strip().strip('"') for p in header.group(1).split("."))
                if current == ".".join(self.table + tuple(loc)):
                    header_line = number  # `[rules.FC102]`: the table itself
                continue
            if current == want:
                m = re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line)
                if m:
                    return Diagnostic(self.name, number, line.index(key.split('"')[0]) + 1, message)
        if header_line is not None:
            return Diagnostic(self.name, header_line, 1, message)
        return Diagnostic(self.name, 1, 1, message)


def _toml_key(part: str) -> str:
    return part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"'
