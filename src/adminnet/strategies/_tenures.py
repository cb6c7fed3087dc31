"""Strategies for positions, decrees and tenures (roles and capacities by kind of agency)."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Final

import hypothesis.strategies as st

from adminnet.model.agency import Agency, AgencyKind
from adminnet.model.position import Capacity, Decree, Position, Role, Tenure
from adminnet.strategies._agencies import (
    agency_window,
    default_agencies,
    region_of,
)
from adminnet.strategies._common import (
    EARLIEST_OFFICE,
    check_strategy,
    day,
    today_ordinal,
)
from adminnet.strategies._persons import any_person_id
from adminnet.time import PartialDate, Period

__all__ = [
    "CAPACITIES",
    "TERM_DAYS",
    "capacities_for",
    "decrees",
    "draw_decree",
    "draw_term",
    "head_role",
    "position_for",
    "positions",
    "roles_for",
    "tenures",
]

_R = Role
_K = AgencyKind
_C = Capacity


# Positions a kind of agency has, the head first (when it has one). Fits the table of
# rule POS001 (adminnet.rules.positions.ROLE_AGENCY_KINDS).
_ROLES: Final[dict[AgencyKind, tuple[Role, ...]]] = {
    _K.KEMENTERIAN: (_R.MENTERI, _R.SEKRETARIS_JENDERAL),
    _K.LEMBAGA_PEMERINTAH_NONKEMENTERIAN: (_R.KEPALA, _R.SEKRETARIS_UTAMA),
    _K.LEMBAGA_PEMERINTAH_LAINNYA: (_R.KEPALA, _R.SEKRETARIS_UTAMA),
    _K.ALAT_NEGARA: (_R.KEPALA, _R.SEKRETARIS_UTAMA),
    _K.LEMBAGA_NEGARA: (_R.OTHER, _R.SEKRETARIS_JENDERAL),
    _K.SEKRETARIAT_LEMBAGA: (_R.SEKRETARIS_JENDERAL,),
    _K.LEMBAGA_NONSTRUKTURAL: (_R.KEPALA, _R.SEKRETARIS_UTAMA),
    _K.LEMBAGA_PENYIARAN_PUBLIK: (_R.OTHER,),
    _K.PEMERINTAH_PROVINSI: (_R.GUBERNUR, _R.WAKIL_GUBERNUR, _R.SEKRETARIS_DAERAH),
    _K.PEMERINTAH_KABUPATEN: (_R.BUPATI, _R.WAKIL_BUPATI, _R.SEKRETARIS_DAERAH),
    _K.PEMERINTAH_KOTA: (_R.WALI_KOTA, _R.WAKIL_WALI_KOTA, _R.SEKRETARIS_DAERAH),
    _K.UNIT_KERJA: (_R.KEPALA,),
    _K.OTHER: (_R.OTHER,),
}


# Ministries whose secretariat is a Sekretariat Kementerian, not a Sekretariat Jenderal.
_SESMEN: Final = frozenset(
    {"kemenpanrb", "kemenpora", "kemenpppa", "kementerian-bumn", "kemenkop-ukm", "kemensetneg"}
)


_REGIONAL: Final = frozenset(
    {_R.GUBERNUR, _R.BUPATI, _R.WALI_KOTA, _R.WAKIL_GUBERNUR, _R.WAKIL_BUPATI}
    | {_R.WAKIL_WALI_KOTA, _R.SEKRETARIS_DAERAH}
)


CAPACITIES: Final[dict[str, tuple[Capacity, ...]]] = {
    "regional_head": (
        _C.DEFINITIF,
        _C.PENJABAT,
        _C.PENJABAT_SEMENTARA,
        _C.PELAKSANA_TUGAS,
        _C.PELAKSANA_HARIAN,
    ),
    "sekretaris_daerah": (_C.DEFINITIF, _C.PENJABAT, _C.PELAKSANA_TUGAS, _C.PELAKSANA_HARIAN),
    "other": (_C.DEFINITIF, _C.PELAKSANA_TUGAS, _C.PELAKSANA_HARIAN),
}
"""Capacities by kind of post: Pj. and Pjs. only for regional heads (Pj. also sekda)."""


# Shortest and longest term in days, by capacity.
TERM_DAYS: Final = {
    _C.DEFINITIF: (180, 1826),
    _C.PENJABAT: (30, 364),
    _C.PENJABAT_SEMENTARA: (30, 120),
    _C.PELAKSANA_TUGAS: (7, 365),
    _C.PELAKSANA_HARIAN: (1, 30),
}


_ISSUERS: Final = (
    "Menteri Dalam Negeri",
    "Presiden Republik Indonesia",
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Gubernur",
)


def roles_for(agency: Agency) -> tuple[Role, ...]:
    """The roles of the positions an agency of this kind has (the head first)."""
    roles = _ROLES[agency.kind]
    if agency.kind is _K.KEMENTERIAN and (agency.id in _SESMEN or "Koordinator" in agency.name):
        return (_R.MENTERI, _R.SEKRETARIS_KEMENTERIAN)
    return roles


def head_role(agency: Agency) -> Role | None:
    """The role of the position heading the agency, if it has one (rule AGR001's heads)."""
    first = roles_for(agency)[0]
    if first.is_head or agency.kind is _K.SEKRETARIAT_LEMBAGA:
        return first
    return None


def capacities_for(role: Role) -> tuple[Capacity, ...]:
    """The capacities a post of this role may be held in (rule TEN002)."""
    if role.is_regional_head:
        return CAPACITIES["regional_head"]
    if role is _R.SEKRETARIS_DAERAH:
        return CAPACITIES["sekretaris_daerah"]
    return CAPACITIES["other"]


def _strip(name: str, prefix: str) -> str:
    return name[len(prefix) :] if name.startswith(prefix) else name


def _title(agency: Agency, role: Role) -> str:
    name = agency.name
    region = region_of(agency)
    if region is not None and role in _REGIONAL:
        if role is _R.SEKRETARIS_DAERAH:
            return f"Sekretaris Daerah {region.official_name}"
        return f"{role.label} {region.name}"
    if role is _R.MENTERI:
        return "Menteri " + _strip(name, "Kementerian ")
    if role is _R.SEKRETARIS_KEMENTERIAN:
        return f"Sekretaris {name}"
    if role is _R.SEKRETARIS_JENDERAL:
        if name.startswith("Sekretariat "):
            return "Sekretaris " + name[len("Sekretariat ") :]
        return f"Sekretaris Jenderal {name}"
    if role is _R.SEKRETARIS_UTAMA:
        return f"Sekretaris Utama {name}"
    if role is _R.KEPALA:
        if agency.id == "kejaksaan":
            return "Jaksa Agung"
        if name.startswith(("Komisi", "Dewan", "Majelis", "Konsil", "Lembaga Sensor")):
            return f"Ketua {name}"
        return f"Kepala {name}"
    if agency.kind is _K.LEMBAGA_NEGARA:
        return f"Ketua {name}"
    return f"Direktur Utama {name}"


def position_for(agency: Agency, role: Role) -> Position:
    """The position of ``role`` in ``agency``: id ``<agency id>.<role>``, its title."""
    return Position(
        id=f"{agency.id}.{role.value}",
        agency_id=agency.id,
        role=role,
        title=_title(agency, role),
    )


def draw_term(
    draw: st.DrawFn,
    capacity: Capacity,
    start: int,
    last: int,
    *,
    may_stay_open: bool,
    through: int | None = None,
) -> int | None:
    """Draw the last day of a term starting on ``start`` (``None``: still in office).

    The term lasts as long as its capacity allows (a Pj. at most 364 days) and ends on
    ``last`` at the latest; only a definitif or Plt. term may be left open. With
    ``through``, the term lasts until that day if its capacity allows.
    """
    shortest, longest = TERM_DAYS[capacity]
    if may_stay_open and capacity in (_C.DEFINITIF, _C.PELAKSANA_TUGAS) and draw(st.booleans()):
        return None
    if through is not None:
        shortest = min(longest, max(shortest, through - start + 1))
    length = shortest + draw(st.integers(0, longest - shortest))
    return min(start + length - 1, last)


@st.composite
def _positions(draw: st.DrawFn, agency_strategy: st.SearchStrategy[Agency]) -> Position:
    agency = draw(agency_strategy)
    role = draw(st.sampled_from(roles_for(agency)))
    return position_for(agency, role)


def positions(*, agencies: st.SearchStrategy[Agency] | None = None) -> st.SearchStrategy[Position]:
    """Jabatan (Positions whose role fits the kind of their agency).

    A Menteri or Sekretaris Jenderal/Kementerian of a kementerian, a Kepala or
    Sekretaris Utama of an LPNK, a Gubernur, Bupati or Wali Kota, their wakil and
    the Sekretaris Daerah of a local government, ... of an agency drawn from
    ``agencies`` (default :func:`agencies`); the id is ``<agency id>.<role>``
    (``pemkot-8171.wali_kota``) and the title is the official one (``Wali Kota
    Ambon``).

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    return _positions(agencies if agencies is not None else default_agencies())


def draw_decree(
    draw: st.DrawFn, capacity: Capacity, start: _dt.date, region_code: str | None
) -> Decree:
    issued = day(start.toordinal() - draw(st.integers(0, 30)))
    n = draw(st.integers(1, 9999))
    if capacity in (_C.PENJABAT, _C.PENJABAT_SEMENTARA):
        prov = (region_code or "31")[:2]
        return Decree(
            number=f"131.{prov}-{n} Tahun {issued.year}",
            issued_on=PartialDate.from_date(issued),
            issuer="Menteri Dalam Negeri",
        )
    issuer = draw(st.sampled_from(_ISSUERS))
    return Decree(
        number=f"821.2/{n}/{issued.year}",
        issued_on=PartialDate.from_date(issued),
        issuer=issuer,
    )


@st.composite
def _decrees(draw: st.DrawFn) -> Decree:
    capacity = draw(st.sampled_from(list(Capacity)))
    start = day(draw(st.integers(EARLIEST_OFFICE, today_ordinal())))
    return draw_decree(draw, capacity, start, None)


def decrees() -> st.SearchStrategy[Decree]:
    """Surat keputusan (Decrees: ``"131.81-5877 Tahun 2016"`` of the Menteri Dalam Negeri).

    Appointment decrees from 2005 to today, with their date and issuer.
    """
    return _decrees()


@st.composite
def _tenures(
    draw: st.DrawFn,
    position_strategy: st.SearchStrategy[Position],
    id_strategy: st.SearchStrategy[str],
) -> Tenure:
    position = draw(position_strategy)
    person_id = draw(id_strategy)
    capacity = draw(st.sampled_from(capacities_for(position.role)))
    now = today_ordinal()
    lo, hi, may_stay_open = _window_of(position.agency_id)
    start = lo + draw(st.integers(0, hi - lo))
    last = now + 5 * 366 if may_stay_open else hi
    end = draw_term(draw, capacity, start, last, may_stay_open=may_stay_open)
    period = Period(
        start=PartialDate.from_date(day(start)),
        end=None if end is None else PartialDate.from_date(day(end)),
    )
    basis = None
    if draw(st.booleans()):
        basis = draw_decree(draw, capacity, day(start), None)
    return Tenure(
        id=f"{person_id}.{position.id}.{day(start).year}",
        person_id=person_id,
        position_id=position.id,
        period=period,
        capacity=capacity,
        basis=basis,
    )


@functools.lru_cache(maxsize=4096)
def _window_of(agency_id: str) -> tuple[int, int, bool]:
    """The days a term of an agency may start (its life from 2005 to today), open-ended?

    A real agency's window (:func:`agency_window`: province 96 only from 2022-12-08);
    a unit (``pemkab-9301.diskominfo``, see :func:`unit_of`) lives as long as its
    local government; an agency the registry does not know (a user's own) gets 2005
    to today.
    """
    from adminnet import agencies as registry  # lazy: loaded by the first draw

    now = today_ordinal()
    agency = registry.get(agency_id)
    if agency is None and "." in agency_id:
        agency = registry.get(agency_id.split(".", 1)[0])
    window = None if agency is None else agency_window(agency)
    if agency is None or window is None:
        return EARLIEST_OFFICE, now, True
    return window[0], window[1], agency.valid.end is None


def tenures(
    *,
    positions: st.SearchStrategy[Position] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Tenure]:
    """Masa jabatan (Tenures in a capacity that fits the position).

    Pj. (penjabat) only for a gubernur, bupati, wali kota or sekretaris daerah post
    and Pjs. only for the first three; Plt./Plh. anywhere. The term starts between
    2005 and today while the agency exists (a Pemerintah Provinsi Papua Barat Daya
    not before 2022-12-08), ends before a dissolved agency does, and lasts as its
    capacity allows (a Pj. at most 364 days, a
    definitif term up to five years; a definitif or Plt. term may be open). The
    position comes from ``positions`` (default :func:`positions`), the holder's id
    from ``person_ids``; the basis, if any, is an SK of the appointment.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(positions, "positions")
    check_strategy(person_ids, "person_ids")
    return _tenures(
        positions if positions is not None else _default_positions(),
        person_ids if person_ids is not None else any_person_id(),
    )


def _default_positions() -> st.SearchStrategy[Position]:
    return positions()
