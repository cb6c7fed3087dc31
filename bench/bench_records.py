"""Benchmark loading Person records from JSON Lines: adminnet vs pydantic v2 vs msgspec.

Usage (from the repository root)::

    .venv/bin/python bench/bench_records.py              # everything, update RESULTS.md
    .venv/bin/python bench/bench_records.py --no-e2e     # in-process comparison only
    .venv/bin/python bench/bench_records.py --e2e-only   # the 4,000,050-record CLI run
    .venv/bin/python bench/bench_records.py --no-write   # print only
    .venv/bin/python bench/bench_records.py --profile    # cProfile of adminnet (PROFILE.md)
    .venv/bin/python bench/bench_records.py --parts      # adminnet's time by part (PROFILE.md)

**In process** (one interpreter, the same input for all three, repetitions interleaved,
median time, ratio of throughputs):

- adminnet: ``serialization.iter_jsonl(Person, lines, on_error=...)``;
- pydantic v2: ``PydanticPerson.model_validate_json(line)``, a ``BaseModel``
  (``strict``, ``extra="forbid"``) with a pattern-constrained id, field validators
  for the name and the NIP and a model validator for the NIP's agreement with the
  birth date and gender;
- msgspec: ``msgspec.json.Decoder(MsgspecPerson).decode(line)``, a ``Struct``
  (``forbid_unknown_fields``) with a pattern-constrained id and ``__post_init__``.

Same rules for all three, and for the rules themselves the *same functions*, so the
comparison is about the framework: the name (a string parsed with
``adminnet.text.names.parse_name``, or ``{given, prefixes, suffixes}`` built as an
``adminnet.text.names.PersonName``), the NIP structure, birth date, TMT, gender digit
and serial (``adminnet.ids.nip.validate``), the NIP agreeing with ``birth_date`` and
``gender``, the slug id, an ISO ``YYYY-MM-DD`` birth date, a gender value, unknown keys
refused. (adminnet gives ``pendulum.Date``, the peers ``datetime.date``.)

Times are the process's CPU time (``time.process_time``), medians: steadier than wall
time on a shared machine (wall medians are printed too). Input: ``bench/make_records.py``
in memory, names half strings and half objects. The happy path is all valid; the error
path has 10 % invalid lines, each broken in one known way, and adminnet's error list is
checked line by line against the expected (line, path, code): every invalid line reported
with its one exact error, no valid line reported. Budget of the error path: at least
pydantic's throughput (``DESIGN.md``).

**End to end**: ``adminnet check FILE --type Person --jobs 2`` (and ``--jobs 1``) on
4,000,050 records under ``/usr/bin/time -v``: wall time, the largest process's peak RSS
(what ``time -v`` reports) and the peak of the summed RSS and PSS of all the command's
processes (sampled every 0.2 s). The file (about 570 MB) is written once by
``make_records.py`` into ``$ADMINNET_BENCH_DIR`` (default ``/tmp/adminnet-bench``),
timed: the generator's own budget is under a minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import make_records
import msgspec
import pydantic
from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator
from run_all import machine, today, write_rows

from adminnet.errors import ValidationError as AdminnetValidationError
from adminnet.ids import nip as nip_module
from adminnet.ids._gender import Gender
from adminnet.model.person import Person
from adminnet.serialization import iter_jsonl
from adminnet.text.names import PersonName, parse_name

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_records.py"
DATA_DIR = Path(os.environ.get("ADMINNET_BENCH_DIR", "/tmp/adminnet-bench"))
E2E_RECORDS = 4_000_050
BUDGET_VS_PYDANTIC = 1.0  # DESIGN: "ahead of pydantic v2" ...
STRETCH_VS_PYDANTIC = 1.5  # ... "1.5x stays the stretch"
BUDGET_VS_MSGSPEC = 0.8
BUDGET_ERRORS_VS_PYDANTIC = 1.0  # the error path, 10 % invalid, every error exact
BUDGET_E2E_S = 30.0
BUDGET_E2E_MB = 200.0
BUDGET_GENERATE_S = 60.0

# --- the peers: same rules, same rule functions ----------------------------------------

_NAME_KEYS = frozenset(("given", "prefixes", "suffixes"))


def _name_from_json(value: Any) -> PersonName:
    """A JSON name (string or ``{given, prefixes, suffixes}``) as a PersonName."""
    if isinstance(value, str):
        return parse_name(value)
    if isinstance(value, dict):
        if not _NAME_KEYS.issuperset(value) or "given" not in value:
            msg = f"name object must have 'given' and only {sorted(_NAME_KEYS)}"
            raise ValueError(msg)
        return PersonName(
            given=value["given"],
            prefixes=value.get("prefixes", ()),
            suffixes=value.get("suffixes", ()),
        )
    msg = f"name must be a string or an object, not {type(value).__name__}"
    raise ValueError(msg)


def _check_agreement(nip: str | None, birth: dt.date | None, gender: Gender | None) -> None:
    """The NIP's birth date and gender digit agree with the fields (18-digit NIPs)."""
    if nip is None or len(nip) != 18:
        return
    if birth is not None and int(nip[:8]) != birth.year * 10000 + birth.month * 100 + birth.day:
        msg = f"NIP {nip} encodes birth date {nip[:8]}, not {birth}"
        raise ValueError(msg)
    if gender is not None and (nip[14] == "1") != (gender is Gender.MALE):
        msg = f"NIP {nip} encodes gender digit {nip[14]}, not {gender.value}"
        raise ValueError(msg)


