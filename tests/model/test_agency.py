"""Tests for adminnet.model.agency: AgencyKind, AgencyName and Agency."""

from __future__ import annotations

from typing import Any

import pytest
from cattrs import AttributeValidationNote
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import (
    AdminnetError,
    InconsistentData,
    InvalidComponent,
    InvalidFormat,
)
from adminnet.model.agency import Agency, AgencyKind, AgencyName
from adminnet.time import PartialDate, Period

KOMINFO = AgencyName(
    name="Kementerian Komunikasi dan Informatika",
    acronym="Kominfo",
    valid=Period.parse(None, "2024-10-20"),
    basis="Perpres 54/2015",
)


def komdigi(**changes: Any) -> Agency:
    fields: dict[str, Any] = {
        "id": "komdigi",
        "name": "Kementerian Komunikasi dan Digital",
        "acronym": "Komdigi",
        "kind": "kementerian",
        "other_names": (KOMINFO,),
    }
    fields.update(changes)
    return Agency(**fields)


def field_of(exc: BaseException) -> str | None:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
    return None


# -- AgencyKind ---------------------------------------------------------------------------


def test_kind_labels_are_indonesian() -> None:
    """Every kind has its Indonesian label."""
    assert AgencyKind.KEMENTERIAN.label == "Kementerian"
    assert AgencyKind.LEMBAGA_PEMERINTAH_NONKEMENTERIAN.label == (
        "Lembaga Pemerintah Nonkementerian"
    )
    assert AgencyKind.LEMBAGA_NONSTRUKTURAL.label == "Lembaga Nonstruktural"
    assert AgencyKind.SEKRETARIAT_LEMBAGA.label == "Sekretariat Lembaga"
    assert AgencyKind.PEMERINTAH_KOTA.label == "Pemerintah Kota"
    assert AgencyKind.OTHER.label == "Lainnya"


def test_kind_values_are_stable() -> None:
    """The enum values are the documented snake_case strings."""
    assert [k.value for k in AgencyKind] == [
        "kementerian",
        "lembaga_pemerintah_nonkementerian",
        "lembaga_pemerintah_lainnya",
        "alat_negara",
        "lembaga_negara",
        "sekretariat_lembaga",
        "lembaga_nonstruktural",
        "lembaga_penyiaran_publik",
        "pemerintah_provinsi",
        "pemerintah_kabupaten",
        "pemerintah_kota",
        "unit_kerja",
        "other",
    ]


def test_kind_central_and_local_partition() -> None:
    """Local governments, central kinds, and unit_kerja/other are disjoint."""
    local = {k for k in AgencyKind if k.is_local_government}
    central = {k for k in AgencyKind if k.is_central}
    assert local == {
        AgencyKind.PEMERINTAH_PROVINSI,
        AgencyKind.PEMERINTAH_KABUPATEN,
        AgencyKind.PEMERINTAH_KOTA,
    }
    assert not local & central
    assert set(AgencyKind) - local - central == {AgencyKind.UNIT_KERJA, AgencyKind.OTHER}


# -- AgencyName ---------------------------------------------------------------------------


def test_agency_name_defaults_and_cleaning() -> None:
    """An AgencyName trims its text and defaults to an open (undated) period."""
    name = AgencyName(name="  Televisi   Republik Indonesia ", acronym=" TVRI ")
    assert name.name == "Televisi Republik Indonesia"
    assert name.acronym == "TVRI"
    assert name.valid == Period()
    assert not name.is_dated
    assert KOMINFO.is_dated


def test_agency_name_none_period_is_open() -> None:
    """valid=None is read as the open period (dates unknown)."""
    assert AgencyName(name="X", valid=None).valid == Period()


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"name": ""}, "text.empty", "name"),
        ({"name": 5}, "type.invalid", "name"),
        ({"name": "X", "acronym": ""}, "text.empty", "acronym"),
        ({"name": "X", "valid": "2020"}, "type.invalid", "valid"),
        ({"name": "X", "basis": 12}, "type.invalid", "basis"),
    ],
)
def test_agency_name_invalid(fields: dict[str, Any], code: str, field: str) -> None:
    """Bad AgencyName fields raise an adminnet error attributed to the field."""
    with pytest.raises(InvalidFormat) as info:
        AgencyName(**fields)
    assert info.value.code == code
    assert field_of(info.value) == field


# -- Agency: central ------------------------------------------------------------------------


def test_central_agency_valid() -> None:
    """A central agency builds with its fields normalised."""
    a = komdigi(other_names=[KOMINFO], name=" Kementerian  Komunikasi dan Digital ")
    assert a.name == "Kementerian Komunikasi dan Digital"
    assert a.kind is AgencyKind.KEMENTERIAN
    assert a.other_names == (KOMINFO,)
    assert a.valid == Period()
    assert a.region_code is None
    assert not a.is_local_government
    assert a.names == ("Kementerian Komunikasi dan Digital", KOMINFO.name)
    assert a.acronyms == ("Komdigi", "Kominfo")


