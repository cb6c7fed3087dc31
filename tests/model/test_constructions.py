"""Construction vectors for every model class: valid ones build, invalid ones fail
with the expected code, attributed to the expected field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pendulum
import pytest
from cattrs import AttributeValidationNote

import adminnet.model.agreement as agreement
import adminnet.model.digital as digital
import adminnet.model.event as event
import adminnet.model.person as person
import adminnet.model.position as position
from adminnet.errors import AdminnetError
from adminnet.time import PartialDate, Period

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "model_constructions.json").read_text("utf-8")
)

CLASSES: dict[str, type] = {
    "Person": person.Person,
    "Position": position.Position,
    "Tenure": position.Tenure,
    "Decree": position.Decree,
    "Agreement": agreement.Agreement,
    "Party": agreement.Party,
    "Event": event.Event,
    "PublicService": digital.PublicService,
    "Measurement": digital.Measurement,
    "DigitalizationTarget": digital.DigitalizationTarget,
    "Indicator": digital.Indicator,
}


def build(value: Any) -> Any:
    """Turn the tagged JSON of the vectors into Python values."""
    if isinstance(value, list):
        return [build(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((tag, arg),) = value.items()
        if tag == "$period":
            return Period.parse(arg[0], arg[1])
        if tag == "$pdate":
            return PartialDate.parse(arg)
        if tag == "$date":
            return pendulum.Date.fromisoformat(arg)
        if tag == "$datetime":
            return pendulum.parse(arg)
        if tag == "$naive":
            return pendulum.naive(*map(int, arg.replace("T", "-").replace(":", "-").split("-")))
        if tag == "$party":
            return agreement.Party(**build(arg))
        if tag == "$decree":
            return position.Decree(**build(arg))
        if tag == "$indicator":
            return digital.BUILTIN_INDICATORS[arg]
        if tag == "$measurement":
            return digital.Measurement(**build(arg))
    return {k: build(v) for k, v in value.items()}


def field_of(exc: BaseException) -> str | None:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
    return None


@pytest.mark.parametrize("vector", VECTORS["valid"], ids=lambda v: v["class"])
def test_valid_constructions(vector: dict[str, Any]) -> None:
    """Each valid vector builds an instance that equals a rebuild of itself."""
    cls = CLASSES[vector["class"]]
    obj = cls(**build(vector["kwargs"]))
    assert obj == cls(**build(vector["kwargs"]))


@pytest.mark.parametrize(
    "vector", VECTORS["invalid"], ids=lambda v: f"{v['class']}-{v['field']}-{v['code']}"
)
def test_invalid_constructions(vector: dict[str, Any]) -> None:
    """Each invalid vector raises an adminnet error with the code, on the field."""
    cls = CLASSES[vector["class"]]
    with pytest.raises(AdminnetError) as info:
        cls(**build(vector["kwargs"]))
    assert (vector["code"], vector["field"]) == (info.value.code, field_of(info.value))


def test_vectors_cover_every_class() -> None:
    """Every model class has at least one invalid vector."""
    assert set(CLASSES) == {v["class"] for v in VECTORS["invalid"]}
