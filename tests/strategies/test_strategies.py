"""Tests of adminnet.strategies: validity, realism, round trips, rules, shrinking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck, InvalidArgument, Unsatisfiable

from adminnet import agencies as agency_catalog
from adminnet import regions as region_registry
from adminnet import rules, strategies
from adminnet.ids import golongan, nik, nip, region_code
from adminnet.ids.golongan import GolonganScheme
from adminnet.ids.nip import Gender, NipKind
from adminnet.model.agency import Agency, AgencyKind, AgencyName
from adminnet.model.agreement import Agreement, Party
from adminnet.model.dataset import Dataset
from adminnet.model.digital import (
    DigitalizationTarget,
    Indicator,
    Measurement,
    PublicService,
)
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Capacity, Decree, Position, Role, Tenure
from adminnet.model.region import Region
from adminnet.rules.positions import ROLE_AGENCY_KINDS
from adminnet.serialization import from_dict, from_json, to_dict, to_json
from adminnet.strategies._names import TITLE_MIXES
from adminnet.text.names import BACK_TITLES, FRONT_TITLES, PersonName, parse_name
from adminnet.time import PartialDate, Period, today

FIND = settings(database=None, max_examples=2000)

# (strategy name, type of its values) for every public entity strategy.
ENTITY_STRATEGIES: list[tuple[str, type]] = [
    ("regions", Region),
    ("agencies", Agency),
    ("agency_names", AgencyName),
    ("persons", Person),
    ("person_names", PersonName),
    ("positions", Position),
    ("tenures", Tenure),
    ("decrees", Decree),
    ("agreements", Agreement),
    ("parties", Party),
    ("events", Event),
    ("public_services", PublicService),
    ("indicators", Indicator),
    ("measurements", Measurement),
    ("digitalization_targets", DigitalizationTarget),
    ("datasets", Dataset),
    ("partial_dates", PartialDate),
    ("periods", Period),
]
TEXT_STRATEGIES = ["region_codes", "nips", "niks", "golongan", "person_ids"]


def _check_each(strategy: st.SearchStrategy[Any], check: Callable[[Any], None]) -> None:
    """Run ``check`` on examples of ``strategy`` under the session's profile."""

    @given(strategy)
    def run(value: Any) -> None:
        check(value)

    run()


def test_public_names_are_sorted_and_cover_the_issue() -> None:
    """__all__ is sorted and lists every strategy the design names."""
    assert sorted(strategies.__all__) == strategies.__all__
    wanted = {
        "region_codes", "regions", "nips", "niks", "golongan", "person_names", "persons",
        "agencies", "positions", "tenures", "agreements", "events", "public_services",
        "digitalization_targets", "measurements", "datasets",
    }  # fmt: skip
    assert wanted <= set(strategies.__all__)


@pytest.mark.parametrize(("name", "cls"), ENTITY_STRATEGIES)
def test_values_are_valid_instances(name: str, cls: type) -> None:
    """Every value is an instance whose validators pass again when it is rebuilt."""

    def check(value: Any) -> None:
        rebuilt = attrs.evolve(value)  # evolve runs every converter and validator
        assert type(value) is cls
        assert rebuilt == value

    _check_each(getattr(strategies, name)(), check)


@pytest.mark.parametrize(("name", "cls"), ENTITY_STRATEGIES)
def test_values_round_trip_through_serialization(name: str, cls: type) -> None:
    """to_dict/from_dict and to_json/from_json give every value back unchanged."""

    def check(value: Any) -> None:
        assert from_dict(cls, to_dict(value)) == value
        assert from_json(cls, to_json(value)) == value

    _check_each(getattr(strategies, name)(), check)


@pytest.mark.parametrize("name", [n for n, _ in ENTITY_STRATEGIES] + TEXT_STRATEGIES)
def test_no_health_check_fails_at_default_settings(name: str) -> None:
    """Hypothesis' health checks pass for every strategy with no suppression."""

    @settings(max_examples=100, suppress_health_check=(), database=None)
    @given(getattr(strategies, name)())
    def run(value: object) -> None:
        assert value is not None

    run()


