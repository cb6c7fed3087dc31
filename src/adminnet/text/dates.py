"""Tanggal dalam bahasa Indonesia (Indonesian dates: parsing and formatting).

Indonesian documents and news write dates day first, with Indonesian month and weekday
names: ``"Kamis, 16 Maret 2017"``, ``"16/3/2017"``, or, in news, just the weekday and
day/month, ``"Kamis (16/3)"``, the year being the article's.

>>> from adminnet.text.dates import format_date, parse_date
>>> parse_date("Kamis, 16 Maret 2017")
Date(2017, 3, 16)
>>> parse_date("Kamis (16/3)", year=2017)
Date(2017, 3, 16)
>>> parse_date("16 Agt. 2017")
Date(2017, 8, 16)
>>> format_date(parse_date("16/03/2017"))
'Kamis, 16 Maret 2017'

A weekday that contradicts the date is an error, not a detail to drop:

>>> parse_date("Jumat (16/3)", year=2017)
Traceback (most recent call last):
adminnet.errors.InconsistentData: 16 Maret 2017 is a Kamis, not a Jumat
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import pendulum

from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat
from adminnet.text import _clock
from adminnet.text._clock import quote
from adminnet.text._date_words import (
    _APOSTROPHES,
    _DATELINE,
    _ENGLISH_WEEKDAYS,
    _EXAMPLES,
    _FILLER,
    _ISO,
    _MONTH_FIRST,
    _MONTH_NAMES,
    _MONTHS,
    _NAMED,
    _NUMERIC,
    _PART_OF_DAY,
    _TANGGAL,
    _TRAILING_PART,
    _WEEKDAY_NAMES,
    _WEEKDAY_PREFIX,
    _WEEKDAYS,
)
from adminnet.time import PartialDate, Period

__all__ = [
    "format_date",
    "format_datetime",
    "parse_date",
    "parse_date_range",
    "parse_datetime",
]


def _normalize(text: str) -> str:
    """Collapse every run of Unicode whitespace (NBSP included) to one space."""
    return " ".join(text.split()).translate(_APOSTROPHES)


def _invalid_format(text: str) -> InvalidFormat:
    params = {"value": quote(text), "examples": _EXAMPLES}
    return InvalidFormat(code="date.invalid_format", variant="text", params=params)


def _year_of(digits: str | None, text: str, year: int | None) -> int:
    """The year from the text's digits, else ``year=``; refuses 2-digit years."""
    if digits is None:
        if year is None:
            raise InvalidFormat(code="date.missing_year", params={"value": quote(text)})
        return year
    if len(digits) == 2:
        if year is None:
            params = {"value": quote(text), "year": repr(digits)}
            raise InvalidFormat(code="date.ambiguous_year", params=params)
        return _near_year(int(digits), year)
    if len(digits) != 4:
        params = {"value": quote(text), "year": repr(digits)}
        raise InvalidFormat(code="date.invalid_format", variant="year", params=params)
    return int(digits)


def _near_year(two_digits: int, context: int) -> int:
    """The year ending in ``two_digits`` nearest ``context``: in ``context-50 .. context+49``.

    >>> _near_year(18, 2018), _near_year(99, 2018), _near_year(68, 2018), _near_year(67, 2018)
    (2018, 1999, 1968, 2067)
    """
    candidate = context - context % 100 + two_digits
    if candidate > context + 49:
        return candidate - 100
    if candidate < context - 50:
        return candidate + 100
    return candidate


def _split(text: str, body: str, year: int | None) -> tuple[int, int, int]:
    """Year, month and day of the date part ``body`` (no weekday, no parentheses)."""
    if m := _NUMERIC.match(body):
        return _year_of(m[4], text, year), int(m[3]), int(m[1])
    if m := _ISO.match(body):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _NAMED.match(body):
        month = _MONTHS.get(m[2].lower())
        if month is None:
            params = {"value": quote(text), "month": repr(m[2])}
            raise InvalidComponent(code="date.invalid_month", params=params)
        return _year_of(m[3], text, year), month, int(m[1])
    _refuse_month_first(text, body)
    raise _invalid_format(text)


