"""Strategies for the entity classes: persons, agencies, positions, tenures, agreements..."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import hypothesis.strategies as st
import pendulum
from hypothesis.errors import InvalidArgument

from adminnet.errors import ValidationError
from adminnet.ids._gender import Gender
from adminnet.ids.nip import NipKind
from adminnet.model.agency import Agency, AgencyKind, AgencyName
from adminnet.model.agreement import Agreement, AgreementKind, CooperationArea, Party
from adminnet.model.digital import (
    BUILTIN_INDICATORS,
    DigitalizationTarget,
    Indicator,
    Measurement,
    PublicService,
    ServiceMaturity,
)
from adminnet.model.event import Event, EventKind
from adminnet.model.person import Person
from adminnet.model.position import Capacity, Decree, Position, Role, Tenure
from adminnet.model.region import Region
from adminnet.strategies._common import (
    EARLIEST_OFFICE,
    add_years,
    agency_pool,
    as_pendulum,
    check_choice,
    check_date,
    check_strategy,
    day,
    draw_birth,
    or_default,
    pick,
    region_pool,
    slug,
    today_ordinal,
)
from adminnet.strategies._ids import nip_for, region_codes
from adminnet.strategies._names import draw_name
from adminnet.strategies._time import draw_partial
from adminnet.text.names import PersonName, parse_name
from adminnet.time import DateLike, PartialDate, Period

__all__ = [
    "CAPACITIES",
    "KIND_IDS",
    "SERVICES",
    "TERM_DAYS",
    "UNITS",
    "agencies",
    "agency_names",
    "agency_window",
    "agreement_title",
    "agreements",
    "capacities_for",
    "decrees",
    "digitalization_targets",
    "draw_areas",
    "draw_decree",
    "draw_document_number",
    "draw_measurement_value",
    "draw_target",
    "draw_term",
    "event_start",
    "events",
    "head_role",
    "indicators",
    "measurements",
    "parties",
    "person_ids",
    "persons",
    "position_for",
    "positions",
    "public_services",
    "roles_for",
    "tenures",
    "unit_of",
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

SERVICES: Final = (
    ("kependudukan", "Penerbitan Kartu Tanda Penduduk Elektronik"),
    ("kependudukan", "Penerbitan Akta Kelahiran"),
    ("perizinan", "Perizinan Berusaha Berbasis Risiko"),
    ("kesehatan", "Pendaftaran Pasien Rawat Jalan"),
    ("kepegawaian", "Layanan Kenaikan Pangkat"),
    ("pendidikan", "Penerimaan Peserta Didik Baru"),
    ("perpajakan", "Pembayaran Pajak Bumi dan Bangunan"),
    ("pengaduan", "Pengelolaan Pengaduan Pelayanan Publik"),
    ("informasi", "Layanan Informasi Publik"),
    ("pelatihan", "Pendaftaran Pelatihan Kepemimpinan Nasional"),
)

_CUSTOM_INDICATORS: Final = (
    ("indeks_reformasi_birokrasi", "Indeks Reformasi Birokrasi", "nilai", 0, 100, True),
    ("nilai_sakip", "Nilai Akuntabilitas Kinerja Instansi Pemerintah", "nilai", 0, 100, True),
    ("indeks_profesionalitas_asn", "Indeks Profesionalitas ASN", "nilai", 0, 100, True),
    ("jumlah_layanan_manual", "Jumlah layanan publik yang masih manual", "layanan", 0, 5000, False),
)
# Indicators whose values are whole numbers.
_WHOLE: Final = frozenset({"service_maturity", "jumlah_layanan_manual"})

_ISSUERS: Final = (
    "Menteri Dalam Negeri",
    "Presiden Republik Indonesia",
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Gubernur",
)
_PLACES: Final = ("Jakarta", "Bandung", "Surabaya", "Makassar", "Ambon", "Medan", "Denpasar")
_SCOPES: Final = (
    "penyusunan kajian kebijakan bersama",
    "penyelenggaraan pelatihan dasar CPNS dan pelatihan kepemimpinan",
    "pendampingan inovasi pelayanan publik",
    "pertukaran data dan informasi",
    "beasiswa pendidikan tinggi bagi aparatur",
)
_EVENT_NAMES: Final = {
    EventKind.PENANDATANGANAN: "Penandatanganan Nota Kesepahaman",
    EventKind.PELANTIKAN: "Pelantikan Pejabat",
    EventKind.RAPAT: "Rapat Koordinasi Transformasi Digital",
    EventKind.PELUNCURAN: "Peluncuran Mal Pelayanan Publik",
    EventKind.OTHER: "Kunjungan Kerja",
}
KIND_IDS: Final = {
    AgreementKind.NOTA_KESEPAHAMAN: "mou",
    AgreementKind.KESEPAKATAN_BERSAMA: "kb",
    AgreementKind.PERJANJIAN_KERJA_SAMA: "pks",
    AgreementKind.ADENDUM: "adendum",
}
"""Short prefixes of agreement ids by kind (``mou-1``, ``pks-2``)."""
_ROMAN_MONTHS: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


# --- helpers shared with datasets() ----------------------------------------------------


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


def _region_of(agency: Agency) -> Region | None:
    if agency.region_code is None:
        return None
    from adminnet import regions  # lazy: the registry loads on first draw

    return regions.latest(agency.region_code)


def _strip(name: str, prefix: str) -> str:
    return name[len(prefix) :] if name.startswith(prefix) else name


def _title(agency: Agency, role: Role) -> str:
    name = agency.name
    region = _region_of(agency)
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


def agency_window(agency: Agency) -> tuple[int, int] | None:
    """Days (ordinals) from 2005 to today in which ``agency`` surely existed, or None."""
    lo, hi = EARLIEST_OFFICE, today_ordinal()
    valid = agency.valid
    if valid.start is not None:
        lo = max(lo, valid.start.latest.toordinal())
    if valid.end is not None:
        hi = min(hi, valid.end.earliest.toordinal())
    return (lo, hi) if lo <= hi else None


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


def draw_document_number(draw: st.DrawFn, agency: Agency, signed: _dt.date) -> str:
    """A party's number of an agreement: ``"119/LAN/MoU/III/2017"``."""
    acronym = slug(agency.acronym or agency.id).upper().replace("-", "")
    n = draw(st.integers(1, 999))
    return f"{n}/{acronym}/MoU/{_ROMAN_MONTHS[signed.month - 1]}/{signed.year}"


