"""Tests of adminnet.ids.nip: vectors, parts, formatting, robustness."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import (
    InconsistentData,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from adminnet.ids import nip
from adminnet.ids.nip import Gender, Nip, NipKind
from adminnet.time import PartialDate

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
REF = pendulum.Date(2025, 6, 30)
"""Reference date of the vectors: every valid one is valid at it and any later date."""

EXPECTED_CLASS: dict[str, type[ValidationError]] = {
    "nip.invalid_length": InvalidLength,
    "nip.invalid_format": InvalidFormat,
    "nip.invalid_birth_date": InvalidComponent,
    "nip.invalid_appointment": InvalidComponent,
    "nip.invalid_gender": InvalidComponent,
    "nip.invalid_serial": InvalidComponent,
    "nip.too_young": InconsistentData,
    "nip.appointed_in_future": InvalidComponent,
}


def _valid_vectors() -> list[str]:
    lines = (VECTORS / "nip.valid.txt").read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line and not line.startswith("#")]


def _invalid_vectors() -> list[tuple[str, str]]:
    with (VECTORS / "nip.invalid.csv").open(encoding="utf-8", newline="") as f:
        return [(row["value"], row["expected_code"]) for row in csv.DictReader(f)]


VALID = _valid_vectors()
INVALID = _invalid_vectors()


# --- local hypothesis strategies -------------------------------------------------------


@st.composite
def nip_cases(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A valid compact NIP (as of REF) and the parts it was built from."""
    kind = draw(st.sampled_from(NipKind))
    if kind is NipKind.LEGACY:
        number = draw(st.from_regex(r"\A[0-9]{9}\Z").filter(lambda s: s != "000000000"))
        return number, {"kind": kind}
    birth = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(REF.year - 19, 12, 31)))
    gender = draw(st.sampled_from("12"))
    serial = draw(st.integers(1, 999))
    if kind is NipKind.PNS:
        adult = pendulum.Date(birth.year, birth.month, birth.day).add(years=18)
        first = adult.year * 12 + adult.month - 1 + (adult.day != 1)
        index = draw(st.integers(first, REF.year * 12 + REF.month - 1))
        year, month = index // 12, index % 12 + 1
        middle, appointed, code = f"{year:04d}{month:02d}", f"{year:04d}-{month:02d}", None
    else:
        year = draw(st.integers(max(2014, birth.year + 18), REF.year))
        code = draw(st.integers(13, 99))
        middle, appointed = f"{year:04d}{code:02d}", f"{year:04d}"
    number = f"{birth.year:04d}{birth.month:02d}{birth.day:02d}{middle}{gender}{serial:03d}"
    parts = {
        "kind": kind,
        "birth_date": pendulum.Date(birth.year, birth.month, birth.day),
        "appointed": appointed,
        "gender": Gender.MALE if gender == "1" else Gender.FEMALE,
        "serial": serial,
        "code": code,
    }
    return number, parts


@st.composite
def written(draw: st.DrawFn, number: str) -> str:
    """``number`` as people write it: separators anywhere, whitespace around."""
    seps = st.sampled_from(["", "", "", " ", ".", "-", "\u00a0"])
    out = [draw(st.sampled_from(["", " ", "\t"]))]
    for ch in number:
        out.extend((ch, draw(seps)))
    out.append(draw(st.sampled_from(["", " ", "\n"])))
    return "".join(out)


valid_nips = nip_cases().map(lambda case: case[0])
written_nips = valid_nips.flatmap(written)
junk = st.none() | st.binary() | st.text() | st.integers() | st.floats()
digit_text = st.text(alphabet="0123456789 .-x\u00a0", max_size=25)
near_nips = st.builds(
    "{:04d}{:02d}{:02d}{:04d}{:02d}{}{:03d}".format,
    st.integers(1890, 2030),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(1880, 2100),
    st.integers(0, 99),
    st.integers(0, 3),
    st.integers(0, 999),
)
"""18 digits near the valid ones: every check is reached, many pass."""
eighteen_digits = st.from_regex(r"\A[0-9]{18}\Z") | near_nips


# --- vectors -------------------------------------------------------------------------


def test_vector_counts() -> None:
    """The vector files hold at least 30 valid and 30 invalid NIPs."""
    assert len(VALID) >= 30
    assert len(INVALID) >= 30


