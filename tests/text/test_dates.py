"""Tests for adminnet.text.dates: Indonesian date parsing and formatting."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
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
from adminnet.text.dates import (
    format_date,
    format_datetime,
    parse_date,
    parse_date_range,
    parse_datetime,
)
from adminnet.time import PartialDate, Period
from fuzz.growth import assert_linear

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
    "date.invalid_range": InvalidFormat,
    "date.range_reversed": InconsistentData,
    "datetime.invalid_type": InvalidFormat,
    "datetime.missing_time": InvalidFormat,
    "datetime.missing_date": InvalidFormat,
    "datetime.missing_timezone": InvalidFormat,
    "datetime.invalid_time": InvalidComponent,
    "datetime.invalid_timezone": InvalidComponent,
    "datetime.part_of_day_mismatch": InconsistentData,
}

SEED_DAY = pendulum.date(2017, 3, 16)


def _rows(name: str, width: int = 3) -> list[list[str]]:
    """The data rows of a vector file, the first ``width`` cells (the source column dropped)."""
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")][1:]
    return [(r + [""] * width)[:width] for r in rows]


def _sources(name: str) -> list[str]:
    """The source addresses of a vector file (its last column), empty for made-up rows."""
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")][1:]
    return [r[-1] for r in rows if r[-1].startswith("http")]


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


# --- bylines (parse_datetime) ------------------------------------------------------


def _tz(cell: str) -> str | None:
    return cell or None


@pytest.mark.parametrize(("text", "expected", "year", "tz"), _rows("datetimes.valid.csv", 4))
def test_datetime_valid_vectors(text: str, expected: str, year: str, tz: str) -> None:
    """Every valid byline parses to an aware pendulum.DateTime at the expected instant."""
    result = parse_datetime(text, year=_year(year), tz=_tz(tz))
    assert isinstance(result, pendulum.DateTime)
    want = dt.datetime.fromisoformat(expected)
    assert result == want
    assert result.utcoffset() == want.utcoffset()


@pytest.mark.parametrize(("text", "code", "year", "tz"), _rows("datetimes.invalid.csv", 4))
def test_datetime_invalid_vectors(text: str, code: str, year: str, tz: str) -> None:
    """Every invalid byline raises the error class and code of its row."""
    with pytest.raises(ERROR_CLASSES[code]) as info:
        parse_datetime(text, year=_year(year), tz=_tz(tz))
    assert info.value.code == code


def test_wib_wita_wit_are_iana_zones() -> None:
    """WIB, WITA and WIT give Asia/Jakarta, Asia/Makassar and Asia/Jayapura datetimes."""
    for zone, name, hours in (("WIB", "Asia/Jakarta", 7), ("WITA", "Asia/Makassar", 8),
                              ("WIT", "Asia/Jayapura", 9)):  # fmt: skip
        result = parse_datetime(f"16 Maret 2017 10:00 {zone}")
        assert result.timezone_name == name
        assert result.utcoffset() == dt.timedelta(hours=hours)


def test_wib_before_1964_is_a_fixed_offset() -> None:
    """WIB means +07:00 even where Asia/Jakarta had another offset (1950: +08:00)."""
    result = parse_datetime("16 Maret 1950 10:00 WIB")
    assert result.utcoffset() == dt.timedelta(hours=7)


def test_naive_time_is_never_utc() -> None:
    """A time without zone and without tz= is refused with a message saying so."""
    with pytest.raises(InvalidFormat, match="never taken as UTC") as info:
        parse_datetime("Kamis, 16 Maret 2017 10:00")
    assert info.value.code == "datetime.missing_timezone"


def test_tz_argument_accepts_tzinfo() -> None:
    """tz= takes a tzinfo object as well as a name."""
    result = parse_datetime("16/3/2017 10:00", tz=dt.timezone(dt.timedelta(hours=8)))
    assert result.isoformat() == "2017-03-16T10:00:00+08:00"


@pytest.mark.parametrize("junk", [5, b"WIB", ["WIB"]])
def test_tz_argument_type(junk: object) -> None:
    """A tz= that is neither a name nor a tzinfo is datetime.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        parse_datetime("16/3/2017 10:00", tz=junk)  # type: ignore[arg-type]
    assert info.value.code == "datetime.invalid_type"


