"""The shared declarations and errors of the model's fields.

Each helper replaced copies written out in several classes: the tests pin what every
copy did (the same attrs field, the same error code and params), so a field declared
through a helper cannot drift from its siblings.
"""

from __future__ import annotations

import attrs
import pytest

from adminnet._validators import disagrees, field_name, wrong_type
from adminnet.errors import InconsistentData, InvalidFormat
from adminnet.model import _common
from adminnet.model.agency import Agency, AgencyName
from adminnet.model.agreement import Agreement, Party
from adminnet.model.digital import DigitalizationTarget, Measurement, PublicService
from adminnet.model.event import Event
from adminnet.model.position import Decree, Position, Tenure

CLASSES = (
    Agency,
    AgencyName,
    Agreement,
    Party,
    DigitalizationTarget,
    Measurement,
    PublicService,
    Event,
)
CLASSES += (Decree, Position, Tenure)


def _fields(converter: object) -> list[attrs.Attribute[object]]:
    return [f for cls in CLASSES for f in attrs.fields(cls) if f.converter is converter]


def test_every_optional_text_field_is_declared_alike() -> None:
    found = _fields(_common.optional_text)
    assert len(found) >= 12
    for f in found:
        assert f.default is None
        assert f.validator is _common.check_optional_text


def test_every_optional_region_code_field_is_declared_alike() -> None:
    found = _fields(_common.optional_region_code)
    assert {f"{f.inherited}:{f.name}" for f in found} == {"False:region_code"}
    assert len(found) == 3
    assert all(f.default is None and f.validator is not None for f in found)


def test_optional_id_fields() -> None:
    found = [
        f for cls in CLASSES for f in attrs.fields(cls) if f.validator is _common.check_optional_id
    ]
    assert {f.name for f in found} >= {"signatory_id", "parent_id", "event_id", "chair_id"}
    assert all(f.default is None and f.converter is None for f in found)


def test_optional_text_field_cleans_and_refuses_like_before() -> None:
    assert Party(agency_id="lan", document_number="  12/LAN  ").document_number == "12/LAN"
    assert Party(agency_id="lan").document_number is None
    with pytest.raises(InvalidFormat):
        Party(agency_id="lan", document_number=12)  # type: ignore[arg-type]


def test_wrong_type_names_the_type() -> None:
    exc = wrong_type(b"x", "type.invalid", "successors")
    assert isinstance(exc, InvalidFormat)
    assert (exc.code, exc.variant, exc.params) == ("type.invalid", "successors", {"type": "bytes"})
    assert wrong_type(1, "rules.invalid_function").variant is None


def test_field_name_and_disagrees() -> None:
    (attribute,) = (f for f in attrs.fields(Party) if f.name == "agency_id")
    party = Party(agency_id="lan")
    assert field_name(party, attribute) == "Party.agency_id"
    exc = disagrees("target.due_before_baseline", 2020, baseline=2021)
    assert isinstance(exc, InconsistentData)
    assert exc.params == {"value": "2020", "baseline": "2021"}
