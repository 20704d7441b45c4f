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

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Any

import yaml_rs

Path = tuple[str | int, ...]

# Alias expansion is bounded twice: in events replayed (yaml-rs), and in bytes: with its aliases
# expanded, a file may hold at most twice its own size plus 1 MiB of text (`alias_problems`),
# so a 1 MB scalar aliased 2,000 times is refused, not expanded to 2 GB.
_MAX_ALIAS_EVENTS = 100_000
_ALIAS_SLACK_BYTES = 2**20

#: The characters YAML allows in a stream (YAML 1.2, c-printable); anything else (NUL, other C0
#: and C1 controls, DEL, U+FFFE, U+FFFF) makes YAML parsers stop or refuse, so it is an error at
#: its own line and column, never a silent end of the file.
_NOT_PRINTABLE = None


def _not_printable() -> Any:
    global _NOT_PRINTABLE
    if _NOT_PRINTABLE is None:
        _NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    return _NOT_PRINTABLE


class LineIndex:
    """Line and column (1-based) of a character offset, counting only LF as a line break.

    PyYAML also breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1); editors, yaml-rs and
    every message factcheck prints count LF only, so marks are mapped through their character
    offset (`mark.index`), never taken from `mark.line`."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, index: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._starts, index) - 1
        return k + 1, index - self._starts[k] + 1

    def mark(self, mark: Any) -> Position:
        line, col = self.at(mark.index)
        return Position(line, col)


#: PyYAML reads YAML 1.1, where U+0085, U+2028 and U+2029 break lines; yaml-rs (YAML 1.2) and
#: factcheck read them as characters. Before PyYAML composes a file for positions, they become
#: private-use characters of the same length, so both read one structure and every offset stays.
_YAML11_BREAKS = {0x85: 0xE085, 0x2028: 0xF028, 0x2029: 0xF029}


_YAML11_BACK = {v: k for k, v in _YAML11_BREAKS.items()}


def for_pyyaml(text: str) -> str:
    return text.translate(_YAML11_BREAKS)


def from_pyyaml(text: str) -> str:
    """`for_pyyaml` undone (for text that went through a YAML 1.1 round trip)."""
    return text.translate(_YAML11_BACK)


def character_problems(text: str, limit: int = 100) -> list[tuple[int, int, str]]:
    """Every character YAML does not allow in a stream, at its line and column (the first
    `limit`, then how many more)."""
    found = list(_first(_not_printable().finditer(text), limit + 1))
    if not found:
        return []
    lines = LineIndex(text)
    problems = []
    for m in found[:limit]:
        line, col = lines.at(m.start())
        char = m.group()
        problems.append((line, col, f"control character U+{ord(char):04X} is not allowed in YAML text: "
                         f"write it as an escape ({_escape(char)}) inside a double-quoted string"))
    if len(found) > limit:
        more = sum(1 for _ in _not_printable().finditer(text)) - limit
        line, col = problems[-1][:2]
        problems.append((line, col, f"and {more} more control character{'s' * (more != 1)} after this one"))
    return problems


def _first(items: Any, n: int) -> Any:
    return itertools.islice(items, n)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def alias_problems(text: str) -> list[tuple[int, int, str]]:
    """The alias at which the file, with its aliases expanded, passes twice its size plus 1 MiB
    of text: counted in bytes of scalars (and one per node), from PyYAML's events, which never
    expand anything. Only files with both an anchor and an alias are parsed."""

    if not (re.search(r"(?:^|[\s\[{,:?-])&[^\s,\[\]{}]", text) and re.search(r"(?:^|[\s\[{,:?-])\*[^\s,\[\]{}]", text)):
        return []
    import yaml

    bound = 2 * len(text) + _ALIAS_SLACK_BYTES
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = [[None, 0]]
    total = 0
    try:
        for event in yaml.parse(for_pyyaml(text), Loader=_loader_class()):
            if isinstance(event, yaml.ScalarEvent):
                n = len(event.value) + 1
                stack[-1][1] += n
                total += n
                if event.anchor:
                    sizes[event.anchor] = n
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                stack.append([event.anchor, 1])
                total += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)) and len(stack) > 1:
                anchor, n = stack.pop()
                stack[-1][1] += n
                if anchor:
                    sizes[anchor] = n
            elif isinstance(event, yaml.AliasEvent):
                n = sizes.get(event.anchor or "", 0)
                stack[-1][1] += n
                total += n
            else:
                continue
            if total > bound:
                line, col = LineIndex(text).at(event.start_mark.index if event.start_mark else 0)
                return [(line, col, f"aliases expand the file past {bound:,} bytes of text (twice its size plus 1 MiB): "
                         "refused, not expanded")]
    except (yaml.YAMLError, RecursionError):
        # The expansion cannot be counted, so it is not risked: a file with aliases must be
        # YAML that both readers read.
        return precise_problems(text) or [(1, 1, "invalid YAML: aliases in a file that cannot be read to count them")]
    return []


class YamlSyntaxError(ValueError):
    """The text is not YAML factcheck accepts; `problems` are (line, col, message), 1-based."""

    def __init__(self, problems: list[tuple[int, int, str]], duplicates_only: bool = False):
        self.problems = problems
        self.duplicates_only = duplicates_only  # the rest of the file can still be checked
        super().__init__("; ".join(f"{line}:{col}: {msg}" for line, col, msg in problems))


def load_yaml(text: str, *, keep_first_duplicate: bool = False) -> Any:
    """Load user YAML fast; on any YAML error re-read it precisely to say where and why.

    Duplicate keys are errors. `keep_first_duplicate=True` loads anyway (keeping the first),
    so that the rest of the file can be checked and every error reported in one run.
    """

    early = character_problems(text)
    if not early and (early := alias_problems(text)):
        early = sorted(early + [p for p in precise_problems(text) if "duplicate key" in p[2]])  # every error at once
    if early:
        raise YamlSyntaxError(early)
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
            where = re.search(r"line (\d+), column (\d+)", str(exc))
            line, col = (int(where.group(1)), int(where.group(2))) if where else _quoted_position(text, str(exc))
            problems = [(line, col, f"invalid YAML: {_first_line(str(exc))}")]
        duplicates = all("duplicate key" in message for _, _, message in problems)
        raise YamlSyntaxError(problems, duplicates_only=duplicates and not keep_first_duplicate) from None
    except (RecursionError, OverflowError, ValueError) as exc:  # pathological input
        raise YamlSyntaxError([(1, 1, f"cannot read YAML: {_first_line(str(exc))}")]) from None


def _quoted_position(text: str, message: str) -> tuple[int, int]:
    """Where the text yaml-rs quotes in a message without a position is (an invalid tag such as
    `'!!python/name:os.system'`), else 1:1."""

    quoted = re.search(r"'([^']+)'", message)
    at = text.find(quoted.group(1)) if quoted else -1
    return LineIndex(text).at(at) if at >= 0 else (1, 1)


def second_document_line(text: str) -> int | None:
    """The line where a second YAML document starts, if the text holds more than one."""

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

    lines = LineIndex(text)
    try:
        root = yaml.compose(for_pyyaml(text), Loader=_loader_class())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = lines.at(mark.index) if mark else (1, 1)
        return [(line, col, f"invalid YAML: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return [(1, 1, f"invalid YAML: {exc}")]
    except RecursionError:
        return [(1, 1, "invalid YAML: nesting too deep")]
    problems: list[tuple[int, int, str]] = []
    if root is not None:
        _find_duplicates(root, problems, lines)
    return problems


def _loader_class() -> type:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _find_duplicates(root: Any, problems: list[tuple[int, int, str]], lines: LineIndex) -> None:
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
                        prev = lines.mark(first_at[key.value].start_mark)
                        mark = lines.mark(key.start_mark)
                        problems.append(
                            (
                                mark.line,
                                mark.col,
                                f"duplicate key {key.value!r} (first defined at line "
                                f"{prev.line}): YAML loaders would silently keep only one",
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
        """Every path's position, from PyYAML's events in one pass: no node tree is built (the
        tree of a 15 MB file took 1 GB), and the first definition of a path wins, as in the file."""
        import yaml

        values: dict[Path, Position] = {}
        keys: dict[Path, Position] = {}
        lines = LineIndex(text)
        resolver = yaml.resolver.Resolver()
        # One frame per open collection: [its path (None inside a complex key), is it a mapping,
        # the next index of a sequence, the pending key of a mapping (text, resolved, position)].
        stack: list[list[Any]] = []
        documents = 0
        try:
            for event in yaml.parse(for_pyyaml(text), Loader=_loader_class()):
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        return cls({}, {})  # as composing would: one document only
                    continue
                if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
                    continue
                if isinstance(event, yaml.CollectionEndEvent):
                    stack.pop()
                    continue
                path: Path | None = ()
                if stack:
                    frame = stack[-1]
                    if frame[0] is None:
                        path = None
                    elif not frame[1]:
                        path = (*frame[0], frame[2])
                        frame[2] += 1
                    elif frame[3] is None:  # this node is a key
                        at = lines.mark(event.start_mark)
                        if isinstance(event, yaml.ScalarEvent):
                            node = yaml.ScalarNode(resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
                                                   if event.tag in (None, "!") else event.tag, event.value)
                            frame[3] = (event.value, _resolved_key(node), at)
                        else:
                            frame[3] = ("?", "?", at)
                            if isinstance(event, yaml.CollectionStartEvent):
                                stack.append([None, False, 0, None])
                        continue
                    else:
                        name, resolved, at = frame[3]
                        frame[3] = None
                        path = (*frame[0], name)
                        keys.setdefault(path, at)
                        if resolved != name:  # `~` is the key None, `07` the key 7
                            keys.setdefault((*frame[0], resolved), at)
                if path is not None:
                    values.setdefault(path, lines.mark(event.start_mark))
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append([path, isinstance(event, yaml.MappingStartEvent), 0, None])
        except (yaml.YAMLError, RecursionError):
            return cls({}, {})
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


def _resolved_key(key: Any) -> str:
    """A scalar key as loaders name it in paths: `~`/`null` → `None`, `0x1F` → `31`."""
    tag = str(getattr(key, "tag", ""))
    value = str(key.value)
    try:
        if tag.endswith(":null"):
            return "None"
        if tag.endswith(":int"):
            return str(int(value.replace("_", ""), 0))
        if tag.endswith(":bool"):
            return str(value.lower() in ("true", "yes", "on", "y"))
        if tag.endswith(":float"):
            return str(float(value.replace("_", "")))
    except ValueError:
        pass
    return value


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
