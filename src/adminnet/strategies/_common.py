"""Private helpers of the strategies: argument checks, dates as ordinals, data pools.

Nothing here reads data at import time: the pools of real regions and agencies are
loaded on the first draw that needs them (:func:`pick` loads them inside a
composite, so that not even Hypothesis' ``is_empty`` checks, which materialise
``st.deferred`` strategies, read a file) and cached per argument.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

import hypothesis.strategies as st
import pendulum
from hypothesis import reject
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from adminnet.errors import ValidationError
from adminnet.time import as_date, today

__all__ = [
    "EARLIEST_OFFICE",
    "FIRST_BIRTH_YEAR",
    "add_years",
    "agency_pool",
    "as_pendulum",
    "check_choice",
    "check_date",
    "check_size",
    "check_strategy",
    "day",
    "draw_birth",
    "or_default",
    "ordinal",
    "pick",
    "region_pool",
    "slug",
    "today_ordinal",
]

T = TypeVar("T")

EARLIEST_OFFICE: Final = _dt.date(2005, 1, 1).toordinal()
"""First day of the terms, agreements and events the strategies generate (2005-01-01)."""

FIRST_BIRTH_YEAR: Final = 1945
"""Earliest birth year drawn by default: 60 in 2005, when the first generated terms begin."""

_NON_SLUG: Final = re.compile(r"[^a-z0-9]+")


def check_strategy(value: object, name: str) -> None:
    """Raise InvalidArgument unless ``value`` is a SearchStrategy (or ``None``)."""
    if value is not None and not isinstance(value, SearchStrategy):
        msg = f"{name}={value!r:.60} must be a SearchStrategy (or None)"
        raise InvalidArgument(msg)


def or_default(value: SearchStrategy[T] | None, default: SearchStrategy[T]) -> SearchStrategy[T]:
    """``value`` unless it is ``None`` (never ``or``: a strategy's truth is a trap)."""
    return default if value is None else value


def check_choice(value: object, name: str, choices: Callable[[Any], T]) -> T | None:
    """``None``, or ``choices(value)`` (an enum lookup); anything else is InvalidArgument."""
    if value is None:
        return None
    try:
        return choices(value)
    except (ValueError, TypeError, KeyError):
        msg = f"{name}={value!r:.60} is not a valid value"
        raise InvalidArgument(msg) from None


def check_size(value: object, name: str, *, low: int = 0, high: int = 1000) -> int:
    """An int between ``low`` and ``high``; anything else is InvalidArgument."""
    if type(value) is not int or not low <= value <= high:
        msg = f"{name}={value!r:.60} must be an int between {low} and {high}"
        raise InvalidArgument(msg)
    return value


def check_date(value: object, name: str) -> pendulum.Date | None:
    """``None`` or a date / ISO date string as a pendulum.Date; else InvalidArgument."""
    if value is None:
        return None
    try:
        return as_date(value, what=name)  # type: ignore[arg-type]  # any object is reported
    except ValidationError as exc:
        msg = f"{name}={value!r:.60} is not a date or an ISO date string ({exc.message})"
        raise InvalidArgument(msg) from None


def as_pendulum(value: object, what: str) -> pendulum.Date:
    """A drawn date (``datetime.date`` or ``pendulum.Date``) as a pendulum.Date.

    Raises:
        InvalidArgument: a user strategy drew something that is not a date.
    """
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        if isinstance(value, pendulum.Date):
            return value
        return pendulum.Date(value.year, value.month, value.day)
    msg = f"the {what} strategy drew {value!r:.60}, not a datetime.date"
    raise InvalidArgument(msg)


def ordinal(value: _dt.date) -> int:
    """Proleptic Gregorian ordinal of a date."""
    return value.toordinal()


def day(n: int) -> pendulum.Date:
    """The pendulum.Date of an ordinal."""
    d = _dt.date.fromordinal(n)
    return pendulum.Date(d.year, d.month, d.day)


def today_ordinal() -> int:
    """Ordinal of today in Asia/Jakarta."""
    return today().toordinal()


def add_years(d: _dt.date, years: int) -> _dt.date:
    """The same calendar day ``years`` later (29 February becomes 1 March)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return _dt.date(d.year + years, 3, 1)


def draw_birth(draw: st.DrawFn, *, youngest: int = 20, oldest: int | None = None) -> pendulum.Date:
    """Draw a birth date of the working population: a year, then a day of that year.

    Years from :data:`FIRST_BIRTH_YEAR` (or ``oldest`` years before today) to
    ``youngest`` years before today, about equally likely. Hypothesis often draws a
    choice's simplest value (a quarter of the draws or more), which would bunch the
    births in the first years (issue 21: 88 % in the 1940s with one integer over the
    days). So the year is the sum of two choices modulo the span of years: it is the
    first year only when both are simplest (and shrinks there).
    """
    now = _dt.date.fromordinal(today_ordinal())
    last = add_years(now, -youngest)
    first_year = FIRST_BIRTH_YEAR if oldest is None else add_years(now, -oldest).year
    span = last.year - first_year + 1
    year = first_year + (draw(st.integers(0, span - 1)) + draw(st.integers(0, span - 1))) % span
    first = _dt.date(year, 1, 1).toordinal()
    end = min(_dt.date(year, 12, 31).toordinal(), last.toordinal())
    return day(first + draw(st.integers(0, end - first)))


def slug(text: str) -> str:
    """A slug id made of the ASCII letters and digits of ``text`` (``"budi-santoso"``)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = _NON_SLUG.sub("-", folded.lower()).strip("-")
    return out or "x"


@st.composite
def _pick(draw: st.DrawFn, load: Callable[[], Sequence[Any]]) -> Any:
    pool = load()
    if not pool:
        reject()
    return pool[draw(st.integers(0, len(pool) - 1))]


def pick(load: Callable[[], Sequence[T]]) -> SearchStrategy[T]:
    """Items of the sequence ``load()`` returns, loaded on the first draw (shrinks to 0).

    An empty sequence rejects the draw.
    """
    strategy: SearchStrategy[T] = _pick(load)
    return strategy


@functools.lru_cache(maxsize=64)
def region_pool(level: int, as_of: str | None) -> tuple[Any, ...]:
    """Every region of ``level`` valid ``as_of`` (ISO text or ``None``), from the registry."""
    from adminnet import regions  # lazy: the registry loads on first draw

    return regions.all(level=level, as_of=as_of)


@functools.lru_cache(maxsize=64)
def agency_pool(kind: str | None, as_of: str | None) -> tuple[Any, ...]:
    """Every real agency of ``kind`` (catalog and local governments), from the catalog."""
    from adminnet import agencies  # lazy: the catalog loads on first draw

    return tuple(agencies.all(kind=kind, as_of=as_of))
