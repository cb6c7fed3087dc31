"""to_arrow's compiled cell reader against a plain reference built from each leaf's get.

The writer reads an entity's cells with code compiled once per kind (see
``_arrow_write._reader``); the plan's ``get`` of each leaf is the obvious, slow reading.
Both must give the same table, batch by batch, for every collection, and the errors of
the fast path (mixed kinds, cells that are no member) must name the same row and
column as the plain one.
"""

from __future__ import annotations

import enum
import math
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from .strategies import STRATEGY

pa = pytest.importorskip("pyarrow")

from adminnet.errors import InvalidFormat  # noqa: E402
from adminnet.examples import lan_mou_2017  # noqa: E402
from adminnet.export import (  # noqa: E402
    _arrow_write,
    arrow_schema,
    record_batches,
    to_arrow,
)
from adminnet.export._arrow_schema import _dictionary_of, _Leaf, _ListOf, _plan  # noqa: E402
from adminnet.export._arrow_write import _reader  # noqa: E402

PIECES = st.sampled_from([1, 2, 3, _arrow_write._PIECE])  # rows converted at once


# --- the reference: each leaf's get, row by row ---------------------------------------


def plain(value: Any) -> Any:
    """A Python value as Arrow's ``as_py`` gives it back (an enum as its value)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


def reference_row(leaves: tuple[_Leaf | _ListOf, ...], obj: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for x in leaves:
        value = x.get(obj)
        if isinstance(x, _ListOf):
            row[x.name] = [reference_row(x.leaves, item) for item in value]
        else:
            row[x.name] = plain(value)
    return row


def same(a: Any, b: Any) -> bool:
    """Equal values (a date equals its pendulum date; decimals by value; NaN never)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return False
    return type(a) is type(b) and a == b if isinstance(a, bool | str) else a == b


def check_batches(kind: str, entities: list[Any], batch_size: int) -> None:
    plan = _plan(kind)
    batches = list(record_batches(iter(entities), kind=kind, batch_size=batch_size))
    sizes = [b.num_rows for b in batches]
    full, rest = divmod(len(entities), batch_size)
    assert sizes == [batch_size] * full + ([rest] if rest else [])
    rows = [row for b in batches for row in b.to_pylist()]
    expected = [reference_row(plan.leaves, obj) for obj in entities]
    assert len(rows) == len(expected)
    for i, (got, want) in enumerate(zip(rows, expected, strict=True)):
        assert same(got, want), (i, got, want)
    for b in batches:
        assert b.schema.equals(arrow_schema(kind), check_metadata=True)
        for x, column in zip(plan.leaves, b.columns, strict=True):
            fixed = _dictionary_of(x) if isinstance(x, _Leaf) else None
            if fixed is not None:  # every member, in definition order, in every batch
                assert column.dictionary.equals(fixed[1])
    table = to_arrow(iter(entities), kind=kind)  # one batch: the same rows
    assert table.schema.equals(arrow_schema(kind), check_metadata=True)
    assert same(table.to_pylist(), rows)


@pytest.mark.parametrize("kind", sorted(STRATEGY))
def test_compiled_cells_equal_each_leafs_get(kind: str) -> None:
    """Every collection, arbitrary entities, batches small enough to split them."""

    @given(st.lists(STRATEGY[kind], max_size=7), st.integers(1, 4), PIECES)
    def check(entities: list[Any], batch_size: int, piece: int) -> None:
        with mock.patch.object(_arrow_write, "_PIECE", piece):
            check_batches(kind, entities, batch_size)

    check()


@pytest.mark.parametrize("kind", sorted(STRATEGY))
def test_every_leaf_of_every_kind_is_compiled(kind: str) -> None:
    """No column of today's model falls back to its cell function on the fast path."""
    source = _reader(kind).source
    for i in range(len(_plan(kind).leaves)):
        assert f"a{i}(" in source
        assert f"c{i}(o)" not in source, (kind, i)


# --- errors: the same row and column as the plain reading -----------------------------


@given(st.integers(0, 9), st.integers(1, 5))
def test_a_row_of_another_kind_is_reported_at_its_row(at: int, batch_size: int) -> None:
    """Wherever the stranger sits: first or last of a batch, or the very first row."""
    ds = lan_mou_2017()
    rows: list[Any] = [ds.persons[i % len(ds.persons)] for i in range(10)]
    rows[at] = ds.agencies[0]
    with pytest.raises(InvalidFormat) as info:
        record_batches(iter(rows), kind="persons", batch_size=batch_size).read_all()
    assert info.value.code == "arrow.mixed_types"
    assert info.value.params == {"value": "agencies", "row": at, "kind": "persons"}


