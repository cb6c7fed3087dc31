"""Private: the regions registry as one Arrow table (:func:`adminnet.regions.table`).

One row per region valid ``as_of`` (every level, or one), with real Arrow types so a
notebook joins it on ``code``, ``parent_code`` or ``province_code`` without parsing:

========================  =================================  ==========================
column                    Arrow type                         from
========================  =================================  ==========================
``code``                  ``string`` not null                :attr:`Region.code`
``level``                 ``dictionary<int8, int8>``         :attr:`Region.level`
``name``                  ``string`` not null                :attr:`Region.name`
``official_name``         ``string`` not null                :attr:`Region.official_name`
``parent_code``           ``string``                         :attr:`Region.parent_code`
``province_code``         ``string`` not null                :attr:`Region.province_code`
``kind``                  ``dictionary<int8, string>``       :attr:`RegionKind.value`
``autonomous``            ``bool`` not null                  :attr:`Region.is_autonomous`
``timezone``              ``dictionary<int8, string>``       :attr:`Region.timezone`
``iso_3166_2``            ``string``                         :attr:`Region.iso_3166_2`
``valid_start``           ``date32``                         first day of ``valid``
``valid_end``             ``date32``                         last day of ``valid``
``successors``            ``list<string>`` not null          :attr:`Region.successors`
========================  =================================  ==========================

Codes stay plain strings (a join key must have the same type on both sides; a
dictionary column joins with a string one in DuckDB but not in every engine), while
the small closed sets (level, kind, time zone) are dictionary-encoded. ``valid_start``
and ``valid_end`` are null when unknown or open; the registry's validity dates are all
precise to the day, and a coarser one would give its first (start) or last (end) day.
pyarrow is an optional dependency (``adminnet[arrow]``), imported on the first call.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Final

from adminnet.model.region import Region
from adminnet.time import PartialDate

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["COLUMNS", "regions_table"]

COLUMNS: Final = (
    "code",
    "level",
    "name",
    "official_name",
    "parent_code",
    "province_code",
    "kind",
    "autonomous",
    "timezone",
    "iso_3166_2",
    "valid_start",
    "valid_end",
    "successors",
)
"""The columns of :func:`adminnet.regions.table`, in order."""

_ARROW_HINT: Final = (
    "regions.table needs pyarrow, an optional dependency: install adminnet's extra"
    """ 'arrow' (in a checkout: python -m pip install ".[arrow]")"""
)


def _arrow() -> Any:
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(_ARROW_HINT, name="pyarrow") from exc
    return pa


def schema() -> pa.Schema:
    """The Arrow schema of the regions table (see the module docstring)."""
    pa = _arrow()
    small = pa.int8()
    return pa.schema(
        [
            pa.field("code", pa.string(), nullable=False),
            pa.field("level", pa.dictionary(small, pa.int8()), nullable=False),
            pa.field("name", pa.string(), nullable=False),
            pa.field("official_name", pa.string(), nullable=False),
            pa.field("parent_code", pa.string()),
            pa.field("province_code", pa.string(), nullable=False),
            pa.field("kind", pa.dictionary(small, pa.string()), nullable=False),
            pa.field("autonomous", pa.bool_(), nullable=False),
            pa.field("timezone", pa.dictionary(small, pa.string()), nullable=False),
            pa.field("iso_3166_2", pa.string()),
            pa.field("valid_start", pa.date32()),
            pa.field("valid_end", pa.date32()),
            pa.field("successors", pa.list_(pa.string()), nullable=False),
        ]
    )


def _day(date: PartialDate | None, *, last: bool) -> _dt.date | None:
    if date is None:
        return None
    d = date.latest if last else date.earliest
    return _dt.date(d.year, d.month, d.day)


def _dictionary(pa: Any, values: list[Any], value_type: Any) -> Any:
    """A dictionary column with int8 indices: the distinct values in first-seen order."""
    index: dict[Any, int] = {}
    codes = [index.setdefault(v, len(index)) for v in values]
    return pa.DictionaryArray.from_arrays(
        pa.array(codes, pa.int8()), pa.array(list(index), value_type)
    )


def regions_table(regions: tuple[Region, ...]) -> pa.Table:
    """The Arrow table of ``regions``, one row each, in the given order."""
    pa = _arrow()
    code, level, name, official, parent, province = [], [], [], [], [], []
    kind, autonomous, zone, iso, start, end, successors = [], [], [], [], [], [], []
    zone_of: dict[str, str] = {}  # the zone is the province's: found once per province
    for r in regions:
        prov = r.province_code
        tz = zone_of.get(prov)
        if tz is None:
            tz = zone_of[prov] = r.timezone
        code.append(r.code)
        level.append(r.level)
        name.append(r.name)
        official.append(r.official_name)
        parent.append(r.parent_code)
        province.append(prov)
        kind.append(r.kind.value)
        autonomous.append(r.is_autonomous)
        zone.append(tz)
        iso.append(r.iso_3166_2)
        start.append(_day(r.valid.start, last=False))
        end.append(_day(r.valid.end, last=True))
        successors.append(list(r.successors))
    columns = [
        pa.array(code, pa.string()),
        _dictionary(pa, level, pa.int8()),
        pa.array(name, pa.string()),
        pa.array(official, pa.string()),
        pa.array(parent, pa.string()),
        pa.array(province, pa.string()),
        _dictionary(pa, kind, pa.string()),
        pa.array(autonomous, pa.bool_()),
        _dictionary(pa, zone, pa.string()),
        pa.array(iso, pa.string()),
        pa.array(start, pa.date32()),
        pa.array(end, pa.date32()),
        pa.array(successors, pa.list_(pa.string())),
    ]
    return pa.Table.from_arrays(columns, schema=schema())
