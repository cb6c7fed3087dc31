"""Tests for adminnet.text.numbers: Indonesian numbers and percentages."""

from __future__ import annotations

import csv
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from adminnet.text.numbers import (
    CURRENCIES,
    MAX_DIGITS,
    UNITS,
    Amount,
    format_number,
    parse_amount,
    parse_number,
    parse_percent,
)
from fuzz.growth import assert_linear

VECTORS = Path(__file__).resolve().parent.parent / "vectors"

FUNCTIONS: dict[str, Callable[[str], int | Decimal]] = {
    "parse_number": parse_number,
    "parse_percent": parse_percent,
}


def _rows(name: str) -> list[list[str]]:
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f) if r and not r[0].startswith("#")][1:]


def _expected(function: str, cell: str) -> int | Decimal:
    """A Decimal when the cell has a '.' or for percentages, else an int."""
    if function == "parse_percent" or "." in cell:
        return Decimal(cell)
    return int(cell)


@pytest.mark.parametrize(("function", "text", "expected"), _rows("numbers.valid.csv"))
def test_valid_vectors(function: str, text: str, expected: str) -> None:
    """Every valid vector parses to its expected value, type and digits."""
    result = FUNCTIONS[function](text)
    want = _expected(function, expected)
    assert type(result) is type(want)
    assert result == want
    assert str(result) == str(want)


@pytest.mark.parametrize(("function", "text", "code"), _rows("numbers.invalid.csv"))
def test_invalid_vectors(function: str, text: str, code: str) -> None:
    """Every invalid vector raises InvalidFormat with the code of its row."""
    with pytest.raises(InvalidFormat) as info:
        FUNCTIONS[function](text)
    assert info.value.code == code
    assert repr(text) in str(info.value) or repr(text[:40]) in str(info.value)


def test_vectors_are_plentiful() -> None:
    """The vector files hold at least 30 valid and 20 invalid numbers."""
    assert len(_rows("numbers.valid.csv")) >= 30
    assert len(_rows("numbers.invalid.csv")) >= 20


def test_seed_article_bad_grouping() -> None:
    """The seed article's '4.000.0500' is InvalidFormat naming the group '0500'."""
    with pytest.raises(InvalidFormat) as info:
        parse_number("4.000.0500")
    assert info.value.code == "number.invalid_grouping"
    assert str(info.value) == (
        "number '4.000.0500' has a bad digit group '0500' (groups after the first have 3 digits)"
    )


def test_seed_article_percent() -> None:
    """The seed article's '64 persen' is Decimal 64, the percentage not a fraction."""
    assert parse_percent("64 persen") == Decimal(64)


def test_single_dot_before_one_or_two_digits_is_a_decimal() -> None:
    """'4.50' can only be an English decimal: a thousands group has exactly 3 digits."""
    assert parse_number("4.50") == Decimal("4.50")
    assert str(parse_number("3.93")) == "3.93"
    assert parse_number("4.500") == 4500


@given(st.integers(min_value=1, max_value=10**6), st.from_regex(r"[0-9]{1,2}", fullmatch=True))
def test_english_decimal_equals_comma_decimal(head: int, tail: str) -> None:
    """'H.TT' (1-2 decimals) reads as 'H,TT' does: its only well-formed reading."""
    assert parse_number(f"{head}.{tail}") == parse_number(f"{head},{tail}")


def test_three_digit_tail_stays_a_group() -> None:
    """A '.' before 3 digits is a group, so a malformed one is named, never a decimal."""
    with pytest.raises(InvalidFormat, match="bad digit group '0500'"):
        parse_number("4.000.0500")
    with pytest.raises(InvalidFormat, match="bad digit group '00'"):
        parse_number("00.5")


def test_zero_point_has_one_reading() -> None:
    """'0.75' can only be an English decimal: a thousands group never starts with 0."""
    assert parse_number("0.75") == Decimal("0.75")
    assert str(parse_number("0.750")) == "0.750"


