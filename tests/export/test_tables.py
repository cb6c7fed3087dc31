"""Flat tables: dotted columns, index-dotted object lists, comma-joined value lists,
aligned rows, one type per table, and the pandas DataFrame (optional extra)."""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat
from adminnet.examples import lan_mou_2017
from adminnet.export.tables import TABLES, to_dataframe, to_records
from adminnet.model.agency import Agency, AgencyName
from adminnet.model.agreement import Agreement, Party
from adminnet.model.dataset import Dataset
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Decree, Tenure
from adminnet.time import PartialDate, Period


def agreement(id: str, *agencies: str, areas: tuple[str, ...] = ()) -> Agreement:
    return Agreement(
        id=id,
        kind="perjanjian_kerja_sama",
        title="PKS",
        parties=[Party(agency_id=a) for a in agencies],
        signed_on="2017-03",
        areas=areas,
    )


def tenure(id: str, basis: Decree | None = None) -> Tenure:
    return Tenure(
        id=id, person_id="p", position_id="q", period=Period.parse("2016", None), basis=basis
    )


# --- layout --------------------------------------------------------------------------


def test_example_tenure_row() -> None:
    """The Pj. Wali Kota Ambon's tenure: dotted period and decree columns, values as text."""
    rows = to_records(lan_mou_2017().tenures)
    assert rows[-1] == {
        "id": "papilaya-pj-wali-kota-ambon",
        "person_id": "frans-papilaya",
        "position_id": "wali-kota-ambon",
        "period.start": "2016-08-04",
        "period.end": "2017-05-22",
        "capacity": "penjabat",
        "basis.number": "131.81-5877 Tahun 2016",
        "basis.issued_on": "2016-08-01",
        "basis.issuer": "Menteri Dalam Negeri",
    }
    # the other tenures have no decree: None in the decree's columns, same keys
    assert rows[0]["basis.number"] is None
    assert rows[0]["period.start"] == "2015"
    assert rows[0]["period.end"] is None
    assert all(list(r) == list(rows[-1]) for r in rows)


def test_example_person_and_event_rows() -> None:
    """Name parts as columns; titles and id lists joined with ', '; empty list is ''."""
    ds = lan_mou_2017()
    persons = to_records(ds.persons)
    assert persons[0] == {
        "id": "adi-suryanto",
        "name.given": "Adi Suryanto",
        "name.prefixes": "Dr.",
        "name.suffixes": "M.Si.",
        "nip": None,
        "birth_date": None,
        "gender": None,
    }
    assert persons[1]["name.prefixes"] == ""
    (event,) = to_records(ds.events)
    assert event["start"] == "2017-03-16T00:00:00+07:00"
    assert event["time_known"] is False
    assert event["witness_ids"] == "asman-abnur, dwi-wahyu-atmaji, anwar-sanusi"
    assert event["attendee_ids"] == "frans-papilaya"
    assert event["agreement_ids"] == ""


def test_titles_and_nip_columns() -> None:
    """Several gelar join in order; NIP, gender and birth date are plain text cells."""
    p = Person(
        id="prof",
        name="Prof. Dr. Ir. Sri Wahyuni, M.Sc., Ph.D.",
        nip="199104222019032017",
        gender="female",
        birth_date="1991-04-22",
    )
    (row,) = to_records([p])
    assert row == {
        "id": "prof",
        "name.given": "Sri Wahyuni",
        "name.prefixes": "Prof., Dr., Ir.",
        "name.suffixes": "M.Sc., Ph.D.",
        "nip": "199104222019032017",
        "birth_date": "1991-04-22",
        "gender": "female",
    }


def test_object_lists_are_index_dotted() -> None:
    """Parties become parties.N.* columns, as many as the longest list; gaps are None."""
    rows = to_records(
        [
            agreement("a", "lan", "pemkot-8171", areas=("kajian_kebijakan", "pendidikan_tinggi")),
            agreement("b", "lan", "kemenpanrb", "pemkot-8171"),
        ]
    )
    assert list(rows[0]) == [
        "id",
        "kind",
        "title",
        "parties.0.agency_id",
        "parties.0.signatory_id",
        "parties.0.document_number",
        "parties.1.agency_id",
        "parties.1.signatory_id",
        "parties.1.document_number",
        "parties.2.agency_id",
        "parties.2.signatory_id",
        "parties.2.document_number",
        "signed_on",
        "place",
        "effective.start",
        "effective.end",
        "areas",
        "scope",
        "parent_id",
        "event_id",
    ]
    assert rows[0]["parties.2.agency_id"] is None
    assert rows[1]["parties.2.agency_id"] == "pemkot-8171"
    assert rows[0]["areas"] == "kajian_kebijakan, pendidikan_tinggi"
    assert rows[1]["areas"] == ""
    assert rows[0]["effective.start"] == "2017-03"


