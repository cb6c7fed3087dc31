"""Tabel datar (flat tables of entities, for CSV files, spreadsheets and pandas).

:func:`to_records` turns entities of one type into flat rows: one dict per entity,
with dotted column names for nested values and JSON-ready cells (the values of
:func:`adminnet.serialization.to_dict`). :func:`to_dataframe` makes a typed pandas
``DataFrame`` of the Arrow table of :func:`adminnet.export.to_arrow` (real dates,
decimals, categories, lists; optional extra: ``pip install "adminnet[pandas]"``).

>>> from adminnet.examples import lan_mou_2017
>>> ds = lan_mou_2017()
>>> row = to_records(ds.tenures)[-1]
>>> row["period.start"], row["period.end"], row["capacity"], row["basis.number"]
('2016-08-04', '2017-05-22', 'penjabat', '131.81-5877 Tahun 2016')
>>> to_records(ds.persons)[0]["name.suffixes"]
'M.Si.'
>>> to_records(ds.events)[0]["witness_ids"]
'asman-abnur, dwi-wahyu-atmaji, anwar-sanusi'
>>> sorted(to_records(ds))[:3]
['agencies', 'agreements', 'events']

Layout (decisions for a pandas or spreadsheet user):

- **Nested objects** become dotted columns: ``name.given``, ``period.start``,
  ``basis.issuer``, ``indicator.key``.
- **Lists of objects** (an agreement's ``parties``, an agency's ``other_names``) become
  index-dotted columns: ``parties.0.agency_id``, ``parties.1.agency_id``, ... A table
  has as many as its longest list needs; shorter rows get ``None`` there, and an empty
  list adds no column.
- **Lists of plain values** (``areas``, ``witness_ids``, ``successor_ids``, a name's
  ``prefixes``/``suffixes``) become one text cell joined with ``", "``
  (``"kajian_kebijakan, pendidikan_tinggi"``); an empty list is ``""``. No such item
  contains a comma in adminnet's model (ids, region codes and enum values are slugs, and
  a gelar never holds a comma), so ``cell.split(", ")`` gives the list back; an item
  that does contain one is refused (``tables.ambiguous_list``) rather than written
  ambiguously.
- **Cells** are JSON values as written by :func:`adminnet.serialization.to_dict`:
  dates and partial dates as ISO text (``"2016"``, ``"2017-03-16"``), date-times as
  RFC 3339 text with their offset, decimals as exact text (``"2.79"``: use
  ``pandas.to_numeric`` for arithmetic), enums as their values (``"pemerintah_kota"``),
  unknown values as ``None``.
- **Columns**: every row of a table has the same keys, in field order, each nested
  object's columns in place. An optional nested object that is ``None`` in every row
  (a tenure ``basis`` never known) is one ``None`` column under its own name
  (``basis``); as soon as one row has it, the rows without it get ``None`` in its
  dotted columns instead.
- **Input**: an iterable of entities of *one* type (rows of several types are refused
  with :class:`~adminnet.errors.InconsistentData`, code ``tables.mixed_types``), or a
  :class:`~adminnet.model.dataset.Dataset`, which gives one table per collection: a
  dict with the keys ``agencies``, ``persons``, ``positions``, ``tenures``,
  ``agreements``, ``events``, ``services``, ``targets`` and ``measurements``, every key
  present even when its table is empty.
"""

from __future__ import annotations

import enum
import functools
import json
import types
import typing
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, overload

import attrs

from adminnet._validators import short
from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat
from adminnet.model.dataset import KINDS, Dataset

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TABLES", "to_dataframe", "to_records"]

TABLES: Final = (*KINDS, "measurements")
"""Nama tabel (the tables of a Dataset, in order: its collections)."""

_SEPARATOR: Final = ", "
_PANDAS_HINT: Final = 'to_dataframe needs pandas and pyarrow: pip install "adminnet[pandas]"'

_Record = dict[str, Any]


@overload
def to_records(objs: Dataset) -> dict[str, list[_Record]]: ...


@overload
def to_records(objs: Iterable[Any]) -> list[_Record]: ...


def to_records(objs: Dataset | Iterable[Any]) -> list[_Record] | dict[str, list[_Record]]:
    """Baris datar (entities of one type as flat rows with dotted column names).

    Args:
        objs: An iterable of entities of one type (``dataset.tenures``, a list of
            persons, a generator), or a whole Dataset.

    Returns:
        One dict per entity, all with the same keys (see the module documentation for
        the layout); for a Dataset, a dict of such lists keyed by table name
        (:data:`TABLES`).

    Raises:
        InvalidFormat: ``objs`` is not an iterable of adminnet entities, or holds a
            Dataset (code ``tables.invalid_type``).
        InconsistentData: the rows are of different types (code ``tables.mixed_types``).
        InvalidComponent: an item of a list of plain values contains a comma (code
            ``tables.ambiguous_list``).
    """
    if isinstance(objs, Dataset):
        return {name: _records(getattr(objs, name)) for name in TABLES}
    return _records(objs)


@overload
def to_dataframe(objs: Dataset, *, kind: None = None) -> dict[str, pd.DataFrame]: ...


@overload
def to_dataframe(objs: Iterable[Any], *, kind: str | None = None) -> pd.DataFrame: ...


