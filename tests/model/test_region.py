"""Tests of adminnet.model.region: RegionKind, RegionName and Region."""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs import AttributeValidationNote
from hypothesis import given
from hypothesis import strategies as st

from adminnet import errors
from adminnet.errors import AdminnetError, InconsistentData
from adminnet.model.region import Region, RegionKind, RegionName, _trusted_region
from adminnet.time import Period

VECTORS = Path(__file__).resolve().parent.parent / "vectors"


def _provinces() -> list[tuple[str, str, str]]:
    with (VECTORS / "region_provinces.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["code"], r["iso_3166_2"], r["timezone"]) for r in csv.DictReader(fh)]


def _invalid() -> list[dict[str, Any]]:
    return json.loads((VECTORS / "region.invalid.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


LABELS = {
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
    "kabupaten_administrasi": "Kabupaten Administrasi",
    "kota_administrasi": "Kota Administrasi",
    "kecamatan": "Kecamatan",
    "distrik": "Distrik",
    "kelurahan": "Kelurahan",
    "desa": "Desa",
    "desa_adat": "Desa Adat",
}


@pytest.mark.parametrize(("value", "label"), sorted(LABELS.items()))
def test_kind_labels(value: str, label: str) -> None:
    """Every RegionKind has its stable value and Indonesian label."""
    assert RegionKind(value).label == label


def test_kind_members_are_exactly_the_design() -> None:
    """RegionKind has the ten kinds of DESIGN.md and no other."""
    assert {k.value for k in RegionKind} == set(LABELS)


def test_compact_code_is_dotted() -> None:
    """A compact code is stored dotted; derived properties follow from it."""
    r = Region(code="8171011006", name="Nusaniwe", kind="kelurahan")
    assert r.code == "81.71.01.1006"
    assert (r.level, r.parent_code, r.province_code) == (4, "81.71.01", "81")
    assert r.kind is RegionKind.KELURAHAN
    assert r.valid == Period()
    assert r.successors == ()
    assert r.is_current


@pytest.mark.parametrize(
    ("code", "name", "kind", "official", "autonomous"),
    [
        ("81", "Maluku", "provinsi", "Provinsi Maluku", True),
        ("81.71", "Ambon", "kota", "Kota Ambon", True),
        ("92.01", "Sorong", "kabupaten", "Kabupaten Sorong", True),
        ("31.71", "Jakarta Pusat", "kota_administrasi", "Kota Administrasi Jakarta Pusat", False),
        (
            "31.01",
            "Kepulauan Seribu",
            "kabupaten_administrasi",
            "Kabupaten Administrasi Kepulauan Seribu",
            False,
        ),
        ("81.71.01", "Nusaniwe", "kecamatan", "Kecamatan Nusaniwe", False),
        ("96.01.18", "Sorong", "distrik", "Distrik Sorong", False),
        ("81.71.01.1006", "Nusaniwe", "kelurahan", "Kelurahan Nusaniwe", False),
        ("81.71.01.2003", "Nusaniwe", "desa", "Desa Nusaniwe", False),
        ("91.03.01.3001", "Yoboi", "desa_adat", "Desa Adat Yoboi", False),
    ],
)
def test_official_name_and_autonomy(
    code: str, name: str, kind: str, official: str, autonomous: bool
) -> None:
    """official_name puts the kind's label in front; only provinsi/kabupaten/kota are autonomous."""
    r = Region(code=code, name=name, kind=kind)
    assert r.official_name == official
    assert r.is_autonomous is autonomous


@pytest.mark.parametrize(("province", "iso", "zone"), _provinces())
def test_province_timezone_and_iso(province: str, iso: str, zone: str) -> None:
    """Every province has its ISO 3166-2 code and IANA zone; regions below share the zone."""
    p = Region(code=province, name="X", kind="provinsi")
    assert p.iso_3166_2 == iso
    assert p.timezone == zone
    below = Region(code=f"{province}.01.01", name="X", kind="kecamatan")
    assert below.timezone == zone
    assert below.iso_3166_2 is None


def test_parent_codes() -> None:
    """parent_code walks up one level; a province has none."""
    assert Region(code="81", name="Maluku", kind="provinsi").parent_code is None
    assert Region(code="81.71", name="Ambon", kind="kota").parent_code == "81"
    assert Region(code="81.71.01", name="Nusaniwe", kind="kecamatan").parent_code == "81.71"


def test_retired_region() -> None:
    """A retired code carries its end and its successors (dotted)."""
    r = Region(
        code="92.01",
        name="Sorong",
        kind="kabupaten",
        valid=Period.parse(None, "2022-12-07"),
        successors=["9601"],
    )
    assert r.successors == ("96.01",)
    assert not r.is_current


def test_name_is_cleaned() -> None:
    """Names are NFC-normalised and their whitespace collapsed."""
    r = Region(code="81.71", name="  Ambo\u0301n  ", kind="kota")
    assert r.name == "Amb\u00f3n"
    assert Region(code="81.71.01", name="Teluk   Ambon", kind="kecamatan").name == "Teluk Ambon"


@pytest.mark.parametrize("case", _invalid(), ids=lambda c: c["note"])
def test_invalid_regions(case: dict[str, Any]) -> None:
    """An impossible region raises the expected error, code and field."""
    fields = dict(case["fields"])
    end = fields.pop("valid_end", None)
    if end is not None:
        fields["valid"] = Period.parse(None, end)
    with pytest.raises(AdminnetError) as info:
        Region(**fields)
    exc = info.value
    assert type(exc) is getattr(errors, case["error"])
    assert exc.code == case["code"]
    notes = [n for n in getattr(exc, "__notes__", ()) if isinstance(n, AttributeValidationNote)]
    assert [n.name for n in notes] == [case["field"]]


def test_trusted_region_equals_validated() -> None:
    """The registry's fast constructor builds the same value as the validated one."""
    fast = _trusted_region("81.71", "Ambon", RegionKind.KOTA, Period())
    assert fast == Region(code="81.71", name="Ambon", kind="kota")
    assert hash(fast) == hash(Region(code="81.71", name="Ambon", kind="kota"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.name = "x"  # type: ignore[misc]


def test_region_name() -> None:
    """RegionName keeps a dated name and its basis."""
    n = RegionName(
        name=" Mamuju  Utara ", valid=Period.parse(None, "2017-12-27"), basis="PP 61/2017"
    )
    assert n.name == "Mamuju Utara"
    assert str(n.valid) == "../2017-12-27"
    with pytest.raises(AdminnetError):
        RegionName(name="", valid=Period())
    with pytest.raises(AdminnetError):
        RegionName(name="X", basis=61)  # type: ignore[arg-type]


def test_kind_mismatch_message() -> None:
    """The kind error names the code and says which kind the code is."""
    with pytest.raises(InconsistentData, match=r"region 81\.71 is a kota code \(71-99\)"):
        Region(code="81.71", name="Ambon", kind="kabupaten")


_junk = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=12),
    st.binary(max_size=4),
    st.lists(st.text(max_size=5), max_size=2),
    st.sampled_from(["81.71", "8171", "81", "81.71.01.1006", "kota", "desa", "Ambon"]),
)


@given(code=_junk, name=_junk, kind=_junk, successors=_junk)
def test_junk_raises_only_adminnet_errors(
    code: object, name: object, kind: object, successors: object
) -> None:
    """Any junk in any field gives a Region or an adminnet error, nothing else."""
    with contextlib.suppress(AdminnetError):
        Region(code=code, name=name, kind=kind, successors=successors)
