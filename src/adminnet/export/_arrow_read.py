"""Dari tabel Arrow (Arrow tables back to entities, validated like a JSON document).

:func:`from_arrow` reads a table of the layout of :func:`~adminnet.export.to_arrow` (from
pyarrow, from a Parquet file, from polars or DuckDB through the Arrow stream interface)
and builds the entities again. Every row goes through the same strict loader as a JSON
document (:func:`adminnet.serialization.from_dict`), so a table edited by hand or made
by another program is checked as carefully as a file: one
:class:`~adminnet.errors.InvalidDataError` lists every problem, each with a path
``$[row].field`` (``$.persons[row].field`` for a Dataset).

>>> from adminnet.examples import lan_mou_2017
>>> from adminnet.export import to_arrow
>>> ds = lan_mou_2017()
>>> from_arrow(to_arrow(ds.tenures)) == list(ds.tenures)
True
>>> from_arrow(to_arrow(ds)) == ds
True
>>> import pyarrow as pa
>>> bad = to_arrow(ds.persons).set_column(0, "id", pa.array(["Adi Suryanto"] * 5))
>>> try:
...     from_arrow(bad)
... except InvalidDataError as exc:
...     print(exc.errors[0].path, exc.errors[0].code)
$[0].id id.invalid

Columns are matched by name, in any order. A column of another but compatible type
(``large_string`` for ``string``, plain text for a dictionary, ``timestamp[ns]``, a
wider decimal) is cast to the schema's type when the cast loses nothing; anything else
is an error. Columns derived from another (a partial date's ``.earliest``, ``.latest``
and ``.precision``, an enum's ``.label``) may be left out; when present they must agree
with the column they derive from (``arrow.inconsistent_column``).
"""

from __future__ import annotations

import datetime as _dt
import decimal
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from adminnet.errors import ErrorDetail, InvalidDataError, ValidationError
from adminnet.export._arrow_schema import (
    _DERIVED,
    _KIND_KEY,
    _KINDS,
    _Leaf,
    _ListOf,
    _Plan,
    _plan,
    _pyarrow,
    _Role,
)
from adminnet.model.dataset import Dataset
from adminnet.time import PartialDate

if TYPE_CHECKING:
    pass

__all__ = ["from_arrow", "unknown_collection"]

MAX_DETAILS: Final = 1000
_OFFSET: Final = re.compile(r"([+-])(\d\d):(\d\d)\Z")


def _detail(path: str, code: str, **params: str | int) -> ErrorDetail:
    """A detail worded by the catalogue (``locale/*/adminnet.po``) from code and params."""
    return ErrorDetail.from_code(path, code, params)


def unknown_collection(path: str, name: object) -> ErrorDetail:
    """The detail for a table or file named after no collection."""
    return _detail(path, "arrow.unknown_collection", value=repr(name), allowed=", ".join(_KINDS))


def _arrow_input(pa: Any, data: object) -> Any:
    """A RecordBatchReader over ``data`` (a Table, a batch, a reader, a stream object)."""
    if isinstance(data, pa.RecordBatchReader):
        return data
    if isinstance(data, pa.Table):
        return data.to_reader()
    if isinstance(data, pa.RecordBatch):
        return pa.RecordBatchReader.from_batches(data.schema, [data])
    if hasattr(data, "__arrow_c_stream__"):
        return pa.RecordBatchReader.from_stream(data)
    what = type(data).__name__
    raise InvalidDataError([_detail("$", "arrow.invalid_table", value=what)])


def _column_path(prefix: str, column: str) -> str:
    return f"{prefix}[*].{column}"


