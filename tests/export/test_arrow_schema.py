"""The Arrow schema of every collection: each column's type, read from the table.

The Person table is a contract with bulk validation (CONTRACTS.md section 2): its
columns, order, types and nullability are pinned here. Every other table is pinned by
``tests/vectors/arrow_schemas.json``; a model change that changes a table shows up here
as a diff of that file (regenerate it with ``python tests/export/test_arrow_schema.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")

from adminnet.errors import InvalidComponent  # noqa: E402
from adminnet.examples import lan_mou_2017  # noqa: E402
from adminnet.export import arrow_schema, to_arrow  # noqa: E402
from adminnet.model.dataset import COLLECTIONS  # noqa: E402

VECTORS = Path(__file__).resolve().parent.parent / "vectors" / "arrow_schemas.json"


def describe(schema: Any) -> list[list[object]]:
    """Each column as [name, type, nullable]."""
    return [[f.name, str(f.type), f.nullable] for f in schema]


def test_person_table_is_the_contract() -> None:
    string, dictionary = pa.string(), pa.dictionary(pa.int8(), pa.string())
    expected = pa.schema(
        [
            pa.field("id", string, nullable=False),
            pa.field("name", string, nullable=False),
            pa.field("nip", string),
            pa.field("birth_date", pa.date32()),
            pa.field("gender", dictionary),
        ]
    )
    assert arrow_schema("persons").equals(expected)
    assert [f.nullable for f in arrow_schema("persons")] == [f.nullable for f in expected]


def test_every_collection_has_its_pinned_schema() -> None:
    pinned = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert sorted(pinned) == sorted(c.name for c in COLLECTIONS)
    for c in COLLECTIONS:
        assert describe(arrow_schema(c.name)) == pinned[c.name], c.name


@pytest.mark.parametrize("kind", [c.name for c in COLLECTIONS])
def test_every_column_of_every_table_has_its_type(kind: str) -> None:
    """The types read back from a built table, column by column."""
    table = to_arrow(lan_mou_2017())[kind]
    pinned = {name: tp for name, tp, _ in json.loads(VECTORS.read_text())[kind]}
    assert table.schema.names == list(pinned)
    for name in table.schema.names:
        assert str(table.schema.field(name).type) == pinned[name], name
        assert str(table.column(name).type) == pinned[name], name


def test_real_types_where_text_was() -> None:
    schema = arrow_schema("tenures")
    assert schema.field("period.start").type == pa.string()
    assert schema.field("period.start.earliest").type == pa.date32()
    assert schema.field("period.end.latest").type == pa.date32()
    assert schema.field("capacity").type == pa.dictionary(pa.int8(), pa.string())
    assert schema.field("capacity.label").type == pa.dictionary(pa.int8(), pa.string())
    assert pa.types.is_decimal(arrow_schema("measurements").field("value").type)
    assert arrow_schema("agencies").field("region_code").type == pa.dictionary(
        pa.int32(), pa.string()
    )
    parties = arrow_schema("agreements").field("parties").type
    assert pa.types.is_list(parties)
    assert pa.types.is_struct(parties.value_type)
    assert not any(n.startswith("parties.") for n in arrow_schema("agreements").names)
    start = arrow_schema("events").field("start").type
    assert start == pa.timestamp("us", tz="UTC")


def test_enum_columns_carry_their_labels() -> None:
    field = arrow_schema("tenures").field("capacity")
    labels = json.loads(field.metadata[b"adminnet.labels"])
    assert labels["penjabat"] == "Pj."
    assert arrow_schema("persons").metadata[b"adminnet.kind"] == b"persons"


@pytest.mark.parametrize("kind", ["person", "Persons", "", None, 3])
def test_unknown_kind_is_refused(kind: Any) -> None:
    with pytest.raises(InvalidComponent) as info:
        arrow_schema(kind)
    assert info.value.code == "arrow.unknown_kind"
    assert repr(kind) in str(info.value)


def test_messages_in_both_languages() -> None:
    from adminnet._i18n import set_language

    try:
        set_language("id")
        with pytest.raises(InvalidComponent) as info:
            arrow_schema("orang")
        assert str(info.value).startswith("jenis tabel 'orang' tidak dikenal")
        set_language("en")
        assert str(info.value).startswith("unknown table kind 'orang'")
    finally:
        set_language(None)


if __name__ == "__main__":  # regenerate the pinned schemas after a deliberate change
    data = {c.name: describe(arrow_schema(c.name)) for c in COLLECTIONS}
    lines = ",\n".join(
        f"  {json.dumps(kind)}: [\n"
        + ",\n".join(f"    {json.dumps(column)}" for column in columns)
        + "\n  ]"
        for kind, columns in data.items()
    )
    VECTORS.write_text("{\n" + lines + "\n}\n", encoding="utf-8")
    sys.exit(0)
