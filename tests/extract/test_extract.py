"""Extraction on small texts written for the tests, one pattern at a time."""

from __future__ import annotations

import pendulum
import pytest

from adminnet import rules
from adminnet.errors import InvalidFormat
from adminnet.extract import Extraction, MentionKind, extract
from adminnet.model.agency import AgencyKind
from adminnet.model.agreement import AgreementKind, CooperationArea
from adminnet.model.event import EventKind
from adminnet.model.position import Capacity, Role

from .sample_texts import INAUGURATION, SIGNING

K = MentionKind


def texts(x: Extraction, kind: MentionKind) -> list[str]:
    return [m.text for m in x.mentions if m.kind is kind]


def person_id(x: Extraction, given: str) -> str:
    return next(p.id for p in x.to_dataset().persons if p.name.given == given)


@pytest.fixture(scope="module")
def signing() -> Extraction:
    return extract(SIGNING, published="2023-06-12")


@pytest.fixture(scope="module")
def inauguration() -> Extraction:
    return extract(INAUGURATION, published="2024-05-22")


# --- spans and mentions ----------------------------------------------------------------


@pytest.mark.parametrize("text", [SIGNING, INAUGURATION])
def test_spans_are_exact(text: str) -> None:
    x = extract(text, published="2024-01-01")
    assert x.mentions
    for m in x.mentions:
        assert text[m.start : m.end] == m.text
        assert 0 <= m.start < m.end <= len(text)
        assert 0 < m.confidence <= 1
        assert m.rule


def test_signing_mentions(signing: Extraction) -> None:
    assert texts(signing, K.AGENCY) == [
        "Pemerintah Kabupaten Pringsewu",
        "Universitas Muhammadiyah Pringsewu",
    ]
    assert texts(signing, K.POSITION) == [
        "Bupati Pringsewu",
        "Rektor Universitas Muhammadiyah Pringsewu",
    ]
    assert texts(signing, K.DATE) == ["Senin (12/6)"]
    assert texts(signing, K.TIME) == ["pukul 10.00 WIB"]
    assert texts(signing, K.VENUE) == ["Aula Kantor Bupati Pringsewu"]
    assert [m.value for m in signing.mentions if m.kind is K.AREA] == [
        CooperationArea.PENGEMBANGAN_KOMPETENSI,
        CooperationArea.PENDIDIKAN_TINGGI,
    ]


def test_signing_draft(signing: Extraction) -> None:
    ds = signing.to_dataset()
    (g,) = ds.agreements
    assert g.kind is AgreementKind.NOTA_KESEPAHAMAN
    assert g.agency_ids == ("pemkab-1810", "universitas-muhammadiyah-pringsewu")
    assert str(g.signed_on) == "2023-06-12"
    # "ditandatangani oleh Bupati Pringsewu Sujadi dan Rektor ..., Dr. Andi Wijaya"
    assert [p.signatory_id for p in g.parties] == ["sujadi", "andi-wijaya"]
    (e,) = ds.events
    assert e.kind is EventKind.PENANDATANGANAN
    assert e.start == pendulum.datetime(2023, 6, 12, 10, 0, tz="Asia/Jakarta")
    assert e.time_known
    assert e.agreement_ids == (g.id,)
    assert g.event_id == e.id
    university = ds.agency("universitas-muhammadiyah-pringsewu")
    assert university.kind is AgencyKind.OTHER
    assert rules.check(ds, at="2023-06-12").ok


def test_andi_and_andy_are_one_person(signing: Extraction) -> None:
    ds = signing.to_dataset()
    assert sorted(p.id for p in ds.persons) == ["andi-wijaya", "sujadi"]
    assert [m.text for m in signing.sources_of("andi-wijaya") if m.kind is K.PERSON] == [
        "Dr. Andi Wijaya, M.Pd.",
        "Andy Wijaya",
    ]


