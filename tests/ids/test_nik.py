"""Tests of adminnet.ids.nik (Nomor Induk Kependudukan)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet import strategies
from adminnet.errors import (
    AdminnetError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from adminnet.ids import nik, nip, region_code
from adminnet.ids._gender import Gender
from adminnet.ids.nik import Nik

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
AT = pendulum.Date(2026, 1, 1)
SNAPSHOTS = ("2016", "2018", "2020", "2022", "2023", "2025")

_VALID_TEXT = (VECTORS / "nik.valid.txt").read_text(encoding="utf-8")
VALID = [
    line for line in _VALID_TEXT.splitlines() if line.strip() and not line.lstrip().startswith("#")
]
with (VECTORS / "nik.invalid.csv").open(encoding="utf-8", newline="") as _f:
    INVALID = [(row["value"], row["expected_code"]) for row in csv.DictReader(_f)]

_EXPECTED_CLASS = {
    "nik.invalid_length": InvalidLength,
    "nik.invalid_format": InvalidFormat,
    "nik.invalid_region": InvalidComponent,
    "nik.invalid_birth_date": InvalidComponent,
    "nik.invalid_serial": InvalidComponent,
}


# --- local strategies -------------------------------------------------------------

# real kecamatan codes: the NIK's region part is checked against the registry
_districts = strategies.region_codes(level=3).map(lambda c: c.replace(".", ""))
# birth dates whose century the reference date AT resolves unambiguously
_birth_dates = st.dates(dt.date(1926, 1, 2), dt.date(2026, 1, 1))


def _build(district: str, birth: dt.date, gender: Gender, serial: int) -> str:
    day = birth.day + (40 if gender is Gender.FEMALE else 0)
    return f"{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


_parts = st.tuples(_districts, _birth_dates, st.sampled_from(Gender), st.integers(1, 9999))


@st.composite
def _written_niks(draw: st.DrawFn) -> str:
    """A valid NIK (at AT) written compact, formatted, or in 4-4-4-4 groups."""
    number = _build(*draw(_parts))
    style = draw(st.sampled_from(["compact", "format", "groups"]))
    if style == "format":
        return nik.format(number, at=AT)
    if style == "groups":
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


# --- vectors ----------------------------------------------------------------------


def test_vector_files_are_large_enough_and_dated() -> None:
    """The vector files hold 30+ values each and record the reference date used."""
    assert len(VALID) >= 30
    assert len(INVALID) >= 30
    assert f"at={AT}" in _VALID_TEXT


@pytest.mark.parametrize("value", VALID)
def test_valid_vector(value: str) -> None:
    """A valid vector validates to its 16 digits and round-trips through format."""
    digits = "".join(c for c in value if c.isdigit())
    assert digits == nik.validate(value, at=AT)
    assert digits == nik.compact(value)
    assert nik.is_valid(value, at=AT) is True
    assert digits == nik.validate(nik.format(value, at=AT), at=AT)
    parsed = nik.parse(value, at=AT)
    assert digits == parsed.number
    assert AT.subtract(years=100) < parsed.birth_date <= AT


@pytest.mark.parametrize(("value", "code"), INVALID)
def test_invalid_vector(value: str, code: str) -> None:
    """An invalid vector raises the expected error class and code, and is not valid."""
    with pytest.raises(_EXPECTED_CLASS[code]) as info:
        nik.validate(value, at=AT)
    assert code == info.value.code
    assert nik.is_valid(value, at=AT) is False
    for func in (nik.parse, nik.format):
        with pytest.raises(ValidationError) as info:
            func(value, at=AT)
        assert code == info.value.code


# --- parse ------------------------------------------------------------------------


def test_parse_man() -> None:
    """A man's NIK gives the kecamatan, birth date, gender and serial."""
    expected = Nik(
        number="8171011603700001",
        region_code="81.71.01",
        birth_date=pendulum.Date(1970, 3, 16),
        gender=Gender.MALE,
        serial=1,
    )
    assert expected == nik.parse("8171011603700001", at=AT)


def test_parse_woman_day_plus_40() -> None:
    """A woman's day is stored plus 40; parse removes it and reports female."""
    parsed = nik.parse("3171027112991234", at=AT)
    assert pendulum.Date(1999, 12, 31) == parsed.birth_date
    assert Gender.FEMALE is parsed.gender
    assert parsed.region_code == "31.71.02"
    assert parsed.serial == 1234
    assert pendulum.Date(1970, 3, 1) == nik.parse("8171014103700001", at=AT).birth_date


