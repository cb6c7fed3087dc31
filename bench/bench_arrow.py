"""Benchmark adminnet.export.to_arrow against the text to_dataframe of 2026-11 (issue 19).

Usage (from the repository root)::

    .venv/bin/python bench/bench_arrow.py              # 500,000 persons, update RESULTS.md
    .venv/bin/python bench/bench_arrow.py --n 50000 --no-write   # a quick check

Budget: ``to_arrow`` of 500,000 persons at least 5x faster than the text
``to_dataframe`` of 2026-11 and at most a fifth of its memory, both as ratios measured
in the same run. That ``to_dataframe`` is ``pandas.DataFrame(to_records(persons))``
(its code before it was rebuilt on Arrow; ``to_records`` is unchanged), so it is
measured here as it was.

The persons are ``bench/make_records.py`` records (PNS and PPPK NIPs, names with gelar,
birth dates, genders), loaded once per measurement with
:func:`adminnet.serialization.iter_jsonl`. Each side runs in its own fresh interpreter
(one after the other, never two at a time): it loads the persons, collects garbage,
resets the kernel's peak-RSS mark (``/proc/self/clear_refs``), then times one
conversion and reads the peak (``VmHWM``). Memory is that peak minus the RSS just
before the conversion: everything the conversion and its result held at their
highest, Python objects and Arrow buffers alike (tracemalloc would miss Arrow's own
allocator). Times are the median of ``--repeat`` conversions in that interpreter (the
peak is taken on the first).

The rows (``arrow:``) go to ``bench/RESULTS.md`` through ``run_all.write_rows``. Exit
status 1 when over budget.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run_all import row, write_rows

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_arrow.py"
PREFIX = "arrow:"
SPEEDUP = 5.0  # to_arrow at least this many times faster
MEMORY = 0.2  # and at most this fraction of the memory
PEER = "to_dataframe of 2026-11 (text)"


def _rss_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    msg = f"no {field} in /proc/self/status"
    raise RuntimeError(msg)


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        return False
    return True


def _text_dataframe(persons: list[Any]) -> Any:
    """``to_dataframe`` as it was in 2026-11: the flat text records in a DataFrame."""
    import pandas

    from adminnet.export import to_records

    rows = to_records(persons)
    return pandas.DataFrame(rows, columns=list(rows[0]) if rows else None)


def _to_arrow(persons: list[Any]) -> Any:
    from adminnet.export import to_arrow

    return to_arrow(persons)


def child(method: str, path: str, repeat: int) -> dict[str, Any]:
    """Load the persons, then convert them: seconds (median) and extra peak RSS (MB)."""
    from adminnet.model.person import Person
    from adminnet.serialization import iter_jsonl

    with open(path, "rb") as f:
        persons = list(iter_jsonl(Person, f))
    convert = {"to_arrow": _to_arrow, "text_dataframe": _text_dataframe}[method]
    convert(persons[:1000])  # imports (pandas, pyarrow) and caches outside the measure
    gc.collect()
    reset = _reset_peak()
    before = _rss_kb("VmRSS")
    t0 = time.perf_counter()
    result = convert(persons)
    times = [time.perf_counter() - t0]
    peak = _rss_kb("VmHWM")
    rows = len(result)
    del result
    for _ in range(repeat - 1):
        gc.collect()
        t0 = time.perf_counter()
        convert(persons)
        times.append(time.perf_counter() - t0)
    return {
        "rows": rows,
        "seconds": statistics.median(times),
        "extra_mb": (peak - before) / 1024 if reset else float("nan"),
        "peak_reset": reset,
    }


def _measure(method: str, path: Path, repeat: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", method, str(path), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="to_arrow vs the text to_dataframe")
    parser.add_argument("--n", type=int, default=500_000, help="persons")
    parser.add_argument("--repeat", type=int, default=1, help="conversions per side")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.repeat)))
        return 0
    import make_records

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "persons.jsonl"
        with path.open("w", encoding="utf-8") as f:
            make_records.write(f, args.n)
        old = _measure("text_dataframe", path, args.repeat)
        new = _measure("to_arrow", path, args.repeat)
    assert old["rows"] == new["rows"] == args.n, (old, new)
    time_ratio = new["seconds"] / old["seconds"]
    memory_ratio = new["extra_mb"] / old["extra_mb"]
    fast = time_ratio <= 1 / SPEEDUP
    small = memory_ratio <= MEMORY
    print(f"{args.n:,} persons, one interpreter per side, median of {args.repeat}")
    print(f"  {PEER}: {old['seconds']:.2f} s, +{old['extra_mb']:.0f} MB peak RSS")
    print(f"  to_arrow:      {new['seconds']:.2f} s, +{new['extra_mb']:.0f} MB peak RSS")
    print(
        f"  ratios: time {time_ratio:.3f} ({1 / time_ratio:.1f}x faster;"
        f" budget <= {1 / SPEEDUP:.2f}) {'ok' if fast else 'OVER'},"
        f" memory {memory_ratio:.3f} (budget <= {MEMORY:.2f})"
        f" {'ok' if small else 'OVER'}"
    )
    n = f"{args.n:,}"
    command = COMMAND if args.n == 500_000 else f"{COMMAND} --n {args.n}"
    rows = [
        row(
            f"{PREFIX} to_arrow {n} persons, time",
            f"<= {1 / SPEEDUP:.2f}x",
            f"{new['seconds']:.2f} s ({1 / time_ratio:.1f}x faster)",
            command,
            peer=PEER,
            peer_value=f"{old['seconds']:.2f} s",
            ratio=f"{time_ratio:.3f}",
        ),
        row(
            f"{PREFIX} to_arrow {n} persons, peak memory above the loaded persons",
            f"<= {MEMORY:.2f}x",
            f"{new['extra_mb']:.0f} MB",
            command,
            peer=PEER,
            peer_value=f"{old['extra_mb']:.0f} MB",
            ratio=f"{memory_ratio:.3f}",
        ),
    ]
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=[PREFIX])
        print(f"updated {RESULTS}")
    return 0 if fast and small else 1


if __name__ == "__main__":
    sys.exit(main())
