"""Dataset: unique ids, accessors, time queries, merge."""

from __future__ import annotations

import pytest

from adminnet.errors import InconsistentData, UnknownEntity
from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, Party
from adminnet.model.dataset import Dataset
from adminnet.model.person import Person
from adminnet.model.position import Position, Tenure
from adminnet.time import Period

LAN = Agency(id="lan", name="Lembaga Administrasi Negara", kind="lembaga_pemerintah_nonkementerian")
BKN = Agency(id="bkn", name="Badan Kepegawaian Negara", kind="lembaga_pemerintah_nonkementerian")
KEPALA = Position(id="kepala-lan", agency_id="lan", role="kepala", title="Kepala LAN")


def tenure(id: str, person: str, start: str, end: str | None) -> Tenure:
    return Tenure(
        id=id, person_id=person, position_id="kepala-lan", period=Period.parse(start, end)
    )


def make() -> Dataset:
    return Dataset(
        agencies=[LAN, BKN],
        persons=[Person(id="agus", name="Agus Dwiyanto"), Person(id="adi", name="Adi Suryanto")],
        positions=[KEPALA],
        tenures=[tenure("t-agus", "agus", "2012", "2015"), tenure("t-adi", "adi", "2015", None)],
        agreements=[
            Agreement(
                id="a1",
                kind="nota_kesepahaman",
                title="MoU",
                parties=[Party(agency_id="lan"), Party(agency_id="bkn")],
                signed_on="2016-05-01",
                effective=Period.parse("2016-05-01", "2018-04-30"),
            )
        ],
    )


def test_accessors() -> None:
    """Entities are found by id; a miss is an UnknownEntity with a code."""
    ds = make()
    assert ds.position("kepala-lan").title == "Kepala LAN"
    with pytest.raises(UnknownEntity) as info:
        ds.person("nobody")
    assert info.value.code == "dataset.unknown_person"
    with pytest.raises(UnknownEntity):
        ds.person(42)  # type: ignore[arg-type]
    assert ds.contains("persons", "adi")
    assert not ds.contains("persons", "nobody")


def test_duplicate_ids_are_one_error_listing_all() -> None:
    """Duplicate ids of several kinds are reported together."""
    with pytest.raises(InconsistentData) as info:
        Dataset(
            agencies=[LAN, LAN],
            persons=[Person(id="x", name="A"), Person(id="x", name="B")],
        )
    assert info.value.code == "dataset.duplicate_id"
    assert "agencies: lan" in str(info.value)
    assert "persons: x" in str(info.value)


def test_holders_surely_and_possibly() -> None:
    """In 2015 both year-precision tenures possibly hold; neither surely does."""
    ds = make()
    assert [t.id for t in ds.holders("kepala-lan", "2015-06-01")] == ["t-agus", "t-adi"]
    assert list(ds.holders("kepala-lan", "2015-06-01", surely=True)) == []
    assert [t.id for t in ds.holders("kepala-lan", "2017-03-16", surely=True)] == ["t-adi"]
    with pytest.raises(UnknownEntity):
        ds.holders("nope", "2017-01-01")


def test_tenures_and_agreements_of() -> None:
    """Per-person tenures and per-agency agreements, optionally at a date."""
    ds = make()
    assert [t.id for t in ds.tenures_of("adi")] == ["t-adi"]
    assert list(ds.tenures_of("agus", "2017-01-01")) == []
    assert [a.id for a in ds.agreements_of("bkn", "2017-01-01")] == ["a1"]
    assert list(ds.agreements_of("bkn", "2019-01-01")) == []
    assert [p.id for p in ds.positions_of("lan")] == ["kepala-lan"]


def test_merge() -> None:
    """Merging keeps equal entities once and refuses conflicting ones."""
    ds = make()
    other = Dataset(agencies=[LAN], persons=[Person(id="new", name="Baru")])
    merged = ds.merge(other)
    assert len(merged.persons) == 3
    assert len(merged.agencies) == 2
    clash = Dataset(persons=[Person(id="adi", name="Someone Else")])
    with pytest.raises(InconsistentData) as info:
        ds.merge(clash)
    assert info.value.code == "dataset.merge_conflict"


def test_equality_ignores_indexes() -> None:
    """Two datasets with the same entities are equal whether or not indexes were built."""
    a, b = make(), make()
    a.person("adi")
    assert a == b
    assert hash(a) == hash(b)


def test_summary() -> None:
    """summary counts each kind."""
    assert make().summary()["persons"] == 2


def test_repr_html() -> None:
    """Notebooks get a table of counts."""
    html = make()._repr_html_()
    assert "<td>persons</td><td style='text-align:right'>2</td>" in html
