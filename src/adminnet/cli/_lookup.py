"""``adminnet region``, ``nip``, ``schema`` and ``example``: small lookups and prints.

Each command is a :class:`~adminnet.cli._common.Command` (:data:`REGION`, :data:`NIP`,
:data:`SCHEMA`, :data:`EXAMPLE`): its name, help line, arguments and runner.
"""

from __future__ import annotations

import argparse
import json
import sys

from adminnet.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    Command,
    collections,
    entity_type,
    table,
)

__all__ = ["EXAMPLE", "NIP", "REGION", "SCHEMA"]


def _region_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", metavar="QUERY", help="a code or a name (e.g. 'kab. bogor')")
    p.add_argument("--as-of", metavar="DATE", help="registry as of this ISO date")
    p.add_argument(
        "--limit", type=int, default=10, metavar="N", help="at most N regions (default 10)"
    )
    p.add_argument("--json", action="store_true", help="a JSON list instead of a table")


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
        table(rows, ("code", "official_name", "kind", "province", "timezone"), sys.stdout)
    if not rows:
        print(f"no region matches {args.query!r}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _nip_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "number", metavar="NUMBER", help="an 18-digit NIP or NI PPPK, or a 9-digit legacy NIP"
    )
    p.add_argument("--json", action="store_true", help="a JSON object instead of lines")


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
        return EXIT_INVALID
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


def _schema_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("type_name", metavar="TYPE", help="an entity type: Person, Dataset, ...")


def _schema(args: argparse.Namespace) -> int:
    from adminnet.export import json_schema

    print(json.dumps(json_schema(entity_type(args.type_name)), ensure_ascii=False, indent=2))
    return EXIT_OK


def _example_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="one Dataset document (json) or one entity type per line (jsonl)",
    )
    p.add_argument(
        "--type", dest="type_name", default="Person", metavar="T", help="entity type for jsonl"
    )


def _example(args: argparse.Namespace) -> int:
    from adminnet.examples import lan_mou_2017
    from adminnet.serialization import to_json, write_jsonl

    ds = lan_mou_2017()
    if args.format == "json":
        print(to_json(ds, indent=2))
        return EXIT_OK
    cls = entity_type(args.type_name)
    kinds = collections()
    if cls.__name__ not in kinds:
        msg = f"--type must be one of {', '.join(kinds)} for jsonl"
        raise argparse.ArgumentTypeError(msg)
    write_jsonl(getattr(ds, kinds[cls.__name__]), sys.stdout)
    return EXIT_OK


REGION = Command("region", "search the Kemendagri region registry", _region_args, _region)
NIP = Command("nip", "explain a NIP (PNS, PPPK or legacy)", _nip_args, _nip)
SCHEMA = Command("schema", "print the JSON Schema of an entity type", _schema_args, _schema)
EXAMPLE = Command("example", "print the bundled example dataset", _example_args, _example)
