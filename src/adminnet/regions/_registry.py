"""Daten wilayah (the loaded region registry: rows, dates and history; private).

The shipped data (``adminnet/data/regions.txt`` and ``regions.json``) is read once,
under a lock, on first use; :class:`_Data` answers every question about codes and
dates. The public functions live in :mod:`adminnet.regions`.
"""

from __future__ import annotations

import json
import threading
from bisect import bisect_left
from collections.abc import Iterable
from importlib import resources
from itertools import islice
from typing import Any, Final

import pendulum

from adminnet._validators import short
from adminnet.errors import InvalidComponent, InvalidFormat, UnknownEntity
from adminnet.ids.region_code import dotted
from adminnet.model.region import Region, RegionKind, RegionName, _trusted_region
from adminnet.time import DateLike, PartialDate, Period, as_date

_LEVEL_OF_LENGTH: Final = {2: 1, 4: 2, 6: 3, 10: 4}
_LENGTH_OF_LEVEL: Final = {1: 2, 2: 4, 3: 6, 4: 10}
_DOTTED_LENGTHS: Final = {5: 4, 8: 6, 13: 10}  # dotted length -> compact length
_DOTTED_LENGTH_OF: Final = {2: 2, 4: 5, 6: 8, 10: 13}  # compact length -> dotted length
_OPEN: Final = Period()
_dotted: Final = dotted  # the one owner of the dotted layout: ids.region_code
_VILLAGE_KINDS: Final = {
    "1": RegionKind.KELURAHAN,
    "2": RegionKind.DESA,
    "3": RegionKind.DESA_ADAT,
}


