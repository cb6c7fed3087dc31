"""Private date arithmetic of the rules: partial dates and periods as day ordinals.

The rules compare many dates; they work on proleptic Gregorian ordinals (``int``,
``datetime.date.toordinal()``) cached per partial date, which is much cheaper than
building :class:`pendulum.Date` objects over and over.

Two readings of an open period end are used, and every rule says which one it uses:

- *open means unbounded* (:func:`possible`): the period may extend without limit on
  that side (an agreement in force with no end date, an agency with no known start).
- *open means unknown* (:func:`sure` and :func:`capped`): nothing is known on that
  side, so it gives no evidence; this is how a tenure's unrecorded end is read.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import heapq
from collections.abc import Callable, Iterable, Iterator
from typing import Final, Generic, TypeVar

from adminnet.time import PartialDate, Period

__all__ = [
    "MAX",
    "MIN",
    "Overlaps",
    "bounds",
    "capped",
    "day",
    "earlier_overlaps",
    "iso",
    "possible",
    "sure",
]

T = TypeVar("T")

MIN: Final = _dt.date.min.toordinal()
"""Ordinal of 0001-01-01: an open start."""
MAX: Final = _dt.date.max.toordinal()
"""Ordinal of 9999-12-31: an open end."""

_BOUNDS: dict[tuple[int, int | None, int | None], tuple[int, int]] = {}


def bounds(value: PartialDate) -> tuple[int, int]:
    """Earliest and latest day a partial date may denote, as ordinals (cached)."""
    key = (value.year, value.month, value.day)
    found = _BOUNDS.get(key)
    if found is not None:
        return found
    year, month, dom = key
    if month is None:
        lo = _dt.date(year, 1, 1).toordinal()
        hi = _dt.date(year, 12, 31).toordinal()
    elif dom is None:
        lo = _dt.date(year, month, 1).toordinal()
        hi = _dt.date(year, month, calendar.monthrange(year, month)[1]).toordinal()
    else:
        lo = hi = _dt.date(year, month, dom).toordinal()
    found = (lo, hi)
    if len(_BOUNDS) < 100_000:
        _BOUNDS[key] = found
    return found


def day(value: _dt.date) -> int:
    """Ordinal of a date."""
    return value.toordinal()


def iso(ordinal: int) -> str:
    """ISO form of an ordinal (``..`` for an open bound)."""
    if ordinal <= MIN or ordinal >= MAX:
        return ".."
    return _dt.date.fromordinal(ordinal).isoformat()


def possible(period: Period) -> tuple[int, int]:
    """Days the period may cover, an open end read as unbounded: ``(lo, hi)``."""
    lo = MIN if period.start is None else bounds(period.start)[0]
    hi = MAX if period.end is None else bounds(period.end)[1]
    return lo, hi


def capped(period: Period) -> tuple[int, int] | None:
    """Days the period may cover, an open end read as unknown (no evidence).

    An unknown end is capped at the latest possible start, an unknown start at the
    earliest possible end; ``None`` when both ends are unknown.
    """
    start, end = period.start, period.end
    if start is None and end is None:
        return None
    if start is None:
        assert end is not None  # for mypy
        lo, hi = bounds(end)
        return lo, hi
    s_lo, s_hi = bounds(start)
    if end is None:
        return s_lo, s_hi
    return s_lo, bounds(end)[1]


def sure(period: Period) -> tuple[int, int] | None:
    """Days the period surely covers, an open end read as unknown; ``None`` if none.

    Known ends: from the latest possible start to the earliest possible end. With one
    end unknown, only an exact known end is surely covered (``2016-08-04`` with no end
    covers that day; ``2016`` with no end covers no day surely).
    """
    start, end = period.start, period.end
    if start is not None:
        s_lo, s_hi = bounds(start)
        if end is not None:
            e_lo = bounds(end)[0]
            return (s_hi, e_lo) if s_hi <= e_lo else None
        return (s_lo, s_lo) if s_lo == s_hi else None
    if end is not None:
        e_lo, e_hi = bounds(end)
        return (e_lo, e_lo) if e_lo == e_hi else None
    return None


class Overlaps(Generic[T]):
    """What a sweep found for one span: how many earlier spans overlap it, and some.

    Attributes:
        item: The span's payload.
        span: The span itself, ``(lo, hi)`` ordinals.
        count: How many spans earlier in the sweep overlap it (exact).
        named: Up to ``names`` of them, ``(lo, hi, key, payload)``, earliest first.
    """

    __slots__ = ("count", "item", "named", "span")

    def __init__(
        self, item: T, span: tuple[int, int], count: int, named: list[tuple[int, int, str, T]]
    ) -> None:
        self.item = item
        self.span = span
        self.count = count
        self.named = named


def earlier_overlaps(
    spans: list[tuple[int, int, str, T]],
    *,
    tolerance: int = 0,
    names: int = 3,
    excluded: Callable[[T], Iterable[str]] | None = None,
) -> Iterator[Overlaps[T]]:
    """Sweep spans in order of start; yield each span that earlier spans overlap.

    ``spans`` are ``(lo, hi, key, payload)`` with inclusive ordinals and unique keys.
    Two spans overlap when they share more than ``tolerance`` days. Every pair is
    counted once, on the span later in the order ``(lo, hi, key)``; the spans that
    ``excluded(payload)`` names (by key) are not counted.

    O(n log n) time and O(n) memory whatever the number of overlapping pairs: the
    sweep keeps the earlier spans that still reach ``lo + tolerance`` in a heap by end;
    since ``lo`` only grows, a span that falls short is never needed again, and the
    heap's size is the count.

    >>> found = earlier_overlaps([(1, 10, "a", "A"), (5, 20, "b", "B"), (8, 9, "c", "C")])
    >>> [(o.item, o.count, [n[2] for n in o.named]) for o in found]
    [('B', 1, ['a']), ('C', 2, ['a', 'b'])]
    """
    ordered = sorted(spans, key=lambda s: (s[0], s[1], s[2]))
    heap: list[tuple[int, int]] = []  # (hi, position in ordered)
    live: set[str] = set()
    for seq, entry in enumerate(ordered):
        lo, hi, key, payload = entry
        threshold = lo + tolerance
        while heap and heap[0][0] < threshold:
            live.discard(ordered[heapq.heappop(heap)[1]][2])
        if heap and hi >= threshold:
            skip = set() if excluded is None else set(excluded(payload)) & live
            count = len(heap) - len(skip)
            if count > 0:
                picked: list[int] = []
                for _, j in heap:
                    if ordered[j][2] not in skip:
                        picked.append(j)
                        if len(picked) == names:
                            break
                named = [ordered[j] for j in sorted(picked)]
                yield Overlaps(payload, (lo, hi), count, named)
        heapq.heappush(heap, (hi, seq))
        live.add(key)
