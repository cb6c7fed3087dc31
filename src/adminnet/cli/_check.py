"""``adminnet check``: load datasets (or JSON Lines), report load errors, run the rules."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from adminnet.cli._common import (
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_RULE_ERRORS,
    Command,
    entity_type,
    error_line,
    error_rows,
    os_error,
    print_load_errors,
    read,
    shown,
)
from adminnet.cli._jsonl import Progress, Tally, max_jobs, parallel_jsonl, serial_jsonl

__all__ = ["CHECK"]


JOBS_CAPPED = "cli.jobs_capped"
"""Warning code: ``--jobs`` above the usable CPUs was lowered to their number."""


def _configure(p: argparse.ArgumentParser) -> None:
    """The arguments of ``check``."""
    p.add_argument("files", nargs="*", metavar="FILE", help="JSON dataset or JSON Lines file")
    p.add_argument("--type", dest="type_name", metavar="T", help="entity type of JSONL input")
    p.add_argument("--at", metavar="DATE", help="judge as of this ISO date (default today)")
    p.add_argument("--select", metavar="CODES", help="rule codes or prefixes, comma-separated")
    p.add_argument("--ignore", metavar="CODES", help="rule codes or prefixes to skip")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="processes for JSONL")
    p.add_argument("--max-errors", type=int, default=200, metavar="N", help="errors to print")


def _run(args: argparse.Namespace) -> int:
    """Run ``check``."""
    from adminnet.errors import InvalidDataError

    if args.jobs < 1:
        print("adminnet check: --jobs must be at least 1", file=sys.stderr)
        return EXIT_INVALID_INPUT
    limit = max_jobs()
    if args.jobs > limit:
        print(
            f"adminnet check: warning {JOBS_CAPPED}: --jobs {args.jobs} is more than the"
            f" {limit} usable CPUs; using {limit}",
            file=sys.stderr,
        )
        args.jobs = limit
    if args.max_errors < 0:
        print("adminnet check: --max-errors must be at least 0", file=sys.stderr)
        return EXIT_INVALID_INPUT
    jsonl = args.type_name is not None or any(f.endswith((".jsonl", ".ndjson")) for f in args.files)
    if jsonl:
        if not args.files:
            print("adminnet check: --type needs a FILE (or - for stdin)", file=sys.stderr)
            return EXIT_INVALID_INPUT
        return _check_jsonl(args, entity_type(args.type_name or "Person"))
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
                datasets.append((shown(name), from_json(Dataset, read(name))))
            except InvalidDataError as exc:
                failures.extend((shown(name), d) for d in exc.errors)
            except OSError as exc:
                failures.append((shown(name), os_error(exc)))
        if failures:
            print_load_errors(failures, args, sys.stdout)
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
    tally = Tally(0)  # the counts of all files
    errors: list[tuple[str, Any]] = []  # the first --max-errors, with their file
    progress = Progress(enabled=sys.stderr.isatty() and not args.json)
    for name in args.files:
        room = args.max_errors - len(errors)
        try:
            if args.jobs > 1 and name != "-" and os.path.isfile(name):
                part = parallel_jsonl(name, cls, args.jobs, room)
            else:
                part = serial_jsonl(name, cls, room, progress)
        except OSError as exc:
            part = Tally(room)
            part.add(os_error(exc))
            part.unreadable = 1
        tally.merge(part)
        errors.extend((shown(name), d) for d in part.kept)
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
            "errors": error_rows(errors),
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        for f, d in errors:
            print(error_line(f, d))
        if tally.problems > len(errors):
            print(f"... {tally.problems} problems in all")
        problems = "problem" if tally.problems == 1 else "problems"
        print(
            f"{tally.records} {cls.__name__} records read, {valid} valid,"
            f" {tally.problems} {problems}"
        )
    return EXIT_INVALID_INPUT if tally.problems else EXIT_OK


CHECK = Command("check", "validate datasets (default: the bundled example)", _configure, _run)
