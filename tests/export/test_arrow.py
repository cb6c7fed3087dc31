"""to_arrow / from_arrow: round trips for every collection, streams, readers, errors."""

from __future__ import annotations

import decimal
import weakref
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from .strategies import STRATEGY

pa = pytest.importorskip("pyarrow")

from adminnet import strategies as ads  # noqa: E402
from adminnet.errors import InvalidComponent, InvalidDataError, InvalidFormat  # noqa: E402
from adminnet.examples import lan_mou_2017  # noqa: E402
from adminnet.export import (  # noqa: E402
    ArrowStream,
    arrow_schema,
    from_arrow,
    record_batches,
    to_arrow,
)
from adminnet.model.dataset import COLLECTIONS, Dataset  # noqa: E402
from adminnet.model.digital import Measurement  # noqa: E402
from adminnet.model.person import Person  # noqa: E402


def test_every_collection_has_a_strategy_here() -> None:
    assert sorted(STRATEGY) == sorted(c.name for c in COLLECTIONS)


@pytest.mark.parametrize("kind", sorted(STRATEGY))
def test_round_trip_every_collection(kind: str) -> None:
    """entities -> Arrow -> entities gives equal entities, in order, with the schema."""

    @given(st.lists(STRATEGY[kind], max_size=6))
    def check(entities: list[Any]) -> None:
        table = to_arrow(entities, kind=kind)
        assert table.schema.equals(arrow_schema(kind))
        assert table.num_rows == len(entities)
        assert from_arrow(table) == entities

    check()


@given(ads.events())
def test_event_times_keep_their_zone(event: Any) -> None:
    (back,) = from_arrow(to_arrow([event]))
    assert back.start == event.start
    assert back.start.utcoffset() == event.start.utcoffset()
    assert back.start.timezone_name == event.start.timezone_name


@given(ads.datasets())
def test_round_trip_dataset(ds: Dataset) -> None:
    tables = to_arrow(ds)
    assert list(tables) == [c.name for c in COLLECTIONS]
    assert from_arrow(tables) == ds


def test_batches_stream_lazily() -> None:
    persons = lan_mou_2017().persons
    seen: list[int] = []

    def source() -> Any:
        for i, p in enumerate(persons):
            seen.append(i)
            yield p

    reader = record_batches(source(), kind="persons", batch_size=2)
    first = reader.read_next_batch()
    assert first.num_rows == 2
    assert len(seen) < len(persons)
    rest = reader.read_all()
    assert first.num_rows + rest.num_rows == len(persons)


def test_arrow_stream_is_read_by_pyarrow_polars_and_duckdb() -> None:
    ds = lan_mou_2017()
    stream = ArrowStream(ds.tenures)
    assert hasattr(stream, "__arrow_c_stream__")
    table = pa.table(stream)
    assert table.equals(to_arrow(ds.tenures))
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(stream)
    assert frame.height == len(ds.tenures)
    assert str(frame.schema["period.start.earliest"]) == "Date"
    assert pl.from_arrow(to_arrow(ds.tenures)).height == len(ds.tenures)
    duckdb = pytest.importorskip("duckdb")
    acting = duckdb.sql(
        "select count(*) from stream where \"capacity.label\" = 'Pj.'"
        " and \"period.start.earliest\" >= DATE '2016-01-01'"
    ).fetchall()
    assert acting == [(1,)]  # the Pj. Wali Kota Ambon
    persons_table = to_arrow(ds.persons)  # noqa: F841 - DuckDB finds it by its name
    names = duckdb.sql("select name from persons_table order by id").fetchall()
    assert len(names) == len(ds.persons)


def test_arrow_stream_checks_its_rows_at_once() -> None:
    ds = lan_mou_2017()
    with pytest.raises(InvalidFormat) as info:
        ArrowStream([*ds.persons, ds.agencies[0]])
    assert info.value.code == "arrow.mixed_types"
    assert ArrowStream([]).schema.names == []
    assert ArrowStream([], kind="persons").schema.equals(arrow_schema("persons"))


def test_duckdb_reads_a_record_batch_reader_directly() -> None:
    duckdb = pytest.importorskip("duckdb")
    reader = record_batches(lan_mou_2017().agreements)  # noqa: F841 - read by name
    rows = duckdb.sql("select id, len(parties) from reader").fetchall()
    assert rows == [("lan-pemkot-ambon-2016", 2)]


def test_polars_output_reads_back() -> None:
    pl = pytest.importorskip("polars")
    ds = lan_mou_2017()
    frame = pl.from_arrow(to_arrow(ds.tenures))
    assert from_arrow(frame, kind="tenures") == list(ds.tenures)


def test_duckdb_output_reads_back() -> None:
    duckdb = pytest.importorskip("duckdb")
    persons = to_arrow(lan_mou_2017().persons)  # noqa: F841 - read by name
    rel = duckdb.sql("select * from persons order by id")
    back = from_arrow(rel, kind="persons")  # the relation is an Arrow stream itself
    assert sorted(p.id for p in back) == sorted(p.id for p in lan_mou_2017().persons)


