"""Perintah adminnet (the ``adminnet`` command line).

Commands (``adminnet COMMAND --help`` for each):

- ``check [FILE ...]``: load JSON Dataset documents (or JSON Lines of one entity type
  with ``--type``), report every load error with its path, then the rule violations;
  with no FILE, the bundled example (the LAN MoU of 16 March 2017).
- ``region QUERY``: search the Kemendagri region registry.
- ``nip NUMBER``: the parts of a NIP, or why it is invalid.
- ``schema TYPE``: the JSON Schema of an entity type.
- ``example``: print the bundled example.
- ``export (--popolo | --csv DIR) [FILE]``: Popolo JSON or CSV tables.
- ``extract FILE [--published DATE] [--json | --html]``: read an article: the mentions
  found with their spans, a draft dataset, and the draft's rule report.

Exit status: 0 clean; 1 rule errors (``check``) or an invalid value (``nip``); 2 an
unreadable or invalid input or a usage error.

Built on argparse (standard library, no extra dependency); every heavy import happens
inside the command that needs it, so ``adminnet --help`` answers at once.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

__all__ = ["main"]

EXIT_OK = 0
EXIT_RULE_ERRORS = 1
EXIT_INVALID_INPUT = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command killed by it

# Entity types --type and `schema` accept, by name (loaded lazily).
_TYPE_NAMES = (
    "Agency",
    "Agreement",
    "Dataset",
    "DigitalizationTarget",
    "Event",
    "Measurement",
    "Person",
    "Position",
    "PublicService",
    "Region",
    "Tenure",
)


def _type(name: str) -> type:
    import adminnet

    for candidate in _TYPE_NAMES:
        if candidate.lower() == name.lower():
            cls: type = getattr(adminnet, candidate)
            return cls
    msg = f"unknown type {name!r}; types: {', '.join(_TYPE_NAMES)}"
    raise argparse.ArgumentTypeError(msg)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="adminnet",
        description="Indonesian public administration data: check, look up, export.",
        epilog="Exit status: 0 ok, 1 rule errors or invalid value, 2 unreadable input.",
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("check", help="validate datasets (default: the bundled example)")
    p.add_argument("files", nargs="*", metavar="FILE", help="JSON dataset or JSON Lines file")
    p.add_argument("--type", dest="type_name", metavar="T", help="entity type of JSONL input")
    p.add_argument("--at", metavar="DATE", help="judge as of this ISO date (default today)")
    p.add_argument("--select", metavar="CODES", help="rule codes or prefixes, comma-separated")
    p.add_argument("--ignore", metavar="CODES", help="rule codes or prefixes to skip")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="processes for JSONL")
    p.add_argument("--max-errors", type=int, default=200, metavar="N", help="errors to print")

    p = sub.add_parser("region", help="search the Kemendagri region registry")
    p.add_argument("query", metavar="QUERY", help="a code or a name (e.g. 'kab. bogor')")
    p.add_argument("--as-of", metavar="DATE", help="registry as of this ISO date")
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("nip", help="explain a NIP (PNS, PPPK or legacy)")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("schema", help="print the JSON Schema of an entity type")
    p.add_argument("type_name", metavar="TYPE", help=", ".join(_TYPE_NAMES))

    p = sub.add_parser("example", help="print the bundled example dataset")
    p.add_argument("--format", choices=("json", "jsonl"), default="json")
    p.add_argument(
        "--type", dest="type_name", default="Person", metavar="T", help="entity type for jsonl"
    )

    p = sub.add_parser("export", help="export a dataset as Popolo JSON or CSV tables")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--popolo", action="store_true", help="Popolo JSON on stdout")
    what.add_argument("--csv", metavar="DIR", help="one CSV file per table into DIR")
    p.add_argument("file", nargs="?", metavar="FILE", help="JSON dataset (default: example)")

    from adminnet._cli_extract import add_parser as add_extract

    add_extract(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``adminnet`` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        import adminnet

        print(adminnet.__version__)
        return EXIT_OK
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "check": _check,
        "region": _region,
        "nip": _nip,
        "schema": _schema,
        "example": _example,
        "export": _export,
        "extract": _extract,
    }
    if args.command is None:
        parser.print_help()
        return EXIT_INVALID_INPUT
    from adminnet.errors import AdminnetError

    try:
        return commands[args.command](args)
    except argparse.ArgumentTypeError as exc:
        print(f"adminnet {args.command}: {exc}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    except AdminnetError as exc:
        print(f"adminnet {args.command}: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    except BrokenPipeError:
        # The reader went away (``adminnet check ... | head``): the outcome is unknown,
        # so say what a program killed by SIGPIPE says, never "ok"; and send the rest
        # of stdout nowhere so that the interpreter's final flush cannot fail again.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # e.g. standard output full: files are reported where read
        detail = _os_error(exc, "io.error")
        print(f"adminnet {args.command}: {detail.code}: {detail.message}", file=sys.stderr)
        return EXIT_INVALID_INPUT


# --- check -------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    from adminnet.errors import InvalidDataError

    if args.jobs < 1:
        print("adminnet check: --jobs must be at least 1", file=sys.stderr)
        return EXIT_INVALID_INPUT
    if args.max_errors < 0:
        print("adminnet check: --max-errors must be at least 0", file=sys.stderr)
        return EXIT_INVALID_INPUT
    jsonl = args.type_name is not None or any(f.endswith((".jsonl", ".ndjson")) for f in args.files)
    if jsonl:
        if not args.files:
            print("adminnet check: --type needs a FILE (or - for stdin)", file=sys.stderr)
            return EXIT_INVALID_INPUT
        return _check_jsonl(args, _type(args.type_name or "Person"))
    from adminnet.model.dataset import Dataset

    if not args.files:
        from adminnet.examples import lan_mou_2017

        datasets = [("bundled example lan_mou_2017", lan_mou_2017())]
    else:
        from adminnet.serialization import from_json

        datasets = []
        failures: list[tuple[str, Any]] = []  # every file's load errors, then one report
        for name in args.files:
            try:
                datasets.append((_shown(name), from_json(Dataset, _read(name))))
            except InvalidDataError as exc:
                failures.extend((_shown(name), d) for d in exc.errors)
            except OSError as exc:
                failures.append((_shown(name), _os_error(exc)))
        if failures:
            _print_load_errors(failures, args, sys.stdout)
            return EXIT_INVALID_INPUT
    dataset = datasets[0][1]
    for _, other in datasets[1:]:
        dataset = dataset.merge(other)
    from adminnet import rules

    report = rules.check(dataset, at=args.at, select=args.select, ignore=args.ignore)
    if args.json:
        out = {
            "inputs": [name for name, _ in datasets],
            "summary": dataset.summary(),
            "report": report.to_dict(),
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(_describe(", ".join(n for n, _ in datasets), dataset))
        print()
        print(report.to_text())
    return EXIT_OK if report.ok else EXIT_RULE_ERRORS


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as f:
        return f.read()


def _os_error(exc: OSError, code: str = "file.unreadable") -> Any:
    from adminnet.errors import ErrorDetail

    where = "" if exc.filename is None else f": {_shown(os.fsdecode(exc.filename))}"
    return ErrorDetail("$", code, f"{exc.strerror or exc}{where}")


def _shown(name: str) -> str:
    r"""A file name as printable text (undecodable bytes of a name as ``\xNN``)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _error_rows(errors: Sequence[tuple[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"file": f, "line": d.line, "path": d.path, "code": d.code, "message": d.message}
        for f, d in errors
    ]


def _error_line(name: str, d: Any) -> str:
    where = f"{name}:{d.line}" if d.line is not None else name
    return f"{where}: {d.path}  {d.code}  {d.message}"


def _print_load_errors(
    errors: Sequence[tuple[str, Any]], args: argparse.Namespace, out: IO[str]
) -> None:
    """The load errors of every file: one JSON object (``--json``) or a line each."""
    if args.json:
        print(json.dumps({"load_errors": _error_rows(errors)}, ensure_ascii=False), file=out)
        return
    for name, d in errors[: args.max_errors]:
        print(_error_line(name, d), file=out)
    if len(errors) > args.max_errors:
        print(f"... and {len(errors) - args.max_errors} more", file=out)


def _describe(source: str, ds: Any) -> str:
    """A human summary of a dataset: counts, agencies, people, events, agreements."""
    from adminnet.text.dates import format_date

    lines = [f"adminnet check: {source}"]
    counts = ", ".join(f"{k}: {n}" for k, n in ds.summary().items() if n)
    lines.append(f"  {counts or 'empty dataset'}")
    if ds.agencies:
        names = "; ".join(a.name + (f" ({a.acronym})" if a.acronym else "") for a in ds.agencies)
        lines.append(f"  agencies: {names}")
    lines.extend(f"  person: {p.name}" for p in ds.persons[:10])
    for e in ds.events:
        when = format_date(e.date)
        lines.append(f"  event: {e.name}, {when}" + (f", {e.venue}" if e.venue else ""))
        if e.chair_id and ds.contains("persons", e.chair_id):
            lines.append(f"    chaired by {ds.person(e.chair_id).name}")
        for verb, ids in (("witnessed by", e.witness_ids), ("attended by", e.attendee_ids)):
            known = [str(ds.person(i).name) for i in ids if ds.contains("persons", i)]
            if known:
                lines.append(f"    {verb} {'; '.join(known)}")
    for g in ds.agreements:
        areas = ", ".join(a.label for a in g.areas) or "no areas given"
        lines.append(
            f"  agreement: {g.kind.label} {g.id}, signed {g.signed_on or 'on an unknown date'},"
            f" {len(g.parties)} parties; {areas}"
        )
    for t in ds.targets:
        due = f" by {t.due}" if t.due else ""
        value = f"{t.target_value} {t.indicator.unit}{due}"
        lines.append(f"  target: {t.indicator.label} = {value} ({t.agency_id})")
    return "\n".join(lines)


def _check_jsonl(args: argparse.Namespace, cls: type) -> int:
    """Load JSONL files; every file is read even after an unreadable one."""
    tally = _Tally(0)  # the counts of all files
    errors: list[tuple[str, Any]] = []  # the first --max-errors, with their file
    progress = _Progress(enabled=sys.stderr.isatty() and not args.json)
    for name in args.files:
        room = args.max_errors - len(errors)
        try:
            if args.jobs > 1 and name != "-" and os.path.isfile(name):
                part = _parallel_jsonl(name, cls, args.jobs, room)
            else:
                part = _serial_jsonl(name, cls, room, progress)
        except OSError as exc:
            part = _Tally(room)
            part.add(_os_error(exc))
            part.unreadable = 1
        tally.merge(part)
        errors.extend((_shown(name), d) for d in part.kept)
    progress.done()
    valid = tally.records - tally.bad_records
    if args.json:
        out = {
            "type": cls.__name__,
            "records": tally.records,
            "valid": valid,
            "invalid": tally.bad_records,
            "problems": tally.problems,
            "unreadable_files": tally.unreadable,
            "errors": _error_rows(errors),
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        for f, d in errors:
            print(_error_line(f, d))
        if tally.problems > len(errors):
            print(f"... {tally.problems} problems in all")
        problems = "problem" if tally.problems == 1 else "problems"
        print(
            f"{tally.records} {cls.__name__} records read, {valid} valid,"
            f" {tally.problems} {problems}"
        )
    return EXIT_INVALID_INPUT if tally.problems else EXIT_OK


class _Tally:
    """Records, bad records and problems of JSONL input, keeping the first ``keep`` errors.

    A bad record is a line with at least one problem: iter_jsonl reports each bad
    line once, with all its problems, so counting the reports counts the bad lines.
    """

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.kept: list[Any] = []
        self.records = 0
        self.bad_records = 0
        self.problems = 0
        self.unreadable = 0

    def add(self, detail: Any) -> None:
        self.problems += 1
        if len(self.kept) < self.keep:
            self.kept.append(detail)

    def bad_line(self, details: Sequence[Any]) -> None:
        self.bad_records += 1
        for d in details:
            self.add(d)

    def merge(self, other: _Tally) -> None:
        """Add the counts of ``other`` (its kept errors stay with it)."""
        self.records += other.records
        self.bad_records += other.bad_records
        self.problems += other.problems
        self.unreadable += other.unreadable


class _Progress:
    """A progress line on stderr (records, records/s, errors so far) for terminals."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.perf_counter()
        self.last = 0.0

    def update(self, records: int, errors: int) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < 0.5:
            return
        self.last = now
        rate = records / max(now - self.start, 1e-9)
        sys.stderr.write(f"\r{records:,} records  {rate:,.0f}/s  {errors:,} errors ")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _lines(name: str) -> Iterator[bytes]:
    if name == "-":
        yield from sys.stdin.buffer
        return
    with open(name, "rb") as f:
        yield from f


def _serial_jsonl(name: str, cls: type, keep: int, progress: _Progress) -> _Tally:
    from adminnet.serialization import iter_jsonl

    tally = _Tally(keep)

    def on_error(exc: Any) -> None:
        tally.bad_line(exc.errors)

    lines = _counting(_lines(name))
    for records, _ in enumerate(iter_jsonl(cls, lines, on_error=on_error), 1):
        if not records % 65536:
            progress.update(records, tally.problems)
    tally.records = lines.count
    return tally


class _counting:  # noqa: N801 - a tiny iterator wrapper
    """Iterate lines while counting the non-blank ones."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self.lines = lines
        self.count = 0

    def __iter__(self) -> _counting:
        return self

    def __next__(self) -> bytes:
        line = next(self.lines)
        if line.strip():
            self.count += 1
        return line


def _chunks(name: str, jobs: int) -> list[tuple[int, int, int]]:
    """Split a file into ``jobs`` byte ranges at line ends: (start, end, first line)."""
    size = os.path.getsize(name)
    bounds = [0]
    with open(name, "rb") as f:
        for i in range(1, jobs):
            f.seek(max(bounds[-1], size * i // jobs))
            f.readline()
            bounds.append(min(f.tell(), size))
    bounds.append(size)
    result = []
    line = 1
    with open(name, "rb") as f:
        for start, end in itertools.pairwise(bounds):
            result.append((start, end, line))
            f.seek(start)
            remaining = end - start
            while remaining > 0:
                block = f.read(min(remaining, 1 << 22))
                if not block:
                    break
                remaining -= len(block)
                line += block.count(b"\n")
    return result


def _work(task: tuple[str, str, int, int, int, int]) -> _Tally:
    name, type_name, start, end, first_line, keep = task
    import attrs

    from adminnet.serialization import iter_jsonl

    cls = _type(type_name)
    tally = _Tally(keep)

    def on_error(exc: Any) -> None:
        details = exc.errors
        if len(tally.kept) < keep:  # line numbers of the whole file, for the kept ones
            details = [attrs.evolve(d, line=(d.line or 1) + first_line - 1) for d in details]
        tally.bad_line(details)

    def lines() -> Iterator[bytes]:
        with open(name, "rb") as f:
            f.seek(start)
            pos = start
            while pos < end:
                line = f.readline()
                if not line:
                    break
                pos += len(line)
                yield line

    counted = _counting(lines())
    for _ in iter_jsonl(cls, counted, on_error=on_error):
        pass
    tally.records = counted.count
    return tally


def _parallel_jsonl(name: str, cls: type, jobs: int, keep: int) -> _Tally:
    import multiprocessing

    tasks = [(name, cls.__name__, s, e, line, keep) for s, e, line in _chunks(name, jobs)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        results = pool.map(_work, tasks)
    tally = _Tally(keep)
    for part in results:
        tally.merge(part)
        tally.kept.extend(part.kept[: keep - len(tally.kept)])
    return tally


# --- region, nip, schema, example, export -------------------------------------------


def _region(args: argparse.Namespace) -> int:
    from adminnet import regions

    # A code (dotted or compact) is that region; anything else is searched by name.
    by_code = regions.get(args.query, as_of=args.as_of)
    if by_code is not None and args.limit > 0:
        found = [by_code]
    else:
        found = regions.search(args.query, limit=args.limit, as_of=args.as_of)
    rows = []
    for r in found:
        province = regions.get(r.code[:2], as_of=args.as_of) if r.level > 1 else r
        rows.append(
            {
                "code": r.code,
                "official_name": r.official_name,
                "kind": r.kind.value,
                "province": province.official_name if province else None,
                "timezone": r.timezone,
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _table(rows, ("code", "official_name", "kind", "province", "timezone"), sys.stdout)
    if not rows:
        print(f"no region matches {args.query!r}", file=sys.stderr)
        return EXIT_RULE_ERRORS
    return EXIT_OK


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    widths = {c: max([len(c), *(len(str(r[c] or "")) for r in rows)]) for c in columns}
    out.write("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(str(r[c] or "").ljust(widths[c]) for c in columns).rstrip() + "\n")


def _nip(args: argparse.Namespace) -> int:
    from adminnet.errors import ValidationError
    from adminnet.ids import nip

    try:
        record = nip.parse(args.number)
    except ValidationError as exc:
        if args.json:
            print(json.dumps({"valid": False, "code": exc.code, "message": exc.message}))
        else:
            print(f"invalid NIP: {exc.message} ({exc.code})")
        return EXIT_RULE_ERRORS
    info = {
        "valid": True,
        "number": record.number,
        "formatted": nip.format(record.number),
        "kind": record.kind.value,
        "kind_label": record.kind.label,
        "birth_date": None if record.birth_date is None else record.birth_date.isoformat(),
        "appointed": None if record.appointed is None else str(record.appointed),
        "gender": None if record.gender is None else record.gender.value,
        "serial": record.serial,
        "code": record.code,
    }
    if args.json:
        print(json.dumps(info))
    else:
        for key, value in info.items():
            if value is not None and key != "valid":
                print(f"{key:<12} {value}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from adminnet.export import json_schema

    print(json.dumps(json_schema(_type(args.type_name)), ensure_ascii=False, indent=2))
    return EXIT_OK


_COLLECTIONS = {
    "Agency": "agencies",
    "Person": "persons",
    "Position": "positions",
    "Tenure": "tenures",
    "Agreement": "agreements",
    "Event": "events",
    "PublicService": "services",
    "DigitalizationTarget": "targets",
    "Measurement": "measurements",
}


def _example(args: argparse.Namespace) -> int:
    from adminnet.examples import lan_mou_2017
    from adminnet.serialization import to_json, write_jsonl

    ds = lan_mou_2017()
    if args.format == "json":
        print(to_json(ds, indent=2))
        return EXIT_OK
    cls = _type(args.type_name)
    if cls.__name__ not in _COLLECTIONS:
        msg = f"--type must be one of {', '.join(_COLLECTIONS)} for jsonl"
        raise argparse.ArgumentTypeError(msg)
    write_jsonl(getattr(ds, _COLLECTIONS[cls.__name__]), sys.stdout)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from adminnet.errors import InvalidDataError
    from adminnet.model.dataset import Dataset

    if args.file is None:
        from adminnet.examples import lan_mou_2017

        ds = lan_mou_2017()
    else:
        from adminnet.serialization import from_json

        shown = _shown(args.file)
        try:
            ds = from_json(Dataset, _read(args.file))
        except InvalidDataError as exc:
            failures = [(shown, d) for d in exc.errors]
        except OSError as exc:
            failures = [(shown, _os_error(exc))]
        else:
            failures = []
        if failures:  # on stderr: stdout is for the export
            plain = argparse.Namespace(json=False, max_errors=200)
            _print_load_errors(failures, plain, sys.stderr)
            return EXIT_INVALID_INPUT
    if args.popolo:
        from adminnet.export import to_popolo

        print(json.dumps(to_popolo(ds), ensure_ascii=False, indent=2))
        return EXIT_OK
    import csv

    from adminnet.export import to_records

    try:
        os.makedirs(args.csv, exist_ok=True)
        for table, rows in to_records(ds).items():
            path = os.path.join(args.csv, f"{table}.csv")
            with open(path, "w", encoding="utf-8", newline="") as f:
                if rows:
                    writer = csv.DictWriter(f, fieldnames=list(rows[0]))
                    writer.writeheader()
                    writer.writerows(rows)
            print(f"{_shown(path)}: {len(rows)} rows", file=sys.stderr)
    except OSError as exc:
        detail = _os_error(exc, "file.unwritable")
        print(f"adminnet export: {detail.code}: {detail.message}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


# --- extract -------------------------------------------------------------------------


def _extract(args: argparse.Namespace) -> int:
    from adminnet._cli_extract import run

    return run(args)
