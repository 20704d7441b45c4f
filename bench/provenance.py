"""How long `verify` and `extract` take: the repo's five documents, and big documents.

    python bench/provenance.py [--runs 5]

Prints medians of several runs (this machine is shared and noisy). The big-document case
repeats the founding documents up to ~1, 5 and 20 MB (the default size limit) and verifies
one exact and one near quote against each, so the cost of normalising the document and of
fuzzy matching over it shows.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(cmd: list[str], cwd: Path, runs: int) -> float:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
        out.append(time.perf_counter() - start)
    return statistics.median(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    fc = [sys.executable, "-m", "factcheck"]
    print(f"check          {_time([*fc, 'check'], ROOT, runs):.2f} s")
    print(f"verify         {_time([*fc, 'verify'], ROOT, runs):.2f} s")
    print(f"check --verify {_time([*fc, 'check', '--verify'], ROOT, runs):.2f} s")
    print(f"extract (12 KB text)  {_time([*fc, 'extract', 'sources/italpress-sembayev-2025.txt', '-s', 'italpress-sembayev-2025'], ROOT, runs):.2f} s")
    print(f"extract (HTML page)   {_time([*fc, 'extract', 'tests/data/documents/kazinform.html', '-s', 'kazinform-2017-08-21'], ROOT, runs):.2f} s")
    print(f"extract (5-page PDF)  {_time([*fc, 'extract', 'tests/data/documents/italpress.pdf', '-s', 'italpress-sembayev-2025'], ROOT, runs):.2f} s")
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt")))
    quote = "Over the past 20 years, Italy has invested up to $7.6 billion in our economy."
    for mb in (1, 5, 20):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            body = (corpus + "\n\n") * max(1, int(mb * 1024 * 1024 * 0.98) // (len(corpus.encode()) + 2))
            (folder / "big.txt").write_text("filler\n\n" + body, encoding="utf-8")
            (folder / "claims.yaml").write_text(f"""version: 1
sources:
  - {{id: big, title: Big, published: 2025-09-29, language: en, path: big.txt}}
subjects:
  - {{id: inv, title: Investment, kind: cumulative}}
claims:
  - {{subject: inv, source: big, says: "up to $7.6 billion", quote: "{quote}"}}
  - {{subject: inv, source: big, says: "up to $7.6 billion", quote: "{quote.replace('our', 'the')}"}}
""", encoding="utf-8")
            print(f"verify, {mb:>2} MB document (1 exact, 1 near quote)  {_time([*fc, 'verify'], folder, max(1, runs // 2)):.2f} s")


if __name__ == "__main__":
    main()
