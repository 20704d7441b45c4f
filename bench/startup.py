"""`factcheck --help` and a cold `factcheck check` on the repository's claims.yaml, for two
installations side by side (a baseline and this one), alternating runs so that the shared
machine's noise falls on both alike.

    python bench/startup.py --baseline /tmp/venv-before/bin/factcheck [--candidate factcheck] [--runs 9]

Each run is a fresh process (cold: nothing cached in memory; factcheck's gazetteer cache on
disk is warm, as it is for a user after the first run). Prints the median and minimum per
command and the ratio candidate / baseline of the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", required=True, help="the factcheck executable to compare with")
    ap.add_argument("--candidate", default=shutil.which("factcheck") or "factcheck")
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    env = {**os.environ, "NO_COLOR": "1"}
    commands = {"--help": ["--help"], "check claims.yaml (cold)": ["check", str(ROOT / "claims.yaml")]}
    runs: dict[tuple[str, str], list[float]] = {}
    for name, argv in commands.items():
        for _ in range(args.runs):
            for label, exe in (("baseline", args.baseline), ("candidate", args.candidate)):
                start = time.perf_counter()
                subprocess.run([exe, *argv], capture_output=True, env=env, cwd=ROOT, check=False)
                runs.setdefault((name, label), []).append(time.perf_counter() - start)
    print(f"{'command':28} {'baseline':>10} {'candidate':>10} {'ratio':>6}   (medians of {args.runs}, ms)")
    for name in commands:
        base, cand = (statistics.median(runs[(name, label)]) for label in ("baseline", "candidate"))
        print(f"{name:28} {base * 1000:10.0f} {cand * 1000:10.0f} {cand / base:6.2f}")


if __name__ == "__main__":
    main()
