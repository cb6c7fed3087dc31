"""Strategies for identifiers and regions: region codes, regions, NIP, NIK, golongan."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Final

import hypothesis.strategies as st
from hypothesis import assume
from hypothesis.errors import InvalidArgument

from adminnet.ids._gender import Gender
from adminnet.ids.golongan import GolonganScheme
from adminnet.ids.nip import NipKind
from adminnet.model.region import Region
from adminnet.strategies._common import (
    add_years,
    as_pendulum,
    check_choice,
    check_date,
    check_strategy,
    day,
    or_default,
    pick,
    region_pool,
    today_ordinal,
)
from adminnet.time import DateLike

__all__ = ["golongan", "niks", "nip_for", "nips", "region_codes", "regions"]

_MIN_BIRTH: Final = _dt.date(1940, 1, 1).toordinal()
_FIRST_PPPK_YEAR: Final = 2014
_PPPK_CODES: Final = st.one_of(st.sampled_from((21, 24)), st.integers(13, 99))
_SERIALS: Final = st.integers(1, 999)
# Prefixes of pre-2009 NIPs (the first digits named the employing department).
_LEGACY_PREFIXES: Final = ("010", "050", "060", "080", "110", "120", "130", "131", "140", "150")
_PNS_GRADES: Final = (
    "I/a", "I/b", "I/c", "I/d",
    "II/a", "II/b", "II/c", "II/d",
    "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
)  # fmt: skip
_PPPK_GRADES: Final = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


def _check_level(level: object) -> int | None:
    if level is None:
        return None
    if type(level) is not int or level not in (1, 2, 3, 4):
        msg = f"level={level!r:.40} must be 1, 2, 3, 4 or None"
        raise InvalidArgument(msg)
    return level


def _one_level(level: int, as_of: str | None) -> st.SearchStrategy[Region]:
    return pick(functools.partial(region_pool, level, as_of))


def regions(
    *, level: int | None = None, as_of: DateLike | None = None
) -> st.SearchStrategy[Region]:
    """Wilayah (real regions from the Kemendagri registry, :mod:`adminnet.regions`).

    Draws a :class:`~adminnet.model.region.Region` of the registry valid ``as_of``
    (``None``: the current data), of one ``level`` (1 provinsi, 2 kabupaten/kota,
    3 kecamatan, 4 desa/kelurahan) or of any level, each level equally likely. Shrinks
    towards the first province code, ``11`` (Aceh). The registry loads on the first
    draw, never when the strategy is built.

    Raises:
        InvalidArgument: ``level`` is not 1-4 or ``None``; ``as_of`` is not a date.
    """
    lvl = _check_level(level)
    when = check_date(as_of, "as_of")
    iso = None if when is None else when.isoformat()
    levels = (1, 2, 3, 4) if lvl is None else (lvl,)
    return st.one_of(*(_one_level(n, iso) for n in levels))


def region_codes(
    *, level: int | None = None, as_of: DateLike | None = None
) -> st.SearchStrategy[str]:
    """Kode wilayah (dotted codes of real regions: ``"81.71"``, ``"81.71.01.1006"``).

    The codes of :func:`regions` with the same arguments.

    Raises:
        InvalidArgument: ``level`` is not 1-4 or ``None``; ``as_of`` is not a date.
    """
    return regions(level=level, as_of=as_of).map(lambda r: r.code)


def _month_index(d: _dt.date) -> int:
    return d.year * 12 + d.month - 1


def nip_for(
    draw: st.DrawFn,
    kind: NipKind,
    birth: _dt.date,
    gender: Gender,
    *,
    latest: int | None = None,
) -> str | None:
    """Draw an 18-digit NIP (PNS) or NI PPPK of a person, or ``None`` if impossible.

    The appointment is at least 18 years after ``birth`` (for PNS at most 17 years
    later: CPNS are appointed by the age of 35), not after today and not after the
    ordinal ``latest`` if given.
    """
    if birth.year < 1900:
        return None
    cap = today_ordinal() if latest is None else min(latest, today_ordinal())
    last = _dt.date.fromordinal(cap)
    g = "1" if gender is Gender.MALE else "2"
    born = f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
    if kind is NipKind.PPPK:
        first_year = max(birth.year + 18, _FIRST_PPPK_YEAR)
        if first_year > last.year:
            return None
        year = first_year + draw(st.integers(0, last.year - first_year))
        code = draw(_PPPK_CODES)
        return f"{born}{year:04d}{code:02d}{g}{draw(_SERIALS):03d}"
    adult = add_years(birth, 18)
    lo = _month_index(adult) + (0 if adult.day == 1 else 1)
    hi = min(_month_index(last), lo + 17 * 12)
    if lo > hi:
        return None
    year, month0 = divmod(lo + draw(st.integers(0, hi - lo)), 12)
    return f"{born}{year:04d}{month0 + 1:02d}{g}{draw(_SERIALS):03d}"


def _default_birth(draw: st.DrawFn, *, youngest_years: int) -> _dt.date:
    hi = today_ordinal() - youngest_years * 366
    return day(draw(st.integers(_MIN_BIRTH, hi)))


@st.composite
def _nips(
    draw: st.DrawFn,
    kinds: st.SearchStrategy[NipKind],
    birth_dates: st.SearchStrategy[_dt.date] | None,
    genders: st.SearchStrategy[Gender],
) -> str:
    kind = draw(kinds)
    if kind is NipKind.LEGACY:
        prefix = draw(st.sampled_from(_LEGACY_PREFIXES))
        return f"{prefix}{draw(st.integers(1, 999_999)):06d}"
    if birth_dates is None:
        birth = _default_birth(draw, youngest_years=20)
    else:
        birth = as_pendulum(draw(birth_dates), "birth_dates")
    gender = draw(genders)
    number = nip_for(draw, kind, birth, gender)
    assume(number is not None)  # only a user's birth date under 18 years ago gets here
    assert number is not None  # for mypy
    return number


def nips(
    *,
    kind: NipKind | str | None = None,
    birth_dates: st.SearchStrategy[_dt.date] | None = None,
    genders: st.SearchStrategy[Gender] | None = None,
) -> st.SearchStrategy[str]:
    """Nomor Induk Pegawai (valid NIPs, compact: ``"196503021990031002"``).

    ``kind``: ``"pns"`` (18-digit NIP), ``"pppk"`` (18-digit NI PPPK), ``"legacy"``
    (pre-2009 9-digit NIP) or ``None`` for any of them. The birth date and gender
    encoded are drawn from ``birth_dates`` (default: 1940 to 20 years ago) and
    ``genders``; the appointment (TMT CPNS month, or PPPK year from 2014) is at least
    18 years after birth and not after today, and a PNS is appointed by the age of 35.
    Birth dates less than 18 years ago admit no NIP and are rejected (use a strategy
    that rarely draws them). Shrinks towards a PNS NIP of a man appointed at 18.

    Raises:
        InvalidArgument: a ``kind`` that is not a NipKind; a non-strategy argument.
    """
    k = check_choice(kind, "kind", NipKind)
    check_strategy(birth_dates, "birth_dates")
    check_strategy(genders, "genders")
    kinds = st.sampled_from(list(NipKind)) if k is None else st.just(k)
    return _nips(kinds, birth_dates, or_default(genders, st.sampled_from(list(Gender))))


@st.composite
def _niks(
    draw: st.DrawFn,
    birth_dates: st.SearchStrategy[_dt.date] | None,
    genders: st.SearchStrategy[Gender],
    codes: st.SearchStrategy[str],
) -> str:
    now = today_ordinal()
    oldest = add_years(_dt.date.fromordinal(now), -99).toordinal()
    if birth_dates is None:
        birth = day(draw(st.integers(oldest, now)))
    else:
        birth = as_pendulum(draw(birth_dates), "birth_dates")
        assume(oldest <= birth.toordinal() <= now)
    gender = draw(genders)
    code = draw(codes).replace(".", "")
    if len(code) != 6 or not code.isdigit():
        msg = f"the region_codes strategy drew {code!r:.40}, not a kecamatan code"
        raise InvalidArgument(msg)
    dd = birth.day + (40 if gender is Gender.FEMALE else 0)
    serial = draw(st.integers(1, 9999))
    return f"{code}{dd:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def niks(
    *,
    birth_dates: st.SearchStrategy[_dt.date] | None = None,
    genders: st.SearchStrategy[Gender] | None = None,
    region_codes: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[str]:
    """Nomor Induk Kependudukan (valid 16-digit NIKs: ``"8171015603700002"``).

    The region part is a real kecamatan code (``region_codes``, default
    ``region_codes(level=3)``), the birth date is drawn from ``birth_dates`` (default:
    the last 99 years; others are rejected, since a two-digit year names its century
    only within 100 years), women have 40 added to the day, and the serial is
    0001-9999. :func:`adminnet.ids.nik.parse` gives the drawn birth date and gender back.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(birth_dates, "birth_dates")
    check_strategy(genders, "genders")
    check_strategy(region_codes, "region_codes")
    codes = region_codes if region_codes is not None else _region_codes_level3()
    return _niks(birth_dates, or_default(genders, st.sampled_from(list(Gender))), codes)


def _region_codes_level3() -> st.SearchStrategy[str]:
    return region_codes(level=3)


def golongan(*, scheme: GolonganScheme | str | None = None) -> st.SearchStrategy[str]:
    """Golongan/ruang (canonical pay grades: PNS ``"III/a"``, PPPK ``"IX"``).

    ``scheme``: ``"pns"``, ``"pppk"`` or ``None`` for either. Shrinks towards ``I/a``.

    Raises:
        InvalidArgument: a ``scheme`` that is not a GolonganScheme.
    """
    s = check_choice(scheme, "scheme", GolonganScheme)
    if s is GolonganScheme.PNS:
        return st.sampled_from(_PNS_GRADES)
    if s is GolonganScheme.PPPK:
        return st.sampled_from(_PPPK_GRADES)
    return st.sampled_from(_PNS_GRADES + _PPPK_GRADES)