class PydanticPerson(BaseModel):
    """pydantic v2: the Person rules as field and model validators."""

    model_config = ConfigDict(strict=True, extra="forbid", arbitrary_types_allowed=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-_.:][a-z0-9]+)*$")]
    name: PersonName
    nip: str | None = None
    birth_date: dt.date | None = None
    gender: Gender | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> PersonName:
        return _name_from_json(value)

    @field_validator("nip")
    @classmethod
    def _nip(cls, value: str | None) -> str | None:
        return None if value is None else nip_module.validate(value)

    @model_validator(mode="after")
    def _agree(self) -> PydanticPerson:
        _check_agreement(self.nip, self.birth_date, self.gender)
        return self


class MsgspecName(msgspec.Struct, forbid_unknown_fields=True):
    """msgspec: the object form of a name."""

    given: str
    prefixes: list[str] = []
    suffixes: list[str] = []


class MsgspecPerson(msgspec.Struct, forbid_unknown_fields=True):
    """msgspec: the Person rules in ``__post_init__``."""

    id: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(?:[-_.:][a-z0-9]+)*\Z")]
    name: str | MsgspecName  # a PersonName after __post_init__
    nip: str | None = None
    birth_date: dt.date | None = None
    gender: Gender | None = None

    def __post_init__(self) -> None:
        name = self.name
        if isinstance(name, str):
            self.name = parse_name(name)  # type: ignore[assignment]
        else:
            self.name = PersonName(  # type: ignore[assignment]
                given=name.given, prefixes=name.prefixes, suffixes=name.suffixes
            )
        if self.nip is not None:
            self.nip = nip_module.validate(self.nip)
        _check_agreement(self.nip, self.birth_date, self.gender)


# --- loaders: (lines) -> (records, [(line, path or None, code or message)]) -----------

Problems = list[tuple[int, str | None, str]]
Loader = Callable[[Sequence[bytes]], tuple[int, Problems]]


def load_adminnet(lines: Sequence[bytes]) -> tuple[int, Problems]:
    problems: Problems = []

    def on_error(exc: Any) -> None:
        problems.extend((d.line, d.path, d.code) for d in exc.errors)

    n = 0
    for _ in iter_jsonl(Person, lines, on_error=on_error):
        n += 1
    return n, problems


def load_pydantic(lines: Sequence[bytes]) -> tuple[int, Problems]:
    validate = PydanticPerson.model_validate_json
    problems: Problems = []
    n = 0
    for number, line in enumerate(lines, 1):
        try:
            validate(line)
        except pydantic.ValidationError as exc:
            for e in exc.errors():
                loc = e["loc"]
                path = "$" + "".join(f".{p}" for p in loc) if loc else None
                problems.append((number, path, e["type"]))
            continue
        n += 1
    return n, problems


