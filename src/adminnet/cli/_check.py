"""``adminnet check``: load datasets (or JSON Lines), report load errors, run the rules.

Text output: a short description of the dataset (at most :data:`SHOWN` items of each
list), then the problems grouped by code with at most ``--max-per-code`` lines of each
(and a count of the rest), then a count by code if any was cut, then the summary line.
``-q`` keeps only the problems. Exit status: 0 clean, 1 load or rule errors, 2 usage
or I/O errors (a missing file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from adminnet.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    entity_type,
    error_line,
    error_rows,
    fit,
    grouped,
    load_status,
    os_error,
    output_width,
    print_load_errors,
    read,
    shown,
)
from adminnet.cli._jsonl import Progress, Tally, max_jobs, parallel_jsonl, serial_jsonl

__all__ = ["CHECK"]


JOBS_CAPPED = "cli.jobs_capped"
"""Warning code: ``--jobs`` above the usable CPUs was lowered to their number."""

SHOWN = 10
"""Items of each list (agencies, persons, events, agreements, targets) described."""


def _configure(p: argparse.ArgumentParser) -> None:
    """The arguments of ``check``."""
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="JSON dataset, or JSON Lines of one type (.jsonl, or with --type); - for stdin",
    )
    p.add_argument(
        "--type", dest="type_name", metavar="T", help="entity type of JSONL input (e.g. Person)"
    )
    p.add_argument("--at", metavar="DATE", help="judge as of this ISO date (default today)")
    p.add_argument("--select", metavar="CODES", help="rule codes or prefixes, comma-separated")
    p.add_argument("--ignore", metavar="CODES", help="rule codes or prefixes to skip")
    p.add_argument("--json", action="store_true", help="machine-readable output (one document)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="processes for JSONL input")
    p.add_argument(
        "--max-errors", type=int, default=200, metavar="N", help="load errors to keep and print"
    )
    p.add_argument(
        "--max-per-code",
        type=int,
        default=10,
        metavar="N",
        help="lines printed per error or rule code, the rest counted (0: all; default 10)",
    )


def _run(args: argparse.Namespace) -> int:
    """Run ``check``."""
    from adminnet.errors import InvalidDataError

    if args.jobs < 1:
        print("adminnet check: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    limit = max_jobs()
    if args.jobs > limit:
        if not args.quiet:
            print(
                f"adminnet check: warning {JOBS_CAPPED}: --jobs {args.jobs} is more than the"
                f" {limit} usable CPUs; using {limit}",
                file=sys.stderr,
            )
        args.jobs = limit
    for option in ("max_errors", "max_per_code"):
        if getattr(args, option) < 0:
            flag = "--" + option.replace("_", "-")
            print(f"adminnet check: {flag} must be at least 0", file=sys.stderr)
            return EXIT_USAGE
    jsonl = args.type_name is not None or any(f.endswith((".jsonl", ".ndjson")) for f in args.files)
    if jsonl:
        if not args.files:
            print("adminnet check: --type needs a FILE (or - for stdin)", file=sys.stderr)
            return EXIT_USAGE
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
            return load_status(failures)
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
        _print_report(args, ", ".join(n for n, _ in datasets), dataset, report)
    return EXIT_OK if report.ok else EXIT_INVALID


def _print_report(args: argparse.Namespace, source: str, dataset: Any, report: Any) -> None:
    """The text report: description, violations grouped by code, counts, summary."""
    lines: list[str] = []
    if not args.quiet:
        lines.extend([*_describe(source, dataset).splitlines(), ""])
    violations = [(v.code, str(v)) for v in report.violations]
    lines.extend(grouped(violations, per_code=args.max_per_code))
    counts = _counts(report.violations)
    if not args.quiet:
        if args.max_per_code and any(n > args.max_per_code for n, _ in counts.values()):
            lines.append("By code:")
            lines.extend(f"  {code}  {sev:<7}  {n:,}" for code, (n, sev) in counts.items())
        lines.append(report.summary())
    width = output_width(args)
    for line in lines:
        print(fit(line, width))


def _counts(violations: Any) -> dict[str, tuple[int, str]]:
    """Violations by code, in order of first appearance: (count, severity)."""
    counts: dict[str, tuple[int, str]] = {}
    for v in violations:
        n, _ = counts.get(v.code, (0, ""))
        counts[v.code] = (n + 1, v.severity.value)
    return counts


def _some(items: Any, what: str) -> list[str]:
    """``  ... and N more WHAT`` when a described list was cut at :data:`SHOWN`."""
    return [f"  ... and {len(items) - SHOWN:,} more {what}"] if len(items) > SHOWN else []


def _describe(source: str, ds: Any) -> str:
    """A human summary of a dataset: counts, then a few agencies, people, events, agreements.

    Each list shows at most :data:`SHOWN` items and counts the rest, so that a dataset
    of thousands of entities is described in a few lines.
    """
    from adminnet.text.dates import format_date

    lines = [f"adminnet check: {source}"]
    counts = ", ".join(f"{k}: {n:,}" for k, n in ds.summary().items() if n)
    lines.append(f"  {counts or 'empty dataset'}")
    if ds.agencies:
        names = "; ".join(
            a.name + (f" ({a.acronym})" if a.acronym else "") for a in ds.agencies[:SHOWN]
        )
        more = f"; and {len(ds.agencies) - SHOWN:,} more" if len(ds.agencies) > SHOWN else ""
        lines.append(f"  agencies: {names}{more}")
    lines.extend(f"  person: {p.name}" for p in ds.persons[:SHOWN])
    lines.extend(_some(ds.persons, "persons"))
    for e in ds.events[:SHOWN]:
        when = format_date(e.date)
        lines.append(f"  event: {e.name}, {when}" + (f", {e.venue}" if e.venue else ""))
        if e.chair_id and ds.contains("persons", e.chair_id):
            lines.append(f"    chaired by {ds.person(e.chair_id).name}")
        for verb, ids in (("witnessed by", e.witness_ids), ("attended by", e.attendee_ids)):
            known = [str(ds.person(i).name) for i in ids if ds.contains("persons", i)]
            if known:
                lines.append(f"    {verb} {'; '.join(known)}")
    lines.extend(_some(ds.events, "events"))
    for g in ds.agreements[:SHOWN]:
        areas = ", ".join(a.label for a in g.areas) or "no areas given"
        lines.append(
            f"  agreement: {g.kind.label} {g.id}, signed {g.signed_on or 'on an unknown date'},"
            f" {len(g.parties)} parties; {areas}"
        )
    lines.extend(_some(ds.agreements, "agreements"))
    for t in ds.targets[:SHOWN]:
        due = f" by {t.due}" if t.due else ""
        value = f"{t.target_value} {t.indicator.unit}{due}"
        lines.append(f"  target: {t.indicator.label} = {value} ({t.agency_id})")
    lines.extend(_some(ds.targets, "targets"))
    return "\n".join(lines)


def _check_jsonl(args: argparse.Namespace, cls: type) -> int:
    """Load JSONL files; every file is read even after an unreadable one."""
    tally = Tally(0)  # the counts of all files
    errors: list[tuple[str, Any]] = []  # the first --max-errors, with their file
    progress = Progress(enabled=sys.stderr.isatty() and not args.json and not args.quiet)
    for name in args.files:
        room = args.max_errors - len(errors)
        try:
            if args.jobs > 1 and name != "-" and os.path.isfile(name):
                part = parallel_jsonl(name, cls, args.jobs, room, progress)
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
        width = output_width(args)
        rows = [(d.code, error_line(f, d)) for f, d in errors]
        for line in grouped(rows, per_code=args.max_per_code):
            print(fit(line, width))
        if not args.quiet:
            if tally.problems > len(errors):
                print(f"... {tally.problems} problems in all")
            problems = "problem" if tally.problems == 1 else "problems"
            print(
                f"{tally.records} {cls.__name__} records read, {valid} valid,"
                f" {tally.problems} {problems}"
            )
    if tally.unreadable:
        return EXIT_USAGE
    return EXIT_INVALID if tally.problems else EXIT_OK


CHECK = Command("check", "validate datasets (default: the bundled example)", _configure, _run)
