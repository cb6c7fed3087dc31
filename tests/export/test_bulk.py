"""validate_batch: the same rows and errors as iter_jsonl / ``adminnet check``, any batch form."""

from __future__ import annotations

import io
import json
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import InvalidComponent, InvalidDataError, InvalidFormat
from adminnet.examples import lan_mou_2017
from adminnet.export import Validated, to_arrow, validate_batch
from adminnet.model.dataset import COLLECTION_OF, COLLECTIONS
from adminnet.model.person import Person
from adminnet.serialization import iter_jsonl, to_json
from adminnet.strategies import invalid

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
CLASSES = {c.name: c.cls for c in COLLECTIONS}


def expected(kind: str, lines: Sequence[Any]) -> tuple[Any, list[tuple[Any, ...]]]:
    """What iter_jsonl (the loader of ``adminnet check``) makes of ``lines``."""
    bad: list[InvalidDataError] = []
    entities = list(iter_jsonl(CLASSES[kind], lines, on_error=bad.append))
    errors = [(d.line, d.path, d.code, d.message) for e in bad for d in e.errors]
    rows = to_arrow(entities) if entities else validate_batch([], kind).rows
    return rows, errors


def got_errors(result: Validated) -> list[tuple[Any, ...]]:
    return [(r["line"], r["path"], r["code"], r["message"]) for r in result.errors.to_pylist()]


def assert_same(kind: str, lines: Sequence[Any], result: Validated) -> None:
    rows, errors = expected(kind, lines)
    assert got_errors(result) == errors
    assert result.rows.schema == rows.schema
    assert result.rows.equals(rows)


def line_of(case: dict[str, Any]) -> str | bytes:
    """A broken vector as one line: its text, its bytes or its document."""
    if "hex" in case:
        return bytes.fromhex(case["hex"])
    if "text" in case:
        return str(case["text"])
    return json.dumps(case["document"], ensure_ascii=False)


def person_lines() -> list[str | bytes]:
    """Valid persons of the example, then every broken Person vector, as JSON lines."""
    lines = [to_json(p) for p in lan_mou_2017().persons]
    cases = json.loads((VECTORS / "broken_documents.json").read_text(encoding="utf-8"))
    lines += [line_of(case) for case in cases if case["type"] == "Person"]
    return lines


def test_persons_equal_iter_jsonl_on_the_vectors() -> None:
    lines = person_lines()
    lines[3:3] = ["", "   ", "[1, 2]", "null", '{"id":"x","name":"Budi","id":"y"}']
    result = validate_batch(lines, "persons")
    assert_same("persons", lines, result)
    assert result.rows.num_rows == len(lan_mou_2017().persons)
    assert result.errors.num_rows >= 18


def test_every_collection_of_the_example() -> None:
    dataset = lan_mou_2017()
    for c in COLLECTIONS:
        entities = getattr(dataset, c.name)
        lines = [to_json(e) for e in entities] + ['{"nope": 1}', "{"]
        assert_same(c.name, lines, validate_batch(lines, c.name))


def test_every_broken_vector_of_every_collection() -> None:
    cases = json.loads((VECTORS / "broken_documents.json").read_text(encoding="utf-8"))
    by_kind: dict[str, list[str | bytes]] = {}
    for case in cases:
        cls = next((c for c in COLLECTION_OF if c.__name__ == case["type"]), None)
        if cls is not None:
            by_kind.setdefault(COLLECTION_OF[cls], []).append(line_of(case))
    assert len(by_kind) >= 5
    for kind, lines in by_kind.items():
        result = validate_batch(lines, kind)
        assert_same(kind, lines, result)
        assert result.rows.num_rows == 0


def text_lines() -> list[str]:
    return [line for line in person_lines() if isinstance(line, str)]


def test_batch_forms_agree() -> None:
    lines = text_lines()
    text = "\n".join(lines)
    reference = validate_batch(lines, "persons")
    forms: list[object] = [
        [line.encode() for line in lines],
        text,
        text.encode(),
        iter(lines),
        pa.table({"value": lines}),
        pa.table({"value": pa.array([line.encode() for line in lines], pa.binary())}),
        pa.RecordBatch.from_pydict({"value": lines}),
        pa.table({"value": pa.array(lines, pa.large_string())}),
    ]
    for form in forms:
        result = validate_batch(form, "persons")
        assert result.rows.equals(reference.rows)
        assert got_errors(result) == got_errors(reference)


def test_line_numbers_from_a_column_or_first_line() -> None:
    lines = person_lines()
    reference = got_errors(validate_batch(lines, "persons"))
    shifted = got_errors(validate_batch(lines, "persons", first_line=101))
    assert [(n + 100, *rest) for n, *rest in reference] == shifted
    numbered = pa.table({"line": list(range(1000, 1000 + 2 * len(lines), 2)), "value": lines})
    assert [(1000 + 2 * (n - 1), *rest) for n, *rest in reference] == got_errors(
        validate_batch(numbered, "persons")
    )


