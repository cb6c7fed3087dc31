"""Popolo export: every object validates against the official draft-03 schemas (local
registry, no network) and carries the exact mapped values."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from adminnet.errors import InvalidFormat
from adminnet.examples import lan_mou_2017
from adminnet.export.popolo import (
    LEGACY_NIP_SCHEME,
    NIP_SCHEME,
    PPPK_SCHEME,
    REGION_CODE_SCHEME,
    to_popolo,
)
from adminnet.model.agency import Agency, AgencyName
from adminnet.model.dataset import Dataset
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Position, Tenure
from adminnet.time import PartialDate, Period

SCHEMA_OF = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
}


@pytest.fixture(scope="module")
def validators(reference_dir: Path) -> dict[str, Draft3Validator]:
    """A Draft3Validator per Popolo collection, resolving $refs from the local files."""
    folder = reference_dir / "popolo"
    schemas = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))}
    registry: Registry[Any] = Registry().with_resources(
        (s["id"], Resource.from_contents(s, default_specification=DRAFT3)) for s in schemas.values()
    )
    return {
        collection: Draft3Validator(
            schemas[name], registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER
        )
        for collection, name in SCHEMA_OF.items()
    }


def errors_of(validators: dict[str, Draft3Validator], popolo: dict[str, Any]) -> list[str]:
    """Every schema violation of an export, as 'collection[i].path: message'."""
    found = []
    for collection, objects in popolo.items():
        for i, obj in enumerate(objects):
            for err in validators[collection].iter_errors(obj):
                path = ".".join(str(p) for p in err.absolute_path)
                found.append(f"{collection}[{i}].{path}: {err.message}")
    return found


# --- a dataset with what the example lacks -------------------------------------------


@pytest.fixture(scope="module")
def built() -> Dataset:
    """NIPs of every kind, genders, titles, dated names, acting capacities, odd times."""
    persons = (
        Person(
            id="pns",
            name="Dra. Sri Wahyuni, M.Si.",
            nip="19910422 201903 2 017",
            gender="female",
            birth_date="1991-04-22",
        ),
        Person(id="pppk", name="Budi", nip="199001012021211001", gender="male"),
        Person(id="lama", name="Hj. Siti Aminah", nip="130 123 456"),
        Person(id="prof", name="Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D."),
    )
    agencies = (
        Agency(
            id="komdigi",
            name="Kementerian Komunikasi dan Digital",
            acronym="Komdigi",
            kind="kementerian",
            other_names=[
                AgencyName(
                    name="Kementerian Komunikasi dan Informatika",
                    acronym="Kominfo",
                    valid=Period.parse("2009", "2024-10-20"),
                    basis="Perpres 54/2015",
                ),
                AgencyName(name="Kemkominfo"),
            ],
        ),
        Agency(
            id="badan-lama",
            name="Badan Lama",
            kind="lembaga_nonstruktural",
            valid=Period.parse("2016", "2024-10"),
            successor_ids=["komdigi"],
            basis="Perpres 1/2016",
        ),
        Agency(
            id="dit-aptika",
            name="Direktorat Jenderal Aplikasi Informatika",
            kind="unit_kerja",
            parent_id="komdigi",
        ),
        Agency(
            id="pemprov-81",
            name="Pemerintah Provinsi Maluku",
            kind="pemerintah_provinsi",
            region_code="81",
        ),
    )
    positions = (
        Position(id="gub-maluku", agency_id="pemprov-81", role="gubernur", title="Gubernur Maluku"),
        Position(
            id="dirjen-aptika",
            agency_id="dit-aptika",
            role="other",
            title="Direktur Jenderal Aplikasi Informatika",
        ),
    )
    tenures = (
        Tenure(
            id="t-plt",
            person_id="pns",
            position_id="gub-maluku",
            period=Period.parse("2019-05", None),
            capacity="pelaksana_tugas",
        ),
        Tenure(id="t-open", person_id="prof", position_id="dirjen-aptika", period=Period()),
        Tenure(
            id="t-year",
            person_id="pppk",
            position_id="gub-maluku",
            period=Period.parse("2016", "2017"),
            capacity="penjabat_sementara",
        ),
        Tenure(
            id="t-dangling",
            person_id="lama",
            position_id="not-in-dataset",
            period=Period.parse(None, "2020-02-29"),
            capacity="pelaksana_harian",
        ),
    )
    events = (
        Event(
            id="rapat-wit",
            kind="rapat",
            name="Rapat koordinasi",
            start=pendulum.datetime(2019, 6, 3, 9, 30, 15, 999999, tz="Asia/Jayapura"),
            end=pendulum.datetime(2019, 6, 3, 12, tz="Asia/Jayapura"),
            organizer_id="pemprov-81",
            chair_id="pns",
            attendee_ids=["prof", "pns", "orang-luar"],
            witness_ids=["pppk"],
        ),
        Event(
            id="peluncuran-utc",
            kind="peluncuran",
            name="Peluncuran",
            start=pendulum.datetime(2024, 1, 1, 23, 59, tz="UTC"),
        ),
        Event(
            id="lmt",
            kind="other",
            name="Acara 1920",
            start=dt.datetime(1920, 1, 1, 9, tzinfo=dt.timezone(dt.timedelta(seconds=25632))),
        ),
        Event(
            id="pelantikan",
            kind="pelantikan",
            name="Pelantikan",
            start=pendulum.datetime(2016, 8, 4, tz="Asia/Makassar"),
            end=pendulum.datetime(2016, 8, 5, tz="Asia/Makassar"),
            time_known=False,
        ),
    )
    return Dataset(
        persons=persons, agencies=agencies, positions=positions, tenures=tenures, events=events
    )


def by_id(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in objects}


# --- validity ------------------------------------------------------------------------


def test_example_is_valid_popolo(validators: dict[str, Draft3Validator]) -> None:
    """The bundled LAN MoU example exports to schema-valid Popolo, one object per entity."""
    ds = lan_mou_2017()
    popolo = to_popolo(ds)
    assert errors_of(validators, popolo) == []
    assert {k: len(v) for k, v in popolo.items()} == {
        "persons": 5,
        "organizations": 4,
        "posts": 5,
        "memberships": 5,
        "events": 1,
    }


def test_built_dataset_is_valid_popolo(
    validators: dict[str, Draft3Validator], built: Dataset
) -> None:
    """NIPs, genders, dated names, open periods and odd offsets all export validly."""
    assert errors_of(validators, to_popolo(built)) == []


@pytest.mark.parametrize(
    ("collection", "obj"),
    [
        ("persons", {"identifiers": [{"scheme": "NIP"}]}),
        ("persons", {"birth_date": "16/03/2017"}),
        ("organizations", {"other_names": [{"name": "X", "start_date": "2016-8"}]}),
        ("memberships", {"start_date": "2016-08-04T09:00:00.5+07:00"}),
        ("events", {"attendees": [{"birth_date": "2016-08-04T09:00:00+07:00"}]}),
        ("events", {"start_date": "2016-08-04T09:00:00+07:07:12"}),
    ],
)
def test_validators_reject_invalid(
    validators: dict[str, Draft3Validator], collection: str, obj: dict[str, Any]
) -> None:
    """Negative control: the local validators resolve $refs and enforce the patterns."""
    assert errors_of(validators, {collection: [obj]}) != []


def test_output_is_plain_json(built: Dataset) -> None:
    """The export holds only JSON values and is the same on every call."""
    first = to_popolo(built)
    text = json.dumps(first, allow_nan=False, sort_keys=True)
    assert json.loads(text) == first
    assert to_popolo(built) == first


@pytest.mark.parametrize("value", [None, [], "lan", {"persons": []}, lan_mou_2017().persons])
def test_refuses_non_dataset(value: object) -> None:
    """Anything but a Dataset is an InvalidFormat with code popolo.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        to_popolo(value)  # type: ignore[arg-type]
    assert info.value.code == "popolo.invalid_type"


