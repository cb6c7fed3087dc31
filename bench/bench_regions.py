"""Benchmark the region registry against lokal-id 0.7.2, in one run.

Usage (from the repository root; lokal-id is a bench/dev dependency)::

    .venv/bin/python bench/bench_regions.py            # run, print, update RESULTS.md
    .venv/bin/python bench/bench_regions.py --no-write # run and print only

Every measurement of a load runs in a fresh interpreter (``--worker``), so that the
first use is really the first; the main process takes the median over ``--runs``
workers. Measured per side:

- load: time and extra RSS to load all four levels (adminnet: the first ``get``;
  lokal-id: ``wilayah_name`` of a province and of a desa, which reads both its files);
- adminnet's search index, built on the first search (lokal-id has no index);
- ``get`` by code: median per call over a fixed sample of codes of every level, warm
  (already asked once: the usual case) and cold (first ask of each code after the load);
- ``search``: median per call over a fixed list of queries (adminnet searches all four
  levels; lokal-id searches levels 1-3 unless told otherwise).

The rows (``regions:``) go to ``bench/RESULTS.md`` through ``run_all.write_rows``, with
lokal-id as the peer and the verdict against each budget of DESIGN.md.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from run_all import machine, today, write_rows

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_regions.py"
PREFIX = "regions:"

QUERIES = [
    "ambon",
    "Kota Ambon",
    "kab. bogor",
    "bogor",
    "jakarta selatan",
    "sorong",
    "kota baru",
    "bandung",
    "kepulauan seribu",
    "denpasar",
    "makassar",
    "bogr",
    "ambonn",
    "nusaniwe",
    "teluk ambon",
    "papua barat",
    "kec. cibinong",
    "surabaya",
    "yogyakarta",
    "medan",
]

# Budgets from DESIGN.md (seconds, bytes).
BUDGET_LOAD_S = 0.15
BUDGET_LOAD_RSS = 30e6
BUDGET_GET_S = 1e-6
BUDGET_SEARCH_S = 1e-3


def _rss() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: peak RSS is the best available
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _sample_codes(all_codes: list[str], k: int = 3000) -> list[str]:
    rng = random.Random(20170316)
    return rng.sample(all_codes, k)


def _per_call(fn: Any, arg: Any, repeat: int) -> float:
    t0 = time.perf_counter_ns()
    for _ in range(repeat):
        fn(arg)
    return (time.perf_counter_ns() - t0) / repeat / 1e9


def _worker_adminnet() -> dict[str, float]:
    from adminnet import regions

    out: dict[str, float] = {}
    import pendulum  # imported by adminnet anyway; warm its tz data outside the timing

    pendulum.today("Asia/Jakarta")
    rss0 = _rss()
    t0 = time.perf_counter()
    regions.get("81.71")  # loads all four levels
    out["load_s"] = time.perf_counter() - t0
    out["load_rss"] = _rss() - rss0
    data = regions._data()
    codes = [data.lines[i] for i in range(1, data.n + 1)]
    dotted = [regions._dotted(c) for c in _sample_codes(codes)]
    cold = []
    for code in dotted:
        t = time.perf_counter_ns()
        regions.get(code)
        cold.append((time.perf_counter_ns() - t) / 1e9)
    out["get_cold_s"] = statistics.median(cold)
    out["get_warm_s"] = statistics.median(_per_call(regions.get, c, 50) for c in dotted)
    rss1 = _rss()
    t0 = time.perf_counter()
    regions.search("ambon")  # builds the index
    out["index_s"] = time.perf_counter() - t0
    out["index_rss"] = _rss() - rss1
    out["search_s"] = statistics.median(_per_call(regions.search, q, 1) for q in QUERIES * 20)
    first = regions.search("ambon")[0].official_name
    out["search_ok"] = float(first == "Kota Ambon")
    return out


def _worker_lokal() -> dict[str, float]:
    from lokal import wilayah

    out: dict[str, float] = {}
    rss0 = _rss()
    t0 = time.perf_counter()
    wilayah.wilayah_name("81")  # wilayah.json.gz: levels 1-3
    wilayah.wilayah_name("81.71.01.1006")  # desa.json.gz: level 4
    out["load_s"] = time.perf_counter() - t0
    out["load_rss"] = _rss() - rss0
    codes = list(wilayah._base()) + list(wilayah._desa())
    sample = _sample_codes([c.replace(".", "") for c in codes])
    dotted = [wilayah.normalize_wilayah_code(c) for c in sample]
    wilayah.get_wilayah("81.71.01.1006")  # also reads kodepos.json.gz, used by get_wilayah
    cold = []
    for code in dotted:
        t = time.perf_counter_ns()
        wilayah.get_wilayah(code)
        cold.append((time.perf_counter_ns() - t) / 1e9)
    out["get_cold_s"] = statistics.median(cold)
    out["get_warm_s"] = statistics.median(_per_call(wilayah.get_wilayah, c, 50) for c in dotted)
    out["search_s"] = statistics.median(
        _per_call(wilayah.search_wilayah, q, 1) for q in QUERIES * 3
    )
    return out


def _run_worker(side: str) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--worker", side],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def _median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def _fmt_time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def _fmt_mb(value: float) -> str:
    return f"{value / 1e6:.1f} MB"


def _rows(ours: dict[str, float], peer: dict[str, float], peer_name: str) -> list[list[str]]:
    load_index_s = ours["load_s"] + ours["index_s"]
    load_index_rss = ours["load_rss"] + ours["index_rss"]
    t, mb = _fmt_time, _fmt_mb
    specs = [  # metric, budget, adminnet, peer, format
        ("load all 4 levels, time", BUDGET_LOAD_S, ours["load_s"], peer["load_s"], t),
        ("load all 4 levels, extra RSS", BUDGET_LOAD_RSS, ours["load_rss"], peer["load_rss"], mb),
        ("load + search index, time", BUDGET_LOAD_S, load_index_s, peer["load_s"], t),
        ("load + search index, extra RSS", BUDGET_LOAD_RSS, load_index_rss, peer["load_rss"], mb),
        ("get by code, warm (median)", BUDGET_GET_S, ours["get_warm_s"], peer["get_warm_s"], t),
        (
            "get by code, first ask (median)",
            BUDGET_GET_S,
            ours["get_cold_s"],
            peer["get_cold_s"],
            t,
        ),
        ("search (median)", BUDGET_SEARCH_S, ours["search_s"], peer["search_s"], t),
    ]
    return [
        [
            f"{PREFIX} {metric}",
            f"< {fmt(budget)}: {'ok' if value < budget else 'OVER'}",
            fmt(value),
            peer_name,
            fmt(peer_value),
            f"{value / peer_value:.2f}" if peer_value else "n/a",
            today(),
            machine(),
            f"`{COMMAND}`",
        ]
        for metric, budget, value, peer_value, fmt in specs
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark adminnet.regions vs lokal-id")
    parser.add_argument("--worker", choices=["adminnet", "lokal"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if args.worker:
        work = _worker_adminnet if args.worker == "adminnet" else _worker_lokal
        print(json.dumps(work()))
        return 0
    ours = _median_of([_run_worker("adminnet") for _ in range(args.runs)])
    peer = _median_of([_run_worker("lokal") for _ in range(args.runs)])
    rows = _rows(ours, peer, f"lokal-id {importlib.metadata.version('lokal-id')}")
    for row in rows:
        print(
            f"{row[0]:<45} budget {row[1]:>16}  adminnet {row[2]:>10}  "
            f"{row[3]} {row[4]:>10}  ratio {row[5]}"
        )
    if not ours.get("search_ok"):
        print("warning: search('ambon') did not rank Kota Ambon first", file=sys.stderr)
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=[PREFIX])
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
