"""NIK (Nomor Induk Kependudukan, Indonesian population identity number).

Every resident registered by Dukcapil has a 16-digit NIK, ``PPKKCC DDMMYY NNNN``:

- ``PPKKCC``: the Kemendagri code of the kecamatan where the NIK was *first*
  registered (it does not change when the person moves, nor when the region is later
  renumbered), checked with the format rules of :mod:`adminnet.ids.region_code` at
  level 3 and then against the region code table (see *Region part* below);
- ``DDMMYY``: the date of birth; women have 40 added to the day (``41``-``71``), men
  not (``01``-``31``); the two-digit year is resolved to the latest year not after a
  reference date (``at``, today by default), so ``05`` is 2005 in 2026 and 1905 in 2004;
- ``NNNN``: a serial number from ``0001``.

The human form (:func:`format`) writes the kecamatan code dotted and the three parts
apart, ``81.71.01 160370 0001``; :func:`compact` removes spaces, dots and hyphens
wherever they are, so any such grouping (e.g. ``8171 0116 0370 0001``) is accepted.

>>> validate("8171011603700001", at="2026-01-01")
'8171011603700001'
>>> nik = parse("8171015603700002", at="2026-01-01")
>>> nik.region_code, nik.birth_date, nik.gender.value, nik.serial
('81.71.01', Date(1970, 3, 16), 'female', 2)
>>> format("8171011603700001")
'81.71.01 160370 0001'
>>> validate("8171013603700001")
Traceback (most recent call last):
adminnet.errors.InvalidComponent: NIK '8171013603700001' has birth day 36, ...
>>> validate("817101160370001")
Traceback (most recent call last):
adminnet.errors.InvalidLength: NIK '817101160370001' has 15 digits, expected 16

Region part. A NIK keeps the code of its first registration for life, so it may carry
a code that is no longer in force. The region registry (:mod:`adminnet.regions`) knows
kecamatan only as they are now and kabupaten/kota codes since 2015; this module reads
those facts from the registry's generated code table (:mod:`adminnet.ids._region_table`,
as the ids layer may not import the registry), so the check is:

- a current kecamatan code is valid (``current_region_code`` is that code);
- under a kabupaten/kota code retired since 2015 (the 2022 Papua split: Kabupaten
  Sorong 92.01 became 96.01 and its kecamatan were renumbered), any kecamatan number
  is valid and ``current_region_code`` is the successor kabupaten/kota (``"96.01"``);
- a code in a gap of the numbering, not in force today, is valid with
  ``current_region_code=None``: a kecamatan number below the highest one of its
  kabupaten/kota (Kabupaten Ciamis, 32.07, has kecamatan 29-37 but no 20-28 today), or
  a kabupaten/kota number below the highest of its kind in its province (Kota Tarakan
  was 64.73 in Kalimantan Timur until Kalimantan Utara was formed in 2012; it is 65.71
  now). Kemendagri numbers new regions upwards, so such gaps are codes retired before
  the registry's history begins, which real NIKs still carry;
- any other code (a kecamatan number above every one issued in its kabupaten/kota, a
  kabupaten/kota or province that never existed) is ``nik.invalid_region``.

>>> nik = parse("9201011203850001", at="2026-01-01")   # Kabupaten Sorong, before 2022
>>> nik.region_code, nik.current_region_code
('92.01.01', '96.01')
>>> validate("8171991603700001")
Traceback (most recent call last):
adminnet.errors.InvalidComponent: NIK region part 81.71.99 is not a kecamatan of Kota Ambon ...

Legal basis: UU 23/2006 on population administration (Administrasi Kependudukan) as
amended by UU 24/2013; region codes: Permendagri 137/2017 and its successors.
"""

from __future__ import annotations

import attrs
import pendulum

from adminnet.errors import InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from adminnet.ids import _region_table
from adminnet.ids import region_code as _region_code
from adminnet.ids._digits import clean
from adminnet.ids._gender import Gender
from adminnet.time import DateLike, as_date

