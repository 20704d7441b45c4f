"""bench/trust_real.py: the baselines and the statistics on hand-made votes (no data sets
needed), and a clean skip when the data-set folder is absent."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "trust_real.py"


@pytest.fixture(scope="module")
def tr() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("bench_trust_real", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


VOTES = {
    "x": [("good", 1), ("good2", 1), ("bad", 2)],
    "y": [("good", 5), ("bad", 6), ("good2", 5)],
    "z": [("good", 9), ("bad", 8)],
}


@pytest.mark.parametrize("name", ["majority vote", "median", "TruthFinder", "Investment", "PooledInvestment", "CRH"])
def test_every_baseline_answers_every_item_and_scores_every_source(tr: ModuleType, name: str) -> None:
    answers, trust = tr.BASELINES[name](VOTES)
    assert set(answers) == set(VOTES) and set(trust) == {"good", "good2", "bad"}
    assert answers["x"] == 1 and answers["y"] == 5
    if name != "median":
        assert trust["good"] > trust["bad"]


def test_spearman(tr: ModuleType) -> None:
    assert tr.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert tr.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert tr.spearman([1, 1, 1], [1, 2, 3]) is None  # no spread: undefined, not 0
    assert tr.spearman([1, 2], [1, 2]) is None


def test_absent_folder_is_skipped_cleanly(tr: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tr.main([str(tmp_path / "nowhere")]) == 0
    assert "nothing measured" in capsys.readouterr().out


def test_a_folder_without_the_files_skips_each_data_set(tr: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tr.main([str(tmp_path), "--only", "books"]) == 0
    assert "absent, skipped" in capsys.readouterr().out