# --- the example's values ------------------------------------------------------------


def test_example_acting_membership() -> None:
    """The Pj. Wali Kota Ambon keeps his acting capacity in label and capacity."""
    memberships = by_id(to_popolo(lan_mou_2017())["memberships"])
    assert memberships["papilaya-pj-wali-kota-ambon"] == {
        "id": "papilaya-pj-wali-kota-ambon",
        "label": "Pj. Wali Kota Ambon",
        "role": "Wali Kota",
        "person_id": "frans-papilaya",
        "organization_id": "pemkot-8171",
        "post_id": "wali-kota-ambon",
        "start_date": "2016-08-04",
        "end_date": "2017-05-22",
        "capacity": "penjabat",
    }
    assert memberships["adi-suryanto-kepala-lan"]["start_date"] == "2015"
    assert "end_date" not in memberships["adi-suryanto-kepala-lan"]


def test_example_person_titles() -> None:
    """Gelar go to honorific_prefix/suffix; the name keeps the formal form."""
    persons = by_id(to_popolo(lan_mou_2017())["persons"])
    assert persons["frans-papilaya"] == {
        "id": "frans-papilaya",
        "name": "Ir. Frans J. Papilaya, M.Si.",
        "given_name": "Frans J. Papilaya",
        "sort_name": "Frans J. Papilaya",
        "honorific_prefix": "Ir.",
        "honorific_suffix": "M.Si.",
    }


