"""Strategies for partial dates and periods."""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import Final

import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from adminnet.strategies._common import check_date
from adminnet.time import DateLike, PartialDate, Period, Precision

__all__ = ["draw_partial", "partial_dates", "periods"]

_PRECISIONS: Final = st.sampled_from((Precision.DAY, Precision.MONTH, Precision.YEAR))
_DEFAULT_MIN: Final = _dt.date(1900, 1, 1)
_DEFAULT_MAX: Final = _dt.date(2099, 12, 31)


def coarsen(d: _dt.date, precision: Precision, lo: int, hi: int) -> PartialDate:
    """``d`` at ``precision`` if every day it may denote lies in ``lo..hi``, else finer."""
    if precision is Precision.YEAR:
        first = _dt.date(d.year, 1, 1).toordinal()
        last = _dt.date(d.year, 12, 31).toordinal()
        if lo <= first and last <= hi:
            return PartialDate(year=d.year)
        precision = Precision.MONTH
    if precision is Precision.MONTH:
        first = _dt.date(d.year, d.month, 1).toordinal()
        last = first + calendar.monthrange(d.year, d.month)[1] - 1
        if lo <= first and last <= hi:
            return PartialDate(year=d.year, month=d.month)
    return PartialDate(year=d.year, month=d.month, day=d.day)


def draw_partial(draw: st.DrawFn, lo: int, hi: int, *, exact: bool = False) -> PartialDate:
    """Draw a partial date all of whose days lie between the ordinals ``lo`` and ``hi``.

    Day precision most of the time and when shrunk; month or year when the whole
    month or year fits (``exact`` keeps the day precision).
    """
    d = _dt.date.fromordinal(lo + draw(st.integers(0, hi - lo)))
    if exact:
        return PartialDate(year=d.year, month=d.month, day=d.day)
    return coarsen(d, draw(_PRECISIONS), lo, hi)


def _bounds(min_value: DateLike | None, max_value: DateLike | None) -> tuple[int, int]:
    lo = check_date(min_value, "min_value") or _DEFAULT_MIN
    hi = check_date(max_value, "max_value") or _DEFAULT_MAX
    if lo > hi:
        msg = f"min_value={lo} is after max_value={hi}"
        raise InvalidArgument(msg)
    return lo.toordinal(), hi.toordinal()


@st.composite
def _partial_dates(draw: st.DrawFn, lo: int, hi: int) -> PartialDate:
    return draw_partial(draw, lo, hi)


def partial_dates(
    *, min_value: DateLike | None = None, max_value: DateLike | None = None
) -> st.SearchStrategy[PartialDate]:
    """Tanggal tidak lengkap (PartialDates known to the day, the month or the year).

    Every day the value may denote lies between ``min_value`` and ``max_value``
    (dates or ISO strings; default 1900-01-01 and 2099-12-31). Shrinks towards the
    exact day ``min_value``.

    Raises:
        InvalidArgument: a bound that is not a date, or ``min_value > max_value``.
    """
    lo, hi = _bounds(min_value, max_value)
    return _partial_dates(lo, hi)


@st.composite
def _periods(draw: st.DrawFn, lo: int, hi: int) -> Period:
    has_start = draw(st.booleans())
    has_end = draw(st.booleans())
    a = lo + draw(st.integers(0, hi - lo))
    b = a + draw(st.integers(0, hi - a))
    start = coarsen(_dt.date.fromordinal(a), draw(_PRECISIONS), lo, b) if has_start else None
    end = coarsen(_dt.date.fromordinal(b), draw(_PRECISIONS), a, hi) if has_end else None
    return Period(start=start, end=end)


def periods(
    *, min_value: DateLike | None = None, max_value: DateLike | None = None
) -> st.SearchStrategy[Period]:
    """Periode (Periods of partial dates, either end open, the end not before the start).

    Known ends lie between ``min_value`` and ``max_value`` (default 1900-01-01 and
    2099-12-31). Shrinks towards the open period ``Period()``.

    Raises:
        InvalidArgument: a bound that is not a date, or ``min_value > max_value``.
    """
    lo, hi = _bounds(min_value, max_value)
    return _periods(lo, hi)
