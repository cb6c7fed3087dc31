"""Run every benchmark in bench/ and rewrite bench/RESULTS.md as one table.

Usage (from the repository root)::

    .venv/bin/python bench/run_all.py                 # every bench/bench_*.py
    .venv/bin/python bench/run_all.py records import  # only the scripts named so
    .venv/bin/python bench/run_all.py --list

The table (:data:`HEADER`): ``metric | budget | measured | peer | peer value | ratio |
date | machine | command``. ``ratio`` is adminnet / peer of the quantity measured:
for a time or a size below 1 is better, for a throughput (records/s) above 1 is better;
the budget cell says which, followed by the verdict (``ok`` / ``OVER``).

Every ``bench/bench_*.py`` builds its rows in this format and writes them with
:func:`write_rows` (importing it with ``bench/`` on ``sys.path``, as it is when a script
in it runs) to the path held in its module-level ``RESULTS``, which replaces the earlier
rows of the same metric prefix (``records:``, ``regions:`` ...). Run alone, a script
updates ``bench/RESULTS.md`` itself.

Here each script runs in its own interpreter, one after the other (never two at a
time: they measure time), with its ``RESULTS`` pointed at a scratch file; the rows it
wrote there are merged into ``bench/RESULTS.md`` by metric prefix. A script that writes
no rows (it failed) keeps its earlier rows, marked in the run summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["HEADER", "machine", "row", "today", "write_rows"]

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "RESULTS.md"
COMMAND = ".venv/bin/python bench/run_all.py"

COLUMNS = (
    "metric", "budget", "measured", "peer", "peer value", "ratio", "date", "machine", "command",
)  # fmt: skip
HEADER = "| " + " | ".join(COLUMNS) + " |\n" + "|" + "---|" * len(COLUMNS) + "\n"
INTRO = """\
# Benchmark results