@pytest.mark.parametrize("value", VALID)
def test_valid_vector(value: str) -> None:
    """Every valid vector validates (at REF and today) to its compact form."""
    expected = nip.compact(value)
    assert nip.validate(value, at=REF) == expected
    assert nip.validate(value) == expected
    assert nip.is_valid(value, at=REF) is True
    assert nip.validate(nip.format(value), at=REF) == expected
    assert nip.parse(value, at=REF).number == expected


@pytest.mark.parametrize(("value", "code"), INVALID)
def test_invalid_vector(value: str, code: str) -> None:
    """Every invalid vector raises its expected error class and code everywhere."""
    with pytest.raises(ValidationError) as info:
        nip.validate(value, at=REF)
    assert info.value.code == code
    assert type(info.value) is EXPECTED_CLASS[code]
    with pytest.raises(ValidationError) as info:
        nip.parse(value, at=REF)
    assert info.value.code == code
    assert nip.is_valid(value, at=REF) is False


# --- the done-when example and parts -------------------------------------------------


def test_done_when_parse() -> None:
    """The reference NIP parses to birth 1965-03-02, TMT 1990-03, male, serial 2."""
    n = nip.parse("196503021990031002")
    assert n == Nip(
        kind=NipKind.PNS,
        birth_date=pendulum.Date(1965, 3, 2),
        appointed=PartialDate(year=1990, month=3),
        gender=Gender.MALE,
        serial=2,
        code=None,
        number="196503021990031002",
    )
    assert type(n.birth_date) is pendulum.Date
    assert str(n.appointed) == "1990-03"


def test_done_when_format() -> None:
    """The reference NIP formats as `19650302 199003 1 002`."""
    assert nip.format("196503021990031002") == "19650302 199003 1 002"


def test_parse_pppk() -> None:
    """A NI PPPK parses with a year-precision appointment and its code."""
    n = nip.parse("19951231 2023 24 2 005")
    assert n.kind is NipKind.PPPK
    assert n.birth_date == pendulum.Date(1995, 12, 31)
    assert str(n.appointed) == "2023"
    assert n.appointed is not None
    assert n.appointed.precision.value == "year"
    assert n.code == 24
    assert n.gender is Gender.FEMALE
    assert n.serial == 5
    assert n.number == "199512312023242005"


def test_parse_legacy() -> None:
    """A 9-digit NIP parses as LEGACY with no parts."""
    assert nip.parse("130 123 456") == Nip(
        kind=NipKind.LEGACY,
        birth_date=None,
        appointed=None,
        gender=None,
        serial=None,
        code=None,
        number="130123456",
    )


def test_record_is_frozen() -> None:
    """The Nip record cannot be changed."""
    n = nip.parse("196503021990031002")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        n.serial = 3  # type: ignore[misc]


def test_accessors() -> None:
    """get_birth_date and get_gender read the NIP; None for a legacy NIP."""
    assert nip.get_birth_date("198507142010122003") == pendulum.Date(1985, 7, 14)
    assert nip.get_gender("198507142010122003") is Gender.FEMALE
    assert nip.get_birth_date("130123456") is None
    assert nip.get_gender("130123456") is None


def test_enum_labels() -> None:
    """NipKind and Gender have stable values and Indonesian labels."""
    assert [(k.value, k.label) for k in NipKind] == [
        ("pns", "PNS"),
        ("pppk", "PPPK"),
        ("legacy", "NIP lama"),
    ]
    assert [(g.value, g.label) for g in Gender] == [
        ("male", "Laki-laki"),
        ("female", "Perempuan"),
    ]


# --- compact and format --------------------------------------------------------------


def test_compact_strips_separators_only() -> None:
    """compact removes spaces, NBSP, dots, hyphens and outer whitespace, nothing else."""
    assert nip.compact("\t19650302 199003.1-002\u00a0\n") == "196503021990031002"
    assert nip.compact("1965/03") == "1965/03"
    assert nip.compact("abc") == "abc"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("196503021990031002", "19650302 199003 1 002"),
        ("19650302-199003-1-002", "19650302 199003 1 002"),
        ("199001012021211001", "19900101 2021 21 1 001"),
        ("130123456", "130 123 456"),
        ("196503021990001002", "19650302 199000 1 002"),
    ],
)
def test_format(value: str, expected: str) -> None:
    """format groups PNS, PPPK and legacy numbers (checking the shape only)."""
    assert nip.format(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [("1965030219900310", "nip.invalid_length"), ("19650302x990031002", "nip.invalid_format")],
)
def test_format_rejects_bad_shape(value: str, code: str) -> None:
    """format raises the shape errors."""
    with pytest.raises(InvalidFormat) as info:
        nip.format(value)
    assert info.value.code == code