def test_a_batch_split_anywhere_gives_the_same_result() -> None:
    lines = person_lines()
    whole = validate_batch(lines, "persons")
    for cut in (1, 7, len(lines) // 2, len(lines) - 1):
        a = validate_batch(lines[:cut], "persons")
        b = validate_batch(lines[cut:], "persons", first_line=cut + 1)
        assert pa.concat_tables([a.rows, b.rows]).equals(whole.rows)
        assert got_errors(a) + got_errors(b) == got_errors(whole)


def test_records_as_arrow_columns_round_trip() -> None:
    """The typed table of valid rows validates again as records, unchanged."""
    rows = validate_batch(person_lines(), "persons").rows
    again = validate_batch(rows, "persons")
    assert again.errors.num_rows == 0
    assert again.rows.equals(rows)
    table = pa.table({"id": ["budi", "Budi"], "name": ["Budi", "Budi"], "line": [7, 9]})
    result = validate_batch(table, "persons")
    assert result.rows.column("id").to_pylist() == ["budi"]
    assert got_errors(result)[0][:3] == (9, "$.id", "id.invalid")


def test_empty_batches_give_the_schemas() -> None:
    for kind in CLASSES:
        result = validate_batch([], kind)
        assert result.rows.num_rows == 0
        assert result.errors.column_names == ["line", "path", "code", "message"]
        assert str(result.errors.schema.field("line").type) == "int64"
    assert validate_batch([], "persons").rows.schema.names[:2] == ["id", "name"]


def test_bad_arguments_are_adminnet_errors() -> None:
    with pytest.raises(InvalidComponent) as info:
        validate_batch([], "people")
    assert info.value.code == "arrow.unknown_kind"
    assert "'people'" in info.value.message
    for bad in (5, None, {"id": "x"}, pa.array(["x"]), pa.table({"value": [1, 2]})):
        with pytest.raises(InvalidFormat) as info:
            validate_batch(bad, "persons")
        assert info.value.code == "bulk.invalid_batch"
        assert type(bad).__name__ in info.value.message
    with pytest.raises(InvalidFormat) as info:
        validate_batch(pa.table({"value": ["{}"], "line": ["1"]}), "persons")
    assert info.value.code == "bulk.invalid_line_column"


def test_pure_and_picklable() -> None:
    lines = person_lines()
    assert pickle.loads(pickle.dumps(validate_batch)) is validate_batch
    result = validate_batch(lines, "persons")
    assert pickle.loads(pickle.dumps(result)).rows.equals(result.rows)
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = pool.submit(validate_batch, lines, "persons").result()
    assert remote.rows.equals(result.rows)
    assert got_errors(remote) == got_errors(result)
    assert got_errors(validate_batch(lines, "persons")) == got_errors(result)  # no state


def test_a_text_stream_is_read_like_iter_jsonl() -> None:
    lines = text_lines()
    stream = io.StringIO("\n".join(lines))
    assert got_errors(validate_batch(stream, "persons")) == got_errors(
        validate_batch(lines, "persons")
    )


@given(st.lists(invalid.documents(Person), min_size=1, max_size=8), st.data())
def test_near_miss_person_records(cases: list[tuple[dict[str, Any], str]], data: Any) -> None:
    lines = [json.dumps(doc, ensure_ascii=data.draw(st.booleans())) for doc, _ in cases]
    result = validate_batch(lines, "persons")
    assert_same("persons", lines, result)
    assert [code for _, _, code, _ in got_errors(result)] == [code for _, code in cases]


@given(st.lists(st.one_of(st.text(max_size=40), st.binary(max_size=40)), max_size=6))
def test_arbitrary_lines_never_crash_and_agree(lines: list[Any]) -> None:
    lines = [line.replace("\n", " ") if isinstance(line, str) else line.replace(b"\n", b" ")
             for line in lines]  # fmt: skip
    assert_same("persons", lines, validate_batch(lines, "persons"))


def test_rows_built_in_batches_equal_one_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several record batches give the table to_arrow makes of all, in one chunk."""
    import adminnet.export._arrow_write as arrow

    dataset = lan_mou_2017()
    for kind in ("agencies", "persons", "tenures"):
        lines = [to_json(e) for e in getattr(dataset, kind)]
        assert len(lines) > 3
        rows, errors = expected(kind, lines)
        with monkeypatch.context() as patch:
            patch.setattr(arrow, "BATCH_SIZE", 3)
            result = validate_batch(lines, kind)
        assert got_errors(result) == errors
        assert result.rows.schema == rows.schema
        assert result.rows.equals(rows)
        assert {c.num_chunks for c in result.rows.columns} == {1}
