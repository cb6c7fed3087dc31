"""Benchmark adminnet.agencies.resolve on every printed name of the SPBE 2023-2024 table.

Usage (from the repository root)::

    .venv/bin/python bench/bench_agencies.py            # run, print, update RESULTS.md
    .venv/bin/python bench/bench_agencies.py --no-write # run and print only

Reads ``reference/spbe/spbe_2023_2024.csv`` (``$ADMINNET_REFERENCE`` or
``../shared/reference``), resolves every row once to warm up (loading the catalog and
the region index), then times each name ``--repeat`` times and reports the median
time per name (the median over names of each name's median), the 90th percentile
and the slowest name. Budget: median under 50 us per name. Also reports the cold
first call (import to first result) in a fresh interpreter.

The row (``agencies:``, no peer) goes to ``bench/RESULTS.md`` through
``run_all.write_rows``. Exit status 1 when over budget.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run_all import row, write_rows

from adminnet import agencies

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(os.environ.get("ADMINNET_REFERENCE", ROOT.parent / "shared" / "reference"))
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_agencies.py"
PREFIX = "agencies:"
BUDGET_US = 50.0


def _names() -> list[tuple[str, str]]:
    path = REFERENCE / "spbe" / "spbe_2023_2024.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["instansi"], f"{r['year']}-12-31") for r in csv.DictReader(f)]


def _cold_start_ms() -> float:
    code = (
        "import time; t = time.perf_counter();"
        "from adminnet import agencies;"
        "agencies.resolve('Pemerintah Kab. Aceh Besar', as_of='2024-12-31');"
        "print((time.perf_counter() - t) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="adminnet.agencies.resolve benchmark")
    parser.add_argument("--repeat", type=int, default=50, help="timings per name")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    names = _names()
    for text, as_of in names:  # warm-up: loads the catalog, regions and caches
        agencies.resolve(text, as_of=as_of)
    per_name: list[float] = []
    timer = time.perf_counter_ns
    resolve = agencies.resolve
    slowest = ("", 0.0)
    for text, as_of in names:
        samples = []
        for _ in range(args.repeat):
            t0 = timer()
            resolve(text, as_of=as_of)
            samples.append(timer() - t0)
        median_us = statistics.median(samples) / 1000
        per_name.append(median_us)
        if median_us > slowest[1]:
            slowest = (text, median_us)
    per_name.sort()
    median = statistics.median(per_name)
    p90 = per_name[int(0.9 * (len(per_name) - 1))]
    cold = _cold_start_ms()
    verdict = "ok" if median < BUDGET_US else "OVER BUDGET"
    print(f"adminnet.agencies.resolve over {len(names)} SPBE names x {args.repeat} repeats")
    print(f"  median per name: {median:.1f} us  (budget {BUDGET_US:.0f} us: {verdict})")
    print(f"  p90 per name:    {p90:.1f} us")
    print(f"  slowest name:    {slowest[1]:.1f} us  {slowest[0]!r}")
    print(f"  cold first call: {cold:.0f} ms (import + catalog + region index)")
    result = row(
        f"{PREFIX} resolve SPBE names (n={len(names)}), median",
        f"< {BUDGET_US:.0f} us: {'ok' if median < BUDGET_US else 'OVER'}",
        f"{median:.1f} us (p90 {p90:.1f} us, max {slowest[1]:.1f} us;"
        f" cold first call {cold:.0f} ms)",
        COMMAND,
    )
    if not args.no_write:
        write_rows([result], path=RESULTS, prefixes=[PREFIX])
        print(f"updated {RESULTS}")
    return 0 if median < BUDGET_US else 1


if __name__ == "__main__":
    sys.exit(main())