def test_name_and_acronym_at() -> None:
    """name_at/acronym_at give the name in force on the day."""
    a = komdigi()
    assert a.name_at("2017-03-16") == "Kementerian Komunikasi dan Informatika"
    assert a.acronym_at("2024-10-20") == "Kominfo"
    assert a.name_at("2024-10-21") == "Kementerian Komunikasi dan Digital"
    assert a.acronym_at("2025-01-01") == "Komdigi"


def test_dated_name_at() -> None:
    """dated_name_at gives the former name in force, None when the current one is."""
    a = komdigi()
    assert a.dated_name_at("2017-03-16") == KOMINFO
    assert a.dated_name_at("2025-01-01") is None


def test_undated_other_name_is_never_name_at() -> None:
    """An undated other name identifies the agency but name_at never reports it."""
    a = Agency(
        id="tvri",
        name="Lembaga Penyiaran Publik Televisi Republik Indonesia",
        kind="lembaga_penyiaran_publik",
        other_names=[AgencyName(name="Televisi Republik Indonesia")],
    )
    assert a.name_at("2000-01-01") == a.name


def test_exists_at_is_possibly() -> None:
    """exists_at answers 'possibly': a year-precision start includes the whole year."""
    a = Agency(id="x", name="Badan X", kind="other", valid=Period.parse("2016", "2024-08-24"))
    assert a.exists_at("2016-01-01")
    assert a.exists_at("2024-08-24")
    assert not a.exists_at("2024-08-25")
    assert not a.exists_at("2015-12-31")


def test_name_at_rejects_bad_dates() -> None:
    """A bad at argument is an adminnet error, not a TypeError."""
    with pytest.raises(InvalidFormat) as info:
        komdigi().name_at("16/03/2017")
    assert info.value.code == "date.invalid_format"
    with pytest.raises(InvalidFormat):
        komdigi().exists_at(2017)  # type: ignore[arg-type]


def test_successors_and_parent() -> None:
    """successor_ids become a tuple; parent_id is kept."""
    a = Agency(
        id="kasn",
        name="Komisi Aparatur Sipil Negara",
        kind="lembaga_nonstruktural",
        valid=Period.parse(None, "2024-08-24"),
        successor_ids=["kemenpanrb", "bkn"],
    )
    assert a.successor_ids == ("kemenpanrb", "bkn")
    s = Agency(
        id="sekretariat-ky",
        name="Sekretariat Jenderal Komisi Yudisial",
        kind="sekretariat_lembaga",
        parent_id="ky",
    )
    assert s.parent_id == "ky"


@pytest.mark.parametrize(
    ("changes", "error", "code", "field"),
    [
        ({"id": "Komdigi"}, InvalidFormat, "id.invalid", "id"),
        ({"id": None}, InvalidFormat, "id.invalid", "id"),
        ({"name": "  "}, InvalidFormat, "text.empty", "name"),
        ({"kind": "ministry"}, InvalidComponent, "enum.invalid", "kind"),
        ({"kind": None}, InvalidFormat, "type.invalid", "kind"),
        ({"acronym": 3}, InvalidFormat, "type.invalid", "acronym"),
        ({"valid": ("2020", None)}, InvalidFormat, "type.invalid", "valid"),
        ({"other_names": ["Kominfo"]}, InvalidFormat, "type.invalid", "other_names"),
        ({"other_names": "Kominfo"}, InvalidFormat, "type.invalid", "other_names"),
        ({"parent_id": "komdigi"}, InconsistentData, "agency.parent_self", "parent_id"),
        ({"parent_id": "Not An Id"}, InvalidFormat, "id.invalid", "parent_id"),
        (
            {"successor_ids": ["komdigi"]},
            InconsistentData,
            "agency.successor_self",
            "successor_ids",
        ),
        ({"successor_ids": ["a", "a"]}, InvalidComponent, "id.duplicate", "successor_ids"),
        ({"successor_ids": "bkn"}, InvalidFormat, "type.invalid", "successor_ids"),
        ({"basis": ""}, InvalidFormat, "text.empty", "basis"),
        ({"region_code": "81.71"}, InconsistentData, "agency.region_not_allowed", "region_code"),
        ({"region_code": "817.1"}, InvalidFormat, "agency.invalid_region_code", "region_code"),
        ({"region_code": 8171}, InvalidFormat, "agency.invalid_region_code", "region_code"),
    ],
)
def test_central_agency_invalid(
    changes: dict[str, Any], error: type[AdminnetError], code: str, field: str
) -> None:
    """Each invalid field raises its error with a stable code and the field's path."""
    with pytest.raises(error) as info:
        komdigi(**changes)
    assert info.value.code == code
    assert field_of(info.value) == field