__all__ = ["Nik", "compact", "format", "is_valid", "parse", "validate"]


@attrs.frozen(kw_only=True)
class Nik:
    """Nomor Induk Kependudukan (the parts of a NIK).

    Attributes:
        number: The 16 digits.
        region_code: The dotted kecamatan code of first registration, e.g. ``"81.71.01"``.
        birth_date: The date of birth, its century resolved against the reference date.
        gender: :attr:`Gender.FEMALE` when 40 was added to the day, else ``MALE``.
        serial: The serial number, 1-9999.
        current_region_code: The region in force today that ``region_code`` now lies
            in: the kecamatan code itself while it is current, the successor
            kabupaten/kota of a retired one (``"96.01"`` for ``"92.01.01"``), ``None``
            when the registry cannot tell (a retired code it has no history for). It
            comes from the region registry, not from the number, so it takes no part in
            equality and hashing.
    """

    number: str
    region_code: str
    birth_date: pendulum.Date
    gender: Gender
    serial: int
    current_region_code: str | None = attrs.field(default=None, eq=False)


def _region_check(code: str, birth_date: pendulum.Date) -> str | None:
    """Hook: check the kecamatan ``code`` (dotted) against the region code table.

    Returns the code of the region in force today that ``code`` lies in (see the module
    documentation), or ``None`` when the table cannot tell. ``birth_date`` does not
    narrow the check: a NIK may be first registered long after birth, and the
    registers kept retired codes for months or years after the law changed them. The
    table (:mod:`adminnet.ids._region_table`) is the registry's, generated; this layer
    does not import the registry itself.

    Raises:
        InvalidComponent: no kecamatan with this code was ever issued
            (``nik.invalid_region``).
    """
    if _region_table.exists(code):
        return code
    regency = _region_table.latest(code[:5])
    if regency is not None:
        if regency.end is not None:  # retired: its kecamatan are not in the registry
            successors = regency.successors
            return successors[0] if len(successors) == 1 else None
        highest = max((int(n) for n in _region_table.kecamatan(regency.code)), default=0)
        if int(code[6:]) < highest:
            return None
        raise InvalidComponent(
            code="nik.invalid_region",
            variant="kecamatan",
            params={
                "value": code,
                "regency": regency.official_name,
                "first": f"{code[:5]}.01",
                "last": f"{highest:02d}",
            },
        )
    province = _region_table.latest(code[:2])
    if province is not None:
        number = int(code[3:5])
        kota = number > 70
        issued = [
            int(r.code[3:])
            for r in _region_table.regencies(province.code)
            if (int(r.code[3:]) > 70) is kota
        ]
        if number < max(issued, default=0):
            return None
        raise InvalidComponent(
            code="nik.invalid_region",
            variant="kota" if kota else "kabupaten",
            params={"value": code, "province": province.official_name},
        )
    raise InvalidComponent(code="nik.invalid_region", variant="province", params={"value": code})


def _type_error(number: object) -> InvalidFormat:
    return InvalidFormat(code="nik.invalid_type", params={"type": type(number).__name__})


def compact(number: str) -> str:
    """NIK ringkas (the NIK without spaces, no-break spaces, dots and hyphens; no checks).

    >>> compact("81.71.01 160370 0001")
    '8171011603700001'

    Raises:
        InvalidFormat: ``number`` is not a string (``nik.invalid_type``).
    """
    if not isinstance(number, str):
        raise _type_error(number)
    return clean(number)


def _birth_date(number: str, digits: str, at: DateLike | None) -> tuple[pendulum.Date, Gender]:
    day = int(digits[6:8])
    month = int(digits[8:10])
    yy = int(digits[10:12])
    gender = Gender.MALE
    if day > 40:
        day -= 40
        gender = Gender.FEMALE
    if not 1 <= day <= 31:
        raise InvalidComponent(
            code="nik.invalid_birth_date",
            variant="day",
            params={"value": number, "day": digits[6:8]},
        )
    if not 1 <= month <= 12:
        raise InvalidComponent(
            code="nik.invalid_birth_date",
            variant="month",
            params={"value": number, "month": digits[8:10]},
        )
    ref = as_date(at, what="reference date")
    year = ref.year - (ref.year - yy) % 100
    if (month, day) > (ref.month, ref.day) and year == ref.year:
        year -= 100
    try:
        birth = pendulum.Date(year, month, day)
    except ValueError:
        raise InvalidComponent(
            code="nik.invalid_birth_date",
            params={"value": number, "date": f"{day:02d}-{month:02d}-{year}"},
        ) from None
    return birth, gender