def from_arrow(data: object, *, kind: str | None = None) -> list[Any] | Dataset:
    """Dari tabel Arrow (a table of :func:`to_arrow`'s layout back to validated entities).

    Args:
        data: A ``pyarrow.Table``, ``RecordBatch`` or ``RecordBatchReader``, or any
            object with the Arrow stream interface (a polars DataFrame, a DuckDB
            relation); or a mapping of collection name to such a table, which gives a
            Dataset.
        kind: The collection of the rows (``"persons"``); read from the table's schema
            metadata when it has it (tables written by adminnet do).

    Returns:
        The entities, in row order; a Dataset for a mapping.

    Raises:
        InvalidDataError: every problem, each with its path (``$[3].nip``; a column's
            problem at ``$[*].column``): codes of the serialization loader and of the
            entity classes, plus ``arrow.unknown_table``, ``arrow.kind_mismatch``,
            ``arrow.missing_column``, ``arrow.unknown_column``, ``arrow.column_type``,
            ``arrow.inconsistent_column``, ``arrow.invalid_timezone``,
            ``arrow.invalid_table``.
    """
    if isinstance(data, Mapping):
        return _dataset(data)
    details: list[ErrorDetail] = []
    rows = _rows(data, kind, "$", details)
    if details:
        raise InvalidDataError(_capped(details))
    return rows


def _capped(details: list[ErrorDetail]) -> list[ErrorDetail]:
    if len(details) <= MAX_DETAILS:
        return details
    rest = len(details) - MAX_DETAILS
    variant = "one" if rest == 1 else None
    more = ErrorDetail.from_code("$", "document.too_many_errors", {"count": rest}, variant=variant)
    return [*details[:MAX_DETAILS], more]


def _dataset(tables: Mapping[Any, Any]) -> Dataset:
    details: list[ErrorDetail] = []
    collections: dict[str, Any] = {}
    for name, table in tables.items():
        if name not in _KINDS:
            details.append(unknown_collection(f"$.{name}" if isinstance(name, str) else "$", name))
            continue
        collections[name] = _rows(table, name, f"$.{name}", details)
    if details:
        raise InvalidDataError(_capped(details))
    try:
        return Dataset(**collections)
    except ValidationError as exc:
        raise InvalidDataError([ErrorDetail.from_error("$", exc)]) from exc


def _rows(data: object, kind: str | None, prefix: str, details: list[ErrorDetail]) -> list[Any]:
    pa = _pyarrow()
    try:
        reader = _arrow_input(pa, data)
    except InvalidDataError as exc:
        details.extend(attrs.evolve(d, path=prefix + d.path[1:]) for d in exc.errors)
        return []
    schema = reader.schema
    stated = (schema.metadata or {}).get(_KIND_KEY)
    stated_kind = stated.decode("utf-8", "replace") if stated is not None else None
    if kind is None:
        kind = stated_kind
    if kind is None or kind not in _KINDS:
        details.append(_detail(prefix, "arrow.unknown_table", value=repr(kind)))
        return []
    if stated_kind is not None and stated_kind != kind:
        details.append(_detail(prefix, "arrow.kind_mismatch", value=stated_kind, kind=kind))
        return []
    plan = _plan(kind)
    casts = _check_columns(pa, plan, schema, prefix, details)
    if casts is None:
        return []
    out: list[Any] = []
    start = 0
    for batch in reader:
        out.extend(_batch_rows(pa, plan, batch, casts, start, prefix, details))
        start += batch.num_rows
        if len(details) > MAX_DETAILS:
            break
    return out


def _check_columns(
    pa: Any, plan: _Plan, schema: Any, prefix: str, details: list[ErrorDetail]
) -> dict[str, Any] | None:
    """The columns to cast (name -> target type); None when the table cannot be read."""
    expected = {f.name: f for f in plan.schema}
    roles = {x.name: x.role if isinstance(x, _Leaf) else _Role.VALUE for x in plan.leaves}
    before = len(details)
    casts: dict[str, Any] = {}
    for field in schema:
        want = expected.get(field.name)
        path = _column_path(prefix, field.name)
        if want is None:
            details.append(_detail(path, "arrow.unknown_column", column=field.name, kind=plan.kind))
        elif not field.type.equals(want.type):
            if _textual(pa, field.type) and _textual(pa, want.type):
                pass  # text is text: read as it is (a cast could overflow a dictionary)
            elif _castable(pa, field.type, want.type):
                casts[field.name] = want.type
            else:
                details.append(
                    _detail(
                        path,
                        "arrow.column_type",
                        column=field.name,
                        value=str(field.type),
                        expected=str(want.type),
                    )
                )
    present = set(schema.names)
    for name in expected:
        if name not in present and roles[name] not in _DERIVED:
            path = _column_path(prefix, name)
            details.append(_detail(path, "arrow.missing_column", column=name))
    return None if len(details) > before else casts


