"""regions.table(): the registry as one Arrow table with real types (issue #19 item 2)."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from adminnet import regions
from adminnet.errors import InvalidComponent, InvalidFormat
from adminnet.regions._table import COLUMNS

pa = pytest.importorskip("pyarrow", reason="regions.table needs the optional extra 'arrow'")

_LEVEL_OF_LENGTH = {2: 1, 5: 2, 8: 3, 13: 4}


def _snapshot_levels(reference_dir: Path, year: str) -> dict[int, set[str]]:
    path = reference_dir / "wilayah" / f"wilayah_{year}.csv"
    out: dict[int, set[str]] = {1: set(), 2: set(), 3: set(), 4: set()}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["kode"].strip()
            out[_LEVEL_OF_LENGTH[len(code)]].add(code)
    return out


@pytest.fixture(scope="module")
def table() -> pa.Table:
    return regions.table()


def test_every_column_has_its_arrow_type(table: pa.Table) -> None:
    small = pa.int8()
    expected = {
        "code": pa.string(),
        "level": pa.dictionary(small, pa.int8()),
        "name": pa.string(),
        "official_name": pa.string(),
        "parent_code": pa.string(),
        "province_code": pa.string(),
        "kind": pa.dictionary(small, pa.string()),
        "autonomous": pa.bool_(),
        "timezone": pa.dictionary(small, pa.string()),
        "iso_3166_2": pa.string(),
        "valid_start": pa.date32(),
        "valid_end": pa.date32(),
        "successors": pa.list_(pa.string()),
    }
    assert tuple(table.column_names) == COLUMNS == tuple(expected)
    for name, arrow_type in expected.items():
        assert table.schema.field(name).type == arrow_type, name
    for name in ("code", "name", "official_name", "province_code", "kind", "level"):
        assert table.column(name).null_count == 0, name


def test_rows_per_level_equal_the_2025_snapshot(reference_dir: Path, table: pa.Table) -> None:
    # Kepmendagri 300.2.2-2138/2025: 38 provinsi, 514 kab/kota, 7,285 kec, 83,762 desa/kel.
    snapshot = _snapshot_levels(reference_dir, "2025")
    rows = table.select(["code", "level"]).to_pylist()
    ours: dict[int, set[str]] = {1: set(), 2: set(), 3: set(), 4: set()}
    for row in rows:
        ours[row["level"]].add(row["code"])
    assert {k: len(v) for k, v in ours.items()} == {k: len(v) for k, v in snapshot.items()}
    assert ours == snapshot
    assert len(rows) == len({r["code"] for r in rows})  # one row per code


@pytest.mark.parametrize(
    ("year", "as_of"), [("2016", "2016-06-01"), ("2018", "2018-06-01"), ("2020", "2020-06-01")]
)
def test_past_levels_1_2_equal_their_snapshot(reference_dir: Path, year: str, as_of: str) -> None:
    # Levels 3-4 are known only as they are now (regions module docstring).
    snapshot = _snapshot_levels(reference_dir, year)
    for level in (1, 2):
        t = regions.table(as_of=as_of, level=level)
        assert set(t.column("code").to_pylist()) == snapshot[level], (year, level)


def test_rows_are_the_registry_regions(table: pa.Table) -> None:
    by_code = {row["code"]: row for row in table.to_pylist()}
    for code in ("81", "81.71", "81.71.01", "81.71.01.1006", "31.71", "61.01", "96.01"):
        r = regions.get(code)
        assert r is not None
        row = by_code[code]
        assert row["level"] == r.level
        assert row["name"] == r.name
        assert row["official_name"] == r.official_name
        assert row["parent_code"] == r.parent_code
        assert row["province_code"] == r.province_code
        assert row["kind"] == r.kind.value
        assert row["autonomous"] is r.is_autonomous
        assert row["timezone"] == r.timezone
        assert row["iso_3166_2"] == r.iso_3166_2
    assert by_code["81"]["iso_3166_2"] == "ID-MA"
    assert by_code["81.71.01"]["timezone"] == "Asia/Jayapura"
    assert by_code["61.01"]["timezone"] == "Asia/Pontianak"
    assert by_code["31.71"]["autonomous"] is False  # Kota Adm. Jakarta Pusat


def test_retired_codes_carry_their_validity_and_successors() -> None:
    t = regions.table(as_of="2020-01-01", level=2)
    rows = {row["code"]: row for row in t.to_pylist()}
    sorong = rows["92.01"]
    assert sorong["valid_end"] == dt.date(2022, 12, 7)
    assert sorong["successors"] == ["96.01"]
    assert "96.01" not in rows
    ended = [r for r in rows.values() if r["valid_end"] is not None]
    assert len(ended) == 26  # the 2022 Papua split moved 26 kabupaten/kota


def test_level_filter_and_counts_agree_with_all() -> None:
    for level in (1, 2, 3):
        t = regions.table(level=level)
        assert t.num_rows == len(regions.all(level=level))
        assert set(t.column("level").to_pylist()) == {level}
    assert Counter(regions.table(level=1).column("timezone").to_pylist()) == Counter(
        r.timezone for r in regions.all(level=1)
    )


def test_the_table_is_built_once() -> None:
    assert regions.table(level=2) is regions.table(level=2)


@pytest.mark.parametrize("level", [0, 5, "2", 2.0, True])
def test_bad_level_is_refused(level: object) -> None:
    with pytest.raises(InvalidComponent) as info:
        regions.table(level=level)  # type: ignore[arg-type]
    assert info.value.code == "regions.invalid_level"


def test_bad_as_of_is_refused() -> None:
    with pytest.raises(InvalidFormat):
        regions.table(as_of="yesterday")


def test_polars_and_duckdb_join_on_code(table: pa.Table) -> None:
    pl = pytest.importorskip("polars", reason="the notebook extra (polars) is not installed")
    duckdb = pytest.importorskip("duckdb", reason="the notebook extra (duckdb) is not installed")
    values = pa.table({"code": ["81.71", "96.01"], "value": [1.5, 2.5]})
    joined = pl.from_arrow(values).join(pl.from_arrow(table), on="code").sort("code")
    assert joined["official_name"].to_list() == ["Kota Ambon", "Kabupaten Sorong"]
    assert str(joined.schema["valid_start"]) == "Date"
    con = duckdb.connect()
    con.register("v", values)
    con.register("t", table)
    got = con.sql(
        "SELECT t.province_code, t.timezone::VARCHAR FROM v JOIN t USING (code) ORDER BY code"
    ).fetchall()
    assert got == [("81", "Asia/Jayapura"), ("96", "Asia/Jayapura")]
