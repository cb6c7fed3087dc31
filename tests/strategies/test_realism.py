"""Realism of the strategies (issue 21): ages, birth years, dates of existence, big data.

The ASN age limits and the sources are in docs/testing.md ("Realism"). Spreads are
measured over a few hundred draws of Hypothesis' generate phase (no shrinking).
"""

from __future__ import annotations

import collections
import datetime as _dt
import functools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from adminnet import agencies as registry
from adminnet import rules, strategies
from adminnet.errors import InvalidFormat
from adminnet.ids import nip
from adminnet.ids.nip import NipKind
from adminnet.model.dataset import KINDS, Dataset
from adminnet.model.person import Person
from adminnet.model.position import Tenure
from adminnet.rules.persons import is_career

MANY = settings(
    max_examples=300,
    database=None,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _collect(strategy: st.SearchStrategy[Any], run: settings = MANY) -> list[Any]:
    """The values of one generate-only run of ``strategy``."""
    seen: list[Any] = []

    @run
    @given(strategy)
    def draw(value: Any) -> None:
        seen.append(value)

    draw()
    return seen


def _decades(years: list[int]) -> dict[int, float]:
    count = collections.Counter(y // 10 * 10 for y in years)
    return {decade: n / len(years) for decade, n in sorted(count.items())}


@pytest.mark.parametrize(
    "births",
    [
        functools.partial(strategies.persons, with_birth_date=st.just(True)),
        strategies.nips,
    ],
    ids=["persons", "nips"],
)
def test_birth_years_spread_over_the_working_population(
    births: Callable[[], st.SearchStrategy[Any]],
) -> None:
    """No decade holds more than 40 % of the births, and at least five decades occur."""
    years = []
    for value in _collect(births()):
        if isinstance(value, Person):
            assert value.birth_date is not None
            years.append(value.birth_date.year)
        elif len(value) == 18:  # a legacy NIP encodes no birth date
            years.append(int(value[:4]))
    share = _decades(years)
    assert len(years) >= 200
    assert max(share.values()) <= 0.40, share
    assert len(share) >= 5, share


def _age(birth: _dt.date, on: _dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@given(strategies.nips(kind="pns"))
def test_pns_appointed_between_18_and_40(number: str) -> None:
    """TMT CPNS at 18 to 35 (PP 11/2017 art. 23), 40 for some posts (Keppres 17/2019)."""
    record = nip.parse(number)
    assert record.birth_date is not None
    assert record.appointed is not None
    appointed = record.appointed.earliest
    assert 18 <= _age(record.birth_date, appointed) <= 40


@given(strategies.nips(kind="pppk"))
def test_pppk_appointed_between_20_and_a_year_before_retirement(number: str) -> None:
    """PPPK at 20 up to one year before the retirement age of the post (PP 49/2018)."""
    record = nip.parse(number)
    assert record.kind is NipKind.PPPK
    assert record.birth_date is not None
    assert record.appointed is not None
    years = record.appointed.year - record.birth_date.year
    assert 20 <= years <= 64


@given(strategies.tenures())
def test_tenures_lie_within_the_life_of_their_agency(tenure: Tenure) -> None:
    """A real agency's tenure starts after its founding and ends by its dissolution."""
    agency_id = tenure.position_id.split(".")[0]  # a unit lives as long as its parent
    agency = registry.get(agency_id)
    if agency is None or tenure.period.start is None:
        return
    if agency.valid.start is not None:
        assert tenure.period.start.earliest >= agency.valid.start.latest
    if agency.valid.end is not None:
        assert tenure.period.end is not None
        assert tenure.period.end.latest <= agency.valid.end.earliest


def test_tenures_of_a_young_province_start_after_its_creation() -> None:
    """Papua Barat Daya (code 96) exists from 2022-12-08: no term of it before (issue 21)."""
    pemprov = st.just(registry.get("pemprov-96"))
    starts = [
        t.period.start.earliest
        for t in _collect(strategies.tenures(positions=strategies.positions(agencies=pemprov)))
        if t.period.start is not None
    ]
    assert starts
    assert min(starts) >= _dt.date(2022, 12, 8)


@given(strategies.datasets())
def test_career_holders_are_civil_servants_of_working_age(ds: Dataset) -> None:
    """A Pj./Pjs./sekretaris term's holder is a PNS aged 35 to 60 at its start."""
    persons = {p.id: p for p in ds.persons}
    positions = {p.id: p for p in ds.positions}
    for tenure in ds.tenures:
        if not is_career(tenure, positions[tenure.position_id]) or tenure.period.start is None:
            continue
        person = persons[tenure.person_id]
        assert person.nip_record is not None
        assert person.nip_record.kind is NipKind.PNS
        born = person.nip_record.birth_date if person.nip_record else None
        if born is not None:  # the start may be known to the month or year only
            assert _age(born, tenure.period.start.latest) >= 35
            assert _age(born, tenure.period.start.earliest) < 60


@given(strategies.datasets(max_size=8))
def test_datasets_pass_the_rules_with_the_profile(ds: Dataset) -> None:
    """rules.check finds no error (the profile's example count: thorough under ``ci``)."""
    assert rules.check(ds).errors == ()


def test_200_drawn_datasets_merge_without_id_clashes() -> None:
    """Ids are unique per draw: merging 200 datasets drawn apart never fails (issue 21)."""
    run = settings(MANY, max_examples=200)
    drawn = _collect(strategies.datasets(), run)
    assert len(drawn) == 200
    merged = functools.reduce(Dataset.merge, drawn, Dataset())
    assert len(merged.persons) == sum(len(ds.persons) for ds in drawn)
    assert len(merged.tenures) == sum(len(ds.tenures) for ds in drawn)


@given(strategies.datasets(min_size=200, max_size=220))
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
def test_large_datasets_hold_thousands_of_entities(ds: Dataset) -> None:
    """Above 50 agencies the seeded generator fills the dataset; still no rule error."""
    assert 200 <= len(ds.agencies) <= 220
    assert sum(len(getattr(ds, kind)) for kind in KINDS) >= 2000
    assert rules.check(ds).errors == ()


def test_synthetic_dataset_is_valid_and_deterministic() -> None:
    """n tenures exactly, the same for the same seed, other for another; no rule error."""
    ds = strategies.synthetic_dataset(3000, seed=7, as_of="2025-06-30")
    assert len(ds.tenures) == 3000
    assert ds == strategies.synthetic_dataset(3000, seed=7, as_of="2025-06-30")
    assert ds != strategies.synthetic_dataset(3000, seed=8, as_of="2025-06-30")
    assert rules.check(ds, at="2025-06-30").errors == ()
    assert strategies.synthetic_dataset(0) == Dataset()


def test_synthetic_birth_years_spread() -> None:
    """The generator's holders, too, are spread: no decade over 40 % of births."""
    ds = strategies.synthetic_dataset(2000, seed=3)
    share = _decades([p.birth_date.year for p in ds.persons if p.birth_date is not None])
    assert max(share.values()) <= 0.40, share


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"n": -1}, "synthetic.invalid_size"),
        ({"n": "10"}, "synthetic.invalid_size"),
        ({"n": 10**7}, "synthetic.invalid_size"),
        ({"n": 900_000}, "synthetic.invalid_size"),  # more than the agencies hold
        ({"n": 10, "seed": 1.5}, "synthetic.invalid_seed"),
    ],
)
def test_synthetic_dataset_refuses_bad_arguments(kwargs: dict[str, Any], code: str) -> None:
    """A bad argument is an adminnet error with a stable code, quoting the value."""
    with pytest.raises(InvalidFormat) as info:
        strategies.synthetic_dataset(**kwargs)
    assert info.value.code == code
