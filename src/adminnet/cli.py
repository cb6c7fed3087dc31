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

Exit status: 0 clean; 1 rule errors (``check``) or an invalid value (``nip``); 2 an
unreadable or invalid input or a usage error.

Built on argparse (standard library, no extra dependency); every heavy import happens
inside the command that needs it, so ``adminnet --help`` answers at once.
"""

from __future__ import annotations

import argparse
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
        return EXIT_OK


# --- check -------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    from adminnet.errors import InvalidDataError

    if args.jobs < 1:
        print("adminnet check: --jobs must be at least 1", file=sys.stderr)
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
        failed = False
        for name in args.files:
            try:
                datasets.append((name, from_json(Dataset, _read(name))))
            except InvalidDataError as exc:
                failed = True
                _print_load_errors(name, exc.errors, args)
            except OSError as exc:
                failed = True
                _print_load_errors(name, [_os_error(exc)], args)
        if failed:
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


def _os_error(exc: OSError) -> Any:
    from adminnet.errors import ErrorDetail

    return ErrorDetail("$", "file.unreadable", f"{exc.strerror or exc}: {exc.filename}")


def _print_load_errors(name: str, details: Sequence[Any], args: argparse.Namespace) -> None:
    if args.json:
        rows = [
            {"file": name, "line": d.line, "path": d.path, "code": d.code, "message": d.message}
            for d in details
        ]
        print(json.dumps({"file": name, "load_errors": rows}, ensure_ascii=False))
        return
    for d in details[: args.max_errors]:
        where = f"{name}:{d.line}" if d.line is not None else name
        print(f"{where}: {d.path}  {d.code}  {d.message}")
    if len(details) > args.max_errors:
        print(f"... and {len(details) - args.max_errors} more")


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
    total = 0
    errors: list[Any] = []
    error_count = 0
    progress = _Progress(enabled=sys.stderr.isatty() and not args.json)
    for name in args.files:
        try:
            if args.jobs > 1 and name != "-" and os.path.isfile(name):
                n, errs, count = _parallel_jsonl(name, cls, args.jobs, args.max_errors)
            else:
                n, errs, count = _serial_jsonl(name, cls, args.max_errors, progress)
        except OSError as exc:
            _print_load_errors(name, [_os_error(exc)], args)
            return EXIT_INVALID_INPUT
        total += n
        error_count += count
        errors.extend((name, d) for d in errs)
    progress.done()
    if args.json:
        rows = [
            {"file": f, "line": d.line, "path": d.path, "code": d.code, "message": d.message}
            for f, d in errors
        ]
        print(
            json.dumps(
                {"type": cls.__name__, "records": total, "invalid": error_count, "errors": rows},
                ensure_ascii=False,
            )
        )
    else:
        for f, d in errors[: args.max_errors]:
            print(f"{f}:{d.line}: {d.path}  {d.code}  {d.message}")
        if error_count > len(errors[: args.max_errors]):
            print(f"... {error_count} problems in all")
        print(f"{total} {cls.__name__} records read, {total - _bad_lines(errors)} valid,", end=" ")
        print(f"{error_count} {'problem' if error_count == 1 else 'problems'}")
    return EXIT_INVALID_INPUT if error_count else EXIT_OK


def _bad_lines(errors: Sequence[tuple[str, Any]]) -> int:
    return len({(f, d.line) for f, d in errors})


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


def _serial_jsonl(
    name: str, cls: type, keep: int, progress: _Progress
) -> tuple[int, list[Any], int]:
    from adminnet.serialization import iter_jsonl

    kept: list[Any] = []
    count = 0

    def on_error(exc: Any) -> None:
        nonlocal count
        for d in exc.errors:
            count += 1
            if len(kept) < keep:
                kept.append(d)

    lines = _counting(_lines(name))
    for records, _ in enumerate(iter_jsonl(cls, lines, on_error=on_error), 1):
        if not records % 65536:
            progress.update(records, count)
    return lines.count, kept, count


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


def _work(task: tuple[str, str, int, int, int, int]) -> tuple[int, list[Any], int]:
    name, type_name, start, end, first_line, keep = task
    import attrs

    from adminnet.serialization import iter_jsonl

    cls = _type(type_name)
    kept: list[Any] = []
    count = 0

    def on_error(exc: Any) -> None:
        nonlocal count
        for d in exc.errors:
            count += 1
            if len(kept) < keep:
                kept.append(attrs.evolve(d, line=(d.line or 1) + first_line - 1))

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
    return counted.count, kept, count


def _parallel_jsonl(name: str, cls: type, jobs: int, keep: int) -> tuple[int, list[Any], int]:
    import multiprocessing

    tasks = [(name, cls.__name__, s, e, line, keep) for s, e, line in _chunks(name, jobs)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        results = pool.map(_work, tasks)
    total = sum(r[0] for r in results)
    kept = [d for r in results for d in r[1]][:keep]
    count = sum(r[2] for r in results)
    return total, kept, count


# --- region, nip, schema, example, export -------------------------------------------


def _region(args: argparse.Namespace) -> int:
    from adminnet import regions

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

        try:
            ds = from_json(Dataset, _read(args.file))
        except InvalidDataError as exc:
            _print_load_errors(
                args.file, exc.errors, argparse.Namespace(json=False, max_errors=200)
            )
            return EXIT_INVALID_INPUT
    if args.popolo:
        from adminnet.export import to_popolo

        print(json.dumps(to_popolo(ds), ensure_ascii=False, indent=2))
        return EXIT_OK
    import csv

    from adminnet.export import to_records

    os.makedirs(args.csv, exist_ok=True)
    for table, rows in to_records(ds).items():
        path = os.path.join(args.csv, f"{table}.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            if rows:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        print(f"{path}: {len(rows)} rows", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
