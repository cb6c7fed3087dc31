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

How rows are read: each entity once, into one cell per column, by a loop compiled once
per kind from the plan of :mod:`~adminnet.export._arrow_schema` (as attrs compiles an
``__init__``): each field is read once, an object on the path is tested for None once
for all its columns, and each cell is appended with no call in between; an enum's cell
is its index in the column's fixed dictionary. A row that loop cannot read (only an
entity changed behind its validators) is read by the plan's own getters instead, so
the errors are theirs.

>>> lines = [line.strip() for line in _reader("persons").source.splitlines()]
>>> lines[lines.index("v2 = o.birth_date") :][:5]
['v2 = o.birth_date', 'if v2 is None:', 'a3(None)', 'else:', 'a3(v2.toordinal() - 719163)']
"""

from __future__ import annotations

import decimal
import enum
import functools
import itertools
import keyword
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, overload

import attrs
import pendulum

from adminnet.errors import InvalidComponent, InvalidFormat
from adminnet.export._arrow_schema import (
    _EPOCH_ORDINAL,
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
    _Role,
    _zone,
    arrow_schema,
)
from adminnet.model.dataset import COLLECTION_OF, COLLECTIONS, Dataset
from adminnet.text.names import PersonName
from adminnet.time import PartialDate

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["ArrowStream", "record_batches", "to_arrow"]

BATCH_SIZE: Final = 65_536
"""Ukuran batch (rows per record batch when streaming)."""


def _build_leaf(pa: Any, leaf: _Leaf, cells: list[Any]) -> Any:
    """The column of ``leaf`` from its cells (see :func:`_reader`)."""
    tp = leaf.field.type
    if pa.types.is_list(tp) and pa.types.is_dictionary(tp.value_type):
        return _enum_list(pa, leaf.tp, cells, tp, leaf.name)
    return _whole(pa, leaf, [_piece(pa, leaf, cells)])


def _piecewise(pa: Any, x: _Leaf | _ListOf) -> bool:
    """Whether the column of ``x`` is converted piece by piece (see :func:`_piece`)."""
    return isinstance(x, _Leaf) and not pa.types.is_list(x.field.type)


def _piece(pa: Any, leaf: _Leaf, cells: list[Any]) -> Any:
    """Some rows' cells of a column that is not a list as an array (see :func:`_whole`).

    A dictionary column's piece is its indices (a fixed dictionary) or its text.
    """
    tp = leaf.field.type
    if pa.types.is_dictionary(tp):
        if _dictionary_of(leaf) is None:
            return pa.array(cells, pa.string())
        try:  # the cells are indexes into a fixed dictionary
            return pa.array(cells, pa.int8())
        except pa.ArrowInvalid:  # a _Bad cell: never from a valid entity
            bad = next((c for c in cells if type(c) is _Bad), None)
            if bad is None:
                raise
            raise _no_member(leaf.name, bad.value) from None
    if pa.types.is_decimal(tp):
        return _decimal_array(pa, leaf, cells)
    return pa.array(cells, tp)


def _whole(pa: Any, leaf: _Leaf, pieces: list[Any]) -> Any:
    """The column of ``leaf`` from its pieces, in order (see :func:`_piece`)."""
    array = pieces[0] if len(pieces) == 1 else pa.concat_arrays(pieces)
    if pa.types.is_dictionary(leaf.field.type):
        dictionary = _dictionary_of(leaf)
        if dictionary is None:  # built per batch, values in order of first appearance
            return array.dictionary_encode()
        return pa.DictionaryArray.from_arrays(array, dictionary[1])
    return array


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


_PLAIN: Final = frozenset({str, int, bool, float, type(None), decimal.Decimal, pendulum.Date})
"""Types whose values are struct fields as they are (no enum, no tuple)."""

_Struct = tuple[tuple[str, Callable[[Any], Any], "_Struct | None"], ...]


def _struct_of(node: _ListOf) -> _Struct:
    """Each field of a struct: its name, its getter and, for a list of structs, its own."""
    return tuple(
        (x.name, x.get, _struct_of(x) if isinstance(x, _ListOf) else None) for x in node.leaves
    )


def _struct_rows(struct: _Struct, items: Iterable[Any]) -> list[dict[str, Any]]:
    """The struct rows of a tuple of objects (an enum as its value, a tuple as a list)."""
    rows = []
    for item in items:
        row: dict[str, Any] = {}
        for name, get, inner in struct:
            value = get(item)
            if inner is not None:
                value = _struct_rows(inner, value)
            elif type(value) not in _PLAIN:
                value = _struct_value(value)
            row[name] = value
        rows.append(row)
    return rows


def _struct_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [v.value if isinstance(v, enum.Enum) else v for v in value]
    return value


def _cell_of(x: _Leaf | _ListOf) -> Callable[[Any], Any]:
    """Entity -> its cell in the column of ``x``, read by the plan's own getters.

    A cell is the field's value (text, number: nothing new for the cyclic garbage
    collector to track), a day number for a date, the struct rows of a tuple of
    objects (an enum member becomes its index, see :func:`_indexed`). The compiled
    reader (:func:`_reader`) gives the same cells faster; this is its fallback.
    """
    if isinstance(x, _ListOf):
        struct, get = _struct_of(x), x.get
        return lambda obj: _struct_rows(struct, get(obj))
    return x.get if x.cell is None else x.cell


def _column(pa: Any, x: _Leaf | _ListOf, cells: list[Any]) -> Any:
    if isinstance(x, _ListOf):
        return pa.array(cells, x.field.type)
    return _build_leaf(pa, x, cells)


# --- reading the cells: one compiled loop per plan -----------------------------------


class _Bad:
    """The cell of a value that is no member of its column's fixed dictionary.

    Only an entity changed behind its validators holds one; its column refuses it
    when built (``arrow.invalid_cell``), never writing it as null.
    """

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


def _indexed(cell: Callable[[Any], Any], index: Mapping[Any, int]) -> Callable[[Any], Any]:
    """Entity -> the index of its cell in a fixed dictionary (None, or a :class:`_Bad`)."""

    def indexed(obj: Any) -> int | _Bad | None:
        value = cell(obj)
        if value is None:
            return None
        try:
            return index[value]
        except (KeyError, TypeError):  # no member (TypeError: not even hashable)
            return _Bad(value)

    return indexed


_RAW: Final = (str, int, bool, decimal.Decimal, pendulum.DateTime)  # the cell is the value
_TEXT: Final = (PartialDate, PersonName)  # the cell is its text
_DAYS: Final = f"toordinal() - {_EPOCH_ORDINAL}"  # a date's date32 cell (a constant)


@attrs.frozen
class _Reader:
    """How the cells of a kind's rows are read, in one call per batch.

    ``fill(rows, appends)`` appends the cells of each entity of ``rows`` to the
    columns, one ``append`` per leaf of the plan, and returns None once ``rows`` is
    exhausted, ``(obj, False)`` at an entity of another class, ``(obj, True)`` at an
    entity whose cells the fast path could not read (a value changed behind the
    validators): the caller cuts the columns back to the rows before it and reads its
    cells with ``cells``, the plain cell function of each leaf (which gives the same
    cells or raises what the plan's own ``get`` raises).
    """

    fill: Callable[[Iterator[Any], tuple[Callable[[Any], None], ...]], Any]
    cells: tuple[Callable[[Any], Any], ...]
    source: str  # the text of ``fill``


class _Compiler:
    """Writes the text of a plan's ``fill`` function (see :class:`_Reader`).

    The code is what one would write by hand for the kind: a loop over the entities
    that reads each field once (an object on the path once for all its columns),
    tests it for None once, and appends each column's cell, with no call per cell but
    the ``append`` itself. A leaf it has no rule for is read by its own cell function.
    """

    def __init__(self, plan: _Plan) -> None:
        self.names: dict[str, Any] = {
            "cls": plan.cls,
            "_zone": _zone,
            "_struct_rows": _struct_rows,
        }
        self.cells: list[Callable[[Any], Any]] = []
        for i, x in enumerate(plan.leaves):
            cell = _cell_of(x)
            dictionary = _dictionary_of(x) if isinstance(x, _Leaf) else None
            if dictionary is not None:
                index = dictionary[0]
                self.names[f"ix{i}"] = {**index, None: None}
                cell = _indexed(cell, index)
            self.cells.append(cell)
            self.names[f"c{i}"] = cell
            if isinstance(x, _ListOf):
                self.names[f"x{i}"] = _struct_of(x)
        self.lines: list[str] = []
        self.fresh = 0
        self.emit("o", 0, list(enumerate(plan.leaves)), " " * 12)
        appends = "".join(f"a{i}, " for i in range(len(plan.leaves)))
        self.source = "\n".join(
            [
                "def fill(rows, appends):",
                f"    {appends}= appends",
                "    for o in rows:",
                "        if type(o) is not cls:",
                "            return o, False",
                "        try:",
                *self.lines,
                "        except Exception:",
                "            return o, True",
                "    return None",
                "",
            ]
        )

    def var(self, stem: str) -> str:
        self.fresh += 1
        return f"{stem}{self.fresh}"

    def emit(
        self, obj: str, depth: int, items: list[tuple[int, _Leaf | _ListOf]], ind: str
    ) -> None:
        """Append the cells of ``items``, whose paths all pass through ``obj``."""
        for name, group in itertools.groupby(items, lambda item: item[1].path[depth]):
            members = list(group)
            if not name.isidentifier() or keyword.iskeyword(name):
                self.lines.extend(f"{ind}a{i}(c{i}(o))" for i, _ in members)
                continue
            attr = f"{obj}.{name}"
            if len(members) == 1 and len(members[0][1].path) == depth + 1:
                i, x = members[0]
                direct = self.direct(i, x, attr)
                if direct is not None:  # one column, None or not
                    self.lines.append(f"{ind}a{i}({direct})")
                    continue
            v = self.var("v")
            self.lines.append(f"{ind}{v} = {attr}")
            self.lines.append(f"{ind}if {v} is None:")
            self.lines.extend(f"{ind}    {self.null(i, x)}" for i, x in members)
            self.lines.append(f"{ind}else:")
            inner = []
            for i, x in members:
                if len(x.path) > depth + 1:
                    inner.append((i, x))
                else:
                    self.lines.extend(f"{ind}    {line}" for line in self.cell(i, x, v))
            self.emit(v, depth + 1, inner, ind + "    ")

    def direct(self, i: int, x: _Leaf | _ListOf, value: str) -> str | None:
        """The cell of leaf ``i`` as one expression of its field's value, if it has one."""
        if isinstance(x, _ListOf):  # None fails in both readings
            return f"_struct_rows(x{i}, {value})"
        if x.role is not _Role.VALUE:
            return None
        if f"ix{i}" in self.names:  # a member: its index (None has None)
            return f"ix{i}[{value}]"
        if x.cell is None and (x.tp in _RAW or typing.get_origin(x.tp) is tuple):
            return value
        return None

    def null(self, i: int, x: _Leaf | _ListOf) -> str:
        """The line appending leaf ``i``'s cell when an object on its path is None."""
        if isinstance(x, _ListOf) or self.rule(i, x, "v") is None:
            return f"a{i}(c{i}(o))"
        return f"a{i}(None)"

    def cell(self, i: int, x: _Leaf | _ListOf, v: str) -> list[str]:
        """The lines appending leaf ``i``'s cell from its field's value ``v``, not None."""
        lines = self.rule(i, x, v)
        return [f"a{i}(c{i}(o))"] if lines is None else lines

    def rule(self, i: int, x: _Leaf | _ListOf, v: str) -> list[str] | None:
        """The lines of a leaf this compiler knows (None for another), as the plan reads it."""
        direct = self.direct(i, x, v)
        if direct is not None:
            return [f"a{i}({direct})"]
        if isinstance(x, _ListOf):
            return None
        if x.role is _Role.VALUE and x.tp in _TEXT:
            return [f"a{i}(str({v}))"]
        if x.role is _Role.VALUE and x.tp is pendulum.Date:
            return [f"a{i}({v}.{_DAYS})"]
        if x.role in (_Role.EARLIEST, _Role.LATEST) and x.tp is PartialDate:
            day = f"a{i}(None if d is None else d.{_DAYS})"  # d: read just before
            return [f"d = {v}.{x.role.value}", day]
        if x.role is _Role.PRECISION and x.tp is PartialDate and f"ix{i}" in self.names:
            return [f"a{i}(ix{i}[{v}.precision])"]
        if x.role is _Role.LABEL and f"ix{i}" in self.names:
            return [f"a{i}(ix{i}[{v}.label])"]
        if x.role is _Role.TIMEZONE and x.tp is pendulum.DateTime:
            return [f"a{i}(_zone({v}))"]
        return None


@functools.cache
def _reader(kind: str) -> _Reader:
    """The compiled reader of a kind's cells (built on first use, then kept)."""
    plan = _plan(kind)
    if not plan.leaves:
        msg = f"no Arrow column for {plan.cls!r}"  # rows are counted in the columns
        raise TypeError(msg)
    compiler = _Compiler(plan)
    namespace = dict(compiler.names)
    exec(compile(compiler.source, f"<adminnet arrow reader: {kind}>", "exec"), namespace)
    return _Reader(namespace["fill"], tuple(compiler.cells), compiler.source)


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
    # The first row, then the rest. The tuple iterator drops the tuple, and so the row,
    # once it is read past (chain((first,), it) would hold it to the end); and unlike a
    # generator, chain adds no Python frame per row.
    return kind, itertools.chain(iter((first,)), it)


_END: Final = object()


_PIECE: Final = 4_096
"""Rows whose cells are converted at once: they are still in the processor's cache."""


def _iter_batches(plan: _Plan, rows: Iterator[Any], batch_size: int) -> Iterator[Any]:
    """Record batches of ``batch_size`` rows, each built in one pass over its entities.

    Each entity is read once, into one cell per column (see :func:`_reader`), and not
    kept, so the entities of a generator are freed as they come: a batch costs its
    cells only, and its cells give the cyclic garbage collector nothing new to track
    (but for the struct rows of a tuple of objects and the values of date-times).
    The cells of a column that is not a list are converted every :data:`_PIECE` rows,
    while still in the processor's cache, and the pieces joined into one array per
    batch. A piece that fails is kept as its error, raised once the batch is read and
    its columns before it are built, as if the batch were converted whole.
    """
    pa = _pyarrow()
    reader = _reader(plan.kind)
    piecewise = [_piecewise(pa, x) for x in plan.leaves]
    done = 0  # rows in the batches before this one
    while True:
        columns: list[list[Any]] = [[] for _ in plan.leaves]
        appends = tuple(c.append for c in columns)
        pieces: list[list[Any]] = [[] for _ in plan.leaves]
        failed: dict[int, Exception] = {}
        n = 0  # rows of this batch
        while n < batch_size:
            part = itertools.islice(rows, min(_PIECE, batch_size - n))
            bases = [len(c) for c in columns]  # a list column keeps its cells to the end
            while (stop := reader.fill(part, appends)) is not None:
                obj, slow = stop
                got = min(len(c) - b for c, b in zip(columns, bases, strict=True))
                if not slow:
                    raise _mixed(obj, done + n + got, plan.kind)
                for column, base in zip(columns, bases, strict=True):  # cut back the row
                    del column[base + got :]
                for append, cell in zip(appends, reader.cells, strict=True):
                    append(cell(obj))
                del obj, stop
            got = len(columns[0]) - bases[0]
            if not got:
                break
            n += got
            for i, x in enumerate(plan.leaves):
                if piecewise[i] and i not in failed:
                    try:
                        pieces[i].append(_piece(pa, typing.cast(_Leaf, x), columns[i]))
                    except Exception as exc:  # raised in its turn once the batch is read
                        failed[i] = exc
                if piecewise[i]:
                    columns[i].clear()
        if not n:
            return
        arrays = []
        for i, x in enumerate(plan.leaves):
            if i in failed:
                raise failed[i]
            if piecewise[i]:
                arrays.append(_whole(pa, typing.cast(_Leaf, x), pieces[i]))
            else:
                arrays.append(_column(pa, x, columns[i]))
        del columns, pieces
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
