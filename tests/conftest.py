"""Shared fixtures. CLI tests run with a clean environment so output never depends on the
terminal the tests happen to run in (colour, width, CI annotations)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

_ENV_TO_CLEAR = ("FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES", "GITHUB_ACTIONS", "TERM", "CLICOLOR_FORCE")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def showcase() -> Path:
    return ROOT / "claims.yaml"


@pytest.fixture(autouse=True, scope="session")
def _places_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The gazetteer's cache in a folder of the test session, never the user's home."""
    import os

    os.environ["FACTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("factcheck-cache"))
