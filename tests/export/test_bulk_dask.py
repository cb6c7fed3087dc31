"""The Dask recipe of docs/scale.md (map_partitions, 2 processes): same rows, same errors."""

from __future__ import annotations

from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("dask.dataframe")

import pyarrow as pa  # noqa: E402

from adminnet.errors import InvalidDataError  # noqa: E402
from adminnet.export import validate_batch  # noqa: E402
from adminnet.model.person import Person  # noqa: E402
from adminnet.serialization import iter_jsonl  # noqa: E402

from .recipes import namespace, sample_file  # noqa: E402


def test_dask_recipe_equals_one_process_and_iter_jsonl(tmp_path: Path) -> None:
    recipe = namespace("dask")
    path = sample_file(tmp_path, copies=3)
    assert len(recipe["numbered_ranges"](path, size=1024)) > 1
    recipe["numbered_ranges"].__defaults__ = (1024,)  # several partitions for a small file
    with dask.config.set(scheduler="processes", num_workers=2):
        valid, errors = recipe["validate_text"](str(path))
        assert valid.npartitions > 1
        rows = valid.compute()
        found = errors.compute()
    single = validate_batch(path.read_bytes(), "persons")
    table = pa.Table.from_pandas(rows, preserve_index=False)
    assert table.cast(single.rows.schema).equals(single.rows)
    assert found.to_dict("records") == single.errors.to_pylist()
    bad: list[InvalidDataError] = []
    with path.open("rb") as f:
        persons = list(iter_jsonl(Person, f, on_error=bad.append))
    assert len(rows) == len(persons)
    assert found.to_dict("records") == [
        {"line": d.line, "path": d.path, "code": d.code, "message": d.message}
        for e in bad
        for d in e.errors
    ]
