"""The atheris fuzz targets (fuzz/), each run for a bounded time: CI fuzzes for about a minute.

Longer runs: `python fuzz/fuzz_reader.py -max_total_time=3600 corpus/` (docs/security.md). A
crash makes libFuzzer exit non-zero and write the input to `crash-*`; it then becomes a regular
test in tests/test_bad_input.py or the phrase tables.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.fuzz
SECONDS = int(os.environ.get("FACTCHECK_FUZZ_SECONDS", "30"))
#: The memory cap of a target (libFuzzer kills a run that grows past it and saves the input as
#: a crash): verify reads documents of at most 1 MB, so 1 GB is a bound, not a formality.
RSS_LIMIT_MB = {"fuzz_verify.py": 1024}


@pytest.mark.parametrize("target", ["fuzz_reader.py", "fuzz_loader.py", "fuzz_verify.py"])
def test_fuzz_target_finds_no_crash(target: str, tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / target), f"-max_total_time={SECONDS}", "-seed=1",
         "-timeout=20", f"-rss_limit_mb={RSS_LIMIT_MB.get(target, 4096)}", f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True, text=True, timeout=SECONDS * 4 + 120,
        env={**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")},
    )
    tail = result.stderr[-4000:]
    assert result.returncode == 0, tail
    assert "Done" in tail and "runs in" in tail, tail
