"""NIP (Nomor Induk Pegawai, Indonesian civil-servant number).

A PNS (*pegawai negeri sipil*) NIP has 18 digits, ``YYYYMMDD YYYYMM G NNN``:

- digits 1-8: date of birth, a real calendar date (year 1900 or later);
- digits 9-14: TMT CPNS (*terhitung mulai tanggal*, the month the CPNS appointment
  took effect; the day is always the 1st), month 01-12;
- digit 15: gender, ``1`` male, ``2`` female;
- digits 16-18: serial number 001-999 among NIPs sharing the first 15 digits.

The NI PPPK (*Nomor Induk* of a contract civil servant, PPPK) also has 18 digits, laid
out ``YYYYMMDD YYYY CC G NNN``: birth date, year of first appointment as PPPK, a
two-digit code (officially "jumlah perjanjian kerja"; ``21`` for full-time, ``24``
seen for part-time), gender and serial. Digits 13-14 above 12 cannot be a TMT month,
so they mark a PPPK number; any code 13-99 is accepted.

Before January 2009 NIPs had 9 digits (the prefix named the agency, e.g. ``13x``
Depdikbud); such a number validates as :attr:`NipKind.LEGACY` with no parts.

Checks beyond the shape: the TMT (its first day) is on or after the 18th birthday,
for PPPK the appointment year is at least the birth year + 18; the appointment is not
after the reference date (``at``, default today in Asia/Jakarta): for PNS the TMT
month is not after the reference month, for PPPK the year not after its year; a PPPK
appointment year is 2014 or later (UU 5/2014 created PPPK), so a number whose digits
13-14 exceed 12 with an earlier year is reported as a bad TMT month.

Legal basis: Peraturan Kepala BKN 22/2007 (NIP PNS) and 43/2007 (requesting, issuing
and using NIPs); 9-digit NIPs converted to 18 digits from January 2009; UU 20/2023 on
ASN (PNS and PPPK); PP 11/2017 Pasal 23 (minimum age 18 when applying). No regulation
fixing the NI PPPK layout was found; it follows published examples.

>>> from adminnet.ids import nip
>>> nip.validate("19650302 199003 1 002")
'196503021990031002'
>>> nip.validate("196513021990031002")
Traceback (most recent call last):
adminnet.errors.InvalidComponent: NIP birth date 19651302 is not a calendar date
>>> nip.format("196503021990031002")
'19650302 199003 1 002'
>>> n = nip.parse("196503021990031002")
>>> n.kind.label, str(n.birth_date), str(n.appointed), n.gender.label, n.serial
('PNS', '1965-03-02', '1990-03', 'Laki-laki', 2)
>>> nip.format("199001012021211001")
'19900101 2021 21 1 001'
"""

from __future__ import annotations

import datetime as _dt
import time as _clock
from typing import Final

import attrs
import pendulum

