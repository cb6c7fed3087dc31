"""Private: the small code table of the ids layer (region codes, kinds, validity).

The identifier modules and the model check a few facts about region codes: whether a
kecamatan code exists (a NIK's region part), what kind, official name and validity a
provinsi or kabupaten/kota code has (a local government's region, an event's place).
The region registry (:mod:`adminnet.regions`) knows them, but sits *above* ids and
model (docs/architecture.md): they read this table instead.

The table (``adminnet/data/region_codes.txt``, about 50 kB) is generated from the
registry by ``scripts/build_region_codes.py``, and a test fails when it is stale. It
holds every provinsi and kabupaten/kota record, retired ones included (their code
history since 2015), and the kecamatan codes of today, by kabupaten/kota. It has no
desa/kelurahan: a level-4 code is taken to exist when its kecamatan does, and the
exact check is rule ``REF002`` (:mod:`adminnet.rules.references`), which asks the
registry. It is read on first use, never at import.

As the registry does, a kecamatan exists *as of* a past day when it exists today and
its kabupaten/kota code was valid then.

>>> ambon = latest("81.71")
>>> ambon.official_name, ambon.kind, ambon.is_autonomous
('Kota Ambon', 'kota', True)
>>> exists("92.01", "2020-01-01"), exists("92.01", "2024-01-01"), latest("92.01").successors
(True, False, ('96.01',))
>>> exists("81.71.01"), exists("81.71.99"), kecamatan("81.71")[-1]
(True, False, '05')
"""

from __future__ import annotations

import datetime as _dt
from importlib import resources
from typing import Final

import attrs

from adminnet._memo import once
from adminnet.errors import InvalidFormat

__all__ = ["CodeRecord", "at", "exists", "kecamatan", "latest", "regencies"]

_AUTONOMOUS: Final = frozenset({"provinsi", "kabupaten", "kota"})


@attrs.frozen
class CodeRecord:
    """One provinsi or kabupaten/kota code over one period of validity.

    Attributes:
        code: Dotted code (``"81.71"``).
        kind: The region kind's value (``"kota"``, ``"kabupaten_administrasi"``...).
        start: First day valid (ISO), ``None`` if valid since before the history.
        end: Last day valid (ISO), ``None`` while in force.
        successors: Codes that replaced it (retired codes only).
        official_name: ``"Kota Ambon"``.
    """

    code: str
    kind: str
    start: str | None
    end: str | None
    successors: tuple[str, ...]
    official_name: str

    @property
    def is_autonomous(self) -> bool:
        """Daerah otonom: a provinsi, kabupaten or kota (not an administrative one)."""
        return self.kind in _AUTONOMOUS

    def valid_on(self, day: str | None) -> bool:
        """Whether the code is in force on ``day`` (ISO; ``None``: today's data)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class _Table:
    records: dict[str, tuple[CodeRecord, ...]]
    kecamatan: dict[str, tuple[str, ...]]


def _dash(value: str) -> str | None:
    return None if value == "-" else value


@once
def _table() -> _Table:
    text = (resources.files("adminnet") / "data" / "region_codes.txt").read_text("utf-8")
    lines = text.split("\n")
    if not lines[0].startswith("adminnet-region-codes 1 "):
        raise InvalidFormat(code="regions.data_format", variant="codes")
    records: dict[str, list[CodeRecord]] = {}
    kecamatan: dict[str, tuple[str, ...]] = {}
    for line in lines[1:]:
        if not line:
            continue
        if ": " in line:
            code, numbers = line.split(": ", 1)
            kecamatan[code] = tuple(numbers.split(" "))
            continue
        code, kind, start, end, successors, name = line.split("\t")
        found = _dash(successors)
        record = CodeRecord(
            code=code,
            kind=kind,
            start=_dash(start),
            end=_dash(end),
            successors=() if found is None else tuple(found.split(",")),
            official_name=name,
        )
        records.setdefault(code, []).append(record)
    return _Table({c: tuple(r) for c, r in records.items()}, kecamatan)


def _iso(day: _dt.date | str | None) -> str | None:
    if day is None or isinstance(day, str):
        return day
    return day.isoformat()


def at(code: str, day: _dt.date | str | None = None) -> CodeRecord | None:
    """The record of a provinsi or kabupaten/kota ``code`` in force on ``day``."""
    iso = _iso(day)
    for record in _table().records.get(code, ()):
        if record.valid_on(iso):
            return record
    return None


def latest(code: str) -> CodeRecord | None:
    """The record in force today, else the last one (a retired code); ``None`` if none."""
    found = _table().records.get(code, ())
    for record in found:
        if record.end is None:
            return record
    return max(found, key=lambda r: r.end or "", default=None)


def kecamatan(regency: str) -> tuple[str, ...]:
    """The last two digits of today's kecamatan codes of kabupaten/kota ``regency``."""
    return _table().kecamatan.get(regency, ())


def regencies(province: str) -> tuple[CodeRecord, ...]:
    """Today's kabupaten/kota records of ``province``."""
    prefix = province + "."
    return tuple(
        r
        for code, found in _table().records.items()
        if code.startswith(prefix)
        for r in found
        if r.end is None
    )


def exists(code: str, day: _dt.date | str | None = None) -> bool:
    """Whether dotted ``code`` is a region on ``day`` (today's data if ``None``).

    Levels 1-2 by their validity; a kecamatan if it exists today and its kabupaten/kota
    was valid on ``day``; a desa/kelurahan if its kecamatan exists so (see the module
    documentation).
    """
    if len(code) <= 5:
        return at(code, day) is not None
    regency, number = code[:5], code[6:8]
    return number in kecamatan(regency) and at(regency, day) is not None
