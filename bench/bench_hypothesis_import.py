"""Benchmark: what installed adminnet adds to ``import hypothesis`` (its plugin hook).

Usage (from the repository root)::

    .venv/bin/python bench/bench_hypothesis_import.py            # run, print, update RESULTS.md
    .venv/bin/python bench/bench_hypothesis_import.py --no-write # run and print only

In fresh interpreters, with ``HYPOTHESIS_NO_PLUGINS=1`` so that nothing runs behind
the timer's back, each run times the three parts of ``import hypothesis`` in a project
with adminnet installed: hypothesis itself, its scan of the ``hypothesis`` entry points
(paid whether or not adminnet is installed, as soon as plugins are on), and adminnet's
hook (importing ``adminnet._hypothesis`` and calling it). Without adminnet the import
costs the first two; adminnet adds the third. The medians over the runs give the
difference in ms and the ratio with/without. Budget (issue 21): under 5 ms more.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run_all import row, write_rows

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_hypothesis_import.py"
PREFIX = "hypothesis plugin:"
BUDGET_MS = 5.0
CODE = """
import time
t0 = time.perf_counter()
import hypothesis
t1 = time.perf_counter()
from importlib.metadata import entry_points
hooks = [e for e in entry_points(group="hypothesis") if e.value.startswith("adminnet.")]
t2 = time.perf_counter()
for e in hooks:
    e.load()()
t3 = time.perf_counter()
assert hooks, "adminnet's entry point is not installed"
print(t1 - t0, t2 - t1, t3 - t2)
"""


def _once(cache: str) -> tuple[float, float, float]:
    # Byte-code cached (as in an installed package), in a private folder.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(HYPOTHESIS_NO_PLUGINS="1", PYTHONPYCACHEPREFIX=cache)
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True, env=env
    )
    a, b, c = (float(x) * 1000 for x in out.stdout.split())
    return a, b, c


def measure(runs: int) -> tuple[float, float]:
    """Median ms of ``import hypothesis`` without adminnet, and of adminnet's hook."""
    with tempfile.TemporaryDirectory() as cache:
        _once(cache)  # writes the byte-code
        parts = [_once(cache) for _ in range(runs)]
    without = statistics.median(a + b for a, b, _ in parts)
    hook = statistics.median(c for _, _, c in parts)
    return without, hook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time import hypothesis with adminnet's hook")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    alone, extra = measure(args.runs)
    with_hook = alone + extra
    rows = [
        row(
            f"{PREFIX} import hypothesis, extra cost of adminnet's hook (median)",
            f"< {BUDGET_MS:.0f} ms: {'ok' if extra < BUDGET_MS else 'OVER'}",
            f"{extra:+.1f} ms",
            COMMAND,
            peer="import hypothesis without adminnet",
            peer_value=f"{alone:.1f} ms",
            ratio=f"{with_hook / alone:.3f}",
        )
    ]
    print(f"import hypothesis: {alone:.1f} ms without adminnet, {with_hook:.1f} ms with its hook")
    print(f"difference {extra:+.1f} ms, ratio {with_hook / alone:.3f} (budget < {BUDGET_MS} ms)")
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=[PREFIX])
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