def _compact_or_none(code: object) -> str | None:
    """The compact form of a well-shaped code string; ``None`` for another string.

    Raises:
        InvalidFormat: ``code`` is not a string.
    """
    if not isinstance(code, str):
        params = {"type": type(code).__name__}
        raise InvalidFormat(code="regions.invalid_type", variant="code", params=params)
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
            raise InvalidFormat(code="regions.data_format", params={"value": "regions.txt"})
        per_level = [int(x) for x in header[2:6]]
        self.lines = lines
        self.n = n = sum(per_level)
        self.bounds: dict[int, tuple[int, int]] = {}
        lo = 1
        for length, count in zip((2, 4, 6, 10), per_level, strict=True):
            self.bounds[length] = (lo, lo + count)
            lo += count
        if len(lines) != 2 * n + 2:
            raise InvalidFormat(
                code="regions.data_format", variant="truncated", params={"value": "regions.txt"}
            )
        # The name of each current code, for the first ``get`` of a code: one hash
        # look-up (a kecamatan look-up and a bisect among its desa took 1.6 times as
        # long, most of it waiting for memory). Built in C, without temporary lists
        # (islice: their memory would stay with the process). Two dicts, levels 1-3
        # and level 4: one for all 91,599 codes would take the next table size
        # (2**18 slots, 1.9 MB more). The 2 MB they take are paid back by the index
        # (its entries are these code strings, not int objects).
        lo4, hi4 = self.bounds[10]
        self.upper_names: dict[str, str] = dict(
            zip(islice(lines, 1, lo4), islice(lines, n + 1, n + lo4), strict=True)
        )
        self.desa_names: dict[str, str] = dict(
            zip(islice(lines, lo4, hi4), islice(lines, n + lo4, n + hi4), strict=True)
        )
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
        # The validity of each current region, ready: open unless the code of its
        # province or kabupaten/kota has a start (the 2022 Papua provinces), keyed by
        # the province and kabupaten/kota codes: ``compact[:4]`` of a code of any level
        # (every current code's parent is current: ``test_every_parent_exists``).
        self.start_digits = frozenset(c[0] for c in self.starts)
        self.valid_of: dict[str, Period] = {}
        for c in islice(lines, 1, self.bounds[6][0]):  # levels 1-2
            start = self.start_of(c)
            if start is not None:
                self.valid_of[c] = self.start_periods[start]
        self.retired: dict[str, list[str]] = {}
        for c, h in sorted(self.history.items()):
            if h.end is not None:
                self.retired.setdefault(c[:-2], []).append(c)
        self.versions: dict[tuple[str, str], Region] = {}

    # -- rows -----------------------------------------------------------------------

    def row(self, compact: str) -> int:
        """Index of ``compact`` in ``lines``, or -1 if it is not a current code."""
        bounds = self.bounds.get(len(compact))
        if bounds is None:
            return -1
        lo, hi = bounds
        i = bisect_left(self.lines, compact, lo, hi)
        return i if i < hi and self.lines[i] == compact else -1

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

    def name_of(self, compact: str) -> str | None:
        """The current name of a code, or ``None`` if it is not a current code."""
        return (self.desa_names if len(compact) == 10 else self.upper_names).get(compact)

    def valid_now(self, compact: str) -> Period:
        """The validity of a current code: open, or from its province's or kabupaten's start."""
        if compact[0] in self.start_digits:
            return self.valid_of.get(compact[:4], _OPEN)
        return _OPEN

    def current(self, compact: str) -> Region | None:
        """The current region of a code (cached), or ``None``."""
        cached = _FAST.get(compact)
        if cached is not None:
            return cached
        name = self.name_of(compact)
        if name is None:
            return None
        return self.make_current(compact, name)

    def make_current(self, compact: str, name: str) -> Region:
        """Build the current region of a code and cache it under both code forms."""
        kind = _VILLAGE_KINDS[compact[6]] if len(compact) == 10 else self.kind_of(compact)
        dotted = _dotted(compact)
        region = _trusted_region(dotted, name, kind, self.valid_now(compact))
        # setdefault: of threads building the same region at once, the first one wins.
        region = _FAST.setdefault(compact, region)
        _FAST[dotted] = region
        return region

    def first_get(self, code: str) -> Region | None:
        """The current region of a code string that missed ``_FAST``, or ``None``.

        The path of a first :func:`get`, with the rules of :func:`_compact_or_none`
        checked the other way round: the string is looked up without its dots, and a
        hit is kept only if the string was the compact or the dotted form (a hit has
        only digits and dots: blanks around the code are stripped, on a miss only).
        :meth:`name_of`, :meth:`valid_now` and :meth:`make_current` are inlined:
        every step counts here (the budget is 1 us with the cache misses of a code
        never asked before).
        """
        compact = code.replace(".", "")
        size = len(compact)
        if size == 10:
            name = self.desa_names.get(compact)
            if name is None:
                return self._first_get_stripped(code)
            kind = _VILLAGE_KINDS[compact[6]]
            if len(code) == 13 and code[2] == code[5] == code[8] == ".":
                dotted = code  # exactly the dots of the dotted form
            elif len(code) == 10:
                dotted = _dotted(compact)
            else:
                return None
        else:
            name = self.upper_names.get(compact)
            if name is None:
                return self._first_get_stripped(code)
            kind = self.kind_of(compact)
            if len(code) == size:
                dotted = _dotted(compact)
            elif (
                len(code) == _DOTTED_LENGTH_OF[size]
                and code[2] == "."
                and (size < 6 or code[5] == ".")
            ):
                dotted = code  # "81.71", never "817.1"
            else:
                return None
        start = compact[0] in self.start_digits
        valid = self.valid_of.get(compact[:4], _OPEN) if start else _OPEN
        region = _trusted_region(dotted, name, kind, valid)
        # setdefault: cached already (``code`` had blanks, or another thread was first)
        region = _FAST.setdefault(compact, region)
        _FAST[dotted] = region
        return region

    def _first_get_stripped(self, code: str) -> Region | None:
        """:meth:`first_get` of ``code`` without blanks around it, if it had some."""
        text = code.strip()
        if len(text) == len(code):
            return None
        return _FAST.get(text) or self.first_get(text)

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
        lines, n = self.lines, self.n
        for length in lengths:
            lo, hi = self.bounds[length]
            if day is None:
                for i in range(lo, hi):
                    compact = lines[i]
                    region = _FAST.get(compact) or self.make_current(compact, lines[i + n])
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


_LOCK: Final = threading.RLock()  # re-entered: the index is built under it
_DATA: _Data | None = None
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
    """Forget the loaded data (for tests; :func:`adminnet.regions._reset` also drops the index)."""
    global _DATA
    with _LOCK:
        _DATA = None
        _FAST.clear()


def _as_of(as_of: DateLike | None) -> pendulum.Date | None:
    return None if as_of is None else as_date(as_of, what="as_of")


def _length_of_level(level: object) -> int:
    if type(level) is not int or level not in _LENGTH_OF_LEVEL:
        raise InvalidComponent(code="regions.invalid_level", params={"value": short(level, 40)})
    return _LENGTH_OF_LEVEL[level]


def _unknown_code(code: str, day: pendulum.Date | None) -> UnknownEntity:
    params = {"value": short(code, 40)}
    if day is not None:
        params["as_of"] = day.isoformat()
    return UnknownEntity(code="regions.unknown_code", params=params)


def _require(code: str, day: pendulum.Date | None) -> tuple[_Data, str, Region]:
    compact = _compact_or_none(code)
    data = _data()
    region = None if compact is None else data.resolve(compact, day)
    if compact is None or region is None:
        raise _unknown_code(code, day)
    return data, compact, region
