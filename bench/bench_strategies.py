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

Budget (issue 7): 100 examples in under 2 s. The result is printed; if
``bench/RESULTS.md`` exists, this script's rows there (``strategies:``) are replaced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_strategies.py"
PREFIX = "strategies:"
BUDGET_S = 2.0
EXAMPLES = 100
HEADER = (
    "| metric | budget | adminnet | peer | ratio | date | machine | command |\n"
    "|---|---|---|---|---|---|---|---|\n"
)


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


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def _rows(warm: float, cold: float) -> list[list[str]]:
    date = dt.date.today().isoformat()
    machine = _machine()
    return [
        [
            f"{PREFIX} draw {EXAMPLES} datasets() examples, warm (median)",
            f"< {BUDGET_S:.2f} s",
            f"{warm:.2f} s",
            "n/a",
            "n/a",
            date,
            machine,
            f"`{COMMAND}`",
        ],
        [
            f"{PREFIX} draw {EXAMPLES} datasets() examples, cold incl. data load (median)",
            f"< {BUDGET_S:.2f} s",
            f"{cold:.2f} s",
            "n/a",
            "n/a",
            date,
            machine,
            f"`{COMMAND}`",
        ],
    ]


def _write(rows: list[list[str]]) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    if HEADER not in text:
        text = text.rstrip("\n") + "\n\n" + HEADER
    head, _, table = text.partition(HEADER)
    kept = [ln for ln in table.splitlines() if ln.strip() and not ln.startswith(f"| {PREFIX}")]
    lines = [ln for ln in kept if ln.startswith("|")]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    tail = [ln for ln in kept if not ln.startswith("|")]
    body = "\n".join(lines) + "\n"
    if tail:
        body += "\n" + "\n".join(tail) + "\n"
    RESULTS.write_text(head + HEADER + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time 100 draws of adminnet datasets()")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker()))
        return 0
    _draw_100()  # warm-up: loads the registries and the strategy
    warm = statistics.median(_draw_100() for _ in range(args.runs))
    cold = statistics.median(_cold() for _ in range(args.runs))
    for row in _rows(warm, cold):
        verdict = "ok" if float(row[2].split()[0]) < BUDGET_S else "OVER BUDGET"
        print(f"{row[0]:<75} {row[2]:>8}  (budget {row[1]})  {verdict}")
    if not args.no_write and RESULTS.exists():
        _write(_rows(warm, cold))
        print(f"updated {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
