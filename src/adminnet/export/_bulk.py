r"""Validasi massal (bulk validation of one batch, for Spark, Dask and process pools).

:func:`validate_batch` takes one batch, lines of JSON Lines or an Arrow table, and
returns its valid rows as a typed Arrow table (the table of
:func:`adminnet.export.to_arrow` for those entities) and its errors as a second table,
one row per problem: ``line`` (the line number, or the row id), ``path``, ``code`` and
``message``, exactly the :class:`~adminnet.errors.ErrorDetail` that
:func:`adminnet.serialization.iter_jsonl` and ``adminnet check`` report for the same
lines. It is a pure module-level function (no state kept between calls, picklable by
reference), so engines ship it to their workers as it is.

>>> from adminnet.export import validate_batch
>>> lines = [
...     '{"id":"budi","name":"Ir.Budi Santoso,M.Si.","nip":"196503021990031002"}',
...     "",
...     '{"id":"sri","name":"Sri","nip":"196503021990031002","gender":"female"}',
... ]
>>> rows, errors = validate_batch(lines, "persons")
>>> rows.column("name").to_pylist()
['Ir. Budi Santoso, M.Si.']
>>> errors.to_pylist()[0]["line"], errors.to_pylist()[0]["path"], errors.to_pylist()[0]["code"]
(3, '$.gender', 'person.nip_gender_mismatch')
>>> errors.column_names
['line', 'path', 'code', 'message']

Batches
-------

- **Lines** (a list of ``str`` or ``bytes``, or one ``str``/``bytes`` split at each
  ``\n``): numbered from ``first_line`` (default 1), blank lines counted and skipped,
  as :func:`~adminnet.serialization.iter_jsonl` numbers them.
- **An Arrow table or record batch with a text column** ``value`` (``string``,
  ``large_string`` or ``binary``; what ``spark.read.text`` gives): each value is one
  line. An integer column ``line`` gives each line its number (an engine's partitions
  lose the position in the file); without it lines are numbered from ``first_line``.
- **An Arrow table of records** (no ``value`` column): each row is one record, its
  columns the top-level fields (nested objects as structs); Arrow dates, date-times and
  decimals are read as their JSON forms, nulls as ``null``. (A table in the layout of
  :func:`~adminnet.export.to_arrow`, with dotted columns, is read back by
  :func:`~adminnet.export.from_arrow`; a Person table is the same in both layouts.)
  Errors are reported at the row's ``line`` column if there is one, else at
  ``first_line`` + its position.

The result is a :class:`Validated` ``(rows, errors)``; an empty batch gives both tables
with their schemas, which is how an engine learns the output schema.

Speed: the lines of a batch are read by :func:`~adminnet.serialization.iter_jsonl`,
so Person records take the loader's accelerator (the model's own rule functions, see
``serialization/_person.py``) and every other line, every invalid one included, the full
loader, which builds the entity or lists its exact errors; one batch costs what
``adminnet check`` costs for its lines, plus the Arrow table. The table is built as the
entities come (:func:`~adminnet.export.to_arrow` reads each once into its cells and keeps
none), so a batch holds its lines and columns but not its entities, and an error is kept
as its four cells only: about a third more time than ``iter_jsonl`` alone for valid
Person lines (``bench/RESULTS.md``). Several batches in parallel (a process pool, Spark
or Dask, see ``docs/scale.md``) use every core.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import decimal
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from adminnet.errors import ErrorDetail, InvalidComponent, InvalidDataError, InvalidFormat
from adminnet.model.dataset import COLLECTIONS
from adminnet.serialization import from_dict, iter_jsonl

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["Validated", "validate_batch"]

_Row = tuple[int, str, str, str]  # an error's line, path, code and message


class Validated(NamedTuple):
    """Hasil validasi batch (the valid rows and the errors of one batch).

    Attributes:
        rows: The valid entities as the table :func:`adminnet.export.to_arrow` makes.
        errors: One row per problem: ``line`` (int64), ``path``, ``code``, ``message``
            (strings), in line order.
    """

    rows: pa.Table
    errors: pa.Table


def _schema(kind: str) -> Any:
    from adminnet.export._arrow_schema import arrow_schema

    return arrow_schema(kind)


def _error_schema(pa: Any) -> Any:
    return pa.schema(
        [
            pa.field("line", pa.int64(), nullable=False),
            pa.field("path", pa.string(), nullable=False),
            pa.field("code", pa.string(), nullable=False),
            pa.field("message", pa.string(), nullable=False),
        ]
    )


def _collection(kind: object) -> type:
    """The class of a collection name (``arrow.unknown_kind`` for any other value)."""
    _schema(kind)  # type: ignore[arg-type]  # the owner of the table kinds checks it
    found: type | None = next((c.cls for c in COLLECTIONS if c.name == kind), None)
    if found is None:  # a table kind that is no collection of entities
        allowed = ", ".join(c.name for c in COLLECTIONS)
        params = {"value": repr(kind), "allowed": allowed}
        raise InvalidComponent(code="arrow.unknown_kind", params=params)
    return found


# --- the batch as numbered items ---------------------------------------------------------


def _is_text_type(pa: Any, tp: Any) -> bool:
    types = pa.types
    return bool(
        types.is_null(tp)  # an empty column from pandas, or all nulls (each reported)
        or types.is_string(tp)
        or types.is_large_string(tp)
        or types.is_binary(tp)
        or types.is_large_binary(tp)
        or getattr(types, "is_string_view", lambda _: False)(tp)
        or getattr(types, "is_binary_view", lambda _: False)(tp)
    )


def _line_numbers(pa: Any, table: Any, first_line: int) -> Sequence[int]:
    if "line" not in table.column_names:
        return range(first_line, first_line + table.num_rows)
    column = table.column("line")
    if not pa.types.is_integer(column.type) or column.null_count:
        raise InvalidFormat(code="bulk.invalid_line_column", params={"value": str(column.type)})
    numbers: list[int] = column.to_pylist()
    return numbers


def _wire(value: Any) -> Any:
    """An Arrow cell's Python value in its JSON form (dates as ISO text, decimals as text)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if isinstance(value, _dt.datetime):
        return value.isoformat() if value.tzinfo is not None else value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_wire(v) for v in value]
    return value