def _textual(pa: Any, tp: Any) -> bool:
    """Text, plain or dictionary-encoded: its Python values are ``str``."""
    t = pa.types
    base = tp.value_type if t.is_dictionary(tp) else tp
    return bool(t.is_string(base) or t.is_large_string(base) or t.is_string_view(base))


def _castable(pa: Any, source: Any, target: Any) -> bool:
    """Whether a column of ``source`` may be cast to ``target`` (checked again per value)."""
    t = pa.types
    base = source.value_type if t.is_dictionary(source) else source
    goal = target.value_type if t.is_dictionary(target) else target
    if t.is_string(goal):
        return bool(t.is_string(base) or t.is_large_string(base) or t.is_string_view(base))
    if t.is_list(goal):
        listed = t.is_list(base) or t.is_large_list(base) or t.is_list_view(base)
        return bool(listed) and _castable(pa, base.value_type, goal.value_type)
    if t.is_struct(goal):
        return bool(base.equals(goal))
    if t.is_timestamp(goal):
        return bool(t.is_timestamp(base)) and base.tz is not None
    if t.is_date32(goal):
        return bool(t.is_date(base))
    if t.is_decimal(goal):
        return bool(t.is_decimal(base) or t.is_integer(base))
    if t.is_integer(goal):
        return bool(t.is_integer(base))
    return bool(base.equals(goal))


def _column_values(pa: Any, batch: Any, name: str, target: Any | None) -> list[Any] | None:
    """The Python values of a column (cast first if needed); None if the cast loses data."""
    array = batch.column(name)
    if target is not None:
        try:
            array = array.cast(target, safe=True)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
    values: list[Any] = array.to_pylist()
    return values


def _batch_rows(
    pa: Any,
    plan: _Plan,
    batch: Any,
    casts: dict[str, Any],
    start: int,
    prefix: str,
    details: list[ErrorDetail],
) -> Iterator[Any]:
    from adminnet.serialization import from_dict  # same layer; kept out of import time

    present = set(batch.schema.names)
    columns: dict[str, list[Any]] = {}
    for name in plan.schema.names:
        if name not in present:
            continue
        values = _column_values(pa, batch, name, casts.get(name))
        if values is None:
            path = _column_path(prefix, name)
            got = str(batch.schema.field(name).type)
            want = str(plan.schema.field(name).type)
            details.append(
                _detail(path, "arrow.column_type", column=name, value=got, expected=want)
            )
            return
        columns[name] = values
    for i in range(batch.num_rows):
        row = start + i
        where = f"{prefix}[{row}]"
        before = len(details)
        data, zones = _document(plan.leaves, columns, i, where, details)
        if len(details) > before:
            continue
        try:
            entity: Any = from_dict(plan.cls, data)
        except InvalidDataError as exc:
            details.extend(attrs.evolve(d, path=where + d.path[1:]) for d in exc.errors)
            continue
        if zones:
            entity = attrs.evolve(
                entity, **{f: getattr(entity, f).in_timezone(z) for f, z in zones.items()}
            )
        yield entity