def test_dated_other_names_columns() -> None:
    """Other names are index-dotted; an agency without any has None there, no bare column."""
    komdigi = Agency(
        id="komdigi",
        name="Kementerian Komunikasi dan Digital",
        acronym="Komdigi",
        kind="kementerian",
        other_names=[
            AgencyName(
                name="Kementerian Komunikasi dan Informatika",
                acronym="Kominfo",
                valid=Period.parse("2009", "2024-10-20"),
            )
        ],
        successor_ids=["lan", "kemenpanrb"],
    )
    bare = Agency(id="lan", name="Lembaga Administrasi Negara", kind="other")
    rows = to_records([bare, komdigi])
    assert "other_names" not in rows[0]
    assert rows[0]["other_names.0.name"] is None
    assert rows[1]["other_names.0.name"] == "Kementerian Komunikasi dan Informatika"
    assert rows[1]["other_names.0.acronym"] == "Kominfo"
    assert rows[1]["other_names.0.valid.start"] == "2009"
    assert rows[1]["other_names.0.valid.end"] == "2024-10-20"
    assert rows[1]["successor_ids"] == "lan, kemenpanrb"
    assert rows[0]["successor_ids"] == ""
    assert [c for c in rows[0] if c.startswith("other_names")] == [
        "other_names.0.name",
        "other_names.0.acronym",
        "other_names.0.valid.start",
        "other_names.0.valid.end",
        "other_names.0.basis",
    ]


def test_optional_object_columns() -> None:
    """An optional object never present is one None column; once present, dotted ones."""
    none_known = to_records([tenure("a"), tenure("b")])
    assert [c for c in none_known[0] if c.startswith("basis")] == ["basis"]
    assert none_known[0]["basis"] is None
    decree = Decree(number="1/2016")
    mixed = to_records([tenure("a"), tenure("b", decree)])
    assert [c for c in mixed[0] if c.startswith("basis")] == [
        "basis.number",
        "basis.issued_on",
        "basis.issuer",
    ]
    assert mixed[0]["basis.number"] is None
    assert mixed[1]["basis.number"] == "1/2016"


def test_cells_are_plain_json() -> None:
    """Every cell is a plain JSON value: no enum members, no Decimal, no pendulum types."""
    tables = to_records(lan_mou_2017())
    for rows in tables.values():
        for row in rows:
            for value in row.values():
                assert value is None or type(value) in (str, bool, int)
                assert not isinstance(value, enum.Enum)
    json.dumps(tables, allow_nan=False)
    (asn, share) = tables["measurements"]
    assert asn["value"] == "4000050"
    assert Decimal(share["value"]) == 64
    assert asn["indicator.key"] == "asn_count"


def test_dataset_gives_every_table() -> None:
    """A Dataset gives one list per collection, in TABLES order, empty ones included."""
    ds = lan_mou_2017()
    tables = to_records(ds)
    assert tuple(tables) == TABLES
    assert {k: len(v) for k, v in tables.items()} == {k: len(getattr(ds, k)) for k in TABLES}
    assert tables["services"] == []
    assert tables["tenures"] == to_records(ds.tenures)
    assert to_records(Dataset()) == {k: [] for k in TABLES}


def test_iterables_of_any_kind() -> None:
    """Tuples, lists, generators and empty iterables are all accepted."""
    ds = lan_mou_2017()
    assert to_records(p for p in ds.persons) == to_records(list(ds.persons))
    assert to_records([]) == []
    assert to_records(iter(())) == []


