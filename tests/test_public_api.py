"""The names users import keep importing: the README's, docs' and 0.1's public API."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_IMPORT = re.compile(r"^from (factcheck[\w.]*) import ([\w, ]+)$", re.M)


def _documented_imports() -> list[tuple[str, str]]:
    pairs = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for module, names in _IMPORT.findall(doc.read_text(encoding="utf-8")):
            pairs += [(module, name.strip()) for name in names.split(",") if name.strip()]
    return sorted(set(pairs))


#: What 0.1's README and plugin example imported: still importable after the tree moved.
_RELEASED = [
    ("factcheck.api", "check_file"),
    ("factcheck.report", "to_dict"),
    ("factcheck.values", "parse_value"),
    ("factcheck.values", "ReadOptions"),
]


@pytest.mark.parametrize(("module", "name"), _documented_imports() + _RELEASED)
def test_public_name_imports(module: str, name: str) -> None:
    assert hasattr(importlib.import_module(module), name), f"{module}.{name}"


def test_docs_name_some_imports() -> None:
    assert len(_documented_imports()) >= 5


def test_plugin_surface_is_complete() -> None:
    plugin = importlib.import_module("factcheck.plugin")
    for name in plugin.__all__:
        assert hasattr(plugin, name), name
