"""``adminnet extract``: an article's mentions, its draft dataset and the rule report.

Reads an article (a file, or ``-`` for standard input), prints the mentions found and
the draft dataset, then the rule report of the draft; ``--json`` prints one JSON
document (the draft in the serialization format, the mentions, the notes, the
report); ``--html`` prints the text as HTML with the mentions highlighted.
Exit status: 0 clean, 1 rule errors in the draft, 2 unreadable input or bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from adminnet.cli._common import (
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_RULE_ERRORS,
    Command,
    read,
    shown,
)

__all__ = ["EXTRACT"]


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _configure(p: argparse.ArgumentParser) -> None:
    """The arguments of ``extract``."""
    p.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    p.add_argument(
        "--published", metavar="DATE", help="publication day (ISO), the year of '(16/3)'"
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON document")
    out.add_argument("--html", action="store_true", help="the text with mentions highlighted")


def _read(name: str) -> str:
    return read(name).decode("utf-8-sig")


def _run(args: argparse.Namespace) -> int:
    """Run ``extract``."""
    from adminnet import rules
    from adminnet.extract import extract

    try:
        text = _read(args.file)
    except OSError as exc:
        _err(f"adminnet extract: file.unreadable: {exc.strerror or exc}: {shown(args.file)}")
        return EXIT_INVALID_INPUT
    except UnicodeDecodeError as exc:
        where = f"{exc.reason} at byte {exc.start}"
        _err(f"adminnet extract: file.not_utf8: {shown(args.file)} is not UTF-8 text ({where})")
        return EXIT_INVALID_INPUT
    x = extract(text, published=args.published, source=None if args.file == "-" else args.file)
    if args.html:
        _out(_html_page(x.to_html()))
        return EXIT_OK
    dataset = x.to_dataset()
    report = rules.check(dataset, at=x.published)
    if args.json:
        from adminnet.serialization import to_json

        doc: dict[str, Any] = {
            "input": args.file,
            "published": None if x.published is None else x.published.isoformat(),
            "mentions": [m.to_dict() for m in x.mentions],
            "dataset": json.loads(to_json(dataset)),
            "notes": list(x.notes),
            "report": report.to_dict(),
        }
        _out(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _out(_text(args.file, x))
        _out()
        _out(report.to_text())
    return EXIT_OK if report.ok else EXIT_RULE_ERRORS


def _text(name: str, x: Any) -> str:
    when = "no publication date" if x.published is None else f"published {x.published}"
    lines = [f"adminnet extract: {name} ({len(x.text):,} characters, {when})"]
    lines.append(f"mentions ({len(x.mentions)}):")
    for m in x.mentions:
        value = m.to_dict()["value"]
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        line = f"  {m.start:>6}-{m.end:<6} {m.kind.value:<9} {m.text!r}"
        if value is not None:
            line += f" -> {shown}"
        line += f"  [{m.rule} {m.confidence:.2f}]"
        if m.error is not None:
            line += f"  ERROR {m.error.code}: {m.error.message}"
        lines.append(line)
    lines.append("")
    lines.extend(_summary(x.to_dataset()))
    lines.extend(f"  note: {note}" for note in x.notes)
    return "\n".join(lines)


def _summary(ds: Any) -> list[str]:
    """The draft in a few lines: counts, persons with their tenures, events, agreements."""
    from adminnet.text.dates import format_date

    counts = ", ".join(f"{k}: {n}" for k, n in ds.summary().items() if n)
    lines = [f"draft dataset: {counts or 'empty'}"]
    positions = {p.id: p for p in ds.positions}
    for p in ds.persons:
        held = [
            t.label(positions[t.position_id])
            for t in ds.tenures
            if t.person_id == p.id and t.position_id in positions
        ]
        lines.append(f"  person {p.id}: {p.name}" + (f" ({'; '.join(held)})" if held else ""))
    for e in ds.events:
        where = f", {e.venue}" if e.venue else ""
        lines.append(f"  event {e.id}: {e.name}, {format_date(e.date)}{where}")
        for role, ids in (
            ("chair", (e.chair_id,) if e.chair_id else ()),
            ("witnesses", e.witness_ids),
            ("attendees", e.attendee_ids),
        ):
            if ids:
                lines.append(f"    {role}: {', '.join(ids)}")
    for g in ds.agreements:
        areas = ", ".join(a.label for a in g.areas) or "no areas given"
        lines.append(
            f"  agreement {g.id}: {g.kind.label}, {' + '.join(g.agency_ids)},"
            f" signed {g.signed_on or 'on an unknown date'}; {areas}"
        )
    return lines


def _html_page(body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        "<title>adminnet extract</title></head><body>\n" + body + "\n</body></html>"
    )


EXTRACT = Command("extract", "read an article: mentions and a draft dataset", _configure, _run)
"""Perintah ``extract`` (the subcommand's entry in :data:`adminnet.cli.COMMANDS`)."""
