"""The tree's shape holds: one-way layers (import-linter, contracts in pyproject.toml), no
import cycle, and every import at the top of its module outside the command line."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "factcheck"

#: Libraries a module may import where it first needs them: each costs more than 20 ms to import
#: (measured with `python -X importtime`, docs/design.md) and serves only some inputs, so a cold
#: `factcheck check` on a claims file that needs none of them does not pay for them.
HEAVY_OPTIONAL = {
    "pint",  # physical units, ~130 ms: only claims with a unit such as km or MW
    "pycountry",  # the gazetteer's source, ~50 ms: only when its disk cache is rebuilt
    "rich",  # the tables, ~40 ms: `report` and `sources` in table format
    "yaml",  # PyYAML, ~30 ms: only to locate a YAML error precisely, and for `accept`
    "ruamel",  # ~30 ms: `accept`'s round trip
    "trafilatura",  # ~150 ms: HTML documents (`verify`, `extract`)
    "pypdf",  # ~80 ms: PDF documents
    "markdown_it",  # ~50 ms: Markdown documents
    "charset_normalizer",  # ~30 ms: documents of unknown encoding
    "sentencex",  # sentence splitting for `extract`
    "nameparser",  # ~40 ms: only subjects whose values are lists of names
    "fcntl",  # not on every platform: imported under try/except ImportError
    # Standard-library modules a cold `check` would otherwise load for nothing (measured with
    # `python -X importtime` on top of what `check` loads anyway):
    "inspect",  # ~5 ms (ast, dis, tokenize): only a rule's documentation (rules, SARIF, explain)
    "gettext",  # with pycountry, only when the country index is built
}


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append((name, path))
    return out


def _imports_inside_functions(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Import):
                found += [(node.lineno, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                found.append((node.lineno, "." * node.level + (node.module or "")))
    return found


@pytest.mark.parametrize(("name", "path"), [m for m in _modules() if not m[0].startswith("factcheck.cli")], ids=lambda v: str(v))
def test_imports_are_at_the_top_outside_the_command_line(name: str, path: Path) -> None:
    late = [(line, module) for line, module in _imports_inside_functions(path) if module.split(".")[0] not in HEAVY_OPTIONAL]
    assert not late, f"{name}: imports inside functions (move them to the top): {late}"


def test_the_command_line_loads_no_library_for_help() -> None:
    """Lazy imports earn their place at the command line: `--help` imports no pydantic, pint,
    rich or YAML library."""
    code = "import sys; import factcheck.cli.app; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    heavy = {"pydantic", "pint", "rich", "yaml", "yaml_rs", "ruamel.yaml", "pycountry", "rapidfuzz"} & loaded
    assert not heavy, f"factcheck --help imports {sorted(heavy)}"


def test_layers_and_no_cycles() -> None:
    """The contracts in pyproject.toml: each layer imports only those below it (so there is no
    cycle between them), and no rule imports another."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (it is in the test extra)")
    result = subprocess.run([exe, "--no-cache"], capture_output=True, text=True, cwd=SRC.parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_import_cycle_between_modules() -> None:
    """Within a layer too: the graph of module-level imports has no cycle."""
    graph: dict[str, set[str]] = {}
    names = {name for name, _ in _modules()}
    for name, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.add(full if full in names else node.module)
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("factcheck")}
        graph[name] = {t for t in targets if t in names and t != name}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
