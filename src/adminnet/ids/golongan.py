"""Golongan (golongan/ruang, the pay grade of a PNS or PPPK civil servant).

A PNS (*pegawai negeri sipil*) grade is a golongan ``I`` to ``IV`` and a ruang ``a``
to ``d`` (``e`` as well in golongan IV), written ``III/a``; each grade has a pangkat
(rank title), from ``I/a`` Juru Muda to ``IV/e`` Pembina Utama. A PPPK (contract civil
servant) grade is a golongan ``I`` to ``XVII`` with no ruang.

Accepted input: a Roman numeral in any case, or the same number in Arabic digits
(``3/a``, PNS 1-4 and PPPK 1-17); for PNS, the ruang letter in any case, after ``/``,
``-``, spaces or nothing (``III/a``, ``iii-A``, ``III a``, ``IIIa``, ``3a``), with
surrounding whitespace. A numeral without a ruang is a PPPK golongan: a PNS golongan
is never written without its ruang here.

The canonical form is ``III/a`` (upper-case Roman numeral, slash, lower-case ruang) or
``IX`` for PPPK. Since a golongan is not a digit string, :func:`compact` keeps the
slash and gives the canonical form, and :func:`format` gives the same text.

Legal basis: PP 99/2000 jo. PP 12/2002 (kenaikan pangkat PNS; golongan/ruang and
pangkat), Perpres 98/2020 (gaji dan tunjangan PPPK; golongan I-XVII).

>>> from adminnet.ids import golongan
>>> golongan.validate("iii-a")
'III/a'
>>> golongan.validate("II/e")
Traceback (most recent call last):
adminnet.errors.InvalidComponent: ruang e in 'II/e' exists only in golongan IV
>>> golongan.format("4e"), golongan.pangkat("4e")
('IV/e', 'Pembina Utama')
>>> sorted(["IV/a", "III/d", "III/a"], key=golongan.sort_key)
['III/a', 'III/d', 'IV/a']
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet.errors import (
    InvalidComponent,
    InvalidFormat,
    UnknownEntity,
    ValidationError,
)

__all__ = [
    "Golongan",
    "GolonganScheme",
    "compact",
    "format",
    "is_valid",
    "pangkat",
    "parse",
    "sort_key",
    "validate",
]


@labels({"pns": "PNS", "pppk": "PPPK"})
class GolonganScheme(LabeledEnum):
    """Skema golongan (grade scheme): PNS golongan/ruang or PPPK golongan."""

    PNS = "pns"
    PPPK = "pppk"


# Matched against the stripped text. No two adjacent parts can match the same
# characters (``\s*`` next to ``\s*``), so a failing match never backtracks through
# the ways of splitting a run of spaces: the time is linear in the length.
_SHAPE: Final = re.compile(r"([IVXivx]+|[0-9]{1,2})(?:\s*(?:[/-]\s*)?([A-Za-z]))?\Z")
_ROMAN_SHAPE: Final = re.compile(r"(X{0,3})(IX|IV|V?I{0,3})\Z")
_ONES: Final = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
_ONES_VALUE: Final = {r: i for i, r in enumerate(_ONES)}
_RUANG: Final = "abcde"
_PNS_MAX: Final = 4
_PPPK_MAX: Final = 17
_PANGKAT: Final = {
    (1, "a"): "Juru Muda",
    (1, "b"): "Juru Muda Tk. I",
    (1, "c"): "Juru",
    (1, "d"): "Juru Tk. I",
    (2, "a"): "Pengatur Muda",
    (2, "b"): "Pengatur Muda Tk. I",
    (2, "c"): "Pengatur",
    (2, "d"): "Pengatur Tk. I",
    (3, "a"): "Penata Muda",
    (3, "b"): "Penata Muda Tk. I",
    (3, "c"): "Penata",
    (3, "d"): "Penata Tk. I",
    (4, "a"): "Pembina",
    (4, "b"): "Pembina Tk. I",
    (4, "c"): "Pembina Utama Muda",
    (4, "d"): "Pembina Utama Madya",
    (4, "e"): "Pembina Utama",
}


def _roman(n: int) -> str:
    """Roman numeral of 1-39 (other numbers in Arabic digits)."""
    if 1 <= n <= 39:  # the range _ROMAN_SHAPE reads
        return "X" * (n // 10) + _ONES[n % 10]
    return str(n)


def _rank_value(text: str) -> int | None:
    """Value of an Arabic number or a well-formed Roman numeral; ``None`` otherwise."""
    if text[0].isdigit():
        return int(text)
    m = _ROMAN_SHAPE.match(text.upper())
    if m is None:
        return None
    value = 10 * len(m[1]) + _ONES_VALUE[m[2]]
    return value or None


def _quote(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 42 else text[:40] + "…"


def _split(number: object) -> tuple[str, int | None, str | None]:
    """Stripped text, rank value (``None`` if malformed) and ruang of a golongan."""
    if not isinstance(number, str):
        raise InvalidFormat(code="golongan.invalid_type", params={"type": type(number).__name__})
    text = number.strip()
    m = _SHAPE.match(text)
    if m is None:
        return text, None, None
    ruang = m[2]
    return text, _rank_value(m[1]), None if ruang is None else ruang.lower()


def compact(number: str) -> str:
    """Bentuk baku golongan (canonical form: ``III/a`` or ``IX``); nothing is checked.

    A value of the accepted shape is rewritten canonically even if it does not exist
    (``compact("v-a") == "V/a"``); any other text is returned stripped.

    >>> compact(" iii a "), compact("3/A"), compact("ix")
    ('III/a', 'III/a', 'IX')

    Raises:
        InvalidFormat: ``number`` is not a string (code ``golongan.invalid_type``).
    """
    text, rank, ruang = _split(number)
    if rank is None:
        return text
    return _roman(rank) if ruang is None else f"{_roman(rank)}/{ruang}"


def _check(number: object) -> tuple[int, str | None]:
    """Rank and ruang of a valid golongan, or raise."""
    text, rank, ruang = _split(number)
    if rank is None:
        raise InvalidFormat(code="golongan.invalid_format", params={"value": _quote(text)})
    if ruang is None:
        if not 1 <= rank <= _PPPK_MAX:
            raise InvalidComponent(
                code="golongan.invalid_rank", variant="pppk", params={"value": _quote(text)}
            )
        return rank, None
    if not 1 <= rank <= _PNS_MAX:
        raise InvalidComponent(code="golongan.invalid_rank", params={"value": _quote(text)})
    if ruang not in _RUANG:
        raise InvalidComponent(
            code="golongan.invalid_ruang", params={"value": _quote(text), "ruang": ruang}
        )
    if ruang == "e" and rank != _PNS_MAX:
        raise InvalidComponent(
            code="golongan.invalid_ruang", variant="e", params={"value": _quote(text)}
        )
    return rank, ruang


def validate(number: str) -> str:
    """Periksa golongan (check a golongan; return its canonical form).

    >>> validate("4/e")
    'IV/e'
    >>> validate("XVIII")
    Traceback (most recent call last):
    adminnet.errors.InvalidComponent: PPPK golongan 'XVIII' is not between I and XVII

    Raises:
        InvalidFormat: not a string, or not of the accepted shape.
        InvalidComponent: golongan out of range (``golongan.invalid_rank``) or ruang
            that does not exist in it (``golongan.invalid_ruang``).
    """
    rank, ruang = _check(number)
    return _roman(rank) if ruang is None else f"{_roman(rank)}/{ruang}"


def is_valid(number: object) -> bool:
    """Apakah golongan sah (True if ``number`` is a valid golongan; never raises).

    >>> is_valid("III/a"), is_valid("III/e"), is_valid(3)
    (True, False, False)
    """
    try:
        _check(number)
    except ValidationError:
        return False
    return True


def format(number: str) -> str:
    """Bentuk cetak golongan (the human form, the same as the canonical ``III/a``).

    >>> format("iv  b")
    'IV/b'

    Raises:
        ValidationError: as :func:`validate`.
    """
    return validate(number)


@attrs.frozen(kw_only=True, order=False)
class Golongan:
    """Golongan/ruang (the parts of a grade), as returned by :func:`parse`.

    ``str()`` gives the canonical form. Golongan compare by :meth:`sort_key`: every PNS
    grade sorts before every PPPK grade, then by golongan, then by ruang.

    Attributes:
        scheme: PNS or PPPK.
        rank: The golongan as a number, 1-4 (PNS) or 1-17 (PPPK).
        ruang: The ruang ``a``-``e`` (PNS); ``None`` for PPPK.
        pangkat: The pangkat (rank title) of a PNS grade; ``None`` for PPPK.
    """

    scheme: GolonganScheme
    rank: int
    ruang: str | None
    pangkat: str | None

    def __str__(self) -> str:
        roman = _roman(self.rank)
        return roman if self.ruang is None else f"{roman}/{self.ruang}"

    def sort_key(self) -> tuple[int, int, int]:
        """Urutan (sort key): scheme (PNS first), golongan, ruang."""
        return (
            0 if self.scheme is GolonganScheme.PNS else 1,
            self.rank,
            0 if self.ruang is None else _RUANG.find(self.ruang) + 1,
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self.sort_key() >= other.sort_key()


def parse(number: str) -> Golongan:
    """Urai golongan (check a golongan and return its parts).

    >>> g = parse("III/a")
    >>> g.scheme.label, g.rank, g.ruang, g.pangkat
    ('PNS', 3, 'a', 'Penata Muda')
    >>> parse("IX")
    Golongan(scheme=<GolonganScheme.PPPK: 'pppk'>, rank=9, ruang=None, pangkat=None)

    Raises:
        ValidationError: as :func:`validate`.
    """
    rank, ruang = _check(number)
    if ruang is None:
        return Golongan(scheme=GolonganScheme.PPPK, rank=rank, ruang=None, pangkat=None)
    return Golongan(
        scheme=GolonganScheme.PNS, rank=rank, ruang=ruang, pangkat=_PANGKAT[rank, ruang]
    )


def pangkat(number: str) -> str:
    """Pangkat (the rank title of a PNS golongan/ruang).

    >>> pangkat("III/a"), pangkat("IV/e")
    ('Penata Muda', 'Pembina Utama')

    Raises:
        ValidationError: as :func:`validate`.
        UnknownEntity: a PPPK golongan, which has no pangkat (code
            ``golongan.no_pangkat``).
    """
    rank, ruang = _check(number)
    if ruang is None:
        raise UnknownEntity(code="golongan.no_pangkat", params={"value": _roman(rank)})
    return _PANGKAT[rank, ruang]


def sort_key(number: str) -> tuple[int, int, int]:
    """Urutan golongan (sort key of a golongan: PNS first, then golongan, then ruang).

    >>> sort_key("III/d") < sort_key("IV/a") < sort_key("I")
    True

    Raises:
        ValidationError: as :func:`validate`.
    """
    return parse(number).sort_key()