def _parse(number: str, at: DateLike | None) -> Nik:
    digits = compact(number)
    if not (digits.isdigit() and digits.isascii()) and digits:
        raise InvalidFormat(code="nik.invalid_format", params={"value": number})
    if len(digits) != 16:
        raise InvalidLength(
            code="nik.invalid_length", params={"value": number, "digits": len(digits)}
        )
    try:
        _region_code._check(digits[:6], digits[:6])
    except ValidationError as exc:
        raise InvalidComponent(
            code="nik.invalid_region",
            variant="code",
            params={"value": number, "region": digits[:6]},
        ) from exc
    birth, gender = _birth_date(number, digits, at)
    serial = int(digits[12:])
    if serial == 0:
        raise InvalidComponent(code="nik.invalid_serial", params={"value": number})
    region = _region_code.dotted(digits[:6])
    current = _region_check(region, birth)
    return Nik(
        number=digits,
        region_code=region,
        birth_date=birth,
        gender=gender,
        serial=serial,
        current_region_code=current,
    )


def validate(number: str, *, at: DateLike | None = None) -> str:
    """Periksa NIK (check a NIK; return its 16 digits).

    Args:
        number: The NIK, compact or grouped with spaces, dots or hyphens.
        at: Reference date that resolves the century of the birth year (the latest
            year not after it); a date or ISO string, ``None`` for today (WIB).

    >>> validate("8171 0116 0370 0001", at="2026-01-01")
    '8171011603700001'

    Raises:
        InvalidFormat: not a string (``nik.invalid_type``) or not digits
            (``nik.invalid_format``).
        InvalidLength: not 16 digits (``nik.invalid_length``).
        InvalidComponent: an impossible kecamatan code (``nik.invalid_region``), birth
            date (``nik.invalid_birth_date``) or serial 0000 (``nik.invalid_serial``).
    """
    return _parse(number, at).number


def is_valid(number: object, *, at: DateLike | None = None) -> bool:
    """Apakah NIK sah (True if ``number`` is a valid NIK; never raises for it).

    >>> is_valid("8171011603700001"), is_valid("8171011603700000"), is_valid(None)
    (True, False, False)

    Raises:
        ValidationError: only for a bad ``at`` argument (a caller bug), never for
            ``number``; as :func:`adminnet.ids.nip.is_valid`.
    """
    if at is not None:
        at = as_date(at, what="reference date")
    if not isinstance(number, str):
        return False
    try:
        _parse(number, at)
    except ValidationError:
        return False
    return True


def format(number: str, *, at: DateLike | None = None) -> str:
    """NIK terformat (the human form ``PP.KK.CC DDMMYY NNNN`` of a valid NIK).

    >>> format("8171015603700002")
    '81.71.01 560370 0002'

    Raises:
        ValidationError: as :func:`validate`.
    """
    digits = _parse(number, at).number
    return f"{_region_code.dotted(digits[:6])} {digits[6:12]} {digits[12:]}"


def parse(number: str, *, at: DateLike | None = None) -> Nik:
    """Uraikan NIK (split a valid NIK into its parts).

    The century of the birth year is the latest one that puts the birth date on or
    before ``at`` (today by default):

    >>> parse("3171010101050001", at="2026-01-01").birth_date
    Date(2005, 1, 1)
    >>> parse("3171010101050001", at="2004-06-30").birth_date
    Date(1905, 1, 1)

    Raises:
        ValidationError: as :func:`validate`.
    """
    return _parse(number, at)