def test_parse_record_types() -> None:
    """birth_date is a pendulum.Date and the record is frozen."""
    parsed = nik.parse("8171011603700001", at=AT)
    assert type(parsed.birth_date) is pendulum.Date
    with pytest.raises(AttributeError):
        parsed.serial = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("number", "at", "expected"),
    [
        ("3171010101050001", "2026-01-01", pendulum.Date(2005, 1, 1)),
        ("3171010101050001", "2004-12-31", pendulum.Date(1905, 1, 1)),
        ("3171010101050001", "2005-01-01", pendulum.Date(2005, 1, 1)),
        ("3171010201050001", "2005-01-01", pendulum.Date(1905, 1, 2)),
        ("3171011508250001", "2026-01-01", pendulum.Date(2025, 8, 15)),
        ("3171011508260001", "2026-01-01", pendulum.Date(1926, 8, 15)),
        ("3171011508260001", "2026-08-15", pendulum.Date(2026, 8, 15)),
        ("3171011508990001", "2026-01-01", pendulum.Date(1999, 8, 15)),
        ("3171011508000001", "2026-01-01", pendulum.Date(2000, 8, 15)),
        ("3171011508000001", "1999-12-31", pendulum.Date(1900, 8, 15)),
    ],
)
def test_century_from_reference_date(number: str, at: str, expected: pendulum.Date) -> None:
    """The birth year is the latest one that keeps the birth date on or before at."""
    assert expected == nik.parse(number, at=at).birth_date


def test_leap_day_depends_on_resolved_century() -> None:
    """29 Feb 00 is 2000 (leap) after 2000, but 1900 (not leap) before: invalid."""
    assert pendulum.Date(2000, 2, 29) == nik.parse("3171012902000001", at=AT).birth_date
    with pytest.raises(InvalidComponent) as info:
        nik.validate("3171012902000001", at="1999-12-31")
    assert info.value.code == "nik.invalid_birth_date"
    assert (
        str(info.value) == "NIK '3171012902000001' has birth date 29-02-1900, not a calendar date"
    )


@pytest.mark.parametrize(
    "at", [pendulum.Date(2026, 1, 1), dt.date(2026, 1, 1), "2026-01-01", pendulum.date(2026, 1, 1)]
)
def test_at_accepts_dates_and_iso_strings(at: object) -> None:
    """at takes a pendulum.Date, a datetime.date or an ISO string."""
    assert pendulum.Date(2005, 1, 1) == nik.parse("3171010101050001", at=at).birth_date  # type: ignore[arg-type]


def test_at_defaults_to_today() -> None:
    """Without at, the century is resolved against today."""
    assert pendulum.Date(1980, 1, 1) == nik.parse("3171010101800001").birth_date
    assert nik.parse("3171010101000001").birth_date <= pendulum.today().date()


@pytest.mark.parametrize("at", ["16/03/2017", "2017-02-30", 20170316, dt.datetime(2017, 3, 16)])
def test_bad_reference_date_is_an_adminnet_error(at: object) -> None:
    """A malformed at raises an adminnet ValidationError, from is_valid too (a caller bug)."""
    for check in (nik.validate, nik.is_valid):
        with pytest.raises(ValidationError) as info:
            check("8171011603700001", at=at)  # type: ignore[arg-type]
        assert info.value.code.startswith("date.")


# --- format, compact, messages ----------------------------------------------------


def test_format() -> None:
    """format writes the dotted kecamatan, DDMMYY and the serial apart."""
    assert nik.format("8171011603700001") == "81.71.01 160370 0001"
    assert nik.format("8171-0156-0370-0002") == "81.71.01 560370 0002"


def test_compact_does_not_validate() -> None:
    """compact only removes spaces, dots and hyphens, like python-stdnum."""
    assert nik.compact(" 00.00-abc ") == "0000abc"


def test_separators_are_the_nip_ones() -> None:
    """No-break spaces separate a NIK's groups as they do a NIP's."""
    spaced = "8171\u00a00116\u20090370\u202f0001"
    assert nik.compact(spaced) == "8171011603700001"
    assert nik.validate(spaced, at=AT) == "8171011603700001"
    assert nip.compact("1965\u00a00302\u2009199003\u202f1002") == "196503021990031002"