def test_inauguration_draft(inauguration: Extraction) -> None:
    ds = inauguration.to_dataset()
    (e,) = ds.events
    assert e.kind is EventKind.PELANTIKAN
    assert e.chair_id == "arinal-djunaidi"
    assert e.region_code == "18.71"  # Bandar Lampung, from the venue
    assert e.start.utcoffset() == pendulum.duration(hours=7)
    pj = {t.person_id: t for t in ds.tenures if t.capacity is Capacity.PENJABAT}
    assert sorted(pj) == ["indrata-nur-bayu-aji", "marindo-kurniawan"]
    for t in pj.values():
        assert str(t.period.start) == "2024-05-22"  # the inauguration day
    bupati = ds.position(pj["marindo-kurniawan"].position_id)
    assert (bupati.role, bupati.agency_id) == (Role.BUPATI, "pemkab-1812")
    assert rules.check(ds, at="2024-05-22").ok


def test_bayuaji_is_indrata_nur_bayu_aji(inauguration: Extraction) -> None:
    sources = inauguration.sources_of("indrata-nur-bayu-aji")
    assert "Bayuaji" in [m.text for m in sources]


# --- patterns ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "given", "role", "agency"),
    [
        ("Kepala BKN Bima Haria Wibisana hadir.", "Bima Haria Wibisana", Role.KEPALA, "bkn"),
        ("Kepala BKN, Bima Haria Wibisana, hadir.", "Bima Haria Wibisana", Role.KEPALA, "bkn"),
        ("Bima Haria Wibisana (Kepala BKN) hadir.", "Bima Haria Wibisana", Role.KEPALA, "bkn"),
        ("Bima Haria Wibisana selaku Kepala BKN hadir.", "Bima Haria Wibisana", Role.KEPALA, "bkn"),
        ("Dibuka oleh Bima Haria Wibisana, Kepala BKN.", "Bima Haria Wibisana", Role.KEPALA, "bkn"),
        (
            "Menteri Dalam Negeri Tito Karnavian hadir.",
            "Tito Karnavian",
            Role.MENTERI,
            "kemendagri",
        ),
        ("Plt. Bupati Bogor Iwan Setiawan hadir.", "Iwan Setiawan", Role.BUPATI, "pemkab-3201"),
        ("Wali Kota Bogor Bima Arya hadir.", "Bima Arya", Role.WALI_KOTA, "pemkot-3271"),
    ],
)
def test_position_and_name_patterns(text: str, given: str, role: Role, agency: str) -> None:
    ds = extract(text, published="2023-01-05").to_dataset()
    (t,) = ds.tenures
    assert ds.person(t.person_id).name.given == given
    pos = ds.position(t.position_id)
    assert (pos.role, pos.agency_id) == (role, agency)


def test_a_full_stop_is_not_part_of_a_mention() -> None:
    x = extract("Dibuka oleh Bima Haria Wibisana, Kepala BKN.", published="2023-01-05")
    assert texts(x, K.POSITION) == ["Kepala BKN"]


def test_capacity_words() -> None:
    ds = extract("Plt. Bupati Bogor Iwan Setiawan hadir.", published="2023-01-05").to_dataset()
    assert ds.tenures[0].capacity is Capacity.PELAKSANA_TUGAS
    ds = extract("Pejabat Bupati Bogor Iwan Setiawan hadir.", published="2023-01-05").to_dataset()
    assert ds.tenures[0].capacity is Capacity.PENJABAT


def test_generic_plural_is_no_position() -> None:
    x = extract("Penandatanganan MoU oleh para Bupati/Walikota.", published="2017-03-16")
    assert texts(x, K.POSITION) == []


def test_back_reference_needs_one_earlier_holder() -> None:
    text = "Bupati Bogor Ade Yasin hadir. Bupati mengatakan program berjalan."
    x = extract(text, published="2021-01-05")
    refs = [m.text for m in x.sources_of("ade-yasin")]
    assert refs == ["Bupati Bogor", "Ade Yasin", "Bupati"]


def test_on_behalf_names_the_signatory() -> None:
    text = (
        "Penandatanganan perjanjian kerja sama antara BKN dengan Pemerintah Kota Bogor"
        " ditandatangani oleh Budi Santoso atas nama BKN, Senin (6/2)."
    )
    ds = extract(text, published="2023-02-06").to_dataset()
    (g,) = ds.agreements
    assert g.kind is AgreementKind.PERJANJIAN_KERJA_SAMA
    assert {p.agency_id: p.signatory_id for p in g.parties}["bkn"] == "budi-santoso"