@pytest.mark.parametrize("func", [nip.compact, nip.validate, nip.format, nip.parse])
@pytest.mark.parametrize("value", [None, b"196503021990031002", 196503021990031002, 1.5, ["1"]])
def test_non_string_is_invalid_type(func: Any, value: object) -> None:
    """Non-str input raises InvalidFormat with code nip.invalid_type, never TypeError."""
    with pytest.raises(InvalidFormat) as info:
        func(value)
    assert info.value.code == "nip.invalid_type"
    assert type(value).__name__ in str(info.value)


# --- messages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("196513321990031002", "NIP birth date 19651332 is not a calendar date"),
        ("189912311930031001", "NIP birth date 18991231 is before 1900"),
        (
            "196503021990131002",
            "NIP TMT 199013 has no month 13, and a NI PPPK (code > 12)"
            " cannot have a year before 2014",
        ),
        ("196503021990001002", "NIP TMT 199000 has no month 00"),
        ("196503021990033002", "NIP gender digit 3 is not 1 (male) or 2 (female)"),
        ("196503021990031000", "NIP serial number 000 is not between 001 and 999"),
        ("197303021990031002", "NIP TMT 199003 is less than 18 years after birth date 19730302"),
        (
            "200401012021211001",
            "NI PPPK appointment year 2021 is less than 18 years after birth date 20040101",
        ),
        ("196503022099011002", "NIP TMT 209901 is after the reference date 2025-06-30"),
        (
            "200001012026211001",
            "NI PPPK appointment year 2026 is after the reference date 2025-06-30",
        ),
        (
            "1965030219900310",
            "NIP 1965030219900310 has 16 digits, not 18 (or 9 for a pre-2009 NIP)",
        ),
        ("1", "NIP 1 has 1 digit, not 18 (or 9 for a pre-2009 NIP)"),
        ("1965O302", "NIP '1965O302' has a character that is not a digit: 'O'"),
        ("000000000", "NIP 000000000 is all zeros"),
    ],
)
def test_messages(value: str, message: str) -> None:
    """Messages name the part and quote the value."""
    with pytest.raises(ValidationError) as info:
        nip.validate(value, at=REF)
    assert str(info.value) == message


def test_long_junk_message_is_short() -> None:
    """A huge input is truncated in the message."""
    with pytest.raises(InvalidFormat) as info:
        nip.validate("x" * 10_000)
    assert len(str(info.value)) < 120


# --- age and reference-date boundaries -----------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("197203011990031001", True),  # 18 on the TMT day itself
        ("197203021990031001", False),  # 18 one day after the TMT
        ("197203021990041001", True),
        ("197202291990021001", False),  # leap-day birth: 18 after 1 February 1990
        ("197202291990031001", True),
        ("200312312021211001", True),  # PPPK: 18 during the appointment year
        ("200401012021211001", False),
    ],
)
def test_minimum_age_boundary(value: str, valid: bool) -> None:
    """The TMT (first day of its month) must be on or after the 18th birthday."""
    assert nip.is_valid(value, at=REF) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("200001012025061001", True),  # TMT in the reference month
        ("200001012025071001", False),  # the month after
        ("200001012025212001", True),  # PPPK in the reference year
        ("200001012026212001", False),
    ],
)
def test_reference_date_boundary(value: str, valid: bool) -> None:
    """The appointment may be in the reference month (PNS) or year (PPPK), not later."""
    assert nip.is_valid(value, at=REF) is valid


@pytest.mark.parametrize("at", [REF, dt.date(2025, 6, 30), "2025-06-30"])
def test_at_accepts_dates_and_iso_strings(at: object) -> None:
    """`at` takes a pendulum.Date, a datetime.date or an ISO string."""
    assert nip.validate("200001012025061001", at=at) == "200001012025061001"  # type: ignore[arg-type]
    assert not nip.is_valid("200001012025071001", at=at)  # type: ignore[arg-type]


def test_bad_reference_date_raises() -> None:
    """A bad `at` is a caller bug: an adminnet error, even from is_valid."""
    with pytest.raises(InvalidFormat) as info:
        nip.is_valid("196503021990031002", at="30/06/2025")
    assert info.value.code == "date.invalid_format"
    with pytest.raises(InvalidFormat):
        nip.validate("196503021990031002", at="30/06/2025")


