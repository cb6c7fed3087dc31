"""Daftar wilayah (the registry of Indonesian administrative regions, with code history).

All four levels of Kepmendagri 300.2.2-2138/2025 (38 provinsi, 416 kabupaten, 98 kota,
7,285 kecamatan, 83,762 desa/kelurahan) and the code history of levels 1-2 since
Permendagri 56/2015: the 2022 Papua split (UU 14/2022, 15/2022, 16/2022 and 29/2022
moved 26 kabupaten/kota to the four new provinces, e.g. Kabupaten Sorong 92.01 ->
96.01) and the renames (PP 61/2017, 2/2019, 14/2020). Sources and licences:
``adminnet/data/SOURCES.md``.

>>> from adminnet import regions
>>> ambon = regions.get("81.71")
>>> ambon.official_name, regions.get(ambon.parent_code).name, ambon.timezone
('Kota Ambon', 'Maluku', 'Asia/Jayapura')
>>> [r.official_name for r in regions.search("bogor", level=2)]
['Kabupaten Bogor', 'Kota Bogor']
>>> sorong = regions.get("92.01", as_of="2020-01-01")
>>> sorong.official_name, regions.get(sorong.parent_code, as_of="2020-01-01").name
('Kabupaten Sorong', 'Papua Barat')
>>> regions.successors("92.01"), str(sorong.valid)
(('96.01',), '../2022-12-07')
>>> regions.lookup("Kota Adm. Jakarta Pusat").code
'31.71'
>>> [(m.region.official_name, m.how) for m in regions.match("Jabar", limit=1)]
[('Provinsi Jawa Barat', 'abbreviation')]

Dates. Every ``as_of`` takes a :class:`pendulum.Date`, a :class:`datetime.date` or an
ISO date string; ``None`` means the current data (today). A code's validity follows
the law, not the registers: a kabupaten moved by a UU belongs to its new code from the
day the UU is in force (the registers listed the old code for months or years after).
Levels 3-4 are known only as they are now: as of a past date, a kecamatan or
desa/kelurahan is returned when it exists today and its kabupaten/kota code was valid
then (with today's name); kecamatan and desa of a retired kabupaten code are not known.

Printed mentions. :func:`match` says how a mention matched and how well (a
:class:`RegionMatch`), :func:`search` gives the same ranking as regions, and
:func:`lookup` answers only when one region clearly fits. Abbreviations and
informal names (``Kalteng``, ``Jabar``, ``NTT``, ``Lamsel``, ``Tubaba``,
``Siantar``) are cited data (``scripts/sources/region_aliases.toml``).

Structure: ``_registry`` (the loaded data: rows, dates, history), ``_index`` (the
one index of names; folding by :mod:`adminnet.text.folding`), ``_search`` (match,
search, lookup, holders); this module holds the code look-ups.

Loading is lazy and thread-safe: ``import adminnet.regions`` reads no file; the first
call reads the data (about 2 MB) under a lock, and the search index is built on the
first :func:`search` or name :func:`lookup`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

from adminnet.model.region import Region, RegionName
from adminnet.regions import _index, _registry, _search  # noqa: F401  (tests patch them)
from adminnet.regions import _registry as _reg
from adminnet.regions._registry import (
    _as_of,
    _compact_or_none,
    _data,
    _length_of_level,
    _partial,
    _require,
)
from adminnet.regions._registry import (
    _dotted as _dotted,  # for tests and benchmarks
)
from adminnet.regions._search import RegionMatch, holders, lookup, match, search
from adminnet.time import DateLike, Period, as_date

if TYPE_CHECKING:
    import pendulum
    import pyarrow as pa

__all__ = [
    "RegionMatch",
    "all",
    "ancestors",
    "children",
    "get",
    "holders",
    "latest",
    "lookup",
    "match",
    "names",
    "predecessors",
    "search",
    "successors",
    "table",
]


# Bound by assignment, not imported: the compiler calls a method of an imported name
# through the slower LOAD_ATTR (it takes imported names for modules); get() is hot.
_FAST: Final = _registry._FAST


def _reset() -> None:
    """Forget the loaded data and the index (for tests)."""
    _registry._reset()
    _index._reset()
    _table_of.cache_clear()


# -- public lookups -------------------------------------------------------------------


def get(
    code: str, *, as_of: DateLike | None = None, default: Region | None = None
) -> Region | None:
    """Wilayah menurut kode (the region with this Kemendagri code, or ``default``).

    Accepts the dotted (``"81.71"``) or compact (``"8171"``) code. Any string that is
    not a code of a region valid ``as_of`` gives ``default``; only a non-string is an
    error.

    >>> get("8171").name, get("81.71.01").kind.label
    ('Ambon', 'Kecamatan')
    >>> get("93.01", as_of="2020-01-01") is None   # Papua Selatan was formed in 2022
    True

    Raises:
        InvalidFormat: ``code`` is not a string, or ``as_of`` is not a date.
    """
    if as_of is None and type(code) is str:
        region = _FAST.get(code)
        if region is None:
            region = (_reg._DATA or _reg._load()).first_get(code)
        return default if region is None else region
    compact = _compact_or_none(code)
    data = _data()
    if compact is None:
        return default
    if as_of is None:
        region = data.current(compact)
    else:
        region = data.at(compact, as_date(as_of, what="as_of"))
    return default if region is None else region


def latest(code: str, *, default: Region | None = None) -> Region | None:
    """Wilayah terakhir (the current region of a code, or its last version if retired).

    >>> r = latest("91.01")
    >>> r.official_name, str(r.valid), r.successors
    ('Kabupaten Merauke', '../2022-07-24', ('93.01',))

    Raises:
        InvalidFormat: ``code`` is not a string.
    """
    compact = _compact_or_none(code)
    data = _data()
    if compact is None:
        return default
    region = data.resolve(compact, None)
    return default if region is None else region


def children(code: str, *, as_of: DateLike | None = None) -> tuple[Region, ...]:
    """Wilayah bawahan (the regions directly under a region, valid ``as_of``).

    >>> [r.name for r in children("92", as_of="2020-01-01")][:3]
    ['Sorong', 'Manokwari', 'Fak Fak']
    >>> len(children("92")), len(children("96"))
    (7, 6)

    Raises:
        UnknownEntity: no region with this code (valid ``as_of``).
        InvalidFormat: ``code`` is not a string, or ``as_of`` is not a date.
    """
    day = _as_of(as_of)
    data, compact, _ = _require(code, day)
    out: list[Region] = []
    lines = data.lines
    for i in data.child_rows(compact):
        child = lines[i]
        region = (
            (_FAST.get(child) or data.make_current(child, lines[i + data.n]))
            if day is None
            else data.at(child, day)
        )
        if region is not None:
            out.append(region)
    if day is not None:
        out.extend(
            data.retired_region(c)
            for c in data.retired.get(compact, ())
            if data.history[c].contains(day)
        )
        out.sort(key=lambda r: r.code)
    return tuple(out)


def ancestors(code: str, *, as_of: DateLike | None = None) -> tuple[Region, ...]:
    """Wilayah induk (the province, kabupaten/kota, ... above a region, top first).

    With ``as_of=None`` a retired code's ancestors are those of its last valid day.

    >>> [r.official_name for r in ancestors("81.71.01.1006")]
    ['Provinsi Maluku', 'Kota Ambon', 'Kecamatan Nusaniwe']
    >>> [r.name for r in ancestors("92.01")]
    ['Papua Barat']

    Raises:
        UnknownEntity: no region with this code (valid ``as_of``).
        InvalidFormat: ``code`` is not a string, or ``as_of`` is not a date.
    """
    day = _as_of(as_of)
    data, compact, region = _require(code, day)
    if day is None and region.valid.end is not None:
        day = region.valid.end.earliest
    out: list[Region] = []
    for length in (2, 4, 6):
        if length < len(compact):
            parent = data.resolve(compact[:length], day)
            if parent is not None:
                out.append(parent)
    return tuple(out)


def successors(old_code: str) -> tuple[str, ...]:
    """Kode pengganti (the current codes that replaced a retired code; ``()`` if current).

    >>> successors("92.01"), successors("96.01")
    (('96.01',), ())

    Raises:
        UnknownEntity: the code was never a region code in the data.
        InvalidFormat: ``old_code`` is not a string.
    """
    return _require(old_code, None)[2].successors


def predecessors(code: str) -> tuple[str, ...]:
    """Kode lama (the retired codes a code replaced, since 2015; ``()`` if none).

    >>> predecessors("96.01"), predecessors("81.71")
    (('92.01',), ())

    Raises:
        UnknownEntity: the code was never a region code in the data.
        InvalidFormat: ``code`` is not a string.
    """
    data, compact, _ = _require(code, None)
    h = data.history.get(compact)
    return () if h is None else h.predecessors


def names(code: str) -> tuple[RegionName, ...]:
    """Riwayat nama (the dated names of a code, oldest first).

    >>> [(n.name, str(n.valid)) for n in names("76.01")]
    [('Mamuju Utara', '../2017-12-27'), ('Pasangkayu', '2017-12-28/..')]

    Raises:
        UnknownEntity: the code was never a region code in the data.
        InvalidFormat: ``code`` is not a string.
    """
    data, compact, region = _require(code, None)
    former = data.former.get(compact, ())
    if not former:
        return (RegionName(name=region.name, valid=region.valid),)
    last = former[-1]
    assert last.valid.end is not None  # former names always end
    start = last.valid.end.latest.add(days=1)
    current = RegionName(name=region.name, valid=Period(start=_partial(start)), basis=last.basis)
    return (*former, current)


def all(  # pycountry-style registry API
    *, level: int | None = None, as_of: DateLike | None = None
) -> tuple[Region, ...]:
    """Semua wilayah (every region valid ``as_of``, by level then code).

    >>> len(all(level=1)), len(all(level=1, as_of="2020-01-01"))
    (38, 34)

    Raises:
        InvalidComponent: ``level`` is not 1, 2, 3, 4 or ``None``.
        InvalidFormat: ``as_of`` is not a date.
    """
    lengths = (2, 4, 6, 10) if level is None else (_length_of_level(level),)
    day = _as_of(as_of)
    return tuple(_data().regions_at(lengths, day))


def table(*, as_of: DateLike | None = None, level: int | None = None) -> pa.Table:
    """Tabel wilayah (every region valid ``as_of`` as one Arrow table, for joins).

    One row per region of :func:`all` (by level, then code): ``code``, ``level``,
    ``name``, ``official_name``, ``parent_code``, ``province_code``, ``kind``,
    ``autonomous``, ``timezone``, ``iso_3166_2``, ``valid_start``, ``valid_end`` (date32)
    and ``successors``; level, kind and time zone dictionary-encoded. Needs the
    optional extra ``arrow`` (pyarrow).

    The table of a day and level is built once (about 0.7 s for all 91,599 rows) and
    then shared: Arrow tables are immutable.

    >>> t = table(level=2)
    >>> t.num_rows, t.schema.field("valid_end").type
    (514, DataType(date32[day]))

    Raises:
        InvalidComponent: ``level`` is not 1, 2, 3, 4 or ``None``.
        InvalidFormat: ``as_of`` is not a date.
        ModuleNotFoundError: pyarrow is not installed.
    """
    if level is not None:
        _length_of_level(level)  # refuse a bad level before importing pyarrow
    return _table_of(_as_of(as_of), level)


@functools.lru_cache(maxsize=4)
def _table_of(day: pendulum.Date | None, level: int | None) -> pa.Table:
    """The (immutable) table of one day and level, built once: about 0.7 s for all."""
    from adminnet.regions._table import regions_table

    lengths = (2, 4, 6, 10) if level is None else (_length_of_level(level),)
    return regions_table(tuple(_data().regions_at(lengths, day)))