# --- errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        None,
        5,
        "persons",
        b"persons",
        {"id": "lan"},
        lan_mou_2017().persons[0],
        [lan_mou_2017().persons[0], "x"],
        [None],
        [{"id": "lan"}],
        [lan_mou_2017()],
        [PartialDate(year=2016)],
    ],
)
def test_refuses_non_entities(value: object) -> None:
    """Non-iterables, text, mappings and non-entity rows raise tables.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        to_records(value)  # type: ignore[call-overload]
    assert info.value.code == "tables.invalid_type"


def test_refuses_mixed_types() -> None:
    """Rows of two entity types raise InconsistentData tables.mixed_types naming both."""
    ds = lan_mou_2017()
    with pytest.raises(InconsistentData) as info:
        to_records([ds.persons[0], ds.agencies[0]])
    assert info.value.code == "tables.mixed_types"
    assert str(info.value) == "rows mix Person and Agency (row 1); one type per table"


@attrs.frozen
class _Tags:
    names: tuple[str, ...]


def test_refuses_ambiguous_join() -> None:
    """A list item holding a comma cannot be joined reversibly: tables.ambiguous_list."""
    assert to_records([_Tags(names=("a", "b"))]) == [{"names": "a, b"}]
    with pytest.raises(InvalidComponent) as info:
        to_records([_Tags(names=("a, b", "c"))])
    assert info.value.code == "tables.ambiguous_list"


# --- properties ----------------------------------------------------------------------

ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@given(witnesses=st.lists(ids, unique=True, max_size=6))
def test_joined_ids_split_back(witnesses: list[str]) -> None:
    """A joined id list splits back into the ids, in order ('' for none)."""
    event = Event(
        id="e",
        kind="rapat",
        name="Rapat",
        start=pendulum.datetime(2017, 3, 16, 9, tz="Asia/Jakarta"),
        witness_ids=witnesses,
    )
    (row,) = to_records([event])
    cell = row["witness_ids"]
    assert (cell.split(", ") if cell else []) == witnesses


@given(n=st.integers(2, 6), m=st.integers(2, 6))
def test_party_columns_cover_longest(n: int, m: int) -> None:
    """Two agreements of n and m parties give max(n, m) party column groups, aligned."""
    rows = to_records(
        [
            agreement("a", *(f"ag-{i}" for i in range(n))),
            agreement("b", *(f"ag-{i}" for i in range(m))),
        ]
    )
    assert list(rows[0]) == list(rows[1])
    indices = {c.split(".")[1] for c in rows[0] if c.startswith("parties.")}
    assert indices == {str(i) for i in range(max(n, m))}
    assert rows[0][f"parties.{n - 1}.agency_id"] == f"ag-{n - 1}"
    if m > n:
        assert rows[0][f"parties.{n}.agency_id"] is None


# --- pandas --------------------------------------------------------------------------


def test_dataframe_of_tenures() -> None:
    """The DataFrame has the Arrow table's columns, in order, with real types."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from adminnet.export import arrow_schema

    tenures = lan_mou_2017().tenures
    df = to_dataframe(tenures)
    assert list(df.columns) == arrow_schema("tenures").names
    assert df.shape == (5, len(arrow_schema("tenures")))
    assert df["capacity"].tolist() == ["definitif"] * 4 + ["penjabat"]
    assert isinstance(df["capacity"].dtype, pd.CategoricalDtype)
    assert df.loc[4, "capacity.label"] == "Pj."
    assert df.loc[4, "period.start"] == "2016-08-04"
    assert str(df["period.start.earliest"].dtype) == "date32[day][pyarrow]"
    assert df.loc[4, "period.start.earliest"] == dt.date(2016, 8, 4)


def test_dataframe_decimals_are_exact() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    df = to_dataframe(lan_mou_2017().measurements)
    assert str(df["value"].dtype) == "decimal128(38, 9)[pyarrow]"
    assert df.loc[0, "value"] == Decimal("4000050")


def test_dataframes_of_dataset() -> None:
    """A Dataset gives a DataFrame per table; an empty table keeps its columns."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frames = to_dataframe(lan_mou_2017())
    assert tuple(frames) == TABLES
    assert all(isinstance(f, pd.DataFrame) for f in frames.values())
    assert len(frames["persons"]) == 5
    assert frames["services"].empty
    assert list(frames["services"].columns) == ["id", "name", "agency_id", "sector", "maturity"]
    parties = frames["agreements"].loc[0, "parties"]
    assert [p["agency_id"] for p in parties] == ["lan", "pemkot-8171"]


def test_dataframe_refuses_like_to_arrow() -> None:
    """to_dataframe raises the same adminnet errors as to_arrow."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    with pytest.raises(InvalidFormat) as info:
        to_dataframe("persons")  # type: ignore[call-overload]
    assert info.value.code == "arrow.invalid_input"


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, ModuleNotFoundError says to install adminnet[pandas]."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError) as info:
        to_dataframe(lan_mou_2017().persons)
    assert info.value.name == "pandas"
    assert 'pip install "adminnet[pandas]"' in str(info.value)
    assert isinstance(info.value.__cause__, ImportError)