def test_example_event() -> None:
    """The signing: day only (time unknown), chair first, witnesses kept by role."""
    (event,) = to_popolo(lan_mou_2017())["events"]
    assert event == {
        "id": "lan-mou-signing-2017-03-16",
        "name": "Penandatanganan MoU LAN dengan pemerintah kabupaten/kota",
        "classification": "penandatanganan",
        "start_date": "2017-03-16",
        "location": "Gedung LAN Veteran, Jakarta",
        "organization_id": "lan",
        "attendees": [
            {"id": "adi-suryanto", "name": "Dr. Adi Suryanto, M.Si."},
            {"id": "asman-abnur", "name": "Asman Abnur"},
            {"id": "dwi-wahyu-atmaji", "name": "Dwi Wahyu Atmaji"},
            {"id": "anwar-sanusi", "name": "Dr. Anwar Sanusi"},
            {"id": "frans-papilaya", "name": "Ir. Frans J. Papilaya, M.Si."},
        ],
        "chair_id": "adi-suryanto",
        "witness_ids": ["asman-abnur", "dwi-wahyu-atmaji", "anwar-sanusi"],
    }


def test_example_local_government() -> None:
    """Pemkot Ambon: classification value, region code as identifier and area_id."""
    orgs = by_id(to_popolo(lan_mou_2017())["organizations"])
    assert orgs["pemkot-8171"] == {
        "id": "pemkot-8171",
        "name": "Pemerintah Kota Ambon",
        "other_names": [{"name": "Pemkot Ambon", "note": "acronym"}],
        "identifiers": [{"identifier": "81.71", "scheme": REGION_CODE_SCHEME}],
        "classification": "pemerintah_kota",
        "area_id": "81.71",
    }
    assert orgs["lan"]["founding_date"] == "1957"
    assert orgs["kemendes-pdtt"]["dissolution_date"] == "2024-10-20"


# --- the built dataset's values ------------------------------------------------------


def test_pns_person(built: Dataset) -> None:
    """A PNS: NIP identifier with scheme NIP, gender, birth date, titles."""
    persons = by_id(to_popolo(built)["persons"])
    assert persons["pns"] == {
        "id": "pns",
        "name": "Dra. Sri Wahyuni, M.Si.",
        "given_name": "Sri Wahyuni",
        "sort_name": "Sri Wahyuni",
        "honorific_prefix": "Dra.",
        "honorific_suffix": "M.Si.",
        "gender": "female",
        "birth_date": "1991-04-22",
        "identifiers": [{"identifier": "199104222019032017", "scheme": NIP_SCHEME}],
    }