def test_first_group_message() -> None:
    """A too-long first group is named with the first-group rule."""
    with pytest.raises(InvalidFormat, match="bad digit group '4000' \\(the first group"):
        parse_number("4000.050")


def test_english_format_message() -> None:
    """English-formatted numbers get their own message and code."""
    with pytest.raises(InvalidFormat) as info:
        parse_number("1,234.5")
    assert info.value.code == "number.english_format"
    assert str(info.value) == (
        "number '1,234.5' looks English-formatted; "
        "Indonesian uses '.' for thousands and ',' for decimals "
        "(as Indonesian it is not a number; in English style it is 1234.5)"
    )
    with pytest.raises(InvalidFormat, match=r"English style it is 1000\.5"):
        parse_number("1,000.5")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u00a04.000.050\u00a0", 4000050),
        ("4\u00a0juta", 4000000),
        ("\t-12\n", -12),
        ("\u221212", -12),
    ],
)
def test_unicode_whitespace_and_minus(text: str, expected: int) -> None:
    """NBSP and other whitespace around the number and the minus sign U+2212 work."""
    assert parse_number(text) == expected


def test_percent_nbsp() -> None:
    """A NBSP between the number and '%' is a space."""
    assert parse_percent("2,5\u00a0%") == Decimal("2.5")


@pytest.mark.parametrize("junk", [None, b"64", 64, 6.4, Decimal(64), ["64"]])
def test_non_str_text(junk: object) -> None:
    """parse_number and parse_percent refuse non-str input with invalid_type codes."""
    with pytest.raises(InvalidFormat) as info:
        parse_number(junk)  # type: ignore[arg-type]
    assert info.value.code == "number.invalid_type"
    with pytest.raises(InvalidFormat) as info:
        parse_percent(junk)  # type: ignore[arg-type]
    assert info.value.code == "percent.invalid_type"


def test_long_numbers() -> None:
    """Up to MAX_DIGITS digits parse and format exactly; more is number.too_long."""
    big = 10**4299 + 7
    text = format_number(big)
    assert text == "1" + ".000" * 1432 + ".007"
    assert format_number(-big) == "-" + text
    assert parse_number(text) == big
    assert parse_number("1" + "0" * 4299 + " ribu") == 10**4302
    for too_long in (10**MAX_DIGITS, -(10**5000), Decimal("1E+999999999"), Decimal("1E-5000")):
        with pytest.raises(InvalidLength) as info:
            format_number(too_long)
        assert info.value.code == "number.too_long"
    with pytest.raises(InvalidLength, match="4301 digits, more than the limit of 4300"):
        parse_number("1" * 4301)


