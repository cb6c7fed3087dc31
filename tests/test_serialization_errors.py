"""Error reports of adminnet.serialization: exact lists for broken documents, and fuzzing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adminnet.errors import ErrorDetail, InvalidDataError
from adminnet.model.dataset import Dataset
from adminnet.model.person import Person
from adminnet.serialization import (
    from_dict,
    from_json,
    iter_jsonl,
    make_converter,
    to_dict,
    to_json,
)
from adminnet.serialization._hooks import ENTITY_CLASSES
from adminnet.time import PartialDate
from test_serialization import BUILDERS

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "vectors" / "broken_documents.json").read_text("utf-8")
)
CLASSES: dict[str, type] = {c.__name__: c for c in ENTITY_CLASSES} | {"PartialDate": PartialDate}
ALL_TYPES = list(CLASSES.values())
_CODE = re.compile(r"[a-z0-9_]+\.[a-z0-9_]+\Z")


def _load(vector: dict[str, Any]) -> Any:
    cls = CLASSES[vector["type"]]
    if "document" in vector:
        return from_dict(cls, vector["document"])
    if "text" in vector:
        return from_json(cls, vector["text"])
    return from_json(cls, bytes.fromhex(vector["hex"]))


def _well_formed(errors: tuple[ErrorDetail, ...]) -> None:
    assert errors
    for e in errors:
        assert e.path.startswith("$")
        assert _CODE.match(e.code), e.code
        assert e.message
        assert "\n" not in e.message
        assert not e.message.endswith(".")
        assert len(e.message) < 400


def test_enough_vectors() -> None:
    """At least 30 broken documents, each with a unique name and expected errors."""
    assert len(VECTORS) >= 30
    assert len({v["name"] for v in VECTORS}) == len(VECTORS)
    assert all(v["errors"] for v in VECTORS)


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_broken_document(vector: dict[str, Any]) -> None:
    """A broken document fails with exactly the expected (path, code) list."""
    with pytest.raises(InvalidDataError) as info:
        _load(vector)
    errors = info.value.errors
    assert [[e.path, e.code] for e in errors] == vector["errors"]
    if "messages" in vector:
        assert [e.message for e in errors] == vector["messages"]
    _well_formed(errors)
    assert str(info.value).splitlines() == [str(e) for e in errors]


_FLOATS = re.compile(r"\d\.\d")


@pytest.mark.parametrize(
    "vector",
    [v for v in VECTORS if "document" in v and not _FLOATS.search(json.dumps(v["document"]))],
    ids=lambda v: v["name"],
)
def test_broken_document_as_json_text(vector: dict[str, Any]) -> None:
    """The same document given as JSON text (str and bytes) fails the same way."""
    text = json.dumps(vector["document"], ensure_ascii=False)
    cls = CLASSES[vector["type"]]
    for data in (text, text.encode("utf-8")):
        with pytest.raises(InvalidDataError) as info:
            from_json(cls, data)
        assert [[e.path, e.code] for e in info.value.errors] == vector["errors"]


def test_broken_documents_as_jsonl() -> None:
    """As JSON Lines, every Person vector is reported with its line number."""
    people = [v for v in VECTORS if v["type"] == "Person" and "document" in v]
    lines = [json.dumps(v["document"]) for v in people]
    with pytest.raises(InvalidDataError) as info:
        list(iter_jsonl(Person, lines))
    expected = [(i + 1, p, c) for i, v in enumerate(people) for p, c in v["errors"]]
    assert [(e.line, e.path, e.code) for e in info.value.errors] == expected


@pytest.mark.parametrize(
    "vector",
    [v for v in VECTORS if "document" in v],
    ids=lambda v: v["name"],
)
def test_non_detailed_converter_raises_the_first_problem(vector: dict[str, Any]) -> None:
    """A detailed_validation=False converter raises an adminnet error for the same input."""
    from adminnet.errors import AdminnetError

    conv = make_converter(detailed_validation=False)
    with pytest.raises(AdminnetError) as info:
        conv.structure(vector["document"], CLASSES[vector["type"]])
    codes = {c for _, c in vector["errors"]}
    assert info.value.code in codes


# --- fuzzing ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", "1.0", "2016", "2016-13", "1965-03-02", "2017-03-16T09:00:00+07:00"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=10)
            | st.sampled_from(["id", "name", "format_version", "start", "end"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=25,
)


@pytest.mark.parametrize("cls", ALL_TYPES, ids=lambda c: c.__name__)
@given(value=json_values)
def test_fuzz_from_dict(cls: type, value: Any) -> None:
    """Any JSON value into from_dict gives an object or one InvalidDataError, never else."""
    try:
        obj = from_dict(cls, value)
    except InvalidDataError as exc:
        _well_formed(exc.errors)
    else:
        assert from_dict(cls, to_dict(obj)) == obj


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _replace(doc: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(doc) if isinstance(doc, dict) else list(doc)
    copy[head] = _replace(doc[head], tuple(rest), new)
    return copy


@pytest.mark.parametrize("cls", ALL_TYPES, ids=lambda c: c.__name__)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_mutated_valid_documents(cls: type, data: st.DataObject) -> None:
    """A valid document with any part replaced by any JSON value: object or InvalidDataError."""
    doc = to_dict(data.draw(BUILDERS[cls]))
    path = data.draw(st.sampled_from(_paths(doc)))
    mutated = _replace(doc, path, data.draw(json_values))
    try:
        obj = from_dict(cls, mutated)
    except InvalidDataError as exc:
        _well_formed(exc.errors)
    else:
        assert from_json(cls, to_json(obj)) == obj


@pytest.mark.parametrize("cls", [Person, Dataset, PartialDate], ids=lambda c: c.__name__)
@given(
    text=st.text(max_size=60)
    | st.sampled_from(['{"id":', "[[[[", '{"a":1,"a":2}', "NaN", "\ufeff{}"])
)
def test_fuzz_from_json_text(cls: type, text: str) -> None:
    """Arbitrary text into from_json gives only InvalidDataError (or an object)."""
    try:
        from_json(cls, text)
    except InvalidDataError as exc:
        _well_formed(exc.errors)


@pytest.mark.parametrize("cls", [Person, Dataset], ids=lambda c: c.__name__)
@given(data=st.binary(max_size=60))
def test_fuzz_from_json_bytes(cls: type, data: bytes) -> None:
    """Arbitrary bytes into from_json give only InvalidDataError (or an object)."""
    try:
        from_json(cls, data)
    except InvalidDataError as exc:
        _well_formed(exc.errors)


@given(
    lines=st.lists(
        st.text(max_size=40) | st.binary(max_size=40) | json_values.map(json.dumps), max_size=8
    )
)
def test_fuzz_iter_jsonl(lines: list[str | bytes]) -> None:
    """Arbitrary lines: good ones are yielded; bad ones reported once, with line numbers."""
    reported: list[InvalidDataError] = []
    good = list(iter_jsonl(Person, lines, on_error=reported.append))
    assert all(isinstance(p, Person) for p in good)
    for exc in reported:
        _well_formed(exc.errors)
        assert all(e.line is not None and 1 <= e.line <= len(lines) for e in exc.errors)
    if reported:
        with pytest.raises(InvalidDataError) as info:
            list(iter_jsonl(Person, lines))
        assert list(info.value.errors) == [e for r in reported for e in r.errors]
    else:
        assert list(iter_jsonl(Person, lines)) == good