def test_datasets_pass_the_rules() -> None:
    """Drawn datasets get no rule error (REF, POS, TEN, AGR, EVT, DIG, PER) today."""

    def check(ds: Dataset) -> None:
        report = rules.check(ds)
        assert report.errors == (), report.to_text()

    _check_each(strategies.datasets(), check)


@settings(max_examples=40)
@given(strategies.datasets(max_agencies=8))
def test_larger_datasets_are_self_contained(ds: Dataset) -> None:
    """With more agencies too: no rule error, and every reference names an entity of it."""
    assert rules.check(ds).errors == ()
    agency_ids = {a.id for a in ds.agencies}
    person_ids = {p.id for p in ds.persons}
    assert {p.agency_id for p in ds.positions} <= agency_ids
    assert {t.person_id for t in ds.tenures} <= person_ids
    assert {t.position_id for t in ds.tenures} <= {p.id for p in ds.positions}
    for g in ds.agreements:
        assert set(g.agency_ids) <= agency_ids
        assert {p.signatory_id for p in g.parties} - {None} <= person_ids
    for e in ds.events:
        assert {e.chair_id, *e.witness_ids, *e.attendee_ids} - {None} <= person_ids
    assert {s.agency_id for s in ds.services} | {t.agency_id for t in ds.targets} <= agency_ids


def test_datasets_are_rich_enough() -> None:
    """Agreements signed by two heads in office, with their event, and targets occur."""
    rich: list[Dataset] = []

    @settings(max_examples=300, database=None, phases=[Phase.generate])
    @given(strategies.datasets())
    def run(ds: Dataset) -> None:
        signed = [
            g for g in ds.agreements if sum(p.signatory_id is not None for p in g.parties) > 1
        ]
        if signed and ds.events and ds.targets:
            rich.append(ds)

    # Hypothesis explores adaptively, so one batch of 300 sometimes holds none (about
    # 1 in 10 batches); five batches without one would mean the strategy lost them.
    for _ in range(5):
        run()
        if rich:
            break
    assert rich
    for ds in rich:
        assert rules.check(ds).errors == ()
        for event in ds.events:
            agreement = ds.agreement(event.agreement_ids[0])
            assert agreement.event_id == event.id
            assert event.chair_id in {p.signatory_id for p in agreement.parties}


@given(strategies.persons(with_nip=st.just(True)))
def test_person_nip_agrees_with_birth_date_and_gender(person: Person) -> None:
    """A person's NIP encodes the recorded birth date and gender."""
    assert person.nip is not None
    record = nip.parse(person.nip)
    if person.birth_date is not None:
        assert record.birth_date == person.birth_date
    if person.gender is not None:
        assert record.gender == person.gender


@given(
    strategies.persons(
        with_nip=st.just(True),
        with_birth_date=st.just(True),
        with_gender=st.just(True),
        genders=st.just(Gender.FEMALE),
    )
)
def test_persons_record_everything_when_asked(person: Person) -> None:
    """Birth date, gender and NIP are all present and agree; women get women's titles."""
    assert person.birth_date is not None
    assert person.gender is Gender.FEMALE
    assert nip.get_gender(person.nip or "") is Gender.FEMALE
    assert not {"H.", "Drs."} & set(person.name.prefixes)


@pytest.mark.parametrize("kind", list(NipKind))
def test_nips_of_each_kind_are_valid(kind: NipKind) -> None:
    """nips(kind=...) gives valid numbers of that kind, appointed at 18 or later."""

    def check(number: str) -> None:
        assert nip.validate(number) == number
        record = nip.parse(number)
        assert record.kind is kind
        if record.birth_date is not None:
            assert record.appointed is not None
            assert record.appointed.year >= record.birth_date.year + 18
            assert record.appointed.earliest <= today()

    _check_each(strategies.nips(kind=kind), check)


@given(
    st.data(),
    st.dates(dt.date(1950, 1, 1), dt.date(2000, 12, 31)),
    st.sampled_from(list(Gender)),
)
def test_nips_encode_the_given_birth_date_and_gender(
    data: st.DataObject, born: dt.date, gender: Gender
) -> None:
    """The NIP drawn for a birth date and gender encodes exactly them."""
    number = data.draw(
        strategies.nips(kind="pns", birth_dates=st.just(born), genders=st.just(gender))
    )
    record = nip.parse(number)
    assert (record.birth_date, record.gender) == (
        pendulum.Date(born.year, born.month, born.day),
        gender,
    )


