"""Strategies for agencies: the catalog's, the local governments' and their units."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Final

import hypothesis.strategies as st

from adminnet.model.agency import Agency, AgencyKind, AgencyName
from adminnet.model.region import Region
from adminnet.strategies._common import (
    EARLIEST_OFFICE,
    agency_pool,
    check_choice,
    check_date,
    pick,
    slug,
    today_ordinal,
)
from adminnet.strategies._time import draw_partial
from adminnet.time import DateLike, Period

__all__ = [
    "UNITS",
    "agencies",
    "agency_names",
    "agency_window",
    "any_agency_id",
    "default_agencies",
    "region_of",
    "unit_of",
]

_K = AgencyKind


UNITS: Final = {
    _K.UNIT_KERJA: (
        ("Diskominfo", "Dinas Komunikasi dan Informatika"),
        ("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("Bappeda", "Badan Perencanaan Pembangunan Daerah"),
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
        ("Inspektorat", "Inspektorat"),
    ),
    _K.OTHER: (
        ("Perumda Air Minum", "Perusahaan Umum Daerah Air Minum"),
        ("RSUD", "Rumah Sakit Umum Daerah"),
        ("Bank Daerah", "Perseroan Terbatas Bank Pembangunan Daerah"),
    ),
}


def region_of(agency: Agency) -> Region | None:
    """Wilayah instansi (the current region of a local government; None for others)."""
    if agency.region_code is None:
        return None
    from adminnet import regions  # lazy: the registry loads on first draw

    return regions.latest(agency.region_code)


def agency_window(
    agency: Agency, *, earliest: int = EARLIEST_OFFICE, today: int | None = None
) -> tuple[int, int] | None:
    """Masa instansi (days from 2005, or ``earliest``, to today, or ``today``).

    The days (ordinals) in which ``agency`` surely existed, or None.
    """
    lo, hi = earliest, today_ordinal() if today is None else today
    valid = agency.valid
    if valid.start is not None:
        lo = max(lo, valid.start.latest.toordinal())
    if valid.end is not None:
        hi = min(hi, valid.end.earliest.toordinal())
    return (lo, hi) if lo <= hi else None


def any_agency_id() -> st.SearchStrategy[str]:
    """ID instansi (ids of the agencies :func:`agencies` draws)."""
    return agencies().map(lambda a: a.id)


def _agencies_of(kind: str | None, iso: str | None, local: bool | None) -> tuple[Agency, ...]:
    pool = agency_pool(kind, iso)
    if local is None:
        return pool
    return _split_pool(kind, iso, local)


@functools.lru_cache(maxsize=64)
def _split_pool(kind: str | None, iso: str | None, local: bool) -> tuple[Agency, ...]:
    return tuple(a for a in agency_pool(kind, iso) if a.is_local_government is local)


def _pool_strategy(
    kind: str | None, iso: str | None, *, local: bool | None = None
) -> st.SearchStrategy[Agency]:
    return pick(functools.partial(_agencies_of, kind, iso, local))


@st.composite
def _units(draw: st.DrawFn, kind: AgencyKind, iso: str | None) -> Agency:
    parent = draw(_pool_strategy(None, iso, local=True))
    acronym, name = draw(st.sampled_from(UNITS[kind]))
    return unit_of(parent, kind, acronym, name)


def unit_of(parent: Agency, kind: AgencyKind, acronym: str, name: str) -> Agency:
    """The unit ``name`` of a local government (a dinas, an RSUD), living as long as it."""
    region = region_of(parent)
    where = region.official_name if region is not None else parent.name
    return Agency(
        id=f"{parent.id}.{slug(acronym)}",
        name=f"{name} {where}",
        acronym=f"{acronym} {region.name}" if region is not None else acronym,
        kind=kind,
        region_code=parent.region_code,
        parent_id=parent.id,
        valid=parent.valid,
    )


def agencies(
    *, kind: AgencyKind | str | None = None, as_of: DateLike | None = None
) -> st.SearchStrategy[Agency]:
    """Instansi (real agencies: the shipped catalog and the local governments).

    Central agencies of :mod:`adminnet.agencies` (LAN, KemenPANRB, ...) and the
    Pemerintah Provinsi/Kabupaten/Kota of the autonomous regions (``pemkot-8171``), of
    one ``kind`` or any; with ``as_of``, only those that possibly existed that day.
    The ``unit_kerja`` and ``other`` kinds, which the catalog does not list, are made
    up under a real local government (``pemkot-8171.diskominfo``, Dinas Komunikasi
    dan Informatika Kota Ambon). Shrinks towards the first catalog agency. The
    catalog loads on the first draw.

    Raises:
        InvalidArgument: a ``kind`` that is not an AgencyKind; ``as_of`` not a date.
    """
    k = check_choice(kind, "kind", AgencyKind)
    when = check_date(as_of, "as_of")
    iso = None if when is None else when.isoformat()
    if k in UNITS:
        assert k is not None  # for mypy
        return _units(k, iso)
    if k is not None:
        return _pool_strategy(k.value, iso)
    return st.one_of(
        _pool_strategy(None, iso, local=False),
        _pool_strategy(None, iso, local=True),
        _units(_K.UNIT_KERJA, iso),
        _units(_K.OTHER, iso),
    )


def default_agencies() -> st.SearchStrategy[Agency]:
    """Instansi (:func:`agencies` with no argument, for parameters named ``agencies``)."""
    return agencies()


@st.composite
def _agency_names(draw: st.DrawFn) -> AgencyName:
    agency = draw(_pool_strategy(None, None, local=False))
    now = today_ordinal()
    valid = Period()
    if draw(st.booleans()):
        end = draw_partial(draw, EARLIEST_OFFICE, now)
        start = None
        if draw(st.booleans()):
            start = draw_partial(draw, _dt.date(1945, 8, 17).toordinal(), end.earliest.toordinal())
        valid = Period(start=start, end=end)
    basis = None
    if draw(st.booleans()):
        basis = f"Perpres {draw(st.integers(1, 200))}/{draw(st.integers(2005, 2024))}"
    return AgencyName(name=agency.name, acronym=agency.acronym, valid=valid, basis=basis)


def agency_names() -> st.SearchStrategy[AgencyName]:
    """Nama instansi (AgencyName values: a real agency's name and acronym, dated).

    The period is open (a true name, dates unknown) or ends between 2005 and today.
    """
    return _agency_names()