def test_empty_input() -> None:
    assert to_arrow([]).num_columns == 0
    table = to_arrow((), kind="tenures")
    assert table.num_rows == 0
    assert table.schema.equals(arrow_schema("tenures"))
    assert from_arrow(table) == []


def test_a_decimal_that_does_not_fit_is_refused_not_rounded() -> None:
    m = lan_mou_2017().measurements[0]
    import attrs

    tiny = attrs.evolve(m, value=decimal.Decimal("0.0000000001"))
    with pytest.raises(InvalidComponent) as info:
        to_arrow([tiny])
    assert info.value.code == "arrow.decimal_out_of_range"
    assert "0.0000000001" in str(info.value)
    assert info.value.params["column"] == "value"


@pytest.mark.parametrize(
    ("objs", "code"),
    [
        ("persons", "arrow.invalid_input"),
        (b"x", "arrow.invalid_input"),
        ({"persons": []}, "arrow.invalid_input"),
        (3, "arrow.invalid_input"),
        (["x"], "arrow.invalid_type"),
        ([lan_mou_2017()], "arrow.invalid_type"),
    ],
)
def test_bad_input_is_refused(objs: Any, code: str) -> None:
    with pytest.raises(InvalidFormat) as info:
        to_arrow(objs)
    assert info.value.code == code


def test_mixed_kinds_are_refused() -> None:
    ds = lan_mou_2017()
    with pytest.raises(InvalidFormat) as info:
        to_arrow([ds.persons[0], ds.agencies[0]])
    assert info.value.code == "arrow.mixed_types"
    assert info.value.params["row"] == 1
    with pytest.raises(InvalidFormat) as info:
        to_arrow(ds.persons, kind="agencies")
    assert info.value.code == "arrow.mixed_types"
    with pytest.raises(InvalidFormat):
        to_arrow(ds, kind="persons")


def test_a_row_of_another_kind_is_reported_at_its_row_in_a_later_batch() -> None:
    ds = lan_mou_2017()
    reader = record_batches([*ds.persons[:3], ds.agencies[0]], batch_size=2)
    with pytest.raises(InvalidFormat) as info:
        reader.read_all()
    assert info.value.code == "arrow.mixed_types"
    assert info.value.params == {"value": "agencies", "row": 3, "kind": "persons"}


def test_entities_of_a_generator_are_not_kept() -> None:
    """Each entity is read once into its cells: none is held while the next ones load.

    (Holding them cost the cyclic garbage collector more than building the table.)
    """
    persons = lan_mou_2017().persons
    refs: list[weakref.ref[Any]] = []
    held: list[int] = []

    def source() -> Any:
        for i in range(40):
            p = attrs.evolve(persons[i % len(persons)], id=f"p-{i}")  # a new object
            held.extend(j for j, r in enumerate(refs[:-1]) if r() is not None)
            refs.append(weakref.ref(p))
            yield p
            del p

    table = to_arrow(source())
    assert table.column("id").to_pylist() == [f"p-{i}" for i in range(40)]
    assert held == []  # every entity but the one just read was gone


def test_an_enum_cell_that_is_no_member_is_never_written_as_null() -> None:
    """Only an entity changed behind its validators has one; it is refused, not nulled."""
    person = attrs.evolve(lan_mou_2017().persons[0])
    object.__setattr__(person, "gender", "x")
    with pytest.raises(InvalidFormat) as info:
        to_arrow([person])
    assert info.value.code == "arrow.invalid_cell"
    assert info.value.params == {"column": "gender", "value": "'x'"}


@pytest.mark.parametrize("areas", [("x",), "not-a-tuple", (None,)])
def test_a_list_of_enums_with_no_member_is_refused(areas: object) -> None:
    """The list column (an agreement's areas) refuses the same way, with its column."""
    agreement = attrs.evolve(lan_mou_2017().agreements[0])
    object.__setattr__(agreement, "areas", areas)
    with pytest.raises(InvalidFormat) as info:
        to_arrow([agreement])
    assert info.value.code == "arrow.invalid_cell"
    assert info.value.params["column"] == "areas"


@pytest.mark.parametrize("size", [0, -1, True, 1.5, "2"])
def test_bad_batch_size(size: Any) -> None:
    with pytest.raises(InvalidComponent) as info:
        record_batches([], kind="persons", batch_size=size)
    assert info.value.code == "arrow.invalid_batch_size"


# --- reading back: every problem, with its path --------------------------------------


def persons_table() -> Any:
    return to_arrow(lan_mou_2017().persons)


def codes(exc: InvalidDataError) -> list[tuple[str, str]]:
    return [(d.path, d.code) for d in exc.errors]


def test_bad_rows_are_reported_with_row_paths() -> None:
    table = persons_table()
    ids = table.column("id").to_pylist()
    ids[1] = "Not A Slug"
    genders = pa.array(["male", "wanita", None, None, None]).dictionary_encode()
    table = table.set_column(0, "id", pa.array(ids)).set_column(4, "gender", genders)
    with pytest.raises(InvalidDataError) as info:
        from_arrow(table)
    assert codes(info.value) == [("$[1].id", "id.invalid"), ("$[1].gender", "enum.invalid")]