@given(
    st.data(),
    st.dates(dt.date(1940, 1, 1), dt.date(2020, 12, 31)),
    st.sampled_from(list(Gender)),
)
def test_niks_encode_birth_date_gender_and_a_real_kecamatan(
    data: st.DataObject, born: dt.date, gender: Gender
) -> None:
    """A NIK gives back its birth date and gender, and its region is a real kecamatan."""
    number = data.draw(strategies.niks(birth_dates=st.just(born), genders=st.just(gender)))
    record = nik.parse(number)
    assert record.birth_date == pendulum.Date(born.year, born.month, born.day)
    assert record.gender is gender
    found = region_registry.get(record.region_code)
    assert found is not None
    assert found.level == 3


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_region_codes_are_real_codes_of_their_level(level: int) -> None:
    """region_codes(level=n) gives dotted codes of the registry, of level n."""

    def check(code: str) -> None:
        assert region_code.format(code) == code
        assert region_code.level(code) == level
        found = region_registry.get(code)
        assert found is not None
        assert found.code == code

    _check_each(strategies.region_codes(level=level), check)


def test_regions_as_of_a_past_date_are_valid_then() -> None:
    """regions(as_of=2020) draws regions of that day, including codes retired since."""

    def check(region: Region) -> None:
        assert region_registry.get(region.code, as_of="2020-01-01") == region

    _check_each(strategies.regions(level=2, as_of="2020-01-01"), check)
    retired = find(
        strategies.regions(level=2, as_of="2020-01-01"),
        lambda r: not r.is_current,
        settings=FIND,
    )
    assert retired.successors != ()


@pytest.mark.parametrize("scheme", [None, GolonganScheme.PNS, GolonganScheme.PPPK])
def test_golongan_are_canonical(scheme: GolonganScheme | None) -> None:
    """golongan() gives canonical grades of the scheme asked for."""

    def check(grade: str) -> None:
        assert golongan.validate(grade) == grade
        if scheme is not None:
            assert golongan.parse(grade).scheme is scheme

    _check_each(strategies.golongan(scheme=scheme), check)


def test_title_mixes_use_canonical_gelar() -> None:
    """Every title of the realistic mixes is a canonical title of adminnet.text.names."""
    for front, back in TITLE_MIXES:
        assert set(front) <= set(FRONT_TITLES)
        assert set(back) <= set(BACK_TITLES)


@given(strategies.person_names())
def test_person_names_parse_back(name: PersonName) -> None:
    """The formal text of a drawn name parses back to the same name."""
    assert parse_name(str(name)) == name
    assert set(name.prefixes) <= set(FRONT_TITLES)
    assert set(name.suffixes) <= set(BACK_TITLES)


@given(strategies.person_names(genders=st.just(Gender.MALE)))
def test_men_get_mens_titles(name: PersonName) -> None:
    """Hj. and Dra. are never drawn for a man."""
    assert not {"Hj.", "Dra."} & set(name.prefixes)


def test_person_names_include_realistic_gelar() -> None:
    """Doctorates with a master's degree and the Haji title both occur."""
    found = find(
        strategies.person_names(),
        lambda n: n.has_doctorate and "M.Si." in n.suffixes and "H." in n.prefixes,
        settings=FIND,
    )
    assert found.prefixes[-1] == "H."  # the Haji title follows the academic ones
    assert ", M.Si." in str(found)


@given(strategies.positions())
def test_positions_fit_their_agency(position: Position) -> None:
    """A position's role is one its agency's kind may have (rule POS001)."""
    agency = agency_catalog.get(position.agency_id)
    if agency is None:  # a made-up unit of a local government
        assert position.role in {Role.KEPALA, Role.OTHER}
        return
    assert agency.kind in ROLE_AGENCY_KINDS[position.role]