Every performance budget of adminnet (docs: `../shared/DESIGN.md`, "Performance
budgets", and the issues), measured by the scripts in `bench/`, never by timed tests.
Regenerate everything with `.venv/bin/python bench/run_all.py` (about 20 minutes),
or some scripts with `.venv/bin/python bench/run_all.py records regions ...`; each
row's command reruns its measurement alone (printing it).

- `measured` is adminnet; `peer` names the library compared in the same run, on the
  same input, and `peer value` its figure.
- `ratio` is adminnet / peer of the quantity measured: for a time or a size below 1
  is better; for a throughput (records/s) above 1 is better. The budget says which,
  followed by the verdict (`ok` or `OVER`) where it can be read off the row.
- Medians of several repetitions. The machine is a shared 2-core VM: absolute times
  move by 10-20 % from run to run when other work is running; ratios measured in the
  same run are steadier. Profile of the record loader: `bench/PROFILE.md`.

"""


def today() -> str:
    """Today's date, ISO."""
    return dt.date.today().isoformat()


@functools.cache
def machine() -> str:
    """CPU model (lscpu), cores and Python version: ``AMD EPYC, 2 cores, Python 3.11.7``."""
    model = platform.processor() or platform.machine()
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        out = ""
    for line in out.splitlines():
        if line.startswith("Model name:"):
            model = line.split(":", 1)[1].strip()
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and not set(s) <= set("|-: ") and _cells(s)[0] != "metric"


def _read_rows(path: Path) -> list[list[str]]:
    """The rows of the table in ``path`` (none if it does not exist)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [_cells(line) for line in lines if _is_row(line)]
    return [row for row in rows if len(row) == len(COLUMNS)]


def _prefix(row: Sequence[str]) -> str:
    return row[0].split(":", 1)[0] + ":"


_UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0, "kb": 1 / 1024, "mb": 1.0,
          "gb": 1024.0}  # fmt: skip
_QUANTITY = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(ns|µs|us|ms|s|kb|mb|gb)\b", re.IGNORECASE)
_LIMIT = re.compile(r"^(<=?|>=?)\s*(.*)$")
_VERDICT = re.compile(r": (ok|OVER)$")


def _amount(text: str) -> float | None:
    m = _QUANTITY.match(text.strip())
    if m is None:
        return None
    return float(m.group(1).replace(",", "")) * _UNITS[m.group(2).lower()]


def verdict(budget: str, measured: str, ratio: str) -> str | None:
    """``ok`` / ``OVER`` for a budget ``< 150 ms`` or ``>= 1.5x peer``; None if unknown."""
    m = _LIMIT.match(budget.strip())
    if m is None:
        return None
    op, rest = m.groups()
    if re.match(r"[0-9.]+x\b", rest):
        limit = float(rest.split("x")[0])
        try:
            value = float(ratio)
        except ValueError:
            return None
    else:
        limit_amount, value_amount = _amount(rest), _amount(measured)
        if limit_amount is None or value_amount is None:
            return None
        limit, value = limit_amount, value_amount
    ok = {"<": value < limit, "<=": value <= limit, ">": value > limit, ">=": value >= limit}[op]
    return "ok" if ok else "OVER"


def _with_verdict(row: Sequence[str]) -> list[str]:
    row = list(row)
    budget = _VERDICT.sub("", row[1])
    v = verdict(budget, row[2], row[5])
    if v:
        row[1] = f"{budget}: {v}"
    return row


def _render(rows: Sequence[Sequence[str]], notes: str = "") -> str:
    body = "".join("| " + " | ".join(_with_verdict(r)) + " |\n" for r in rows)
    return INTRO + HEADER + body + (f"\n{notes.strip()}\n" if notes.strip() else "")


def _notes(path: Path) -> str:
    """Text after the table (kept as is)."""
    if not path.exists():
        return ""
    lines = path.read_text(encoding="utf-8").splitlines()
    last = max((i for i, ln in enumerate(lines) if ln.strip().startswith("|")), default=-1)
    return "\n".join(lines[last + 1 :]) if last >= 0 else ""


def row(
    metric: str,
    budget: str,
    measured: str,
    command: str,
    *,
    peer: str = "n/a",
    peer_value: str = "n/a",
    ratio: str = "n/a",
) -> list[str]:
    """One row of :data:`HEADER`, dated today, on this machine (``command`` unquoted)."""
    return [metric, budget, measured, peer, peer_value, ratio, today(), machine(), f"`{command}`"]


def write_rows(
    rows: Sequence[Sequence[str]], *, path: Path | None = None, prefixes: Sequence[str] = ()
) -> None:
    """Replace the rows whose metric starts with one of ``prefixes`` in ``path``.

    ``path`` defaults to :data:`RESULTS`; ``prefixes`` to the rows' own metric prefixes
    (``records:``). ``rows`` are 9 cells each (:data:`COLUMNS`). Other rows are kept, in
    order; the new rows take the place of the first replaced one, or go last. The text
    after the table is kept.
    """
    path = RESULTS if path is None else path  # read now: tests and run_all may move it
    replaced = tuple(prefixes) or tuple({_prefix(r) for r in rows})
    old = _read_rows(path)
    out: list[list[str]] = []
    placed = False
    for row in old:
        if row[0].startswith(replaced):
            if not placed:
                out.extend(list(r) for r in rows)
                placed = True
            continue
        out.append(row)
    if not placed:
        out.extend(list(r) for r in rows)
    path.write_text(_render(out, _notes(path)), encoding="utf-8")


_SHIM = """\
import importlib.util, sys
from pathlib import Path
script, results, *argv = sys.argv[1:]
sys.path.insert(0, str(Path(script).parent))
spec = importlib.util.spec_from_file_location(Path(script).stem, script)
mod = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = mod
spec.loader.exec_module(mod)
mod.RESULTS = Path(results)
sys.exit(mod.main(argv))
"""


def _run(script: Path, extra: Sequence[str]) -> tuple[int, list[list[str]], float]:
    with tempfile.TemporaryDirectory(prefix="adminnet-results-") as tmp:
        scratch = Path(tmp) / "RESULTS.md"
        cmd = [sys.executable, "-c", _SHIM, str(script), str(scratch), *extra]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, check=False)
        elapsed = time.perf_counter() - t0
        return proc.returncode, _read_rows(scratch), elapsed


def _scripts() -> list[Path]:
    return sorted(BENCH.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every bench/bench_*.py, rewrite RESULTS.md")
    parser.add_argument("only", nargs="*", help="run only these (e.g. records regions)")
    parser.add_argument("--list", action="store_true", help="list the scripts and exit")
    args = parser.parse_args(argv)
    scripts = _scripts()
    if args.list:
        print("\n".join(str(s.relative_to(ROOT)) for s in scripts))
        return 0
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    summary = []
    failed = False
    for script in scripts:
        print(f"=== {script.relative_to(ROOT)}", flush=True)
        code, rows, elapsed = _run(script, [])
        if rows:
            write_rows(rows, path=RESULTS)
        status = "ok" if rows else "NO ROWS (earlier rows kept)"
        if code not in (0, 1):  # 1: some scripts' "over budget"
            status += f", exit {code}"
            failed = True
        summary.append(f"{script.name:<24} {len(rows):>2} rows  {elapsed:6.0f} s  {status}")
    print("\n".join(["", *summary]))
    print(f"rewrote {RESULTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
