"""The Spark recipe of docs/scale.md (mapInArrow, local SparkSession): same rows, same errors.

One SparkSession for the module, a file of a few dozen lines split into several
partitions; the JVM start is most of the time.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")

from adminnet.errors import InvalidDataError
from adminnet.export import validate_batch
from adminnet.model.person import Person
from adminnet.serialization import iter_jsonl

from .recipes import namespace, sample_file


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("adminnet-bulk-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.driver.memory", "512m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_recipe_equals_one_process_and_iter_jsonl(spark: Any, tmp_path: Path) -> None:
    recipe = namespace("spark")
    path = sample_file(tmp_path, copies=3, utf8=True)
    # three partitions: line numbers must run on across them
    spark.conf.set("spark.sql.files.maxPartitionBytes", str(path.stat().st_size // 3 + 1))
    assert spark.read.text(str(path), lineSep="\n").rdd.getNumPartitions() == 3
    valid, errors = recipe["validate_text"](spark, str(path))
    single = validate_batch(path.read_bytes(), "persons")
    rows = valid.toArrow()
    assert rows.equals(recipe["nullable_text"](single.rows))
    got = errors.toArrow()
    assert got.equals(recipe["nullable_text"](single.errors))
    bad: list[InvalidDataError] = []
    with path.open("rb") as f:
        persons = list(iter_jsonl(Person, f, on_error=bad.append))
    assert rows.num_rows == len(persons)
    assert got.to_pylist() == [
        {"line": d.line, "path": d.path, "code": d.code, "message": d.message}
        for e in bad
        for d in e.errors
    ]
