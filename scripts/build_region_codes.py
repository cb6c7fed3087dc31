"""Build ``src/adminnet/data/region_codes.txt``: the small code table of the ids layer.

The identifier and model layers need a few facts about region codes (does a
kecamatan code exist; what kind, name and validity has a provinsi or kabupaten/kota
code, and its successors), but must not import the region registry
(``adminnet.regions``), which sits above them (docs/architecture.md). This script
derives those facts from the registry once, into a file the ids layer reads on first
use (:mod:`adminnet.ids._region_table`). ``tests/ids/test_region_table.py`` rebuilds
it and fails when it is stale.

Usage (from the repository root)::

    .venv/bin/python scripts/build_region_codes.py          # write the file
    .venv/bin/python scripts/build_region_codes.py --check  # exit 1 if it is stale

Format (UTF-8 text, tab-separated):

- line 1: ``adminnet-region-codes 1`` and the SHA-256 of regions.txt and regions.json;
- then one line per provinsi or kabupaten/kota *record* (a code retired and its
  successor are two records): ``code kind start end successors official_name``,
  ``-`` for an open end or no successors (successors joined by ``,``);
- then one line per kabupaten/kota with kecamatan today: ``code: NN NN NN ...``, the
  last two digits of each of its kecamatan codes.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from adminnet import regions  # noqa: E402 - after the path is set
from adminnet.model.region import Region  # noqa: E402

DATA = ROOT / "src" / "adminnet" / "data"
TARGET = DATA / "region_codes.txt"


def _digest(name: str) -> str:
    return hashlib.sha256((DATA / name).read_bytes()).hexdigest()[:16]


def _record(region: Region) -> str:
    valid = region.valid
    start = "-" if valid.start is None else str(valid.start)
    end = "-" if valid.end is None else str(valid.end)
    successors = ",".join(region.successors) or "-"
    return "\t".join((region.code, region.kind.value, start, end, successors, region.official_name))


def build() -> str:
    """The text of the table, from the registry as shipped."""
    records: dict[tuple[str, str], Region] = {}
    for level in (1, 2):
        for region in regions.all(level=level):
            records[region.code, str(region.valid)] = region
    # Retired codes: each predecessor of a current code, as of its last day.
    for region in list(records.values()):
        for old in regions.predecessors(region.code):
            former = regions.latest(old)
            if former is not None:
                records[former.code, str(former.valid)] = former
    lines = [f"adminnet-region-codes 1 {_digest('regions.txt')} {_digest('regions.json')}"]
    lines += [_record(r) for _, r in sorted(records.items())]
    kecamatan: dict[str, list[str]] = {}
    for region in regions.all(level=3):
        kecamatan.setdefault(region.code[:5], []).append(region.code[6:])
    lines += [f"{code}: {' '.join(numbers)}" for code, numbers in sorted(kecamatan.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = TARGET.read_text("utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run scripts/build_region_codes.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, "utf-8")
    print(f"wrote {TARGET} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