_AT = re.compile(r" - at `(\$[^`]*)`$")


def load_msgspec(lines: Sequence[bytes]) -> tuple[int, Problems]:
    decode = msgspec.json.Decoder(MsgspecPerson).decode
    problems: Problems = []
    n = 0
    for number, line in enumerate(lines, 1):
        try:
            decode(line)
        except (msgspec.ValidationError, msgspec.DecodeError) as exc:
            text = str(exc)
            m = _AT.search(text)
            problems.append((number, m.group(1) if m else None, text[:80]))
            continue
        except AdminnetValidationError as exc:  # pragma: no cover - wrapped by msgspec
            problems.append((number, None, exc.code))
            continue
        n += 1
    return n, problems


def peer_version(peer: str) -> str:
    """The peer library named with its version, as the rows show it ("pydantic 2.14.4")."""
    return (
        f"pydantic {pydantic.VERSION}" if peer == "pydantic" else f"msgspec {msgspec.__version__}"
    )


LOADERS: dict[str, Loader] = {
    "adminnet": load_adminnet,
    "pydantic": load_pydantic,
    "msgspec": load_msgspec,
}


def _lines(n: int, *, invalid: float, names: str) -> tuple[list[bytes], list[tuple[int, str]]]:
    lines: list[bytes] = []
    bad: list[tuple[int, str]] = []
    for block, block_bad in make_records.generate(n, invalid=invalid, names=names):
        lines.extend(s.encode() for s in block)
        bad.extend(block_bad)
    return lines, bad


def _compare(lines: list[bytes], repeat: int) -> dict[str, dict[str, Any]]:
    """Time every loader ``repeat`` times, interleaved (rotating the order)."""
    names = list(LOADERS)
    times: dict[str, list[float]] = {k: [] for k in names}
    walls: dict[str, list[float]] = {k: [] for k in names}
    last: dict[str, tuple[int, Problems]] = {}
    for name in names:  # warm-up: imports, caches, lazy set-up
        last[name] = LOADERS[name](lines[:2000])
    for r in range(repeat):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            gc.collect()
            w0, t0 = time.perf_counter(), time.process_time()
            last[name] = LOADERS[name](lines)
            times[name].append(time.process_time() - t0)
            walls[name].append(time.perf_counter() - w0)
    out = {}
    for name in names:
        median = statistics.median(times[name])
        out[name] = {
            "median_s": median,
            "wall_s": statistics.median(walls[name]),
            "rate": len(lines) / median,
            "spread": (max(times[name]) - min(times[name])) / median,
            "ok": last[name][0],
            "problems": last[name][1],
        }
    return out


