"""Benchmark: time to draw 100 examples of ``adminnet.strategies.datasets()``.

Usage (from the repository root)::

    .venv/bin/python bench/bench_strategies.py            # run, print, update RESULTS.md
    .venv/bin/python bench/bench_strategies.py --no-write # run and print only

Draws through Hypothesis' own engine, as a test does: a ``@given(datasets())``
function with ``max_examples=100``, the generate phase only and no example database,
so the time includes Hypothesis' overhead. Two figures, each the median over
``--runs`` runs:

- warm: the registries are loaded and the strategy has been used once;
- cold: in a fresh interpreter, from ``import adminnet.strategies`` to the 100th
  example, so it includes reading the region and agency data on the first draw.

Budget (issue 7): 100 examples in under 2 s. A third row times
``synthetic_dataset(100_000)`` (registries loaded; wall and CPU time, one run by
default): budget (issue 21) 100,000 tenures in under 10 s. The rows (``strategies:``,
no peer) go to ``bench/RESULTS.md`` through ``run_all.write_rows``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run_all import row, write_rows

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_strategies.py"
PREFIX = "strategies:"
BUDGET_S = 2.0
EXAMPLES = 100
SYNTHETIC_N = 100_000
SYNTHETIC_BUDGET_S = 10.0


def _draw_100() -> float:
    """Seconds to run a @given(datasets()) function over 100 generated examples."""
    from hypothesis import Phase, given, settings

    from adminnet import strategies

    count = 0

    @settings(
        max_examples=EXAMPLES,
        database=None,
        phases=[Phase.generate],
        deadline=None,
    )
    @given(strategies.datasets())
    def run(ds: object) -> None:
        nonlocal count
        count += 1

    t0 = time.perf_counter()
    run()
    elapsed = time.perf_counter() - t0
    if count != EXAMPLES:
        msg = f"drew {count} examples, expected {EXAMPLES}"
        raise RuntimeError(msg)
    return elapsed


def _worker() -> dict[str, float]:
    t0 = time.perf_counter()
    import adminnet.strategies  # noqa: F401  # the import is part of the cold time

    _draw_100()
    return {"cold_s": time.perf_counter() - t0}


def _cold() -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--worker"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(json.loads(out.stdout)["cold_s"])


def _synthetic() -> tuple[float, float]:
    """Wall and CPU seconds of ``synthetic_dataset(100_000)`` (registries loaded)."""
    from adminnet.strategies import synthetic_dataset

    synthetic_dataset(100)  # loads the registries
    t0, c0 = time.perf_counter(), time.process_time()
    ds = synthetic_dataset(SYNTHETIC_N, seed=0)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    if len(ds.tenures) != SYNTHETIC_N:
        msg = f"made {len(ds.tenures)} tenures, expected {SYNTHETIC_N}"
        raise RuntimeError(msg)
    return wall, cpu


def _rows(warm: float, cold: float, synthetic: tuple[float, float]) -> list[list[str]]:
    wall, cpu = synthetic
    return [
        row(
            f"{PREFIX} synthetic_dataset({SYNTHETIC_N:_}) tenures, wall (CPU {cpu:.1f} s)",
            f"< {SYNTHETIC_BUDGET_S:.0f} s: {'ok' if wall < SYNTHETIC_BUDGET_S else 'OVER'}",
            f"{wall:.1f} s",
            COMMAND,
        ),
    ] + [
        row(
            f"{PREFIX} draw {EXAMPLES} datasets() examples, {label}",
            f"< {BUDGET_S:.2f} s: {'ok' if seconds < BUDGET_S else 'OVER'}",
            f"{seconds:.2f} s",
            COMMAND,
        )
        for label, seconds in (("warm (median)", warm), ("cold incl. data load (median)", cold))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time 100 draws of adminnet datasets()")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--synthetic-runs", type=int, default=1)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker()))
        return 0
    _draw_100()  # warm-up: loads the registries and the strategy
    warm = statistics.median(_draw_100() for _ in range(args.runs))
    cold = statistics.median(_cold() for _ in range(args.runs))
    synthetic = min((_synthetic() for _ in range(args.synthetic_runs)), key=lambda x: x[0])
    rows = _rows(warm, cold, synthetic)
    for line in rows:
        print(f"{line[0]:<75} {line[2]:>8}  (budget {line[1]})")
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=[PREFIX])
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
