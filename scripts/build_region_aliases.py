"""Build adminnet's printed region abbreviations and informal names from our TOML file.

Usage::

    python scripts/build_region_aliases.py            # check the TOML, write the JSON
    python scripts/build_region_aliases.py --check    # fail if the shipped JSON differs

Input: ``scripts/sources/region_aliases.toml`` (authored for adminnet, MIT; every entry
cites where it was seen). Output: ``src/adminnet/data/region_aliases.json``,
deterministic (entries in the TOML's order, keys sorted).

Checks (all problems are listed, then the script fails): the format; every field
known and of the right type; ``how`` and ``status`` values; every source key defined
in the TOML's header; the region named exactly once among the current provinces and
kabupaten/kota (by official name); and no form given twice.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "sources" / "region_aliases.toml"
OUT = ROOT / "src" / "adminnet" / "data" / "region_aliases.json"
FORMAT = 1
FIELDS = {"text": str, "region": str, "how": str, "sources": list, "status": str}
HOWS = {"abbreviation", "informal"}
STATUSES = {"C", "S", "U"}
_SOURCE_KEY = re.compile(r"^#   ([A-Z0-9]+)\s", re.MULTILINE)


def build(raw: str) -> tuple[dict[str, Any], list[str]]:
    """The JSON document of the TOML text, and the problems found."""
    sys.path.insert(0, str(ROOT / "src"))
    from adminnet import regions
    from adminnet.text.folding import fold

    doc = tomllib.loads(raw)
    problems: list[str] = []
    if doc.get("format") != FORMAT:
        problems.append(f"format must be {FORMAT}")
    keys = set(_SOURCE_KEY.findall(raw))
    codes: dict[str, list[str]] = {}
    for region in (*regions.all(level=1), *regions.all(level=2)):
        codes.setdefault(region.official_name, []).append(region.code)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for i, entry in enumerate(doc.get("alias", [])):
        where = f"alias {i + 1} ({entry.get('text')!r})"
        for key, value in entry.items():
            expected = FIELDS.get(key)
            if expected is None:
                problems.append(f"{where}: unknown field {key!r}")
            elif not isinstance(value, expected):
                problems.append(f"{where}: {key} must be {expected.__name__}")
        missing = [k for k in FIELDS if k not in entry]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if entry["how"] not in HOWS:
            problems.append(f"{where}: how must be one of {sorted(HOWS)}")
        if entry["status"] not in STATUSES:
            problems.append(f"{where}: status must be one of {sorted(STATUSES)}")
        problems.extend(
            f"{where}: source {source!r} is not described in the header"
            for source in entry["sources"]
            if source not in keys
        )
        found = codes.get(entry["region"], [])
        if len(found) != 1:
            problems.append(f"{where}: {entry['region']!r} names {len(found)} regions")
            continue
        folded = fold(entry["text"])
        if folded in seen or not folded:
            problems.append(f"{where}: given twice or empty")
        seen.add(folded)
        out.append({"code": found[0], "how": entry["how"], "text": entry["text"]})
    return {"aliases": out, "format": FORMAT}, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSON differs")
    args = parser.parse_args(argv)
    document, problems = build(SOURCE.read_text(encoding="utf-8"))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} differs from {SOURCE}; run the script", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(document['aliases'])} forms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
