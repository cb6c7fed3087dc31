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

__all__ = ["format_date", "parse_date"]

_MONTH_NAMES: Final = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# Monday first, like ``date.weekday()``.
_WEEKDAY_NAMES: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Lower-case spelling -> month number: full names, old spellings (Pebruari, Nopember)
# and the abbreviations in common use.
_MONTHS: Final[dict[str, int]] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agst": 8,
    "agus": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
}

# Lower-case spelling -> ``date.weekday()`` number. "Ahad" is the Arabic-derived name of
# Sunday, still used in many communities; "Jum'at" the older spelling of Friday.
_WEEKDAYS: Final[dict[str, int]] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}

_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})

# A leading weekday word, then a comma, spaces, or an opening parenthesis.
_WEEKDAY_PREFIX: Final = re.compile(r"([A-Za-z]+(?:'[A-Za-z]+)?)(?:\s*,\s*|\s+|(?=\())", re.ASCII)
# 16/3/2017, 16-03-2017, 16.03.2017, 16/3 (the same separator throughout).
_NUMERIC: Final = re.compile(
    r"([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})(?:\s*\2\s*([0-9]+))?\Z", re.ASCII
)
# 2017-03-16 (ISO 8601, year first).
_ISO: Final = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z", re.ASCII)
# 16 Maret 2017, 16 Agt. 2017, 16-Mar-2017, 16 Maret.
_NAMED: Final = re.compile(
    r"([0-9]{1,2})(?:\s*-\s*|\s+)([A-Za-z]+)\.?(?:(?:\s*-\s*|\s+)([0-9]+))?\Z", re.ASCII
)
# Maret 16, 2017 (English order), only to explain the refusal.
_MONTH_FIRST: Final = re.compile(r"[A-Za-z]+\.?\s+[0-9]{1,2}\s*,?\s+[0-9]+\Z", re.ASCII)

_EXAMPLES: Final = "e.g. '16 Maret 2017', 'Kamis, 16 Maret 2017', '16/3/2017', '2017-03-16'"


def _normalize(text: str) -> str:
    """Collapse every run of Unicode whitespace (NBSP included) to one space."""
    return " ".join(text.split()).translate(_APOSTROPHES)


def _invalid_format(text: str) -> InvalidFormat:
    msg = f"date {text!r} is not a recognised Indonesian date ({_EXAMPLES})"
    return InvalidFormat(msg, code="date.invalid_format")


def _year_of(digits: str | None, text: str, year: int | None) -> int:
    """The year from the text's digits, else ``year=``; refuses 2-digit years."""
    if digits is None:
        if year is None:
            msg = f"{text!r} has no year: pass year="
            raise InvalidFormat(msg, code="date.missing_year")
        return year
    if len(digits) == 2:
        msg = f"date {text!r} has a two-digit year {digits!r}: the century is ambiguous"
        raise InvalidFormat(msg, code="date.ambiguous_year")
    if len(digits) != 4:
        msg = f"date {text!r} has a year {digits!r} that is not four digits"
        raise InvalidFormat(msg, code="date.invalid_format")
    return int(digits)


def _split(text: str, body: str, year: int | None) -> tuple[int, int, int]:
    """Year, month and day of the date part ``body`` (no weekday, no parentheses)."""
    if m := _NUMERIC.match(body):
        return _year_of(m[4], text, year), int(m[3]), int(m[1])
    if m := _ISO.match(body):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _NAMED.match(body):
        month = _MONTHS.get(m[2].lower())
        if month is None:
            msg = f"date {text!r} has an unknown Indonesian month name {m[2]!r}"
            raise InvalidComponent(msg, code="date.invalid_month")
        return _year_of(m[3], text, year), month, int(m[1])
    _refuse_month_first(text, body)
    raise _invalid_format(text)


def _refuse_month_first(text: str, body: str) -> None:
    """Explain the refusal of an English-order date such as ``"Maret 16, 2017"``."""
    if _MONTH_FIRST.match(body):
        msg = f"date {text!r} is month-first; Indonesian dates are day-first ('16 Maret 2017')"
        raise InvalidFormat(msg, code="date.invalid_format")


def _check_year_argument(year: object) -> int | None:
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool):
        msg = f"year= must be an int or None, not {type(year).__name__}"
        raise InvalidFormat(msg, code="date.invalid_type")
    if not 1 <= year <= 9999:
        msg = f"year= {year} is outside 1..9999"
        raise InvalidComponent(msg, code="date.invalid_year")
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
    mention "16 Maret 2017"). Years are four digits; a two-digit year
    (``"16/3/17"``) is refused because its century is ambiguous. Month-first dates
    (``"Maret 16, 2017"``, ``"3/16/2017"``) are not Indonesian and are refused.

    >>> parse_date("16/3/2017")
    Date(2017, 3, 16)
    >>> parse_date("Jum'at, 17 Maret 2017")
    Date(2017, 3, 17)
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
            None (``date.missing_year``) or a two-digit year (``date.ambiguous_year``).
        InvalidComponent: unknown month name (``date.invalid_month``) or weekday
            (``date.invalid_weekday``), no such calendar date (``date.invalid_date``),
            ``year`` outside 1..9999 (``date.invalid_year``).
        InconsistentData: the weekday contradicts the date (``date.weekday_mismatch``).
    """
    obj: object = text
    if not isinstance(obj, str):
        msg = f"date must be a str, not {type(obj).__name__}"
        raise InvalidFormat(msg, code="date.invalid_type")
    default_year = _check_year_argument(year)
    s = _normalize(text)
    weekday_name: str | None = None
    body = s
    if (w := _WEEKDAY_PREFIX.match(s)) and w.end() < len(s):
        weekday_name = w[1]
        body = s[w.end() :]
        if body.startswith("(") and body.endswith(")"):
            body = body[1:-1].strip()
    if weekday_name is not None and weekday_name.lower() in _MONTHS:
        # "Maret 16, 2017": the first word is a month, not a weekday.
        _refuse_month_first(text, s)
    y, m, d = _split(text, body, default_year)
    try:
        date = pendulum.Date(y, m, d)
    except ValueError:
        msg = f"date {text!r} is not a calendar date (day {d}, month {m}, year {y})"
        raise InvalidComponent(msg, code="date.invalid_date") from None
    if weekday_name is not None:
        weekday = _WEEKDAYS.get(weekday_name.lower())
        if weekday is None:
            msg = f"date {text!r} has an unknown Indonesian weekday {weekday_name!r}"
            raise InvalidComponent(msg, code="date.invalid_weekday")
        actual = date.weekday()
        if weekday != actual:
            msg = (
                f"{_format(date, weekday=False)} is a {_WEEKDAY_NAMES[actual]}, "
                f"not a {_WEEKDAY_NAMES[weekday]}"
            )
            raise InconsistentData(msg, code="date.weekday_mismatch")
    return date


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
        msg = f"format_date takes a date, not {type(obj).__name__}"
        raise InvalidFormat(msg, code="date.invalid_type")
    return _format(obj, weekday=bool(weekday))