def test_witnesses_and_attendees() -> None:
    text = (
        "Rapat koordinasi dipimpin oleh Menteri Dalam Negeri Tito Karnavian pada Selasa"
        " (7/2) di Hotel Borobudur, Jakarta, disaksikan oleh Kepala BKN Bima Haria"
        " Wibisana serta sejumlah kepala daerah, termasuk Bupati Bogor Iwan Setiawan."
    )
    ds = extract(text, published="2023-02-07").to_dataset()
    (e,) = ds.events
    assert e.kind is EventKind.RAPAT
    assert e.chair_id == "tito-karnavian"
    assert e.witness_ids == ("bima-haria-wibisana",)
    assert e.attendee_ids == ("iwan-setiawan",)
    assert e.venue == "Hotel Borobudur, Jakarta"
    assert e.region_code == "31"
    assert e.organizer_id == "kemendagri"


def test_sejak_is_a_partial_date() -> None:
    text = (
        "Pemerintah Kota Bogor dan BKN menjalin kerja sama sejak 2016 di bidang pelayanan publik."
    )
    (g,) = extract(text, published="2020-01-01").to_dataset().agreements
    assert str(g.effective.start) == "2016"
    assert g.areas == (CooperationArea.PELAYANAN_PUBLIK,)


def test_zone_from_wita_and_venue() -> None:
    text = "Penandatanganan MoU dilakukan Kamis (16/3) pukul 09.30 WITA di Gedung DPRD, Makassar."
    (e,) = extract(text, published="2017-03-16").to_dataset().events
    assert e.start.isoformat() == "2017-03-16T09:30:00+08:00"


def test_zone_from_the_dateline() -> None:
    x = extract(
        "AMBON, DM.COM - Penandatanganan MoU dilakukan Kamis (16/3).", published="2017-03-16"
    )
    (e,) = x.to_dataset().events
    assert e.start.isoformat() == "2017-03-16T00:00:00+09:00"
    assert [m.text for m in x.mentions if m.rule == "region.dateline"] == ["AMBON"]


def test_zone_assumed_is_said() -> None:
    x = extract("Penandatanganan MoU dilakukan Kamis (16/3).", published="2017-03-16")
    (e,) = x.to_dataset().events
    assert e.start.isoformat() == "2017-03-16T00:00:00+07:00"
    assert any("WIB" in n and "assumed" in n for n in x.notes)


def test_weekday_contradiction_is_an_error_mention() -> None:
    x = extract("Penandatanganan MoU dilakukan Jumat (16/3).", published="2017-03-16")
    (d,) = [m for m in x.mentions if m.kind is K.DATE]
    assert d.value is None
    assert d.error is not None
    assert d.error.code.startswith("date.")
    assert x.to_dataset().events == ()


def test_figures() -> None:
    x = extract(
        "Indeks SPBE Kota Bogor 3,21 dan 85 persen layanan sudah online.", published="2022-01-01"
    )
    figures = [(m.text, str(m.value)) for m in x.mentions if m.kind is K.FIGURE]
    assert figures == [("3,21", "3.21"), ("85 persen", "85 %")]
    ms = {m.indicator.key: m.value for m in x.to_dataset().measurements}
    assert set(ms) == {"spbe_index", "online_service_share"}


def test_published_forms() -> None:
    text = "Penandatanganan MoU Kamis (16/3)."
    a = extract(text, published="2017-03-16").to_dataset()
    b = extract(text, published=pendulum.date(2017, 3, 16)).to_dataset()
    c = extract(text, published="2017-03-16T10:00:00+07:00").to_dataset()
    assert a == b == c


def test_bad_arguments() -> None:
    with pytest.raises(InvalidFormat):
        extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InvalidFormat):
        extract("teks", published="16/3/2017")
    with pytest.raises(InvalidFormat):
        extract("teks", source=3)  # type: ignore[arg-type]


def test_html_marks_every_top_level_mention(signing: Extraction) -> None:
    html = signing._repr_html_()
    assert html.count("<mark") == len({m.start for m in signing.mentions})
    assert "adminnet-person" in html
    x = extract("<b>Kepala BKN</b> & co", published="2023-01-01")
    assert "&lt;b&gt;" in x.to_html()


def test_of_kind(signing: Extraction) -> None:
    assert [m.text for m in signing.of_kind("agency")] == texts(signing, K.AGENCY)