@given(st.data())
def test_tenure_capacities_fit_the_post(data: st.DataObject) -> None:
    """Pj. only for regional heads and the sekda, Pjs. only for regional heads."""
    position = data.draw(strategies.positions())
    tenure = data.draw(strategies.tenures(positions=st.just(position)))
    assert tenure.position_id == position.id
    if tenure.capacity is Capacity.PENJABAT:
        assert position.is_regional_head or position.role is Role.SEKRETARIS_DAERAH
        start, end = tenure.period.start, tenure.period.end
        assert start is not None
        assert end is not None
        assert (end.latest - start.earliest).in_days() < 365
    if tenure.capacity is Capacity.PENJABAT_SEMENTARA:
        assert position.is_regional_head


def test_penjabat_tenures_occur_for_regional_heads() -> None:
    """A Pj. Wali Kota (the seed story's Papilaya) can be drawn."""
    kota = strategies.positions(agencies=strategies.agencies(kind="pemerintah_kota"))
    found = find(
        strategies.tenures(positions=kota),
        lambda t: t.capacity is Capacity.PENJABAT and t.position_id.endswith(".wali_kota"),
        settings=FIND,
    )
    assert found.basis is None or found.basis.issuer == "Menteri Dalam Negeri"


@given(strategies.agreements())
def test_agreements_have_distinct_existing_parties(agreement: Agreement) -> None:
    """Two to four distinct agencies, each existing when the agreement was signed."""
    assert 2 <= len(agreement.parties) <= 4
    assert agreement.signed_on is not None
    for agency_id in agreement.agency_ids:
        agency = agency_catalog.get(agency_id)
        if agency is not None:
            assert agency.valid.possibly_contains(agreement.signed_on.earliest)


@given(strategies.events())
def test_events_start_in_their_regions_timezone(event: Event) -> None:
    """An event starts in the timezone of its region, which exists on its day."""
    assert event.region_code is not None
    region = region_registry.get(event.region_code, as_of=event.date)
    assert region is not None
    assert event.start.timezone_name == region.timezone
    if not event.time_known:
        assert (event.start.hour, event.start.minute) == (0, 0)


@given(strategies.digitalization_targets())
def test_targets_are_on_scale_and_due_after_their_baseline(target: DigitalizationTarget) -> None:
    """Target and baseline lie on the scale; the target is no worse than the baseline."""
    assert target.indicator.contains(target.target_value)
    base = target.baseline
    if base is not None:
        assert target.indicator.contains(base.value)
        if target.indicator.higher_is_better:
            assert target.target_value >= base.value
        else:
            assert target.target_value <= base.value
        if target.due is not None:
            assert target.due > base.on


@given(strategies.partial_dates(min_value="2016-03-01", max_value="2017-02-28"))
def test_partial_dates_stay_within_bounds(value: PartialDate) -> None:
    """Every day a drawn partial date may denote lies within the bounds."""
    assert pendulum.Date(2016, 3, 1) <= value.earliest
    assert value.latest <= pendulum.Date(2017, 2, 28)


# --- shrinking ---------------------------------------------------------------------------


def test_minimal_agreement_has_two_parties_and_no_signatories() -> None:
    """The simplest agreement is a two-party MoU with no signatories."""
    agreement = find(strategies.agreements(), lambda a: True, settings=FIND)
    assert len(agreement.parties) == 2
    assert agreement.kind.value == "nota_kesepahaman"
    assert all(p.signatory_id is None for p in agreement.parties)


def test_minimal_dataset_with_a_person_is_that_person() -> None:
    """The simplest dataset with a person holds one bare person and nothing else."""
    ds = find(strategies.datasets(), lambda d: len(d.persons) > 0, settings=FIND)
    assert ds.summary() == {
        "agencies": 0, "persons": 1, "positions": 0, "tenures": 0, "agreements": 0,
        "events": 0, "services": 0, "targets": 0, "measurements": 0,
    }  # fmt: skip
    person = ds.persons[0]
    assert person.id.startswith("budi-d")  # the draw's mark keeps ids apart between draws
    assert person == Person(id=person.id, name="Budi")


def test_minimal_dataset_with_an_agreement() -> None:
    """The simplest dataset with an agreement: two agencies and one MoU between them."""
    ds = find(strategies.datasets(), lambda d: len(d.agreements) > 0, settings=FIND)
    assert len(ds.agencies) == 2
    assert len(ds.agreements) == 1
    assert ds.agreements[0].agency_ids == tuple(a.id for a in ds.agencies)
    assert (ds.persons, ds.tenures, ds.events) == ((), (), ())


