"""Tabel Arrow (typed Arrow tables of entities: real types, streaming, Parquet).

One table per collection of a :class:`~adminnet.model.dataset.Dataset` (its name is the
table's *kind*: ``"persons"``, ``"tenures"``, ...), with a fixed schema derived from the
entity class (:func:`arrow_schema`), so that every batch, file and partition of one kind
has the same columns and types. Needs the optional extra ``arrow``
(``pip install "adminnet[arrow]"``).

>>> from adminnet.examples import lan_mou_2017
>>> ds = lan_mou_2017()
>>> persons = to_arrow(ds.persons)
>>> persons.schema.names
['id', 'name', 'nip', 'birth_date', 'gender']
>>> persons.column("name")[4].as_py()
'Ir. Frans J. Papilaya, M.Si.'
>>> tenures = to_arrow(ds.tenures)
>>> str(tenures.schema.field("period.start.earliest").type)
'date32[day]'
>>> row = tenures.slice(len(tenures) - 1).to_pylist()[0]
>>> row["period.start"], row["period.start.precision"], row["capacity"], row["capacity.label"]
('2016-08-04', 'day', 'penjabat', 'Pj.')
>>> [p["agency_id"] for p in to_arrow(ds.agreements).column("parties")[0].as_py()]
['lan', 'pemkot-8171']

Columns, for a field of each type (nested objects give dotted names, as in
:func:`adminnet.export.to_records`):

- text: ``string``; a ``region_code``: ``dictionary<int32, string>``; a person's name:
  its formal text (``str(PersonName)``); ``bool``; ``int64``.
- an enum: ``dictionary<int8, string>`` of its values, the dictionary being every
  member in definition order; the Indonesian labels ride along in the field metadata
  (``adminnet.labels``), and a tenure's ``capacity`` and a position's ``role`` get a
  column of their labels too (``capacity.label``: ``"Pj."``).
- a ``Decimal``: ``decimal128(38, 9)`` (a value with more than 9 decimals or 29 integer
  digits is refused, ``arrow.decimal_out_of_range``, never rounded).
- a ``pendulum.Date``: ``date32``; a ``pendulum.DateTime``: ``timestamp[us, UTC]``
  plus ``<name>.timezone`` (``"Asia/Jakarta"``, ``"+07:00"``).
- a :class:`~adminnet.time.PartialDate`: its text (``"2016-08"``) plus
  ``<name>.earliest`` and ``<name>.latest`` (``date32``) and ``<name>.precision``
  (``"year"``, ``"month"``, ``"day"``).
- a nested object (a Period, a Decree, an Indicator): its columns in place, with
  dotted names; an optional object that is ``None`` has nulls in all of them.
- a tuple of values (ids, cooperation areas): ``list<string>`` or a list of the enum's
  dictionary type; a tuple of objects (an agreement's ``parties``, an agency's
  ``other_names``): a ``list<struct<...>>`` of their columns, never wide
  ``parties.0.*`` columns.
"""

from __future__ import annotations

import decimal
import enum
import functools
import json
import operator
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, overload

import attrs
import pendulum

from adminnet._enum import LabeledEnum
from adminnet.errors import AdminnetError, InvalidComponent, InvalidFormat
from adminnet.model.dataset import COLLECTION_OF, COLLECTIONS, Dataset
from adminnet.model.position import Capacity, Role
from adminnet.text.names import PersonName
from adminnet.time import PartialDate, Precision

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "ArrowStream",
    "arrow_schema",
    "record_batches",
    "to_arrow",
]

DECIMAL_PRECISION: Final = 38
"""Presisi desimal (digits of a ``decimal128`` column: the most 128 bits hold)."""

DECIMAL_SCALE: Final = 9
"""Skala desimal (digits after the decimal point of a ``decimal128`` column)."""

BATCH_SIZE: Final = 65_536
"""Ukuran batch (rows per record batch when streaming)."""

