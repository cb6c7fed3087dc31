"""Count the machine instructions a Person record costs, adminnet beside its peers.

Usage (from the repository root; needs ``valgrind``)::

    .venv/bin/python bench/bench_instructions.py              # run, print, update RESULTS.md
    .venv/bin/python bench/bench_instructions.py --n 2000 --no-write

Timings on this shared 2-core machine move by 10-20 % from run to run, more than most
changes to the loader are worth; an instruction count does not. Each loader of
``bench_records.py`` (the same records, rules and rule functions) reads ``--n`` lines
once to warm up and then ``--reps`` more times, under ``valgrind --tool=cachegrind``
without cache simulation; a second run reads them once only. The difference of the two
totals, divided by the records read, is what one record costs in steady state, with
the interpreter's start-up and the imports subtracted. Two inputs: every line valid,
and 10 % invalid (the 19 kinds of ``bench_records.py``, every error exact).

An instruction count is no time: it leaves out cache misses and branch mispredictions
(where compiled code such as pydantic's is usually better off), so it is a deterministic
companion of the throughput rows, not a replacement. A run takes about four minutes.
Repeated runs differ by about 0.3 % (hash randomisation moves dictionary probes).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_records
from run_all import machine, today, write_rows

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_instructions.py"
PEERS = ("pydantic", "msgspec")

_CHILD = """\
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import bench_records
load = bench_records.LOADERS[sys.argv[2]]
lines = Path(sys.argv[3]).read_bytes().splitlines(keepends=True)
for _ in range(1 + int(sys.argv[4])):
    load(lines)
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(loader: str, path: Path, reps: int) -> int:
    """Instructions of one child that reads ``path`` 1 + ``reps`` times with ``loader``."""
    cmd = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-c",
        _CHILD,
        str(ROOT / "bench"),
        loader,
        str(path),
        str(reps),
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    found = _REFS.search(proc.stderr)
    if found is None:  # pragma: no cover - valgrind always prints its summary
        msg = f"no instruction count from valgrind:\n{proc.stderr[-2000:]}"
        raise SystemExit(msg)
    return int(found.group(1).replace(",", ""))


def per_record(loader: str, path: Path, n: int, reps: int) -> float:
    """Steady-state instructions a record: (1 + reps reads) minus (1 read), per record."""
    return (instructions(loader, path, reps) - instructions(loader, path, 0)) / (n * reps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="lines in the input")
    parser.add_argument("--reps", type=int, default=2, help="steady-state reads counted")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing measured")
        return 0
    cmd = f"{COMMAND} --n {args.n} --reps {args.reps}"
    rows = []
    with tempfile.TemporaryDirectory(prefix="adminnet-instructions-") as tmp:
        for label, invalid in (("valid", 0.0), ("10% invalid (error path)", 0.1)):
            lines, _ = bench_records._lines(args.n, invalid=invalid, names="mixed")
            path = Path(tmp) / "lines.jsonl"
            path.write_bytes(b"".join(lines))  # each line ends with its newline
            ours = per_record("adminnet", path, len(lines), args.reps)
            print(f"{label}: adminnet {ours:,.0f} instructions a record", flush=True)
            for peer in PEERS:
                theirs = per_record(peer, path, len(lines), args.reps)
                ratio = ours / theirs
                print(f"  {peer} {theirs:,.0f}: adminnet / {peer} {ratio:.3f}", flush=True)
                rows.append(
                    [
                        f"records: instructions a record, load {len(lines):,} Person lines,"
                        f" {label} (cachegrind, steady state)",
                        "n/a (informative; deterministic, below 1 is fewer)",
                        f"{ours:,.0f}",
                        bench_records.peer_version(peer),
                        f"{theirs:,.0f}",
                        f"{ratio:.3f}",
                        today(),
                        machine(),
                        f"`{cmd}`",
                    ]
                )
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=("records: instructions",))
    return 0


if __name__ == "__main__":
    sys.exit(main())
