"""Benchmark adminnet.extract.extract on a 5,000-character article.

Usage (from the repository root)::

    .venv/bin/python bench/bench_extract.py            # run, print, update RESULTS.md
    .venv/bin/python bench/bench_extract.py --no-write # run and print only

The article is the seed (``../shared/seed/lan-mou-2017.txt``, when present) followed
by the sample texts of ``tests/extract/sample_texts.py`` (a signing and an
inauguration), repeated and cut to exactly 5,000 characters; the same text every run.
Reported: the mean of ``--runs`` warm extractions (the registries and the catalog
loaded by a first call, not timed), with the median, the fastest and the slowest
beside it, the mean CPU time of the process (what the extraction costs when the
shared machine is busy) and the load average during the run.

Budget (issue 18): under 20 ms for 5,000 characters. The row (``extract:``, no
peer) goes to ``bench/RESULTS.md`` through ``run_all.write_rows``.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

from run_all import row, write_rows

from adminnet.extract import extract

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_extract.py"
PREFIX = "extract:"
BUDGET_MS = 20.0
LENGTH = 5_000
SEED = ROOT.parent / "shared" / "seed" / "lan-mou-2017.txt"


def article() -> str:
    """The 5,000-character benchmark text (deterministic)."""
    sys.path.insert(0, str(ROOT / "tests" / "extract"))
    from sample_texts import INAUGURATION, SIGNING  # type: ignore[import-not-found]

    parts = [SIGNING, INAUGURATION]
    if SEED.is_file():
        parts.insert(0, SEED.read_text(encoding="utf-8"))
    base = "\n\n".join(parts) + "\n\n"
    return (base * (LENGTH // len(base) + 1))[:LENGTH]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark adminnet.extract")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args(argv)

    text = article()
    t0 = time.perf_counter()
    x = extract(text, published="2017-03-16")
    cold = time.perf_counter() - t0
    times = []
    cpu = []
    for _ in range(args.runs):
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        extract(text, published="2017-03-16")
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    cpu_mean = statistics.mean(cpu) * 1000
    load = os.getloadavg()[0]
    mean = statistics.mean(times) * 1000
    median = statistics.median(times) * 1000
    worst = max(times) * 1000
    best = min(times) * 1000
    print(f"{len(text):,} characters, {len(x.mentions)} mentions, {x.to_dataset().summary()}")
    print(f"first call (loads registries) {cold * 1000:.0f} ms")
    print(
        f"mean of {args.runs} warm runs {mean:.2f} ms"
        f" (median {median:.2f}, min {best:.2f}, max {worst:.2f});"
        f" CPU time mean {cpu_mean:.2f} ms; load average {load:.1f}"
    )
    ok = mean < BUDGET_MS
    print("budget ok" if ok else f"OVER BUDGET ({BUDGET_MS} ms)")
    rows = [
        row(
            f"{PREFIX} extract a {LENGTH:,}-character article, mean of {args.runs} warm runs",
            f"< {BUDGET_MS:.1f} ms: {'ok' if ok else 'OVER'}",
            f"{mean:.2f} ms (median {median:.2f} ms, min {best:.2f} ms, max {worst:.2f} ms;"
            f" CPU time {cpu_mean:.2f} ms; load average {load:.1f})",
            COMMAND,
        )
    ]
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=[PREFIX])
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