def test_part_of_day_message() -> None:
    """'pagi 19.00' is an error naming the hour and the part of day."""
    with pytest.raises(InconsistentData) as info:
        parse_datetime("Kamis, 16 Maret 2017 pagi pukul 19.00 WIB")
    assert str(info.value).endswith("19:00 is not pagi")


def test_format_datetime() -> None:
    """format_datetime writes the byline form, with WIB/WITA/WIT or an offset."""
    moment = pendulum.datetime(2017, 3, 16, 10, tz="Asia/Jakarta")
    assert format_datetime(moment) == "Kamis, 16 Maret 2017 10:00 WIB"
    papua = pendulum.datetime(2017, 3, 16, 10, tz="Asia/Jayapura")
    assert format_datetime(papua) == "Kamis, 16 Maret 2017 10:00 WIT"
    other = pendulum.datetime(2017, 3, 16, 10, 0, 5, tz=pendulum.timezone("Asia/Kolkata"))
    assert format_datetime(other) == "Kamis, 16 Maret 2017 10:00:05 +05:30"
    with pytest.raises(InvalidFormat) as info:
        format_datetime(dt.datetime(2017, 3, 16, 10))
    assert info.value.code == "datetime.missing_timezone"
    with pytest.raises(InvalidFormat):
        format_datetime(dt.date(2017, 3, 16))  # type: ignore[arg-type]


OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m))
)
ZONES = st.one_of(
    st.sampled_from(
        [pendulum.timezone(n) for n in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")]
    ),
    OFFSETS,
    st.timezones(),
)


@given(
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    ZONES,
)
def test_datetime_round_trip(moment: dt.datetime, zone: dt.tzinfo) -> None:
    """parse_datetime(format_datetime(m)) is the same instant with the same offset."""
    aware = moment.replace(tzinfo=zone)
    result = parse_datetime(format_datetime(aware))
    assert result == aware
    assert result.utcoffset() == aware.utcoffset()


# --- ranges (parse_date_range) -----------------------------------------------------


@pytest.mark.parametrize(("text", "expected", "year"), _rows("date_ranges.csv"))
def test_date_range_vectors(text: str, expected: str, year: str) -> None:
    """Every range gives its ISO interval of day (or year) PartialDates, or its error code."""
    if "/" in expected:
        result = parse_date_range(text, year=_year(year))
        assert isinstance(result, Period)
        assert str(result) == expected
        assert result.start is not None
        assert result.end is not None
        precision = "year" if len(expected) == 9 else "day"  # "2021/2024"
        assert result.start.precision.value == result.end.precision.value == precision
        return
    with pytest.raises(ERROR_CLASSES[expected]) as info:
        parse_date_range(text, year=_year(year))
    assert info.value.code == expected


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9999))
def test_year_range_round_trip(first: int, span: int) -> None:
    """'YYYY-YYYY' is the Period of two year-precision PartialDates, or reversed."""
    last = min(first + span, 9999)
    result = parse_date_range(f"periode {first:04d}-{last:04d}")
    assert result == Period(start=PartialDate(year=first), end=PartialDate(year=last))


@given(DATES_1900_2100, st.integers(min_value=-50, max_value=49))
def test_two_digit_year_nearest_context(d: dt.date, offset: int) -> None:
    """A two-digit year is read as the year within context-50 .. context+49."""
    context = d.year - offset
    weekday = format_date(d).split(",")[0]
    text = f"{weekday} ({d.day}/{d.month}/{d.year % 100:02d})"
    assert parse_date(text, year=context) == d


@given(DATES_1900_2100, st.booleans())
def test_two_day_mention(d: dt.date, sunday_dated: bool) -> None:
    """'Sabtu dan Minggu (d/m)' is the same two days whichever of them is dated."""
    saturday = d + dt.timedelta(days=5 - d.weekday())
    dated = saturday + dt.timedelta(days=int(sunday_dated))
    text = f"Sabtu dan Minggu ({dated.day}/{dated.month})"
    result = parse_date_range(text, year=dated.year)
    assert str(result) == f"{saturday}/{saturday + dt.timedelta(days=1)}"