def _put(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc.setdefault(key, {})
    doc[path[-1]] = value


def _all_none(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_all_none(v) for v in value.values())
    return value is None


def _drop_absent(doc: dict[str, Any], optional: set[tuple[str, ...]]) -> None:
    """An optional nested object whose columns are all null is ``None``."""
    for path in sorted(optional, key=len, reverse=True):
        parent = doc
        for key in path[:-1]:
            parent = parent.get(key) or {}
        if path[-1] in parent and _all_none(parent[path[-1]]):
            parent[path[-1]] = None


def _document(
    leaves: tuple[_Leaf | _ListOf, ...],
    columns: Mapping[str, list[Any]],
    i: int,
    where: str,
    details: list[ErrorDetail],
) -> tuple[dict[str, Any], dict[str, str]]:
    """One row as a JSON-like document of the serialization format, and its zone names."""
    doc: dict[str, Any] = {}
    optional: set[tuple[str, ...]] = set()
    zones: dict[str, str] = {}
    for x in leaves:
        if x.name not in columns:
            continue
        value = columns[x.name][i]
        if isinstance(x, _ListOf):
            items = []
            for j, item in enumerate(value or ()):
                cells = {k: [v] for k, v in item.items()}
                sub, _ = _document(x.leaves, cells, 0, f"{where}.{x.name}[{j}]", details)
                items.append(sub)
            _put(doc, x.path, items if value is not None else None)
            continue
        optional.update(tuple(o.split(".")) for o in x.optional)
        if x.role is _Role.VALUE:
            _put(doc, x.path, _wire(x, value, columns, i, where, details, zones))
        elif x.role is not _Role.TIMEZONE:
            _check_derived(x, value, columns, i, where, details)
    _drop_absent(doc, optional)
    return doc, zones


def _wire(
    x: _Leaf,
    value: Any,
    columns: Mapping[str, list[Any]],
    i: int,
    where: str,
    details: list[ErrorDetail],
    zones: dict[str, str],
) -> Any:
    """A cell as the serialization format writes it (dates and decimals as text)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        zone_column = f"{x.name}.{_Role.TIMEZONE.value}"
        zone = columns[zone_column][i] if zone_column in columns else None
        moment = pendulum.instance(value)
        if zone is None:
            return moment.in_timezone("UTC").isoformat()
        m = _OFFSET.match(zone)
        if m is not None:
            sign, hh, mm = m.groups()
            seconds = (int(hh) * 3600 + int(mm) * 60) * (-1 if sign == "-" else 1)
            return moment.in_timezone(pendulum.FixedTimezone(seconds)).isoformat()
        try:
            local = moment.in_timezone(zone)
        except Exception:  # pendulum raises its own InvalidTimezone or a ValueError
            details.append(
                _detail(f"{where}.{zone_column}", "arrow.invalid_timezone", value=repr(zone))
            )
            return None
        if len(x.path) == 1:
            zones[x.path[0]] = zone
        return local.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return _plain(value)
    return value


_WIDE: Final = decimal.Context(prec=80)


def _plain(value: decimal.Decimal) -> str:
    """The decimal without the zeros the column's scale added (``2.790000000`` -> ``2.79``)."""
    if value == value.to_integral_value():
        return str(value.quantize(decimal.Decimal(1), context=_WIDE))
    return str(value.normalize(context=_WIDE))


def _check_derived(
    x: _Leaf,
    value: Any,
    columns: Mapping[str, list[Any]],
    i: int,
    where: str,
    details: list[ErrorDetail],
) -> None:
    base = x.name[: -len(x.role.value) - 1]
    source = columns.get(base)
    if source is None:
        return
    text = source[i]
    want: Any = None
    if text is not None:
        if x.role is _Role.LABEL:
            try:
                want = x.tp(text).label
            except ValueError:
                return  # the value column's own error is reported by the loader
        else:
            try:
                partial = PartialDate.parse(text)
            except ValidationError:
                return  # reported at the value column
            want = {
                _Role.EARLIEST: partial.earliest,
                _Role.LATEST: partial.latest,
                _Role.PRECISION: partial.precision.value,
            }[x.role]
    if value != want and not (value is None and want is None):
        details.append(
            _detail(
                f"{where}.{x.name}",
                "arrow.inconsistent_column",
                value=repr(value if not isinstance(value, _dt.date) else value.isoformat()),
                column=base,
                expected=repr(want if not isinstance(want, _dt.date) else want.isoformat()),
            )
        )
