"""Peak memory of every input of the bad-input suite, against the input's size.

    python bench/memory.py                  # every case of tests/hostile_cases.py and tests/test_bad_input.py
    python bench/memory.py --only 4-        # the cases whose id starts with "4-"
    python bench/memory.py --json out.json  # also write every measurement

Each case's folder is set up as the suite sets it up, then its command runs in a fresh
`python -m factcheck` process; the process's peak resident set (`/usr/bin/time -f %M`) is its
memory. The input's size is the bytes of the folder's files (symbolic links count as
their own size: `/dev/zero` counts 0, it is never read) plus what the case writes to standard
input. The bound checked (docs/security.md) is

    peak ≤ BASE_MB + FACTOR × other input bytes + PDF_FACTOR × PDF bytes

where BASE_MB covers the interpreter, the imported libraries and the gazetteer (what a run
on an empty file takes) and FACTOR is what each byte of input may cost on top. The script
prints every case, the worst ratios, and exits 1 if any case is over the bound.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The documented bound (docs/security.md, "Memory"): fixed cost, and cost per input byte; a
#: PDF byte may inflate to 8 bytes of page content (documents.PDF_EXPANSION) which pypdf reads
#: at about 30 bytes each, so a PDF's bytes count PDF_FACTOR each.
BASE_MB = 300
FACTOR = 50
PDF_FACTOR = 240


def input_bytes(folder: Path, stdin: str | None) -> tuple[int, int]:
    """(bytes of PDF documents, bytes of everything else)."""
    pdf, other = 0, len(stdin.encode()) if stdin else 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            size = os.lstat(Path(root) / name).st_size
            if name.lower().endswith(".pdf"):
                pdf += size
            else:
                other += size
    return pdf, other


def measure(args: list[str], cwd: Path, env: dict[str, str], stdin: str | None) -> tuple[int, float, int]:
    """(exit code, seconds, peak RSS in bytes) of `python -m factcheck ARGS`.

    Started through `/usr/bin/time -f %M`: Linux counts in a process's `ru_maxrss` the memory of
    the process it was forked from before `exec`, so a child forked from this (large) script
    would be charged for it; `time` is small."""
    started = time.monotonic()
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, sys.executable, "-m", "factcheck", *args],
                              cwd=cwd, env=env, input=stdin.encode() if stdin else b"",
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lines = [line for line in Path(rss.name).read_text().splitlines() if line.strip().isdigit()]
    return proc.returncode, time.monotonic() - started, int(lines[-1]) * 1024


def cases() -> list[tuple[str, object, list[str], dict[str, str], str | None]]:
    from tests.hostile_cases import CASES as HOSTILE
    from tests.test_bad_input import CASES as TABLE

    out: list[tuple[str, object, list[str], dict[str, str], str | None]] = []
    for c in TABLE:
        out.append((f"0-{c.name}", c.make, [*c.command, "claims.yaml"], {}, None))
    for h in HOSTILE:
        out.append((h.id, h.setup, list(h.args), dict(h.env), h.stdin))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run the cases whose id starts with this")
    parser.add_argument("--json", type=Path, help="write every measurement to this file")
    opts = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        cache = Path(scratch) / "cache"
        for k, (ident, setup, args, env, stdin) in enumerate(cases()):
            if not ident.startswith(opts.only):
                continue
            if any("\x00" in a for a in args):
                print(f"skipped (a NUL in an argument cannot reach a process) {ident}")
                continue
            folder = Path(scratch) / f"case{k}" / "w"
            folder.mkdir(parents=True)
            env = {key: value.format(tmp=folder) for key, value in env.items()}
            saved = {key: os.environ.get(key) for key in env}
            os.environ.update(env)
            try:
                made = setup(folder)  # type: ignore[operator]
            finally:
                for key, value in saved.items():
                    if value is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = value
            if isinstance(made, Path) and made.name != "claims.yaml":  # the first table names its file
                args = [*args[:-1], made.name]
            pdf, other = input_bytes(folder, stdin)
            size = pdf + other
            run_env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache), **env}
            code, seconds, peak = measure(args, folder, run_env, stdin)
            bound = BASE_MB * 2**20 + FACTOR * other + PDF_FACTOR * pdf
            rows.append({"case": ident, "exit": code, "input_bytes": size, "peak_mb": round(peak / 2**20, 1),
                         "over_base_per_input_byte": round(max(peak - BASE_MB * 2**20, 0) / max(size, 1), 2),
                         "seconds": round(seconds, 2), "within_bound": peak <= bound})
            r = rows[-1]
            print(f"{r['peak_mb']:8.1f} MB {size / 2**20:9.3f} MB in {seconds:6.1f} s exit {code}  "
                  f"{'ok ' if r['within_bound'] else 'OVER'} {ident}", flush=True)
    over = [r for r in rows if not r["within_bound"]]
    worst = sorted(rows, key=lambda r: r["peak_mb"], reverse=True)[:5]
    print(f"\n{len(rows)} cases; bound: peak ≤ {BASE_MB} MB + {FACTOR} × input size ({PDF_FACTOR} × for PDF bytes); "
          f"{len(over)} over it.")
    print("largest peaks: " + "; ".join(f"{r['case']} {r['peak_mb']} MB for {r['input_bytes']:,} bytes" for r in worst))
    if opts.json:
        opts.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
