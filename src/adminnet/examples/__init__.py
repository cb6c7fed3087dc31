"""Contoh data (bundled example datasets).

:func:`lan_mou_2017` is the story adminnet starts from: the Lembaga Administrasi
Negara (LAN) signing MoUs with kabupaten/kota governments on Thursday 16 March 2017.

>>> from adminnet.examples import lan_mou_2017
>>> ds = lan_mou_2017()
>>> ds.person(ds.event("lan-mou-signing-2017-03-16").chair_id).name.given
'Adi Suryanto'
"""

from __future__ import annotations

import functools
from decimal import Decimal

import pendulum

from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, AgreementKind, CooperationArea, Party
from adminnet.model.dataset import Dataset
from adminnet.model.digital import (
    ONLINE_SERVICE_SHARE,
    DigitalizationTarget,
    Indicator,
    Measurement,
)
from adminnet.model.event import Event, EventKind
from adminnet.model.person import Person
from adminnet.model.position import Capacity, Decree, Position, Role, Tenure
from adminnet.time import PartialDate, Period

__all__ = ["ASN_ADMINISTRATIVE_SHARE", "ASN_COUNT", "SOURCE", "lan_mou_2017"]

SOURCE = (
    "LAN Jalin Kerjasama Dengan Pemerintah Kabupaten/Kota (news article, 16 March 2017),"
    " kept in the adminnet repository's shared/seed/lan-mou-2017.txt"
)
"""Citation of the seed article."""

ASN_COUNT = Indicator(
    key="asn_count",
    label="Jumlah Aparatur Sipil Negara",
    unit="orang",
    minimum=0,
    maximum=100_000_000,
)
"""Jumlah ASN (number of civil servants, PNS and PPPK), an example indicator."""

ASN_ADMINISTRATIVE_SHARE = Indicator(
    key="asn_administrative_share",
    label=(
        "Persentase ASN di luar tenaga pendidikan dan kesehatan yang menguasai bidang"
        " administratif tanpa keahlian khusus"
    ),
    unit="%",
    minimum=0,
    maximum=100,
    higher_is_better=False,
)
"""Share of ASN (outside education and health) in generic administrative work."""


def _agency(getter: str, arg: str) -> Agency:
    from adminnet import agencies  # lazy: the catalog loads on first use

    if getter == "local":
        return agencies.local_government(arg)
    return agencies.lookup(arg, as_of="2017-03-16")