def _items(batch: object, first_line: int) -> tuple[Sequence[int], list[Any], bool]:
    """Line numbers, items (lines, or records as dicts) and whether the items are text."""
    if isinstance(batch, str):
        lines: Sequence[Any] = batch.split("\n")
    elif isinstance(batch, bytes | bytearray | memoryview):
        lines = bytes(batch).split(b"\n")
    elif type(batch).__module__.startswith("pyarrow"):
        from adminnet.export._arrow_schema import _pyarrow

        pa = _pyarrow()
        if isinstance(batch, pa.RecordBatch):
            table = pa.Table.from_batches([batch])
        elif isinstance(batch, pa.Table):
            table = batch
        else:
            raise _bad_batch(batch)
        numbers = _line_numbers(pa, table, first_line)
        if "value" in table.column_names:
            column = table.column("value")
            if not _is_text_type(pa, column.type):
                raise _bad_batch(batch)
            return numbers, column.to_pylist(), True
        fields = [name for name in table.column_names if name != "line"]
        records = [
            {k: _wire(v) for k, v in row.items()} for row in table.select(fields).to_pylist()
        ]
        return numbers, records, False
    elif isinstance(batch, Iterable) and not isinstance(batch, dict):
        source: Iterable[Any] = batch
        if isinstance(batch, io.TextIOWrapper) and codecs.lookup(batch.encoding).name in (
            "utf-8",
            "utf-8-sig",
        ):
            source = batch.buffer  # bytes, each line decoded (or reported) by the loader
        try:
            lines = list(source)
        except UnicodeDecodeError as exc:  # a text stream of another encoding
            params = {"reason": exc.reason, "offset": exc.start}
            detail = ErrorDetail.from_code("$", "json.invalid_encoding", params, variant="line")
            raise InvalidDataError([detail]) from None
    else:
        raise _bad_batch(batch)
    return range(first_line, first_line + len(lines)), list(lines), True