def test_default_reference_is_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `at`, adminnet.time.today() is the reference, even when replaced."""
    today = pendulum.Date(2000, 1, 15)
    monkeypatch.setattr("adminnet.time.today", lambda: today)
    assert nip.validate("197001012000011001") == "197001012000011001"
    with pytest.raises(InvalidComponent) as info:
        nip.validate("197001012000021001")
    assert str(info.value) == "NIP TMT 200002 is after the reference date 2000-01-15"
    monkeypatch.undo()
    real = pendulum.today("Asia/Jakarta").date().add(months=1)
    assert not nip.is_valid(f"19700101{real.year:04d}{real.month:02d}1001")


# --- properties ----------------------------------------------------------------------


@given(written_nips)
def test_format_round_trip(value: str) -> None:
    """validate(format(x)) == compact(x) for valid NIPs written with any separators."""
    assert nip.validate(nip.format(value), at=REF) == nip.compact(value)
    assert nip.validate(value, at=REF) == nip.compact(value)


@given(nip_cases())
def test_parse_returns_the_parts(case: tuple[str, dict[str, Any]]) -> None:
    """parse() gives back exactly the parts the number was built from."""
    number, parts = case
    n = nip.parse(number, at=REF)
    assert n.kind is parts["kind"]
    assert n.number == number
    if n.kind is NipKind.LEGACY:
        assert (n.birth_date, n.appointed, n.gender, n.serial, n.code) == (None,) * 5
        return
    assert n.birth_date == parts["birth_date"]
    assert str(n.appointed) == parts["appointed"]
    assert n.gender is parts["gender"]
    assert n.serial == parts["serial"]
    assert n.code == parts["code"]


@given(eighteen_digits)
def test_parse_agrees_with_digits(number: str) -> None:
    """For any 18 digits, a successful parse reads its fields from the right digits."""
    try:
        n = nip.parse(number, at=REF)
    except ValidationError:
        assert not nip.is_valid(number, at=REF)
        return
    assert nip.is_valid(number, at=REF)
    assert n.birth_date is not None
    assert n.appointed is not None
    assert n.birth_date.format("YYYYMMDD") == number[:8]
    assert n.appointed.year == int(number[8:12])
    if n.kind is NipKind.PNS:
        assert n.appointed.month == int(number[12:14])
        assert n.code is None
    else:
        assert n.code == int(number[12:14]) > 12
    assert n.gender is (Gender.MALE if number[14] == "1" else Gender.FEMALE)
    assert n.serial == int(number[15:])


@given(junk)
def test_is_valid_never_raises(value: object) -> None:
    """is_valid returns a bool for None, bytes, text, ints and floats."""
    assert nip.is_valid(value) in (True, False)


@given(st.text() | digit_text | eighteen_digits)
def test_only_adminnet_errors_on_text(value: str) -> None:
    """validate, parse and format raise only ValidationError on arbitrary text."""
    for func in (nip.validate, nip.parse, nip.format):
        with contextlib.suppress(ValidationError):
            func(value)


def test_birth_digits_that_are_no_date_are_reported_once_at_the_nip() -> None:
    """No cross-check against digits that are no calendar date: validate reports them.

    A Person with such a NIP has one problem, at ``$.nip``, not a second one at
    ``$.birth_date`` (the error path of bench/bench_records.py counts exactly one).
    """
    from adminnet import Person, serialization
    from adminnet.errors import InvalidDataError

    number = "199913092023041580"  # month 13
    nip.check_person(number, birth_date=pendulum.date(1999, 3, 9))  # nothing to compare
    record = {"id": "x", "name": "Budi", "nip": number, "birth_date": "1999-03-09"}
    for load in (serialization.from_dict, serialization.from_json):
        document = record if load is serialization.from_dict else json.dumps(record)
        with pytest.raises(InvalidDataError) as info:
            load(Person, document)  # type: ignore[operator]
        assert [(d.path, d.code) for d in info.value.errors] == [
            ("$.nip", "nip.invalid_birth_date")
        ]
    lines = [json.dumps(record) + "\n"]
    problems: list[InvalidDataError] = []
    assert list(serialization.iter_jsonl(Person, lines, on_error=problems.append)) == []
    assert [(d.path, d.code) for e in problems for d in e.errors] == [
        ("$.nip", "nip.invalid_birth_date")
    ]