# -- Agency: local governments --------------------------------------------------------------


def test_local_government_valid() -> None:
    """A Pemerintah Kota on a kota region builds; compact codes become dotted."""
    a = Agency(
        id="pemkot-8171", name="Pemerintah Kota Ambon", kind="pemerintah_kota", region_code="8171"
    )
    assert a.region_code == "81.71"
    assert a.is_local_government


def test_local_government_on_retired_code_at_its_time() -> None:
    """A government of a retired code is valid when its period fits that code."""
    a = Agency(
        id="pemkab-9201",
        name="Pemerintah Kabupaten Sorong",
        kind="pemerintah_kabupaten",
        region_code="92.01",
        valid=Period.parse(None, "2022-12-07"),
    )
    assert a.region_code == "92.01"
    b = Agency(
        id="pemkab-9201",
        name="Pemerintah Kabupaten Sorong",
        kind="pemerintah_kabupaten",
        region_code="92.01",
    )
    assert b.region_code == "92.01"


def test_unit_kerja_may_name_its_region() -> None:
    """A unit_kerja may sit in a region of any level, which must exist."""
    a = Agency(
        id="kecamatan-nusaniwe",
        name="Kantor Kecamatan Nusaniwe",
        kind="unit_kerja",
        region_code="81.71.01",
        parent_id="pemkot-8171",
    )
    assert a.region_code == "81.71.01"
    with pytest.raises(InvalidComponent) as info:
        Agency(id="x", name="Kantor X", kind="unit_kerja", region_code="81.71.99")
    assert info.value.code == "agency.region_unknown"


@pytest.mark.parametrize(
    ("kind", "region", "error", "code"),
    [
        ("pemerintah_kota", None, InvalidFormat, "agency.region_required"),
        ("pemerintah_provinsi", None, InvalidFormat, "agency.region_required"),
        ("pemerintah_kota", "81.98", InvalidComponent, "agency.region_unknown"),
        ("pemerintah_kota", "31.71", InconsistentData, "agency.region_not_autonomous"),
        ("pemerintah_kabupaten", "31.01", InconsistentData, "agency.region_not_autonomous"),
        ("pemerintah_kota", "81.71.01", InconsistentData, "agency.region_not_autonomous"),
        ("pemerintah_kabupaten", "81.71", InconsistentData, "agency.region_kind_mismatch"),
        ("pemerintah_provinsi", "81.71", InconsistentData, "agency.region_kind_mismatch"),
        ("pemerintah_kota", "81", InconsistentData, "agency.region_kind_mismatch"),
    ],
)
def test_local_government_invalid(
    kind: str, region: str | None, error: type[AdminnetError], code: str
) -> None:
    """A local government needs an existing autonomous region of its own kind."""
    with pytest.raises(error) as info:
        Agency(id="pemda-x", name="Pemerintah X", kind=kind, region_code=region)
    assert info.value.code == code
    assert field_of(info.value) == "region_code"


def test_local_government_region_checked_at_its_start() -> None:
    """The region is looked up at the agency's start: 93.01 did not exist in 2020."""
    a = Agency(
        id="pemkab-9301",
        name="Pemerintah Kabupaten Merauke",
        kind="pemerintah_kabupaten",
        region_code="93.01",
        valid=Period(start=PartialDate(year=2022, month=7, day=25)),
    )
    assert a.region_code == "93.01"
    # A start before the code existed falls back to the region as it is now.
    b = Agency(
        id="pemkab-9301",
        name="Pemerintah Kabupaten Merauke",
        kind="pemerintah_kabupaten",
        region_code="93.01",
        valid=Period.parse("2020", None),
    )
    assert b.region_code == "93.01"


# -- robustness ---------------------------------------------------------------------------

_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.binary(max_size=6),
    st.lists(st.text(max_size=5), max_size=2),
    st.sampled_from(["81.71", "8171", "31.71", "kementerian", "pemerintah_kota", "lan"]),
)


@given(
    id=_ANY,
    name=_ANY,
    kind=st.one_of(_ANY, st.sampled_from([k.value for k in AgencyKind])),
    region_code=_ANY,
    parent_id=_ANY,
    acronym=_ANY,
)
def test_construction_raises_only_adminnet_errors(**fields: Any) -> None:
    """Arbitrary field values either build an Agency or raise an adminnet error."""
    try:
        agency = Agency(**fields)
    except AdminnetError:
        return
    assert isinstance(agency.kind, AgencyKind)
