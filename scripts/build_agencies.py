"""Build adminnet's agency catalog from our authored TOML file.

Usage::

    python scripts/build_agencies.py            # check the TOML, write the JSON
    python scripts/build_agencies.py --check    # fail if the shipped JSON differs

Input: ``scripts/sources/agencies.toml`` (authored for adminnet, MIT; every fact cites
its source there). Output: ``src/adminnet/data/agencies.json``, deterministic (same
input, same bytes): agencies in the TOML's order, keys sorted, no timestamps other
than the TOML's own ``updated`` date.

Checks (all problems are listed, then the script fails): the format version; every
field known and of the right type; ids are unique slugs; kinds are AgencyKind values;
dates are partial ISO dates and every period ends after it starts; parents and
successors exist; a secretariat has a parent; no central agency has a region; each
entry builds as an :class:`adminnet.model.agency.Agency`; and no two agencies share
a name, acronym or alias while both may exist (the resolver's as_of could not tell
them apart).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from adminnet.errors import AdminnetError
from adminnet.model._common import ID_PATTERN
from adminnet.model.agency import AgencyKind
from adminnet.time import PartialDate, Period

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "sources" / "agencies.toml"
OUT = ROOT / "src" / "adminnet" / "data" / "agencies.json"
UNITS_SOURCE = ROOT / "scripts" / "sources" / "agency_units.toml"
UNITS_OUT = ROOT / "src" / "adminnet" / "data" / "agency_units.json"
UNIT_FIELDS = {"name": str, "forms": list, "scope": str, "sources": list, "status": str}
OFFICE_FIELDS = {
    "name": str,
    "forms": list,
    "agency": str,
    "level": int,
    "sources": list,
    "status": str,
}
UNIT_KINDS = {
    "unit": UNIT_FIELDS,
    "head": UNIT_FIELDS,
    "field": dict(UNIT_FIELDS),
    "office": OFFICE_FIELDS,
}
del UNIT_KINDS["field"]["scope"]
SCOPES = {"daerah", "pusat", "any"}
FORMAT = 1

AGENCY_FIELDS = {
    "id": str,
    "name": str,
    "acronym": str,
    "kind": str,
    "parent": str,
    "start": str,
    "end": str,
    "basis": str,
    "successors": list,
    "aliases": list,
    "names": list,
    "sources": list,
    "status": str,
    "note": str,
}
NAME_FIELDS = {"name": str, "acronym": str, "start": str, "end": str, "basis": str, "note": str}
REQUIRED = ("id", "name", "kind", "sources", "status")
SHIPPED = ("id", "name", "acronym", "kind", "parent", "start", "end", "basis", "successors")
SHIPPED_NAME = ("name", "acronym", "start", "end", "basis")
STATUSES = {"C", "S", "U"}


def _period(where: str, data: dict[str, Any], problems: list[str]) -> Period | None:
    try:
        start = PartialDate.parse(data["start"]) if "start" in data else None
        end = PartialDate.parse(data["end"]) if "end" in data else None
        return Period.parse(start, end)
    except AdminnetError as exc:
        problems.append(f"{where}: {exc}")
        return None


def _check_fields(
    where: str, data: dict[str, Any], fields: dict[str, type], problems: list[str]
) -> None:
    for key, value in data.items():
        expected = fields.get(key)
        if expected is None:
            problems.append(f"{where}: unknown field {key!r}")
        elif not isinstance(value, expected):
            problems.append(f"{where}: {key} must be {expected.__name__}")
        elif expected is str and not value.strip():
            problems.append(f"{where}: {key} is empty")


def check(document: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Validate the TOML document; return the shipped records and the problems."""
    problems: list[str] = []
    if document.get("format") != FORMAT:
        problems.append(f"format must be {FORMAT}")
    entries = document.get("agency", [])
    ids = [e.get("id") for e in entries]
    known = set(ids)
    seen: set[str] = set()
    records: list[dict[str, Any]] = []
    for i, entry in enumerate(entries):
        where = f"agency[{i}] {entry.get('id', '?')}"
        _check_fields(where, entry, AGENCY_FIELDS, problems)
        problems.extend(f"{where}: missing {key}" for key in REQUIRED if key not in entry)
        aid = entry.get("id", "")
        if not isinstance(aid, str) or not ID_PATTERN.match(aid):
            problems.append(f"{where}: id is not a lower-case slug")
        if aid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(aid)
        if entry.get("status") not in STATUSES:
            problems.append(f"{where}: status must be one of {sorted(STATUSES)}")
        try:
            kind = AgencyKind(entry.get("kind"))
        except ValueError:
            problems.append(f"{where}: unknown kind {entry.get('kind')!r}")
            continue
        if kind.is_local_government:
            problems.append(f"{where}: local governments come from the region registry")
        parent = entry.get("parent")
        if parent is not None and parent not in known:
            problems.append(f"{where}: parent {parent!r} is not in the catalog")
        if kind is AgencyKind.SEKRETARIAT_LEMBAGA and parent is None:
            problems.append(f"{where}: a secretariat needs the parent it serves")
        problems.extend(
            f"{where}: successor {succ!r} is not in the catalog"
            for succ in entry.get("successors", [])
            if succ not in known
        )
        _period(where, entry, problems)
        for j, other in enumerate(entry.get("names", [])):
            sub = f"{where} names[{j}]"
            if not isinstance(other, dict) or "name" not in other:
                problems.append(f"{sub}: needs a name")
                continue
            _check_fields(sub, other, NAME_FIELDS, problems)
            _period(sub, other, problems)
        record = {k: entry[k] for k in SHIPPED if k in entry}
        if entry.get("aliases"):
            record["aliases"] = list(entry["aliases"])
        if entry.get("names"):
            record["names"] = [
                {k: o[k] for k in SHIPPED_NAME if k in o}
                for o in entry["names"]
                if isinstance(o, dict)
            ]
        records.append(record)
    if not problems:
        problems.extend(_check_buildable(records))
    return records, problems


