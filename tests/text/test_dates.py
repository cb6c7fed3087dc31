"""Tests for adminnet.text.dates: Indonesian date parsing and formatting."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import (
    InconsistentData,
    InvalidComponent,
    InvalidFormat,
    ValidationError,
)
from adminnet.text.dates import format_date, parse_date

VECTORS = Path(__file__).resolve().parent.parent / "vectors"

ERROR_CLASSES: dict[str, type[ValidationError]] = {
    "date.invalid_type": InvalidFormat,
    "date.invalid_format": InvalidFormat,
    "date.missing_year": InvalidFormat,
    "date.ambiguous_year": InvalidFormat,
    "date.invalid_month": InvalidComponent,
    "date.invalid_weekday": InvalidComponent,
    "date.invalid_date": InvalidComponent,
    "date.invalid_year": InvalidComponent,
    "date.weekday_mismatch": InconsistentData,
}

SEED_DAY = pendulum.date(2017, 3, 16)


def _rows(name: str) -> list[list[str]]:
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f) if r and not r[0].startswith("#")][1:]


def _year(cell: str) -> int | None:
    return int(cell) if cell else None


@pytest.mark.parametrize(("text", "expected", "year"), _rows("dates.valid.csv"))
def test_valid_vectors(text: str, expected: str, year: str) -> None:
    """Every valid vector parses to its expected pendulum.Date."""
    result = parse_date(text, year=_year(year))
    assert type(result) is pendulum.Date
    assert result == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("text", "code", "year"), _rows("dates.invalid.csv"))
def test_invalid_vectors(text: str, code: str, year: str) -> None:
    """Every invalid vector raises the error class and code of its row."""
    with pytest.raises(ERROR_CLASSES[code]) as info:
        parse_date(text, year=_year(year))
    assert info.value.code == code


def test_vectors_are_plentiful() -> None:
    """The vector files hold at least 30 valid and 20 invalid dates."""
    assert len(_rows("dates.valid.csv")) >= 30
    assert len(_rows("dates.invalid.csv")) >= 20


def test_seed_article_date() -> None:
    """'Kamis (16/3)' of the seed article is Thursday 16 March 2017 given year=2017."""
    assert parse_date("Kamis (16/3)", year=2017) == pendulum.date(2017, 3, 16)


def test_weekday_mismatch_message() -> None:
    """A contradicting weekday names the real and the written weekday."""
    with pytest.raises(InconsistentData) as info:
        parse_date("Jumat (16/3)", year=2017)
    assert info.value.code == "date.weekday_mismatch"
    assert str(info.value) == "16 Maret 2017 is a Kamis, not a Jumat"


def test_missing_year_message() -> None:
    """A date without a year and without year= says to pass year=."""
    with pytest.raises(InvalidFormat) as info:
        parse_date("Kamis (16/3)")
    assert str(info.value) == "'Kamis (16/3)' has no year: pass year="


def test_messages_quote_the_value() -> None:
    """Error messages quote the text and name the bad part."""
    with pytest.raises(InvalidComponent, match="'Marz'"):
        parse_date("16 Marz 2017")
    with pytest.raises(InvalidComponent, match=r"'16/13/2017' is not a calendar date"):
        parse_date("16/13/2017")
    with pytest.raises(InvalidFormat, match="two-digit year '17'"):
        parse_date("16/3/17")
    with pytest.raises(InvalidFormat, match="month-first"):
        parse_date("Maret 16, 2017")


def test_text_year_wins_over_year_argument() -> None:
    """year= is only a fallback: a year in the text is used as written."""
    assert parse_date("16 Maret 2016", year=2017) == pendulum.date(2016, 3, 16)
    assert parse_date("16 Maret", year=2016) == pendulum.date(2016, 3, 16)


@pytest.mark.parametrize(
    "text",
    [
        "16\u00a0Maret\u00a02017",
        "\u00a0Kamis,\u00a016 Maret 2017\u00a0",
        "Kamis,\t16\nMaret 2017",
        "\u2003Kamis (16/3/2017)\u2003",
    ],
)
def test_unicode_whitespace(text: str) -> None:
    """NBSP and other Unicode whitespace count as spaces."""
    assert parse_date(text) == SEED_DAY


@pytest.mark.parametrize("junk", [None, b"16/3/2017", 20170316, 16.3, SEED_DAY, ["16/3/2017"]])
def test_non_str_text(junk: object) -> None:
    """A text that is not a str raises InvalidFormat date.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        parse_date(junk)  # type: ignore[arg-type]
    assert info.value.code == "date.invalid_type"