@pytest.mark.parametrize(
    ("person_id", "identifiers"),
    [
        ("pppk", [{"identifier": "199001012021211001", "scheme": PPPK_SCHEME}]),
        ("lama", [{"identifier": "130123456", "scheme": LEGACY_NIP_SCHEME}]),
        ("prof", None),
    ],
)
def test_nip_schemes(built: Dataset, person_id: str, identifiers: object) -> None:
    """PPPK and legacy numbers get their own schemes; no NIP, no identifiers."""
    person = by_id(to_popolo(built)["persons"])[person_id]
    assert person.get("identifiers") == identifiers


def test_gender_and_birth_date_not_derived_from_nip(built: Dataset) -> None:
    """Gender/birth date are exported as recorded, never read out of the NIP."""
    persons = by_id(to_popolo(built)["persons"])
    assert persons["pppk"]["gender"] == "male"
    assert "birth_date" not in persons["pppk"]
    assert "gender" not in persons["lama"]


def test_several_titles_and_no_family_name(built: Dataset) -> None:
    """Front titles joined by a space, back titles by ', '; family_name never guessed."""
    popolo = to_popolo(built)
    prof = by_id(popolo["persons"])["prof"]
    assert prof["honorific_prefix"] == "Prof. Dr. Ir."
    assert prof["honorific_suffix"] == "M.Sc., Ph.D."
    assert prof["given_name"] == "Budi Santoso"
    assert prof["name"] == "Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D."
    assert not any("family_name" in p for p in popolo["persons"])
    assert "honorific_prefix" not in by_id(popolo["persons"])["pppk"]


def test_dated_other_names(built: Dataset) -> None:
    """Other names keep their dates and basis; acronyms follow, with their name's dates."""
    komdigi = by_id(to_popolo(built)["organizations"])["komdigi"]
    assert komdigi["other_names"] == [
        {
            "name": "Kementerian Komunikasi dan Informatika",
            "start_date": "2009",
            "end_date": "2024-10-20",
            "note": "Perpres 54/2015",
        },
        {"name": "Kemkominfo"},
        {"name": "Komdigi", "note": "acronym"},
        {"name": "Kominfo", "start_date": "2009", "end_date": "2024-10-20", "note": "acronym"},
    ]
    assert "founding_date" not in komdigi
    assert "identifiers" not in komdigi


def test_partial_founding_and_dissolution(built: Dataset) -> None:
    """Year- and month-precision validity is written as Popolo's reduced dates."""
    orgs = by_id(to_popolo(built)["organizations"])
    assert orgs["badan-lama"] == {
        "id": "badan-lama",
        "name": "Badan Lama",
        "classification": "lembaga_nonstruktural",
        "founding_date": "2016",
        "dissolution_date": "2024-10",
    }
    assert orgs["dit-aptika"]["parent_id"] == "komdigi"
    assert orgs["pemprov-81"]["identifiers"] == [{"identifier": "81", "scheme": REGION_CODE_SCHEME}]


def test_post_with_role_other(built: Dataset) -> None:
    """A post of role other has no role; its label is the title."""
    posts = by_id(to_popolo(built)["posts"])
    assert posts["dirjen-aptika"] == {
        "id": "dirjen-aptika",
        "label": "Direktur Jenderal Aplikasi Informatika",
        "organization_id": "dit-aptika",
    }
    assert posts["gub-maluku"]["role"] == "Gubernur"


@pytest.mark.parametrize(
    ("tenure_id", "expected"),
    [
        (
            "t-plt",
            {
                "id": "t-plt",
                "label": "Plt. Gubernur Maluku",
                "role": "Gubernur",
                "person_id": "pns",
                "organization_id": "pemprov-81",
                "post_id": "gub-maluku",
                "start_date": "2019-05",
                "capacity": "pelaksana_tugas",
            },
        ),
        (
            "t-open",
            {
                "id": "t-open",
                "label": "Direktur Jenderal Aplikasi Informatika",
                "person_id": "prof",
                "organization_id": "dit-aptika",
                "post_id": "dirjen-aptika",
                "capacity": "definitif",
            },
        ),
        (
            "t-year",
            {
                "id": "t-year",
                "label": "Pjs. Gubernur Maluku",
                "role": "Gubernur",
                "person_id": "pppk",
                "organization_id": "pemprov-81",
                "post_id": "gub-maluku",
                "start_date": "2016",
                "end_date": "2017",
                "capacity": "penjabat_sementara",
            },
        ),
        (
            "t-dangling",
            {
                "id": "t-dangling",
                "person_id": "lama",
                "post_id": "not-in-dataset",
                "end_date": "2020-02-29",
                "capacity": "pelaksana_harian",
            },
        ),
    ],
)
def test_memberships(built: Dataset, tenure_id: str, expected: dict[str, Any]) -> None:
    """Acting capacities, open and partial periods, and an unresolved position."""
    assert by_id(to_popolo(built)["memberships"])[tenure_id] == expected


