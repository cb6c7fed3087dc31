"""Tests of adminnet.ids.region_code (Kemendagri kode wilayah, format only)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import (
    AdminnetError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from adminnet.ids import region_code
from adminnet.ids.region_code import RegencyType, RegionCode, VillageType

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
SNAPSHOTS = ("2016", "2018", "2020", "2022", "2023", "2025")


def _valid_vectors() -> list[str]:
    lines = (VECTORS / "region_code.valid.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _invalid_vectors() -> list[tuple[str, str]]:
    with (VECTORS / "region_code.invalid.csv").open(encoding="utf-8", newline="") as f:
        return [(row["value"], row["expected_code"]) for row in csv.DictReader(f)]


VALID = _valid_vectors()
INVALID = _invalid_vectors()

_EXPECTED_CLASS = {
    "region_code.invalid_length": InvalidLength,
    "region_code.invalid_format": InvalidFormat,
    "region_code.invalid_province": InvalidComponent,
    "region_code.invalid_regency": InvalidComponent,
    "region_code.invalid_district": InvalidComponent,
    "region_code.invalid_village": InvalidComponent,
}


# --- local strategies -------------------------------------------------------------

_provinces = st.builds(
    lambda a, b: f"{a}{b}", st.sampled_from("12356789"), st.sampled_from("123456789")
)
_regencies = st.integers(1, 69).map("{:02d}".format) | st.integers(71, 99).map("{:02d}".format)
_districts = st.integers(1, 99).map("{:02d}".format)
_villages = st.builds(lambda a, n: f"{a}{n:03d}", st.sampled_from("123"), st.integers(1, 999))


@st.composite
def _codes(draw: st.DrawFn) -> str:
    """A well-formed compact code of a random level (1-4)."""
    parts = [draw(_provinces), draw(_regencies), draw(_districts), draw(_villages)]
    return "".join(parts[: draw(st.integers(1, 4))])


@st.composite
def _written_codes(draw: st.DrawFn) -> str:
    """A well-formed code as a user may write it: compact or dotted."""
    code = draw(_codes())
    return region_code.format(code) if draw(st.booleans()) else code


# --- vectors ----------------------------------------------------------------------


def test_vector_files_are_large_enough() -> None:
    """The vector files hold at least 30 valid and 30 invalid codes."""
    assert len(VALID) >= 30
    assert len(INVALID) >= 30


@pytest.mark.parametrize("value", VALID)
def test_valid_vector(value: str) -> None:
    """A valid vector validates to its digits and round-trips through format."""
    digits = value.strip().replace(".", "")
    assert digits == region_code.validate(value)
    assert digits == region_code.compact(value)
    assert region_code.is_valid(value) is True
    assert digits == region_code.validate(region_code.format(value))
    assert {2: 1, 4: 2, 6: 3, 10: 4}[len(digits)] == region_code.level(value)


@pytest.mark.parametrize(("value", "code"), INVALID)
def test_invalid_vector(value: str, code: str) -> None:
    """An invalid vector raises the expected error class and code, and is not valid."""
    with pytest.raises(_EXPECTED_CLASS[code]) as info:
        region_code.validate(value)
    assert code == info.value.code
    assert region_code.is_valid(value) is False
    for func in (region_code.format, region_code.parse, region_code.level, region_code.parent):
        with pytest.raises(ValidationError) as info:
            func(value)
        assert code == info.value.code


def test_format_error_is_not_a_length_error() -> None:
    """Misplaced dots are an InvalidFormat, not an InvalidLength."""
    with pytest.raises(InvalidFormat) as info:
        region_code.validate("817.1")
    assert not isinstance(info.value, InvalidLength)


# --- parse, level, parent, to_dotted ------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("81", RegionCode(code="81", level=1, province="81", parent=None,
                          regency_type=None, village_type=None)),
        ("81.71", RegionCode(code="81.71", level=2, province="81", parent="81",
                             regency_type=RegencyType.KOTA, village_type=None)),
        ("3101", RegionCode(code="31.01", level=2, province="31", parent="31",
                            regency_type=RegencyType.KABUPATEN, village_type=None)),
        ("35.69", RegionCode(code="35.69", level=2, province="35", parent="35",
                             regency_type=RegencyType.KABUPATEN, village_type=None)),
        ("817101", RegionCode(code="81.71.01", level=3, province="81", parent="81.71",
                              regency_type=RegencyType.KOTA, village_type=None)),
        ("81.71.01.1006", RegionCode(code="81.71.01.1006", level=4, province="81",
                                     parent="81.71.01", regency_type=RegencyType.KOTA,
                                     village_type=VillageType.KELURAHAN)),
        ("1306012001", RegionCode(code="13.06.01.2001", level=4, province="13",
                                  parent="13.06.01", regency_type=RegencyType.KABUPATEN,
                                  village_type=VillageType.DESA)),
        ("91.03.01.3007", RegionCode(code="91.03.01.3007", level=4, province="91",
                                     parent="91.03.01", regency_type=RegencyType.KABUPATEN,
                                     village_type=VillageType.DESA_ADAT)),
    ],
)  # fmt: skip
def test_parse(value: str, expected: RegionCode) -> None:
    """parse splits a code into dotted code, level, province, parent and types."""
    assert expected == region_code.parse(value)


def test_parse_types_compare_as_strings() -> None:
    """The regency and village types equal their snake_case values."""
    parsed = region_code.parse("91.03.01.3007")
    assert parsed.regency_type == "kabupaten"
    assert parsed.village_type == "desa_adat"


def test_parse_record_is_frozen() -> None:
    """The parsed record cannot be changed."""
    parsed = region_code.parse("81.71")
    with pytest.raises(AttributeError):
        parsed.level = 3  # type: ignore[misc]


def test_enum_labels() -> None:
    """Every type carries its Indonesian label."""
    assert [t.label for t in RegencyType] == ["Kabupaten", "Kota"]
    assert [t.label for t in VillageType] == ["Kelurahan", "Desa", "Desa Adat"]


@pytest.mark.parametrize(
    ("value", "level", "parent", "dotted"),
    [
        ("96", 1, None, "96"),
        ("9601", 2, "96", "96.01"),
        ("96.01.01", 3, "96.01", "96.01.01"),
        ("9601012001", 4, "96.01.01", "96.01.01.2001"),
    ],
)
def test_level_parent_to_dotted(value: str, level: int, parent: str | None, dotted: str) -> None:
    """level, parent and to_dotted agree with the code's length."""
    assert level == region_code.level(value)
    assert parent == region_code.parent(value)
    assert dotted == region_code.to_dotted(value)
    assert dotted == region_code.format(value)


