"""YAML in two speeds: fast when the file is fine, precise when it is not.

The fast path is yaml-rs (Rust): about 25x faster than PyYAML with libyaml on a 16 MB file, it
rejects duplicate keys instead of keeping the last one, limits alias expansion (no "billion
laughs"), and reads YAML 1.2 (`no` stays a string). It reports no positions for values.

Positions are only needed when something is wrong, so they are computed then, and only then:
`PositionIndex.build` composes the same text with PyYAML's C composer (node marks, no Python
objects) and maps every path such as `("claims", 3, "says")` to its line and column. The same
pass finds *every* duplicate key with its position, where yaml-rs stops at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]

# Alias expansion is bounded: a file that uses more than this is refused, not expanded.
_MAX_ALIAS_EVENTS = 100_000


class YamlSyntaxError(ValueError):
    """The text is not YAML factcheck accepts; `problems` are (line, col, message), 1-based."""

    def __init__(self, problems: list[tuple[int, int, str]], duplicates_only: bool = False):
        self.problems = problems
        self.duplicates_only = duplicates_only  # the rest of the file can still be checked
        super().__init__("; ".join(f"{line}:{col}: {msg}" for line, col, msg in problems))


def load_data_yaml(text: str) -> Any:
    """Load trusted package data (lexicons, definitions)."""
    import yaml_rs

    return yaml_rs.loads(text)


def load_yaml(text: str, *, keep_first_duplicate: bool = False) -> Any:
    """Load user YAML fast; on any YAML error re-read it precisely to say where and why.

    Duplicate keys are errors. `keep_first_duplicate=True` loads anyway (keeping the first),
    so that the rest of the file can be checked and every error reported in one run.
    """
    import yaml_rs

    policy = yaml_rs.DuplicateKeyPolicy.FirstWins if keep_first_duplicate else yaml_rs.DuplicateKeyPolicy.Error
    try:
        # parse_datetime=False: yaml-rs would turn even a *quoted* "2025-09-29" into a date, so
        # `says: "2025-09-29"` could not be written; dates are parsed by the models instead.
        return yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=_MAX_ALIAS_EVENTS),
            duplicate_key_policy=policy,
        )
    except yaml_rs.YAMLDecodeError as exc:
        # With duplicates allowed the error is something else: the duplicates are known already.
        problems = [] if keep_first_duplicate else precise_problems(text)
        if not problems:
            import re

            where = re.search(r"line (\d+), column (\d+)", str(exc))
            line, col = (int(where.group(1)), int(where.group(2))) if where else (1, 1)
            problems = [(line, col, f"invalid YAML: {_first_line(str(exc))}")]
        duplicates = all("duplicate key" in message for _, _, message in problems)
        raise YamlSyntaxError(problems, duplicates_only=duplicates and not keep_first_duplicate) from None
    except (RecursionError, OverflowError, ValueError) as exc:  # pathological input
        raise YamlSyntaxError([(1, 1, f"cannot read YAML: {_first_line(str(exc))}")]) from None


def second_document_line(text: str) -> int | None:
    """The line where a second YAML document starts, if the text holds more than one."""
    import re

    seen_content = False
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"---(\s|$)", line):
            if seen_content:
                return number
            seen_content = True  # a leading `---` starts the first document
            continue
        if line.strip() and not line.lstrip().startswith("#"):
            seen_content = True
    return None


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "invalid YAML"


def precise_problems(text: str) -> list[tuple[int, int, str]]:
    """All duplicate keys (with positions), or the syntax error, found by the slow composer."""
    import yaml

    try:
        root = yaml.compose(text, Loader=_loader_class())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [(line, col, f"invalid YAML: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return [(1, 1, f"invalid YAML: {exc}")]
    except RecursionError:
        return [(1, 1, "invalid YAML: nesting too deep")]
    problems: list[tuple[int, int, str]] = []
    if root is not None:
        _find_duplicates(root, problems)
    return problems


def _loader_class() -> type:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _find_duplicates(root: Any, problems: list[tuple[int, int, str]]) -> None:
    import yaml

    stack = [root]
    seen_nodes: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:  # aliases share nodes
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first_at: dict[str, Any] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in first_at:
                        prev = first_at[key.value].start_mark
                        mark = key.start_mark
                        problems.append(
                            (
                                mark.line + 1,
                                mark.column + 1,
                                f"duplicate key {key.value!r} (first defined at line "
                                f"{prev.line + 1}): YAML loaders would silently keep only one",
                            )
                        )
                    else:
                        first_at[key.value] = key
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    problems.sort()


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    col: int  # 1-based


class PositionIndex:
    """Line and column of every key and value, by path. Built only when an error needs one."""

    def __init__(self, values: dict[Path, Position], keys: dict[Path, Position]):
        self._values = values
        self._keys = keys

    @classmethod
    def build(cls, text: str) -> PositionIndex:
        import yaml

        values: dict[Path, Position] = {}
        keys: dict[Path, Position] = {}
        try:
            root = yaml.compose(text, Loader=_loader_class())
        except (yaml.YAMLError, RecursionError):
            return cls(values, keys)
        if root is None:
            return cls(values, keys)
        stack: list[tuple[Path, Any]] = [((), root)]
        while stack:
            path, node = stack.pop()
            values[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    child = (*path, str(key.value))
                    keys.setdefault(child, Position(key.start_mark.line + 1, key.start_mark.column + 1))
                    stack.append((child, value))
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    stack.append(((*path, i), item))
        return cls(values, keys)

    def value(self, path: Path) -> Position:
        """Position of the value at `path`, else of its nearest ancestor that exists."""
        return self._nearest(self._values, path)

    def key(self, path: Path) -> Position:
        """Position of the key naming `path` (for unknown or misspelt keys)."""
        if path in self._keys:
            return self._keys[path]
        return self.value(path)

    @staticmethod
    def _nearest(table: dict[Path, Position], path: Path) -> Position:
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
        return table.get((), Position(1, 1))


class BlockListLocator:
    """Positions in one top-level block list (`claims:`) by scanning lines: no YAML parsing.

    People and generators write claims files in block style, where each item starts with
    `- ` at one indentation. Scanning for those lines finds `claims[i].says` in milliseconds on
    a 16 MB file, where composing the file with positions takes seconds. The scan is verified
    (it must find exactly as many items as the loader did, each with the key asked for); when
    it cannot be trusted (flow style, odd indentation) `build` returns None and the caller
    uses the full `PositionIndex`.
    """

    def __init__(self, lines: list[str], starts: list[int], key_indent: int):
        self._lines = lines
        self._starts = starts
        self._key_indent = key_indent

    @classmethod
    def build(cls, text: str, section: str, expected_items: int) -> BlockListLocator | None:
        import re

        lines = text.split("\n")
        header = re.compile(rf"^{re.escape(section)}:\s*(#.*)?$")
        heads = [i for i, line in enumerate(lines) if header.match(line)]
        if len(heads) != 1:
            return None
        starts: list[int] = []
        indent: int | None = None
        for i in range(heads[0] + 1, len(lines)):
            line = lines[i]
            stripped = line.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue
            here = len(line) - len(stripped)
            if indent is None:
                if not (stripped.startswith("- ") or stripped == "-"):
                    return None
                indent = here
            if here == indent and (stripped.startswith("- ") or stripped == "-"):
                starts.append(i)
            elif here <= indent:
                break  # the next top-level key
        if indent is None or len(starts) != expected_items:
            return None
        return cls(lines, starts, indent + 2)

    def find(self, index: int, key: str) -> Position | None:
        """Position of the value of `key` in item `index` (or of the item), None if unsure."""
        if not 0 <= index < len(self._starts):
            return None
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._lines)
        for i in range(start, end):
            line = self._lines[i]
            body = line[self._key_indent :]
            if line[: self._key_indent].strip(" ") not in ("", "-") or not body.startswith(f"{key}:"):
                continue
            rest = body[len(key) + 1 :]
            col = self._key_indent + len(key) + 1 + (len(rest) - len(rest.lstrip(" ")))
            return Position(i + 1, col + 1)
        return None
