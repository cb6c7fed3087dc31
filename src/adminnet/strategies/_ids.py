"""Strategies for identifiers and regions: region codes, regions, NIP, NIK, golongan."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable
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
    draw_birth,
    or_default,
    pick,
    region_pool,
    today_ordinal,
)
from adminnet.time import DateLike

__all__ = [
    "RETIREMENT_AGES",
    "golongan",
    "make_nip",
    "niks",
    "nip_for",
    "nips",
    "region_codes",
    "regions",
]

_FIRST_PPPK_YEAR: Final = 2014
# ASN age limits (docs/testing.md, "Realism"): a CPNS applies at 18 to 35 (PP 11/2017
# art. 23), 40 for the posts of Keppres 17/2019; a PPPK at 20 to one year before the
# retirement age of the post (PP 49/2018 art. 16); retirement (batas usia pensiun) at
# 58, 60 or 65 by post (UU 5/2014 art. 90, PP 11/2017 art. 239, kept by UU 20/2023).
_CPNS_MAX_AGES: Final = (35, 35, 35, 40)
_PPPK_MIN_AGE: Final = 20
RETIREMENT_AGES: Final = (58, 58, 60, 65)
"""Batas usia pensiun PNS by post (58 twice: the most common), in years."""
_PPPK_COMMON: Final = (21, 24)  # NI PPPK digits 13-14 most seen
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

    See :func:`make_nip`; every choice is a Hypothesis draw (shrinking to the first).
    """
    return make_nip(lambda lo, hi: draw(st.integers(lo, hi)), kind, birth, gender, latest=latest)


def make_nip(
    pick: Callable[[int, int], int],
    kind: NipKind,
    birth: _dt.date,
    gender: Gender,
    *,
    latest: int | None = None,
) -> str | None:
    """An 18-digit NIP (PNS) or NI PPPK of a person, or ``None`` if impossible.

    ``pick(lo, hi)`` makes each choice (an int from ``lo`` to ``hi``): a Hypothesis
    draw for the strategies, a seeded random number for the synthetic generator.
    A PNS's TMT CPNS falls at the age of 18 to 35 (40 for some posts); a PPPK's
    appointment year at 20 up to one year before the retirement age of a post (58,
    60 or 65); never after today nor after the ordinal ``latest`` if given.
    """
    if birth.year < 1900:
        return None
    cap = today_ordinal() if latest is None else min(latest, today_ordinal())
    last = _dt.date.fromordinal(cap)
    g = "1" if gender is Gender.MALE else "2"
    born = f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
    if kind is NipKind.PPPK:
        first_year = max(birth.year + _PPPK_MIN_AGE, _FIRST_PPPK_YEAR)
        retirement = RETIREMENT_AGES[pick(0, len(RETIREMENT_AGES) - 1)]
        last_year = min(last.year, birth.year + retirement - 1)
        if first_year > last_year:
            return None
        year = first_year + pick(0, last_year - first_year)
        code = _PPPK_COMMON[pick(0, 1)] if pick(0, 1) == 0 else pick(13, 99)
        return f"{born}{year:04d}{code:02d}{g}{pick(1, 999):03d}"
    adult = add_years(birth, 18)
    lo = _month_index(adult) + (0 if adult.day == 1 else 1)
    oldest = _CPNS_MAX_AGES[pick(0, len(_CPNS_MAX_AGES) - 1)]
    hi = min(_month_index(last), lo + (oldest - 18) * 12)
    if lo > hi:
        return None
    year, month0 = divmod(lo + pick(0, hi - lo), 12)
    return f"{born}{year:04d}{month0 + 1:02d}{g}{pick(1, 999):03d}"


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
        birth = draw_birth(draw)
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
    encoded are drawn from ``birth_dates`` (default: 1945 to 20 years ago, the years
    about equally likely) and ``genders``; the appointment (TMT CPNS month, or PPPK
    year from 2014) is not after today and within the ASN age limits: a CPNS at 18 to
    35 (40 for some posts), a PPPK at 20 to one year before the retirement age of a
    post (58, 60 or 65). Birth dates that admit no NIP (under 18 years ago, or a PPPK
    too old since 2014) are rejected (use a strategy that rarely draws them). Shrinks
    towards a PNS NIP of a man appointed at 18.

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
        birth = draw_birth(draw, youngest=0, oldest=99)
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