def test_compact_does_not_validate() -> None:
    """compact only strips dots and surrounding spaces, like python-stdnum."""
    assert region_code.compact(" 41.00 ") == "4100"
    assert region_code.compact("a.b.c") == "abc"


def test_messages_quote_the_value() -> None:
    """Error messages name the thing and quote the value as given."""
    with pytest.raises(InvalidComponent) as info:
        region_code.validate("81.70")
    assert str(info.value) == (
        "region code '81.70' has kabupaten/kota part 70, expected 01-69 (kabupaten) or 71-99 (kota)"
    )
    with pytest.raises(InvalidLength) as info2:
        region_code.validate("817")
    assert str(info2.value) == "region code '817' has 3 digits, expected 2, 4, 6 or 10"


# --- wrong types ------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, b"8171", 8171, 81.71, ["81"], object()])
def test_non_string_is_invalid_type(value: object) -> None:
    """Every function refuses a non-string with region_code.invalid_type."""
    funcs = (
        region_code.compact,
        region_code.validate,
        region_code.format,
        region_code.parse,
        region_code.level,
        region_code.parent,
        region_code.to_dotted,
    )
    for func in funcs:
        with pytest.raises(InvalidFormat) as info:
            func(value)  # type: ignore[arg-type]
        assert info.value.code == "region_code.invalid_type"
    assert region_code.is_valid(value) is False


