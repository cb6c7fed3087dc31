"""Benchmark the import time of adminnet against its dependencies attrs + cattrs + pendulum.

Usage (from the repository root)::

    .venv/bin/python bench/bench_import.py              # run, print, update RESULTS.md
    .venv/bin/python bench/bench_import.py --runs 41 --no-write

Every sample is a fresh interpreter (``python -c``) timing its own import statement
with ``time.perf_counter`` (interpreter start-up excluded, the same for every case);
the cases are interleaved and each reported figure is the median of ``--runs``
samples. Cases:

- ``peers``: ``import attrs, cattrs, pendulum``;
- ``adminnet``: ``import adminnet`` (the budget: at most 1.25x ``peers``). The package
  is lazy (PEP 562): this does not import the entity modules yet;
- ``adminnet full API``: ``import adminnet`` and resolve every name of
  ``adminnet.__all__`` (every entity module, enums, errors, ``make_converter`` and so
  cattrs), what a program using the library pays sooner or later; held to the same
  1.25x;
- ``adminnet.serialization``: the loader (entity modules + cattrs preconf);
- ``from adminnet import Person``: one entity class, the commonest first use.

Bytecode: every case runs with ``.pyc`` caches, as after a normal ``pip install``:
``PYTHONDONTWRITEBYTECODE`` is removed from the environment and ``PYTHONPYCACHEPREFIX``
points at a scratch directory (``$ADMINNET_BENCH_DIR/pycache``), warmed by a first
run, so the source tree gets no ``__pycache__``. (With ``PYTHONDONTWRITEBYTECODE=1`` an
editable install recompiles adminnet's sources on every import while the
dependencies' ``.pyc`` files from pip are still used: ``--no-pyc`` shows that case.)

Then one ``python -X importtime`` run of the full API lists adminnet's own modules by
self time (cumulative time in brackets) and the biggest third-party imports they pull.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from run_all import machine, today, write_rows

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_import.py"
BUDGET = 1.25

CASES = {
    "peers": "import attrs, cattrs, pendulum",
    "adminnet": "import adminnet",
    "adminnet full API": "import adminnet\nfor _n in adminnet.__all__: getattr(adminnet, _n)",
    "adminnet.serialization": "import adminnet.serialization",
    "from adminnet import Person": "from adminnet import Person",
}
DATA_DIR = Path(os.environ.get("ADMINNET_BENCH_DIR", "/tmp/adminnet-bench"))
_ENV: dict[str, str] = {}
_TIMER = "import time\n_t = time.perf_counter()\n{stmt}\nprint(time.perf_counter() - _t)\n"


def sample(stmt: str) -> float:
    """Seconds one fresh interpreter takes to run ``stmt`` (start-up excluded)."""
    out = subprocess.run(
        [sys.executable, "-c", _TIMER.format(stmt=stmt)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=_ENV or None,
    )
    return float(out.stdout.strip().splitlines()[-1])


def _parse_importtime(stderr: str) -> list[tuple[str, int, int]]:
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        head, cum, name = line.split("|")
        rows.append((name.strip(), int(head.split(":")[1]), int(cum)))
    return rows


def breakdown(stmt: str, top: int = 12) -> tuple[list[str], int, int]:
    """Lines describing adminnet's own modules and the heaviest third-party ones."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", stmt],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=_ENV or None,
    )
    rows = _parse_importtime(out.stderr)
    own = sorted((r for r in rows if r[0].startswith("adminnet")), key=lambda r: -r[1])
    own_total = sum(r[1] for r in own)
    stdlib = set(sys.stdlib_module_names)
    third = [
        r
        for r in rows
        if r[0].split(".")[0] not in stdlib and not r[0].startswith(("adminnet", "_"))
    ]
    third_top = sorted((r for r in third if "." not in r[0]), key=lambda r: -r[2])
    lines = [f"adminnet's own modules: {own_total / 1000:.1f} ms self time in all"]
    lines += [f"  {n:<45} {s / 1000:6.2f} ms  (cum {c / 1000:6.2f} ms)" for n, s, c in own[:top]]
    lines.append("third-party top-level imports (cumulative):")
    lines += [f"  {n:<45} {c / 1000:6.2f} ms" for n, _, c in third_top[:8]]
    total = max((r[2] for r in rows), default=0)
    return lines, own_total, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="import adminnet vs attrs + cattrs + pendulum")
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-pyc", action="store_true", help="keep the environment as it is")
    args = parser.parse_args(argv)
    if not args.no_pyc:
        _ENV.update(os.environ)
        _ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        _ENV["PYTHONPYCACHEPREFIX"] = str(DATA_DIR / "pycache")
    for stmt in CASES.values():  # warm the file system cache and .pyc files
        sample(stmt)
    times: dict[str, list[float]] = {k: [] for k in CASES}
    for _ in range(args.runs):
        for name, stmt in CASES.items():
            times[name].append(sample(stmt))
    med = {k: statistics.median(v) for k, v in times.items()}
    peers = med["peers"]
    for name, value in med.items():
        spread = statistics.quantiles(times[name], n=4)
        print(
            f"{name:<24} median {value * 1000:6.1f} ms  (quartiles {spread[0] * 1000:.1f}"
            f"-{spread[2] * 1000:.1f} ms)  ratio to peers {value / peers:.2f}"
        )
    lines, own_total, _ = breakdown(CASES["adminnet full API"])
    print("\n".join(lines))
    rows = []
    peer = "attrs + cattrs + pendulum"
    for name, label, budget in (
        ("adminnet", "`import adminnet` (lazy package)", f"<= {BUDGET}x peer"),
        (
            "adminnet full API",
            "`import adminnet` + every name of `__all__`",
            f"<= {BUDGET}x peer (applied)",
        ),
        ("adminnet.serialization", "`import adminnet.serialization`", "n/a (informative)"),
        ("from adminnet import Person", "`from adminnet import Person`", "n/a (informative)"),
    ):
        rows.append(
            [
                f"import: {label}, median of {args.runs} fresh interpreters",
                budget,
                f"{med[name] * 1000:.1f} ms",
                peer,
                f"{peers * 1000:.1f} ms",
                f"{med[name] / peers:.2f}",
                today(),
                machine(),
                f"`{COMMAND}`",
            ]
        )
    rows.append(
        [
            "import: adminnet's own modules, self time (-X importtime, full API)",
            "n/a (informative)",
            f"{own_total / 1000:.1f} ms",
            peer,
            f"{peers * 1000:.1f} ms",
            f"{own_total / 1000 / (peers * 1000):.2f}",
            today(),
            machine(),
            f"`.venv/bin/python -X importtime -c {CASES['adminnet full API']!r}`".replace(
                "\\n", "; "
            ),
        ]
    )
    verdicts = [med[k] / peers <= BUDGET for k in ("adminnet", "adminnet full API")]
    print("budget:", "ok" if all(verdicts) else "OVER BUDGET")
    if not args.no_write and not args.no_pyc:
        write_rows(rows, path=RESULTS, prefixes=["import:"])
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