def _bad_batch(batch: object) -> InvalidFormat:
    return InvalidFormat(code="bulk.invalid_batch", params={"value": type(batch).__name__})


# --- loading ------------------------------------------------------------------------------


def _load_lines(
    cls: type, numbers: Sequence[int], lines: list[Any], errors: list[_Row]
) -> Iterator[Any]:
    """The entities of ``lines`` by :func:`~adminnet.serialization.iter_jsonl`, renumbered.

    iter_jsonl numbers the lines it is given from 1, so its line ``k`` is
    ``numbers[k - 1]`` here.
    """

    def bad(exc: InvalidDataError) -> None:
        errors.extend((numbers[(d.line or 1) - 1], d.path, d.code, d.message) for d in exc.errors)

    return iter_jsonl(cls, lines, on_error=bad)


def _load_records(
    cls: type, numbers: Sequence[int], records: list[Any], errors: list[_Row]
) -> Iterator[Any]:
    """The entities of parsed records by :func:`~adminnet.serialization.from_dict`."""
    for number, record in zip(numbers, records, strict=True):
        try:
            yield from_dict(cls, record)
        except InvalidDataError as exc:
            errors.extend((number, d.path, d.code, d.message) for d in exc.errors)


# --- the public function -------------------------------------------------------------------


def validate_batch(batch: object, kind: str, *, first_line: int = 1) -> Validated:
    """Validasi satu batch (validate one batch: valid rows and errors as Arrow tables).

    Args:
        batch: Lines of JSON Lines (a list of ``str``/``bytes``, or one ``str`` or
            ``bytes``), or a ``pyarrow.Table``/``RecordBatch`` with a text column
            ``value`` (one line each) or one column per field (one record each); either
            may have an integer column ``line`` with the line numbers or row ids.
        kind: The collection, a name of :data:`adminnet.model.dataset.COLLECTIONS`
            (``"persons"``, ``"agencies"``...).
        first_line: The number of the batch's first line (or row), when there is no
            ``line`` column.

    Returns:
        ``Validated(rows, errors)``: ``rows`` as :func:`adminnet.export.to_arrow` makes
        them for the valid entities, in input order; ``errors`` with one row per
        problem (``line``, ``path``, ``code``, ``message``), in line order.

    Raises:
        InvalidComponent: ``kind`` is not a collection (``arrow.unknown_kind``).
        InvalidFormat: the batch is of no kind read here (``bulk.invalid_batch``), or its
            ``line`` column is not integers without nulls (``bulk.invalid_line_column``).
    """
    cls = _collection(kind)
    from adminnet.export._arrow_schema import _pyarrow

    pa = _pyarrow()
    numbers, items, text = _items(batch, first_line)
    errors: list[_Row] = []
    load = _load_lines if text else _load_records
    rows = _table(pa, kind, load(cls, numbers, items, errors))
    return Validated(rows, _errors_table(pa, errors))


def _table(pa: Any, kind: str, entities: Iterator[Any]) -> Any:
    """The rows of ``entities``, read in one pass as they are loaded.

    :func:`~adminnet.export.to_arrow` keeps no entity, only its cells: a worker holds
    no more than the lines and the columns (less memory, and no work for the cyclic
    garbage collector).
    """
    from adminnet.export._arrow_write import to_arrow

    table = to_arrow(entities, kind=kind)
    if not table.num_rows:
        return _schema(kind).empty_table()
    if table.column(0).num_chunks > 1:
        return table.combine_chunks()  # one chunk, one dictionary per column, as to_arrow
    return table


def _errors_table(pa: Any, errors: list[_Row]) -> Any:
    schema = _error_schema(pa)
    columns = zip(*errors, strict=True) if errors else ((), (), (), ())
    return pa.Table.from_arrays(
        [pa.array(c, f.type) for c, f in zip(columns, schema, strict=True)], schema=schema
    )
