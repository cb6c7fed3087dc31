"""Generate Person records (ASN-like civil servants) as JSON Lines, fast and deterministic.

Usage (from the repository root)::

    .venv/bin/python bench/make_records.py 4000050 -o /tmp/persons.jsonl
    .venv/bin/python bench/make_records.py 100000 --invalid 0.1 -o /tmp/mixed.jsonl \\
        --expected /tmp/mixed.expected.tsv

Each line is one ``Person`` in the wire format of ``adminnet.serialization`` (keys in
field order: ``id``, ``name``, ``nip``, ``birth_date``, ``gender``). ``name`` is either
a string with gelar, sometimes messy (``"Ir.Frans J.Papilaya,M.Si."``), to be parsed by
``parse_name``, or the object form ``{"given", "prefixes", "suffixes"}`` with titles in
canonical spelling (``--names string|object|mixed``, default mixed, half and half).

Valid records: 75 % PNS (NIP ``YYYYMMDD YYYYMM G NNN``, TMT CPNS 19 to 40 years after
birth and not after December 2024), 25 % PPPK (``YYYYMMDD YYYY 21 G NNN``, appointed
2019-2024, at least 19 years after birth), born 1962-2000, NIP digits agreeing with
``birth_date`` and ``gender``. Names come from pools of Indonesian given and family
names (Javanese, Sundanese, Batak, Balinese, Malukan, Papuan...), the titles from
``adminnet.text.names``' canonical lists; a third of the people have gelar.

``--invalid F`` makes a fraction F of the lines (spread evenly, exactly
``round(N * F)``) invalid in exactly one known way each, cycling through
:data:`INVALID_KINDS`; ``--expected FILE`` writes ``line<TAB>path<TAB>code`` for each
of them, the error adminnet must report. The same seed gives the same bytes.

Nothing here builds a model object: pools are precomputed, records are concatenated
strings, and the random source is one ``getrandbits(64)`` per record (about 2 us a
record on the benchmark machine, 4,000,050 records in well under a minute).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final, TextIO

__all__ = ["INVALID_KINDS", "generate", "main", "write"]

TMT_LAST_YEAR: Final = 2024  # no appointment after December 2024: valid from 2025 on
PPPK_SHARE: Final = 0.25  # BKN 2024: 1,167,900 PPPK of 4,734,041 ASN
BLOCK: Final = 8192  # lines per write

INVALID_KINDS: Final[dict[str, tuple[str, str]]] = {
    # kind: (path, code) that adminnet must report, and nothing else, for that line
    "nip_birth_mismatch": ("$.birth_date", "person.nip_birth_date_mismatch"),
    "nip_gender_mismatch": ("$.gender", "person.nip_gender_mismatch"),
    "nip_bad_birth_date": ("$.nip", "nip.invalid_birth_date"),
    "nip_bad_month": ("$.nip", "nip.invalid_appointment"),
    "nip_bad_gender_digit": ("$.nip", "nip.invalid_gender"),
    "nip_serial_000": ("$.nip", "nip.invalid_serial"),
    "nip_too_young": ("$.nip", "nip.too_young"),
    "nip_in_future": ("$.nip", "nip.appointed_in_future"),
    "nip_short": ("$.nip", "nip.invalid_length"),
    "nip_letter": ("$.nip", "nip.invalid_format"),
    "nip_number": ("$.nip", "type.invalid"),
    "gender_unknown": ("$.gender", "enum.invalid"),
    "birth_date_impossible": ("$.birth_date", "date.invalid_date"),
    "birth_date_format": ("$.birth_date", "date.invalid_format"),
    "id_invalid": ("$.id", "id.invalid"),
    "name_titles_only": ("$.name", "name.empty"),
    "name_missing": ("$.name", "document.missing_key"),
    "unknown_key": ("$.golongan", "document.unknown_key"),
    "json_truncated": ("$", "json.invalid"),
}
"""Each kind of invalid record and the one error (path, code) adminnet reports for it."""

# fmt: off
_MALE_GIVEN: Final = (
    "Budi", "Agus", "Ahmad", "Muhammad", "Joko", "Bambang", "Slamet", "Hendra", "Dedi", "Eko",
    "Rudi", "Andi", "Yusuf", "Arif", "Dwi", "Heru", "Teguh", "Wahyu", "Irfan", "Fajar", "Rizky",
    "Yohanes", "Frans", "I Made", "I Ketut", "I Wayan", "I Putu", "I Nyoman", "I Gede", "Sutrisno",
    "Rahmat", "Hasan", "Ismail", "Imam", "Samsul", "Taufik", "Dimas", "Bayu", "Galih", "Adi",
    "Asep", "Ujang", "Dadang", "Cecep", "Tatang", "Benny", "Marthen", "Yosias", "Petrus", "Abdul",
    "Moh.", "Syahrul", "Anton", "Hary", "Gatot", "Sugeng", "Sukardi", "Paulus", "Stefanus",
    "Ridwan", "Zulkifli", "Fadli", "Erwin", "Herman", "Rusli", "Darmawan", "Nanang", "Ilham",
    "Aditya", "Reza",
)
_FEMALE_GIVEN: Final = (
    "Siti", "Sri", "Dewi", "Ratna", "Rina", "Nur", "Ani", "Endang", "Wulan", "Yuni", "Fitri",
    "Indah", "Ayu", "Putri", "Ni Luh", "Ni Made", "Ni Ketut", "Maria", "Theresia", "Fransiska",
    "Kartika", "Nurul", "Dian", "Eka", "Nia", "Reni", "Wati", "Sari", "Mega", "Intan", "Anisa",
    "Aisyah", "Fatimah", "Tuti", "Yanti", "Erna", "Lina", "Ida", "Rika", "Agustina", "Margaretha",
    "Yohana", "Elisabeth", "Desi", "Novi", "Linda", "Susi", "Rosmawati", "Nining", "Euis", "Neneng",
    "Cucu", "Imas", "Tri", "Retno", "Setyaningsih",
)
_MIDDLE: Final = (
    "", "", "", "", "", "", "Nur", "Dwi", "Tri", "Eka", "Sri", "Adi", "Budi", "Putra", "Putri",
    "Ayu", "Indra", "Kusuma", "Dewi", "J.", "S.", "A.", "M.", "R.", "Agung",
)
_FAMILY: Final = (
    "", "", "Santoso", "Wijaya", "Saputra", "Hidayat", "Kurniawan", "Setiawan", "Pratama",
    "Nugroho", "Susanto", "Gunawan", "Hakim", "Siregar", "Nasution", "Harahap", "Lubis",
    "Simanjuntak", "Sitompul", "Tanjung", "Pardede", "Sinaga", "Manurung", "Papilaya", "Pattiasina",
    "Latuconsina", "Wattimena", "Tuasikal", "Rumbiak", "Mandagi", "Lumban Gaol", "Rahman",
    "Syahputra", "Purnomo", "Prasetyo", "Haryanto", "Sulistyo", "Wibowo", "Suryanto", "Mulyadi",
    "Firmansyah", "Ramadhan", "Permana", "Sembiring", "Ginting", "Tarigan", "Daulay", "Panjaitan",
    "Hutapea", "Batubara", "Effendi", "Anwar", "Lestari", "Rahayu", "Wulandari", "Handayani",
    "Safitri", "Anggraini", "Puspitasari", "Kusumawati", "Maharani", "Sumarni", "Suhendar",
    "Hermawan", "Kogoya", "Wenda", "Karubaba", "Mambor", "Laoh", "Sompotan", "Lapian",
    "Daeng Matata", "Pakpahan",
)
_MALE_FRONT: Final = (
    ("Dr.",), ("Ir.",), ("Drs.",), ("H.",), ("dr.",), ("Prof.", "Dr."), ("Dr.", "Ir."),
    ("H.", "Drs."), ("drg.",), ("Ns.",), ("Dr.", "H."), ("K.H.",),
)
_FEMALE_FRONT: Final = (
    ("Dr.",), ("Ir.",), ("Dra.",), ("Hj.",), ("dr.",), ("Prof.", "Dr."), ("Hj.", "Dra."), ("drg.",),
    ("Ns.",), ("apt.",),
)
_BACK: Final = (
    ("S.H.",), ("S.E.",), ("S.Sos.",), ("S.Pd.",), ("S.Kom.",), ("S.T.",), ("S.IP.",), ("S.Ag.",),
    ("S.Kep.",), ("A.Md.",), ("S.E.", "M.M."), ("S.H.", "M.H."), ("S.Sos.", "M.Si."),
    ("S.Pd.", "M.Pd."), ("S.T.", "M.T."), ("M.Si.",), ("M.A.P.",), ("S.K.M.", "M.Kes."), ("M.Sc.",),
    ("M.Sc.", "Ph.D."), ("Sp.PD.",), ("Sp.A.",), ("S.STP.", "M.Si."), ("S.Psi.", "M.Psi."),
    ("S.Farm.",), ("S.P.", "M.P."),
)
# fmt: on
# Messy spellings of a few back titles as clerks type them (parse_name canonicalises).
_MESSY: Final = {"M.Si.": "M.Si", "S.H.": "SH", "S.E.": "SE", "M.M.": "MM", "S.Pd.": "S.Pd"}


def _given(rng: random.Random, pool: tuple[str, ...]) -> str:
    words = [rng.choice(pool), rng.choice(_MIDDLE), rng.choice(_FAMILY)]
    text = " ".join(w for w in words if w)
    if text.endswith("."):  # "Moh." alone: add a family name so the dot is an initial's
        text += " Hasan"
    return text


def _string_form(
    rng: random.Random, given: str, front: tuple[str, ...], back: tuple[str, ...]
) -> str:
    style = rng.random()
    if style < 0.75 or not (front or back):  # the formal PUEBI form
        head = " ".join((*front, given))
        return ", ".join((head, *back))
    if style < 0.9:  # glued: "Ir.Frans J.Papilaya,M.Si."
        head = "".join(front) + given
        return ",".join((head, *back))
    # dotless or dot-less-final back titles: "Budi Santoso, SH, MM"
    return ", ".join((" ".join((*front, given)), *(_MESSY.get(t, t) for t in back)))


def _name_pool(
    rng: random.Random,
    pool: tuple[str, ...],
    front: tuple[tuple[str, ...], ...],
    size: int,
    form: str,
) -> list[str]:
    """``size`` distinct names as JSON fragments (a string or an object)."""
    seen: set[str] = set()
    out: list[str] = []
    tries = 0
    while len(out) < size and tries < size * 20:
        tries += 1
        given = _given(rng, pool)
        has_titles = rng.random() < 1 / 3
        f = rng.choice(front) if has_titles and rng.random() < 0.5 else ()
        b = rng.choice(_BACK) if has_titles and (not f or rng.random() < 0.7) else ()
        if has_titles and not (f or b):
            b = rng.choice(_BACK)
        as_object = form == "object" or (form == "mixed" and rng.random() < 0.5)
        if as_object:
            frag = json.dumps(
                {"given": given, "prefixes": list(f), "suffixes": list(b)},
                separators=(",", ":"),
                ensure_ascii=False,
            )
        else:
            frag = json.dumps(_string_form(rng, given, f, b), ensure_ascii=False)
        if frag not in seen:
            seen.add(frag)
            out.append(frag)
    return out


def _dates() -> tuple[list[str], list[str], list[int]]:
    """Birth dates 1962-01-01 .. 2000-12-31: ISO text, NIP digits, year."""
    iso: list[str] = []
    digits: list[str] = []
    years: list[int] = []
    day = dt.date(1962, 1, 1)
    last = dt.date(2000, 12, 31)
    one = dt.timedelta(days=1)
    while day <= last:
        text = day.isoformat()
        iso.append(text)
        digits.append(text.replace("-", ""))
        years.append(day.year)
        day += one
    return iso, digits, years


def _invalid_line(
    kind: str,
    ident: str,
    name: str,
    nip: str,
    iso: str,
    gender: str,
    other_iso: str,
) -> str:
    """One record broken in exactly the way ``kind`` says."""
    nip_json = '"' + nip + '"'
    rest: str = ""
    if kind == "nip_birth_mismatch":
        iso = other_iso
    elif kind == "nip_gender_mismatch":
        gender = "female" if gender == "male" else "male"
    elif kind == "nip_bad_birth_date":
        nip_json = '"' + nip[:4] + "13" + nip[6:] + '"'
    elif kind == "nip_bad_month":
        nip_json = '"' + nip[:12] + "00" + nip[14:] + '"'
    elif kind == "nip_bad_gender_digit":
        nip_json = '"' + nip[:14] + "3" + nip[15:] + '"'
    elif kind == "nip_serial_000":
        nip_json = '"' + nip[:15] + '000"'
    elif kind == "nip_too_young":  # PNS TMT in the birth year + 17
        year = str(int(nip[:4]) + 17)
        nip_json = '"' + nip[:8] + year + "01" + nip[14:] + '"'
    elif kind == "nip_in_future":
        nip_json = '"' + nip[:8] + "209901" + nip[14:] + '"'
    elif kind == "nip_short":
        nip_json = '"' + nip[:17] + '"'
    elif kind == "nip_letter":
        nip_json = '"' + nip[:16] + "O" + nip[17] + '"'
    elif kind == "nip_number":
        nip_json = nip
    elif kind == "gender_unknown":
        gender = "pria" if gender == "male" else "wanita"
    elif kind == "birth_date_impossible":  # February 30 (the NIP keeps the real date)
        iso = nip[:4] + "-02-30"
    elif kind == "birth_date_format":
        iso = iso[8:10] + "-" + iso[5:7] + "-" + iso[:4]
    elif kind == "id_invalid":
        ident = ident.upper().replace("-", " ")
    elif kind == "name_titles_only":
        name = '"Dr., M.Si."'
    elif kind == "unknown_key":
        rest = ',"golongan":"III/a"'
    head = '{"id":"' + ident + '"'
    if kind != "name_missing":
        head += ',"name":' + name
    line = (
        head
        + ',"nip":'
        + nip_json
        + ',"birth_date":"'
        + iso
        + '","gender":"'
        + gender
        + '"'
        + rest
        + "}"
    )
    if kind == "json_truncated":
        line = line[:-9]
    return line


def generate(
    n: int,
    *,
    invalid: float = 0.0,
    seed: int = 20170316,
    names: str = "mixed",
    pool_size: int = 200_000,
) -> Iterator[tuple[list[str], list[tuple[int, str]]]]:
    """Blocks of lines (each ending in ``\\n``) and the invalid ones among them.

    Yields ``(lines, bad)`` per block of at most :data:`BLOCK` lines, ``bad`` listing
    ``(line_number, kind)`` for the invalid lines (numbers count from 1).
    """
    if names not in ("string", "object", "mixed"):
        msg = f"names must be string, object or mixed, not {names!r}"
        raise ValueError(msg)
    if not 0.0 <= invalid <= 1.0:
        msg = f"invalid must be a fraction between 0 and 1, not {invalid}"
        raise ValueError(msg)
    rng = random.Random(seed)
    male = _name_pool(rng, _MALE_GIVEN, _MALE_FRONT, pool_size // 2, names)
    female = _name_pool(rng, _FEMALE_GIVEN, _FEMALE_FRONT, pool_size // 2, names)
    iso, digits, years = _dates()
    n_dates = len(iso)
    serials = [f"{i:03d}" for i in range(1000)]
    tmts = {(y, m): f"{y}{m:02d}" for y in range(1980, TMT_LAST_YEAR + 1) for m in range(1, 13)}
    kinds = list(INVALID_KINDS)
    n_male, n_female = len(male), len(female)
    pppk_cut = int(PPPK_SHARE * 1000)
    bits = rng.getrandbits
    invalid_seen = 0
    for start in range(0, n, BLOCK):
        out: list[str] = []
        bad: list[tuple[int, str]] = []
        for i in range(start, min(n, start + BLOCK)):
            r = bits(64)
            d = r % n_dates
            r //= n_dates
            by = years[d]
            female_ = r & 1
            r >>= 1
            serial = serials[1 + r % 999]
            r //= 999
            if r % 1000 < pppk_cut:  # PPPK: appointed 2019-2024, >= 19 years after birth
                r //= 1000
                ay = 2019 + r % 6
                r //= 6
                tmt = f"{max(ay, by + 19)}21"
            else:  # PNS: TMT 19-40 years after birth, month 1-12, not after 2024
                r //= 1000
                ay = min(by + 19 + r % 22, TMT_LAST_YEAR)
                r //= 22
                tmt = tmts[ay, 1 + r % 12]
                r //= 12
            if female_:
                name = female[r % n_female]
                g, gender = "2", "female"
            else:
                name = male[r % n_male]
                g, gender = "1", "male"
            nip = digits[d] + tmt + g + serial
            ident = "asn-" + str(i + 1)
            if invalid and int((i + 1) * invalid) > int(i * invalid):
                kind = kinds[invalid_seen % len(kinds)]
                invalid_seen += 1
                o = (d + 1 + r % 300) % n_dates
                out.append(_invalid_line(kind, ident, name, nip, iso[d], gender, iso[o]) + "\n")
                bad.append((i + 1, kind))
                continue
            out.append(
                '{"id":"'
                + ident
                + '","name":'
                + name
                + ',"nip":"'
                + nip
                + '","birth_date":"'
                + iso[d]
                + '","gender":"'
                + gender
                + '"}\n'
            )
        yield out, bad


def write(
    out: TextIO,
    n: int,
    *,
    invalid: float = 0.0,
    seed: int = 20170316,
    names: str = "mixed",
    expected: TextIO | None = None,
) -> int:
    """Write ``n`` records to ``out`` (and the expected errors to ``expected``)."""
    count_bad = 0
    for lines, bad in generate(n, invalid=invalid, seed=seed, names=names):
        out.write("".join(lines))
        count_bad += len(bad)
        if expected is not None:
            for number, kind in bad:
                path, code = INVALID_KINDS[kind]
                expected.write(f"{number}\t{path}\t{code}\t{kind}\n")
    return count_bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N Person records as JSON Lines")
    parser.add_argument("n", type=lambda s: int(s.replace(",", "").replace("_", "")))
    parser.add_argument("-o", "--output", help="file to write (default stdout)")
    parser.add_argument("--invalid", type=float, default=0.0, help="fraction of bad records")
    parser.add_argument("--seed", type=int, default=20170316)
    parser.add_argument("--names", choices=("string", "object", "mixed"), default="mixed")
    parser.add_argument("--expected", help="write line/path/code of each bad record here")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    exp = open(args.expected, "w", encoding="utf-8") if args.expected else None  # noqa: SIM115
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8", buffering=1 << 20) as f:
                bad = write(
                    f, args.n, invalid=args.invalid, seed=args.seed, names=args.names, expected=exp
                )
        else:
            bad = write(
                sys.stdout,
                args.n,
                invalid=args.invalid,
                seed=args.seed,
                names=args.names,
                expected=exp,
            )
    finally:
        if exp is not None:
            exp.close()
    elapsed = time.perf_counter() - t0
    where = args.output or "stdout"
    size = f", {Path(args.output).stat().st_size / 1e6:.0f} MB" if args.output else ""
    print(
        f"{args.n:,} records ({bad:,} invalid) to {where}{size} in {elapsed:.1f} s", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
