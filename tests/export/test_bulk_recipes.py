"""The process-pool recipe of docs/scale.md: the same rows and errors as one process."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from adminnet.errors import InvalidDataError
from adminnet.export import validate_batch
from adminnet.model.person import Person
from adminnet.serialization import iter_jsonl

from .recipes import module, sample_file


def test_pool_recipe_equals_one_process_and_iter_jsonl(tmp_path: Path) -> None:
    path = sample_file(tmp_path, copies=4)
    pool = module("pool", tmp_path)
    ranges = list(pool.byte_ranges(path, size=512))
    assert len(ranges) > 3  # several batches, cut between lines
    errors = pool.validate_file(path, tmp_path / "out.parquet", jobs=2, size=512)
    rows = pq.read_table(tmp_path / "out.parquet")
    single = validate_batch(path.read_bytes(), "persons")
    assert rows.equals(single.rows)
    assert errors.equals(single.errors)
    bad: list[InvalidDataError] = []
    with path.open("rb") as f:
        persons = list(iter_jsonl(Person, f, on_error=bad.append))
    assert rows.num_rows == len(persons)
    assert errors.to_pylist() == [
        {"line": d.line, "path": d.path, "code": d.code, "message": d.message}
        for e in bad
        for d in e.errors
    ]