def _check_buildable(records: list[dict[str, Any]]) -> list[str]:
    """Build every Agency and index them; report clashing names."""
    from adminnet.agencies import _names

    problems: list[str] = []
    built = {}
    for record in records:
        try:
            built[record["id"]] = _names._agency_from_json(record)
        except AdminnetError as exc:
            problems.append(f"{record['id']}: {exc}")
    if problems:
        return problems
    aliases = {r["id"]: tuple(r.get("aliases", ())) for r in records}
    catalog = _names._index(built, aliases)
    for table_name, table in (("name or acronym", catalog.every),):
        for key, entries in sorted(table.items()):
            ids = sorted({e.agency_id for e in entries})
            problems.extend(
                f"{table_name} key {key!r} names both {a} and {b},"
                " which may have existed at the same time"
                for a in ids
                for b in ids
                if a < b and built[a].valid.possibly_overlaps(built[b].valid)
            )
    return problems


def render(records: list[dict[str, Any]], updated: str) -> str:
    document = {
        "format": FORMAT,
        "source": "scripts/sources/agencies.toml (adminnet, MIT)",
        "updated": updated,
        "agencies": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def check_units(document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The units document (names and forms to ship) and the problems found."""
    from adminnet.text.folding import fold

    problems: list[str] = []
    if document.get("format") != FORMAT:
        problems.append(f"format must be {FORMAT}")
    out: dict[str, Any] = {"format": FORMAT, "source": "scripts/sources/agency_units.toml"}
    seen: dict[str, str] = {}
    for kind, fields in UNIT_KINDS.items():
        shipped = []
        for i, entry in enumerate(document.get(kind, [])):
            where = f"{kind} {i + 1} ({entry.get('name')!r})"
            _check_fields(where, entry, fields, problems)
            missing = [k for k in fields if k not in entry]
            if missing:
                problems.append(f"{where}: missing {', '.join(missing)}")
                continue
            if "scope" in fields and entry["scope"] not in SCOPES:
                problems.append(f"{where}: scope must be one of {sorted(SCOPES)}")
            if entry["status"] not in STATUSES:
                problems.append(f"{where}: unknown status {entry['status']!r}")
            for form in entry["forms"]:
                key = f"{kind}:{fold(form)}"
                if key in seen:
                    problems.append(f"{where}: form {form!r} also in {seen[key]}")
                seen[key] = where
            if "level" in fields and entry["level"] not in (1, 2):
                problems.append(f"{where}: level must be 1 (provinsi) or 2 (kabupaten/kota)")
            keys = ("name", "forms", "scope", "agency", "level")
            shipped.append({k: entry[k] for k in keys if k in entry})
        out[kind + "s"] = shipped
    return out, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSON differs")
    args = parser.parse_args(argv)
    with SOURCE.open("rb") as f:
        document = tomllib.load(f)
    records, problems = check(document)
    if problems:
        for problem in problems:
            print(f"{SOURCE.name}: {problem}", file=sys.stderr)
        return 1
    text = render(records, str(document.get("updated", "")))
    with UNITS_SOURCE.open("rb") as f:
        units, unit_problems = check_units(tomllib.load(f))
    if unit_problems:
        for problem in unit_problems:
            print(f"{UNITS_SOURCE.name}: {problem}", file=sys.stderr)
        return 1
    units_text = json.dumps(units, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.check:
        current_units = UNITS_OUT.read_text(encoding="utf-8") if UNITS_OUT.exists() else ""
        if current_units != units_text:
            print(f"{UNITS_OUT} is out of date: run scripts/build_agencies.py", file=sys.stderr)
            return 1
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run scripts/build_agencies.py", file=sys.stderr)
            return 1
        print(f"{OUT.name} is up to date ({len(records)} agencies)")
        return 0
    OUT.write_text(text, encoding="utf-8")
    UNITS_OUT.write_text(units_text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(records)} agencies, and {UNITS_OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