def _refuse_month_first(text: str, body: str) -> None:
    """Explain the refusal of an English-order date such as ``"Maret 16, 2017"``."""
    if _MONTH_FIRST.match(body):
        params = {"value": quote(text)}
        raise InvalidFormat(code="date.invalid_format", variant="month_first", params=params)


def _check_year_argument(year: object) -> int | None:
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool):
        params = {"type": type(year).__name__}
        raise InvalidFormat(code="date.invalid_type", variant="year", params=params)
    if not 1 <= year <= 9999:
        raise InvalidComponent(code="date.invalid_year", params={"value": year})
    return year


def parse_date(text: str, *, year: int | None = None) -> pendulum.Date:
    """Tanggal (parse an Indonesian date such as ``"Kamis, 16 Maret 2017"``).

    The whole string must be one date (surrounding and repeated whitespace, NBSP
    included, is ignored; case does not matter). Accepted shapes, day first:

    - ``"16 Maret 2017"``, ``"16 Agt. 2017"``, ``"16-Mar-2017"``: month names
      (Januari .. Desember), the old spellings Pebruari and Nopember, and the
      abbreviations Jan, Feb/Peb, Mar/Mrt, Apr, Jun, Jul, Agu/Agt/Ags/Agst/Agus, Sep/Sept,
      Okt, Nov/Nop, Des, with an optional trailing dot;
    - ``"16/3/2017"``, ``"16-03-2017"``, ``"16.03.2017"``: day/month/year with one
      separator used throughout;
    - ``"2017-03-16"``: ISO 8601, year first;
    - any of these after a weekday, ``"Kamis, 16 Maret 2017"`` or ``"Kamis 16/3/2017"``,
      or with the date in parentheses as in news, ``"Kamis (16/3)"``. Weekdays: Senin,
      Selasa, Rabu, Kamis, Jumat/Jum'at, Sabtu, Minggu/Ahad. The weekday must agree
      with the date;
    - ``"16/3"``, ``"16 Maret"``, ``"Kamis (16/3)"`` without a year, only with
      ``year=``.

    ``year`` is a fallback for a text without a year: when the text has its own
    year, the text's year is used and ``year`` is ignored (an article of 2018 may
    mention "16 Maret 2017"). A two-digit year (``"Selasa (11/12/18)"``) is read
    in the century that puts it nearest ``year`` (within ``year-50 .. year+49``);
    without ``year`` it is refused because its century is ambiguous. Month-first dates
    (``"Maret 16, 2017"``, ``"3/16/2017"``) are not Indonesian and are refused.

    >>> parse_date("16/3/2017")
    Date(2017, 3, 16)
    >>> parse_date("Jum'at, 17 Maret 2017")
    Date(2017, 3, 17)
    >>> parse_date("Selasa (11/12/18)", year=2018)
    Date(2018, 12, 11)
    >>> parse_date("16/3/17")
    Traceback (most recent call last):
    adminnet.errors.InvalidFormat: date '16/3/17' has a two-digit year '17': ...

    Args:
        text: The date as written.
        year: The year to use when the text has none (e.g. the article's year).

    Returns:
        The calendar date.

    Raises:
        InvalidFormat: ``text`` is not a str (``date.invalid_type``), has no
            recognised shape (``date.invalid_format``), has no year and ``year`` is
            None (``date.missing_year``) or a two-digit year and ``year`` is None
            (``date.ambiguous_year``).
        InvalidComponent: unknown month name (``date.invalid_month``) or weekday
            (``date.invalid_weekday``), no such calendar date (``date.invalid_date``),
            ``year`` outside 1..9999 (``date.invalid_year``).
        InconsistentData: the weekday contradicts the date (``date.weekday_mismatch``).
    """
    obj: object = text
    if not isinstance(obj, str):
        params = {"type": type(obj).__name__}
        raise InvalidFormat(code="date.invalid_type", variant="text", params=params)
    return _read(text, _normalize(text), _check_year_argument(year))[0]