def test_the_row_after_a_batch_boundary() -> None:
    ds = lan_mou_2017()
    rows = [*ds.persons[:4], ds.agencies[0]]  # row 4 opens the third batch of 2
    with pytest.raises(InvalidFormat) as info:
        record_batches(rows, batch_size=2).read_all()
    assert info.value.params["row"] == 4


def changed(obj: Any, **values: Any) -> Any:
    """A copy of ``obj`` with fields set behind its validators."""
    copy = attrs.evolve(obj)
    for name, value in values.items():
        object.__setattr__(copy, name, value)
    return copy


@pytest.mark.parametrize("gender", ["x", ["unhashable"], 3])
def test_a_cell_that_is_no_member_is_refused_with_its_column(gender: Any) -> None:
    """Unhashable too: an adminnet error, never a bare TypeError."""
    persons = list(lan_mou_2017().persons)
    rows = [*persons, changed(persons[1], gender=gender), *persons]
    with pytest.raises(InvalidFormat) as info:
        to_arrow(rows)
    assert info.value.code == "arrow.invalid_cell"
    assert info.value.params == {"column": "gender", "value": repr(gender)}


def test_a_bad_row_read_the_slow_way_keeps_the_row_count() -> None:
    """The columns are cut back to the rows before a row the fast path gave up on."""
    ds = lan_mou_2017()
    persons = list(ds.persons)
    rows = [*persons[:3], changed(persons[0], gender="x"), persons[1], ds.agencies[0]]
    with pytest.raises(InvalidFormat) as info:
        record_batches(rows, batch_size=10).read_all()
    assert info.value.code == "arrow.mixed_types"  # found while reading, before building
    assert info.value.params["row"] == 5


def test_the_first_bad_cell_in_column_order_is_named() -> None:
    """Two bad cells in two rows: the earlier column wins, as in the plain reading."""
    agreement = lan_mou_2017().agreements[0]
    rows = [agreement, changed(agreement, areas=("y",)), changed(agreement, kind="x")]
    with pytest.raises(InvalidFormat) as info:
        to_arrow(rows)
    assert info.value.params == {"column": "kind", "value": "'x'"}


def test_an_optional_object_that_is_none_gives_nulls_in_all_its_columns() -> None:
    tenure = lan_mou_2017().tenures[0]
    no_start = changed(tenure, period=changed(tenure.period, start=None))
    table = to_arrow([tenure, no_start, tenure])
    for name in table.schema.names:
        if name.startswith("period.start"):
            assert table.column(name).to_pylist()[1] is None, name
            assert table.column(name).null_count == 1, name


def test_a_value_the_plain_reading_cannot_read_raises_as_it_does() -> None:
    """A date replaced by text: the fast path gives up, the plain one raises its error."""
    person = changed(lan_mou_2017().persons[0], birth_date="1965-03-02")
    with pytest.raises(AttributeError):
        to_arrow([person])


@pytest.mark.parametrize("piece", [1, 2, _arrow_write._PIECE])
def test_errors_of_pieces_come_in_column_order_after_the_batch_is_read(piece: int) -> None:
    """Pieces are converted as rows come; their errors wait for the whole batch."""
    ds = lan_mou_2017()
    agreement = ds.agreements[0]
    bad_title = changed(agreement, title=5)  # a later column, an earlier row
    bad_kind = changed(agreement, kind="x")
    with mock.patch.object(_arrow_write, "_PIECE", piece):
        with pytest.raises(InvalidFormat) as info:
            to_arrow([agreement, bad_title, agreement, bad_kind, agreement])
        assert info.value.params == {"column": "kind", "value": "'x'"}
        with pytest.raises(InvalidFormat) as info:
            to_arrow([agreement, bad_kind, agreement, ds.persons[0]])
        assert info.value.code == "arrow.mixed_types"
        assert info.value.params["row"] == 3
        with pytest.raises(pa.ArrowTypeError):  # as pyarrow refuses it, in its turn
            to_arrow([agreement, bad_title, agreement])


@given(st.integers(1, 5), st.integers(1, 7))
def test_pieces_and_batches_give_the_same_table(piece: int, batch_size: int) -> None:
    persons = list(lan_mou_2017().persons) * 3
    expected = to_arrow(persons)
    with mock.patch.object(_arrow_write, "_PIECE", piece):
        assert to_arrow(persons).equals(expected)
        batches = list(record_batches(persons, batch_size=batch_size))
    assert pa.Table.from_batches(batches).equals(expected)
