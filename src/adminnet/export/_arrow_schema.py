"""Skema Arrow (the columns of each collection's Arrow table, derived from its class).

One table per collection of a :class:`~adminnet.model.dataset.Dataset` (its name is the
table's *kind*: ``"persons"``, ``"tenures"``, ...), with a fixed schema derived from the
entity class (:func:`arrow_schema`), so that every batch, file and partition of one kind
has the same columns and types. The schema is planned here once per kind, one leaf per
column, each leaf knowing how to read its cell off an entity: the writer
(:mod:`adminnet.export._arrow_write`) and the reader
(:mod:`adminnet.export._arrow_read`) both follow that plan. Needs the optional extra
``arrow`` (``pip install "adminnet[arrow]"``).

>>> arrow_schema("persons").names
['id', 'name', 'nip', 'birth_date', 'gender']
>>> tenures = arrow_schema("tenures")
>>> str(tenures.field("period.start.earliest").type)
'date32[day]'
>>> [f.name for f in tenures if f.name.startswith("period.start")]
['period.start', 'period.start.earliest', 'period.start.latest', 'period.start.precision']

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
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from adminnet._enum import LabeledEnum
from adminnet.errors import AdminnetError, InvalidComponent
from adminnet.model.dataset import COLLECTIONS
from adminnet.model.position import Capacity, Role
from adminnet.text.names import PersonName
from adminnet.time import PartialDate, Precision

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["DECIMAL_PRECISION", "DECIMAL_SCALE", "arrow_schema"]

DECIMAL_PRECISION: Final = 38
"""Presisi desimal (digits of a ``decimal128`` column: the most 128 bits hold)."""

DECIMAL_SCALE: Final = 9
"""Skala desimal (digits after the decimal point of a ``decimal128`` column)."""

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


# --- the fixed dictionaries of enum, precision and label columns -----------------


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
