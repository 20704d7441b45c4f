"""Time load + read + judge for N synthetic claims, and CLI start-up; medians of several runs.

    python bench/run.py                 # N = 1k, 10k, 100k; 5 runs each (3 for 100k)
    python bench/run.py --sizes 1000 --runs 3

Each size is compared with a baseline measured in the same process on the same file:
PyYAML + libyaml `safe_load` (what most YAML tools use) — so figures from this noisy, shared
2-core machine are also given as ratios. Start-up is compared with `python -c pass`.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def end_to_end(path: Path) -> dict:
    """What `factcheck report --format json` does: load, read, judge, serialise, render."""
    from factcheck.api import check_file
    from factcheck.formatters import ReportFormat, render_report
    from factcheck.gcpause import paused_gc
    from factcheck.read.reader import clear_caches
    from factcheck.report.records import to_dict

    clear_caches()  # every run reads every phrase afresh
    report = check_file(path)
    with paused_gc():
        records = to_dict(report)
        render_report(ReportFormat.JSON, records)
    return records


def pyyaml_load(path: Path) -> None:
    import yaml

    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def startup(runs: int) -> tuple[float, float, float]:
    """Medians of fresh processes: `--help`, `check` on the repo's claims.yaml, `python -c pass`."""

    def run(args: list[str]) -> None:
        subprocess.run(args, capture_output=True, cwd=Path(__file__).resolve().parent.parent)

    help_ = [sys.executable, "-m", "factcheck", "--help"]
    check = [sys.executable, "-m", "factcheck", "check", "claims.yaml"]
    baseline = [sys.executable, "-c", "pass"]
    return timed(lambda: run(help_), runs), timed(lambda: run(check), runs), timed(lambda: run(baseline), runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {sys.platform}")
    print("| claims | file | factcheck end to end (median) | PyYAML+libyaml load only | PyYAML ÷ factcheck | verdicts |")
    print("|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"claims-{n}.yaml"
            path.write_text(generate(n), encoding="utf-8")
            runs = args.runs if n < 100000 else max(3, args.runs // 2)
            records = end_to_end(path)
            ours = timed(lambda p=path: end_to_end(p), runs)
            base = timed(lambda p=path: pyyaml_load(p), runs)
            summary = ", ".join(f"{v} {k}" for k, v in records["summary"].items())
            size = path.stat().st_size / 1e6
            print(f"| {n:,} | {size:.1f} MB | {ours:.2f} s | {base:.2f} s | {base / ours:.2f} | {summary}; "
                  f"{records['counts']['unreadable']} unreadable |")
    help_, check, base = startup(max(args.runs, 7))
    print(f"\n| fresh process (median of {max(args.runs, 7)}) | time | minus `python -c pass` |")
    print("|---|---:|---:|")
    print(f"| `python -c pass` | {base * 1000:.0f} ms | |")
    print(f"| `factcheck --help` | {help_ * 1000:.0f} ms | {(help_ - base) * 1000:.0f} ms |")
    print(f"| `factcheck check claims.yaml` (the showcase) | {check * 1000:.0f} ms | {(check - base) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
