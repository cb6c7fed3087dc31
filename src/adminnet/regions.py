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

Dates. Every ``as_of`` takes a :class:`pendulum.Date`, a :class:`datetime.date` or an
ISO date string; ``None`` means the current data (today). A code's validity follows
the law, not the registers: a kabupaten moved by a UU belongs to its new code from the
day the UU is in force (the registers listed the old code for months or years after).
Levels 3-4 are known only as they are now: as of a past date, a kecamatan or
desa/kelurahan is returned when it exists today and its kabupaten/kota code was valid
then (with today's name); kecamatan and desa of a retired kabupaten code are not known.

Loading is lazy and thread-safe: ``import adminnet.regions`` reads no file; the first
call reads the data (about 2 MB) under a lock, and the search index is built on the
first :func:`search` or name :func:`lookup`.
"""

from __future__ import annotations

import heapq
import json
import re
import threading
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any, Final

import pendulum

from adminnet._validators import short
from adminnet.errors import AmbiguousName, InvalidComponent, InvalidFormat, UnknownEntity
from adminnet.model.region import Region, RegionKind, RegionName, _trusted_region
from adminnet.time import DateLike, PartialDate, Period, as_date

__all__ = [
    "all",
    "ancestors",
    "children",
    "get",
    "latest",
    "lookup",
    "names",
    "predecessors",
    "search",
    "successors",
]

_LEVEL_OF_LENGTH: Final = {2: 1, 4: 2, 6: 3, 10: 4}
_LENGTH_OF_LEVEL: Final = {1: 2, 2: 4, 3: 6, 4: 10}
_DOTTED_LENGTHS: Final = {5: 4, 8: 6, 13: 10}  # dotted length -> compact length
_DOTTED_LENGTH_OF: Final = {2: 2, 4: 5, 6: 8, 10: 13}  # compact length -> dotted length
_OPEN: Final = Period()
_VILLAGE_KINDS: Final = {
    "1": RegionKind.KELURAHAN,
    "2": RegionKind.DESA,
    "3": RegionKind.DESA_ADAT,
}


def _dotted(compact: str) -> str:
    n = len(compact)
    if n == 2:
        return compact
    if n == 4:
        return f"{compact[:2]}.{compact[2:]}"
    if n == 6:
        return f"{compact[:2]}.{compact[2:4]}.{compact[4:]}"
    return f"{compact[:2]}.{compact[2:4]}.{compact[4:6]}.{compact[6:]}"


def _compact_or_none(code: object) -> str | None:
    """The compact form of a well-shaped code string; ``None`` for another string.

    Raises:
        InvalidFormat: ``code`` is not a string.
    """
    if not isinstance(code, str):
        msg = f"region code must be a string (got {type(code).__name__})"
        raise InvalidFormat(msg, code="regions.invalid_type")
    text = code.strip()
    if not text.isascii():
        return None
    n = len(text)
    if n in _LEVEL_OF_LENGTH:
        return text if text.isdigit() else None
    if n in _DOTTED_LENGTHS:
        # Dots only between whole parts: "81.71" or "8171", never "817.1".
        compact = text.replace(".", "")
        if compact.isdigit() and len(compact) == _DOTTED_LENGTHS[n] and text == _dotted(compact):
            return compact
    return None


def _day(value: str | None) -> pendulum.Date | None:
    return None if value is None else as_date(value)


def _partial(day: pendulum.Date | None) -> PartialDate | None:
    return None if day is None else PartialDate(year=day.year, month=day.month, day=day.day)


class _History:
    """What is known about one level-1/2 code beyond the current data."""

    __slots__ = ("basis", "end", "kind", "name", "predecessors", "start", "successors", "valid")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.start: pendulum.Date | None = _day(raw.get("start"))
        self.end: pendulum.Date | None = _day(raw.get("end"))
        self.name: str | None = raw.get("name")
        kind = raw.get("kind")
        self.kind: RegionKind | None = None if kind is None else RegionKind(kind)
        self.successors: tuple[str, ...] = tuple(raw.get("successors", ()))
        self.predecessors: tuple[str, ...] = tuple(raw.get("predecessors", ()))
        self.basis: str | None = raw.get("basis")
        self.valid = Period(start=_partial(self.start), end=_partial(self.end))

    def contains(self, day: pendulum.Date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class _Data:
    """The loaded registry: the current data as two columns, and the history."""

    def __init__(self, text: str, meta: dict[str, Any]) -> None:
        lines = text.split("\n")
        header = lines[0].split()
        if header[:2] != ["adminnet-regions", "1"] or meta.get("format") != 1:
            msg = "unknown format of the region data file"
            raise InvalidFormat(msg, code="regions.data_format")
        per_level = [int(x) for x in header[2:6]]
        self.lines = lines
        self.n = n = sum(per_level)
        self.bounds: dict[int, tuple[int, int]] = {}
        lo = 1
        for length, count in zip((2, 4, 6, 10), per_level, strict=True):
            self.bounds[length] = (lo, lo + count)
            lo += count
        if len(lines) != 2 * n + 2:
            msg = "the region data file is truncated"
            raise InvalidFormat(msg, code="regions.data_format")
        # Row lookup without a binary search over all 91,599 codes: the rows of levels
        # 1-3 by code, and for each kecamatan the first row of its desa/kelurahan (plus
        # one past the last), so a level-4 code is searched among its ~11 siblings only.
        lo3, hi3 = self.bounds[6]
        lo4, hi4 = self.bounds[10]
        self.upper_rows: dict[str, int] = {lines[i]: i for i in range(1, hi3)}
        self.lo3 = lo3
        desa_start = array("l")
        first = lo4
        for i in range(lo3, hi3):
            first = bisect_left(lines, lines[i], first, hi4)
            desa_start.append(first)
        desa_start.append(hi4)
        self.desa_start = desa_start
        self.source: dict[str, Any] = meta["source"]
        self.kinds: dict[str, RegionKind] = {
            c.replace(".", ""): RegionKind(k) for c, k in meta["administrasi"].items()
        }
        self.distrik: frozenset[str] = frozenset(meta["distrik_provinces"])
        self.history: dict[str, _History] = {
            c.replace(".", ""): _History(raw) for c, raw in meta["codes"].items()
        }
        self.former: dict[str, tuple[RegionName, ...]] = {}
        for code, entries in meta["names"].items():
            self.former[code.replace(".", "")] = tuple(
                RegionName(
                    name=e["name"],
                    valid=Period(end=PartialDate.parse(e["end"])),
                    basis=e.get("basis"),
                )
                for e in entries
            )
        self.aliases: dict[str, tuple[str, ...]] = {
            c.replace(".", ""): tuple(e["alias"] for e in entries)
            for c, entries in meta["aliases"].items()
        }
        self.starts: dict[str, pendulum.Date] = {
            c: h.start for c, h in self.history.items() if h.start is not None
        }
        self.start_provinces = frozenset(c[:2] for c in self.starts)
        self.start_periods: dict[str, Period] = {
            c: Period(start=_partial(d)) for c, d in self.starts.items()
        }
        self.retired: dict[str, list[str]] = {}
        for c, h in sorted(self.history.items()):
            if h.end is not None:
                self.retired.setdefault(c[:-2], []).append(c)
        self.versions: dict[tuple[str, str], Region] = {}

    # -- rows -----------------------------------------------------------------------

    def row(self, compact: str) -> int:
        """Index of ``compact`` in ``lines``, or -1 if it is not a current code."""
        if len(compact) != 10:
            return self.upper_rows.get(compact, -1)
        return self.desa_row(compact)

    def desa_row(self, compact: str) -> int:
        """Index of a 10-character ``compact`` in ``lines``, or -1."""
        lines = self.lines
        k = self.upper_rows.get(compact[:6])
        if k is None:  # no such kecamatan: the whole level (the data has no such desa)
            bounds = self.bounds[10]
        else:
            j = k - self.lo3
            bounds = self.desa_start[j], self.desa_start[j + 1]
        lo, hi = bounds
        i = bisect_left(lines, compact, lo, hi)
        return i if i < hi and lines[i] == compact else -1

    def child_rows(self, compact: str) -> range:
        """Row indices of the current children of ``compact``."""
        length = len(compact)
        child = 10 if length == 6 else length + 2
        if child > 10:
            return range(0)
        lo, hi = self.bounds[child]
        first = bisect_left(self.lines, compact, lo, hi)
        last = bisect_left(self.lines, compact + ":", first, hi)  # ":" sorts after "9"
        return range(first, last)

    def kind_of(self, compact: str) -> RegionKind:
        n = len(compact)
        if n == 2:
            return RegionKind.PROVINSI
        if n == 4:
            kind = self.kinds.get(compact)
            if kind is not None:
                return kind
            return RegionKind.KOTA if compact[2] >= "7" else RegionKind.KABUPATEN
        if n == 6:
            return RegionKind.DISTRIK if compact[:2] in self.distrik else RegionKind.KECAMATAN
        return _VILLAGE_KINDS[compact[6]]

    def start_of(self, compact: str) -> str | None:
        """The key in ``starts`` of the latest start among ``compact`` and its ancestors."""
        if compact[:2] not in self.start_provinces:
            return None
        starts = self.starts
        best: str | None = None
        for key in (compact[:2], compact[:4]):
            if key in starts and (best is None or starts[key] > starts[best]):
                best = key
        return best

    def current(self, compact: str) -> Region | None:
        """The current region of a code (cached), or ``None``."""
        cached = _FAST.get(compact)
        if cached is not None:
            return cached
        i = self.row(compact)
        if i < 0:
            return None
        return self.make_current(compact, i)

    def make_current(self, compact: str, i: int) -> Region:
        """Build the current region of row ``i`` and cache it under both code forms."""
        if compact[:2] in self.start_provinces:
            start = self.start_of(compact)
            valid = _OPEN if start is None else self.start_periods[start]
        else:
            valid = _OPEN
        kind = _VILLAGE_KINDS[compact[6]] if len(compact) == 10 else self.kind_of(compact)
        dotted = _dotted(compact)
        region = _trusted_region(dotted, self.lines[i + self.n], kind, valid)
        # setdefault: of threads building the same region at once, the first one wins.
        region = _FAST.setdefault(compact, region)
        _FAST[dotted] = region
        return region

    def first_get(self, code: str) -> Region | None:
        """The current region of a code string that missed ``_FAST``, or ``None``.

        The path of a first :func:`get`, with the rules of :func:`_compact_or_none`
        checked the other way round: the string is looked up without its dots, and a
        hit is kept only if the string (stripped) was the compact or the dotted form.
        :meth:`row` and :meth:`make_current` are inlined: every step counts here.
        """
        text = code.strip()
        compact = text.replace(".", "")
        size = len(compact)
        lines = self.lines
        if size == 10:
            k = self.upper_rows.get(compact[:6])
            if k is None:
                i = self.desa_row(compact)
            else:
                j = k - self.lo3
                hi = self.desa_start[j + 1]
                i = bisect_left(lines, compact, self.desa_start[j], hi)
                if i == hi or lines[i] != compact:
                    return None
        else:
            i = self.upper_rows.get(compact, -1)
        if i < 0:  # a hit means ``compact`` is a code: ASCII digits
            return None
        if len(text) == size:
            dotted = _dotted(compact)
        elif (
            len(text) == _DOTTED_LENGTH_OF[size]
            and text[2] == "."
            and (size < 6 or text[5] == ".")
            and (size < 10 or text[8] == ".")
        ):
            dotted = text  # exactly the dots of the dotted form: "81.71", never "817.1"
        else:
            return None
        if compact[:2] in self.start_provinces:
            start = self.start_of(compact)
            valid = _OPEN if start is None else self.start_periods[start]
        else:
            valid = _OPEN
        kind = _VILLAGE_KINDS[compact[6]] if size == 10 else self.kind_of(compact)
        region = _trusted_region(dotted, lines[i + self.n], kind, valid)
        # setdefault: cached already (``code`` had blanks, or another thread was first)
        region = _FAST.setdefault(compact, region)
        _FAST[dotted] = region
        return region

    # -- dates ----------------------------------------------------------------------

    def valid_at(self, compact: str, day: pendulum.Date) -> bool:
        """Whether a current code (and its ancestors' codes) was valid on ``day``."""
        starts = self.starts
        return not (
            (compact[:2] in starts and day < starts[compact[:2]])
            or (len(compact) > 2 and compact[:4] in starts and day < starts[compact[:4]])
        )

    def name_at(self, compact: str, day: pendulum.Date, current: str) -> str:
        for former in self.former.get(compact, ()):
            end = former.valid.end
            if end is not None and day <= end.earliest:
                return former.name
        return current

    def version(self, compact: str, name: str) -> Region:
        """A past version of a current code (another name), cached."""
        key = (compact, name)
        region = self.versions.get(key)
        if region is None:
            base = self.current(compact)
            assert base is not None  # only called for current codes
            region = _trusted_region(base.code, name, base.kind, base.valid)
            self.versions[key] = region
        return region

    def retired_region(self, compact: str) -> Region:
        key = (compact, "")
        region = self.versions.get(key)
        if region is None:
            h = self.history[compact]
            assert h.name is not None  # retired codes have a name and a kind
            assert h.kind is not None
            region = _trusted_region(
                _dotted(compact), h.name, h.kind, h.valid, self.final_successors(compact)
            )
            self.versions[key] = region
        return region

    def at(self, compact: str, day: pendulum.Date) -> Region | None:
        """The region of a code on ``day``, or ``None``."""
        h = self.history.get(compact)
        if h is not None and h.end is not None:
            return self.retired_region(compact) if h.contains(day) else None
        region = self.current(compact)
        if region is None or not self.valid_at(compact, day):
            return None
        if compact in self.former:
            name = self.name_at(compact, day, region.name)
            if name != region.name:
                return self.version(compact, name)
        return region

    def final_successors(self, compact: str) -> tuple[str, ...]:
        """The current codes that replaced a retired code (following chains)."""
        out: list[str] = []
        for code in self.history[compact].successors:
            c = code.replace(".", "")
            h = self.history.get(c)
            if h is not None and h.end is not None:
                out.extend(self.final_successors(c))
            else:
                out.append(code)
        return tuple(dict.fromkeys(out))

    def resolve(self, compact: str, day: pendulum.Date | None) -> Region | None:
        """The region for ``as_of``; with ``None``, current or else its last version."""
        if day is not None:
            return self.at(compact, day)
        region = self.current(compact)
        if region is None and compact in self.history:
            region = self.retired_region(compact)
        return region

    def regions_at(self, lengths: Iterable[int], day: pendulum.Date | None) -> list[Region]:
        out: list[Region] = []
        lines = self.lines
        for length in lengths:
            lo, hi = self.bounds[length]
            if day is None:
                for i in range(lo, hi):
                    compact = lines[i]
                    region = _FAST.get(compact) or self.make_current(compact, i)
                    out.append(region)
                continue
            found: list[Region] = []
            for i in range(lo, hi):
                past = self.at(lines[i], day)
                if past is not None:
                    found.append(past)
            for c, h in self.history.items():
                if len(c) == length and h.end is not None and h.contains(day):
                    found.append(self.retired_region(c))
            found.sort(key=lambda r: r.code)
            out.extend(found)
        return out


_LOCK: Final = threading.Lock()
_DATA: _Data | None = None
_INDEX: _Index | None = None
# Current regions by the exact strings callers used (compact and dotted forms only).
_FAST: dict[str, Region] = {}


def _read_data() -> tuple[str, str]:
    """Read the shipped data files (the only I/O of this module)."""
    folder = resources.files("adminnet") / "data"
    text = (folder / "regions.txt").read_text(encoding="utf-8")
    meta = (folder / "regions.json").read_text(encoding="utf-8")
    return text, meta


def _data() -> _Data:
    data = _DATA
    if data is not None:
        return data
    return _load()


def _load() -> _Data:
    global _DATA  # the lazily loaded registry
    with _LOCK:
        if _DATA is None:
            text, meta = _read_data()
            _DATA = _Data(text, json.loads(meta))
        return _DATA


def _reset() -> None:
    """Forget the loaded data and indexes (for tests)."""
    global _DATA, _INDEX
    with _LOCK:
        _DATA = None
        _INDEX = None
        _FAST.clear()


def _as_of(as_of: DateLike | None) -> pendulum.Date | None:
    return None if as_of is None else as_date(as_of, what="as_of")


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
            region = (_DATA or _load()).first_get(code)
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


def _unknown_code(code: str, day: pendulum.Date | None) -> UnknownEntity:
    when = "" if day is None else f" as of {day.isoformat()}"
    msg = f"no region with code {short(code, 40)}{when}"
    return UnknownEntity(msg, code="regions.unknown_code")


def _require(code: str, day: pendulum.Date | None) -> tuple[_Data, str, Region]:
    compact = _compact_or_none(code)
    data = _data()
    region = None if compact is None else data.resolve(compact, day)
    if compact is None or region is None:
        raise _unknown_code(code, day)
    return data, compact, region


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
            (_FAST.get(child) or data.make_current(child, i))
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


def _length_of_level(level: object) -> int:
    if type(level) is not int or level not in _LENGTH_OF_LEVEL:
        msg = f"region level must be 1, 2, 3 or 4 (got {short(level, 40)})"
        raise InvalidComponent(msg, code="regions.invalid_level")
    return _LENGTH_OF_LEVEL[level]


# -- names and search -----------------------------------------------------------------

# Folding of names and queries. Works on a block of names joined by "\n" at once (the
# whole data in one pass when the index is built), or on one query.
_APOSTROPHES: Final = ("\u2018", "\u2019", "\u02bc")  # dropped, like "'" and "`"
_BYTE_TABLE: Final = bytes(b if chr(b).isalnum() or b in (10, 32) else 32 for b in range(256))
_COMBINING: Final = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+")
_SPACE_RUN: Final = re.compile(" {2,}")
_KEP: Final = (
    (" kep ", " kepulauan "),
    ("\nkep ", "\nkepulauan "),
    (" kep\n", " kepulauan\n"),
    ("\nkep\n", "\nkepulauan\n"),
)


def _fold_char(c: str) -> str:
    if c == "\n" or c.isalnum():
        return c
    return " "


def _normalize_block(block: str) -> str:
    """Fold case, accents and punctuation of names, one per line, all at once.

    Apostrophes vanish (``"Ma'u"`` -> ``"mau"``), other punctuation and spaces become
    one space, and the word ``kep`` reads ``kepulauan``.
    """
    for mark in _APOSTROPHES:
        if mark in block:
            block = block.replace(mark, "")
    if not block.isascii():
        block = _COMBINING.sub("", unicodedata.normalize("NFKD", block))
    if block.isascii():
        raw = block.encode("ascii").lower().translate(None, b"'`").translate(_BYTE_TABLE)
        block = raw.decode("ascii")
    else:
        block = block.replace("'", "").replace("`", "").lower()
        block = "".join(_fold_char(c) for c in block)
    if "  " in block:
        block = _SPACE_RUN.sub(" ", block)
    block = block.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    if "kep" in block:
        block = f"\n{block}\n"
        for old, new in _KEP:
            while old in block:
                block = block.replace(old, new)
        block = block[1:-1]
    return block


def _normalize(text: str) -> str:
    """Fold one name or query (see :func:`_normalize_block`)."""
    return _normalize_block(text.replace("\n", " ").replace("\r", " "))


_PREFIXES: Final = {
    "provinsi": (RegionKind.PROVINSI,),
    "prov": (RegionKind.PROVINSI,),
    "kabupaten administrasi": (RegionKind.KABUPATEN_ADMINISTRASI,),
    "kabupaten adm": (RegionKind.KABUPATEN_ADMINISTRASI,),
    "kab administrasi": (RegionKind.KABUPATEN_ADMINISTRASI,),
    "kab adm": (RegionKind.KABUPATEN_ADMINISTRASI,),
    "kota administrasi": (RegionKind.KOTA_ADMINISTRASI,),
    "kota adm": (RegionKind.KOTA_ADMINISTRASI,),
    "kabupaten": (RegionKind.KABUPATEN, RegionKind.KABUPATEN_ADMINISTRASI),
    "kab": (RegionKind.KABUPATEN, RegionKind.KABUPATEN_ADMINISTRASI),
    "kota": (RegionKind.KOTA, RegionKind.KOTA_ADMINISTRASI),
    "kecamatan": (RegionKind.KECAMATAN, RegionKind.DISTRIK),
    "kec": (RegionKind.KECAMATAN, RegionKind.DISTRIK),
    "distrik": (RegionKind.DISTRIK, RegionKind.KECAMATAN),
    "kelurahan": (RegionKind.KELURAHAN,),
    "kel": (RegionKind.KELURAHAN,),
    "desa adat": (RegionKind.DESA_ADAT,),
    "desa": (RegionKind.DESA, RegionKind.DESA_ADAT),
}
_PREFIX_RE: Final = re.compile("(" + "|".join(sorted(_PREFIXES, key=len, reverse=True)) + ") (.+)")
_ALPHABET: Final = "abcdefghijklmnopqrstuvwxyz0123456789 "


def _interpretations(text: str) -> list[tuple[str, tuple[RegionKind, ...] | None]]:
    """The query as written, and without a kind prefix (with the kinds it names)."""
    literal = _normalize(text)
    if not literal:
        return []
    out: list[tuple[str, tuple[RegionKind, ...] | None]] = [(literal, None)]
    m = _PREFIX_RE.match(literal)
    if m is not None:
        out.append((m.group(2), _PREFIXES[m.group(1)]))
    return out


_CHUNK: Final = 4096  # names folded at once when the index is built

# Extra index entries (ids >= n): what kind of name they are.
_ALIAS: Final = 0
_FORMER: Final = 1
_RETIRED: Final = 2


class _Index:
    """Search index over every name: current, former, retired and aliases.

    ``exact`` maps a folded name to its entry id, or a list of ids when several
    entries share it; ``tokens`` does the same for the second and later words.
    Entry ids below ``n`` are rows of the data; the others are ``extra`` entries.
    """

    def __init__(self, data: _Data) -> None:
        lines, n = data.lines, data.n
        extra: list[tuple[str, int, RegionName | None]] = []  # (compact, what, former)
        extra_names: list[str] = []
        for compact, aliases in sorted(data.aliases.items()):
            for alias in aliases:
                extra.append((compact, _ALIAS, None))
                extra_names.append(alias)
        for compact, former in sorted(data.former.items()):
            for name in former:
                extra.append((compact, _FORMER, name))
                extra_names.append(name.name)
        for compact, h in sorted(data.history.items()):
            if h.end is not None and h.name is not None:
                extra.append((compact, _RETIRED, None))
                extra_names.append(h.name)
        names = lines[n + 1 : 2 * n + 1] + extra_names
        norm_of: list[str] = []
        for start in range(0, len(names), _CHUNK):  # chunks: no big temporary strings
            block = "\n".join(names[start : start + _CHUNK])
            norm_of.extend(_normalize_block(block).split("\n"))
        del names
        exact: dict[str, int | list[int]] = {}
        tokens: dict[str, int | list[int]] = {}
        ids = list(range(len(norm_of)))  # one int object per entry, shared by both maps
        for i in ids:
            norm = norm_of[i]
            _add(exact, norm, i)
            if " " in norm:
                for token in norm.split(" ")[1:]:
                    _add(tokens, token, i)
        del ids
        for norm, entries in exact.items():  # share one string per distinct name
            if isinstance(entries, list):
                for i in entries:
                    norm_of[i] = norm
        # Sorted names and later words per level, for the prefix and word tiers. The
        # small levels 1-3 get their own lists (with the extra entries, all of levels
        # 1-2); level 4 uses the lists of every name, its entries filtered by level.
        small: dict[int, list[str]] = {2: [], 4: [], 6: []}
        for length in small:
            lo, hi = data.bounds[length]
            small[length].extend(norm_of[lo - 1 : hi - 1])
        for j, (compact, _, _) in enumerate(extra):
            small[len(compact)].append(norm_of[n + j])
        every_norm = sorted(exact)
        every_token = sorted(tokens)
        # A query longer than this plus one is no typo away from any name (tier 3).
        self.longest = max(map(len, every_norm), default=0)
        self.level_norms = {length: sorted(set(v)) for length, v in small.items()}
        self.level_norms[10] = every_norm
        self.level_tokens = {
            length: sorted({t for norm in v for t in norm.split(" ")[1:]})
            for length, v in small.items()
        }
        self.level_tokens[10] = every_token
        self.n = n
        self.lines = lines
        self.norm_of = norm_of
        self.extra = extra
        self.exact = exact
        self.tokens = tokens

    def compact_of(self, entry: int) -> str:
        if entry < self.n:
            return self.lines[entry + 1]
        return self.extra[entry - self.n][0]

    def tier(
        self, tier: int, query: str, length: int, variants: set[str] | None = None
    ) -> Iterator[int]:
        """Entry ids of one level matching ``query`` at one tier.

        Tiers: 0 exact name, 1 name starting with the query, 2 a later word starting
        with it (or containing the query from a word on), 3 one edit away (``variants``).
        """
        compact_of = self.compact_of
        if tier == 0:
            for entry in _ids(self.exact.get(query)):
                if len(compact_of(entry)) == length:
                    yield entry
        elif tier == 1:
            norms = self.level_norms[length]
            i = bisect_left(norms, query)
            end = bisect_left(norms, query + "\uffff", i)
            exact = self.exact
            for norm in norms[i:end]:
                for entry in _ids(exact[norm]):
                    if len(compact_of(entry)) == length:
                        yield entry
        elif tier == 2:
            for entry in self._words(query, length):
                if len(compact_of(entry)) == length:
                    yield entry
        elif variants:
            exact = self.exact
            for variant in variants:
                for entry in _ids(exact.get(variant)):
                    if len(compact_of(entry)) == length:
                        yield entry

    def _words(self, query: str, length: int) -> Iterator[int]:
        parts = query.split(" ")
        tokens = self.tokens
        if len(parts) == 1:
            toks = self.level_tokens[length]
            i = bisect_left(toks, query)
            end = bisect_left(toks, query + "\uffff", i)
            for token in toks[i:end]:
                yield from _ids(tokens[token])
            return
        needle = " " + query
        norm_of = self.norm_of
        for entry in _ids(tokens.get(parts[0])):
            if needle in " " + norm_of[entry]:
                yield entry


def _add(table: dict[str, int | list[int]], key: str, entry: int) -> None:
    """Add ``entry`` under ``key``: a bare int for the first, a list from the second."""
    old = table.get(key)
    if old is None:
        table[key] = entry
    elif isinstance(old, int):
        table[key] = [old, entry]
    else:
        old.append(entry)


def _ids(value: int | list[int] | None) -> tuple[int, ...] | list[int]:
    if value is None:
        return ()
    if isinstance(value, int):
        return (value,)
    return value


def _edits1(word: str) -> set[str]:
    """Every string one edit (delete, transpose, replace, insert) away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _ALPHABET)
    out.update(a + c + b for a, b in splits for c in _ALPHABET)
    out.discard(word)
    return {" ".join(v.split()) for v in out}


def _index() -> tuple[_Data, _Index]:
    global _INDEX  # the lazily built index
    data = _data()
    index = _INDEX
    if index is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = _Index(data)
            index = _INDEX
    return data, index


def _entry_ok(data: _Data, index: _Index, entry: int, day: pendulum.Date | None) -> bool:
    """Whether an index entry's name belongs to a region valid on ``day`` (``None``: now)."""
    if entry < index.n:
        if day is None:
            return True
        compact = data.lines[entry + 1]
        if not data.valid_at(compact, day):
            return False
        # The current name must itself be in force then (not a later rename).
        current = data.lines[entry + 1 + data.n]
        return compact not in data.former or data.name_at(compact, day, current) == current
    compact, what, former = index.extra[entry - index.n]
    if what == _ALIAS:
        return day is None or data.at(compact, day) is not None
    if day is None:
        return False
    if what == _FORMER:
        assert former is not None  # former entries carry their name
        region = data.at(compact, day)
        return region is not None and region.name == former.name
    return data.history[compact].contains(day)


def _entry_kind(data: _Data, index: _Index, entry: int) -> RegionKind:
    if entry >= index.n:
        compact, what, _ = index.extra[entry - index.n]
        if what == _RETIRED:
            kind = data.history[compact].kind
            assert kind is not None  # retired codes have a kind
            return kind
        return data.kind_of(compact)
    return data.kind_of(data.lines[entry + 1])


def _entry_region(
    data: _Data, index: _Index, entry: int, day: pendulum.Date | None
) -> Region | None:
    """The region an index entry names on ``day`` (``None``: current), if valid then."""
    if not _entry_ok(data, index, entry, day):
        return None
    return data.resolve(index.compact_of(entry), day)


_KIND_LENGTH: Final = {
    RegionKind.PROVINSI: 2,
    RegionKind.KABUPATEN: 4,
    RegionKind.KOTA: 4,
    RegionKind.KABUPATEN_ADMINISTRASI: 4,
    RegionKind.KOTA_ADMINISTRASI: 4,
    RegionKind.KECAMATAN: 6,
    RegionKind.DISTRIK: 6,
    RegionKind.KELURAHAN: 10,
    RegionKind.DESA: 10,
    RegionKind.DESA_ADAT: 10,
}


def _miss_floor(kinds: tuple[RegionKind, ...] | None, length: int) -> int:
    """0 if a region of this level can have one of ``kinds`` (or any kind is fine)."""
    if kinds is None or any(_KIND_LENGTH[k] == length for k in kinds):
        return 0
    return 1


def _check_search_args(text: object, level: object, within: object, limit: object) -> None:
    if not isinstance(text, str):
        msg = f"region search text must be a string (got {type(text).__name__})"
        raise InvalidFormat(msg, code="regions.invalid_type")
    if level is not None:
        _length_of_level(level)
    if within is not None and not isinstance(within, str):
        msg = f"within must be a region code string (got {type(within).__name__})"
        raise InvalidFormat(msg, code="regions.invalid_type")
    if type(limit) is not int or limit < 0:
        msg = f"limit must be a non-negative int (got {short(limit, 40)})"
        raise InvalidComponent(msg, code="regions.invalid_limit")


def search(
    text: str,
    *,
    level: int | None = None,
    within: str | None = None,
    limit: int = 10,
    as_of: DateLike | None = None,
) -> list[Region]:
    """Cari wilayah (regions whose name fits ``text``, best first).

    Ranking: exact name, then name starting with the text, then a word of the name
    starting with it, then names one typo away; ties go to the larger region (lower
    level), then the lower code. Case, accents, punctuation and a kind in front are
    ignored (``"Prov."``, ``"Kabupaten"``, ``"Kab."``, ``"Kota"``, ``"Kota Adm."``,
    ``"Kec."``, ``"Desa"``...; ``"Kep."`` reads ``Kepulauan``), but a kind in front
    ranks the regions of that kind first. Every region with the name is returned:
    ``"bogor"`` gives both Kabupaten and Kota Bogor.

    >>> [r.official_name for r in search("kab. bogor", limit=2)]
    ['Kabupaten Bogor', 'Kota Bogor']
    >>> search("ambonn")[0].official_name
    'Kota Ambon'
    >>> [r.code for r in search("seribu", within="31", level=2)]
    ['31.01']

    Args:
        text: What to look for.
        level: Only regions of this level (1-4).
        within: Only regions under this code (dotted or compact), its descendants.
        limit: At most this many results.
        as_of: Names and regions valid on this date; ``None``: the current ones.

    Raises:
        InvalidFormat: ``text`` or ``within`` is not a string, ``as_of`` not a date.
        InvalidComponent: ``level`` is not 1-4, or ``limit`` is negative.
    """
    _check_search_args(text, level, within, limit)
    day = _as_of(as_of)
    prefix = ""
    if within is not None:
        prefix_or_none = _compact_or_none(within)
        if prefix_or_none is None:
            return []
        prefix = prefix_or_none
    length = None if level is None else _LENGTH_OF_LEVEL[level]
    queries = _interpretations(text)
    if not queries or limit == 0:
        return []
    data, index = _index()
    # Rank first, build regions last: only the top ``limit`` become Region objects.
    # Within a tier, keys order by (kind missed, level, code): a level is scanned only
    # while it can still place a region in the top ``limit``.
    lengths = (2, 4, 6, 10) if length is None else (length,)
    best: dict[str, tuple[int, int, int, str]] = {}
    variants: dict[str, set[str]] = {}
    for tier in range(4):
        scans = sorted(
            (
                (tier, _miss_floor(kinds, size), size, ""),
                query,
                kinds,
            )
            for query, kinds in queries
            for size in lengths
        )
        for bound, query, kinds in scans:
            if sum(1 for key in best.values() if key < bound) >= limit:
                continue
            if tier == 3 and query not in variants:
                # Only a query of a name's length, give or take one, can be one typo
                # away; longer ones skip building the ~50n variants (memory ~ n**2).
                near = _edits1(query) if 4 <= len(query) <= index.longest + 1 else set()
                variants[query] = {v for v in near if v in index.exact}
            for entry in index.tier(tier, query, bound[2], variants.get(query)):
                compact = index.compact_of(entry)
                if prefix and (compact == prefix or not compact.startswith(prefix)):
                    continue
                previous = best.get(compact)
                if previous is not None and previous[0] < tier:
                    continue
                if not _entry_ok(data, index, entry, day):
                    continue
                miss = 0 if kinds is None or _entry_kind(data, index, entry) in kinds else 1
                key = (tier, miss, len(compact), compact)
                if previous is None or key < previous:
                    best[compact] = key
        if len(best) >= limit:
            break
    out: list[Region] = []
    for key in heapq.nsmallest(limit, best.values()):
        region = data.resolve(key[3], day)
        assert region is not None  # checked by _entry_ok
        out.append(region)
    return out


def lookup(code_or_name: str, *, as_of: DateLike | None = None, level: int | None = None) -> Region:
    """Cari satu wilayah (the region with this code or this exact name).

    A code may be dotted or compact. A name matches exactly after folding case,
    accents and punctuation, bare (``"Ambon"``) or official (``"Kota Ambon"``,
    ``"Kab. Bogor"``); a kind in front keeps only regions of that kind.

    >>> lookup("Kota Ambon").code, lookup("8171").name
    ('81.71', 'Ambon')
    >>> lookup("Bogor", level=2)
    Traceback (most recent call last):
    adminnet.errors.AmbiguousName: region name 'Bogor' fits 2 regions: 32.01, 32.71
    >>> lookup("Toba Samosir", as_of="2019-01-01").code
    '12.12'

    Raises:
        UnknownEntity: no region has this code or name (valid ``as_of``).
        AmbiguousName: several regions have this name; ``candidates`` lists their codes.
        InvalidFormat: ``code_or_name`` is not a string, ``as_of`` is not a date.
        InvalidComponent: ``level`` is not 1-4.
    """
    obj: object = code_or_name
    if not isinstance(obj, str):
        msg = f"region code or name must be a string (got {type(obj).__name__})"
        raise InvalidFormat(msg, code="regions.invalid_type")
    length = None if level is None else _length_of_level(level)
    day = _as_of(as_of)
    compact = _compact_or_none(code_or_name)
    if compact is not None:
        region = _data().resolve(compact, day) if day is not None else _data().current(compact)
        if region is None or (length is not None and len(compact) != length):
            raise _unknown_code(code_or_name, day)
        return region
    data, index = _index()
    matches: dict[str, Region] = {}
    sizes = (2, 4, 6, 10) if length is None else (length,)
    for query, kinds in _interpretations(code_or_name):
        for size in sizes:
            for entry in index.tier(0, query, size):
                region = _entry_region(data, index, entry, day)
                if region is not None and (kinds is None or region.kind in kinds):
                    matches[region.code] = region
    if len(matches) == 1:
        return next(iter(matches.values()))
    when = "" if day is None else f" as of {day.isoformat()}"
    if not matches:
        msg = f"no region named {short(code_or_name, 60)}{when}"
        raise UnknownEntity(msg, code="regions.unknown_name")
    codes = sorted(matches, key=lambda c: (len(c), c))
    msg = (
        f"region name {short(code_or_name, 60)} fits {len(codes)} regions{when}: {', '.join(codes)}"
    )
    raise AmbiguousName(msg, candidates=codes, code="regions.ambiguous_name")
