"""Tabel Arrow (typed Arrow tables of entities: real types, streaming, Parquet).

:func:`to_arrow` builds one table per collection of a
:class:`~adminnet.model.dataset.Dataset`, :func:`record_batches` streams one
collection batch by batch, and :class:`ArrowStream` hands polars and DuckDB a stream
they can read again. The columns and their types are those of :func:`arrow_schema`
(see :mod:`adminnet.export._arrow_schema`). Needs the optional extra ``arrow``
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
"""

from __future__ import annotations

import decimal
import enum
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, overload

from adminnet.errors import InvalidComponent, InvalidFormat
from adminnet.export._arrow_schema import (
    _KINDS,
    DECIMAL_PRECISION,
    DECIMAL_SCALE,
    _check_kind,
    _dictionary_of,
    _error,
    _Leaf,
    _ListOf,
    _members,
    _Plan,
    _plan,
    _pyarrow,
    arrow_schema,
)
from adminnet.model.dataset import COLLECTION_OF, COLLECTIONS, Dataset

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["ArrowStream", "record_batches", "to_arrow"]

BATCH_SIZE: Final = 65_536
"""Ukuran batch (rows per record batch when streaming)."""


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