@given(DATES_1900_2100, st.integers(min_value=0, max_value=60))
def test_date_range_round_trip(start: dt.date, days: int) -> None:
    """A range written 'start - end' with both dates in full reads back exactly."""
    end = start + dt.timedelta(days=days)
    text = f"{format_date(start, weekday=False)} - {format_date(end, weekday=False)}"
    result = parse_date_range(text)
    assert str(result) == f"{start.isoformat()}/{end.isoformat()}"


# --- real text, robustness and time growth ---------------------------------------


def test_real_printed_rows() -> None:
    """At least 60 rows of the date, byline and range vectors are real, with a source."""
    names = ("dates.valid.csv", "dates.invalid.csv", "datetimes.valid.csv",
             "datetimes.invalid.csv", "date_ranges.csv")  # fmt: skip
    sources = [s for name in names for s in _sources(name)]
    assert len(sources) >= 60
    assert len(set(sources)) >= 30


PARSERS: dict[str, Callable[[str], object]] = {
    "parse_date": lambda s: parse_date(s, year=2017),
    "parse_datetime": lambda s: parse_datetime(s, year=2017, tz="WIB"),
    "parse_date_range": lambda s: parse_date_range(s, year=2017),
}
BYLINE_ALPHABET = st.sampled_from(
    [*"0123456789/-.,:()| '\u00a0\u2013", "Kamis", "Maret", "pukul", "WIB", "WITA", "pagi",
     "sore", "s.d.", "hingga", "Kudus", "GMT+7", "+0700", "tanggal", "jam"]
)  # fmt: skip


@pytest.mark.parametrize("name", list(PARSERS))
@given(text=st.one_of(st.text(), st.lists(BYLINE_ALPHABET, max_size=14).map("".join)))
def test_only_adminnet_errors(name: str, text: str) -> None:
    """Every date parser returns its type or raises a ValidationError with a date code."""
    code = "date."
    try:
        PARSERS[name](text)
    except ValidationError as exc:
        code = exc.code
    assert code.startswith(("date.", "datetime.")), code


@pytest.mark.parametrize("name", list(PARSERS))
@pytest.mark.parametrize(
    "make",
    [
        lambda n: "1" * n,
        lambda n: " " * n + "x",
        lambda n: "Kudus " * (n // 6) + ", 1 Maret 2020",
        lambda n: "Kamis " + "pagi " * (n // 5) + "(16/3) 10.00 WIB",
        lambda n: "1-" * (n // 2),
        lambda n: "(" * n,
        lambda n: "16 Maret 2017 " + "1 " * (n // 2) + "10:00 WIB",
        lambda n: "A, " * (n // 3),
        lambda n: "pukul " * (n // 6) + "10",
        lambda n: "16 s.d. " * (n // 7) + "Maret",
        lambda n: "10:00 " * (n // 6) + "EST",
        lambda n: "2021-" * (n // 5) + "2024",
        lambda n: "Sabtu dan " * (n // 10) + "Minggu (2/11)",
        lambda n: "Sabtu dan Minggu (" + "2/" * (n // 2) + "11)",
    ],
)
def test_linear_time(name: str, make: Callable[[int], str]) -> None:
    """100x the input takes well under 1000x the time (quadratic would be 10,000x)."""
    assert_linear(PARSERS[name], make, limit=1_000, floor=2e-5, errors=(ValidationError,))


@pytest.mark.parametrize("tz", ["Foo/Bar", "", "../etc/passwd", "a\x00b", "/abs", "x" * 300])
def test_an_unknown_tz_argument_is_an_adminnet_error(tz: str) -> None:
    """Every way pendulum and zoneinfo refuse a zone name is one adminnet error."""
    with pytest.raises(InvalidComponent) as info:
        parse_datetime("16 Maret 2017 10:00", tz=tz)
    assert info.value.code == "datetime.invalid_timezone"
