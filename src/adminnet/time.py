"""Tanggal tidak lengkap dan periode (partial dates and periods).

Historical facts about Indonesian administration are often known only to the year
("Pemkot Ambon cooperated with LAN in 2016") or the month. :class:`PartialDate` keeps
exactly what is known, in ISO 8601 reduced precision, and never claims more:

>>> from adminnet.time import PartialDate, Period
>>> d = PartialDate.parse("2016")
>>> d.precision.value, str(d.earliest), str(d.latest)
('year', '2016-01-01', '2016-12-31')
>>> PartialDate.parse("2016") < PartialDate.parse("2017-03-16")
True
>>> PartialDate.parse("2016") < PartialDate.parse("2016-08-04")   # not surely
False
>>> PartialDate.parse("2016-08-04") < PartialDate.parse("2016")
False

:class:`Period` has partial-date ends, either of them open (``None``), and answers
containment and overlap questions either *surely* (true whatever the unknown parts
are) or *possibly* (true for some value of the unknown parts):

>>> term = Period.parse("2016-08-04", "2017-05-22")
>>> term.surely_contains("2017-03-16")
True
>>> coop = Period.parse("2016", None)
>>> coop.surely_contains("2016-06-01"), coop.possibly_contains("2016-06-01")
(False, True)

Every ``at`` / ``as_of`` argument takes a :class:`pendulum.Date`, a
:class:`datetime.date` or an ISO date string; ``None`` means today in Asia/Jakarta.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable
from typing import Any, Final, TypeAlias

import attrs
import pendulum

from adminnet._validators import disagrees, raise_for_field, short, wrong_type
from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat

__all__ = [
    "DateLike",
    "PartialDate",
    "Period",
    "Precision",
    "as_date",
    "today",
]

DateLike: TypeAlias = "pendulum.Date | _dt.date | str"
"""What every ``at`` / ``as_of`` argument accepts: a date or an ISO date string."""

DEFAULT_TIMEZONE: Final = "Asia/Jakarta"

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


_WIB: Final = _dt.timezone(_dt.timedelta(hours=7), "WIB")  # Asia/Jakarta: fixed +07 since 1964


def today() -> pendulum.Date:
    """Hari ini (today's date in Asia/Jakarta, WIB)."""
    now = _dt.datetime.now(_WIB)
    return pendulum.Date(now.year, now.month, now.day)


def _date(year: int, month: int, day: int) -> pendulum.Date:
    return pendulum.Date(year, month, day)


def as_date(value: DateLike | None, *, what: str = "date") -> pendulum.Date:
    """Tanggal (turn an ``at`` / ``as_of`` argument into a :class:`pendulum.Date`).

    Accepts a :class:`pendulum.Date`, a :class:`datetime.date` (a ``datetime`` is
    refused: pass ``.date()`` explicitly) or an ISO ``YYYY-MM-DD`` string; ``None``
    means today in Asia/Jakarta.

    >>> as_date("2017-03-16")
    Date(2017, 3, 16)
    >>> as_date("16/03/2017")
    Traceback (most recent call last):
    adminnet.errors.InvalidFormat: date '16/03/2017' is not an ISO date (YYYY-MM-DD)

    Raises:
        InvalidFormat: the value is not a date or an ISO date string.
        InvalidComponent: the string names an impossible date.
    """
    if value is None:
        return today()
    obj: object = value
    if isinstance(value, _dt.datetime):
        raise InvalidFormat(
            code="date.invalid_type",
            variant="datetime",
            params={"what": what, "value": value.isoformat()},
        )
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, _dt.date):
        return _date(value.year, value.month, value.day)
    if isinstance(obj, str):
        value = obj
        m = _ISO_DATE.match(value)
        if m is None:
            raise InvalidFormat(code="date.invalid_format", params={"what": what, "value": value})
        try:
            return _date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise InvalidComponent(
                code="date.invalid_date", params={"what": what, "value": value}
            ) from None
    raise InvalidFormat(code="date.invalid_type", params={"what": what, "type": type(obj).__name__})