@pytest.mark.parametrize("junk", ["2017", 2017.0, True, b"2017"])
def test_non_int_year(junk: object) -> None:
    """A year= that is not an int (bools included) raises date.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        parse_date("16/3", year=junk)  # type: ignore[arg-type]
    assert info.value.code == "date.invalid_type"


def test_format_seed_day() -> None:
    """format_date writes the seed day as 'Kamis, 16 Maret 2017', or without weekday."""
    assert format_date(SEED_DAY) == "Kamis, 16 Maret 2017"
    assert format_date(dt.date(2017, 3, 17)) == "Jumat, 17 Maret 2017"
    assert format_date(SEED_DAY, weekday=False) == "16 Maret 2017"
    assert format_date(dt.date(800, 1, 1), weekday=False) == "1 Januari 0800"


@pytest.mark.parametrize(
    "junk",
    [
        pendulum.datetime(2017, 3, 16, tz="Asia/Jakarta"),
        dt.datetime(2017, 3, 16),
        "2017-03-16",
        None,
        20170316,
    ],
)
def test_format_rejects_non_dates(junk: object) -> None:
    """format_date refuses datetimes and non-dates with date.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        format_date(junk)  # type: ignore[arg-type]
    assert info.value.code == "date.invalid_type"


# --- properties -------------------------------------------------------------------

DATES_1900_2100 = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@given(DATES_1900_2100)
def test_round_trip(d: dt.date) -> None:
    """parse_date(format_date(d)) == d, with and without the weekday."""
    assert parse_date(format_date(d)) == d
    assert parse_date(format_date(d, weekday=False)) == d


@given(st.dates())
def test_round_trip_all_years(d: dt.date) -> None:
    """Every datetime.date, years 1..9999, survives the round trip."""
    assert parse_date(format_date(d)) == d


@given(DATES_1900_2100)
def test_format_agrees_with_pendulum_id_locale(d: dt.date) -> None:
    """format_date spells weekdays and months as pendulum's 'id' locale does."""
    p = pendulum.date(d.year, d.month, d.day)
    assert format_date(d) == p.format("dddd, D MMMM YYYY", locale="id")


@given(DATES_1900_2100)
def test_numeric_forms(d: dt.date) -> None:
    """d/m/Y, dd-mm-YYYY, dd.mm.YYYY, ISO and d/m with year= all parse to the date."""
    assert parse_date(f"{d.day}/{d.month}/{d.year}") == d
    assert parse_date(f"{d.day:02d}-{d.month:02d}-{d.year}") == d
    assert parse_date(f"{d.day:02d}.{d.month:02d}.{d.year}") == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.day}/{d.month}", year=d.year) == d


@given(DATES_1900_2100, st.integers(min_value=1, max_value=6))
def test_wrong_weekday_always_detected(d: dt.date, shift: int) -> None:
    """Any weekday other than the real one raises date.weekday_mismatch."""
    names = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    wrong = names[(d.weekday() + shift) % 7]
    with pytest.raises(InconsistentData):
        parse_date(f"{wrong} ({d.day}/{d.month})", year=d.year)


DATE_ALPHABET = st.sampled_from(
    [*"0123456789/-.,() '’\u00a0", "Kamis", "Jum'at", "Maret", "Agt.", "Mei", "\u2212"]
)


@given(st.one_of(st.text(), st.lists(DATE_ALPHABET, max_size=12).map("".join)))
def test_arbitrary_text_raises_only_validation_error(text: str) -> None:
    """parse_date on any text returns a Date or raises an adminnet ValidationError."""
    code = None
    try:
        result = parse_date(text)
    except ValidationError as exc:
        code = exc.code
    if code is None:
        assert isinstance(result, pendulum.Date)
    else:
        assert code.startswith("date.")


@given(
    st.lists(DATE_ALPHABET, max_size=12).map("".join),
    st.one_of(st.none(), st.integers(), st.text(max_size=3), st.floats()),
)
def test_arbitrary_year_raises_only_validation_error(text: str, year: object) -> None:
    """parse_date with any year= argument returns a Date or raises ValidationError."""
    code = "date."
    try:
        parse_date(text, year=year)  # type: ignore[arg-type]
    except ValidationError as exc:
        code = exc.code
    assert code.startswith("date.")
