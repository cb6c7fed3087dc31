"""Strategies for events (a timezone-aware start in the region's timezone)."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Final

import hypothesis.strategies as st
import pendulum

from adminnet.model.event import Event, EventKind
from adminnet.model.region import Region
from adminnet.strategies._agencies import (
    any_agency_id,
)
from adminnet.strategies._common import (
    EARLIEST_OFFICE,
    day,
    pick,
    region_pool,
    slug,
    today_ordinal,
)
from adminnet.strategies._persons import any_person_id

__all__ = ["event_start", "events"]


_EVENT_NAMES: Final = {
    EventKind.PENANDATANGANAN: "Penandatanganan Nota Kesepahaman",
    EventKind.PELANTIKAN: "Pelantikan Pejabat",
    EventKind.RAPAT: "Rapat Koordinasi Transformasi Digital",
    EventKind.PELUNCURAN: "Peluncuran Mal Pelayanan Publik",
    EventKind.OTHER: "Kunjungan Kerja",
}


@functools.cache
def _stable_pool() -> tuple[Region, ...]:
    """Current level-1/2 regions whose code has been valid since before 2005."""
    return tuple(
        r
        for r in region_pool(1, None) + region_pool(2, None)
        if r.valid.start is None or r.valid.start.latest.toordinal() <= EARLIEST_OFFICE
    )


def _stable_regions() -> st.SearchStrategy[Region]:
    return pick(_stable_pool)


def event_start(draw: st.DrawFn, on: _dt.date, timezone: str) -> tuple[pendulum.DateTime, bool]:
    """An aware start on the day ``on`` in ``timezone``, and whether the time is known."""
    if draw(st.booleans()):
        hour = draw(st.integers(7, 16))
        minute = draw(st.sampled_from((0, 15, 30, 45)))
        return pendulum.datetime(on.year, on.month, on.day, hour, minute, tz=timezone), True
    return pendulum.datetime(on.year, on.month, on.day, tz=timezone), False


@st.composite
def _events(draw: st.DrawFn) -> Event:
    region = draw(_stable_regions())
    on = day(draw(st.integers(EARLIEST_OFFICE, today_ordinal())))
    kind = draw(st.sampled_from(list(EventKind)))
    start, known = event_start(draw, on, region.timezone)
    people = draw(st.lists(any_person_id(), max_size=5, unique=True))
    chair = people[0] if len(people) > 0 and draw(st.booleans()) else None
    rest = [p for p in people if p != chair]
    n_witness = draw(st.integers(0, len(rest)))
    organizer = draw(any_agency_id()) if draw(st.booleans()) else None
    agreement_ids: tuple[str, ...] = ()
    if kind is EventKind.PENANDATANGANAN:
        count = draw(st.integers(0, 3))
        agreement_ids = tuple(f"nota-{on.isoformat()}-{i + 1}" for i in range(count))
    return Event(
        id=f"{kind.value}-{on.isoformat()}-{slug(region.name)}",
        kind=kind,
        name=f"{_EVENT_NAMES[kind]} di {region.official_name}",
        start=start,
        time_known=known,
        venue=f"Kantor {region.official_name}",
        region_code=region.code,
        organizer_id=organizer,
        chair_id=chair,
        witness_ids=tuple(rest[:n_witness]),
        attendee_ids=tuple(rest[n_witness:]),
        agreement_ids=agreement_ids,
    )


def events() -> st.SearchStrategy[Event]:
    """Acara (Events with a timezone-aware start in the timezone of their region).

    A signing, inauguration, meeting, launch or other event between 2005 and today at
    a real provinsi or kabupaten/kota (valid on the day), starting at a time of day
    or, when only the day is known, at midnight (``time_known=False``), with person
    ids as chair, witnesses and attendees (use :func:`datasets` for officials in
    office).
    """
    return _events()