class Precision(enum.StrEnum):
    """Ketelitian tanggal (precision of a :class:`PartialDate`)."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"

    @property
    def label(self) -> str:
        """Indonesian label: tahun, bulan, hari."""
        return _PRECISION_LABELS[self]


_PRECISION_LABELS: Final = {
    Precision.YEAR: "tahun",
    Precision.MONTH: "bulan",
    Precision.DAY: "hari",
}


def _component(
    code: str, highest: int, *, optional: bool
) -> Callable[[PartialDate, attrs.Attribute[Any], int | None], None]:
    """Validator: an ``int`` from 1 to ``highest`` (or ``None`` if ``optional``), else ``code``."""

    def check(instance: PartialDate, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is None and optional:
            return
        if type(value) is not int or not 1 <= value <= highest:
            params = {"value": short(value)}
            raise_for_field(InvalidComponent(code=code, params=params), instance, attribute)

    return check


_check_year: Final = _component("partial_date.invalid_year", 9999, optional=False)
_check_month: Final = _component("partial_date.invalid_month", 12, optional=True)


def _check_day(instance: PartialDate, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise_for_field(
            InvalidFormat(code="partial_date.day_without_month", params={"value": short(value)}),
            instance,
            attribute,
        )
    try:
        if type(value) is not int:
            raise ValueError
        _date(instance.year, instance.month, value)
    except ValueError:
        month = f"{instance.year:04d}-{instance.month:02d}"
        raise_for_field(
            InvalidComponent(
                code="partial_date.invalid_day", params={"month": month, "value": short(value)}
            ),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True, eq=True, order=False)
class PartialDate:
    """Tanggal tidak lengkap (a date known to the year, the month or the day).

    Build it from parts, from an ISO string with :meth:`parse`, or from a date with
    :meth:`from_date`. ``str()`` gives the ISO form back.

    Comparison operators never claim more than is known: ``a < b`` is true only when
    every day ``a`` may denote is before every day ``b`` may denote, so ``2016`` and
    ``2016-08-04`` are neither ``<``, ``>`` nor ``==``. ``==`` is equality of the
    value (same parts, same precision). Sort with ``key=PartialDate.sort_key``.
    Comparisons with a :class:`pendulum.Date` or :class:`datetime.date` treat it as a
    day-precision value.

    Attributes:
        year: Four-digit year, 1 to 9999.
        month: Month 1 to 12, or ``None`` when only the year is known.
        day: Day of the month, or ``None``; requires ``month``.
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ISO 8601 reduced precision: ``"2016"``, ``"2016-08"``, ``"2016-08-04"``.

        >>> PartialDate.parse("2016-08")
        PartialDate(year=2016, month=8, day=None)
        >>> PartialDate.parse("2016-13")
        Traceback (most recent call last):
        adminnet.errors.InvalidComponent: month 13 is not between 1 and 12

        Raises:
            InvalidFormat: not of the form ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
            InvalidComponent: a month or day that does not exist.
        """
        obj: object = text
        if not isinstance(obj, str):
            raise InvalidFormat(
                code="partial_date.invalid_type", params={"type": type(obj).__name__}
            )
        m = _PARTIAL.match(text)
        if m is None:
            raise InvalidFormat(code="partial_date.invalid_format", params={"value": text})
        year, month, day = m.groups()
        try:
            return cls(
                year=int(year),
                month=None if month is None else int(month),
                day=None if day is None else int(day),
            )
        except InvalidComponent as exc:
            # Re-raise without the field note: parse() reports on the whole text.
            raise exc.rewrap() from None

    @classmethod
    def from_date(cls, value: DateLike) -> PartialDate:
        """Day-precision partial date of a date (or ISO date string)."""
        d = as_date(value)
        return cls(year=d.year, month=d.month, day=d.day)

    @property
    def precision(self) -> Precision:
        """How much is known: year, month or day."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @property
    def earliest(self) -> pendulum.Date:
        """First day this value may denote."""
        return _date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> pendulum.Date:
        """Last day this value may denote."""
        if self.month is None:
            return _date(self.year, 12, 31)
        if self.day is None:
            return _date(self.year, self.month, 1).end_of("month")
        return _date(self.year, self.month, self.day)

    @property
    def is_exact(self) -> bool:
        """True when the day is known."""
        return self.day is not None

    def sort_key(self) -> tuple[pendulum.Date, pendulum.Date]:
        """Deterministic sort key: earliest day, then latest day."""
        return (self.earliest, self.latest)

    def surely_contains(self, value: DateLike) -> bool:
        """True if ``value`` is inside this date's range (for a year: within the year)."""
        d = as_date(value)
        return self.earliest <= d <= self.latest

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __lt__(self, other: object) -> bool:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return self.latest < o.earliest

    def __gt__(self, other: object) -> bool:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return self.earliest > o.latest

    def __le__(self, other: object) -> bool:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return self.latest <= o.earliest or self == o

    def __ge__(self, other: object) -> bool:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return self.earliest >= o.latest or self == o


def _coerce(other: object) -> PartialDate | None:
    if isinstance(other, PartialDate):
        return other
    if isinstance(other, _dt.date) and not isinstance(other, _dt.datetime):
        return PartialDate(year=other.year, month=other.month, day=other.day)
    return None


def _to_partial(value: PartialDate | DateLike | None) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return PartialDate(year=value.year, month=value.month, day=value.day)
    raise wrong_type(value, "period.invalid_type", "end")