def test_missing_unknown_and_mistyped_columns() -> None:
    table = persons_table().drop_columns(["nip"]).append_column("age", pa.array([1] * 5))
    table = table.set_column(2, "birth_date", pa.array(["x"] * 5))
    with pytest.raises(InvalidDataError) as info:
        from_arrow(table, kind="persons")
    assert sorted(codes(info.value)) == [
        ("$[*].age", "arrow.unknown_column"),
        ("$[*].birth_date", "arrow.column_type"),
        ("$[*].nip", "arrow.missing_column"),
    ]


def test_derived_columns_may_be_left_out_but_must_agree() -> None:
    ds = lan_mou_2017()
    table = to_arrow(ds.tenures)
    slim = table.drop_columns(
        [n for n in table.schema.names if n.endswith((".earliest", ".label"))]
    )
    assert from_arrow(slim, kind="tenures") == list(ds.tenures)
    i = table.schema.get_field_index("period.start.earliest")
    wrong = table.set_column(i, "period.start.earliest", pa.array([None] * 5, pa.date32()))
    with pytest.raises(InvalidDataError) as info:
        from_arrow(wrong)
    assert {d.code for d in info.value.errors} == {"arrow.inconsistent_column"}
    assert info.value.errors[0].path == "$[0].period.start.earliest"


def test_compatible_types_are_cast() -> None:
    table = persons_table()
    plain = table.set_column(4, "gender", table.column("gender").cast(pa.string()))
    plain = plain.set_column(1, "name", table.column("name").cast(pa.large_string()))
    assert from_arrow(plain) == list(lan_mou_2017().persons)


def test_a_table_of_unknown_kind() -> None:
    table = persons_table().replace_schema_metadata(None)
    with pytest.raises(InvalidDataError) as info:
        from_arrow(table)
    assert codes(info.value) == [("$", "arrow.unknown_table")]
    with pytest.raises(InvalidDataError) as info:
        from_arrow(persons_table(), kind="agencies")
    assert codes(info.value) == [("$", "arrow.kind_mismatch")]
    with pytest.raises(InvalidDataError) as info:
        from_arrow("not a table")
    assert codes(info.value) == [("$", "arrow.invalid_table")]


def test_a_dataset_with_paths_per_collection() -> None:
    tables = to_arrow(lan_mou_2017())
    ids = tables["persons"].column("id").to_pylist()
    ids[2] = ids[0]
    tables["persons"] = tables["persons"].set_column(0, "id", pa.array(ids))
    with pytest.raises(InvalidDataError) as info:
        from_arrow(tables)
    assert info.value.errors[0].code == "dataset.duplicate_id"
    tables = to_arrow(lan_mou_2017())
    tables["people"] = tables.pop("persons")
    with pytest.raises(InvalidDataError) as info:
        from_arrow(tables)
    assert codes(info.value) == [("$.people", "arrow.unknown_collection")]


def test_measurement_values_come_back_exactly() -> None:
    m = Measurement(indicator=lan_mou_2017().measurements[0].indicator, value="2.79", on="2024")
    (back,) = from_arrow(to_arrow([m]))
    assert str(back.value) == "2.79"
    person = Person(id="a", name="Budi")
    assert from_arrow(to_arrow([person])) == [person]


def test_a_text_column_with_many_values_reads_as_text() -> None:
    """More distinct values than an int8 dictionary holds: each row is judged itself."""
    people = [Person(id=f"p{i}", name=f"Orang {i}") for i in range(300)]
    table = to_arrow(people)
    genders = pa.array([f"g{i}" for i in range(300)])  # plain text, 300 values
    with pytest.raises(InvalidDataError) as info:
        from_arrow(table.set_column(4, "gender", genders))
    assert len(info.value.errors) == 300
    assert {d.code for d in info.value.errors} == {"enum.invalid"}
    assert info.value.errors[299].path == "$[299].gender"


CELLS = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["2016", "2016-13", "x y"]))


@given(st.data())
def test_any_text_in_any_text_cell_gives_entities_or_invalid_data(data: st.DataObject) -> None:
    """Robustness: arbitrary text (and nulls) in the text columns of a tenures table."""
    table = to_arrow(lan_mou_2017().tenures)
    for i, field in enumerate(table.schema):
        if pa.types.is_string(field.type) and data.draw(st.booleans()):
            values = data.draw(st.lists(CELLS, min_size=table.num_rows, max_size=table.num_rows))
            table = table.set_column(i, field.name, pa.array(values, pa.string()))
    errors: tuple[Any, ...] = ()
    back: list[Any] = []
    try:
        back = from_arrow(table)
    except InvalidDataError as exc:
        errors = exc.errors
    if errors:
        assert all(d.path.startswith("$[") for d in errors)
    else:
        assert len(back) == table.num_rows
