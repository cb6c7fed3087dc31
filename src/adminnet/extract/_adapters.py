"""Adapters between the extractor and the parsers and registries it builds on.

Each parser the extractor calls goes through one small function here, so that moving
to a newer parser (``parse_position``, ``parse_datetime``, ``regions.match``,
``agencies.resolve_unit``) is a one-line change. Every adapter returns ``None`` (or
an error object) instead of raising on text it cannot read: only adminnet errors are
caught, so a bug in a parser still shows.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import pendulum

from adminnet.errors import AdminnetError, ValidationError

if TYPE_CHECKING:
    from adminnet.model.agency import Agency
    from adminnet.model.region import Region
    from adminnet.positions import ParsedPosition
    from adminnet.text.names import PersonName

_CACHE: Final = 8192
_MAX_QUERY: Final = 200  # longer phrases are no agency or region names


def _key(text: str) -> str:
    """Title lookup key (no dots, spaces or hyphens, lower case), as text.names keys."""
    return text.replace(".", "").replace(" ", "").replace("-", "").lower()


@functools.cache
def front_title_keys() -> frozenset[str]:
    """Keys of the front titles text.names knows (``dr``, ``ir``, ``hj`` ...)."""
    from adminnet.text.names import FRONT_TITLES

    return frozenset(_key(t) for t in FRONT_TITLES)


@functools.cache
def back_title_keys() -> frozenset[str]:
    """Keys of the back titles text.names knows (``msi``, ``sh``, ``phd`` ...)."""
    from adminnet.text.names import BACK_TITLES

    return frozenset(_key(t) for t in BACK_TITLES)


@functools.lru_cache(maxsize=_CACHE)
def name(text: str) -> PersonName | None:
    """The parsed name, or None (today: ``parse_name``)."""
    from adminnet.text.names import parse_name

    try:
        return parse_name(text)
    except ValidationError:
        return None


def date(text: str, year: int | None) -> pendulum.Date | AdminnetError:
    """A calendar day, or the error that refuses it (today: ``parse_date``)."""
    from adminnet.text.dates import parse_date

    try:
        return parse_date(text, year=year)
    except AdminnetError as exc:
        return exc


def number(text: str) -> int | Decimal | AdminnetError:
    """A number as printed (``4.000.050``, ``2,79``, ``2,5 miliar``), or its error."""
    from adminnet.text.numbers import parse_number

    try:
        return parse_number(text)
    except AdminnetError as exc:
        return exc


def percent(text: str) -> Decimal | AdminnetError:
    """A percentage (``64 persen``, ``12,5%``), or its error."""
    from adminnet.text.numbers import parse_percent

    try:
        return parse_percent(text)
    except AdminnetError as exc:
        return exc


@functools.lru_cache(maxsize=_CACHE)
def agency(text: str, day: pendulum.Date) -> Agency | None:
    """The one agency a printed name names on ``day``, or None (``agencies.resolve``)."""
    if len(text) > _MAX_QUERY:
        return None
    from adminnet import agencies

    try:
        return agencies.resolve(text, as_of=day)
    except AdminnetError:
        return None


@functools.lru_cache(maxsize=_CACHE)
def agency_by_search(text: str, day: pendulum.Date) -> Agency | None:
    """The only agency existing on ``day`` among the search hits for ``text``, or None.

    A fallback for names the catalog does not list verbatim (``Kementerian Desa``):
    accepted only when exactly one hit existed on the day.
    """
    if len(text) > _MAX_QUERY:
        return None
    from adminnet import agencies

    try:
        hits = agencies.search(text, as_of=day, limit=5)
    except AdminnetError:
        return None
    alive = [a for a in hits if a.exists_at(day)]
    return alive[0] if len(alive) == 1 else None


@functools.lru_cache(maxsize=_CACHE)
def position(text: str, day: pendulum.Date) -> ParsedPosition | None:
    """A position phrase read and resolved (``adminnet.positions.parse_position``)."""
    if len(text) > _MAX_QUERY:
        return None
    from adminnet.positions import parse_position

    try:
        return parse_position(text, as_of=day)
    except AdminnetError:
        return None


@functools.lru_cache(maxsize=_CACHE)
def unit(text: str, day: pendulum.Date) -> tuple[Agency, str | None] | None:
    """The agency a unit belongs to and the unit's name (``agencies.resolve_unit``)."""
    if len(text) > _MAX_QUERY:
        return None
    from adminnet import agencies

    try:
        found = agencies.resolve_unit(text, as_of=day)
    except AdminnetError:
        return None
    return found.agency, found.unit


@functools.lru_cache(maxsize=_CACHE)
def region(text: str, day: pendulum.Date) -> Region | None:
    """The autonomous region (provinsi, kabupaten, kota) a place name names, or None.

    Through the government of the place (``agencies.resolve``), which reads level
    words, abbreviations and "Jakarta" for DKI Jakarta; a place without a government
    of its own is not returned.
    """
    found = agency(text, day)
    if found is None or found.region_code is None or not found.is_local_government:
        return None
    from adminnet import regions

    return regions.get(found.region_code, as_of=day) or regions.latest(found.region_code)


def region_by_code(code: str, day: pendulum.Date) -> Region | None:
    """The region of a code on a day (or its latest form), or None."""
    from adminnet import regions

    try:
        return regions.get(code, as_of=day) or regions.latest(code)
    except AdminnetError:
        return None


@functools.lru_cache(maxsize=_CACHE)
def government(region_code: str, day: pendulum.Date) -> Agency | None:
    """The government of an autonomous region (``agencies.local_government``), or None."""
    from adminnet.agencies import local_government

    try:
        return local_government(region_code, as_of=day)
    except AdminnetError:
        return None


def datetime(text: str, year: int, tz: str) -> pendulum.DateTime | AdminnetError:
    """A date with its time and zone (``adminnet.text.parse_datetime``), or the error."""
    from adminnet.text.dates import parse_datetime

    try:
        return parse_datetime(text, year=year, tz=tz)
    except AdminnetError as exc:
        return exc