def _check_partial(instance: Period, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, PartialDate):
        raise_for_field(
            InvalidFormat(
                code="period.invalid_type",
                params={"field": attribute.name, "type": type(value).__name__},
            ),
            instance,
            attribute,
        )


def _check_end(
    instance: Period, attribute: attrs.Attribute[Any], value: PartialDate | None
) -> None:
    _check_partial(instance, attribute, value)
    start = instance.start
    if value is not None and start is not None and value.latest < start.earliest:
        raise_for_field(
            disagrees("period.end_before_start", value, start=start), instance, attribute
        )


@attrs.frozen(kw_only=True)
class Period:
    """Periode (a span of days between two partial dates, either end open).

    ``start`` and ``end`` are inclusive. A period whose end is *surely* before its
    start is refused; one whose end is only *possibly* before its start
    (``2016-08`` .. ``2016``) is accepted, since the real days may agree.

    Attributes:
        start: First day, as precise as known; ``None`` if unknown or open.
        end: Last day, as precise as known; ``None`` if open (ongoing) or unknown.
    """

    start: PartialDate | None = attrs.field(default=None, validator=_check_partial)
    end: PartialDate | None = attrs.field(default=None, validator=_check_end)

    @classmethod
    def parse(
        cls, start: PartialDate | DateLike | None, end: PartialDate | DateLike | None = None
    ) -> Period:
        """Build a period from partial dates, dates or ISO strings (``None`` for open).

        >>> str(Period.parse("2016-08-04", "2017-05-22"))
        '2016-08-04/2017-05-22'
        >>> Period.parse("2017", "2016")
        Traceback (most recent call last):
        adminnet.errors.InconsistentData: period end 2016 is before its start 2017
        """
        try:
            return cls(start=_to_partial(start), end=_to_partial(end))
        except InconsistentData as exc:
            raise exc.rewrap() from None

    @property
    def is_open(self) -> bool:
        """True when either end is open."""
        return self.start is None or self.end is None

    def __str__(self) -> str:
        """ISO 8601 interval form, ``..`` for an open end: ``2016-08-04/..``."""
        return f"{self.start or '..'}/{self.end or '..'}"

    def surely_contains(self, value: DateLike | None = None) -> bool:
        """True if the day is inside the period whatever the unknown parts are."""
        d = as_date(value)
        return (self.start is None or self.start.latest <= d) and (
            self.end is None or d <= self.end.earliest
        )

    def possibly_contains(self, value: DateLike | None = None) -> bool:
        """True if the day is inside the period for some value of the unknown parts."""
        d = as_date(value)
        return (self.start is None or self.start.earliest <= d) and (
            self.end is None or d <= self.end.latest
        )

    def surely_overlaps(self, other: Period) -> bool:
        """True if some day is surely inside both periods."""
        lo = _bound(max, _opt(self.start, latest=True), _opt(other.start, latest=True))
        hi = _bound(min, _opt(self.end, latest=False), _opt(other.end, latest=False))
        return lo is None or hi is None or lo <= hi

    def possibly_overlaps(self, other: Period) -> bool:
        """True if some day is possibly inside both periods."""
        lo = _bound(max, _opt(self.start, latest=False), _opt(other.start, latest=False))
        hi = _bound(min, _opt(self.end, latest=True), _opt(other.end, latest=True))
        return lo is None or hi is None or lo <= hi

    def surely_ends_before(self, value: DateLike) -> bool:
        """True if the period surely ended before the day."""
        return self.end is not None and self.end.latest < as_date(value)

    def surely_starts_after(self, value: DateLike) -> bool:
        """True if the period surely starts after the day."""
        return self.start is not None and self.start.earliest > as_date(value)

    def max_days(self) -> int | None:
        """Longest possible length in days (inclusive), or ``None`` if open."""
        if self.start is None or self.end is None:
            return None
        return (self.end.latest - self.start.earliest).in_days() + 1

    def min_days(self) -> int | None:
        """Shortest possible length in days (inclusive, at least 1), or ``None`` if open."""
        if self.start is None or self.end is None:
            return None
        return max(1, (self.end.earliest - self.start.latest).in_days() + 1)


def _opt(value: PartialDate | None, *, latest: bool) -> pendulum.Date | None:
    if value is None:
        return None
    return value.latest if latest else value.earliest


def _bound(
    pick: Callable[[pendulum.Date, pendulum.Date], pendulum.Date],
    a: pendulum.Date | None,
    b: pendulum.Date | None,
) -> pendulum.Date | None:
    """``pick`` (``max`` or ``min``) of two open bounds: an open (``None``) one yields."""
    if a is None:
        return b
    if b is None:
        return a
    return pick(a, b)
