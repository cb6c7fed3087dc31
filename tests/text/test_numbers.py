"""Tests for adminnet.text.numbers: Indonesian numbers and percentages."""

from __future__ import annotations

import csv
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import InvalidComponent, InvalidFormat, ValidationError
from adminnet.text.numbers import format_number, parse_number, parse_percent

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
    assert repr(text) in str(info.value)


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


def test_single_dot_hint() -> None:
    """'1.5' is bad grouping and the message suggests the Indonesian decimal comma."""
    with pytest.raises(InvalidFormat, match="English decimal point, write '1,5'"):
        parse_number("1.5")


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
        "Indonesian uses '.' for thousands and ',' for decimals"
    )


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
    """Numbers beyond Python's 4300-digit int/str limit parse and format exactly."""
    big = 10**5001 + 7
    text = format_number(big)
    assert text == "1" + ".000" * 1666 + ".007"
    assert format_number(-big) == "-" + text
    assert parse_number(text) == big
    assert parse_number("1" + "0" * 5000) == 10**5000
    assert parse_number("1" + "0" * 5000 + " ribu") == 10**5003


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


@given(st.integers())
def test_round_trip_ints(x: int) -> None:
    """parse_number(format_number(x)) is the same int."""
    result = parse_number(format_number(x))
    assert type(result) is int
    assert result == x


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_round_trip_decimals(x: Decimal) -> None:
    """parse_number(format_number(x)) equals x for every finite Decimal."""
    assert parse_number(format_number(x)) == x


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2))
def test_round_trip_percent(x: Decimal) -> None:
    """parse_percent reads back a formatted number followed by ' persen' or '%'."""
    assert parse_percent(format_number(x) + " persen") == x
    assert parse_percent(format_number(x) + "%") == x


@given(st.integers(min_value=0), st.sampled_from(["ribu", "juta", "miliar", "triliun"]))
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
