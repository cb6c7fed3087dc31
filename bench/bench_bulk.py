"""Benchmark bulk validation: JSONL to validated Parquet, the error path, Spark and Dask.

Usage (from the repository root)::

    .venv/bin/python bench/bench_bulk.py                 # everything, update RESULTS.md
    .venv/bin/python bench/bench_bulk.py --no-e2e        # in process and engines only
    .venv/bin/python bench/bench_bulk.py --e2e-only      # the 4,000,050-record run
    .venv/bin/python bench/bench_bulk.py --no-engines    # without Spark and Dask
    .venv/bin/python bench/bench_bulk.py --no-write      # print only

**End to end** (the budget of issue #19: under 30 s and 500 MB on the 2-core machine):
4,000,050 Person records (``bench/make_records.py``, about 570 MB, written once into
``$ADMINNET_BENCH_DIR``, default ``/tmp/adminnet-bench``, shared with
``bench_records.py``) to one validated Parquet file by the process-pool recipe of
``docs/scale.md`` (the page's own code, loaded from it: byte ranges of 4 MiB, two
worker processes, each range read, validated by ``adminnet.export.validate_batch``
and returned as Arrow tables; the parent writes the rows with ``pyarrow.parquet`` and
renumbers the errors). It runs in a child process under ``/usr/bin/time -v``: wall
time, the largest process's peak RSS, and the peak of the summed RSS and PSS of all
its processes (sampled every 0.2 s). The output is checked: 4,000,050 rows, no error.
The yardstick of the same run: ``iter_jsonl`` alone (no table, no Parquet, no pool) on
200,000 lines from 50 places in the file, one core, CPU time scaled to the whole file and divided
by the two cores: the wall time a perfect pool of bare loaders would take. The ratio
wall / yardstick is what the pipeline adds, and holds better than the wall time while
other work loads the machine.

**Error path, in process** (one core, CPU time, repetitions interleaved, medians): 100,000
records of which 10 % are invalid, each in one of 19 known ways (``make_records.py
--invalid``): ``validate_batch(lines, "persons")`` against pydantic v2 with the same
rules and the same rule functions (``bench_records.PydanticPerson``, imported, not
copied) doing the same job, :func:`pydantic_tables`: the same rows table (checked
equal) and an errors table. The budget row compares these two; a second row compares
with pydantic validating only (no table), for what the tables cost. Every error must
be exact: the (line, path, code) make_records expects, and
the very (line, path, code, message) list of ``iter_jsonl``. ``iter_jsonl`` alone is
timed on the same lines too (what the table and the errors table add), and so is the
happy path (the cost of the Arrow table of valid rows).

**Engines**: the Spark (``mapInArrow``, ``local[2]``) and Dask (``map_partitions``, 2
processes) recipes of ``docs/scale.md`` on 100,000 records (10 % invalid), wall time
from the recipe's call to the collected rows and errors (a warm SparkSession; Dask's
worker start included), throughput per core = records / wall / 2. Their rows and
errors are compared with the single-process ``validate_batch``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import itertools
import os
import re
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

import bench_records
import make_records
import pydantic
from bench_records import _records_file, load_pydantic
from run_all import machine, today, write_rows

from adminnet.errors import InvalidDataError
from adminnet.export import validate_batch
from adminnet.model.person import Gender, Person
from adminnet.serialization import iter_jsonl

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
PAGE = ROOT / "docs" / "scale.md"
COMMAND = ".venv/bin/python bench/bench_bulk.py"
E2E_RECORDS = bench_records.E2E_RECORDS
BUDGET_E2E_S = 30.0
BUDGET_E2E_MB = 500.0
ENGINE_RECORDS = 100_000
REFERENCE_LINES = 200_000


def recipe(name: str, where: Path | None) -> Any:
    """The recipe ``name`` of docs/scale.md as a module.

    Importable from ``where`` (a process pool pickles its functions by name), or, with
    ``where=None``, a namespace no module name reaches (Spark pickles its functions by
    value then, as those of a notebook).
    """
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(rf"<!-- recipe: {name} -->\n```python3\n(.*?)```", text, re.S)
    if found is None:
        msg = f"no recipe {name!r} in {PAGE}"
        raise SystemExit(msg)
    module = f"adminnet_recipe_{name}"
    if where is None:
        space: dict[str, Any] = {"__name__": module}
        exec(compile(found.group(1), f"{PAGE}:{name}", "exec"), space)
        return types.SimpleNamespace(**space)
    (where / f"{module}.py").write_text(found.group(1), encoding="utf-8")
    if str(where) not in sys.path:
        sys.path.insert(0, str(where))
    return importlib.import_module(module)


def _row(metric: str, budget: str, measured: str, peer: str, value: str, ratio: str,
         command: str) -> list[str]:  # fmt: skip
    return [metric, budget, measured, peer, value, ratio, today(), machine(), command]


def _rate(r: float) -> str:
    return f"{r / 1000:,.0f}k rec/s" if r >= 10_000 else f"{r:,.0f} rec/s"


# --- end to end ----------------------------------------------------------------------------


def pipeline(path: str, out: str, jobs: int) -> int:
    """The child process: the pool recipe, then a check of what it wrote."""
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory(prefix="adminnet-recipe-") as tmp:
        pool = recipe("pool", Path(tmp))
        t0 = time.perf_counter()
        errors = pool.validate_file(path, out, jobs=jobs)
        elapsed = time.perf_counter() - t0
    rows = pq.ParquetFile(out).metadata.num_rows
    print(f"pipeline: {rows} rows, {errors.num_rows} errors, {elapsed:.1f} s", flush=True)
    return 0 if rows == E2E_RECORDS and errors.num_rows == 0 else 1


def _reference(path: Path, jobs: int) -> float:
    """Seconds ``iter_jsonl`` alone would take for the whole file on ``jobs`` cores.

    CPU time of one core on :data:`REFERENCE_LINES` lines taken from 50 places in the
    file (no table, no Parquet, no pool), scaled: a yardstick measured in the same run
    as the pipeline, so that their ratio says what the pipeline adds even while the
    machine is loaded.
    """
    lines: list[bytes] = []
    size, parts = path.stat().st_size, 50
    with path.open("rb") as f:  # lines from all over the file: its mix of names and dates
        for k in range(parts):
            f.seek(size * k // parts)
            f.readline()  # to the start of the next line
            lines += itertools.islice(f, REFERENCE_LINES // parts)
    _iter(lines[:2000])  # warm-up
    gc.collect()
    t0 = time.process_time()
    _iter(lines)
    return (time.process_time() - t0) / len(lines) * E2E_RECORDS / jobs


def end_to_end(args: argparse.Namespace) -> list[list[str]]:
    path, _ = _records_file()
    reference = _reference(path, args.jobs)
    out = Path(tempfile.mkdtemp(prefix="adminnet-bulk-")) / "persons.parquet"
    run = bench_records.time_v(
        [sys.executable, __file__, "--pipeline", str(path), str(out), "--jobs", str(args.jobs)]
    )
    wall, max_rss, cpu, cpu_s = run["wall_s"], run["max_rss_mb"], run["cpu"], run["cpu_s"]
    peak_rss, peak_pss = run["sum_rss_mb"] * 2**20, run["sum_pss_mb"] * 2**20
    stdout, stderr, returncode = run["stdout_all"], run["stderr"], run["exit"]
    size = out.stat().st_size / 2**20 if out.exists() else 0.0
    print(stdout.strip())
    print(
        f"e2e: reference (iter_jsonl alone, one core, / {args.jobs}) {reference:.1f} s;"
        f" wall {wall:.1f} s, CPU {cpu} ({cpu_s:.1f} s user+sys,"
        f" {cpu_s / reference / args.jobs:.2f}x the reference's), max RSS {max_rss:.0f} MB,"
        " summed RSS"
        f" {peak_rss / 2**20:.0f} MB, PSS {peak_pss / 2**20:.0f} MB, Parquet {size:.0f} MB,"
        f" exit {returncode}"
    )
    if returncode != 0:
        print(stderr[-3000:])
    if out.exists():
        out.unlink()
    ok = returncode == 0
    command = (
        f"`{COMMAND} --e2e-only` (pool recipe of docs/scale.md, --jobs {args.jobs}; file:"
        f" `bench/make_records.py {E2E_RECORDS}`)"
    )
    verdict_s = "ok" if ok and wall < BUDGET_E2E_S else "OVER"
    verdict_mb = "ok" if ok and peak_rss / 2**20 < BUDGET_E2E_MB else "OVER"
    return [
        _row(
            f"bulk: e2e {E2E_RECORDS:,} Person JSONL to validated Parquet, wall",
            f"< {BUDGET_E2E_S:.0f} s: {verdict_s}",
            f"{wall:.1f} s ({E2E_RECORDS / wall / 1000:,.0f}k rec/s, CPU {cpu}, {cpu_s:.0f} s"
            f" user+sys = {cpu_s / reference / args.jobs:.2f}x the yardstick's; load average"
            f" {os.getloadavg()[0]:.1f}; {size:.0f} MB Parquet;"
            f" {'4,000,050 rows, 0 errors' if ok else 'OUTPUT WRONG'})",
            f"iter_jsonl alone, one core, {REFERENCE_LINES:,} lines, scaled to the file /"
            f" {args.jobs} cores",
            f"{reference:.1f} s",
            f"{wall / reference:.2f}",
            command,
        ),
        _row(
            f"bulk: e2e {E2E_RECORDS:,} Person JSONL to validated Parquet, peak memory",
            f"< {BUDGET_E2E_MB:.0f} MB: {verdict_mb}",
            f"{peak_rss / 2**20:.0f} MB summed RSS of all processes (PSS"
            f" {peak_pss / 2**20:.0f} MB, sampled); largest process {max_rss:.0f} MB (time -v)",
            "n/a",
            "n/a",
            "n/a",
            command,
        ),
    ]


# --- in process ----------------------------------------------------------------------------


def _lines(n: int, invalid: float) -> tuple[list[bytes], list[tuple[int, str]]]:
    lines: list[bytes] = []
    bad: list[tuple[int, str]] = []
    for block, block_bad in make_records.generate(n, invalid=invalid, names="mixed"):
        lines.extend(s.encode() for s in block)
        bad.extend(block_bad)
    return lines, bad


def _bulk(lines: list[bytes]) -> Any:
    return validate_batch(lines, "persons")


def _iter(lines: list[bytes]) -> Any:
    return sum(1 for _ in iter_jsonl(Person, lines, on_error=lambda _: None))


def pydantic_tables(lines: list[bytes]) -> tuple[Any, Any]:
    """pydantic v2 doing ``validate_batch``'s whole job: the same two Arrow tables.

    ``bench_records.PydanticPerson`` (the same rules and rule functions) validates each
    line; the valid records become the columns of ``arrow_schema("persons")`` (a date
    column from the dates, the gender as indexes into the fixed dictionary of its
    members) and every problem a row of the errors table (line, path, code, message).
    Written as a careful pydantic user would: one pass, columns as lists, one
    ``pa.array`` per column.
    """
    import pyarrow as pa

    from adminnet.export import arrow_schema

    schema = arrow_schema("persons")
    members = [g.value for g in Gender]
    index = {g: i for i, g in enumerate(Gender)}
    validate = bench_records.PydanticPerson.model_validate_json
    ids: list[str] = []
    names: list[str] = []
    nips: list[str | None] = []
    births: list[Any] = []
    genders: list[int | None] = []
    lines_: list[int] = []
    paths: list[str] = []
    codes: list[str] = []
    messages: list[str] = []
    for number, line in enumerate(lines, 1):
        try:
            m = validate(line)
        except pydantic.ValidationError as exc:
            for e in exc.errors(include_url=False):
                loc = e["loc"]
                lines_.append(number)
                paths.append("$" + "".join(f".{p}" for p in loc) if loc else "$")
                codes.append(e["type"])
                messages.append(e["msg"])
            continue
        ids.append(m.id)
        names.append(str(m.name))
        nips.append(m.nip)
        births.append(m.birth_date)
        genders.append(None if m.gender is None else index[m.gender])
    gender = pa.DictionaryArray.from_arrays(
        pa.array(genders, pa.int8()), pa.array(members, pa.string())
    )
    columns = [
        pa.array(ids, pa.string()),
        pa.array(names, pa.string()),
        pa.array(nips, pa.string()),
        pa.array(births, pa.date32()),
        gender,
    ]
    rows = pa.Table.from_arrays(columns, schema=schema)
    error_schema = pa.schema(
        [
            pa.field("line", pa.int64(), nullable=False),
            pa.field("path", pa.string(), nullable=False),
            pa.field("code", pa.string(), nullable=False),
            pa.field("message", pa.string(), nullable=False),
        ]
    )
    cells = (lines_, paths, codes, messages)
    errors = pa.Table.from_arrays(
        [pa.array(c, f.type) for c, f in zip(cells, error_schema, strict=True)],
        schema=error_schema,
    )
    return rows, errors


def _time(loaders: dict[str, Any], lines: list[bytes], repeat: int) -> dict[str, float]:
    """Median CPU seconds of each loader, repetitions interleaved (rotating the order)."""
    names = list(loaders)
    times: dict[str, list[float]] = {k: [] for k in names}
    for name in names:
        loaders[name](lines[:2000])  # warm-up
    for r in range(repeat):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            gc.collect()
            t0 = time.process_time()
            loaders[name](lines)
            times[name].append(time.process_time() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def _exactness(lines: list[bytes], bad: list[tuple[int, str]]) -> tuple[bool, str]:
    errors = validate_batch(lines, "persons").errors.to_pylist()
    got = [(e["line"], e["path"], e["code"], e["message"]) for e in errors]
    found: list[InvalidDataError] = []
    for _ in iter_jsonl(Person, lines, on_error=found.append):
        pass
    same = got == [(d.line, d.path, d.code, d.message) for e in found for d in e.errors]
    expected = sorted((line, *make_records.INVALID_KINDS[kind]) for line, kind in bad)
    exact = same and [(line, path, code) for line, path, code, _ in got] == expected
    summary = (
        f"{len(got):,} errors for {len(bad):,} invalid lines: (line, path, code) as expected"
        f" {'yes' if exact else 'NO'}; (line, path, code, message) == iter_jsonl"
        f" {'yes' if same else 'NO'}"
    )
    return exact, summary


def in_process(args: argparse.Namespace) -> list[list[str]]:
    rows: list[list[str]] = []
    cmd = f"`{COMMAND} --no-e2e --no-engines`"
    happy, _ = _lines(args.n, 0.0)
    t = _time({"validate_batch": _bulk, "iter_jsonl": _iter}, happy, args.repeat)
    rate, base = len(happy) / t["validate_batch"], len(happy) / t["iter_jsonl"]
    print(f"happy: validate_batch {_rate(rate)}, iter_jsonl alone {_rate(base)} (one core)")
    rows.append(
        _row(
            f"bulk: validate_batch {len(happy):,} valid Person lines, one core, throughput",
            "n/a (informative)",
            _rate(rate),
            "iter_jsonl alone (no table)",
            _rate(base),
            f"{rate / base:.2f}",
            cmd,
        )
    )
    mixed, bad = _lines(args.n, args.invalid)
    loaders = {
        "validate_batch": _bulk,
        "pydantic_tables": pydantic_tables,
        "pydantic": load_pydantic,
        "iter_jsonl": _iter,
    }
    t = _time(loaders, mixed, args.repeat)
    ours, same_job = len(mixed) / t["validate_batch"], len(mixed) / t["pydantic_tables"]
    theirs, bare = len(mixed) / t["pydantic"], len(mixed) / t["iter_jsonl"]
    exact, summary = _exactness(mixed, bad)
    same = pydantic_tables(mixed)[0].equals(validate_batch(mixed, "persons").rows)
    ratio, ratio_bare = ours / same_job, ours / theirs
    print(
        f"errors: validate_batch {_rate(ours)}, pydantic with the same tables"
        f" {_rate(same_job)}: {ratio:.2f}x; pydantic validating only {_rate(theirs)}:"
        f" {ratio_bare:.2f}x (iter_jsonl alone {_rate(bare)}: validate_batch"
        f" {ours / bare:.2f}x of it)"
    )
    print(f"  {summary}")
    pct = f"{args.invalid:.0%}"
    metric = (
        f"bulk: validate_batch {len(mixed):,} Person lines, {pct} invalid (error path),"
        " one core, throughput"
    )
    peer = f"pydantic {pydantic.VERSION}"
    rows.append(
        _row(
            metric,
            ">= 1.0x pydantic making the same tables, every error exact:"
            f" {'ok' if ratio >= 1 and exact else 'OVER'}",
            f"{_rate(ours)}; {summary}",
            f"{peer}, same rows table (equal: {'yes' if same else 'NO'}) and an errors table",
            _rate(same_job),
            f"{ratio:.2f}",
            cmd,
        )
    )
    rows.append(
        _row(
            metric,
            "n/a (informative: the peer validates only, builds no table)",
            f"{_rate(ours)} (iter_jsonl alone, no table: {_rate(bare)})",
            f"{peer}, validation only",
            _rate(theirs),
            f"{ratio_bare:.2f}",
            cmd,
        )
    )
    return rows


# --- engines -------------------------------------------------------------------------------


def engines(args: argparse.Namespace) -> list[list[str]]:
    import pyarrow as pa

    rows: list[list[str]] = []
    tmp = Path(tempfile.mkdtemp(prefix="adminnet-engines-"))
    path = tmp / "persons.jsonl"
    lines, _ = _lines(ENGINE_RECORDS, args.invalid)
    path.write_bytes(b"".join(lines))
    single = validate_batch(path.read_bytes(), "persons")
    cores = 2
    cmd = f"`{COMMAND} --no-e2e` ({ENGINE_RECORDS:,} records, {args.invalid:.0%} invalid)"

    import dask

    dask_recipe = recipe("dask", tmp)
    with dask.config.set(scheduler="processes", num_workers=cores):
        t0 = time.perf_counter()
        valid, errors = dask_recipe.validate_text(str(path))
        frame, found = dask.compute(valid, errors)
        wall = time.perf_counter() - t0
    same = (
        pa.Table.from_pandas(frame, preserve_index=False)
        .cast(single.rows.schema)
        .equals(single.rows)
        and found.to_dict("records") == single.errors.to_pylist()
    )
    print(f"dask: {wall:.1f} s, {ENGINE_RECORDS / wall / cores:,.0f} rec/s per core, same {same}")
    rows.append(
        _row(
            "bulk: Dask map_partitions recipe, 2 processes, throughput per core",
            "same rows and errors as one process: " + ("ok" if same else "OVER"),
            f"{_rate(ENGINE_RECORDS / wall / cores)} per core ({wall:.1f} s wall incl. worker"
            f" start; load average {os.getloadavg()[0]:.1f})",
            "n/a",
            "n/a",
            "n/a",
            cmd,
        )
    )

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark.range(10).count()  # JVM warm
    spark_recipe = recipe("spark", None)
    t0 = time.perf_counter()
    valid, errors = spark_recipe.validate_text(spark, str(path))
    got_rows, got_errors = valid.toArrow(), errors.toArrow()
    wall = time.perf_counter() - t0
    spark.stop()
    same = got_rows.equals(spark_recipe.nullable_text(single.rows)) and got_errors.equals(
        spark_recipe.nullable_text(single.errors)
    )
    print(f"spark: {wall:.1f} s, {ENGINE_RECORDS / wall / cores:,.0f} rec/s per core, same {same}")
    rows.append(
        _row(
            "bulk: Spark mapInArrow recipe, local[2], throughput per core",
            "same rows and errors as one process: " + ("ok" if same else "OVER"),
            f"{_rate(ENGINE_RECORDS / wall / cores)} per core ({wall:.1f} s wall, warm"
            f" session; zipWithIndex line numbers included; load average"
            f" {os.getloadavg()[0]:.1f})",
            "n/a",
            "n/a",
            "n/a",
            cmd,
        )
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="bulk validation: Parquet, errors, engines")
    parser.add_argument("--n", type=int, default=100_000, help="records in process")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--invalid", type=float, default=0.1, help="error-path fraction")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-e2e", action="store_true")
    parser.add_argument("--e2e-only", action="store_true")
    parser.add_argument("--no-engines", action="store_true")
    parser.add_argument("--engines-only", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--pipeline", nargs=2, metavar=("JSONL", "PARQUET"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pipeline:
        return pipeline(*args.pipeline, args.jobs)
    rows: list[list[str]] = []
    if args.engines_only:
        rows += engines(args)
    elif not args.e2e_only:
        rows += in_process(args)
        if not args.no_engines:
            rows += engines(args)
    if not args.no_e2e and not args.engines_only:
        rows += end_to_end(args)
    if not args.no_write and rows:
        write_rows(rows, path=RESULTS, prefixes=sorted({" ".join(r[0].split()[:2]) for r in rows}))
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