@functools.cache
def lan_mou_2017() -> Dataset:
    """Penandatanganan MoU LAN, 16 Maret 2017 (the seed story as a Dataset).

    What it holds, and where each fact comes from (the seed article unless noted;
    "domain facts" are the researched notes in the project's shared docs):

    - Agencies (from the catalog): LAN, KemenPANRB, Kemendes PDTT (its name in
      2017), Pemerintah Kota Ambon (81.71).
    - Persons, with their titles as printed and canonicalised: Dr. Adi Suryanto,
      M.Si. (Kepala LAN); Asman Abnur (Menteri PANRB); Dwi Wahyu Atmaji (Sekretaris
      Kementerian PANRB); Dr. Anwar Sanusi (Sekretaris Jenderal Kementerian Desa);
      Ir. Frans J. Papilaya, M.Si. (Penjabat Wali Kota Ambon). No NIP, gender or
      birth date is given by the sources, so none is recorded.
    - Tenures: Papilaya as Pj. Wali Kota Ambon 2016-08-04 to 2017-05-22 on SK
      Mendagri 131.81-5877/2016 of 2016-08-01 (domain facts §10); Asman Abnur as
      Menteri PANRB 2016-07-27 to 2018-08-14 (domain facts §9); Adi Suryanto as Kepala
      LAN from 2015 (year only; the end is not confirmed, so it is left open). The
      starts and ends of Dwi Wahyu Atmaji's and Anwar Sanusi's terms are not known
      (they are attested in office in March 2016 and up to July 2020); their tenures
      have no known start or end.
    - The 2016 cooperation of LAN and Pemkot Ambon (year only), with its four areas.
      The article does not name its instrument; it is recorded as a nota
      kesepahaman (MoU) like the 2017 documents, without signatories or numbers.
    - The signing event: Thursday 16 March 2017, Gedung LAN Veteran, Jakarta (region
      31, DKI Jakarta: the article names the city only), WIB, time of day unknown;
      chaired by the Kepala LAN, witnessed by the Menteri PANRB, the Sekretaris
      Kementerian PANRB and the Sekjen Kemendes PDTT; the Pj. Wali Kota Ambon
      attended. The 2017 MoUs themselves are not recorded: the article names none of
      the bupati/wali kota who signed them.
    - The minister's goal that every public service be technology-based, as a target
      of 100 % of services delivered electronically, set by KemenPANRB, with no due
      date or baseline (none was stated).
    - The minister's figures: 4,000,050 ASN (printed "4.000.0500", a malformed
      grouping read as 4.000.050) and 64 % of the rest, outside education and health,
      in administrative work without special expertise.

    Left out, for lack of any entity to hold them: the Nawacita programme and the
    remark on building Indonesia from its coasts.
    """
    lan = _agency("lookup", "LAN")
    panrb = _agency("lookup", "KemenPANRB")
    kemendes = _agency("lookup", "kemendes-pdtt")
    ambon = _agency("local", "81.71")

    persons = (
        Person(id="adi-suryanto", name="Dr. Adi Suryanto, M.Si"),
        Person(id="asman-abnur", name="Asman Abnur"),
        Person(id="dwi-wahyu-atmaji", name="Dwi Wahyu Atmaji"),
        Person(id="anwar-sanusi", name="Dr. Anwar Sanusi"),
        Person(id="frans-papilaya", name="Ir.Frans J.Papilaya,M.Si."),
    )
    positions = (
        Position(
            id="kepala-lan",
            agency_id=lan.id,
            role=Role.KEPALA,
            title="Kepala Lembaga Administrasi Negara",
        ),
        Position(
            id="menteri-panrb",
            agency_id=panrb.id,
            role=Role.MENTERI,
            title="Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        ),
        Position(
            id="sesmen-panrb",
            agency_id=panrb.id,
            role=Role.SEKRETARIS_KEMENTERIAN,
            title="Sekretaris Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        ),
        Position(
            id="sekjen-kemendes-pdtt",
            agency_id=kemendes.id,
            role=Role.SEKRETARIS_JENDERAL,
            title=(
                "Sekretaris Jenderal Kementerian Desa, Pembangunan Daerah Tertinggal,"
                " dan Transmigrasi"
            ),
        ),
        Position(
            id="wali-kota-ambon",
            agency_id=ambon.id,
            role=Role.WALI_KOTA,
            title="Wali Kota Ambon",
        ),
    )
    tenures = (
        Tenure(
            id="adi-suryanto-kepala-lan",
            person_id="adi-suryanto",
            position_id="kepala-lan",
            period=Period(start=PartialDate(year=2015)),
        ),
        Tenure(
            id="asman-abnur-menteri-panrb",
            person_id="asman-abnur",
            position_id="menteri-panrb",
            period=Period.parse("2016-07-27", "2018-08-14"),
        ),
        Tenure(
            id="dwi-wahyu-atmaji-sesmen-panrb",
            person_id="dwi-wahyu-atmaji",
            position_id="sesmen-panrb",
            period=Period(),
        ),
        Tenure(
            id="anwar-sanusi-sekjen-kemendes-pdtt",
            person_id="anwar-sanusi",
            position_id="sekjen-kemendes-pdtt",
            period=Period(),
        ),
        Tenure(
            id="papilaya-pj-wali-kota-ambon",
            person_id="frans-papilaya",
            position_id="wali-kota-ambon",
            period=Period.parse("2016-08-04", "2017-05-22"),
            capacity=Capacity.PENJABAT,
            basis=Decree(
                number="131.81-5877 Tahun 2016",
                issued_on=PartialDate(year=2016, month=8, day=1),
                issuer="Menteri Dalam Negeri",
            ),
        ),
    )
    agreements = (
        Agreement(
            id="lan-pemkot-ambon-2016",
            kind=AgreementKind.NOTA_KESEPAHAMAN,
            title=(
                "Kerja sama Lembaga Administrasi Negara dan Pemerintah Kota Ambon dalam"
                " penguatan penyelenggaraan kajian kebijakan, pendidikan dan pelatihan,"
                " inovasi administrasi negara dan pendidikan tinggi"
            ),
            parties=(Party(agency_id=lan.id), Party(agency_id=ambon.id)),
            signed_on=PartialDate(year=2016),
            effective=Period(start=PartialDate(year=2016)),
            areas=(
                CooperationArea.KAJIAN_KEBIJAKAN,
                CooperationArea.PENDIDIKAN_DAN_PELATIHAN,
                CooperationArea.INOVASI_ADMINISTRASI_NEGARA,
                CooperationArea.PENDIDIKAN_TINGGI,
            ),
        ),
    )
    events = (
        Event(
            id="lan-mou-signing-2017-03-16",
            kind=EventKind.PENANDATANGANAN,
            name="Penandatanganan MoU LAN dengan pemerintah kabupaten/kota",
            start=pendulum.datetime(2017, 3, 16, tz="Asia/Jakarta"),
            time_known=False,
            venue="Gedung LAN Veteran, Jakarta",
            region_code="31",
            organizer_id=lan.id,
            chair_id="adi-suryanto",
            attendee_ids=("frans-papilaya",),
            witness_ids=("asman-abnur", "dwi-wahyu-atmaji", "anwar-sanusi"),
        ),
    )
    targets = (
        DigitalizationTarget(
            id="all-public-services-technology-based",
            agency_id=panrb.id,
            indicator=ONLINE_SERVICE_SHARE,
            target_value=Decimal(100),
            basis=(
                "Arahan Menteri PANRB Asman Abnur, 16 Maret 2017: 'Seluruh pelayanan publik"
                " di Indonesia, kedepan harus berbasis teknologi'"
            ),
        ),
    )
    measurements = (
        Measurement(
            indicator=ASN_COUNT,
            value=Decimal(4_000_050),
            on=PartialDate(year=2017, month=3, day=16),
            source=f"{SOURCE}; printed '4.000.0500', read as 4.000.050",
        ),
        Measurement(
            indicator=ASN_ADMINISTRATIVE_SHARE,
            value=Decimal(64),
            on=PartialDate(year=2017, month=3, day=16),
            source=SOURCE,
        ),
    )
    return Dataset(
        agencies=(lan, panrb, kemendes, ambon),
        persons=persons,
        positions=positions,
        tenures=tenures,
        agreements=agreements,
        events=events,
        targets=targets,
        measurements=measurements,
    )