@pytest.mark.parametrize("function", [parse_number, parse_percent, parse_amount])
@pytest.mark.parametrize(
    "make",
    [
        lambda n: "1" * n,
        lambda n: "1" + ".000" * (n // 4),
        lambda n: "1" * n + " juta",
        lambda n: "Rp" + "1" * n + ",-",
        lambda n: "1," * n + " x",
        lambda n: "1" + " " * n + "!",
        lambda n: "Rp 1 " + "juta " * (n // 5),
        lambda n: "1" * (n // 2) + "," + "1" * (n // 2) + "%",
    ],
)
def test_linear_time(function: Callable[[str], object], make: Callable[[int], str]) -> None:
    """Every number parser is linear in its input (issue 16 defect 9: 400,000 ones took 4.4 s)."""
    # 100x the input takes well under 1000x the time (quadratic would be 10,000x).
    assert_linear(function, make, limit=1_000, floor=2e-5, errors=(ValidationError,))


def test_format_number_huge_exponent() -> None:
    """format_number(Decimal('1E+999999999')) is refused, not spelled out (issue 16 defect 10).

    Before the limit it built a string of 10**9 digits (MemoryError or unbounded memory).
    """
    for huge in (Decimal("1E+999999999"), Decimal("-1E-999999999"), Decimal("9E+4300")):
        with pytest.raises(InvalidLength) as info:
            format_number(huge)
        assert info.value.code == "number.too_long"
    assert format_number(Decimal("9E+4299")) == "9" + ".000" * 1433


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (-1000, "-1.000"),
        (4000050, "4.000.050"),
        (Decimal("2.79"), "2,79"),
        (Decimal("2.50"), "2,50"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("-1234.56"), "-1.234,56"),
        (Decimal("0.001"), "0,001"),
        (Decimal("5E+3"), "5.000"),
        (Decimal("64"), "64"),
        (Decimal("-0.0"), "-0,0"),
    ],
)
def test_format_number(value: int | Decimal, expected: str) -> None:
    """format_number groups thousands with '.' and keeps a Decimal's digits after ','."""
    assert format_number(value) == expected


@pytest.mark.parametrize("junk", [1.5, 0.0, True, "4000050", None, 1 + 2j])
def test_format_rejects_other_types(junk: object) -> None:
    """format_number refuses floats, bools and non-numbers with number.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        format_number(junk)  # type: ignore[arg-type]
    assert info.value.code == "number.invalid_type"


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity")])
def test_format_rejects_non_finite(value: Decimal) -> None:
    """format_number refuses NaN and infinities with number.not_finite."""
    with pytest.raises(InvalidComponent) as info:
        format_number(value)
    assert info.value.code == "number.not_finite"


# --- properties -------------------------------------------------------------------


def _fits(x: int | Decimal) -> bool:
    """Whether format_number writes x within MAX_DIGITS digits."""
    try:
        format_number(x)
    except InvalidLength:
        return False
    return True


@given(st.integers().filter(_fits))
def test_round_trip_ints(x: int) -> None:
    """parse_number(format_number(x)) is the same int."""
    result = parse_number(format_number(x))
    assert type(result) is int
    assert result == x


@given(st.decimals(allow_nan=False, allow_infinity=False).filter(_fits))
def test_round_trip_decimals(x: Decimal) -> None:
    """parse_number(format_number(x)) equals x for every finite Decimal."""
    assert parse_number(format_number(x)) == x


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2))
def test_round_trip_percent(x: Decimal) -> None:
    """parse_percent reads back a formatted number followed by ' persen' or '%'."""
    assert parse_percent(format_number(x) + " persen") == x
    assert parse_percent(format_number(x) + "%") == x


@given(
    st.integers(min_value=0, max_value=10**4000),
    st.sampled_from(["ribu", "juta", "miliar", "triliun"]),
)
def test_number_words(x: int, word: str) -> None:
    """A number word multiplies exactly by its power of ten."""
    power = {"ribu": 3, "juta": 6, "miliar": 9, "triliun": 12}[word]
    assert parse_number(f"{format_number(x)} {word}") == x * 10**power


NUMBER_ALPHABET = st.sampled_from(
    [*"0123456789.,-+% \u00a0\u2212e", "000", "juta", "persen", "ribu", "Rp"]
)


@given(st.one_of(st.text(), st.lists(NUMBER_ALPHABET, max_size=12).map("".join)))
def test_arbitrary_text_raises_only_validation_error(text: str) -> None:
    """parse_number/parse_percent on any text return a number or a ValidationError."""
    for function in (parse_number, parse_percent):
        code = None
        try:
            result = function(text)
        except ValidationError as exc:
            code = exc.code
        if code is None:
            assert isinstance(result, int | Decimal)
            assert not isinstance(result, bool)
        else:
            assert code.startswith(("number.", "percent."))


# --- amounts (parse_amount) ---------------------------------------------------------

AMOUNT_ERRORS: dict[str, type[ValidationError]] = {
    "amount.invalid_format": InvalidFormat,
    "amount.unknown_unit": InvalidComponent,
    "amount.unknown_currency": InvalidComponent,
    "number.invalid_grouping": InvalidFormat,
    "number.english_format": InvalidFormat,
    "number.too_long": InvalidLength,
}


def _cells(name: str, width: int) -> list[list[str]]:
    return [(r + [""] * width)[:width] for r in _rows(name)]


def _sources(name: str) -> list[str]:
    return [r[-1] for r in _rows(name) if r[-1].startswith("http")]


@pytest.mark.parametrize(("text", "value", "unit", "currency"), _cells("amounts.valid.csv", 4))
def test_amount_valid_vectors(text: str, value: str, unit: str, currency: str) -> None:
    """Every valid amount parses to its exact value, unit and currency."""
    result = parse_amount(text)
    assert result == Amount(value=Decimal(value), unit=unit or None, currency=currency or None)
    assert isinstance(result.value, Decimal)
    assert parse_amount(str(result)) == result


@pytest.mark.parametrize(("text", "code"), _cells("amounts.invalid.csv", 2))
def test_amount_invalid_vectors(text: str, code: str) -> None:
    """Every invalid amount raises the error class and code of its row."""
    with pytest.raises(AMOUNT_ERRORS[code]) as info:
        parse_amount(text)
    assert info.value.code == code


def test_amount_real_rows() -> None:
    """At least 60 amount rows are real printed amounts with their source address."""
    sources = _sources("amounts.valid.csv") + _sources("amounts.invalid.csv")
    assert len(sources) >= 60
    assert len(set(sources)) >= 15


def test_amount_str() -> None:
    """str(Amount) is the Indonesian form: Rp glued, other codes spaced, % glued."""
    assert str(parse_amount("Rp1,625 triliun")) == "Rp1.625.000.000.000"
    assert str(parse_amount("USD 1,2 juta")) == "USD 1.200.000"
    assert str(parse_amount("44,06 km²")) == "44,06 km2"
    assert str(parse_amount("64 persen")) == "64%"
    assert str(parse_amount("355.365")) == "355.365"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"value": 1.5}, "amount.invalid_type"),
        ({"value": True}, "amount.invalid_type"),
        ({"value": Decimal("NaN")}, "number.not_finite"),
        ({"value": Decimal(1), "unit": "furlong"}, "amount.unknown_unit"),
        ({"value": Decimal(1), "unit": []}, "amount.unknown_unit"),
        ({"value": Decimal(1), "currency": "XYZ"}, "amount.unknown_currency"),
        ({"value": Decimal(1), "unit": "%", "currency": "IDR"}, "amount.unit_and_currency"),
        ({"value": Decimal("1E+5000")}, "number.too_long"),
    ],
)
def test_amount_is_valid_by_construction(kwargs: dict[str, object], code: str) -> None:
    """An impossible Amount cannot be built; the error has its own code."""
    with pytest.raises(ValidationError) as info:
        Amount(**kwargs)  # type: ignore[arg-type]
    assert info.value.code == code


AMOUNTS = st.builds(
    Amount,
    value=st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**15), max_value=10**15
    ),
    unit=st.none(),
    currency=st.sampled_from(sorted(CURRENCIES)),
) | st.builds(
    Amount,
    value=st.decimals(allow_nan=False, allow_infinity=False).filter(_fits),
    unit=st.sampled_from([None, *UNITS]),
    currency=st.none(),
)


@given(AMOUNTS)
def test_amount_round_trip(amount: Amount) -> None:
    """parse_amount(str(a)) == a for every Amount."""
    assert parse_amount(str(amount)) == amount


AMOUNT_ALPHABET = st.sampled_from(
    [*"0123456789.,-+% \u00a0²", "Rp", "Rp.", "USD", "juta", "miliar", "M", "T", "km2", "persen",
     "orang", "rupiah", ",-"]
)  # fmt: skip


@given(st.one_of(st.text(), st.lists(AMOUNT_ALPHABET, max_size=12).map("".join)))
def test_amount_only_adminnet_errors(text: str) -> None:
    """parse_amount on any text returns an Amount or raises a ValidationError."""
    code = "amount."
    try:
        result = parse_amount(text)
    except ValidationError as exc:
        code = exc.code
    else:
        assert isinstance(result, Amount)
    assert code.startswith(("amount.", "number.")), code