def test_minimal_values_are_simple() -> None:
    """Names, persons and periods shrink to their plainest form."""
    assert find(strategies.person_names(), lambda n: True, settings=FIND) == PersonName(
        given="Budi"
    )
    assert find(strategies.periods(), lambda p: True, settings=FIND) == Period()
    assert find(strategies.datasets(), lambda d: True, settings=FIND) == Dataset()
    assert find(strategies.persons(), lambda p: True, settings=FIND) == Person(
        id="budi", name="Budi"
    )
    person = find(strategies.persons(), lambda p: p.nip is not None, settings=FIND)
    assert person.name == PersonName(given="Budi")
    assert nip.parse(person.nip or "").kind is NipKind.PNS


def test_agencies_of_a_kind_shrink_to_the_catalog_order() -> None:
    """agencies(kind=...) draws only that kind; the first is the catalog's first."""
    first = find(
        strategies.agencies(kind="lembaga_pemerintah_nonkementerian"),
        lambda a: True,
        settings=FIND,
    )
    lpnk = agency_catalog.all(kind="lembaga_pemerintah_nonkementerian")
    assert first == lpnk[0]
    unit = find(strategies.agencies(kind=AgencyKind.UNIT_KERJA), lambda a: True, settings=FIND)
    assert unit.parent_id is not None
    assert unit.id.startswith(unit.parent_id + ".")


# --- arguments ---------------------------------------------------------------------------

BAD_ARGUMENTS: list[tuple[str, dict[str, object]]] = [
    ("region_codes", {"level": 5}),
    ("region_codes", {"level": "2"}),
    ("regions", {"as_of": "16/03/2017"}),
    ("regions", {"level": True}),
    ("nips", {"kind": "honorer"}),
    ("nips", {"birth_dates": dt.date(1980, 1, 1)}),
    ("niks", {"genders": Gender.MALE}),
    ("golongan", {"scheme": "pns2"}),
    ("person_names", {"genders": "female"}),
    ("persons", {"with_nip": True}),
    ("agencies", {"kind": "kementrian"}),
    ("agencies", {"as_of": 2017}),
    ("positions", {"agencies": [Agency]}),
    ("tenures", {"person_ids": "budi"}),
    ("partial_dates", {"min_value": "2020-01-01", "max_value": "2019-01-01"}),
    ("datasets", {"max_agencies": -1}),
    ("datasets", {"max_agencies": 2.5}),
]


@pytest.mark.parametrize(("name", "kwargs"), BAD_ARGUMENTS)
def test_bad_arguments_raise_invalid_argument(name: str, kwargs: dict[str, object]) -> None:
    """A bad argument raises InvalidArgument when the strategy is built."""
    with pytest.raises(InvalidArgument):
        getattr(strategies, name)(**kwargs)


def test_arguments_are_keyword_only() -> None:
    """Positional arguments are refused."""
    with pytest.raises(TypeError):
        strategies.region_codes(2)  # type: ignore[call-arg]


def test_user_birth_dates_that_allow_no_nip_are_rejected_not_wrong() -> None:
    """A birth date under 18 years ago gives no NIP: such draws are rejected."""
    recent = today().subtract(years=10)

    @settings(max_examples=5, database=None)
    @given(strategies.nips(kind="pns", birth_dates=st.just(recent)))
    def run(number: str) -> None:
        raise AssertionError(number)

    with pytest.raises((Unsatisfiable, FailedHealthCheck)):
        run()


@given(strategies.measurements())
@settings(max_examples=60)
def test_measurements_have_at_most_one_subject_valid_on_their_date(m: Measurement) -> None:
    assert m.agency_id is None or m.region_code is None
    if m.region_code is not None:
        ds = Dataset(measurements=(m,))
        assert [v.code for v in rules.check(ds, select="REF002")] == []


def test_measurements_reach_every_subject() -> None:
    seen: set[str] = set()

    @given(strategies.measurements())
    @settings(max_examples=200, database=None)
    def collect(m: Measurement) -> None:
        seen.add("region" if m.region_code else "agency" if m.agency_id else "national")

    collect()
    assert seen == {"region", "agency", "national"}
