"""Kode wilayah (Kemendagri region code, kode wilayah administrasi pemerintahan).

The Ministry of Home Affairs (Kemendagri) numbers every province, kabupaten/kota,
kecamatan and desa/kelurahan with a hierarchical code ``PP[.KK[.CC[.DDDD]]]``:

- ``PP`` (level 1, provinsi): the first digit groups the islands from west to east
  (1 Sumatra, 2 Kepulauan Riau, 3 Java, 5 Bali and Nusa Tenggara, 6 Kalimantan,
  7 Sulawesi, 8 Maluku, 9 Papua); the second follows the order in which provinces were
  formed, from 1;
- ``KK`` (level 2): ``01``-``69`` a kabupaten, ``71``-``99`` a kota (``70`` is never
  used);
- ``CC`` (level 3, kecamatan or distrik): ``01``-``99``;
- ``DDDD`` (level 4): first digit ``1`` a kelurahan, ``2`` a desa, ``3`` a desa adat,
  then a three-digit serial from ``001``.

Codes are written dotted (``81.71.01.1006``) or compact (``8171011006``); both are
accepted, and the canonical (compact) form has 2, 4, 6 or 10 digits. This module checks
the *format* only: whether a code exists (in which snapshot) is the job of the region
registry, :mod:`adminnet.regions`.

Legal basis: Permendagri 137/2017 (Pasal 4) on the code and data of administrative
regions, carried on by Permendagri 72/2019 and 58/2021 (which adds desa adat), with the
current data in Kepmendagri 300.2.2-2138/2025.

>>> validate("81.71")
'8171'
>>> validate("8171011006")
'8171011006'
>>> format("8171011006")
'81.71.01.1006'
>>> parse("81.71").regency_type.label
'Kota'
>>> parent("81.71.01"), level("81.71.01")
('81.71', 3)
>>> validate("817.1")
Traceback (most recent call last):
adminnet.errors.InvalidFormat: region code '817.1' is not in the form PP[.KK[.CC[.DDDD]]]
>>> validate("81.70")
Traceback (most recent call last):
adminnet.errors.InvalidComponent: region code '81.70' has kabupaten/kota part 70 ...
>>> is_valid("41"), is_valid(8171), is_valid(None)
(False, False, False)
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet.errors import InvalidComponent, InvalidFormat, InvalidLength, ValidationError

__all__ = [
    "RegencyType",
    "RegionCode",
    "VillageType",
    "compact",
    "dotted",
    "format",
    "is_valid",
    "level",
    "parent",
    "parse",
    "to_dotted",
    "validate",
]

_DOTTED: Final = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?")
_LEVELS: Final = {2: 1, 4: 2, 6: 3, 10: 4}
_PROVINCE_GROUPS: Final = frozenset("12356789")
_VILLAGE_GROUPS: Final = frozenset("123")


@labels({"kabupaten": "Kabupaten", "kota": "Kota"})
class RegencyType(LabeledEnum):
    """Kabupaten/kota (which of the two a ``KK`` part denotes: 01-69 or 71-99)."""

    KABUPATEN = "kabupaten"
    KOTA = "kota"


@labels({"kelurahan": "Kelurahan", "desa": "Desa", "desa_adat": "Desa Adat"})
class VillageType(LabeledEnum):
    """Desa/kelurahan (what a ``DDDD`` part denotes: 1xxx, 2xxx or 3xxx)."""

    KELURAHAN = "kelurahan"
    DESA = "desa"
    DESA_ADAT = "desa_adat"


_VILLAGE_TYPES: Final = {
    "1": VillageType.KELURAHAN,
    "2": VillageType.DESA,
    "3": VillageType.DESA_ADAT,
}


@attrs.frozen(kw_only=True)
class RegionCode:
    """Kode wilayah (the parts of a Kemendagri region code).

    Attributes:
        code: The dotted code, e.g. ``"81.71.01.1006"``.
        level: 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan.
        province: The province code, e.g. ``"81"``.
        parent: The dotted code of the level above, ``None`` for a province.
        regency_type: Kabupaten or kota (levels 2-4), ``None`` for a province.
        village_type: Kelurahan, desa or desa adat (level 4 only).
    """

    code: str
    level: int
    province: str
    parent: str | None
    regency_type: RegencyType | None
    village_type: VillageType | None


def _type_error(number: object) -> InvalidFormat:
    return InvalidFormat(code="region_code.invalid_type", params={"type": type(number).__name__})


def dotted(code: str) -> str:
    """Bentuk bertitik (the dotted form of a compact code of 2, 4, 6 or 10 digits).

    The one place that knows where the dots go; nothing else is checked (use
    :func:`to_dotted` for a code that must be valid too). A dotted code is returned as
    it is.

    >>> dotted("81"), dotted("8171"), dotted("817101"), dotted("8171011006")
    ('81', '81.71', '81.71.01', '81.71.01.1006')

    Raises:
        InvalidFormat: not a string of 2, 4, 6 or 10 digits, nor dotted
            (``region_code.invalid_format``).
    """
    if not isinstance(code, str):
        raise _type_error(code)
    n = len(code)
    if code.isascii() and code.isdigit():
        if n == 2:
            return code
        if n == 4:
            return f"{code[:2]}.{code[2:]}"
        if n == 6:
            return f"{code[:2]}.{code[2:4]}.{code[4:]}"
        if n == 10:
            return f"{code[:2]}.{code[2:4]}.{code[4:6]}.{code[6:]}"
    elif _DOTTED.fullmatch(code):
        return code
    raise InvalidFormat(
        code="region_code.invalid_format", variant="digits", params={"value": code[:40]}
    )


def _check(digits: str, shown: str) -> None:
    """Check the parts of a code of 2, 4, 6 or 10 ASCII digits; ``shown`` names it."""
    n = len(digits)
    if digits[0] not in _PROVINCE_GROUPS or digits[1] == "0":
        raise InvalidComponent(
            code="region_code.invalid_province", params={"value": shown, "part": digits[:2]}
        )
    if n == 2:
        return
    regency = digits[2:4]
    if regency in {"00", "70"}:
        raise InvalidComponent(
            code="region_code.invalid_regency", params={"value": shown, "part": regency}
        )
    if n == 4:
        return
    if digits[4:6] == "00":
        raise InvalidComponent(code="region_code.invalid_district", params={"value": shown})
    if n == 6:
        return
    if digits[6] not in _VILLAGE_GROUPS or digits[7:] == "000":
        raise InvalidComponent(
            code="region_code.invalid_village", params={"value": shown, "part": digits[6:]}
        )


def compact(number: str) -> str:
    """Kode ringkas (the code without dots and surrounding spaces; no other checks).

    >>> compact(" 81.71.01 ")
    '817101'

    Raises:
        InvalidFormat: ``number`` is not a string (``region_code.invalid_type``).
    """
    if not isinstance(number, str):
        raise _type_error(number)
    return number.strip().replace(".", "")


def validate(number: str) -> str:
    """Periksa kode wilayah (check a region code's format; return its compact digits).

    Accepts the dotted form (``"81.71.01"``) or the compact one (``"817101"``), with
    surrounding spaces; dots elsewhere than between the parts are refused.

    >>> validate(" 81.71.01.2001 ")
    '8171012001'

    Raises:
        InvalidFormat: not a string (``region_code.invalid_type``), or characters or
            dots out of place (``region_code.invalid_format``).
        InvalidLength: not 2, 4, 6 or 10 digits (``region_code.invalid_length``).
        InvalidComponent: an impossible part (``region_code.invalid_province``,
            ``invalid_regency``, ``invalid_district``, ``invalid_village``).
    """
    if not isinstance(number, str):
        raise _type_error(number)
    digits = number.strip()
    if "." in digits:
        if _DOTTED.fullmatch(digits) is None:
            raise InvalidFormat(
                code="region_code.invalid_format", variant="dotted", params={"value": number}
            )
        digits = digits.replace(".", "")
    elif not (digits.isdigit() and digits.isascii()) and digits:
        raise InvalidFormat(code="region_code.invalid_format", params={"value": number})
    if len(digits) not in _LEVELS:
        raise InvalidLength(
            code="region_code.invalid_length", params={"value": number, "digits": len(digits)}
        )
    _check(digits, number)
    return digits


def is_valid(number: object) -> bool:
    """Apakah kode wilayah sah (whether ``number`` is a well-formed region code).

    Never raises, whatever the type of ``number``.

    >>> is_valid("81.71.01.1006"), is_valid("81.71.01.4001"), is_valid(b"8171")
    (True, False, False)
    """
    if not isinstance(number, str):
        return False
    try:
        validate(number)
    except ValidationError:
        return False
    return True


def format(number: str) -> str:
    """Kode bertitik (the dotted, human form of a valid region code).

    >>> format("8171")
    '81.71'

    Raises:
        ValidationError: as :func:`validate`.
    """
    return dotted(validate(number))


def to_dotted(code: str) -> str:
    """Kode bertitik (the dotted form of a valid region code; same as :func:`format`).

    >>> to_dotted("817101")
    '81.71.01'

    Raises:
        ValidationError: as :func:`validate`.
    """
    return dotted(validate(code))


def level(code: str) -> int:
    """Tingkat wilayah (1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan).

    >>> level("81"), level("8171011006")
    (1, 4)

    Raises:
        ValidationError: as :func:`validate`.
    """
    return _LEVELS[len(validate(code))]


def parent(code: str) -> str | None:
    """Kode induk (the dotted code of the level above; ``None`` for a province).

    >>> parent("8171011006"), parent("81")
    ('81.71.01', None)

    Raises:
        ValidationError: as :func:`validate`.
    """
    digits = validate(code)
    n = len(digits)
    return None if n == 2 else dotted(digits[: 6 if n == 10 else n - 2])


def parse(number: str) -> RegionCode:
    """Uraikan kode wilayah (split a valid region code into its parts).

    >>> r = parse("81.71.01.1006")
    >>> r.code, r.level, r.province, r.parent
    ('81.71.01.1006', 4, '81', '81.71.01')
    >>> r.regency_type.value, r.village_type.value
    ('kota', 'kelurahan')

    Raises:
        ValidationError: as :func:`validate`.
    """
    digits = validate(number)
    n = len(digits)
    regency_type = None
    if n > 2:
        regency_type = RegencyType.KOTA if digits[2] >= "7" else RegencyType.KABUPATEN
    return RegionCode(
        code=dotted(digits),
        level=_LEVELS[n],
        province=digits[:2],
        parent=None if n == 2 else dotted(digits[: 6 if n == 10 else n - 2]),
        regency_type=regency_type,
        village_type=_VILLAGE_TYPES[digits[6]] if n == 10 else None,
    )
