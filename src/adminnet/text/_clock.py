"""Jam dan zona waktu (times of day, parts of day and time zones as printed).

Private helper of :mod:`adminnet.text.dates`: it reads the time part of a byline
(``07:58 WIB``, ``pukul 13.24 WITA``, ``jam 10``, ``pukul 4 sore``) and turns a zone
abbreviation or offset into a tzinfo. It knows nothing about dates.

>>> from adminnet.text._clock import split_time
>>> date_part, clock = split_time("Jumat siang, 26 Maret 2021 pukul 13.24 WITA")
>>> date_part, clock.hour, clock.minute, clock.zone
('Jumat siang, 26 Maret 2021', 13, 24, 'WITA')
"""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

import pendulum
from pendulum.tz.timezone import FixedTimezone

from adminnet._validators import short
from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat

__all__ = [
    "PARTS_OF_DAY",
    "ZONES",
    "ClockTime",
    "quote",
    "resolve_hour",
    "split_time",
    "tz_argument",
    "zone_of",
]

#: Zona waktu Indonesia (Keppres 41/1987): abbreviation -> (UTC offset in hours, IANA zone).
ZONES: Final[dict[str, tuple[int, str]]] = {
    "WIB": (7, "Asia/Jakarta"),
    "WITA": (8, "Asia/Makassar"),
    "WIT": (9, "Asia/Jayapura"),
    # "Waktu Papua", the press's name for WIT in Papua (Jubi: "pukul 19.20 WP").
    "WP": (9, "Asia/Jayapura"),
}

#: Bagian hari (parts of day): word -> the hours (0-23) it covers, as a set. A written
#: hour outside the set is read as a 12-hour hint (``pukul 4 sore`` is 16:00) when
#: the hour + 12 falls in it; otherwise the part of day contradicts the time.
PARTS_OF_DAY: Final[dict[str, frozenset[int]]] = {
    "dini hari": frozenset(range(5)),
    "pagi": frozenset(range(12)),
    "siang": frozenset(range(10, 16)),
    "sore": frozenset(range(14, 19)),
    "petang": frozenset(range(17, 20)),
    "malam": frozenset((*range(18, 24), *range(4))),
}

_POD: Final = r"dini hari|pagi|siang|sore|petang|malam"
# The time at the end of a text: an optional separator, part of day, marker
# (pukul/jam/pk.), hour, minutes (':' or '.'), seconds, part of day, zone. Every part
# is bounded, so trying it at each position of the text stays linear.
_TIME: Final = re.compile(
    rf"(?:\s*[,|]\s*|\s+-\s*|\s*\|\s*|\s+)(?:(?P<pod1>{_POD}),?\s+)?"
    r"(?:(?:sekitar|sekira|kurang lebih)\s+)?(?:(?P<marker>pukul|pkl\.?|pk\.?|jam)\s*)?"
    r"(?P<h>[0-9]{1,2})(?:(?P<sep>[:.])(?P<m>[0-9]{2})"
    r"(?:(?P=sep)(?P<s>[0-9]{2})(?:[.,](?P<f>[0-9]{1,6}))?)?)?"
    rf"(?:\s+(?P<pod2>{_POD}))?"
    r"(?:\s*(?P<zone>WIB|WITA|WIT|WP|(?:GMT|UTC)\s*[+\u2212-]\s*[0-9]{1,2}(?::?[0-9]{2})?"
    r"|[+\u2212-][0-9]{2}:?[0-9]{2}(?::[0-9]{2})?|Z))?\Z",
    re.IGNORECASE,
)
_OFFSET: Final = re.compile(
    r"(?:GMT|UTC)?\s*([+\u2212-])\s*([0-9]{1,2}):?([0-9]{2})?(?::([0-9]{2}))?\Z", re.I
)


def quote(text: str) -> str:
    """``repr(text)``, cut short for long texts (an error message stays one line)."""
    return repr(text) if len(text) <= 60 else repr(text[:40]) + f"... ({len(text)} characters)"


class ClockTime(NamedTuple):
    """Jam (a time of day as written, before the part of day is applied)."""

    hour: int
    minute: int
    second: int
    microsecond: int
    part_of_day: str | None
    zone: str | None
    has_marker: bool


