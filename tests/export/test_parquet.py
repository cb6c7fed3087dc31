"""write_parquet / read_parquet: files per collection, read back validated, read by others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings

pa = pytest.importorskip("pyarrow")

from adminnet import strategies as ads  # noqa: E402
from adminnet.errors import InvalidDataError, InvalidFormat  # noqa: E402
from adminnet.examples import lan_mou_2017  # noqa: E402
from adminnet.export import arrow_schema, read_parquet, to_arrow, write_parquet  # noqa: E402
from adminnet.model.dataset import COLLECTIONS, Dataset  # noqa: E402


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ads.datasets())
def test_dataset_round_trip_through_parquet(tmp_path: Path, ds: Dataset) -> None:
    folder = tmp_path / "ds"
    written = write_parquet(ds, folder)
    assert sorted(Path(p).name for p in written) == sorted(f"{c.name}.parquet" for c in COLLECTIONS)
    assert read_parquet(folder) == ds


def test_the_file_keeps_the_schema(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    ds = lan_mou_2017()
    write_parquet(ds, tmp_path)
    for c in COLLECTIONS:
        schema = pq.read_schema(tmp_path / f"{c.name}.parquet")
        assert schema.equals(arrow_schema(c.name)), c.name
        assert schema.metadata[b"adminnet.kind"] == c.name.encode()


def test_polars_and_duckdb_read_the_files(tmp_path: Path) -> None:
    ds = lan_mou_2017()
    write_parquet(ds, tmp_path)
    pl = pytest.importorskip("polars")
    tenures = pl.read_parquet(tmp_path / "tenures.parquet")
    assert str(tenures.schema["period.start.earliest"]) == "Date"
    assert tenures.height == len(ds.tenures)
    duckdb = pytest.importorskip("duckdb")
    path = (tmp_path / "tenures.parquet").as_posix()
    rows = duckdb.sql(
        f"select id from '{path}' where \"period.start.precision\" = 'day'"
        " and \"period.start.earliest\" < DATE '2017-01-01'"
    ).fetchall()
    expected = [
        (t.id,)
        for t in ds.tenures
        if t.period.start is not None
        and t.period.start.precision == "day"
        and t.period.start.earliest < pendulum.date(2017, 1, 1)
    ]
    assert expected
    assert rows == expected


def test_a_generator_is_written_in_batches(tmp_path: Path) -> None:
    persons = lan_mou_2017().persons
    target = tmp_path / "p.parquet"
    written = write_parquet((p for p in persons), target)
    assert written == {str(target): len(persons)}
    assert read_parquet(target) == list(persons)
    assert [p.name for p in tmp_path.iterdir()] == ["p.parquet"]  # no temporary left


def test_an_empty_collection_of_known_kind(tmp_path: Path) -> None:
    target = tmp_path / "none.parquet"
    write_parquet([], target, kind="events")
    assert read_parquet(target) == []
    assert to_arrow([], kind="events").schema.equals(arrow_schema("events"))


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    ds = lan_mou_2017()
    with pytest.raises(InvalidFormat) as info:
        write_parquet([ds.persons[0], ds.agencies[0]], tmp_path / "x.parquet")
    assert info.value.code == "arrow.mixed_types"  # found at row 1, after the file was begun
    assert list(tmp_path.iterdir()) == []


def test_bad_files(tmp_path: Path) -> None:
    (tmp_path / "persons.parquet").write_text("not parquet")
    with pytest.raises(InvalidDataError) as info:
        read_parquet(tmp_path / "persons.parquet")
    assert [(d.path, d.code) for d in info.value.errors] == [("$", "parquet.invalid")]
    write_parquet(lan_mou_2017().agencies, tmp_path / "agencies.parquet")
    write_parquet(lan_mou_2017().agencies, tmp_path / "people.parquet")
    with pytest.raises(InvalidDataError) as info:
        read_parquet(tmp_path)
    assert sorted((d.path, d.code) for d in info.value.errors) == [
        ("$.people", "arrow.unknown_collection"),
        ("$.persons", "parquet.invalid"),
    ]
    with pytest.raises(FileNotFoundError):
        read_parquet(tmp_path / "missing.parquet")


def test_invalid_rows_in_a_file_have_paths(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    table = to_arrow(lan_mou_2017().persons)
    bad_nip = "19651332" + "199003" + "1002"  # birth date 1965-13-32
    bad = table.set_column(2, "nip", pa.array([bad_nip] * table.num_rows))
    pq.write_table(bad, tmp_path / "persons.parquet")
    with pytest.raises(InvalidDataError) as info:
        read_parquet(tmp_path)
    paths: list[Any] = [d.path for d in info.value.errors]
    assert paths[0] == "$.persons[0].nip"
    assert {d.code for d in info.value.errors} == {"nip.invalid_birth_date"}
