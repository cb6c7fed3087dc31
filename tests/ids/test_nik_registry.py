"""The NIK region part against the region registry (adminnet.ids.nik._region_check)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest
from hypothesis import given

from adminnet import regions, strategies
from adminnet.errors import InvalidComponent
from adminnet.ids import nik
from adminnet.ids._gender import Gender
from adminnet.ids.nik import Nik

AT = pendulum.Date(2026, 1, 1)
BIRTH = "120385"  # 12 March 1985, a man
# kecamatan codes of each older snapshot that are not in force today (all under
# kabupaten/kota codes retired by the 2022 Papua split)
RETIRED_PER_SNAPSHOT = {"2016": 588, "2018": 588, "2020": 588, "2022": 594, "2023": 132}


def _nik(district: str) -> str:
    """A NIK registered in ``district`` (dotted kecamatan code), otherwise fixed."""
    return district.replace(".", "") + BIRTH + "0001"


# (kecamatan code, region in force today): codes the registry accepts
ACCEPTED = [
    ("81.71.01", "81.71.01"),  # a current kecamatan: Nusaniwe, Kota Ambon
    ("96.01.04", "96.01.04"),  # a current kecamatan of a code formed in 2022
    ("92.01.01", "96.01"),  # Makbon, Kabupaten Sorong before the 2022 split
    ("92.01.55", "96.01"),  # Sayosa Timur: renumbered, no 96.01.55 today
    ("92.71.01", "96.71"),  # Kota Sorong
    ("91.01.01", "93.01"),  # Kabupaten Merauke, Papua -> Papua Selatan
    ("91.13.99", "95.03"),  # any kecamatan number under a retired code
    ("32.07.20", None),  # a gap in Kabupaten Ciamis's kecamatan numbers (29-37 exist)
    ("64.73.01", None),  # Kota Tarakan's code in Kalimantan Timur before 2012
    ("64.04.01", None),  # a gap in Kalimantan Timur's kabupaten numbers
]

# (kecamatan code, exact message): codes no snapshot ever had
REFUSED = [
    (
        "81.71.99",
        "NIK region part 81.71.99 is not a kecamatan of Kota Ambon (codes 81.71.01-05)",
    ),
    (
        "81.71.06",
        "NIK region part 81.71.06 is not a kecamatan of Kota Ambon (codes 81.71.01-05)",
    ),
    ("81.79.01", "NIK region part 81.79.01 is under no kota of Provinsi Maluku"),
    ("11.69.01", "NIK region part 11.69.01 is under no kabupaten of Provinsi Aceh"),
    ("64.75.01", "NIK region part 64.75.01 is under no kota of Provinsi Kalimantan Timur"),
    ("99.01.01", "NIK region part 99.01.01 is under no province of the region registry"),
    ("37.01.01", "NIK region part 37.01.01 is under no province of the region registry"),
]


def test_sorong_before_the_split_is_valid_and_reports_its_successor() -> None:
    """A NIK issued under 92.01 (Kabupaten Sorong, Papua Barat) is valid; today it is 96.01."""
    number = "9201011203850001"
    assert nik.validate(number, at=AT) == number
    assert nik.is_valid(number, at=AT) is True
    parsed = nik.parse(number, at=AT)
    assert parsed.region_code == "92.01.01"
    assert parsed.current_region_code == "96.01"
    sorong = regions.get("96.01")
    assert sorong is not None
    assert sorong.official_name == "Kabupaten Sorong"


@pytest.mark.parametrize(("district", "current"), ACCEPTED)
def test_accepted_region_parts(district: str, current: str | None) -> None:
    """Current, retired and gap codes are valid and report the region in force today."""
    parsed = nik.parse(_nik(district), at=AT)
    assert parsed.region_code == district
    assert parsed.current_region_code == current
    assert nik.is_valid(_nik(district), at=AT) is True


@pytest.mark.parametrize(("district", "message"), REFUSED)
def test_unknown_region_parts_raise(district: str, message: str) -> None:
    """A kecamatan, kabupaten/kota or province never issued is nik.invalid_region."""
    for func in (nik.validate, nik.parse, nik.format):
        with pytest.raises(InvalidComponent) as info:
            func(_nik(district), at=AT)
        assert info.value.code == "nik.invalid_region"
        assert str(info.value) == message
    assert nik.is_valid(_nik(district), at=AT) is False


def test_hook_returns_the_current_region() -> None:
    """_region_check gives the code in force today, or None when the registry cannot tell."""
    born = pendulum.Date(1985, 3, 12)
    assert nik._region_check("81.71.01", born) == "81.71.01"
    assert nik._region_check("92.01.01", born) == "96.01"
    assert nik._region_check("64.73.01", born) is None
    with pytest.raises(InvalidComponent) as info:
        nik._region_check("81.71.99", born)
    assert info.value.code == "nik.invalid_region"


def test_birth_date_does_not_bound_the_check() -> None:
    """A retired code stays valid for a birth after its end (registers lagged the law)."""
    parsed = nik.parse("9201011203230001", at=AT)  # born 12 March 2023, after 2022-12-07
    assert parsed.birth_date == pendulum.Date(2023, 3, 12)
    assert parsed.current_region_code == "96.01"
    assert nik.is_valid("9601011203560001", at=AT) is True  # born 1956, code of 2022


def test_current_region_takes_no_part_in_equality() -> None:
    """Two records of the same number are equal whatever the registry reported."""
    parsed = nik.parse("9201011203850001", at=AT)
    bare = Nik(
        number="9201011203850001",
        region_code="92.01.01",
        birth_date=pendulum.Date(1985, 3, 12),
        gender=Gender.MALE,
        serial=1,
    )
    assert bare.current_region_code is None
    assert bare == parsed
    assert hash(bare) == hash(parsed)
    assert "current_region_code='96.01'" in repr(parsed)


def test_importing_nik_loads_no_registry() -> None:
    """adminnet.ids.nik imports neither adminnet.regions nor its data at import time."""
    code = (
        "import sys, adminnet.ids.nik; "
        "assert 'adminnet.regions' not in sys.modules, 'regions imported'; "
        "import adminnet.ids.nik as n; n.compact('81.71.01 160370 0001'); "
        "assert 'adminnet.regions' not in sys.modules, 'regions imported by compact'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@given(strategies.niks())
def test_generated_niks_report_their_own_kecamatan(number: str) -> None:
    """Every NIK of the hypothesis strategy (a current kecamatan) reports that kecamatan."""
    parsed = nik.parse(number)
    assert parsed.current_region_code == parsed.region_code


@pytest.mark.parametrize("year", sorted(RETIRED_PER_SNAPSHOT))
def test_every_snapshot_kecamatan_reports_a_region_in_force(reference_dir: Path, year: str) -> None:
    """Each kecamatan of an older snapshot is valid; its current region is in the 2025 data."""
    wilayah = reference_dir / "wilayah"
    with (wilayah / "wilayah_2025.csv").open(encoding="utf-8", newline="") as f:
        current = {r["kode"] for r in csv.DictReader(f)}
    with (wilayah / f"wilayah_{year}.csv").open(encoding="utf-8", newline="") as f:
        districts = [r["kode"] for r in csv.DictReader(f) if r["kode"].count(".") == 2]
    retired = 0
    for district in districts:
        reported = nik.parse(_nik(district), at=AT).current_region_code
        if district in current:
            assert reported == district
        else:
            retired += 1
            assert reported == regions.successors(district[:5])[0], district
            assert reported in current
    assert retired == RETIRED_PER_SNAPSHOT[year]
