"""Strategies for pendulum's Date, DateTime, Time and Duration (pendulum has no plugin).

Each maps one of Hypothesis' standard strategies (``st.dates``, ``st.datetimes``,
``st.times``, ``st.timedeltas``) to the pendulum type, so values shrink as those do.
The hypothesis entry point registers them for the pendulum types, so ``st.from_type``
and ``st.builds`` work for any class with pendulum fields.

>>> import pendulum
>>> from hypothesis import given
>>> from adminnet.strategies import pendulum_datetimes
>>> @given(pendulum_datetimes())
... def test_aware(moment):
...     assert isinstance(moment, pendulum.DateTime) and moment.utcoffset() is not None
>>> test_aware()
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

import hypothesis.strategies as st
import pendulum
from hypothesis.errors import InvalidArgument

__all__ = [
    "INDONESIAN_TIMEZONES",
    "pendulum_dates",
    "pendulum_datetimes",
    "pendulum_durations",
    "pendulum_times",
]

INDONESIAN_TIMEZONES: Final = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
"""Zona waktu Indonesia (WIB, WITA, WIT: UTC+7, +8, +9; no daylight saving time)."""

_MIN_DATE: Final = _dt.date(1900, 1, 1)
_MAX_DATE: Final = _dt.date(2099, 12, 31)


def _check(value: object, kind: type, name: str) -> None:
    if value is not None and not isinstance(value, kind):
        msg = f"{name}={value!r:.60} must be a {kind.__name__} (or None)"
        raise InvalidArgument(msg)


def _zones() -> st.SearchStrategy[_dt.tzinfo]:
    names = (*INDONESIAN_TIMEZONES, "UTC")
    return st.sampled_from(names).map(pendulum.timezone)


def pendulum_dates(
    *, min_value: _dt.date | None = None, max_value: _dt.date | None = None
) -> st.SearchStrategy[pendulum.Date]:
    """Tanggal (pendulum.Date values between ``min_value`` and ``max_value``).

    Default 1900-01-01 to 2099-12-31, the years adminnet's data spans. Shrinks
    towards ``min_value``.

    Raises:
        InvalidArgument: a bound that is not a date, or ``min_value > max_value``.
    """
    _check(min_value, _dt.date, "min_value")
    _check(max_value, _dt.date, "max_value")
    lo = _MIN_DATE if min_value is None else min_value
    hi = _MAX_DATE if max_value is None else max_value
    if isinstance(lo, _dt.datetime) or isinstance(hi, _dt.datetime):
        msg = "min_value and max_value must be dates, not datetimes"
        raise InvalidArgument(msg)
    return st.dates(lo, hi).map(lambda d: pendulum.Date(d.year, d.month, d.day))


def pendulum_datetimes(
    *,
    min_value: _dt.datetime | None = None,
    max_value: _dt.datetime | None = None,
    timezones: st.SearchStrategy[_dt.tzinfo] | None = None,
) -> st.SearchStrategy[pendulum.DateTime]:
    """Waktu (aware pendulum.DateTime values, by default in WIB, WITA, WIT or UTC).

    ``min_value`` and ``max_value`` are naive bounds on the local wall time (as in
    ``st.datetimes``; default 1900 to 2099); ``timezones`` draws the tzinfo (default:
    the three Indonesian zones and UTC). Shrinks towards ``min_value`` in WIB.

    Raises:
        InvalidArgument: a bad bound or a non-strategy ``timezones``.
    """
    _check(min_value, _dt.datetime, "min_value")
    _check(max_value, _dt.datetime, "max_value")
    _check(timezones, st.SearchStrategy, "timezones")
    lo = _dt.datetime(1900, 1, 1) if min_value is None else min_value
    hi = _dt.datetime(2099, 12, 31, 23, 59, 59, 999999) if max_value is None else max_value
    zones = _zones() if timezones is None else timezones
    return st.datetimes(lo, hi, timezones=zones).map(pendulum.instance)


def pendulum_times() -> st.SearchStrategy[pendulum.Time]:
    """Jam (naive pendulum.Time values, midnight to 23:59:59.999999).

    Shrinks towards midnight.
    """
    return st.times().map(lambda t: pendulum.Time(t.hour, t.minute, t.second, t.microsecond))


def pendulum_durations(
    *,
    min_value: _dt.timedelta | None = None,
    max_value: _dt.timedelta | None = None,
) -> st.SearchStrategy[pendulum.Duration]:
    """Durasi (pendulum.Duration values between ``min_value`` and ``max_value``).

    Default from minus to plus 100 years (36,525 days). Shrinks towards zero when the
    bounds allow.

    Raises:
        InvalidArgument: a bound that is not a timedelta, or ``min_value > max_value``.
    """
    _check(min_value, _dt.timedelta, "min_value")
    _check(max_value, _dt.timedelta, "max_value")
    lo = _dt.timedelta(days=-36525) if min_value is None else min_value
    hi = _dt.timedelta(days=36525) if max_value is None else max_value
    return st.timedeltas(lo, hi).map(
        lambda d: pendulum.duration(days=d.days, seconds=d.seconds, microseconds=d.microseconds)
    )
