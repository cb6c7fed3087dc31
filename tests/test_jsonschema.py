"""adminnet.export.json_schema agrees with the converter of adminnet.serialization."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adminnet.errors import InvalidDataError, InvalidFormat
from adminnet.examples import lan_mou_2017
from adminnet.export import json_schema
from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement
from adminnet.model.dataset import Dataset
from adminnet.model.digital import Indicator
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Tenure
from adminnet.model.region import Region
from adminnet.serialization import from_dict, to_dict
from adminnet.serialization._hooks import ENTITY_CLASSES
from adminnet.time import PartialDate, Period
from test_serialization import BUILDERS
from test_serialization_errors import _paths, _replace

ALL_TYPES = [*ENTITY_CLASSES, PartialDate]
Validator = jsonschema.Draft202012Validator


def _validator(cls: type) -> Any:
    return Validator(json_schema(cls), format_checker=Validator.FORMAT_CHECKER)


VALIDATORS = {cls: _validator(cls) for cls in ALL_TYPES}

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "vectors" / "broken_documents.json").read_text("utf-8")
)
CLASSES = {c.__name__: c for c in ALL_TYPES}

# Problems the schema can see (the shape of a document), as opposed to rules that need
# computation (calendar dates inside a NIP, cross-field checks, the region registry).
SHAPE_CODES = {
    "type.invalid",
    "document.unknown_key",
    "document.missing_key",
    "document.invalid_version",
    "document.unsupported_version",
    "enum.invalid",
    "date.invalid_format",
    "datetime.naive",
    "datetime.invalid_format",
    "number.invalid",
    "partial_date.invalid_format",
    "partial_date.invalid_month",
    "id.invalid",
    "text.empty",
    "region_code.invalid_format",
    "agreement.too_few_parties",
    "agreement.duplicate_area",
    "id.duplicate",
}


@pytest.mark.parametrize("cls", ALL_TYPES, ids=lambda c: c.__name__)
def test_schema_is_valid_draft_2020_12(cls: type) -> None:
    """Every schema is a valid draft 2020-12 schema with $defs, $ref and closed objects."""
    schema = json_schema(cls)
    Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$ref"] == f"#/$defs/{cls.__name__}"
    for name, definition in schema["$defs"].items():
        for alternative in [definition, *definition.get("anyOf", [])]:
            if alternative.get("type") == "object":
                assert alternative["additionalProperties"] is False, name
    json.dumps(schema)  # plain JSON


def test_schema_details() -> None:
    """Enums are listed, ids/dates/decimals have patterns, required keys are required."""
    defs = json_schema(Dataset)["$defs"]
    assert defs["Dataset"]["required"] == ["format_version"]
    assert defs["Gender"]["enum"] == ["male", "female"]
    assert "pattern" in defs["Person"]["properties"]["id"]
    assert defs["Indicator"]["properties"]["minimum"]["type"] == ["string", "integer"]
    assert defs["Agreement"]["properties"]["parties"]["minItems"] == 2
    assert defs["Agreement"]["required"] == ["id", "kind", "title", "parties"]
    assert defs["PartialDate"]["type"] == "string"
    assert json_schema(Person) is not json_schema(Person)


def test_example_dataset_validates() -> None:
    """The bundled example, as the converter writes it, validates."""
    doc = to_dict(lan_mou_2017())
    VALIDATORS[Dataset].validate(doc)
    for person in doc["persons"]:
        VALIDATORS[Person].validate(person)


@pytest.mark.parametrize("cls", ALL_TYPES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_written_documents_validate(cls: type, data: st.DataObject) -> None:
    """Every document the converter writes validates against the schema."""
    VALIDATORS[cls].validate(to_dict(data.draw(BUILDERS[cls])))


_E = {"id": "e", "kind": "rapat", "name": "Rapat", "start": "2017-03-16T09:00:00+07:00"}
_IND = {"key": "k", "label": "L", "unit": "u", "minimum": "0", "maximum": "5"}
INVALID: list[tuple[type, Any]] = [
    (Person, {"id": "a"}),
    (Person, {"id": "a", "name": "Budi", "age": 40}),
    (Person, {"id": "Budi", "name": "Budi"}),
    (Person, {"id": "a", "name": 5}),
    (Person, {"id": "a", "name": "Budi", "gender": "pria"}),
    (Person, {"id": "a", "name": "Budi", "birth_date": "20170316"}),
    (Person, {"id": "a", "name": "Budi", "birth_date": "2017-03-16T00:00:00+07:00"}),
    (Person, {"id": "a", "name": "Budi", "nip": 196503021990031002}),
    (Person, {"id": "a", "name": {"given": "Budi", "titles": []}}),
    (Person, ["a"]),
    (Event, {**_E, "start": "2017-03-16T09:00:00"}),
    (Event, {**_E, "start": "16/03/2017 09:00"}),
    (Event, {**_E, "time_known": "false"}),
    (Event, {**_E, "witness_ids": "a,b"}),
    (Event, {**_E, "witness_ids": ["a", "a"]}),
    (Event, {**_E, "name": ""}),
    (Indicator, {**_IND, "maximum": "2,79"}),
    (Indicator, {**_IND, "maximum": "NaN"}),
    (Indicator, {**_IND, "maximum": True}),
    (Indicator, {**_IND, "higher_is_better": 1}),
    (Indicator, {**_IND, "maximum": 2.79}),  # a JSON fraction: number.float
    (Tenure, {"id": "t", "person_id": "p", "position_id": "q", "period": {"start": "2016-13"}}),
    (Tenure, {"id": "t", "person_id": "p", "position_id": "q", "period": {"from": "2016"}}),
    (Tenure, {"id": "t", "person_id": "p", "position_id": "q", "period": None}),
    (Tenure, {"id": "t", "person_id": "p", "position_id": "q", "period": {}, "capacity": "pj"}),
    (Agreement, {"id": "a", "kind": "mou", "title": "T", "parties": []}),
    (Agreement, {"id": "a", "kind": "adendum", "title": "T", "parties": [{"agency_id": "x"}]}),
    (Agency, {"id": "a", "name": "A", "kind": "other", "region_code": "817.1"}),
    (Agency, {"id": "a", "name": "A", "kind": "other", "region_code": "81.7101"}),
    (Agency, {"id": "a", "name": "A", "kind": "other", "region_code": "8171.01"}),
    (Agency, {"id": "a", "name": "A", "kind": "other", "region_code": "81.71.1001"}),
    (Region, {"code": "81.71", "name": "Ambon", "kind": "kota", "successors": "96.01"}),
    (PartialDate, "2016-1"),
    (PartialDate, "0000"),
    (PartialDate, 2016),
    (Period, {"start": "2016", "end": 2017}),
    (Dataset, {}),
    (Dataset, {"format_version": "2.0"}),
    (Dataset, {"format_version": 1.0}),
    (Dataset, {"format_version": "1.0", "persons": {}}),
    (Dataset, {"format_version": "1.0", "regions": []}),
]


@pytest.mark.parametrize(("cls", "doc"), INVALID, ids=[str(i) for i in range(len(INVALID))])
def test_invalid_documents_fail_both(cls: type, doc: Any) -> None:
    """A document with the wrong shape fails the schema and the converter."""
    assert not VALIDATORS[cls].is_valid(doc)
    with pytest.raises(InvalidDataError):
        from_dict(cls, doc)


@pytest.mark.parametrize(
    "vector",
    [v for v in VECTORS if "document" in v and {c for _, c in v["errors"]} <= SHAPE_CODES],
    ids=lambda v: v["name"],
)
def test_broken_vectors_of_shape_fail_the_schema(vector: dict[str, Any]) -> None:
    """Every broken-document vector whose problems are all of shape fails the schema."""
    assert not VALIDATORS[CLASSES[vector["type"]]].is_valid(vector["document"])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=10,
)


@pytest.mark.parametrize("cls", ALL_TYPES, ids=lambda c: c.__name__)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_schema_accepts_whatever_the_converter_reads(cls: type, data: st.DataObject) -> None:
    """Mutated documents: if the converter reads one, the schema accepts it too."""
    doc = to_dict(data.draw(BUILDERS[cls]))
    path = data.draw(st.sampled_from(_paths(doc)))
    mutated = _replace(doc, path, data.draw(json_values))
    try:
        from_dict(cls, mutated)
    except InvalidDataError:
        return
    VALIDATORS[cls].validate(mutated)


def test_unsupported_class() -> None:
    """A class without a JSON form is type.unsupported."""
    with pytest.raises(InvalidFormat) as info:
        json_schema(int)
    assert info.value.code == "type.unsupported"


def test_measurement_schema_allows_one_subject_at_most() -> None:
    from adminnet.model.digital import SPBE_INDEX, Measurement

    validator = VALIDATORS[Measurement]
    base = to_dict(Measurement(indicator=SPBE_INDEX, value="2.5", on="2024"))
    for subject in ({}, {"agency_id": "lan"}, {"region_code": "96.01.01.2002"}):
        doc = {**base, **subject}
        assert list(validator.iter_errors(doc)) == [], subject
        from_dict(Measurement, doc)  # the converter agrees
    both = {**base, "agency_id": "lan", "region_code": "96.01.01.2002"}
    assert list(validator.iter_errors(both)) != []
    with pytest.raises(InvalidDataError) as info:
        from_dict(Measurement, both)
    assert [d.code for d in info.value.errors] == ["measurement.two_subjects"]
    bad_code = {**base, "region_code": "96.1"}
    assert list(validator.iter_errors(bad_code)) != []
