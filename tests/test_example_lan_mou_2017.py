"""The bundled seed story answers the questions the article raises."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from adminnet.examples import lan_mou_2017
from adminnet.model.agreement import AgreementStatus, CooperationArea
from adminnet.model.digital import spbe_predicate
from adminnet.model.position import Capacity


@pytest.fixture(scope="module")
def ds():  # type: ignore[no-untyped-def]
    return lan_mou_2017()


def test_chair(ds) -> None:  # type: ignore[no-untyped-def]
    """The Kepala LAN, Dr. Adi Suryanto, M.Si., chaired the signing."""
    event = ds.event("lan-mou-signing-2017-03-16")
    chair = ds.person(event.chair_id)
    assert str(chair.name) == "Dr. Adi Suryanto, M.Si."
    (tenure,) = ds.holders("kepala-lan", event.date)
    assert chair.id == tenure.person_id


def test_witnesses(ds) -> None:  # type: ignore[no-untyped-def]
    """The Menteri PANRB, the Sesmen PANRB and the Sekjen Kemendes witnessed it."""
    event = ds.event("lan-mou-signing-2017-03-16")
    assert [str(ds.person(i).name) for i in event.witness_ids] == [
        "Asman Abnur",
        "Dwi Wahyu Atmaji",
        "Dr. Anwar Sanusi",
    ]
    titles = sorted(
        ds.position(t.position_id).title
        for i in event.witness_ids
        for t in ds.tenures_of(i, event.date)
    )
    assert len(titles) == 3


def test_event_when_and_where(ds) -> None:  # type: ignore[no-untyped-def]
    """Thursday 16 March 2017, WIB, at Gedung LAN Veteran, Jakarta."""
    event = ds.event("lan-mou-signing-2017-03-16")
    assert pendulum.date(2017, 3, 16) == event.date
    assert event.date.day_of_week == pendulum.THURSDAY
    assert event.start.utcoffset().total_seconds() == 7 * 3600
    assert event.venue == "Gedung LAN Veteran, Jakarta"
    assert event.time_known is False


def test_wali_kota_ambon_on_signing_day(ds) -> None:  # type: ignore[no-untyped-def]
    """On 2017-03-16 the Wali Kota Ambon post was held by Papilaya, as Pj."""
    (tenure,) = ds.holders("wali-kota-ambon", "2017-03-16", surely=True)
    assert str(ds.person(tenure.person_id).name) == "Ir. Frans J. Papilaya, M.Si."
    assert Capacity.PENJABAT is tenure.capacity
    assert tenure.label(ds.position(tenure.position_id)) == "Pj. Wali Kota Ambon"
    assert tenure.basis.number == "131.81-5877 Tahun 2016"
    assert ds.holders("wali-kota-ambon", "2017-05-23") == ()


def test_ambon_agreements_in_force_march_2017(ds) -> None:  # type: ignore[no-untyped-def]
    """Pemkot Ambon's 2016 cooperation with LAN was in force, in four areas."""
    (agreement,) = ds.agreements_of("pemkot-8171", "2017-03-16")
    assert AgreementStatus.ACTIVE is agreement.status("2017-03-16")
    assert {
        CooperationArea.KAJIAN_KEBIJAKAN,
        CooperationArea.PENDIDIKAN_DAN_PELATIHAN,
        CooperationArea.INOVASI_ADMINISTRASI_NEGARA,
        CooperationArea.PENDIDIKAN_TINGGI,
    } == set(agreement.areas)
    assert {"lan", "pemkot-8171"} == set(agreement.agency_ids)
    assert str(agreement.signed_on) == "2016"


def test_agencies(ds) -> None:  # type: ignore[no-untyped-def]
    """LAN, KemenPANRB, Kemendes PDTT and Pemkot Ambon (81.71), with 2017 names."""
    assert {"lan", "kemenpanrb", "kemendes-pdtt", "pemkot-8171"} == {a.id for a in ds.agencies}
    assert ds.agency("pemkot-8171").region_code == "81.71"
    assert ds.agency("pemkot-8171").name == "Pemerintah Kota Ambon"
    assert (
        ds.agency("kemendes-pdtt").name_at("2017-03-16")
        == "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi"
    )


def test_goal_and_figures(ds) -> None:  # type: ignore[no-untyped-def]
    """The technology-based services goal and the minister's ASN figures."""
    (target,) = ds.targets
    assert Decimal(100) == target.target_value
    assert target.due is None
    counts = {m.indicator.key: m.value for m in ds.measurements}
    assert Decimal(4_000_050) == counts["asn_count"]
    assert Decimal(64) == counts["asn_administrative_share"]


def test_spbe_predicate_of_national_2023() -> None:
    """The SPBE predicate of 2.79 is baik."""
    assert spbe_predicate("2.79").value == "baik"


def test_example_is_cached_and_immutable(ds) -> None:  # type: ignore[no-untyped-def]
    """lan_mou_2017() returns the same frozen dataset each time."""
    assert ds is lan_mou_2017()
    with pytest.raises(AttributeError):
        ds.persons = ()