def test_region_error_names_the_part_and_keeps_the_cause() -> None:
    """A bad kecamatan part is nik.invalid_region, caused by the region_code error."""
    with pytest.raises(InvalidComponent) as info:
        nik.validate("8170011603700001", at=AT)
    assert str(info.value) == "NIK '8170011603700001' has region part 817001, not a kecamatan code"
    assert isinstance(info.value.__cause__, ValidationError)
    assert info.value.__cause__.code == "region_code.invalid_regency"


def test_messages_quote_the_value() -> None:
    """Error messages name the thing and quote the value as given."""
    with pytest.raises(InvalidComponent) as info:
        nik.validate("8171013603700001", at=AT)
    assert (
        str(info.value)
        == "NIK '8171013603700001' has birth day 36, expected 01-31 (male) or 41-71 (female)"
    )
    with pytest.raises(InvalidComponent) as info:
        nik.validate("8171011603700000", at=AT)
    assert str(info.value) == "NIK '8171011603700000' has serial 0000, expected 0001-9999"


# --- the registry hook ------------------------------------------------------------


def test_region_hook_receives_dotted_code_and_birth_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """_region_check is called with the dotted kecamatan code and the birth date."""
    calls: list[tuple[str, pendulum.Date]] = []
    monkeypatch.setattr(nik, "_region_check", lambda code, birth: calls.append((code, birth)))
    nik.validate("9201010101560002", at=AT)
    assert [("92.01.01", pendulum.Date(1956, 1, 1))] == calls


def test_region_hook_errors_propagate(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error raised by _region_check makes the NIK invalid."""

    def refuse(code: str, birth: pendulum.Date) -> None:
        msg = f"no kecamatan {code}"
        raise InvalidComponent(msg, code="nik.invalid_region")

    monkeypatch.setattr(nik, "_region_check", refuse)
    with pytest.raises(InvalidComponent) as info:
        nik.validate("8171011603700001", at=AT)
    assert info.value.code == "nik.invalid_region"
    assert nik.is_valid("8171011603700001", at=AT) is False


# --- wrong types ------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, b"8171011603700001", 8171011603700001, 8.1e15, object()])
def test_non_string_is_invalid_type(value: object) -> None:
    """Every function refuses a non-string with nik.invalid_type."""
    for func in (nik.compact, nik.validate, nik.format, nik.parse):
        with pytest.raises(InvalidFormat) as info:
            func(value)  # type: ignore[arg-type]
        assert info.value.code == "nik.invalid_type"
    assert nik.is_valid(value) is False


# --- properties -------------------------------------------------------------------


@given(_parts)
def test_parse_recovers_the_parts(parts: tuple[str, dt.date, Gender, int]) -> None:
    """A NIK built from parts parses back to the same parts."""
    district, birth, gender, serial = parts
    expected = Nik(
        number=_build(*parts),
        region_code=region_code.to_dotted(district),
        birth_date=pendulum.Date(birth.year, birth.month, birth.day),
        gender=gender,
        serial=serial,
    )
    assert expected == nik.parse(_build(*parts), at=AT)


@given(_written_niks())
def test_validate_format_roundtrip(value: str) -> None:
    """validate(format(x)) == compact(x) for every valid NIK, however written."""
    assert nik.compact(value) == nik.validate(nik.format(value, at=AT), at=AT)


@given(st.none() | st.binary() | st.text() | st.integers() | st.floats())
def test_is_valid_never_raises(value: object) -> None:
    """is_valid returns a bool whatever the input."""
    assert nik.is_valid(value) in {True, False}


@given(st.text() | st.text(alphabet="0123456789 .-", min_size=14, max_size=20))
def test_arbitrary_text_raises_only_nik_errors(value: str) -> None:
    """validate and parse on any text return or raise a nik ValidationError."""
    for func in (nik.validate, nik.parse):
        try:
            func(value, at=AT)
        except ValidationError as exc:
            error: AdminnetError | None = exc
        else:
            error = None
        assert error is None or error.code.startswith("nik.")


# --- outside reference ------------------------------------------------------------


@pytest.mark.parametrize("year", SNAPSHOTS)
def test_every_real_kecamatan_makes_a_valid_nik(reference_dir: Path, year: str) -> None:
    """Every kecamatan code of every snapshot is accepted as a NIK region part."""
    path = reference_dir / "wilayah" / f"wilayah_{year}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        districts = [r["kode"] for r in csv.DictReader(f) if r["kode"].count(".") == 2]
    assert len(districts) > 7000
    bad = [c for c in districts if not nik.is_valid(f"{c} 160370 0001", at=AT)]
    assert bad == []