@pytest.mark.parametrize(
    ("event_id", "start", "end"),
    [
        ("rapat-wit", "2019-06-03T09:30:15+09:00", "2019-06-03T12:00:00+09:00"),
        ("peluncuran-utc", "2024-01-01T23:59:00+00:00", None),
        ("lmt", "1920-01-01T01:52:48+00:00", None),
        ("pelantikan", "2016-08-04", "2016-08-05"),
    ],
)
def test_event_times(built: Dataset, event_id: str, start: str, end: str | None) -> None:
    """Own offset to the second; a seconds offset becomes UTC; unknown time: day only."""
    event = by_id(to_popolo(built)["events"])[event_id]
    assert event["start_date"] == start
    assert event.get("end_date") == end


def test_event_attendees(built: Dataset) -> None:
    """Chair, witnesses, attendees in order, once each; unknown persons as id stubs."""
    event = by_id(to_popolo(built)["events"])["rapat-wit"]
    assert event["attendees"] == [
        {"id": "pns", "name": "Dra. Sri Wahyuni, M.Si."},
        {"id": "pppk", "name": "Budi"},
        {"id": "prof", "name": "Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D."},
        {"id": "orang-luar"},
    ]
    assert event["chair_id"] == "pns"
    assert event["witness_ids"] == ["pppk"]
    assert event["classification"] == "rapat"
    assert event["organization_id"] == "pemprov-81"
    lmt = by_id(to_popolo(built)["events"])["lmt"]
    assert set(lmt) == {"id", "name", "classification", "start_date"}


# --- properties ----------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1, 9999))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year=year)
    day = draw(st.none() | st.integers(1, 28))
    return PartialDate(year=year, month=month, day=day)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    ends = sorted([draw(partial_dates()), draw(partial_dates())], key=PartialDate.sort_key)
    start = draw(st.none() | st.just(ends[0]))
    end = draw(st.none() | st.just(ends[1]))
    return Period(start=start, end=end)


@given(period=periods())
def test_membership_dates_property(validators: dict[str, Draft3Validator], period: Period) -> None:
    """Any period exports to valid membership dates equal to its partial dates."""
    ds = Dataset(
        positions=[Position(id="p", agency_id="a", role="kepala", title="Kepala")],
        tenures=[Tenure(id="t", person_id="x", position_id="p", period=period)],
    )
    popolo = to_popolo(ds)
    assert errors_of(validators, popolo) == []
    (m,) = popolo["memberships"]
    assert m.get("start_date") == (None if period.start is None else str(period.start))
    assert m.get("end_date") == (None if period.end is None else str(period.end))


@given(
    start=st.datetimes(
        min_value=dt.datetime(1800, 1, 2),
        max_value=dt.datetime(9998, 12, 30),
        timezones=st.builds(
            dt.timezone, st.integers(-86399, 86399).map(lambda s: dt.timedelta(seconds=s))
        ),
    )
)
def test_event_start_property(validators: dict[str, Draft3Validator], start: dt.datetime) -> None:
    """Any aware start exports to a valid Popolo date-time denoting the same second."""
    ds = Dataset(events=[Event(id="e", kind="rapat", name="Rapat", start=start)])
    popolo = to_popolo(ds)
    assert errors_of(validators, popolo) == []
    written = dt.datetime.fromisoformat(popolo["events"][0]["start_date"])
    assert written == start.replace(microsecond=0)
