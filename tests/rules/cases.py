"""Datasets that break (``*_fail``) or keep (``*_pass``) each built-in rule.

Each builder makes a Dataset, commented with what it breaks; the tests read it from its
JSON document ``tests/vectors/rules/<case>.json`` (regenerate them with
``python -m rules.cases`` run in ``tests/``), except the cases in ``BUILDERS_ONLY``,
whose datasets the constructors refuse. What ``check`` must report for each case (on
which day, with which selection) is in ``tests/vectors/rules/expected.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pendulum

from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, Party
from adminnet.model.dataset import Dataset
from adminnet.model.digital import SPBE_INDEX, DigitalizationTarget, Measurement, PublicService
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Decree, Position, Tenure
from adminnet.time import Period

CASES: dict[str, Callable[[], Dataset]] = {}

_FIELDS = {
    Agency: "agencies",
    Person: "persons",
    Position: "positions",
    Tenure: "tenures",
    Agreement: "agreements",
    Event: "events",
    PublicService: "services",
    DigitalizationTarget: "targets",
    Measurement: "measurements",
}


def case(fn: Callable[[], Dataset]) -> Callable[[], Dataset]:
    CASES[fn.__name__] = fn
    return fn


def make(*entities: object) -> Dataset:
    """A dataset of the entities, each put in its collection, in order."""
    lists: dict[str, list[object]] = {name: [] for name in _FIELDS.values()}
    for e in entities:
        lists[_FIELDS[type(e)]].append(e)
    return Dataset(**lists)


# --- building blocks -----------------------------------------------------------------

LAN = Agency(
    id="lan",
    name="Lembaga Administrasi Negara",
    acronym="LAN",
    kind="lembaga_pemerintah_nonkementerian",
    valid=Period.parse("1957", None),
)
PANRB = Agency(
    id="kemenpanrb",
    name="Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    kind="kementerian",
)
AMBON = Agency(
    id="pemkot-8171", name="Pemerintah Kota Ambon", kind="pemerintah_kota", region_code="81.71"
)
BOGOR = Agency(
    id="pemkab-3201",
    name="Pemerintah Kabupaten Bogor",
    kind="pemerintah_kabupaten",
    region_code="32.01",
)
MALUKU = Agency(
    id="pemprov-81", name="Pemerintah Provinsi Maluku", kind="pemerintah_provinsi", region_code="81"
)
KASN = Agency(
    id="kasn",
    name="Komisi Aparatur Sipil Negara",
    kind="lembaga_nonstruktural",
    valid=Period.parse(None, "2024-08-24"),
    successor_ids=("kemenpanrb",),
)
BSSN = Agency(
    id="bssn",
    name="Badan Siber dan Sandi Negara",
    kind="lembaga_pemerintah_nonkementerian",
    valid=Period.parse("2017-05-19", None),
)
SORONG = Agency(
    id="pemkab-9201",
    name="Pemerintah Kabupaten Sorong",
    kind="pemerintah_kabupaten",
    region_code="92.01",
    valid=Period.parse(None, "2022-12-07"),
)
DISKOMINFO_AMBON = Agency(
    id="diskominfo-ambon",
    name="Dinas Komunikasi dan Informatika Kota Ambon",
    kind="unit_kerja",
    parent_id="pemkot-8171",
)

ADI = Person(id="adi-suryanto", name="Dr. Adi Suryanto, M.Si.")
AGUS = Person(id="agus-dwiyanto", name="Agus Dwiyanto")
ASMAN = Person(id="asman-abnur", name="Asman Abnur")
PAPILAYA = Person(id="frans-papilaya", name="Ir. Frans J. Papilaya, M.Si.")
RICHARD = Person(id="richard-louhenapessy", name="Richard Louhenapessy")
LATUCONSINA = Person(id="latuconsina", name="M.A.S. Latuconsina")
SYARIF = Person(id="syarif-hadler", name="Syarif Hadler")
ADE = Person(id="ade-yasin", name="Ade Yasin")
KADIS = Person(id="kadis-ambon", name="Joy Adriaansz")

KEPALA_LAN = Position(id="kepala-lan", agency_id="lan", role="kepala", title="Kepala LAN")
MENTERI = Position(
    id="menteri-panrb", agency_id="kemenpanrb", role="menteri", title="Menteri PANRB"
)
SESMEN = Position(
    id="sesmen-panrb", agency_id="kemenpanrb", role="sekretaris_kementerian", title="Sesmen PANRB"
)
WK_AMBON = Position(
    id="wali-kota-ambon", agency_id="pemkot-8171", role="wali_kota", title="Wali Kota Ambon"
)
WAWALI_AMBON = Position(
    id="wakil-wali-kota-ambon",
    agency_id="pemkot-8171",
    role="wakil_wali_kota",
    title="Wakil Wali Kota Ambon",
)
SEKDA_AMBON = Position(
    id="sekda-ambon",
    agency_id="pemkot-8171",
    role="sekretaris_daerah",
    title="Sekretaris Daerah Kota Ambon",
)
BUPATI_BOGOR = Position(
    id="bupati-bogor", agency_id="pemkab-3201", role="bupati", title="Bupati Bogor"
)
BUPATI_SORONG = Position(
    id="bupati-sorong", agency_id="pemkab-9201", role="bupati", title="Bupati Sorong"
)
KETUA_KASN = Position(id="ketua-kasn", agency_id="kasn", role="other", title="Ketua KASN")
KEPALA_BSSN = Position(id="kepala-bssn", agency_id="bssn", role="kepala", title="Kepala BSSN")
KADIS_AMBON = Position(
    id="kadis-kominfo-ambon",
    agency_id="diskominfo-ambon",
    role="kepala",
    title="Kepala Diskominfo Ambon",
)


def tenure(
    id: str,
    person: str,
    position: str,
    start: str | None,
    end: str | None,
    capacity: str = "definitif",
) -> Tenure:
    return Tenure(
        id=id,
        person_id=person,
        position_id=position,
        period=Period.parse(start, end),
        capacity=capacity,
    )


def mou(
    id: str,
    a: str,
    b: str,
    signed: str | None,
    *,
    end: str | None = None,
    signatories: tuple[str | None, str | None] = (None, None),
    kind: str = "nota_kesepahaman",
    areas: tuple[str, ...] = ("kajian_kebijakan",),
    parent: str | None = None,
    event: str | None = None,
    start: str | None = None,
) -> Agreement:
    first = start if start is not None else signed
    return Agreement(
        id=id,
        kind=kind,
        title=f"Kerja sama {a} dan {b}",
        parties=[
            Party(agency_id=a, signatory_id=signatories[0]),
            Party(agency_id=b, signatory_id=signatories[1]),
        ],
        signed_on=signed,
        effective=Period.parse(first, end),
        areas=list(areas),
        parent_id=parent,
        event_id=event,
    )


def event(
    id: str,
    start: pendulum.DateTime,
    *,
    chair: str | None = None,
    witnesses: tuple[str, ...] = (),
    agreements: tuple[str, ...] = (),
) -> Event:
    return Event(
        id=id,
        kind="penandatanganan",
        name=f"Penandatanganan {id}",
        start=start,
        chair_id=chair,
        witness_ids=witnesses,
        agreement_ids=agreements,
    )


SIGNING_DAY = pendulum.datetime(2017, 3, 16, 10, tz="Asia/Jakarta")

# --- REF001 --------------------------------------------------------------------------


@case
def ref001_fail() -> Dataset:
    return make(
        attrs.evolve(KASN, successor_ids=("kemenpanrb", "no-such-agency")),
        PANRB,
        LAN,
        ADI,
        Position(id="kepala-x", agency_id="badan-x", role="kepala", title="Kepala Badan X"),
        KEPALA_LAN,
        tenure("ghost-kepala-lan", "ghost", "kepala-lan", "2010-01-01", "2014-12-31"),
        tenure("adi-kepala-nowhere", "adi-suryanto", "kepala-nowhere", "2015", None),
        mou("lan-panrb", "lan", "kemenpanrb", "2017-03-16", signatories=("adi-suryanto", "nobody")),
        mou(
            "pks-orphan",
            "lan",
            "kemenpanrb",
            "2018-01-01",
            kind="perjanjian_kerja_sama",
            parent="no-mou",
        ),
        event(
            "signing",
            SIGNING_DAY,
            chair="adi-suryanto",
            witnesses=("asman-abnur",),
            agreements=("lan-panrb",),
        ),
        Measurement(indicator=SPBE_INDEX, value="2.1", on="2019", agency_id="badan-x"),
    )


@case
def ref001_pass() -> Dataset:
    # kemendes-pdtt's successors are not in the dataset but resolve in the catalog.
    kemendes = Agency(
        id="kemendes-pdtt",
        name="Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
        kind="kementerian",
        valid=Period.parse(None, "2024-10-20"),
        successor_ids=("kemendes-pdt", "kementrans"),
    )
    return make(
        kemendes,
        LAN,
        AMBON,
        ADI,
        KEPALA_LAN,
        tenure("adi-kepala-lan", "adi-suryanto", "kepala-lan", "2015", None),
        mou("lan-ambon", "lan", "pemkot-8171", "2016"),
        Measurement(indicator=SPBE_INDEX, value="2.1", on="2019", agency_id="pemkot-8171"),
    )


# --- REF002 --------------------------------------------------------------------------


@case
def ref002_fail() -> Dataset:
    return make(
        LAN,
        SORONG,
        BUPATI_SORONG,
        RICHARD,
        tenure("bupati-sorong-2023", "richard-louhenapessy", "bupati-sorong", "2023-01-01", None),
        mou("lan-sorong-2023", "lan", "pemkab-9201", "2023-03-01"),
        mou("lan-sorong-2022", "lan", "pemkab-9201", "2022"),
        # Measurements of regions: the kabupaten code 92.01 retired on 2022-12-07
        # (possibly in force for "2022", surely not in 2023), and Desa Asbaken under the
        # retired code (kecamatan and desa of a retired kabupaten code are not known).
        Measurement(indicator=SPBE_INDEX, value="2.1", on="2022", region_code="92.01"),
        Measurement(indicator=SPBE_INDEX, value="2.2", on="2023", region_code="92.01"),
        Measurement(indicator=SPBE_INDEX, value="2.3", on="2024", region_code="92.01.01.2002"),
    )


@case
def ref002_pass() -> Dataset:
    return make(
        LAN,
        SORONG,
        BUPATI_SORONG,
        RICHARD,
        tenure(
            "bupati-sorong-2017",
            "richard-louhenapessy",
            "bupati-sorong",
            "2017-05-22",
            "2022-05-22",
        ),
        mou("lan-sorong-2016", "lan", "pemkab-9201", "2016"),
        mou("lan-sorong-2022", "lan", "pemkab-9201", "2022-12-07", areas=("pelayanan_publik",)),
        # A region measurement at every level, each code in force on its date.
        Measurement(indicator=SPBE_INDEX, value="2.1", on="2019", region_code="92.01"),
        Measurement(indicator=SPBE_INDEX, value="2.2", on="2024", region_code="96"),
        Measurement(indicator=SPBE_INDEX, value="2.3", on="2024", region_code="96.01.01"),
        Measurement(indicator=SPBE_INDEX, value="2.4", on="2024-06", region_code="96.01.01.2002"),
    )


# --- POS001 --------------------------------------------------------------------------


@case
def pos001_fail() -> Dataset:
    return make(
        LAN,
        PANRB,
        AMBON,
        Position(id="bupati-ambon", agency_id="pemkot-8171", role="bupati", title="Bupati Ambon"),
        Position(id="kepala-panrb", agency_id="kemenpanrb", role="kepala", title="Kepala PANRB"),
        Position(
            id="wagub-lan", agency_id="lan", role="wakil_gubernur", title="Wakil Gubernur LAN"
        ),
        Position(id="menteri-lan", agency_id="lan", role="menteri", title="Menteri LAN"),
    )


@case
def pos001_pass() -> Dataset:
    return make(
        LAN,
        PANRB,
        AMBON,
        MALUKU,
        BOGOR,
        DISKOMINFO_AMBON,
        KEPALA_LAN,
        MENTERI,
        SESMEN,
        WK_AMBON,
        WAWALI_AMBON,
        SEKDA_AMBON,
        BUPATI_BOGOR,
        KADIS_AMBON,
        Position(
            id="gubernur-maluku", agency_id="pemprov-81", role="gubernur", title="Gubernur Maluku"
        ),
        Position(id="sestama-lan", agency_id="lan", role="sekretaris_utama", title="Sestama LAN"),
        Position(id="deputi-lan", agency_id="lan", role="other", title="Deputi LAN"),
    )


# --- TEN001 --------------------------------------------------------------------------


@case
def ten001_fail() -> Dataset:
    return make(
        LAN,
        AMBON,
        KEPALA_LAN,
        WK_AMBON,
        AGUS,
        ADI,
        PAPILAYA,
        RICHARD,
        tenure("agus-kepala-lan", "agus-dwiyanto", "kepala-lan", "2010-01-01", "2015-06-30"),
        tenure("adi-kepala-lan", "adi-suryanto", "kepala-lan", "2015-01-01", "2019"),
        tenure(
            "richard-wk-ambon-2011",
            "richard-louhenapessy",
            "wali-kota-ambon",
            "2011-08-04",
            "2016-08",
        ),
        tenure(
            "papilaya-pj-wk-ambon",
            "frans-papilaya",
            "wali-kota-ambon",
            "2016-08-04",
            "2017-05-22",
            "penjabat",
        ),
    )


@case
def ten001_pass() -> Dataset:
    return make(
        LAN,
        AMBON,
        KEPALA_LAN,
        WK_AMBON,
        AGUS,
        ADI,
        PAPILAYA,
        RICHARD,
        LATUCONSINA,
        tenure("agus-kepala-lan", "agus-dwiyanto", "kepala-lan", "2010", None),
        tenure("adi-kepala-lan", "adi-suryanto", "kepala-lan", "2015", None),
        tenure(
            "richard-wk-ambon-2011",
            "richard-louhenapessy",
            "wali-kota-ambon",
            "2011-08-04",
            "2016-08-04",
        ),
        tenure(
            "papilaya-pj-wk-ambon",
            "frans-papilaya",
            "wali-kota-ambon",
            "2016-08-04",
            "2017-05-22",
            "penjabat",
        ),
        tenure(
            "richard-wk-ambon-2017",
            "richard-louhenapessy",
            "wali-kota-ambon",
            "2017-05-22",
            "2022-05-22",
        ),
        # A Plt. stands in for the definitive holder and may overlap the term.
        tenure(
            "latuconsina-plt-wk-ambon",
            "latuconsina",
            "wali-kota-ambon",
            "2013-02-01",
            "2013-03-01",
            "pelaksana_tugas",
        ),
    )


# --- TEN002 --------------------------------------------------------------------------


@case
def ten002_fail() -> Dataset:
    return make(
        LAN,
        AMBON,
        KEPALA_LAN,
        WAWALI_AMBON,
        SEKDA_AMBON,
        PAPILAYA,
        ADI,
        SYARIF,
        tenure("adi-pj-kepala-lan", "adi-suryanto", "kepala-lan", "2015", None, "penjabat"),
        tenure(
            "papilaya-pj-wawali",
            "frans-papilaya",
            "wakil-wali-kota-ambon",
            "2016-08-04",
            "2017-05-22",
            "penjabat",
        ),
        tenure(
            "syarif-pjs-sekda",
            "syarif-hadler",
            "sekda-ambon",
            "2017-01-01",
            "2017-02-01",
            "penjabat_sementara",
        ),
    )


@case
def ten002_pass() -> Dataset:
    return make(
        LAN,
        AMBON,
        BOGOR,
        KEPALA_LAN,
        WK_AMBON,
        SEKDA_AMBON,
        BUPATI_BOGOR,
        Position(id="kades-x", agency_id="pemkab-3201", role="other", title="Kepala Desa X"),
        PAPILAYA,
        ADI,
        SYARIF,
        ADE,
        tenure(
            "papilaya-pj-wk-ambon",
            "frans-papilaya",
            "wali-kota-ambon",
            "2016-08-04",
            "2017-05-22",
            "penjabat",
        ),
        tenure(
            "syarif-pj-sekda",
            "syarif-hadler",
            "sekda-ambon",
            "2017-01-01",
            "2017-02-01",
            "penjabat",
        ),
        tenure(
            "ade-pjs-bupati",
            "ade-yasin",
            "bupati-bogor",
            "2018-02-15",
            "2018-06-23",
            "penjabat_sementara",
        ),
        tenure(
            "adi-plt-kepala-lan",
            "adi-suryanto",
            "kepala-lan",
            "2015-01-01",
            "2015-03-01",
            "pelaksana_tugas",
        ),
        tenure("ade-pj-kades", "ade-yasin", "kades-x", "2019-01-01", "2019-12-31", "penjabat"),
    )


# --- TEN003 --------------------------------------------------------------------------


@case
def ten003_fail() -> Dataset:
    return make(
        AMBON,
        BOGOR,
        WK_AMBON,
        BUPATI_BOGOR,
        PAPILAYA,
        ADE,
        tenure(
            "papilaya-pj-long",
            "frans-papilaya",
            "wali-kota-ambon",
            "2016-08-04",
            "2018-01-01",
            "penjabat",
        ),
        tenure("ade-pj-open", "ade-yasin", "bupati-bogor", "2022-05-22", None, "penjabat"),
    )


@case
def ten003_pass() -> Dataset:
    return make(
        AMBON,
        BOGOR,
        WK_AMBON,
        BUPATI_BOGOR,
        PAPILAYA,
        ADE,
        tenure(
            "papilaya-pj-wk-ambon",
            "frans-papilaya",
            "wali-kota-ambon",
            "2016-08-04",
            "2017-05-22",
            "penjabat",
        ),
        # Exactly 365 days on one decree, then an extension on its own decree.
        Tenure(
            id="ade-pj-2022",
            person_id="ade-yasin",
            position_id="bupati-bogor",
            period=Period.parse("2022-05-22", "2023-05-22"),
            capacity="penjabat",
            basis=Decree(
                number="131.32-1/2022", issued_on="2022-05-20", issuer="Menteri Dalam Negeri"
            ),
        ),
        Tenure(
            id="ade-pj-2023",
            person_id="ade-yasin",
            position_id="bupati-bogor",
            period=Period.parse("2023-05-23", "2023-12-31"),
            capacity="penjabat",
            basis=Decree(
                number="131.32-2/2023", issued_on="2023-05-20", issuer="Menteri Dalam Negeri"
            ),
        ),
    )


# --- TEN004 --------------------------------------------------------------------------


@case
def ten004_fail() -> Dataset:
    return make(
        KASN,
        PANRB,
        BSSN,
        KETUA_KASN,
        KEPALA_BSSN,
        AGUS,
        ADI,
        ASMAN,
        tenure("agus-ketua-kasn", "agus-dwiyanto", "ketua-kasn", "2023-01-01", "2024-12-31"),
        tenure("adi-ketua-kasn", "adi-suryanto", "ketua-kasn", "2024-01-01", "2024-08"),
        tenure("asman-kepala-bssn", "asman-abnur", "kepala-bssn", "2017-01-01", "2018-01-01"),
    )


@case
def ten004_pass() -> Dataset:
    return make(
        KASN,
        PANRB,
        BSSN,
        KETUA_KASN,
        KEPALA_BSSN,
        AGUS,
        ASMAN,
        ADI,
        tenure("agus-ketua-kasn", "agus-dwiyanto", "ketua-kasn", "2019-01-01", "2024-08-24"),
        tenure("asman-kepala-bssn", "asman-abnur", "kepala-bssn", "2017-05-19", "2018-01-03"),
        tenure("adi-kepala-bssn", "adi-suryanto", "kepala-bssn", None, None),
    )


# --- AGR001 --------------------------------------------------------------------------


def _agr001_world() -> list[object]:
    return [
        LAN,
        PANRB,
        AMBON,
        BOGOR,
        DISKOMINFO_AMBON,
        KEPALA_LAN,
        MENTERI,
        WK_AMBON,
        BUPATI_BOGOR,
        KADIS_AMBON,
        ADI,
        ASMAN,
        PAPILAYA,
        RICHARD,
        ADE,
        KADIS,
        tenure("adi-kepala-lan", "adi-suryanto", "kepala-lan", "2015-01-01", "2019-12-31"),
        tenure("asman-menteri-panrb", "asman-abnur", "menteri-panrb", "2016-07-27", "2018-08-14"),
        tenure(
            "papilaya-pj-wk-ambon",
            "frans-papilaya",
            "wali-kota-ambon",
            "2016-08-04",
            "2017-05-22",
            "penjabat",
        ),
        tenure(
            "richard-wk-ambon",
            "richard-louhenapessy",
            "wali-kota-ambon",
            "2017-05-22",
            "2022-05-22",
        ),
        tenure("ade-bupati-bogor", "ade-yasin", "bupati-bogor", "2018", "2023"),
        tenure("kadis-ambon", "kadis-ambon", "kadis-kominfo-ambon", "2015-01-01", None),
    ]


@case
def agr001_fail() -> Dataset:
    return make(
        *_agr001_world(),
        # The Menteri PANRB signs for Pemkot Ambon: Papilaya (Pj.) held that post.
        mou(
            "lan-ambon-asman",
            "lan",
            "pemkot-8171",
            "2017-03-16",
            signatories=("adi-suryanto", "asman-abnur"),
        ),
        # Louhenapessy was not yet wali kota again (from 2017-05-22).
        mou(
            "lan-ambon-richard",
            "lan",
            "pemkot-8171",
            "2017-03-16",
            signatories=(None, "richard-louhenapessy"),
        ),
        # Ade Yasin's term is known to the year only: possibly not yet bupati.
        mou("lan-bogor-2018", "lan", "pemkab-3201", "2018-01-05", signatories=(None, "ade-yasin")),
        # No head tenure of Pemkab Bogor for Papilaya, none known for anyone: unknown.
        mou(
            "lan-bogor-2015",
            "lan",
            "pemkab-3201",
            "2015-06-01",
            signatories=(None, "frans-papilaya"),
        ),
        # An MoU may not be signed by a kepala dinas (only a PKS, with a surat kuasa).
        mou(
            "lan-ambon-kadis", "lan", "pemkot-8171", "2017-03-16", signatories=(None, "kadis-ambon")
        ),
    )


@case
def agr001_pass() -> Dataset:
    return make(
        *_agr001_world(),
        mou(
            "lan-ambon-2017",
            "lan",
            "pemkot-8171",
            "2017-03-16",
            signatories=("adi-suryanto", "frans-papilaya"),
        ),
        mou(
            "pks-lan-ambon-2017",
            "lan",
            "pemkot-8171",
            "2017-04-01",
            signatories=("adi-suryanto", "kadis-ambon"),
            kind="perjanjian_kerja_sama",
            parent="lan-ambon-2017",
        ),
        mou("lan-bogor-2019", "lan", "pemkab-3201", "2019-02-01", signatories=(None, "ade-yasin")),
    )


# --- AGR002 --------------------------------------------------------------------------


@case
def agr002_fail() -> Dataset:
    # The constructor refuses this agency; data loaded without validation may hold it.
    with attrs.validators.disabled():
        jakpus = Agency(
            id="pemkot-3171",
            name="Pemerintah Kota Jakarta Pusat",
            kind="pemerintah_kota",
            region_code="31.71",
        )
    return make(LAN, jakpus, mou("lan-jakpus", "lan", "pemkot-3171", "2017-03-16"))


@case
def agr002_pass() -> Dataset:
    return make(LAN, AMBON, mou("lan-ambon", "lan", "pemkot-8171", "2017-03-16"))


# --- AGR003 --------------------------------------------------------------------------


@case
def agr003_fail() -> Dataset:
    return make(
        LAN,
        KASN,
        BSSN,
        mou("lan-kasn-2025", "lan", "kasn", "2025-01-10"),
        mou("lan-bssn-2016", "lan", "bssn", "2016-01-01"),
        mou("lan-bssn-2017", "lan", "bssn", "2017"),
    )


@case
def agr003_pass() -> Dataset:
    return make(
        LAN,
        KASN,
        BSSN,
        mou("lan-kasn-2020", "lan", "kasn", "2020-01-10"),
        mou("lan-bssn-2018", "lan", "bssn", "2018"),
        mou("lan-kasn-last-day", "lan", "kasn", "2024-08-24", areas=("pelayanan_publik",)),
    )


# --- AGR004 --------------------------------------------------------------------------


@case
def agr004_fail() -> Dataset:
    return make(
        LAN,
        AMBON,
        mou("mou", "lan", "pemkot-8171", "2017-03-16", end="2022-03-15"),
        mou(
            "pks-early",
            "lan",
            "pemkot-8171",
            "2017-01-10",
            end="2018-01-09",
            kind="perjanjian_kerja_sama",
            parent="mou",
        ),
        mou(
            "pks-late",
            "lan",
            "pemkot-8171",
            "2018-01-01",
            end="2023-12-31",
            kind="perjanjian_kerja_sama",
            parent="mou",
        ),
        mou(
            "pks-vague",
            "lan",
            "pemkot-8171",
            "2017",
            end="2018",
            kind="perjanjian_kerja_sama",
            parent="mou",
        ),
        mou(
            "pks-open",
            "lan",
            "pemkot-8171",
            "2017-04-01",
            kind="perjanjian_kerja_sama",
            parent="mou",
        ),
        mou(
            "pks-after",
            "lan",
            "pemkot-8171",
            "2022-06-01",
            end="2023-06-01",
            kind="perjanjian_kerja_sama",
            parent="mou",
        ),
        mou(
            "adendum-early",
            "lan",
            "pemkot-8171",
            "2016-12-01",
            end="2025-03-15",
            kind="adendum",
            parent="mou",
        ),
    )


@case
def agr004_pass() -> Dataset:
    return make(
        LAN,
        AMBON,
        mou("mou", "lan", "pemkot-8171", "2017-03-16", end="2022-03-15"),
        mou(
            "pks",
            "lan",
            "pemkot-8171",
            "2017-04-01",
            end="2018-03-31",
            kind="perjanjian_kerja_sama",
            parent="mou",
        ),
        mou(
            "pks-same-day",
            "lan",
            "pemkot-8171",
            "2017-03-16",
            end="2022-03-15",
            kind="perjanjian_kerja_sama",
            parent="mou",
            areas=("pendidikan_tinggi",),
        ),
        # An adendum may extend its parent's term.
        mou(
            "adendum",
            "lan",
            "pemkot-8171",
            "2021-12-01",
            end="2025-03-15",
            kind="adendum",
            parent="mou",
        ),
    )


# --- AGR005 --------------------------------------------------------------------------


@case
def agr005_fail() -> Dataset:
    return make(
        LAN,
        AMBON,
        mou("mou-10y", "lan", "pemkot-8171", "2017-03-16", end="2027-03-15"),
        mou(
            "mou-leap",
            "lan",
            "pemkot-8171",
            "2016-02-29",
            end="2021-03-01",
            areas=("pelayanan_publik",),
        ),
    )


@case
def agr005_pass() -> Dataset:
    return make(
        LAN,
        AMBON,
        mou("mou-5y", "lan", "pemkot-8171", "2017-03-16", end="2022-03-16"),
        mou(
            "mou-leap",
            "lan",
            "pemkot-8171",
            "2016-02-29",
            end="2021-02-28",
            areas=("pelayanan_publik",),
        ),
        mou("mou-open", "lan", "pemkot-8171", "2017-03-16", areas=("pendidikan_tinggi",)),
        mou("mou-vague", "lan", "pemkot-8171", "2017", end="2022", areas=("transformasi_digital",)),
    )


# --- AGR006 --------------------------------------------------------------------------


@case
def agr006_fail() -> Dataset:
    return make(
        LAN,
        AMBON,
        BOGOR,
        mou(
            "lan-ambon-2016",
            "lan",
            "pemkot-8171",
            "2016",
            areas=("kajian_kebijakan", "pendidikan_tinggi"),
        ),
        mou(
            "lan-ambon-2017",
            "pemkot-8171",
            "lan",
            "2017-03-16",
            areas=("pendidikan_tinggi", "pelayanan_publik"),
        ),
        mou(
            "lan-bogor-a",
            "lan",
            "pemkab-3201",
            "2017-01-01",
            end="2019-12-31",
            kind="kesepakatan_bersama",
        ),
        mou("lan-bogor-b", "lan", "pemkab-3201", "2019-01-01", end="2021-12-31"),
    )


@case
def agr006_pass() -> Dataset:
    return make(
        LAN,
        AMBON,
        BOGOR,
        mou("lan-ambon-2016", "lan", "pemkot-8171", "2016", areas=("kajian_kebijakan",)),
        mou(
            "lan-ambon-2017",
            "lan",
            "pemkot-8171",
            "2017-03-16",
            areas=("pelayanan_publik", "other"),
        ),
        mou("lan-ambon-other", "lan", "pemkot-8171", "2018-01-01", areas=("other",)),
        mou(
            "pks-lan-ambon",
            "lan",
            "pemkot-8171",
            "2017-04-01",
            kind="perjanjian_kerja_sama",
            parent="lan-ambon-2016",
        ),
        mou("lan-bogor-a", "lan", "pemkab-3201", "2014-01-01", end="2016-12-31"),
        mou("lan-bogor-b", "lan", "pemkab-3201", "2017-01-01", end="2019-12-31"),
        mou(
            "lan-bogor-adendum",
            "lan",
            "pemkab-3201",
            "2018-01-01",
            kind="adendum",
            parent="lan-bogor-b",
        ),
    )


# --- EVT001 --------------------------------------------------------------------------


@case
def evt001_fail() -> Dataset:
    return make(
        LAN,
        KEPALA_LAN,
        ADI,
        ASMAN,
        tenure("adi-kepala-lan", "adi-suryanto", "kepala-lan", "2018", None),
        event("signing", SIGNING_DAY, chair="adi-suryanto", witnesses=("asman-abnur",)),
    )


@case
def evt001_pass() -> Dataset:
    return make(
        LAN,
        PANRB,
        KEPALA_LAN,
        MENTERI,
        SESMEN,
        ADI,
        ASMAN,
        AGUS,
        tenure("adi-kepala-lan", "adi-suryanto", "kepala-lan", "2015", None),
        tenure("asman-menteri-panrb", "asman-abnur", "menteri-panrb", "2016-07-27", "2018-08-14"),
        tenure("agus-sesmen", "agus-dwiyanto", "sesmen-panrb", None, None),
        event(
            "signing", SIGNING_DAY, chair="adi-suryanto", witnesses=("asman-abnur", "agus-dwiyanto")
        ),
    )


# --- EVT002 --------------------------------------------------------------------------


@case
def evt002_fail() -> Dataset:
    return make(
        LAN,
        AMBON,
        BOGOR,
        mou("lan-ambon", "lan", "pemkot-8171", "2017-03-15"),
        mou("lan-bogor", "lan", "pemkab-3201", "2017-04", event="signing"),
        event("signing", SIGNING_DAY, agreements=("lan-ambon", "lan-bogor")),
    )


@case
def evt002_pass() -> Dataset:
    late = pendulum.datetime(2017, 3, 16, 23, 30, tz="Asia/Jayapura")  # 21:30 WIB, still the 16th
    return make(
        LAN,
        AMBON,
        BOGOR,
        mou("lan-ambon", "lan", "pemkot-8171", "2017-03-16", event="signing"),
        mou("lan-bogor", "lan", "pemkab-3201", "2017-03", event="signing"),
        mou(
            "lan-bogor-2",
            "lan",
            "pemkab-3201",
            None,
            event="signing",
            start="2017-03-16",
            areas=("other",),
        ),
        event("signing", late, agreements=("lan-ambon", "lan-bogor", "lan-bogor-2")),
    )


# --- EVT003 --------------------------------------------------------------------------


@case
def evt003_fail() -> Dataset:
    return make(
        LAN,
        AMBON,
        BOGOR,
        mou("lan-ambon", "lan", "pemkot-8171", "2017-03-16", event="other-event"),
        mou("lan-bogor", "lan", "pemkab-3201", "2017-03-16", event="signing"),
        event("signing", SIGNING_DAY, agreements=("lan-ambon",)),
        event("other-event", SIGNING_DAY),
    )


@case
def evt003_pass() -> Dataset:
    return make(
        LAN,
        AMBON,
        BOGOR,
        mou("lan-ambon", "lan", "pemkot-8171", "2017-03-16", event="signing"),
        mou("lan-bogor", "lan", "pemkab-3201", "2017-03-16", event="other-event"),
        mou("lan-bogor-2", "lan", "pemkab-3201", "2017-03-16", areas=("other",)),
        event("signing", SIGNING_DAY, agreements=("lan-ambon", "lan-bogor-2")),
        event("other-event", SIGNING_DAY),
    )


# --- DIG001 --------------------------------------------------------------------------


def _target(
    id: str, agency: str, value: str, *, base: tuple[str, str] | None, due: str | None
) -> DigitalizationTarget:
    baseline = (
        None
        if base is None
        else Measurement(indicator=SPBE_INDEX, value=base[0], on=base[1], agency_id=agency)
    )
    return DigitalizationTarget(
        id=id,
        agency_id=agency,
        indicator=SPBE_INDEX,
        target_value=value,
        baseline=baseline,
        due=due,
    )


@case
def dig001_fail() -> Dataset:
    with attrs.validators.disabled():
        broken = DigitalizationTarget(
            id="due-before",
            agency_id="kemenpanrb",
            indicator=SPBE_INDEX,
            target_value=Decimal("2.6"),
            baseline=Measurement(
                indicator=SPBE_INDEX, value=Decimal("1.98"), on="2018", agency_id="kemenpanrb"
            ),
            due="2017",
        )
    return make(
        PANRB,
        broken,
        _target("due-vague", "kemenpanrb", "2.6", base=("1.98", "2018-06"), due="2018"),
    )


@case
def dig001_pass() -> Dataset:
    return make(
        PANRB,
        _target("spbe-2024", "kemenpanrb", "2.6", base=("1.98", "2018"), due="2024"),
        _target("same-day", "kemenpanrb", "2.6", base=("1.98", "2018-06-30"), due="2018-06-30"),
        _target("no-due", "kemenpanrb", "2.6", base=("1.98", "2018"), due=None),
    )


# --- DIG002 --------------------------------------------------------------------------


@case
def dig002_fail() -> Dataset:
    ends_2024 = Agency(
        id="badan-x", name="Badan X", kind="lembaga_nonstruktural", valid=Period.parse(None, "2024")
    )
    return make(
        KASN,
        PANRB,
        ends_2024,
        _target("kasn-2026", "kasn", "3.5", base=("2.0", "2020"), due="2026"),
        _target("badan-x-2024", "badan-x", "3.5", base=None, due="2024-06"),
    )


@case
def dig002_pass() -> Dataset:
    return make(
        KASN,
        PANRB,
        _target("kasn-2020", "kasn", "3.5", base=("2.0", "2018"), due="2020"),
        _target("panrb-2026", "kemenpanrb", "3.5", base=("2.0", "2020"), due="2026"),
    )


# --- DIG003 --------------------------------------------------------------------------


@case
def dig003_fail() -> Dataset:
    return make(
        PANRB,
        _target("spbe-2024", "kemenpanrb", "2.60", base=("1.98", "2018"), due="2024"),
        Measurement(indicator=SPBE_INDEX, value="2.79", on="2019", agency_id="kemenpanrb"),
        Measurement(indicator=SPBE_INDEX, value="2.00", on="2022", agency_id="kemenpanrb"),
        # Later than the day of the check: not used.
        Measurement(indicator=SPBE_INDEX, value="2.90", on="2024", agency_id="kemenpanrb"),
    )


@case
def dig003_pass() -> Dataset:
    return make(
        PANRB,
        LAN,
        _target("spbe-2024", "kemenpanrb", "2.60", base=("1.98", "2018"), due="2024"),
        _target("lan-no-due", "lan", "4.0", base=("2.00", "2018"), due=None),
        Measurement(indicator=SPBE_INDEX, value="2.00", on="2019", agency_id="kemenpanrb"),
        Measurement(indicator=SPBE_INDEX, value="2.79", on="2022", agency_id="kemenpanrb"),
        Measurement(indicator=SPBE_INDEX, value="2.01", on="2022", agency_id="lan"),
        # Another agency's measurement does not count.
        Measurement(indicator=SPBE_INDEX, value="1.00", on="2023", agency_id="lan"),
    )


# --- PER001 --------------------------------------------------------------------------

_NIP = "196503021990031002"  # born 1965-03-02, TMT CPNS March 1990


@case
def per001_fail() -> Dataset:
    return make(
        AMBON,
        SEKDA_AMBON,
        WK_AMBON,
        Person(id="pns", name="Budi Santoso", nip=_NIP),
        tenure("pns-sekda", "pns", "sekda-ambon", "1989-01-01", "1994-12-31"),
        tenure("pns-pj-wk", "pns", "wali-kota-ambon", "1989", "1989", "penjabat"),
    )


@case
def per001_pass() -> Dataset:
    return make(
        AMBON,
        LAN,
        KEPALA_LAN,
        SEKDA_AMBON,
        WK_AMBON,
        Person(id="pns", name="Budi Santoso", nip=_NIP),
        Person(id="legacy", name="Siti Aminah", nip="130123456"),
        # A kepala may be a political appointee: not a career tenure.
        tenure("pns-kepala-lan", "pns", "kepala-lan", "1985-01-01", "1989-12-31"),
        tenure("pns-sekda", "pns", "sekda-ambon", "1990-03-01", "1994-12-31"),
        tenure("pns-pj-wk", "pns", "wali-kota-ambon", "1990", "1990", "penjabat"),
        tenure("legacy-sekda", "legacy", "sekda-ambon", "1980-01-01", "1984-12-31"),
    )


# --- JSON documents ------------------------------------------------------------------

VECTORS = Path(__file__).resolve().parent.parent / "vectors" / "rules"

BUILDERS_ONLY = frozenset({"agr002_fail", "dig001_fail"})
"""Cases whose datasets the constructors refuse (built with validators off): no JSON."""


def document_path(name: str) -> Path:
    """Where the JSON document of a case's dataset lives."""
    return VECTORS / f"{name}.json"


def load(name: str) -> Dataset:
    """A case's dataset: read from its JSON document, or built for BUILDERS_ONLY cases."""
    if name in BUILDERS_ONLY:
        return CASES[name]()
    from adminnet.serialization import from_json

    return from_json(Dataset, document_path(name).read_text(encoding="utf-8"))


def write_documents() -> None:
    """Regenerate the JSON documents from the builders (``python -m rules.cases`` in tests/)."""
    from adminnet.serialization import to_json

    for name, build in CASES.items():
        if name not in BUILDERS_ONLY:
            document_path(name).write_text(to_json(build(), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_documents()