import adminnet.time as _time
from adminnet._enum import LabeledEnum, labels
from adminnet._memo import Memo
from adminnet.errors import (
    InconsistentData,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from adminnet.ids._digits import clean, is_digits
from adminnet.ids._gender import Gender
from adminnet.time import DateLike, PartialDate, as_date

__all__ = [
    "Gender",
    "Nip",
    "NipKind",
    "check_person",
    "compact",
    "format",
    "get_birth_date",
    "get_gender",
    "is_shape_error",
    "is_valid",
    "parse",
    "validate",
]


@labels({"pns": "PNS", "pppk": "PPPK", "legacy": "NIP lama"})
class NipKind(LabeledEnum):
    """Jenis nomor induk pegawai (kind of employee number).

    ``pns`` is the 18-digit NIP of a PNS, ``pppk`` the 18-digit NI PPPK and
    ``legacy`` the 9-digit NIP used before 2009 (*NIP lama*).
    """

    PNS = "pns"
    PPPK = "pppk"
    LEGACY = "legacy"


@attrs.frozen(kw_only=True)
class Nip:
    """Rincian NIP (the parts of a NIP or NI PPPK), as returned by :func:`parse`.

    A legacy 9-digit NIP has only ``kind`` and ``number``; every other part is ``None``.

    Attributes:
        kind: PNS, PPPK or legacy.
        birth_date: Date of birth (digits 1-8).
        appointed: TMT CPNS to the month (PNS) or year of first appointment (PPPK).
        gender: Gender (digit 15).
        serial: Serial number 1-999 (digits 16-18).
        code: The PPPK code (digits 13-14, 13-99); ``None`` for PNS.
        number: The canonical compact number.
    """

    kind: NipKind
    birth_date: pendulum.Date | None
    appointed: PartialDate | None
    gender: Gender | None
    serial: int | None
    code: int | None
    number: str


_DIGITS: Final = frozenset("0123456789")
_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MIN_BIRTH_YEAR: Final = 1900
_FIRST_PPPK_YEAR: Final = 2014
_MIN_AGE: Final = 18
_LEGACY_ZERO: Final = "000000000"

# Today's date, a one-slot cache replaced whole: (today function, end of that day as a
# POSIX timestamp, year, month, ISO date, "YYYYMM", start of that day). It holds only
# while the clock reads within the day: a clock set back (a correction, or time-machine
# and freezegun in tests) reads today again, as does one past midnight.
_today_cache: tuple[object, float, int, int, str, str, float] = (None, 0.0, 0, 0, "", "", 0.0)

# Memos of the fast path of validate(), filled with the parts of each number _check
# accepts (_remember) and emptied when full (anything else goes the slow way).
# An appointment is compared as a "YYYYMM" key: the TMT for a PNS, "YYYY00" for a PPPK.
_CACHE_LIMIT: Final = 50_000
_births = Memo[str, tuple[str, str]](_CACHE_LIMIT)  # digits 1-8 -> earliest (PNS, PPPK) key
_appointments = Memo[str, tuple[str, int]](_CACHE_LIMIT)  # digits 9-14 -> (key, 0 PNS / 1 PPPK)
_births_get: Final = _births.get  # module-level: a Memo's get is a slot, not a method
_appointments_get: Final = _appointments.get
_tails: set[str] = set()  # digits 15-18: gender 1 or 2, serial not 000
_at_cache: tuple[object, str] = (None, "")  # last reference date of an exact plain type
# Memo of parse(): digits 9-14 of a number validate() accepted -> (kind, appointment, PPPK
# code). PartialDate is frozen and slotted, so sharing one between results is safe.
_appointeds = Memo[str, tuple[NipKind, PartialDate, int | None]](_CACHE_LIMIT)


def _is_calendar_date(year: int, month: int, day: int) -> bool:
    """Whether ``year-month-day`` is a day of the Gregorian calendar (the leap-year rule)."""
    if 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month]:
        return True
    return month == 2 and day == 29 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _quote(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 42 else text[:40] + "…"


def _type_error(number: object) -> InvalidFormat:
    return InvalidFormat(code="nip.invalid_type", params={"type": type(number).__name__})


def _reference(at: DateLike | None) -> tuple[int, int, str]:
    """Year, month and ISO text of the reference date (``None``: today, cached)."""
    if at is not None:
        d = as_date(at, what="reference date")
        return d.year, d.month, d.isoformat()
    global _today_cache  # a one-slot cache, replaced atomically
    fn = _time.today
    cached = _today_cache
    if cached[0] is fn and cached[6] <= _clock.time() < cached[1]:
        return cached[2], cached[3], cached[4]
    d = fn()
    midnight = pendulum.datetime(d.year, d.month, d.day, tz=_time.DEFAULT_TIMEZONE)
    y, m, iso = d.year, d.month, d.isoformat()
    expiry = midnight.add(days=1).timestamp()
    _today_cache = (fn, expiry, y, m, iso, f"{y:04d}{m:02d}", midnight.timestamp())
    return y, m, iso


def _remember(s: str, by: int, bm: int, bd: int, pppk: bool) -> None:
    """Memoise the parts of an 18-digit number ``s`` that :func:`_check` accepted.

    The fast path of :func:`validate` then decides on them by comparing keys: the
    earliest appointment keys of the birth digits (a PNS TMT, its 1st day, is late
    enough from the month of the 18th birthday if that is on the 1st, else from the
    next month; a PPPK year from the birth year + 18; "~" sorts after every key, an
    18th birthday after the year 9999), the key and kind of digits 9-14, and digits
    15-18. Only parts of accepted numbers are kept: a part that is refused is never
    looked up in vain and then computed twice.
    """
    if _births_get(s[:8]) is None:
        ay, am = by + _MIN_AGE, bm + (bd != 1)
        if am > 12:
            ay, am = ay + 1, 1
        pns = f"{ay:04d}{am:02d}" if ay <= 9999 else "~"
        pppk_key = f"{by + _MIN_AGE:04d}00" if by + _MIN_AGE <= 9999 else "~"
        _births.put(s[:8], (pns, pppk_key))
    if _appointments_get(s[8:14]) is None:
        _appointments.put(s[8:14], (s[8:12] + "00", 1) if pppk else (s[8:14], 0))
    _tails.add(s[14:])  # at most 1,998 of them: gender 1 or 2, serial 001-999


def _at_key(at: DateLike) -> str:
    """The "YYYYMM" key of a reference date (the last one of a plain type memoised)."""
    global _at_cache  # a one-slot cache, replaced atomically
    cached = _at_cache
    if cached[0] is at:
        return cached[1]
    d = as_date(at, what="reference date")
    key = f"{d.year:04d}{d.month:02d}"
    if type(at) is str or type(at) is pendulum.Date or type(at) is _dt.date:
        _at_cache = (at, key)  # immutable, and held so that its id is not reused
    return key


def compact(number: str) -> str:
    r"""Bentuk ringkas NIP (strip separators: spaces, NBSP, dots and hyphens).

    Surrounding whitespace is removed too. Nothing else is checked:
    ``compact("1965 03")`` is ``"196503"``.

    >>> compact(" 19650302.199003-1\u00a0002 ")
    '196503021990031002'

    Raises:
        InvalidFormat: ``number`` is not a string (code ``nip.invalid_type``).
    """
    if not isinstance(number, str):
        raise _type_error(number)
    return clean(number)


# The (code, variant) of every error _digits raises: the shape errors (see is_shape_error).
_SHAPE_ERRORS: Final = frozenset(
    {
        ("nip.invalid_type", None),
        ("nip.invalid_length", "empty"),
        ("nip.invalid_format", None),
        ("nip.invalid_length", "one"),
        ("nip.invalid_length", None),
    }
)


def _digits(number: object) -> str:
    """Compact form of a NIP of 9 or 18 ASCII digits, or raise the shape error.

    Its errors are the shape errors (:data:`_SHAPE_ERRORS`, :func:`is_shape_error`).
    """
    if type(number) is str and len(number) == 18 and number.isascii() and number.isdigit():
        return number
    if not isinstance(number, str):
        raise _type_error(number)
    s = clean(number)
    if not s:
        raise InvalidLength(
            code="nip.invalid_length", variant="empty", params={"value": _quote(number)}
        )
    if not is_digits(s):
        bad = next(c for c in s if c not in _DIGITS)
        raise InvalidFormat(
            code="nip.invalid_format", params={"value": _quote(number), "char": repr(bad)}
        )
    n = len(s)
    if n != 18 and n != 9:
        shown = s if n <= 40 else s[:40] + "…"
        raise InvalidLength(
            code="nip.invalid_length",
            variant="one" if n == 1 else None,
            params={"value": shown, "digits": n},
        )
    return s


def _check(s: str, at: DateLike | None) -> tuple[int, int, int, int, int, bool]:
    """Check an 18-digit number and return its parts.

    Returns birth year, month and day, appointment year, TMT month or PPPK code, and
    whether it is a PPPK number.
    """
    by = int(s[0:4])
    bm = int(s[4:6])
    bd = int(s[6:8])
    if not _is_calendar_date(by, bm, bd):
        raise InvalidComponent(code="nip.invalid_birth_date", params={"value": s[0:8]})
    if by < _MIN_BIRTH_YEAR:
        raise InvalidComponent(
            code="nip.invalid_birth_date",
            variant="too_early",
            params={"value": s[0:8], "year": _MIN_BIRTH_YEAR},
        )
    ay = int(s[8:12])
    am = int(s[12:14])
    pppk = am > 12
    if am == 0 or (pppk and ay < _FIRST_PPPK_YEAR):
        raise InvalidComponent(
            code="nip.invalid_appointment",
            variant=None if am == 0 else "pppk",
            params={"value": s[8:14], "month": s[12:14], "year": _FIRST_PPPK_YEAR},
        )
    g = s[14]
    if g != "1" and g != "2":
        raise InvalidComponent(code="nip.invalid_gender", params={"value": g})
    if s[15:18] == "000":
        raise InvalidComponent(code="nip.invalid_serial", params={"value": s[15:18]})
    if pppk:
        if ay - by < _MIN_AGE:
            raise InconsistentData(
                code="nip.too_young",
                variant="pppk",
                params={"value": s[8:12], "years": _MIN_AGE, "birth_date": s[0:8]},
            )
    elif ay * 10000 + am * 100 + 1 < (by + _MIN_AGE) * 10000 + bm * 100 + bd:
        raise InconsistentData(
            code="nip.too_young",
            params={"value": s[8:14], "years": _MIN_AGE, "birth_date": s[0:8]},
        )
    ry, rm, iso = _reference(at)
    if (ay > ry) if pppk else (ay * 12 + am > ry * 12 + rm):
        raise InvalidComponent(
            code="nip.appointed_in_future",
            variant="pppk" if pppk else None,
            params={"value": s[8:12] if pppk else s[8:14], "at": iso},
        )
    return by, bm, bd, ay, am, pppk


def validate(number: str, *, at: DateLike | None = None) -> str:
    """Periksa NIP (check a NIP or NI PPPK; return its canonical compact form).

    >>> validate("19650302-199003-1-002")
    '196503021990031002'
    >>> validate("196503021990031002", at="1990-02-28")
    Traceback (most recent call last):
    adminnet.errors.InvalidComponent: NIP TMT 199003 is after the reference date 1990-02-28

    Args:
        number: The NIP, with or without separators.
        at: Reference date for the "not appointed in the future" check (a
            :class:`pendulum.Date`, :class:`datetime.date` or ISO string); ``None``
            means today in Asia/Jakarta.

    Raises:
        InvalidFormat: not a string, or a character that is not a digit or separator.
        InvalidLength: not 18 (or 9) digits.
        InvalidComponent: impossible birth date, TMT month, gender digit or serial, or
            an appointment after ``at``.
        InconsistentData: appointed less than 18 years after birth.
    """
    # Fast path for a valid canonical 18-digit number: memoised parts and comparisons of
    # "YYYYMM" keys decide exactly as _check does; anything they do not accept (every
    # error included, and parts not seen yet) goes the slow way, which memoises the
    # parts of a number it accepts.
    if type(number) is str and len(number) == 18:
        limits = _births_get(number[:8])
        appointed = _appointments_get(number[8:14])
        if (
            limits is not None
            and appointed is not None
            and number[14:] in _tails
            and limits[appointed[1]] <= appointed[0]
        ):
            if at is None:
                cached = _today_cache
                if (
                    cached[0] is _time.today
                    and cached[6] <= _clock.time() < cached[1]
                    and appointed[0] <= cached[5]
                ):
                    _accepted[0] = number
                    return number
            elif appointed[0] <= _at_key(at):
                _accepted[0] = number
                return number
    s = _digits(number)
    if len(s) == 9:
        if s == _LEGACY_ZERO:
            raise InvalidFormat(code="nip.invalid_format", variant="zeros", params={"value": s})
        return s
    by, bm, bd, _, _, pppk = _check(s, at)
    _remember(s, by, bm, bd, pppk)
    _accepted[0] = s
    return s


def is_shape_error(error: BaseException) -> bool:
    """Galat bentuk NIP (whether ``error`` is :func:`validate`'s error for a NIP's shape).

    A NIP's shape is wrong when it is not a string, or not 18 (or 9) digits once
    compact. For such a number :func:`validate` raises a shape error, and
    :func:`check_person` raises *the same* error (class, code, variant and params) for
    the same number, before it compares anything, whatever the birth date and gender;
    for any other number :func:`check_person` raises no shape error. So a caller that
    holds :func:`validate`'s error for a number knows, when this is true, what
    :func:`check_person` does with it, without calling it; every other error of
    :func:`validate` (an impossible part, an appointment too early or in the future, the
    all-zero 9-digit number) says nothing about :func:`check_person`.

    >>> try:
    ...     validate("1965030219900310")
    ... except ValidationError as exc:
    ...     error = exc
    >>> is_shape_error(error)
    True
    >>> try:
    ...     check_person("1965030219900310", gender=Gender.FEMALE)
    ... except ValidationError as exc:
    ...     (exc.code, dict(exc.params)) == (error.code, dict(error.params))
    True
    >>> try:
    ...     validate("196513021990031002")
    ... except ValidationError as exc:
    ...     is_shape_error(exc)
    False
    """
    return isinstance(error, InvalidFormat) and (error.code, error.variant) in _SHAPE_ERRORS


def is_valid(number: object, *, at: DateLike | None = None) -> bool:
    """Apakah NIP sah (True if ``number`` is a valid NIP or NI PPPK; never raises for it).

    >>> is_valid("196503021990031002"), is_valid(None), is_valid("19650302199003")
    (True, False, False)

    Raises:
        ValidationError: only for a bad ``at`` argument (a caller bug), never for
            ``number``.
    """
    if at is not None:
        at = as_date(at, what="reference date")
    try:
        validate(number, at=at)  # type: ignore[arg-type]  # any object is reported
    except ValidationError:
        return False
    return True


def format(number: str) -> str:
    """Bentuk cetak NIP (the human form, e.g. ``19650302 199003 1 002``).

    PNS: ``19650302 199003 1 002``; PPPK: ``19900101 2021 21 1 001``; legacy 9-digit
    NIPs in groups of three: ``130 123 456``. Only the shape (digits, length) is
    checked; use :func:`validate` for the rest.

    >>> format("199001012021211001")
    '19900101 2021 21 1 001'
    >>> format("130123456")
    '130 123 456'

    Raises:
        InvalidFormat: not a string, or not digits and separators.
        InvalidLength: not 18 (or 9) digits.
    """
    s = _digits(number)
    if len(s) == 9:
        return f"{s[0:3]} {s[3:6]} {s[6:9]}"
    if int(s[12:14]) > 12:
        return f"{s[0:8]} {s[8:12]} {s[12:14]} {s[14]} {s[15:18]}"
    return f"{s[0:8]} {s[8:14]} {s[14]} {s[15:18]}"


def parse(number: str, *, at: DateLike | None = None) -> Nip:
    """Urai NIP (check a NIP or NI PPPK and return its parts).

    >>> n = parse("19900101 2021 21 2 001")
    >>> n.kind, str(n.appointed), n.code, n.gender
    (<NipKind.PPPK: 'pppk'>, '2021', 21, <Gender.FEMALE: 'female'>)

    Args:
        number: The NIP, with or without separators.
        at: Reference date, as for :func:`validate`.

    Raises:
        ValidationError: as :func:`validate`.
    """
    s = validate(number, at=at)
    if len(s) == 9:
        return Nip(
            kind=NipKind.LEGACY,
            birth_date=None,
            appointed=None,
            gender=None,
            serial=None,
            code=None,
            number=s,
        )
    kind, appointed, code = _appointeds.get(s[8:14]) or _appointed(s[8:14])
    return Nip(
        kind=kind,
        birth_date=pendulum.Date(int(s[0:4]), int(s[4:6]), int(s[6:8])),
        appointed=appointed,
        gender=Gender.MALE if s[14] == "1" else Gender.FEMALE,
        serial=int(s[15:18]),
        code=code,
        number=s,
    )


def _appointed(text: str) -> tuple[NipKind, PartialDate, int | None]:
    """Memoised kind, appointment and PPPK code of digits 9-14 ``text`` (already checked)."""
    year, month = int(text[0:4]), int(text[4:6])
    found: tuple[NipKind, PartialDate, int | None]
    if month > 12:
        found = NipKind.PPPK, PartialDate(year=year), month
    else:
        found = NipKind.PNS, PartialDate(year=year, month=month), None
    return _appointeds.put(text, found)


def get_birth_date(number: str, *, at: DateLike | None = None) -> pendulum.Date | None:
    """Tanggal lahir (birth date in the NIP; ``None`` for a legacy NIP).

    >>> get_birth_date("196503021990031002")
    Date(1965, 3, 2)

    Raises:
        ValidationError: as :func:`validate`.
    """
    return parse(number, at=at).birth_date


def get_gender(number: str, *, at: DateLike | None = None) -> Gender | None:
    """Jenis kelamin (gender in the NIP; ``None`` for a legacy NIP).

    >>> get_gender("196503021990031002").label
    'Laki-laki'

    Raises:
        ValidationError: as :func:`validate`.
    """
    return parse(number, at=at).gender


_MALE: Final = Gender.MALE
_ISO_STR: Final = frozenset({pendulum.Date, _dt.date})  # date types whose str is isoformat
_accepted: Final[list[object]] = [None]
"""The 18-digit str object :func:`validate` accepted (and returned) last, so that
:func:`check_person`, asked about the same object next (Person's validators, the loader),
need not prove its shape again (``str.isdigit`` on 18 characters is the dearest step of
the check). An identity test on an immutable ``str``: another thread's store only makes
it miss, and a miss checks the shape as before."""
_written = Memo[_dt.date, str](_CACHE_LIMIT)  # a date -> "YYYYMMDD", as a NIP writes it
_written_get: Final = _written.get


def check_person(
    number: str,
    *,
    birth_date: _dt.date | None = None,
    gender: Gender | None = None,
) -> None:
    """Cocokkan NIP dengan data diri (check that a NIP agrees with a birth date and gender).

    The one place that knows where a NIP keeps them: digits 1-8 are the birth date,
    digit 15 the gender (``1`` male, ``2`` female). Either may be left ``None`` (not
    compared); a legacy 9-digit NIP encodes neither, so it agrees with anything, and
    so do birth-date digits that are no calendar date or a gender digit other than 1
    or 2 (nothing to compare: :func:`validate` reports those, once, at the NIP). The NIP
    itself is only put in compact form here: check it with :func:`validate`.
    :class:`~adminnet.model.person.Person` uses this for its cross-field check, and so
    does the loader's fast path for Person records.

    >>> import pendulum
    >>> check_person("196503021990031002", birth_date=pendulum.date(1965, 3, 2))
    >>> check_person("196503021990031002", gender=Gender.FEMALE)
    Traceback (most recent call last):
    adminnet.errors.InconsistentData: NIP 196503021990031002 encodes gender male, not female

    Raises:
        InconsistentData: the birth date (``person.nip_birth_date_mismatch``) or the
            gender (``person.nip_gender_mismatch``) the NIP encodes is another; the
            birth date is compared first.
        InvalidFormat, InvalidLength: ``number`` is not 18 (or 9) digits: the very
            error :func:`validate` raises for it (see :func:`is_shape_error`).
    """
    if number is _accepted[0] or (
        type(number) is str and len(number) == 18 and number.isdigit() and number.isascii()
    ):
        s = number  # 18 ASCII digits (the number validate accepted last is: see _accepted)
    else:
        s = _digits(number)
        if len(s) != 18:
            return
    if birth_date is not None:
        written = _written_get(birth_date)  # a dict lookup: the bulk path repeats dates
        if written is None:
            written = _written.put(birth_date, birth_date.isoformat().replace("-", ""))
        if written != s[:8] and _is_calendar_date(int(s[0:4]), int(s[4:6]), int(s[6:8])):
            raise InconsistentData(
                code="person.nip_birth_date_mismatch",
                params={
                    "value": s,
                    "encoded": f"{s[0:4]}-{s[4:6]}-{s[6:8]}",
                    # str() of these two types is their isoformat (pendulum's through
                    # a Python method): the C method, for an error path's thousands
                    "birth_date": birth_date.isoformat()
                    if type(birth_date) in _ISO_STR
                    else str(birth_date),
                },
            )
    # digit 15: "1" male, "2" female; any other digit is validate's to report
    if gender is not None and (s[14] == "1") is not (gender is _MALE):
        digit = s[14]
        if digit == "1" or digit == "2":
            encoded = _MALE if digit == "1" else Gender.FEMALE
            raise InconsistentData(
                code="person.nip_gender_mismatch",
                params={"value": s, "encoded": encoded.value, "gender": str(gender)},
            )