# --- properties -------------------------------------------------------------------


@given(_written_codes())
def test_validate_format_roundtrip(value: str) -> None:
    """validate(format(x)) == compact(x) for every well-formed code."""
    assert region_code.compact(value) == region_code.validate(region_code.format(value))


@given(_codes())
def test_parse_is_consistent(code: str) -> None:
    """The parsed parent is the code minus its last part, one level up."""
    parsed = region_code.parse(code)
    assert code == parsed.code.replace(".", "")
    assert parsed.province == code[:2]
    if parsed.parent is None:
        assert parsed.level == 1
    else:
        assert parsed.level - 1 == region_code.level(parsed.parent)
        assert parsed.code.startswith(parsed.parent + ".")


@given(_codes(), st.integers(0, 9), st.data())
def test_changing_a_digit_is_caught_or_valid(code: str, digit: int, data: st.DataObject) -> None:
    """Replacing a digit yields either a valid code or a region_code error, never else."""
    i = data.draw(st.integers(0, len(code) - 1))
    mutated = code[:i] + str(digit) + code[i + 1 :]
    outcome: str
    try:
        outcome = region_code.validate(mutated)
    except ValidationError as exc:
        outcome = exc.code
    assert outcome in {mutated, *_EXPECTED_CLASS}


@given(st.none() | st.binary() | st.text() | st.integers() | st.floats())
def test_is_valid_never_raises(value: object) -> None:
    """is_valid returns a bool whatever the input."""
    assert region_code.is_valid(value) in {True, False}


@given(st.text() | st.text(alphabet="0123456789. "))
def test_arbitrary_text_raises_only_adminnet_errors(value: str) -> None:
    """validate and parse on any text return or raise a region_code ValidationError."""
    for func in (region_code.validate, region_code.parse):
        try:
            func(value)
        except ValidationError as exc:
            error: AdminnetError | None = exc
        else:
            error = None
        assert error is None or error.code.startswith("region_code.")


# --- outside reference ------------------------------------------------------------


@pytest.mark.parametrize("year", SNAPSHOTS)
def test_every_real_code_is_valid(reference_dir: Path, year: str) -> None:
    """Every code of every Kemendagri snapshot validates, at the level of its parts."""
    path = reference_dir / "wilayah" / f"wilayah_{year}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 90_000
    bad = [r["kode"] for r in rows if not region_code.is_valid(r["kode"])]
    assert bad == []
    wrong_level = [
        r["kode"] for r in rows if region_code.level(r["kode"]) != r["kode"].count(".") + 1
    ]
    assert wrong_level == []


@pytest.mark.parametrize("year", SNAPSHOTS)
def test_regency_type_agrees_with_names(reference_dir: Path, year: str) -> None:
    """A 01-69 code names a kabupaten and a 71-99 code a kota, in every snapshot."""
    path = reference_dir / "wilayah" / f"wilayah_{year}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        regencies = [r for r in csv.DictReader(f) if r["kode"].count(".") == 1]
    assert len(regencies) == 514
    for row in regencies:
        expected = "kota" if row["nama"].lower().startswith("kota") else "kabupaten"
        assert expected == region_code.parse(row["kode"]).regency_type, row


def test_desa_adat_codes_name_desa_adat(reference_dir: Path) -> None:
    """Every 3xxx village code in the 2025 snapshot is a desa adat by name."""
    path = reference_dir / "wilayah" / "wilayah_2025.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["kode"].count(".") == 3]
    adat = [r for r in rows if region_code.parse(r["kode"]).village_type is VillageType.DESA_ADAT]
    assert len(adat) == 14
    assert all(r["nama"].startswith("Desa Adat") for r in adat)