def _exactness(
    problems: Problems, bad: list[tuple[int, str]], n_lines: int
) -> tuple[bool, str, list[str]]:
    """adminnet's problems against the expected (line, path, code): exact or not."""
    expected = {line: make_records.INVALID_KINDS[kind] for line, kind in bad}
    got: dict[int, list[tuple[str | None, str]]] = {}
    for line, path, code in problems:
        got.setdefault(line, []).append((path, code))
    wrong = [ln for ln, pc in expected.items() if got.get(ln) != [pc]]
    extra = [ln for ln in got if ln not in expected]
    exact = not wrong and not extra and len(problems) == len(expected)
    summary = (
        f"{len(expected) - len(wrong):,}/{len(expected):,} invalid lines reported with their"
        f" exact line, path and code; {len(extra)} valid lines reported; {len(problems):,}"
        f" errors in all ({len({c for _, c in expected.values()})} codes)"
    )
    samples = [f"line {ln}: {p}  {c}" for ln, p, c in problems[:: max(1, len(problems) // 6)]][:6]
    return exact, summary, samples


def _peer_detection(problems: Problems, bad: list[tuple[int, str]]) -> str:
    flagged = {ln for ln, _, _ in problems}
    expected = {ln for ln, _ in bad}
    with_path = sum(1 for _, p, _ in problems if p is not None)
    return (
        f"{len(flagged & expected):,}/{len(expected):,} invalid lines flagged,"
        f" {len(flagged - expected)} valid lines flagged, {len(problems):,} errors,"
        f" {with_path:,} with a path"
    )


# --- end to end ---------------------------------------------------------------------


def _records_file() -> tuple[Path, float | None]:
    """The 4,000,050-record file: (path, seconds it took to write, None if it existed)."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / f"persons-{E2E_RECORDS}.jsonl"
    if path.exists() and path.stat().st_size > 0:
        return path, None
    tmp = path.with_suffix(".tmp")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_records.py"), str(E2E_RECORDS), "-o", str(tmp)],
        check=True,
    )
    elapsed = time.perf_counter() - t0
    tmp.rename(path)
    return path, elapsed


def time_generator(n: int = E2E_RECORDS) -> float:
    """Seconds to write ``n`` records with make_records.py (a fresh interpreter, to /tmp)."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    out = DATA_DIR / "generate-timing.jsonl"
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_records.py"), str(n), "-o", str(out)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - t0
    out.unlink()
    return elapsed


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return pids


def _memory(pids: list[int]) -> tuple[int, int]:
    """Summed RSS and PSS (bytes) of ``pids``."""
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return rss, pss


def time_v(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` under ``/usr/bin/time -v``, sampling the summed RSS/PSS of its processes.

    Also used by bench_bulk.py's end-to-end run.
    """
    cmd = ["/usr/bin/time", "-v", *cmd]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        rss, pss = _memory(_tree(proc.pid)[1:])  # not /usr/bin/time itself
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.2)
    out, err = proc.communicate()
    fields = {k.strip(): v.strip() for k, _, v in (ln.partition(": ") for ln in err.splitlines())}
    wall = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    parts = [float(x) for x in wall.split(":")]
    seconds = sum(x * 60 ** (len(parts) - 1 - i) for i, x in enumerate(parts))
    return {
        "wall_s": seconds,
        "max_rss_mb": int(fields.get("Maximum resident set size (kbytes)", "0")) / 1024,
        "sum_rss_mb": peak_rss / 2**20,
        "sum_pss_mb": peak_pss / 2**20,
        "cpu": fields.get("Percent of CPU this job got", "?"),
        "cpu_s": float(fields.get("User time (seconds)", "0"))
        + float(fields.get("System time (seconds)", "0")),
        "exit": int(fields.get("Exit status", proc.returncode)),
        "stdout": out.strip().splitlines()[-1] if out.strip() else "",
        "stdout_all": out,
        "stderr": err,
    }


def run_cli(path: Path, jobs: int) -> dict[str, Any]:
    """``adminnet check PATH --type Person --jobs N`` under /usr/bin/time -v."""
    exe = Path(sys.executable).parent / "adminnet"
    return time_v([str(exe), "check", str(path), "--type", "Person", "--jobs", str(jobs)])


def _cpu(run: dict[str, Any]) -> int:
    """The ``Percent of CPU this job got`` of a run, as an int (0 if unknown)."""
    text = str(run["cpu"]).rstrip("%")
    return int(text) if text.isdigit() else 0


# --- report -------------------------------------------------------------------------


def _rate(r: float) -> str:
    return f"{r / 1000:,.0f}k rec/s"


def _row(metric: str, budget: str, measured: str, peer: str, peer_value: str, ratio: str,
         command: str) -> list[str]:  # fmt: skip
    return [metric, budget, measured, peer, peer_value, ratio, today(), machine(), command]


def in_process(args: argparse.Namespace) -> list[list[str]]:
    rows: list[list[str]] = []
    cmd = f"`{COMMAND} --no-e2e`"
    print(f"{peer_version('pydantic')}, {peer_version('msgspec')}")
    lines, _ = _lines(args.n, invalid=0.0, names="mixed")
    happy = _compare(lines, args.repeat)
    for name, r in happy.items():
        if r["ok"] != len(lines):
            msg = f"{name} rejected valid records: {r['problems'][:3]}"
            raise SystemExit(msg)
        print(
            f"happy  {name:<9} {r['median_s']:.3f} s CPU ({r['wall_s']:.3f} s wall)"
            f"  {_rate(r['rate']):>14}  ({r['median_s'] / len(lines) * 1e6:.2f} us/record,"
            f" spread {r['spread']:.0%})"
        )
    ours = happy["adminnet"]
    for peer, budget in (("pydantic", BUDGET_VS_PYDANTIC), ("msgspec", BUDGET_VS_MSGSPEC)):
        theirs = happy[peer]
        ratio = ours["rate"] / theirs["rate"]
        ahead = peer == "pydantic"  # ahead of it (strictly), with a stretch goal
        verdict = "ok" if (ratio > budget if ahead else ratio >= budget) else "OVER BUDGET"
        limit = f"> {budget}x" if ahead else f">= {budget}x"
        stretch = ""
        if ahead:
            reached = "reached" if ratio >= STRETCH_VS_PYDANTIC else "not reached"
            stretch = f" ({STRETCH_VS_PYDANTIC}x the stretch: {reached})"
        print(f"  adminnet / {peer}: {ratio:.2f}x throughput (budget {limit}){stretch} {verdict}")
        rows.append(
            _row(
                f"records: load {len(lines):,} valid Person (JSONL, mixed names), throughput",
                f"{limit} {peer}{stretch}",
                _rate(ours["rate"]),
                peer_version(peer),
                _rate(theirs["rate"]),
                f"{ratio:.2f}",
                cmd,
            )
        )
    if args.forms:
        for form in ("string", "object"):
            form_lines, _ = _lines(args.n, invalid=0.0, names=form)
            res = _compare(form_lines, max(3, args.repeat // 2))
            text = ", ".join(f"{k} {_rate(v['rate'])}" for k, v in res.items())
            print(f"happy, names as {form}s only: {text}")
    # error path
    lines, bad = _lines(args.n, invalid=args.invalid, names="mixed")
    errors = _compare(lines, max(3, args.repeat - 2))
    for name, r in errors.items():
        print(
            f"errors {name:<9} {r['median_s']:.3f} s CPU ({r['wall_s']:.3f} s wall)"
            f"  {_rate(r['rate']):>14}  ({r['median_s'] / len(lines) * 1e6:.2f} us/record)"
        )
    exact, summary, samples = _exactness(errors["adminnet"]["problems"], bad, len(lines))
    print(f"  adminnet: {summary}: {'EXACT' if exact else 'NOT EXACT'}")
    for s in samples:
        print(f"    {s}")
    for peer in ("pydantic", "msgspec"):
        print(f"  {peer}: {_peer_detection(errors[peer]['problems'], bad)}")
        kinds = Counter(c for _, p, c in errors[peer]["problems"] if p is None)
        if kinds:
            print(f"    without a path: {sum(kinds.values()):,} (e.g. {next(iter(kinds))!r})")
    pct = f"{args.invalid:.0%}"
    for peer in ("pydantic", "msgspec"):
        theirs = errors[peer]
        ratio = errors["adminnet"]["rate"] / theirs["rate"]
        budget = "n/a (informative)"
        if peer == "pydantic":
            verdict = "ok" if ratio >= BUDGET_ERRORS_VS_PYDANTIC else "OVER"
            budget = f">= {BUDGET_ERRORS_VS_PYDANTIC}x pydantic: {verdict}"
            print(f"  error path, adminnet / pydantic: {ratio:.2f}x throughput ({budget})")
        rows.append(
            _row(
                f"records: load {len(lines):,} Person, {pct} invalid (error path), throughput",
                budget,
                _rate(errors["adminnet"]["rate"]),
                peer_version(peer),
                _rate(theirs["rate"]),
                f"{ratio:.2f}",
                cmd,
            )
        )
    rows.append(
        _row(
            f"records: error path ({pct} invalid, 19 kinds) exact",
            f"every error exact (line, path, code): {'ok' if exact else 'OVER'}",
            ("exact: " if exact else "NOT EXACT: ") + summary,
            "pydantic / msgspec",
            f"{_peer_detection(errors['pydantic']['problems'], bad)} / "
            f"{_peer_detection(errors['msgspec']['problems'], bad)}",
            "n/a",
            cmd,
        )
    )
    return rows


def end_to_end(args: argparse.Namespace) -> list[list[str]]:
    rows: list[list[str]] = []
    gen = [time_generator() for _ in range(args.e2e_runs)]
    gen_s = statistics.median(gen)
    print(f"make_records.py {E2E_RECORDS:,}: {', '.join(f'{g:.1f}' for g in gen)} s")
    rows.append(
        _row(
            f"records: make_records.py writes {E2E_RECORDS:,} records (median)",
            f"< {BUDGET_GENERATE_S:.0f} s",
            f"{gen_s:.1f} s",
            "n/a",
            "n/a",
            "n/a",
            f"`.venv/bin/python bench/make_records.py {E2E_RECORDS} -o /tmp/persons.jsonl`",
        )
    )
    path, _ = _records_file()
    for jobs in args.jobs:
        runs = [run_cli(path, jobs) for _ in range(args.e2e_runs)]
        for r in runs:
            print(
                f"adminnet check --jobs {jobs}: wall {r['wall_s']:.1f} s, max RSS (time -v)"
                f" {r['max_rss_mb']:.0f} MB, summed RSS {r['sum_rss_mb']:.0f} MB, summed PSS"
                f" {r['sum_pss_mb']:.0f} MB, CPU {r['cpu']}, exit {r['exit']}: {r['stdout']}"
            )
        # A run in which the command got less than 90 % of its cores was slowed by other
        # work on this shared machine: the wall figure is the median of the others.
        clean = [r for r in runs if _cpu(r) >= 90 * jobs] or runs
        wall = statistics.median(r["wall_s"] for r in clean)
        each = ", ".join(f"{r['wall_s']:.1f} s at {r['cpu']}" for r in runs)
        note = (
            f"median of {len(clean)} of {len(runs)} runs with >= {90 * jobs} % CPU"
            if clean is not runs and len(clean) < len(runs)
            else f"median of {len(runs)}"
            + ("" if any(_cpu(r) >= 90 * jobs for r in runs) else ", all CONTENDED")
        )
        rss = statistics.median(r["max_rss_mb"] for r in runs)
        total_rss = statistics.median(r["sum_rss_mb"] for r in runs)
        total_pss = statistics.median(r["sum_pss_mb"] for r in runs)
        exits = sorted({r["exit"] for r in runs})
        command = (
            f"`/usr/bin/time -v .venv/bin/adminnet check persons.jsonl --type Person"
            f" --jobs {jobs}` (file: `bench/make_records.py {E2E_RECORDS}`)"
        )
        budgeted = jobs == max(args.jobs)
        rows.append(
            _row(
                f"records: e2e `adminnet check` {E2E_RECORDS:,} Person, --jobs {jobs}, wall"
                f" (exit {'/'.join(map(str, exits))})",
                f"< {BUDGET_E2E_S:.0f} s" if budgeted else "n/a (informative)",
                f"{wall:.1f} s ({E2E_RECORDS / wall / 1000:,.0f}k rec/s; {note}; runs: {each})",
                "n/a",
                "n/a",
                "n/a",
                command,
            )
        )
        rows.append(
            _row(
                f"records: e2e `adminnet check` {E2E_RECORDS:,} Person, --jobs {jobs}, peak RSS",
                f"< {BUDGET_E2E_MB:.0f} MB" if budgeted else "n/a (informative)",
                f"{rss:.0f} MB largest process (time -v); all processes: RSS {total_rss:.0f} MB,"
                f" PSS {total_pss:.0f} MB (sampled)",
                "n/a",
                "n/a",
                "n/a",
                command,
            )
        )
    return rows


def profile(args: argparse.Namespace) -> None:
    """cProfile of iter_jsonl(Person) on the happy path and on the error path (top 25)."""
    import cProfile
    import pstats

    for label, invalid in (("happy path", 0.0), (f"{args.invalid:.0%} invalid", args.invalid)):
        lines, _ = _lines(args.n, invalid=invalid, names="mixed")
        load_adminnet(lines[:2000])
        prof = cProfile.Profile()
        prof.enable()
        load_adminnet(lines)
        prof.disable()
        print(f"=== cProfile, iter_jsonl(Person), {len(lines):,} lines, {label}")
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def _cpu_per_item(fn: Callable[[], object], items: int, repeat: int) -> float:
    """Median CPU time of ``fn()`` per item, in us (gc paused while timing)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
        gc.enable()
    return statistics.median(times) / items * 1e6


def parts(args: argparse.Namespace) -> None:
    """Where adminnet's time goes: the shared rule functions alone, and the loader
    with them replaced by lookups of their precomputed results (PROFILE.md)."""
    import orjson

    import adminnet.serialization._person as fast

    lines, _ = _lines(args.n, invalid=0.0, names="mixed")
    docs = [orjson.loads(line) for line in lines]
    texts = [d["name"] for d in docs if isinstance(d["name"], str)]
    objects = [d["name"] for d in docs if isinstance(d["name"], dict)]
    nips = [d["nip"] for d in docs if d.get("nip")]
    n, rep = len(lines), args.repeat

    def each(fn: Callable[[Any], object], items: Sequence[Any]) -> Callable[[], None]:
        def run() -> None:
            for item in items:
                fn(item)

        return run

    def person_name(value: dict[str, Any]) -> PersonName:
        return PersonName(
            given=value["given"], prefixes=value["prefixes"], suffixes=value["suffixes"]
        )

    def load() -> None:
        for _ in iter_jsonl(Person, lines):
            pass

    rows = [
        ("parse_name, string names", each(parse_name, texts), len(texts)),
        ("PersonName(...), object names (the peers)", each(person_name, objects), len(objects)),
        ("nip.validate", each(nip_module.validate, nips), len(nips)),
        ("orjson.loads", each(orjson.loads, lines), n),
        (
            "the line regex + groups",
            each(lambda b: fast._LINE.match(b.decode("latin-1")).groups(), lines),
            n,
        ),  # type: ignore[union-attr]
        ("iter_jsonl(Person), all of it", load, n),
    ]
    for label, fn, items in rows:
        us = _cpu_per_item(fn, items, rep)
        print(f"{label:45} {us:6.2f} us each  {us * items / n:6.2f} us a record")
    # The accelerator looks its rules up on their modules at each call: replace them.
    import adminnet.text.names as names_module

    parsed = {t: parse_name(t) for t in texts}
    real = (names_module.parse_name, nip_module.validate)
    try:
        names_module.parse_name = parsed.__getitem__  # type: ignore[assignment]
        us = _cpu_per_item(load, n, rep)
        print(f"{'iter_jsonl, parse_name looked up':45} {us:6.2f} us a record")
        nip_module.validate = str  # type: ignore[assignment]
        us = _cpu_per_item(load, n, rep)
        print(f"{'iter_jsonl, parse_name and nip looked up':45} {us:6.2f} us a record")
    finally:
        names_module.parse_name, nip_module.validate = real  # type: ignore[misc]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Person JSONL: adminnet vs pydantic vs msgspec")
    parser.add_argument("--n", type=int, default=100_000, help="records in process")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--invalid", type=float, default=0.1, help="error-path fraction")
    parser.add_argument("--forms", action="store_true", help="also string-only, object-only")
    parser.add_argument("--no-e2e", action="store_true", help="skip the 4,000,050 CLI run")
    parser.add_argument("--e2e-only", action="store_true")
    parser.add_argument("--e2e-runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs to run")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile adminnet and stop")
    parser.add_argument("--parts", action="store_true", help="time adminnet's parts and stop")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args)
        return 0
    if args.parts:
        parts(args)
        return 0
    rows: list[list[str]] = []
    if not args.e2e_only:
        rows += in_process(args)
    if not args.no_e2e:
        rows += end_to_end(args)
    if not args.no_write and rows:
        if args.e2e_only:
            prefixes = ["records: e2e", "records: make"]
        elif args.no_e2e:
            prefixes = ["records: load", "records: error"]
        else:
            prefixes = ["records:"]
        write_rows(rows, path=RESULTS, prefixes=prefixes)
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