def to_dataframe(
    objs: Dataset | Iterable[Any], *, kind: str | None = None
) -> pd.DataFrame | dict[str, pd.DataFrame]:
    """Tabel pandas (entities as a typed pandas DataFrame, built on :func:`to_arrow`).

    The columns and types are those of the Arrow table
    (:func:`adminnet.export.arrow_schema`): dates, date-times, decimals, booleans and
    lists are pandas Arrow dtypes (``date32[day][pyarrow]``,
    ``decimal128(38, 9)[pyarrow]``...), text is pandas' text dtype, and enums and
    region codes are ``Categorical`` columns whose categories are every member (an
    enum) or the codes present (a region code). For a Dataset, a dict of DataFrames by table
    name, every collection present, each with its columns even when empty.

    Requires the optional extra ``pandas`` (``pip install "adminnet[pandas]"``, which
    brings pyarrow too).

    Raises:
        ModuleNotFoundError: pandas or pyarrow is not installed (or cannot be
            imported); the message names the extra to install.
        InvalidFormat, InvalidComponent: as :func:`adminnet.export.to_arrow`.
    """
    try:
        import pandas
        import pyarrow
    except ImportError as exc:
        raise ModuleNotFoundError(_PANDAS_HINT, name=exc.name or "pandas") from exc
    from adminnet.export import _arrow_write

    def dtype(tp: Any) -> Any:
        types = pyarrow.types
        if types.is_dictionary(tp) or types.is_string(tp) or types.is_large_string(tp):
            return None  # Categorical, and pandas' own text dtype (its .str accessor)
        return pandas.ArrowDtype(tp)

    tables = _arrow_write.to_arrow(objs, kind=kind)
    if isinstance(tables, dict):
        return {name: t.to_pandas(types_mapper=dtype) for name, t in tables.items()}
    return tables.to_pandas(types_mapper=dtype)


# --- rows ----------------------------------------------------------------------------


def _records(objs: object) -> list[_Record]:
    from adminnet.serialization import to_dict  # lazy: serialization is a higher layer

    if isinstance(objs, str | bytes | bytearray | Mapping) or not isinstance(objs, Iterable):
        entity = attrs.has(type(objs))
        raise InvalidFormat(
            code="tables.invalid_type",
            variant="entity" if entity else None,
            params={"type": type(objs).__name__},
        )
    first: type | None = None
    rows: list[_Record] = []
    for i, obj in enumerate(objs):
        cls = type(obj)
        if isinstance(obj, Dataset) or not attrs.has(cls):
            raise InvalidFormat(
                code="tables.invalid_type",
                variant="dataset_row" if cls is Dataset else "row",
                params={"row": i, "type": cls.__name__},
            )
        if first is None:
            first = cls
        elif cls is not first:
            raise InconsistentData(
                code="tables.mixed_types",
                params={"first": first.__name__, "type": cls.__name__, "row": i},
            )
        data = to_dict(obj)
        if not isinstance(data, dict):
            raise InvalidFormat(
                code="tables.invalid_type",
                variant="single",
                params={"row": i, "type": cls.__name__},
            )
        row: _Record = {}
        _flatten(data, cls, "", row)
        rows.append(row)
    return _aligned(rows)


def _aligned(rows: list[_Record]) -> list[_Record]:
    """Give every row the union of the columns, in order; drop superseded None columns."""
    columns: list[str] = []
    known: set[str] = set()
    for row in rows:
        previous: str | None = None
        for key in row:
            if key not in known:
                at = 0 if previous is None else columns.index(previous) + 1
                columns.insert(at, key)
                known.add(key)
            previous = key
    # An optional object that is None in some rows and present in others: its bare
    # column (all None) gives way to the dotted columns of the rows that have it.
    parents = {c.rpartition(".")[0] for c in columns}
    columns = [
        c
        for c in columns
        if not (
            any(p == c or p.startswith(c + ".") for p in parents)
            and all(row.get(c) is None for row in rows)
        )
    ]
    return [{c: row.get(c) for c in columns} for row in rows]


def _path(prefix: str, key: object) -> str:
    return f"{prefix}.{key}" if prefix else str(key)


def _flatten(value: object, tp: object, prefix: str, out: _Record) -> None:
    tp = _unwrap_optional(tp)
    if isinstance(value, dict):
        hints = _hints(tp)
        for key, item in value.items():
            _flatten(item, hints.get(key), _path(prefix, key), out)
        return
    if isinstance(value, list):
        element = _unwrap_optional(_element_type(tp))
        if not value:
            if not (isinstance(element, type) and attrs.has(element)):
                out[prefix] = ""
            return
        if all(_is_scalar(v) for v in value):
            out[prefix] = _joined(value, prefix)
            return
        for i, item in enumerate(value):
            _flatten(item, element, _path(prefix, i), out)
        return
    out[prefix] = _cell(value)


def _is_scalar(value: object) -> bool:
    return not isinstance(value, dict | list)


def _cell(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str) and type(value) is not str:
        return str.__str__(value)
    return value


def _joined(values: list[object], column: str) -> str:
    texts = []
    for v in values:
        cell = _cell(v)
        text = cell if isinstance(cell, str) else json.dumps(cell)
        if "," in text:
            raise InvalidComponent(
                code="tables.ambiguous_list", params={"column": column, "value": short(text, 60)}
            )
        texts.append(text)
    return _SEPARATOR.join(texts)


# --- types ---------------------------------------------------------------------------


def _unwrap_optional(tp: object) -> object:
    """``X | None`` -> ``X``; other types unchanged."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _element_type(tp: object) -> object:
    """``tuple[X, ...]`` / ``list[X]`` -> ``X``; ``None`` if unknown."""
    tp = _unwrap_optional(tp)
    if typing.get_origin(tp) in (tuple, list):
        args = typing.get_args(tp)
        if args:
            return args[0]
    return None


@functools.cache
def _hints_of(cls: type) -> dict[str, Any]:
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # an unresolvable annotation: fall back to the data's shape
        return {}
    return {f.name: hints[f.name] for f in attrs.fields(cls) if f.name in hints}


def _hints(tp: object) -> dict[str, Any]:
    if isinstance(tp, type) and attrs.has(tp):
        return _hints_of(tp)
    return {}