_ARROW_HINT: Final = (
    'Arrow tables need pyarrow, an optional dependency: pip install "adminnet[arrow]"'
)
_KIND_KEY: Final = b"adminnet.kind"
_ROLE_KEY: Final = b"adminnet.role"
_LABELLED: Final[tuple[type[LabeledEnum], ...]] = (Capacity, Role)
_KINDS: Final = {c.name: c.cls for c in COLLECTIONS}
_NO_META: Final[Mapping[str, str]] = types.MappingProxyType({})


E = typing.TypeVar("E", bound=AdminnetError)


def _error(cls: type[E], code: str, **params: str | int) -> E:
    """An error worded by the catalogue (``locale/*/adminnet.po``) from code and params."""
    return cls(code=code, params=params)


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as exc:
        raise ModuleNotFoundError(_ARROW_HINT, name="pyarrow") from exc
    return pyarrow


# --- the plan: one leaf per column ----------------------------------------------------


class _Role(enum.StrEnum):
    """What a column holds; derived columns are ignored (checked) when reading back."""

    VALUE = "value"
    EARLIEST = "earliest"
    LATEST = "latest"
    PRECISION = "precision"
    TIMEZONE = "timezone"
    LABEL = "label"


_DERIVED: Final = frozenset(_Role) - {_Role.VALUE}


@attrs.frozen
class _Leaf:
    """One column: its dotted path, its Arrow field, and how to read it off an entity."""

    path: tuple[str, ...]  # attribute names from the entity to the field
    name: str  # the column name (dotted), relative to its table or struct
    role: _Role
    tp: Any  # the Python type of the field (unwrapped)
    field: Any  # pyarrow.Field
    get: Callable[[Any], Any]  # entity -> the field's Python value (or None)
    optional: tuple[str, ...] = ()  # the optional objects on the way (for reading back)
    cell: Callable[[Any], Any] | None = None  # entity -> its cell, if not ``get`` (dates)


@attrs.frozen
class _ListOf:
    """A tuple field of objects: one ``list<struct>`` column."""

    path: tuple[str, ...]
    name: str
    cls: type
    leaves: tuple[_Leaf | _ListOf, ...]
    field: Any
    get: Callable[[Any], Any]


def _unwrap_optional(tp: object) -> tuple[object, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(tp)):
            return args[0], True
    return tp, False


@functools.cache
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in attrs.fields(cls))