def _near(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with one letter changed, added or dropped."""
    if abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name, strict=True)) == 1
    short, long = sorted((word, name), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _weekday_like(word: str) -> bool:
    """A weekday, a misspelt or cut one, or an English one (not a place name)."""
    w = word.lower().replace("'", "")
    if w in _WEEKDAYS or w in _ENGLISH_WEEKDAYS:
        return True
    names = [name.replace("'", "") for name in _WEEKDAYS]
    return (len(w) >= 3 and any(n.startswith(w) for n in names)) or any(_near(w, n) for n in names)


def _skip_dateline(text: str, s: str) -> str:
    """``s`` without a leading dateline place (``"Kudus, "``).

    The first word must not be a weekday (or look like one), a month or "tanggal".
    """
    first = re.match(r"[A-Za-z']+", s)
    if first is None or _weekday_like(first[0]) or first[0].lower() in _MONTHS:
        return s
    if first[0].lower() in {"tanggal", "tgl"}:
        return s
    m = _DATELINE.match(s)
    if m is None:
        return s
    rest = s[m.end() :]
    if not rest:
        params = {"value": quote(text), "examples": _EXAMPLES}
        raise InvalidFormat(code="date.invalid_format", variant="dateline", params=params)
    return rest


def _read(text: str, s: str, default_year: int | None) -> tuple[pendulum.Date, str | None]:
    """The date of the normalised text ``s`` and the part of day written with it."""
    s = _skip_dateline(text, s)
    part: str | None = None
    if t := _TRAILING_PART.search(s):
        part, s = t[1].lower(), s[: t.start()]
    if t := _TANGGAL.match(s):
        s = s[t.end() :]
    weekday_name: str | None = None
    body = s
    if (w := _WEEKDAY_PREFIX.match(s)) and w.end() < len(s):
        weekday_name = w[1]
        body = s[w.end() :]
        if f := _FILLER.match(body):
            for p in _PART_OF_DAY.finditer(f[0]):
                part = _same_part(text, part, p[0].lower())
            body = body[f.end() :]
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1].strip()
    if weekday_name is not None and weekday_name.lower() in _MONTHS:
        # "Maret 16, 2017": the first word is a month, not a weekday.
        _refuse_month_first(text, s)
    y, m, d = _split(text, body, default_year)
    try:
        date = pendulum.Date(y, m, d)
    except ValueError:
        params = {"value": quote(text), "day": d, "month": m, "year": y}
        raise InvalidComponent(code="date.invalid_date", variant="text", params=params) from None
    if weekday_name is not None:
        _check_weekday(text, date, weekday_name)
    return date, part


def _same_part(text: str, first: str | None, second: str) -> str:
    if first is not None and first != second:
        params = {"value": quote(text), "first": repr(first), "second": repr(second)}
        raise InconsistentData(code="datetime.part_of_day_mismatch", variant="date", params=params)
    return second


def _check_weekday(text: str, date: pendulum.Date, weekday_name: str) -> None:
    weekday = _WEEKDAYS.get(weekday_name.lower())
    if weekday is None:
        params = {"value": quote(text), "weekday": repr(weekday_name)}
        raise InvalidComponent(code="date.invalid_weekday", params=params)
    actual = date.weekday()
    if weekday != actual:
        params = {"value": _format(date, weekday=False), "actual": _WEEKDAY_NAMES[actual]}
        params["weekday"] = _WEEKDAY_NAMES[weekday]
        raise InconsistentData(code="date.weekday_mismatch", params=params)


def _format(date: _dt.date, *, weekday: bool) -> str:
    text = f"{date.day} {_MONTH_NAMES[date.month - 1]} {date.year:04d}"
    if weekday:
        return f"{_WEEKDAY_NAMES[date.weekday()]}, {text}"
    return text


def format_date(date: pendulum.Date | _dt.date, *, weekday: bool = True) -> str:
    """Tanggal (format a date the Indonesian way: ``"Kamis, 16 Maret 2017"``).

    The names are those of KBBI and of pendulum's ``id`` locale (``"Jumat"``, not
    ``"Jum'at"``; ``"Minggu"``), but come from this module's own tables: that is
    several times faster than ``date.format(..., locale="id")`` and does not depend on
    the locale files. Years below 1000 are written with four digits (``"0800"``) so
    that :func:`parse_date` reads every output back.

    >>> import datetime
    >>> format_date(datetime.date(2017, 3, 16))
    'Kamis, 16 Maret 2017'
    >>> format_date(pendulum.date(2016, 8, 4), weekday=False)
    '4 Agustus 2016'

    Args:
        date: A :class:`pendulum.Date` or :class:`datetime.date` (not a datetime).
        weekday: Start with the weekday name and a comma.

    Returns:
        The date as Indonesian text.

    Raises:
        InvalidFormat: ``date`` is a datetime or not a date (``date.invalid_type``).
    """
    obj: object = date
    if isinstance(obj, _dt.datetime) or not isinstance(obj, _dt.date):
        params = {"type": type(obj).__name__}
        raise InvalidFormat(code="date.invalid_type", variant="format", params=params)
    return _format(obj, weekday=bool(weekday))


def parse_datetime(
    text: str, *, year: int | None = None, tz: str | _dt.tzinfo | None = None
) -> pendulum.DateTime:
    """Tanggal dan jam (parse a byline such as ``"Senin, 13 Jan 2025 18:44 WIB"``).

    The text is a date as :func:`parse_date` reads it, then a time and a time zone:

    - the time: ``07:58``, ``13.24``, ``10:00:05``, after ``pukul``/``pkl.``/``jam``
      also a bare hour (``pukul 10``, ``jam 9``); separated from the date by a space,
      a comma, ``|`` or `` - ``;
    - a part of day (pagi, siang, sore, petang, malam, dini hari) before the date
      (``"Jumat siang, 26 Maret 2021"``), after it, or next to the time: it turns a
      12-hour hint into 24 hours (``pukul 4 sore`` is 16:00) and must agree with
      the time (``pagi 19.00`` is an error, ``datetime.part_of_day_mismatch``);
    - the zone: WIB, WITA, WIT (any case; +07:00 Asia/Jakarta, +08:00 Asia/Makassar,
      +09:00 Asia/Jayapura), ``GMT+7``/``UTC+7``, ``+0700``/``+07:00``, ``Z``.

    A text without a zone takes ``tz`` (an IANA name, ``"WIB"``/``"WITA"``/``"WIT"``
    or a tzinfo); with neither it is refused (``datetime.missing_timezone``), never
    taken as UTC. A zone in the text wins over ``tz``, as the text's year wins over
    ``year``. A date without a time is refused (``datetime.missing_time``): use
    :func:`parse_date`.

    >>> parse_datetime("Selasa, 05 September 2023 |07:58 WIB")
    DateTime(2023, 9, 5, 7, 58, 0, tzinfo=Timezone('Asia/Jakarta'))
    >>> parse_datetime("Jumat siang, 26 Maret 2021 pukul 13.24 WITA").isoformat()
    '2021-03-26T13:24:00+08:00'
    >>> parse_datetime("Kamis (16/3) pukul 10.00", year=2017, tz="WIB").isoformat()
    '2017-03-16T10:00:00+07:00'
    >>> parse_datetime("Kamis, 16 Maret 2017 pagi pukul 19.00 WIB")
    Traceback (most recent call last):
    adminnet.errors.InconsistentData: datetime '...': 19:00 is not pagi

    Raises:
        InvalidFormat: not a str (``datetime.invalid_type``), no time
            (``datetime.missing_time``), no date (``datetime.missing_date``), no zone and no ``tz``
            (``datetime.missing_timezone``), or the ``date.*`` codes of the date.
        InvalidComponent: an hour, minute or second out of range
            (``datetime.invalid_time``), an unknown ``tz``, an unknown zone word after
            the time (``"10:00 EST"``) or an offset beyond 14 hours after GMT/UTC
            (beyond 15:59:59 as a bare ``±hh:mm:ss``, the local mean times of old
            dates) (``datetime.invalid_timezone``), or the date's ``date.*`` codes.
        InconsistentData: the part of day contradicts the time
            (``datetime.part_of_day_mismatch``) or the weekday the date.
    """
    obj: object = text
    if not isinstance(obj, str):
        raise InvalidFormat(code="datetime.invalid_type", params={"type": type(obj).__name__})
    default_year = _check_year_argument(year)
    zone_default = None if tz is None else _clock.tz_argument(tz, text)
    s = _normalize(text)
    found = _clock.split_time(s)
    if found is not None and _NO_DATE.fullmatch(found[0]):
        raise InvalidFormat(code="datetime.missing_date", params={"value": quote(text)})
    if found is None:
        if (z := _UNKNOWN_ZONE.search(s)) and z[1].lower() not in {"am", "pm"}:
            params = {"value": quote(text), "zone": repr(z[1])}
            raise InvalidComponent(
                code="datetime.invalid_timezone", variant="after_time", params=params
            )
        raise InvalidFormat(code="datetime.missing_time", params={"value": quote(text)})
    date_part, clock = found
    date, part = _read(text, date_part.rstrip(" ,|-"), default_year)
    if clock.part_of_day is not None:
        part = _same_part(text, part, clock.part_of_day)
    hour = _clock.resolve_hour(clock.hour, part, text)
    if clock.minute > 59 or clock.second > 59:
        raise InvalidComponent(code="datetime.invalid_time", params={"value": quote(text)})
    local = (date.year, date.month, date.day, hour, clock.minute, clock.second, clock.microsecond)
    if clock.zone is not None:
        return _clock.zone_of(clock.zone, local, text)
    if isinstance(zone_default, str):
        return _clock.zone_of(zone_default, local, text)
    if zone_default is None:
        raise InvalidFormat(code="datetime.missing_timezone", params={"value": quote(text)})
    if isinstance(zone_default, pendulum.Timezone | pendulum.FixedTimezone):
        # pendulum moves a time that does not exist (a DST gap) forward, not back.
        return pendulum.datetime(*local, tz=zone_default)
    return pendulum.instance(_dt.datetime(*local, tzinfo=zone_default))  # type: ignore[arg-type]


# What may stand before a time that has no date: "pukul", "sekitar", a part of day.
_NO_DATE: Final = re.compile(
    r"[ ,|-]*(?:(?:sekitar|sekira|pukul|pkl\.?|jam|dini hari|pagi|siang|sore|petang|malam)[ ,]*)*",
    re.I,
)
# A time followed by a word that is no zone: "10:00 EST" (a bounded pattern at the end).
_UNKNOWN_ZONE: Final = re.compile(
    r"(?<![0-9])[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})? ?([A-Za-z]{2,5})\Z", re.ASCII
)
_ZONE_NAMES: Final = {7 * 3600: "WIB", 8 * 3600: "WITA", 9 * 3600: "WIT"}


def format_datetime(moment: _dt.datetime) -> str:
    """Tanggal dan jam (write an aware datetime as a byline: ``"Kamis, 16 Maret 2017 10:00 WIB"``).

    The zone is WIB, WITA or WIT when the offset is +07:00, +08:00 or +09:00, else
    the offset (``+05:30``). Seconds and microseconds are written only when not
    zero. :func:`parse_datetime` reads every output back to the same instant.

    >>> format_datetime(pendulum.datetime(2021, 3, 26, 13, 24, tz="Asia/Makassar"))
    'Jumat, 26 Maret 2021 13:24 WITA'

    Raises:
        InvalidFormat: not a datetime, or a naive one (``datetime.invalid_type``,
            ``datetime.missing_timezone``).
    """
    obj: object = moment
    if not isinstance(obj, _dt.datetime):
        params = {"type": type(obj).__name__}
        raise InvalidFormat(code="datetime.invalid_type", variant="format", params=params)
    offset = obj.utcoffset()
    if offset is None:
        params = {"value": obj.isoformat()}
        raise InvalidFormat(code="datetime.missing_timezone", variant="format", params=params)
    seconds = int(offset.total_seconds())
    zone = _ZONE_NAMES.get(seconds)
    if zone is None:
        sign = "-" if seconds < 0 else "+"
        zone = f"{sign}{abs(seconds) // 3600:02d}:{abs(seconds) % 3600 // 60:02d}"
        if abs(seconds) % 60:  # local mean time offsets of old dates have seconds
            zone += f":{abs(seconds) % 60:02d}"
    clock = f"{obj.hour:02d}:{obj.minute:02d}"
    if obj.second or obj.microsecond:
        clock += f":{obj.second:02d}"
    if obj.microsecond:
        clock += f".{obj.microsecond:06d}"
    return f"{_format(obj.date(), weekday=True)} {clock} {zone}"


# Between the two ends of a range: a dash or en dash, "s.d."/"s/d"/"sd" (sampai
# dengan), "sampai (dengan)", "hingga".
_RANGE_WORD: Final = r"(?:s\.\s?d\.?|s/d|sd|sampai dengan|sampai|hingga)"
_RANGE_SEP: Final = re.compile(rf"\s*[-\u2013\u2014]\s*|\s+{_RANGE_WORD}\s+", re.I)
# Two days sharing the month and year: "21-28 Februari 2025", "21–28/2/2025", "10-12/3".
_DAY_RANGE: Final = re.compile(
    rf"([0-9]{{1,2}})(?:\s*[-\u2013\u2014]\s*|\s+{_RANGE_WORD}\s+)([0-9]{{1,2}}(?:\s+[A-Za-z]|/).*)\Z",
    re.I | re.DOTALL,
)
# Two years: "2021-2024", "periode 2021–2026", "kurun 2025—2029", "TA 2021 s.d. 2022".
_YEAR_RANGE: Final = re.compile(
    rf"(?:(?:periode|kurun(?: waktu)?|tahun anggaran|tahun|th\.|thn\.?|TA|T\.A\.)\s*)?([0-9]{{4}})"
    rf"(?:\s*[-\u2013\u2014]\s*|\s+{_RANGE_WORD}\s+)([0-9]{{4}})\Z",
    re.I,
)
# Two weekdays before the dates: "Senin-Rabu (10-12/3)", "Kamis-Jumat (26-27 Desember 2024)".
_WEEKDAY_RANGE: Final = re.compile(
    rf"([A-Za-z']+)(?:\s*[-\u2013\u2014]\s*|\s+{_RANGE_WORD}\s+|\s+dan\s+)([A-Za-z']+)\s*,?\s*",
    re.I,
)


def parse_date_range(text: str, *, year: int | None = None) -> Period:
    """Rentang tanggal (parse a range of days: ``"21-28 Februari 2025"``).

    Accepted shapes (separators ``-``, ``–``, ``s.d.``, ``s/d``, ``sampai (dengan)``,
    ``hingga``):

    - days sharing month and year: ``"21-28 Februari 2025"``, ``"21 s.d. 28 Februari
      2025"``, ``"21–28/2/2025"``, ``"10-12/3"`` (with ``year=``);
    - two dates, the first perhaps without its month or year, taken from the second:
      ``"30 Januari - 2 Februari 2025"``, ``"26 Maret hingga 9 April 2020"``,
      ``"16/3/2017 - 20/3/2017"``; a first date that would then fall after the
      second is in the year before (``"28 Desember - 3 Januari 2025"``);
    - either after two weekdays, checked against the dates like :func:`parse_date`
      does: ``"Senin-Rabu (10-12/3)"``, ``"Kamis-Jumat (26-27 Desember 2024)"``;
    - two consecutive weekdays and one date, ``"Sabtu dan Minggu (2/11)"``: two days,
      the date being the day whose weekday it has (else ``date.weekday_mismatch``);
    - two years, perhaps after ``periode``, ``kurun (waktu)``, ``tahun (anggaran)``,
      ``TA``: ``"periode 2021-2024"``, ``"tahun 2021–2026"``, as year-precision
      PartialDates. ``"2021/2022"`` (a school or academic year, July to June) is not
      two calendar years and is not read.

    >>> str(parse_date_range("21-28 Februari 2025"))
    '2025-02-21/2025-02-28'
    >>> str(parse_date_range("30 Januari - 2 Februari 2025"))
    '2025-01-30/2025-02-02'
    >>> str(parse_date_range("Senin-Rabu (10-12/3)", year=2025))
    '2025-03-10/2025-03-12'
    >>> str(parse_date_range("periode 2021-2024"))
    '2021/2024'

    Returns:
        A :class:`~adminnet.time.Period` of two day-precision PartialDates (year
        precision for two years).

    Raises:
        InvalidFormat: not a str (``date.invalid_type``), not a range
            (``date.invalid_range``), or the ``date.*`` codes of either end.
        InvalidComponent: a year outside 1..9999 (``date.invalid_year``), or the
            ``date.*`` codes of either end.
        InconsistentData: the end is before the start (``date.range_reversed``), or
            a weekday contradicts its date (``date.weekday_mismatch``).
    """
    obj: object = text
    if not isinstance(obj, str):
        params = {"type": type(obj).__name__}
        raise InvalidFormat(code="date.invalid_type", variant="range", params=params)
    default_year = _check_year_argument(year)
    s = _normalize(text)
    if y := _YEAR_RANGE.match(s):
        return _year_range(text, int(y[1]), int(y[2]))
    weekdays: tuple[str, str] | None = None
    w = _WEEKDAY_RANGE.match(s)
    if w and w.end() < len(s) and w[1].lower() in _WEEKDAYS and w[2].lower() in _WEEKDAYS:
        weekdays, s = (w[1], w[2]), s[w.end() :]
        if s.startswith("(") and s.endswith(")"):
            s = s[1:-1].strip()
    if weekdays is not None and _RANGE_SEP.search(s) is None:
        # "Sabtu dan Minggu (2/11)": two consecutive days, one date.
        return _two_days(text, s, weekdays, default_year)
    start, end = _range_ends(text, s, default_year)
    if weekdays is not None:
        _check_weekday(text, start, weekdays[0])
        _check_weekday(text, end, weekdays[1])
    if end < start:
        params = {"value": quote(text), "end": str(end), "start": str(start)}
        raise InconsistentData(code="date.range_reversed", params=params)
    return Period(start=PartialDate.from_date(start), end=PartialDate.from_date(end))


def _year_range(text: str, first: int, last: int) -> Period:
    """The Period of two years, year precision: "periode 2021-2024"."""
    if last < first:
        params = {"value": quote(text), "end": str(last), "start": str(first)}
        raise InconsistentData(code="date.range_reversed", params=params)
    if first < 1:
        years: dict[str, str | int] = {"value": quote(text), "year": first}
        raise InvalidComponent(code="date.invalid_year", variant="range", params=years)
    return Period(start=PartialDate(year=first), end=PartialDate(year=last))


def _two_days(text: str, s: str, weekdays: tuple[str, str], year: int | None) -> Period:
    """Two consecutive weekdays and one date: the date is the day its weekday names."""
    first, second = (_WEEKDAYS.get(w.lower()) for w in weekdays)
    date = _read(text, s, year)[0]
    if first is None or second is None or (first + 1) % 7 != second:
        params = {"value": quote(text), "first": repr(weekdays[0]), "second": repr(weekdays[1])}
        raise InvalidFormat(code="date.invalid_range", variant="weekdays", params=params)
    if date.weekday() == second:
        start, end = date.subtract(days=1), date
    else:
        _check_weekday(text, date, weekdays[0])
        start, end = date, date.add(days=1)
    return Period(start=PartialDate.from_date(start), end=PartialDate.from_date(end))


def _range_ends(text: str, s: str, year: int | None) -> tuple[pendulum.Date, pendulum.Date]:
    """The first and last day of the range ``s`` (weekdays already removed)."""
    if m := _DAY_RANGE.match(s):
        end = _read(text, m[2], year)[0]
        try:
            return pendulum.Date(end.year, end.month, int(m[1])), end
        except ValueError:
            params = {"value": quote(text), "day": m[1], "month": f"{end:%m/%Y}"}
            raise InvalidComponent(
                code="date.invalid_date", variant="range_day", params=params
            ) from None
    parts = _RANGE_SEP.split(s)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        if len(parts) > 2:
            # "16-03-2017 - 20-03-2017": only a spaced separator splits the range.
            spaced = re.split(rf"\s+[-\u2013\u2014]\s+|\s+{_RANGE_WORD}\s+", s, flags=re.I)
            if len(spaced) == 2:
                parts = spaced
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise InvalidFormat(code="date.invalid_range", params={"value": quote(text)})
    end = _read(text, parts[1], year)[0]
    first = parts[0]
    if re.fullmatch(r"[0-9]{1,2}\s+[A-Za-z]+\.?", first):  # "30 Januari": year from the end
        start = _read(text, first, end.year)[0]
        if start > end:
            start = _read(text, first, end.year - 1)[0]
        return start, end
    return _read(text, first, end.year if _has_no_year(first) else year)[0], end


def _has_no_year(part: str) -> bool:
    """Whether a date part has no year of its own ("16/3", "16 Maret")."""
    return re.fullmatch(r"[0-9]{1,2}(?:\s*/\s*[0-9]{1,2}|\s+[A-Za-z]+\.?)", part) is not None
