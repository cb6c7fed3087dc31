"""Enum input: values, printed labels and abbreviations in; the value out, always.

Vectors in ``tests/vectors/enum_labels.csv``: ``Capacity("Plt.")`` is
``pelaksana_tugas``, ``AgreementKind("MoU")`` is ``nota_kesepahaman``; anything else is
refused with code ``enum.invalid`` and the allowed values, a spelling that fits two
members with ``enum.ambiguous``.
"""

from __future__ import annotations

import csv
import enum
import importlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import adminnet.extract
import adminnet.model
import adminnet.rules
import adminnet.spbe
from adminnet._enum import _LABELS, LabeledEnum, allowed, find, labels
from adminnet.errors import InvalidComponent, InvalidDataError
from adminnet.model.agreement import Agreement, AgreementKind, Party
from adminnet.model.position import Capacity, Tenure
from adminnet.serialization import from_dict, from_json, to_json
from adminnet.time import Period

VECTORS = Path(__file__).parent / "vectors" / "enum_labels.csv"


def _rows() -> list[tuple[str, str, str]]:
    with VECTORS.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return [(r[0], r[1], r[2]) for r in csv.reader(lines)]


def _enum(path: str) -> type[LabeledEnum]:
    module, name = path.split(":")
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, LabeledEnum)
    return cls


@pytest.mark.parametrize(("path", "text", "expected"), _rows())
def test_vectors(path: str, text: str, expected: str) -> None:
    cls = _enum(path)
    if expected.startswith("!"):
        with pytest.raises(InvalidComponent) as info:
            cls(text)
        assert info.value.code == expected[1:]
        assert info.value.params["value"] == repr(text)
        assert repr(text) in str(info.value)
        assert find(cls, text) is None
    else:
        member = cls(text)
        assert member.value == expected
        assert find(cls, text) is member


def test_capacity_refusal_names_every_allowed_value_and_label() -> None:
    with pytest.raises(InvalidComponent) as info:
        Capacity("acting")
    err = info.value
    for member in Capacity:
        assert member.value in err.params["known"]
        assert member.label in str(err) or member.label.lower() == member.value
    assert "Plt." in str(err)
    assert "pelaksana_tugas" in str(err)


def test_constructor_takes_labels_and_serializes_the_value() -> None:
    tenure = Tenure(
        id="t", person_id="p", position_id="q", period=Period.parse("2020", None), capacity="Plt."
    )
    assert tenure.capacity is Capacity.PELAKSANA_TUGAS
    text = to_json(tenure)
    assert '"pelaksana_tugas"' in text
    assert "Plt." not in text
    assert from_json(Tenure, text) == tenure


def test_agreement_kind_abbreviation_in_python_but_not_on_the_wire() -> None:
    parties = [Party(agency_id="lan"), Party(agency_id="bkn")]
    agreement = Agreement(id="a", kind="MoU", title="x", parties=parties)
    assert agreement.kind is AgreementKind.NOTA_KESEPAHAMAN
    assert '"nota_kesepahaman"' in to_json(agreement)
    doc = {"id": "a", "kind": "MoU", "title": "x", "parties": [{"agency_id": "lan"}] * 2}
    with pytest.raises(InvalidDataError) as info:  # the wire format takes values only
        from_dict(Agreement, doc)
    assert next(d.code for d in info.value.errors) == "enum.invalid"


def _all_enums() -> list[type[enum.Enum]]:
    assert adminnet.extract
    assert adminnet.model
    assert adminnet.rules
    assert adminnet.spbe
    return sorted(_LABELS, key=lambda c: c.__qualname__)


@pytest.mark.parametrize("cls", _all_enums(), ids=lambda c: c.__name__)
def test_every_value_and_label_round_trips(cls: type[LabeledEnum]) -> None:
    for member in cls:
        assert cls(member.value) is member
        assert cls(str(member)) is member
        assert str(member) == member.value  # the value, never the label, is written
        assert cls(member.label) is member  # no two labels of one enum collide
        assert member.value in allowed(cls)


@given(st.text(max_size=30))
def test_arbitrary_text_is_a_member_or_an_enum_error(text: str) -> None:
    member = find(Capacity, text)
    if member is None:
        with pytest.raises(InvalidComponent) as info:
            Capacity(text)
        assert info.value.code in {"enum.invalid", "enum.ambiguous"}
    else:
        assert Capacity(text) is member


def test_a_spelling_two_members_share_is_ambiguous_not_guessed() -> None:
    @labels({"pj": "P.J.", "p_j": "Pj"})
    class Twins(LabeledEnum):
        PJ = "pj"
        P_J = "p_j"

    assert Twins("P.J.") is Twins.PJ
    assert Twins("Pj") is Twins.P_J
    with pytest.raises(InvalidComponent) as info:
        Twins("PJ")
    assert info.value.code == "enum.ambiguous"
    assert set(info.value.params["candidates"].split(", ")) == {"pj", "p_j"}


def test_non_string_is_refused_with_the_allowed_values() -> None:
    with pytest.raises(InvalidComponent) as info:
        Capacity(3)  # type: ignore[arg-type]
    assert info.value.code == "enum.invalid"
    assert "definitif" in str(info.value)