def split_time(text: str) -> tuple[str, ClockTime] | None:
    """The text before the time and the time at the end of ``text``, or None.

    A bare hour needs a marker (``"pukul 10"``): the number that ends
    ``"16 Maret 2017"`` is a year, not a time.
    """
    for m in _TIME.finditer(" " + text):
        date_part = text[: max(m.start() - 1, 0)]
        if m["m"] is None and m["marker"] is None:
            continue  # "Maret 2017" ends with a number that is no hour
        pod = m["pod1"] or m["pod2"]
        if m["pod1"] and m["pod2"]:
            pod = m["pod1"] if m["pod1"].lower() == m["pod2"].lower() else "\0"
        fraction = m["f"] or ""
        return date_part, ClockTime(
            hour=int(m["h"]),
            minute=int(m["m"] or 0),
            second=int(m["s"] or 0),
            microsecond=int(fraction.ljust(6, "0")) if fraction else 0,
            part_of_day=None if pod is None else pod.lower(),
            zone=m["zone"],
            has_marker=m["marker"] is not None,
        )
    return None


def resolve_hour(hour: int, part_of_day: str | None, text: str) -> int:
    """The 24-hour hour of a written hour and part of day, or raise on a contradiction."""
    if part_of_day == "\0":
        params = {"value": quote(text)}
        raise InconsistentData(code="datetime.part_of_day_mismatch", variant="two", params=params)
    if hour > 23:
        raise InvalidComponent(
            code="datetime.invalid_time",
            variant="hour",
            params={"value": quote(text), "hour": hour},
        )
    if part_of_day is None:
        return hour
    hours = PARTS_OF_DAY[part_of_day]
    if hour in hours:
        return hour
    if hour < 12 and hour + 12 in hours:
        return hour + 12
    params = {"value": quote(text), "hour": f"{hour:02d}:00", "part": part_of_day}
    raise InconsistentData(code="datetime.part_of_day_mismatch", params=params)


@functools.cache
def _iana(name: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    """The pendulum zone of an IANA name, loaded once (loading reads the tz database)."""
    return pendulum.timezone(name)


def zone_of(
    zone: str, local: tuple[int, int, int, int, int, int, int], text: str
) -> pendulum.DateTime:
    """The aware datetime of ``local`` (y, m, d, H, M, S, us) in a written zone.

    WIB, WITA and WIT are fixed offsets (+07, +08, +09; Keppres 41/1987): the result
    carries the IANA zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) when that zone
    has this offset at that moment, else the fixed offset (before 1964 the IANA
    zones had other offsets, and WIB did not exist yet).
    """
    upper = zone.upper()
    if upper in ZONES:
        hours, name = ZONES[upper]
        aware = pendulum.datetime(*local, tz=_iana(name))
        if aware.utcoffset() == pendulum.duration(hours=hours):
            return aware
        return pendulum.datetime(*local, tz=FixedTimezone(hours * 3600))
    if upper == "Z":
        return pendulum.datetime(*local, tz="UTC")
    m = _OFFSET.match(zone)
    if m is None:  # pragma: no cover - _TIME only yields zones of these shapes
        params = {"value": quote(text), "zone": repr(zone)}
        raise InvalidComponent(code="datetime.invalid_timezone", variant="zone", params=params)
    sign = -1 if m[1] in {"-", "\u2212"} else 1
    hours, minutes, extra = int(m[2]), int(m[3] or 0), int(m[4] or 0)
    # GMT+N names a modern zone (-12..+14); a numeric ISO offset may also be a local
    # mean time of tzdata before standard time, which reaches -15:56 (Manila before
    # 1845), so format_datetime's output of any real zone reads back.
    limit = 14 if upper.startswith(("GMT", "UTC")) else 15
    if minutes > 59 or extra > 59 or hours > limit or (hours == 14 == limit and minutes + extra):
        bound = "14:00" if limit == 14 else "15:59:59"
        params = {"value": quote(text), "zone": repr(zone), "bound": bound}
        raise InvalidComponent(code="datetime.invalid_timezone", variant="offset", params=params)
    seconds = sign * (hours * 3600 + minutes * 60 + extra)
    return pendulum.datetime(*local, tz=FixedTimezone(seconds))


def tz_argument(tz: object, text: str) -> object:
    """A tzinfo for ``tz=`` (an IANA name, WIB/WITA/WIT, or a tzinfo), or raise."""
    import datetime as _dt

    if isinstance(tz, _dt.tzinfo):
        return tz
    if not isinstance(tz, str):
        params = {"type": type(tz).__name__}
        raise InvalidFormat(code="datetime.invalid_type", variant="tz", params=params)
    if tz.upper() in ZONES:
        return tz.upper()
    try:
        return pendulum.timezone(tz)
    # pendulum's InvalidTimezone is a ValueError; zoneinfo raises ValueError for a path,
    # KeyError (ZoneInfoNotFoundError) for a missing zone, OSError for a name too long.
    except (ValueError, KeyError, OSError):
        params = {"value": short(tz, 60)}
        raise InvalidComponent(code="datetime.invalid_timezone", params=params) from None
