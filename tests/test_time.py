"""PartialDate and Period: parsing, precision, honest ordering, containment."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat, ValidationError
from adminnet.time import PartialDate, Period, Precision, as_date

VECTORS = Path(__file__).parent / "vectors"


def _rows(name: str) -> list[list[str]]:
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f) if r and not r[0].startswith("#")][1:]


@pytest.mark.parametrize(("text", "expected"), _rows("partial_dates.csv"))
def test_parse_valid_vectors(text: str, expected: str) -> None:
    """Valid vectors parse to the expected precision and day range, and round-trip."""
    precision, earliest, latest = expected.split("|")
    d = PartialDate.parse(text)
    assert (precision, earliest, latest) == (
        d.precision.value,
        d.earliest.isoformat(),
        d.latest.isoformat(),
    )
    assert text == str(d)


@pytest.mark.parametrize(("text", "code"), _rows("partial_dates.invalid.csv"))
def test_parse_invalid_vectors(text: str, code: str) -> None:
    """Invalid vectors raise a ValidationError with the expected code."""
    with pytest.raises(ValidationError) as info:
        PartialDate.parse(text)
    assert code == info.value.code


@pytest.mark.parametrize("junk", [None, 2016, b"2016", 20.16, ["2016"]])
def test_parse_non_string(junk: object) -> None:
    """Non-strings are an InvalidFormat, never a TypeError."""
    with pytest.raises(InvalidFormat) as info:
        PartialDate.parse(junk)  # type: ignore[arg-type]
    assert info.value.code == "partial_date.invalid_type"


def test_constructor_field_errors() -> None:
    """The constructor refuses impossible parts with codes."""
    with pytest.raises(InvalidComponent) as info:
        PartialDate(year=2016, month=13)
    assert info.value.code == "partial_date.invalid_month"
    with pytest.raises(InvalidFormat) as info2:
        PartialDate(year=2016, day=4)
    assert info2.value.code == "partial_date.day_without_month"
    with pytest.raises(InvalidComponent):
        PartialDate(year=True)  # type: ignore[arg-type]


def test_ordering_never_claims_more_than_known() -> None:
    """`<` and `>` hold only when surely true; overlapping values compare neither way."""
    y2016 = PartialDate.parse("2016")
    aug4 = PartialDate.parse("2016-08-04")
    y2017 = PartialDate.parse("2017")
    assert y2016 < y2017
    assert y2017 > y2016
    assert not y2016 < aug4
    assert not y2016 > aug4
    assert not aug4 < y2016
    assert y2016 != aug4
    assert y2016 <= y2016
    assert not y2016 <= aug4
    assert aug4 <= PartialDate.parse("2016-08-04")
    assert aug4 < pendulum.date(2016, 8, 5)
    assert aug4 >= dt.date(2016, 8, 4)


def test_sort_key_orders_deterministically() -> None:
    """sort_key sorts by earliest then latest day."""
    values = [PartialDate.parse(s) for s in ["2017", "2016-08-04", "2016", "2016-08"]]
    assert [str(v) for v in sorted(values, key=PartialDate.sort_key)] == [
        "2016",
        "2016-08",
        "2016-08-04",
        "2017",
    ]


def test_precision_labels() -> None:
    """Precision carries Indonesian labels."""
    assert [p.label for p in Precision] == ["tahun", "bulan", "hari"]


def test_as_date_forms() -> None:
    """as_date takes pendulum/stdlib dates and ISO strings; refuses datetimes and junk."""
    assert pendulum.date(2017, 3, 16) == as_date("2017-03-16")
    assert pendulum.date(2017, 3, 16) == as_date(dt.date(2017, 3, 16))
    assert isinstance(as_date(dt.date(2017, 3, 16)), pendulum.Date)
    assert isinstance(as_date(None), pendulum.Date)
    with pytest.raises(InvalidFormat):
        as_date(dt.datetime(2017, 3, 16, tzinfo=dt.UTC))  # type: ignore[arg-type]
    with pytest.raises(InvalidComponent):
        as_date("2017-02-30")
    with pytest.raises(InvalidFormat):
        as_date(20170316)  # type: ignore[arg-type]


def test_period_refuses_surely_reversed() -> None:
    """A period whose end is surely before its start is refused; possibly-reversed is kept."""
    with pytest.raises(InconsistentData) as info:
        Period.parse("2017-03-16", "2017-03-15")
    assert info.value.code == "period.end_before_start"
    p = Period.parse("2016-08", "2016")  # the end may be 2016-12-31
    assert str(p) == "2016-08/2016"


def test_period_containment_pj_term() -> None:
    """The Pj. Wali Kota Ambon term surely contains the signing day and not the day after."""
    term = Period.parse("2016-08-04", "2017-05-22")
    assert term.surely_contains("2017-03-16")
    assert not term.possibly_contains("2017-05-23")
    assert term.possibly_contains("2016-08-04")
    assert str(term) == "2016-08-04/2017-05-22"
    assert term.max_days() == 292


def test_period_open_ends() -> None:
    """Open ends extend without bound."""
    ongoing = Period.parse("2016", None)
    assert ongoing.possibly_contains("2030-01-01")
    assert ongoing.surely_contains("2030-01-01")
    assert not ongoing.surely_contains("2016-06-01")
    assert str(ongoing) == "2016/.."
    assert Period().surely_contains("1900-01-01")


def test_period_overlaps() -> None:
    """Overlap answers surely vs possibly."""
    a = Period.parse("2016", "2016")
    b = Period.parse("2016-08-04", "2017-05-22")
    c = Period.parse("2017", "2018")
    d = Period.parse("2017-01", "2018")
    assert a.possibly_overlaps(b)
    assert not a.surely_overlaps(b)
    assert b.possibly_overlaps(c)
    assert not b.surely_overlaps(c)  # c may start after 2017-05-22
    assert b.surely_overlaps(d)  # d starts by 2017-01-31
    assert not a.possibly_overlaps(c)


def test_period_type_errors() -> None:
    """Period fields must be PartialDates."""
    with pytest.raises(InvalidFormat):
        Period(start="2016")  # type: ignore[arg-type]
    with pytest.raises(InvalidFormat):
        Period.parse(2016)  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------

dates_1900_2100 = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    d = draw(dates_1900_2100)
    precision = draw(st.sampled_from(list(Precision)))
    if precision is Precision.YEAR:
        return PartialDate(year=d.year)
    if precision is Precision.MONTH:
        return PartialDate(year=d.year, month=d.month)
    return PartialDate(year=d.year, month=d.month, day=d.day)


@given(partial_dates())
def test_str_parse_round_trip(d: PartialDate) -> None:
    """str() and parse() round-trip every partial date."""
    assert d == PartialDate.parse(str(d))
    assert d.earliest <= d.latest


@given(dates_1900_2100)
def test_day_precision_round_trip(d: dt.date) -> None:
    """Every calendar day 1900-2100 round-trips through from_date and str."""
    p = PartialDate.from_date(d)
    assert d.isoformat() == str(p)
    assert p.surely_contains(d)


@given(partial_dates(), partial_dates())
def test_ordering_is_sound(a: PartialDate, b: PartialDate) -> None:
    """a < b implies every day of a is before every day of b; < and > exclude each other."""
    if a < b:
        assert a.latest < b.earliest
        assert not a > b
        assert b > a
    assert not (a < b and b < a)


@given(
    st.one_of(st.none(), partial_dates()), st.one_of(st.none(), partial_dates()), dates_1900_2100
)
def test_period_invariants(
    start: PartialDate | None, end: PartialDate | None, day: dt.date
) -> None:
    """A built period: surely-contains implies possibly-contains, and overlaps itself."""
    try:
        p = Period(start=start, end=end)
    except InconsistentData:
        assert start is not None
        assert end is not None
        assert end.latest < start.earliest
        return
    if p.surely_contains(day):
        assert p.possibly_contains(day)
    assert p.possibly_overlaps(p)
    if p.surely_overlaps(p):
        assert p.possibly_overlaps(p)


@given(st.text(max_size=20))
def test_parse_arbitrary_text(text: str) -> None:
    """Arbitrary text gives a PartialDate or an adminnet ValidationError, nothing else."""
    with contextlib.suppress(ValidationError):
        PartialDate.parse(text)
