"""What the gazetteer costs: a cold index build, a warm index, and cached answers.

    python bench/places.py [--runs 3]

Each case runs in a fresh process (the caches are per process and per cache directory), timing
`factcheck.read.parse_value` on six place names (Astana, Nur-Sultan, в Астане, Samarcanda,
Roma, in Kazakistan) against `python -c pass` in the same session. Medians of --runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

SNIPPET = """
import datetime as dt, time
t = time.perf_counter()
from factcheck.read import parse_value
for phrase, lang in [("Astana", "en"), ("Nur-Sultan", "en"), ("в Астане", "ru"), ("Samarcanda", "it"), ("Roma", "it"), ("in Kazakistan", "it")]:
    parse_value(phrase, lang, dt.date(2025, 1, 1))
print(time.perf_counter() - t)
"""


def run(cache: str) -> float:
    env = dict(os.environ, FACTCHECK_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", SNIPPET], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cold, warm_index, cached, none = [], [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as d:
            cold.append(run(d))  # builds the city index and the answers file
            cached.append(run(d))  # both files there: answers read from the small file
            for name in os.listdir(d):
                if name.startswith("places-"):
                    os.remove(os.path.join(d, name))
            warm_index.append(run(d))  # index there, answers not
        none.append(run(""))  # no cache files at all
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    base = time.perf_counter() - t0
    print(f"python {sys.version.split()[0]}; medians of {args.runs}; `python -c pass` {base * 1000:.0f} ms")
    print("| case | reading six place names (import included) |")
    print("|---|---:|")
    for label, samples in [
        ("first run on a machine (index built and saved)", cold),
        ("index cached, names not yet looked up", warm_index),
        ("names looked up before (the usual run)", cached),
        ("FACTCHECK_CACHE_DIR=\"\" (no cache files)", none),
    ]:
        print(f"| {label} | {statistics.median(samples) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