def draw_areas(
    draw: st.DrawFn, exclude: frozenset[CooperationArea] = frozenset()
) -> tuple[CooperationArea, ...]:
    """Zero to three distinct areas of cooperation, none of ``exclude``."""
    choices = [a for a in CooperationArea if a not in exclude]
    if not choices:
        return ()
    picked = draw(st.lists(st.sampled_from(choices), max_size=3, unique=True))
    return tuple(picked)


def _join(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " dan ".join(names)
    return ", ".join(names[:-1]) + ", dan " + names[-1]


def agreement_title(
    kind: AgreementKind, names: Sequence[str], areas: Sequence[CooperationArea]
) -> str:
    """``"Nota Kesepahaman antara A dan B tentang Kerja Sama Bidang Kajian Kebijakan"``."""
    topic = _join([a.label for a in areas if a is not CooperationArea.OTHER]) or "Pembangunan"
    return f"{kind.label} antara {_join(names)} tentang Kerja Sama Bidang {topic}"


def draw_measurement_value(
    draw: st.DrawFn,
    indicator: Indicator,
    low: Decimal | None = None,
    high: Decimal | None = None,
) -> Decimal:
    """A value on the indicator's scale (and within ``low..high``), to 0.01 or whole."""
    lo = indicator.minimum if low is None else max(low, indicator.minimum)
    hi = indicator.maximum if high is None else min(high, indicator.maximum)
    step = Decimal(1) if indicator.key in _WHOLE else Decimal("0.01")
    first = (lo / step).to_integral_value(rounding="ROUND_CEILING")
    last = (hi / step).to_integral_value(rounding="ROUND_FLOOR")
    if first > last:
        return lo
    n = int(first) + draw(st.integers(0, int(last - first)))
    return (Decimal(n) * step).quantize(step)


# --- persons ---------------------------------------------------------------------------


def _agency_ids() -> st.SearchStrategy[str]:
    return agencies().map(lambda a: a.id)


@st.composite
def _person_ids(draw: st.DrawFn) -> str:
    name = draw_name(draw, draw(st.sampled_from(list(Gender))))
    return slug(name.given)


def person_ids() -> st.SearchStrategy[str]:
    """Slug ids of persons, as made from their names: ``"frans-j-papilaya"``."""
    return _person_ids()


@st.composite
def _persons(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None,
    names: st.SearchStrategy[PersonName | str] | None,
    genders: st.SearchStrategy[Gender],
    birth_dates: st.SearchStrategy[_dt.date] | None,
    with_nip: st.SearchStrategy[bool],
    with_birth_date: st.SearchStrategy[bool],
    with_gender: st.SearchStrategy[bool],
) -> Person:
    gender = draw(genders)
    name = draw_name(draw, gender) if names is None else draw(names)
    if birth_dates is None:
        birth = draw_birth(draw)
    else:
        birth = as_pendulum(draw(birth_dates), "birth_dates")
    nip = None
    if draw(with_nip):
        kind = draw(st.sampled_from((NipKind.PNS, NipKind.PPPK)))
        nip = nip_for(draw, kind, birth, gender)
        if nip is None and kind is NipKind.PPPK:  # too old for PPPK since 2014: a PNS
            nip = nip_for(draw, NipKind.PNS, birth, gender)
    try:
        if not isinstance(name, PersonName):
            name = parse_name(name)
    except ValidationError as exc:
        msg = f"the names strategy drew {name!r:.60}, not a name ({exc.message})"
        raise InvalidArgument(msg) from None
    return Person(
        id=draw(ids) if ids is not None else slug(name.given),
        name=name,
        nip=nip,
        birth_date=birth if draw(with_birth_date) else None,
        gender=gender if draw(with_gender) else None,
    )


def persons(
    *,
    ids: st.SearchStrategy[str] | None = None,
    names: st.SearchStrategy[PersonName | str] | None = None,
    genders: st.SearchStrategy[Gender] | None = None,
    birth_dates: st.SearchStrategy[_dt.date] | None = None,
    with_nip: st.SearchStrategy[bool] | None = None,
    with_birth_date: st.SearchStrategy[bool] | None = None,
    with_gender: st.SearchStrategy[bool] | None = None,
) -> st.SearchStrategy[Person]:
    """Orang (Persons whose NIP, birth date and gender agree).

    The gender comes from ``genders``, the name from ``names`` (PersonName or text;
    default :func:`person_names` fitting the gender: ``Hj.`` for a woman), the birth
    date from ``birth_dates`` (default 1945 to 20 years ago, the years about equally
    likely). ``with_nip`` (default ``st.booleans()``) decides whether the person has
    a PNS NIP or NI PPPK, which then encodes the same birth date and gender and an
    appointment within the ASN age limits, not after today (see :func:`nips`; a
    birth date that admits none gives no NIP);
    ``with_birth_date`` and ``with_gender`` whether those fields are recorded. The id
    is the slug of the name (``"frans-j-papilaya"``) unless ``ids`` is given. Shrinks
    towards ``Person(id="budi", name="Budi")``.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    for value, label in (
        (ids, "ids"),
        (names, "names"),
        (genders, "genders"),
        (birth_dates, "birth_dates"),
        (with_nip, "with_nip"),
        (with_birth_date, "with_birth_date"),
        (with_gender, "with_gender"),
    ):
        check_strategy(value, label)
    return _persons(
        ids,
        names,
        or_default(genders, st.sampled_from(list(Gender))),
        birth_dates,
        or_default(with_nip, st.booleans()),
        or_default(with_birth_date, st.booleans()),
        or_default(with_gender, st.booleans()),
    )


# --- agencies --------------------------------------------------------------------------


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
    region = _region_of(parent)
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


# --- positions and tenures -------------------------------------------------------------


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
    return _positions(agencies if agencies is not None else _default_agencies())


def _default_agencies() -> st.SearchStrategy[Agency]:
    return agencies()


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
        person_ids if person_ids is not None else _person_ids(),
    )


def _default_positions() -> st.SearchStrategy[Position]:
    return positions()


# --- agreements --------------------------------------------------------------------------


@st.composite
def _parties(draw: st.DrawFn, agency_strategy: st.SearchStrategy[Agency]) -> Party:
    agency = draw(agency_strategy)
    signatory = draw(_person_ids()) if draw(st.booleans()) else None
    number = None
    if draw(st.booleans()):
        number = draw_document_number(
            draw, agency, day(draw(st.integers(EARLIEST_OFFICE, today_ordinal())))
        )
    return Party(agency_id=agency.id, signatory_id=signatory, document_number=number)


def parties(*, agencies: st.SearchStrategy[Agency] | None = None) -> st.SearchStrategy[Party]:
    """Pihak (Parties to an agreement: an agency, maybe its signatory and number).

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    return _parties(agencies if agencies is not None else _default_agencies())


_FRAMEWORK_KINDS: Final = (
    AgreementKind.NOTA_KESEPAHAMAN,
    AgreementKind.KESEPAKATAN_BERSAMA,
    AgreementKind.PERJANJIAN_KERJA_SAMA,
    AgreementKind.ADENDUM,
)


@st.composite
def _agreements(draw: st.DrawFn, agency_strategy: st.SearchStrategy[Agency]) -> Agreement:
    members = draw(st.lists(agency_strategy, min_size=2, max_size=4, unique_by=lambda a: a.id))
    kind = draw(st.sampled_from(_FRAMEWORK_KINDS))
    lo, hi = EARLIEST_OFFICE, today_ordinal()
    for a in members:
        window = agency_window(a)
        if window is not None:
            lo, hi = max(lo, window[0]), min(hi, window[1])
    if lo > hi:
        lo, hi = EARLIEST_OFFICE, today_ordinal()
    signed = draw_partial(draw, lo, hi)
    areas = draw_areas(draw)
    party_list = []
    for a in members:
        signatory = draw(_person_ids()) if draw(st.booleans()) else None
        number = None
        if draw(st.booleans()):
            number = draw_document_number(draw, a, signed.latest)
        party_list.append(Party(agency_id=a.id, signatory_id=signatory, document_number=number))
    effective = Period(start=signed)
    if draw(st.booleans()):
        years = draw(st.integers(1, 5))
        end = add_years(signed.latest, years) - _dt.timedelta(days=1)
        effective = Period(start=signed, end=PartialDate.from_date(end))
    parent_id = None
    if kind in (AgreementKind.PERJANJIAN_KERJA_SAMA, AgreementKind.ADENDUM) and draw(st.booleans()):
        parent_id = f"mou-{members[0].id}-{signed.year - draw(st.integers(0, 3))}"
    return Agreement(
        id=f"{KIND_IDS[kind]}-{'-'.join(a.id for a in members[:2])}-{signed.year}",
        kind=kind,
        title=agreement_title(kind, [a.name for a in members], areas),
        parties=tuple(party_list),
        signed_on=signed,
        place=draw(st.sampled_from(_PLACES)) if draw(st.booleans()) else None,
        effective=effective,
        areas=areas,
        scope=draw(st.sampled_from(_SCOPES)) if draw(st.booleans()) else None,
        parent_id=parent_id,
        event_id=None,
    )


def agreements(
    *, agencies: st.SearchStrategy[Agency] | None = None
) -> st.SearchStrategy[Agreement]:
    """Naskah kerja sama (Agreements between two to four distinct agencies).

    MoU, kesepakatan bersama, PKS or adendum between agencies drawn from ``agencies``
    (default :func:`agencies`), signed on a day (or month, or year) on which all of
    them existed, in force from the signing for one to five years or open, on zero
    to three areas of cooperation, with a title naming the parties. Signatories are
    person ids that need not exist (use :func:`datasets` for agreements signed by the
    heads in office). Shrinks towards a two-party MoU with no signatories.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    return _agreements(agencies if agencies is not None else _default_agencies())


# --- events ------------------------------------------------------------------------------


@functools.cache
def _stable_pool() -> tuple[Region, ...]:
    """Current level-1/2 regions whose code has been valid since before 2005."""
    return tuple(
        r
        for r in region_pool(1, None) + region_pool(2, None)
        if r.valid.start is None or r.valid.start.latest.toordinal() <= EARLIEST_OFFICE
    )


def _stable_regions() -> st.SearchStrategy[Region]:
    return pick(_stable_pool)


def event_start(draw: st.DrawFn, on: _dt.date, timezone: str) -> tuple[pendulum.DateTime, bool]:
    """An aware start on the day ``on`` in ``timezone``, and whether the time is known."""
    if draw(st.booleans()):
        hour = draw(st.integers(7, 16))
        minute = draw(st.sampled_from((0, 15, 30, 45)))
        return pendulum.datetime(on.year, on.month, on.day, hour, minute, tz=timezone), True
    return pendulum.datetime(on.year, on.month, on.day, tz=timezone), False


@st.composite
def _events(draw: st.DrawFn) -> Event:
    region = draw(_stable_regions())
    on = day(draw(st.integers(EARLIEST_OFFICE, today_ordinal())))
    kind = draw(st.sampled_from(list(EventKind)))
    start, known = event_start(draw, on, region.timezone)
    people = draw(st.lists(_person_ids(), max_size=5, unique=True))
    chair = people[0] if len(people) > 0 and draw(st.booleans()) else None
    rest = [p for p in people if p != chair]
    n_witness = draw(st.integers(0, len(rest)))
    organizer = draw(_agency_ids()) if draw(st.booleans()) else None
    agreement_ids: tuple[str, ...] = ()
    if kind is EventKind.PENANDATANGANAN:
        count = draw(st.integers(0, 3))
        agreement_ids = tuple(f"nota-{on.isoformat()}-{i + 1}" for i in range(count))
    return Event(
        id=f"{kind.value}-{on.isoformat()}-{slug(region.name)}",
        kind=kind,
        name=f"{_EVENT_NAMES[kind]} di {region.official_name}",
        start=start,
        time_known=known,
        venue=f"Kantor {region.official_name}",
        region_code=region.code,
        organizer_id=organizer,
        chair_id=chair,
        witness_ids=tuple(rest[:n_witness]),
        attendee_ids=tuple(rest[n_witness:]),
        agreement_ids=agreement_ids,
    )


def events() -> st.SearchStrategy[Event]:
    """Acara (Events with a timezone-aware start in the timezone of their region).

    A signing, inauguration, meeting, launch or other event between 2005 and today at
    a real provinsi or kabupaten/kota (valid on the day), starting at a time of day
    or, when only the day is known, at midnight (``time_known=False``), with person
    ids as chair, witnesses and attendees (use :func:`datasets` for officials in
    office).
    """
    return _events()


# --- public services, indicators, measurements, targets ----------------------------------


@st.composite
def _public_services(draw: st.DrawFn, agency_strategy: st.SearchStrategy[Agency]) -> PublicService:
    agency = draw(agency_strategy)
    sector, name = draw(st.sampled_from(SERVICES))
    maturity = draw(st.sampled_from(list(ServiceMaturity))) if draw(st.booleans()) else None
    return PublicService(
        id=f"{agency.id}.{slug(name)}",
        name=name,
        agency_id=agency.id,
        sector=sector,
        maturity=maturity,
    )


def public_services(
    *, agencies: st.SearchStrategy[Agency] | None = None
) -> st.SearchStrategy[PublicService]:
    """Pelayanan publik (public services of an agency, maybe with an SPBE maturity).

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    return _public_services(agencies if agencies is not None else _default_agencies())


def _custom_indicators() -> tuple[Indicator, ...]:
    return tuple(
        Indicator(key=k, label=lb, unit=u, minimum=lo, maximum=hi, higher_is_better=better)
        for k, lb, u, lo, hi, better in _CUSTOM_INDICATORS
    )


def indicators() -> st.SearchStrategy[Indicator]:
    """Indikator (the built-in SPBE/IPP indicators and a few other real scales).

    Shrinks towards the SPBE index (0-5).
    """
    return st.deferred(
        lambda: st.sampled_from(tuple(BUILTIN_INDICATORS.values()) + _custom_indicators())
    )


def _source(indicator: Indicator, year: int) -> str:
    if indicator.key == "spbe_index":
        return f"Laporan Hasil Evaluasi SPBE Tahun {year}, KemenPANRB"
    if indicator.key == "ipp_index":
        return f"Laporan Hasil Evaluasi PEKPPP Tahun {year}, KemenPANRB"
    return f"Data {indicator.label} Tahun {year}"


def _region_on(draw: st.DrawFn, on: PartialDate, level: int | None) -> str | None:
    """A region code valid on every day ``on`` may denote (``None`` if the draw misses)."""
    from adminnet import regions as _regions  # lazy: the registry loads on the first draw

    code = draw(region_codes(level=level))  # current codes: one pool, not one per date
    latest = min(on.latest, pendulum.today().date())
    valid = all(_regions.get(code, as_of=d) is not None for d in (on.earliest, latest))
    return code if valid else None


@st.composite
def _measurements(
    draw: st.DrawFn,
    indicator_strategy: st.SearchStrategy[Indicator],
    agency_id_strategy: st.SearchStrategy[str] | None,
    region_code_strategy: st.SearchStrategy[str] | None,
) -> Measurement:
    indicator = draw(indicator_strategy)
    on = draw_partial(draw, _dt.date(2015, 1, 1).toordinal(), today_ordinal())
    agency_id = region_code = None
    subject = draw(st.sampled_from(("national", "agency", "region")))
    if subject == "agency":
        agency_id = draw(agency_id_strategy if agency_id_strategy is not None else _agency_ids())
    elif subject == "region":
        if region_code_strategy is not None:
            region_code = draw(region_code_strategy)
        else:
            region_code = _region_on(draw, on, None)
    return Measurement(
        indicator=indicator,
        value=draw_measurement_value(draw, indicator),
        on=on,
        agency_id=agency_id,
        region_code=region_code,
        source=_source(indicator, on.year) if draw(st.booleans()) else None,
    )


def measurements(
    *,
    indicators: st.SearchStrategy[Indicator] | None = None,
    agency_ids: st.SearchStrategy[str] | None = None,
    region_codes: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Measurement]:
    """Pengukuran (Measurements on their indicator's scale, 2015 to today).

    Values to two decimals (whole numbers for a maturity level or a count), dated to
    the day, month or (like an evaluation year) the year; national, for an agency id
    from ``agency_ids`` (default the ids of :func:`agencies`), or about a region code
    from ``region_codes`` (default: a current region of any level whose code is valid
    on every day the date may denote, so rule ``REF002`` holds; a national figure when
    the drawn code was not yet valid, as a Papua code of 2022 in 2019).

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(indicators, "indicators")
    check_strategy(agency_ids, "agency_ids")
    check_strategy(region_codes, "region_codes")
    return _measurements(
        indicators if indicators is not None else _default_indicators(),
        agency_ids,
        region_codes,
    )


def _default_indicators() -> st.SearchStrategy[Indicator]:
    return indicators()


def draw_target(
    draw: st.DrawFn,
    ident: str,
    agency: Agency,
    indicator: Indicator,
) -> DigitalizationTarget:
    """A target of ``agency`` on ``indicator``: maybe a baseline, due after it."""
    now = _dt.date.fromordinal(today_ordinal())
    baseline = None
    if draw(st.booleans()):
        year = draw(st.integers(2015, now.year - 1))
        baseline = Measurement(
            indicator=indicator,
            value=draw_measurement_value(draw, indicator),
            on=PartialDate(year=year),
            agency_id=agency.id,
            source=_source(indicator, year),
        )
    if baseline is None:
        target_value = draw_measurement_value(draw, indicator)
    elif indicator.higher_is_better:
        target_value = draw_measurement_value(draw, indicator, low=baseline.value)
    else:
        target_value = draw_measurement_value(draw, indicator, high=baseline.value)
    due = None
    if draw(st.booleans()):
        first = 2018 if baseline is None else baseline.on.year + 1
        due = PartialDate(year=first + draw(st.integers(0, 8)))
    basis = None
    if draw(st.booleans()):
        basis = f"Rencana Strategis {agency.acronym or agency.name} 2020-2024"
    return DigitalizationTarget(
        id=ident,
        agency_id=agency.id,
        indicator=indicator,
        target_value=target_value,
        baseline=baseline,
        due=due,
        basis=basis,
    )


@st.composite
def _targets(
    draw: st.DrawFn,
    agency_strategy: st.SearchStrategy[Agency],
    indicator_strategy: st.SearchStrategy[Indicator],
) -> DigitalizationTarget:
    agency = draw(agency_strategy)
    indicator = draw(indicator_strategy)
    return draw_target(draw, f"{agency.id}.target-{indicator.key}", agency, indicator)


def digitalization_targets(
    *,
    agencies: st.SearchStrategy[Agency] | None = None,
    indicators: st.SearchStrategy[Indicator] | None = None,
) -> st.SearchStrategy[DigitalizationTarget]:
    """Target digitalisasi (targets on an indicator's scale, due after their baseline).

    A target value for an agency (``agencies``) on an indicator (``indicators``),
    maybe from a baseline measured 2015 to last year (then the target is no worse
    than the baseline and due at least a year after it), maybe with a due year and a
    basis.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    check_strategy(indicators, "indicators")
    return _targets(
        agencies if agencies is not None else _default_agencies(),
        indicators if indicators is not None else _default_indicators(),
    )