def _chain(getter: Callable[[Any], Any], name: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        parent = getter(obj)
        return None if parent is None else getattr(parent, name)

    return get


def _then(getter: Callable[[Any], Any], fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        value = getter(obj)
        return None if value is None else fn(value)

    return get


def _zone(value: Any) -> str:
    tz = value.tzinfo
    name = getattr(tz, "name", None) or getattr(tz, "key", None)
    if isinstance(name, str):
        return name
    offset = value.utcoffset()
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _leaves(
    cls: type,
    prefix: tuple[str, ...],
    getter: Callable[[Any], Any] | None,
    nullable: bool,
    optional: tuple[str, ...],
) -> list[_Leaf | _ListOf]:
    pa = _pyarrow()
    out: list[_Leaf | _ListOf] = []
    for fname, hint in _hints(cls):
        tp, opt = _unwrap_optional(hint)
        path = (*prefix, fname)
        name = ".".join(path)
        get = operator.attrgetter(fname) if getter is None else _chain(getter, fname)
        null = nullable or opt
        out.extend(_field_leaves(pa, tp, path, name, get, null, optional, opt))
    return out


def _field_leaves(
    pa: Any,
    tp: Any,
    path: tuple[str, ...],
    name: str,
    get: Callable[[Any], Any],
    null: bool,
    optional: tuple[str, ...],
    opt: bool,
) -> list[_Leaf | _ListOf]:
    def leaf(
        role: _Role,
        arrow_type: Any,
        fn: Callable[[Any], Any],
        *,
        cell: Callable[[Any], Any] | None = None,
        meta: Mapping[str, str] = _NO_META,
    ) -> _Leaf:
        col = name if role is _Role.VALUE else f"{name}.{role.value}"
        md = {_ROLE_KEY: role.value.encode()} if role is not _Role.VALUE else {}
        md.update({k.encode(): v.encode() for k, v in meta.items()})
        field = pa.field(col, arrow_type, nullable=null, metadata=md or None)
        return _Leaf(path, col, role, tp, field, fn, optional, cell)

    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        meta: dict[str, str] = {}
        if issubclass(tp, LabeledEnum):
            meta["adminnet.labels"] = json.dumps({m.value: m.label for m in tp}, ensure_ascii=False)
        leaves: list[_Leaf | _ListOf] = [
            leaf(_Role.VALUE, pa.dictionary(pa.int8(), pa.string()), get, meta=meta)
        ]
        if tp in _LABELLED:
            labels = _then(get, lambda m: m.label)
            leaves.append(leaf(_Role.LABEL, pa.dictionary(pa.int8(), pa.string()), labels))
        return leaves
    if tp is PartialDate:
        earliest = _then(get, lambda d: d.earliest)
        latest = _then(get, lambda d: d.latest)
        return [
            leaf(_Role.VALUE, pa.string(), _then(get, str)),
            leaf(_Role.EARLIEST, pa.date32(), earliest, cell=_days_of(earliest)),
            leaf(_Role.LATEST, pa.date32(), latest, cell=_days_of(latest)),
            leaf(
                _Role.PRECISION,
                pa.dictionary(pa.int8(), pa.string()),
                _then(get, lambda d: d.precision),
            ),
        ]
    if tp is pendulum.DateTime:
        return [
            leaf(_Role.VALUE, pa.timestamp("us", tz="UTC"), get),
            leaf(_Role.TIMEZONE, pa.dictionary(pa.int32(), pa.string()), _then(get, _zone)),
        ]
    if tp is pendulum.Date:
        return [leaf(_Role.VALUE, pa.date32(), get, cell=_days_of(get))]
    if tp is PersonName:
        return [leaf(_Role.VALUE, pa.string(), _then(get, str))]
    if tp is bool:
        return [leaf(_Role.VALUE, pa.bool_(), get)]
    if tp is int:
        return [leaf(_Role.VALUE, pa.int64(), get)]
    if tp is decimal.Decimal:
        return [leaf(_Role.VALUE, pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE), get)]
    if tp is str:
        if path[-1] == "region_code":
            return [leaf(_Role.VALUE, pa.dictionary(pa.int32(), pa.string()), get)]
        return [leaf(_Role.VALUE, pa.string(), get)]
    if isinstance(tp, type) and attrs.has(tp):
        inner = (*optional, ".".join(path)) if opt else optional
        return _leaves(tp, path, get, null, inner)
    if typing.get_origin(tp) is tuple:
        (element, *rest) = typing.get_args(tp)
        if not rest or rest != [Ellipsis]:
            raise _no_column(tp)
        if isinstance(element, type) and attrs.has(element):
            inner_leaves = tuple(_leaves(element, (), None, False, ()))
            struct = pa.struct([x.field for x in inner_leaves])
            field = pa.field(name, pa.list_(pa.field("item", struct, nullable=False)), False)
            return [_ListOf(path, name, element, inner_leaves, field, get)]
        item = _field_leaves(pa, element, path, name, lambda o: o, False, (), False)
        if len(item) != 1 or not isinstance(item[0], _Leaf):
            raise _no_column(tp)
        item_type = item[0].field.type
        field = pa.field(name, pa.list_(pa.field("item", item_type, nullable=False)), False)
        return [_Leaf(path, name, _Role.VALUE, tp, field, get, optional)]
    raise _no_column(tp)


_EPOCH_ORDINAL: Final = 719_163  # date(1970, 1, 1).toordinal(): day 0 of date32


def _days_of(getter: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Entity -> its date as a ``date32`` cell: days since 1970-01-01 (or None).

    An int rather than the date: a batch's cells hold no new object the cyclic garbage
    collector tracks (a pendulum date is one).
    """

    def days(obj: Any) -> int | None:
        value = getter(obj)
        return None if value is None else value.toordinal() - _EPOCH_ORDINAL

    return days


def _no_column(tp: object) -> TypeError:
    """A field type without a column rule: a model change that needs one here."""
    return TypeError(f"no Arrow column for a field of type {tp!r}")


@attrs.frozen
class _Plan:
    kind: str
    cls: type
    leaves: tuple[_Leaf | _ListOf, ...]
    schema: Any


@functools.cache
def _plan(kind: str) -> _Plan:
    cls = _KINDS[kind]
    leaves = tuple(_leaves(cls, (), None, False, ()))
    pa = _pyarrow()
    schema = pa.schema([x.field for x in leaves], metadata={_KIND_KEY: kind.encode()})
    return _Plan(kind, cls, leaves, schema)


def _check_kind(kind: object) -> str:
    if not isinstance(kind, str) or kind not in _KINDS:
        raise _error(
            InvalidComponent, "arrow.unknown_kind", value=repr(kind), allowed=", ".join(_KINDS)
        )
    return kind


def arrow_schema(kind: str) -> pa.Schema:
    """Skema Arrow (the Arrow schema of one collection's table, e.g. ``"persons"``).

    >>> schema = arrow_schema("persons")
    >>> [(f.name, str(f.type), f.nullable) for f in schema][:2]
    [('id', 'string', False), ('name', 'string', False)]
    >>> str(schema.field("gender").type)
    'dictionary<values=string, indices=int8, ordered=0>'

    Args:
        kind: A collection name of :data:`adminnet.model.dataset.COLLECTIONS`.

    Raises:
        InvalidComponent: ``kind`` is no collection (code ``arrow.unknown_kind``).
        ModuleNotFoundError: pyarrow is not installed.
    """
    return _plan(_check_kind(kind)).schema


# --- writing --------------------------------------------------------------------------


def _build_leaf(pa: Any, leaf: _Leaf, cells: list[Any]) -> Any:
    """The column of ``leaf`` from its cells (see :func:`_cell_of`)."""
    tp = leaf.field.type
    if pa.types.is_dictionary(tp):
        dictionary = _dictionary_of(leaf)
        if dictionary is not None:  # members (or labels) of a fixed dictionary
            index, values = dictionary
            found = list(map(index.get, cells))  # None stays None
            if found.count(None) != cells.count(None):  # never from a valid entity
                pairs = zip(cells, found, strict=True)
                bad = next(v for v, i in pairs if i is None and v is not None)
                raise _no_member(leaf.name, bad)
            return pa.DictionaryArray.from_arrays(pa.array(found, pa.int8()), values)
        return pa.array(cells, pa.string()).dictionary_encode()
    if pa.types.is_list(tp) and pa.types.is_dictionary(tp.value_type):
        return _enum_list(pa, leaf.tp, cells, tp, leaf.name)
    if pa.types.is_decimal(tp):
        return _decimal_array(pa, leaf, cells)
    return pa.array(cells, tp)


def _dictionary_of(leaf: _Leaf) -> tuple[dict[Any, int], Any] | None:
    """The index and the fixed dictionary of an enum, precision or label column.

    None for a column whose dictionary is built per batch (region codes, time zones).
    """
    if leaf.role is _Role.VALUE and isinstance(leaf.tp, type) and issubclass(leaf.tp, enum.Enum):
        return _members(leaf.tp)
    if leaf.role is _Role.PRECISION:
        return _members(Precision)
    if leaf.role is _Role.LABEL:
        return _labels(leaf.tp)
    return None


@functools.cache
def _members(cls: type[enum.Enum]) -> tuple[dict[Any, int], Any]:
    pa = _pyarrow()
    index = {m: i for i, m in enumerate(cls)}
    return index, pa.array([m.value for m in cls], pa.string())


@functools.cache
def _labels(cls: type[LabeledEnum]) -> tuple[dict[Any, int], Any]:
    pa = _pyarrow()
    labels: list[str] = []
    for m in cls:
        if m.label not in labels:
            labels.append(m.label)
    return {lab: labels.index(lab) for lab in labels}, pa.array(labels, pa.string())


def _enum_list(pa: Any, tp: Any, values: list[Any], list_type: Any, name: str) -> Any:
    (element,) = [a for a in typing.get_args(tp) if a is not Ellipsis]
    index, dictionary = _members(element)
    offsets = [0]
    flat: list[int] = []
    for items in values:
        try:
            flat.extend(index[v] for v in items)
        except (KeyError, TypeError) as exc:  # never from a valid entity
            bad = exc.args[0] if type(exc) is KeyError and exc.args else items
            raise _no_member(name, bad) from None
        offsets.append(len(flat))
    items_array = pa.DictionaryArray.from_arrays(pa.array(flat, pa.int8()), dictionary)
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), items_array, type=list_type)


def _no_member(column: str, value: object) -> InvalidFormat:
    """A cell that is no value of its column's type, refused (never written as null).

    Only an entity changed behind its validators holds one.
    """
    return _error(InvalidFormat, "arrow.invalid_cell", column=column, value=repr(value)[:60])


def _decimal_array(pa: Any, leaf: _Leaf, values: list[Any]) -> Any:
    try:
        return pa.array(values, leaf.field.type)
    except (pa.ArrowInvalid, decimal.InvalidOperation):
        for v in values:
            try:
                pa.array([v], leaf.field.type)
            except (pa.ArrowInvalid, decimal.InvalidOperation):
                raise _error(
                    InvalidComponent,
                    "arrow.decimal_out_of_range",
                    value=format(v, "f") if isinstance(v, decimal.Decimal) else repr(v),
                    column=leaf.name,
                    precision=DECIMAL_PRECISION,
                    scale=DECIMAL_SCALE,
                ) from None
        raise


def _struct_rows(node: _ListOf, items: Iterable[Any]) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        row: dict[str, Any] = {}
        for x in node.leaves:
            if isinstance(x, _ListOf):
                row[x.name] = _struct_rows(x, x.get(item))
                continue
            value = x.get(item)
            if isinstance(value, enum.Enum):
                value = value.value
            elif isinstance(value, tuple):
                value = [v.value if isinstance(v, enum.Enum) else v for v in value]
            row[x.name] = value
        rows.append(row)
    return rows


def _cell_of(x: _Leaf | _ListOf) -> Callable[[Any], Any]:
    """Entity -> its cell in the column of ``x`` (what :func:`_column` builds from).

    A cell is the field's value (text, number, enum member: nothing new for the cyclic
    garbage collector to track), a day number for a date, the struct rows of a tuple of
    objects.
    """
    if isinstance(x, _ListOf):
        return lambda obj: _struct_rows(x, x.get(obj))
    return x.get if x.cell is None else x.cell


def _column(pa: Any, x: _Leaf | _ListOf, cells: list[Any]) -> Any:
    if isinstance(x, _ListOf):
        return pa.array(cells, x.field.type)
    return _build_leaf(pa, x, cells)


def _kind_of(cls: type, i: int) -> str:
    kind = COLLECTION_OF.get(cls)
    if kind is None:
        raise _error(InvalidFormat, "arrow.invalid_type", value=cls.__name__, row=i)
    return kind


def _mixed(obj: object, i: int, kind: str) -> InvalidFormat:
    """Row ``i`` is no entity of ``kind``: the error saying what it is."""
    return _error(
        InvalidFormat, "arrow.mixed_types", value=_kind_of(type(obj), i), row=i, kind=kind
    )


def _rows(objs: object, kind: str | None, batch_size: int) -> tuple[str | None, Iterator[Any]]:
    """The kind of the rows (from ``kind`` or the first row) and the rows.

    The arguments and the first row are checked now, every other row as it is read.
    """
    if isinstance(objs, str | bytes | bytearray | Mapping | Dataset) or not isinstance(
        objs, Iterable
    ):
        raise _error(InvalidFormat, "arrow.invalid_input", value=type(objs).__name__)
    if kind is not None:
        kind = _check_kind(kind)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise _error(InvalidComponent, "arrow.invalid_batch_size", value=repr(batch_size))
    it = iter(objs)
    first = next(it, _END)
    if first is _END:
        return kind, iter(())
    first_kind = _kind_of(type(first), 0)
    if kind is None:
        kind = first_kind
    if type(first) is not _KINDS[kind]:
        raise _mixed(first, 0, kind)
    return kind, _then_rest(first, it)


def _then_rest(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    """``first``, then ``rest``, holding ``first`` no longer than needed (unlike chain)."""
    yield first
    del first
    yield from rest


_END: Final = object()


def _iter_batches(plan: _Plan, rows: Iterator[Any], batch_size: int) -> Iterator[Any]:
    """Record batches of ``batch_size`` rows, each built in one pass over its entities.

    Each entity is read once, into one cell per column (see :func:`_cell_of`) and not
    kept, so the entities of a generator are freed as they come: a batch costs its
    cells only, and its cells give the cyclic garbage collector nothing new to track
    (but for the struct rows of a tuple of objects).
    """
    pa = _pyarrow()
    cells = [_cell_of(x) for x in plan.leaves]
    cls = plan.cls
    done = 0  # rows in the batches before this one
    while True:
        columns: list[list[Any]] = [[] for _ in cells]
        pairs = tuple(zip([c.append for c in columns], cells, strict=True))
        n = 0
        for obj in rows:
            if type(obj) is not cls:
                raise _mixed(obj, done + n, plan.kind)
            for append, cell in pairs:
                append(cell(obj))
            n += 1
            if n == batch_size:
                break
        if not n:
            return
        arrays = [_column(pa, x, c) for x, c in zip(plan.leaves, columns, strict=True)]
        yield pa.RecordBatch.from_arrays(arrays, schema=plan.schema)
        done += n


def record_batches(
    objs: Iterable[Any], *, kind: str | None = None, batch_size: int = BATCH_SIZE
) -> pa.RecordBatchReader:
    """Aliran batch Arrow (entities of one kind as a stream of record batches).

    The entities are read lazily, ``batch_size`` at a time, so a generator over a
    large file never sits in memory whole. The reader implements the Arrow PyCapsule
    stream interface (``__arrow_c_stream__``): polars, DuckDB and pyarrow consume it
    directly. It can be read once.

    >>> from adminnet.examples import lan_mou_2017
    >>> reader = record_batches(lan_mou_2017().persons, batch_size=2)
    >>> [len(b) for b in reader]
    [2, 2, 1]

    Args:
        objs: Entities of one collection's class (a generator is fine).
        kind: The collection (``"persons"``); needed when ``objs`` may be empty, and
            checked against every row otherwise.
        batch_size: Rows per batch.

    Raises:
        InvalidFormat: ``objs`` is not an iterable of entities of one kind (codes
            ``arrow.invalid_input``, ``arrow.invalid_type``, ``arrow.mixed_types``),
            when it is found.
        InvalidComponent: an unknown ``kind`` (``arrow.unknown_kind``), a bad
            ``batch_size`` (``arrow.invalid_batch_size``), a decimal that does not fit
            (``arrow.decimal_out_of_range``).
    """
    pa = _pyarrow()
    found, rows = _rows(objs, kind, batch_size)
    if found is None:
        return pa.RecordBatchReader.from_batches(pa.schema([]), iter(()))
    plan = _plan(found)
    batches = _iter_batches(plan, rows, batch_size)
    return pa.RecordBatchReader.from_batches(plan.schema, batches)


@overload
def to_arrow(objs: Dataset, *, kind: None = None) -> dict[str, pa.Table]: ...


@overload
def to_arrow(objs: Iterable[Any], *, kind: str | None = None) -> pa.Table: ...


@overload
def to_arrow(
    objs: Dataset | Iterable[Any], *, kind: str | None = None
) -> pa.Table | dict[str, pa.Table]: ...


def to_arrow(
    objs: Dataset | Iterable[Any], *, kind: str | None = None
) -> pa.Table | dict[str, pa.Table]:
    """Tabel Arrow (entities as a typed ``pyarrow.Table``; a Dataset as one per kind).

    >>> from adminnet.examples import lan_mou_2017
    >>> tables = to_arrow(lan_mou_2017())
    >>> {name: len(t) for name, t in tables.items()}["persons"]
    5
    >>> to_arrow([]).num_columns, to_arrow([], kind="persons").num_columns
    (0, 5)

    Args:
        objs: Entities of one collection's class, or a Dataset.
        kind: The collection, for an iterable that may be empty (see
            :func:`record_batches`).

    Returns:
        A table with the schema :func:`arrow_schema` of the kind (no columns for an
        empty input of unknown kind); for a Dataset, a dict of tables keyed by
        collection name, every collection present.

    Raises:
        As :func:`record_batches`.
    """
    pa = _pyarrow()
    if isinstance(objs, Dataset):
        if kind is not None:
            raise _error(InvalidFormat, "arrow.kind_with_dataset", value=repr(kind))
        return {c.name: to_arrow(getattr(objs, c.name), kind=c.name) for c in COLLECTIONS}
    found, rows = _rows(objs, kind, BATCH_SIZE)
    if found is None:
        return pa.table({})
    plan = _plan(found)
    batches = list(_iter_batches(plan, rows, BATCH_SIZE))
    return pa.Table.from_batches(batches, schema=plan.schema)


class ArrowStream:
    """Aliran Arrow (a re-readable Arrow stream of entities, for polars and DuckDB).

    Wraps entities of one kind (a list, a tuple, a Dataset collection) and hands out a
    fresh stream of record batches on every ``__arrow_c_stream__`` call, so DuckDB
    (``duckdb.sql("select ... from s")``), polars (``polars.DataFrame(s)``) and pyarrow
    (``pyarrow.table(s)``) read it without a copy into Python objects in between.

    >>> from adminnet.examples import lan_mou_2017
    >>> s = ArrowStream(lan_mou_2017().tenures)
    >>> s.schema.field("capacity.label").type
    DictionaryType(dictionary<values=string, indices=int8, ordered=0>)
    """

    def __init__(
        self, objs: Sequence[Any], *, kind: str | None = None, batch_size: int = BATCH_SIZE
    ) -> None:
        """Wrap ``objs`` (checked when streamed); ``kind`` as for :func:`to_arrow`."""
        self._objs = objs
        self._kind = kind
        self._batch_size = batch_size
        found, rows = _rows(objs, kind, batch_size)
        if found is not None:  # every row's type is checked now: a reader in C gets no error
            cls = _KINDS[found]
            for i, obj in enumerate(rows):
                if type(obj) is not cls:
                    raise _mixed(obj, i, found)
        self._found = found

    @property
    def schema(self) -> pa.Schema:
        """The schema of the stream (no columns for an empty input of unknown kind)."""
        if self._found is None:
            return _pyarrow().schema([])
        return arrow_schema(self._found)

    def reader(self) -> pa.RecordBatchReader:
        """A new stream of record batches over the entities."""
        return record_batches(self._objs, kind=self._kind, batch_size=self._batch_size)

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow PyCapsule stream interface."""
        return self.reader().__arrow_c_stream__(requested_schema)
