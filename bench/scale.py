"""`factcheck check claims.jsonl` at 10k, 100k and 1M claims: time, memory and growth.

    python bench/scale.py                              # pipeline profile, 10k/100k/1M, 3 runs each
    python bench/scale.py --sizes 10000 100000 --runs 5 --jobs 1 2
    python bench/scale.py --profile worst --sizes 100000

Each run is the installed command in a fresh process (`python -m factcheck check FILE`), as a
user runs it; its output goes to /dev/null. Memory is the peak, over the run, of the sum of the
proportional set size (PSS, from /proc/PID/smaps_rollup) of the process and its worker
processes, sampled every 50 ms: pages the workers share with the parent are counted once, which
a sum of RSS would not do. Linux only.

Baseline, run in the same session on the same file: reading every line with the standard
library's `json.loads` (`python -c ...`), the least any JSONL tool must do. The ratio factcheck ÷
baseline is what to compare across machines and noisy runs; the growth column is the time per
claim at this size divided by the time per claim at the smallest size (1.0 is linear; n log n
from 10k to 1M would be 1.5).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import records, to_jsonl

BASELINE = "import json,sys\nfor line in open(sys.argv[1], 'rb'): json.loads(line)"


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(pid: int) -> list[int]:
    """The process and its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def run(args: list[str]) -> tuple[float, int, int]:
    """(seconds, peak PSS of the process tree in KB, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(pss_kb(p) for p in tree(proc.pid)))
        time.sleep(0.05)
    return time.perf_counter() - t0, peak, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", choices=["pipeline", "worst"], default="pipeline")
    parser.add_argument("--jobs", type=int, nargs="*", default=[0], help="0: the default (every core for big files)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, profile {args.profile}, medians of {args.runs}")
    print("| claims | file | jobs | factcheck check | peak memory (PSS) | json.loads baseline | ÷ baseline | time per claim vs smallest |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    first_per_claim: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"claims-{n}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                f.writelines(to_jsonl(records(n, profile=args.profile)))
            size = path.stat().st_size / 2**20
            base = statistics.median(run([sys.executable, "-c", BASELINE, str(path)])[0] for _ in range(args.runs))
            for jobs in args.jobs:
                cmd = [sys.executable, "-m", "factcheck", "check", str(path)] + (["--jobs", str(jobs)] if jobs else [])
                samples = [run(cmd) for _ in range(args.runs)]
                assert all(code in (0, 1) for _, _, code in samples), samples
                secs = statistics.median(s for s, _, _ in samples)
                peak = statistics.median(p for _, p, _ in samples) / 2**20
                per_claim = secs / n
                first_per_claim.setdefault(jobs, per_claim)
                growth = per_claim / first_per_claim[jobs]
                print(f"| {n:,} | {size:.0f} MB | {jobs or 'default'} | {secs:.2f} s | {peak:.2f} GiB | {base:.2f} s "
                      f"| {secs / base:.1f} | {growth:.2f} (n log n: {math.log(n) / math.log(args.sizes[0]):.2f}) |",
                      flush=True)


if __name__ == "__main__":
    main()
