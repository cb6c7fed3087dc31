"""model.dataset.COLLECTIONS is the one table of entity collections, true to Dataset."""

from __future__ import annotations

import typing

import attrs

from adminnet.model.dataset import COLLECTION_OF, COLLECTIONS, KINDS, Dataset
from adminnet.serialization._hooks import ENTITY_CLASSES


def test_collections_are_the_dataset_fields() -> None:
    fields = [a for a in attrs.fields(Dataset) if a.init]
    assert [c.name for c in COLLECTIONS] == [a.name for a in fields]
    hints = typing.get_type_hints(Dataset)
    for c in COLLECTIONS:
        assert typing.get_args(hints[c.name])[0] is c.cls
        assert c.has_ids == any(a.name == "id" for a in attrs.fields(c.cls))


def test_derived_tables() -> None:
    assert KINDS == tuple(c.name for c in COLLECTIONS if c.has_ids)
    assert all(COLLECTION_OF[c.cls] == c.name for c in COLLECTIONS)
    assert {c.cls for c in COLLECTIONS} <= set(ENTITY_CLASSES)
