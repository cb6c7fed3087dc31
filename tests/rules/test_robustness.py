"""Rules never raise on a dataset the model can build: open periods, dangling ids, junk."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from adminnet import rules
from adminnet.errors import ValidationError
from adminnet.model.agency import Agency, AgencyKind
from adminnet.model.agreement import Agreement, AgreementKind, CooperationArea, Party
from adminnet.model.dataset import Dataset
from adminnet.model.digital import SPBE_INDEX, DigitalizationTarget, Measurement
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Capacity, Position, Role, Tenure
from adminnet.time import PartialDate, Period

from .cases import make

IDS = st.sampled_from(["a", "b", "c", "lan", "pemkot-8171", "kasn"])
REGION_OF = {
    AgencyKind.PEMERINTAH_PROVINSI: ["81"],
    AgencyKind.PEMERINTAH_KABUPATEN: ["32.01", "92.01", "96.01"],
    AgencyKind.PEMERINTAH_KOTA: ["81.71"],
}


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(2005, 2028))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None:
        day = draw(st.none() | st.integers(1, 28))
    return PartialDate(year=year, month=month, day=day)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is not None and end is not None and end.latest < start.earliest:
        start, end = end, start
    return Period(start=start, end=end)


@st.composite
def agencies(draw: st.DrawFn) -> Agency:
    ident = draw(IDS)
    kind = draw(st.sampled_from(list(AgencyKind)))
    region = draw(st.sampled_from(REGION_OF[kind])) if kind in REGION_OF else None
    others = [i for i in ["a", "b", "lan", "kemenpanrb", "zzz"] if i != ident]
    return Agency(
        id=ident,
        name=f"Agency {ident}",
        kind=kind,
        region_code=region,
        valid=draw(periods()),
        parent_id=draw(st.none() | st.sampled_from(others)),
        successor_ids=tuple(draw(st.lists(st.sampled_from(others), unique=True, max_size=2))),
    )


NIPS = st.sampled_from([None, "196503021990031002", "199001012021211001", "130123456"])


@st.composite
def persons(draw: st.DrawFn) -> Person:
    return Person(id=draw(IDS), name="Budi Santoso", nip=draw(NIPS))


@st.composite
def positions(draw: st.DrawFn) -> Position:
    return Position(
        id=draw(IDS), agency_id=draw(IDS), role=draw(st.sampled_from(list(Role))), title="Jabatan"
    )


@st.composite
def tenures(draw: st.DrawFn) -> Tenure:
    return Tenure(
        id=draw(st.text("xyz0123", min_size=1, max_size=3)),
        person_id=draw(IDS),
        position_id=draw(IDS),
        period=draw(periods()),
        capacity=draw(st.sampled_from(list(Capacity))),
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    parties = draw(st.lists(IDS, min_size=2, max_size=3, unique=True))
    signed = draw(st.none() | partial_dates())
    kw: dict[str, Any] = {}
    if draw(st.booleans()):
        end = draw(st.none() | partial_dates())
        with contextlib.suppress(ValidationError):
            kw["effective"] = Period(start=signed, end=end)
    return Agreement(
        id=draw(IDS),
        kind=draw(st.sampled_from(list(AgreementKind))),
        title="Kerja sama",
        parties=[Party(agency_id=p, signatory_id=draw(st.none() | IDS)) for p in parties],
        signed_on=signed,
        areas=draw(st.lists(st.sampled_from(list(CooperationArea)), unique=True, max_size=3)),
        parent_id=draw(st.none() | IDS),
        event_id=draw(st.none() | IDS),
        **kw,
    )


@st.composite
def events(draw: st.DrawFn) -> Event:
    day = draw(st.dates(dt.date(2005, 1, 1), dt.date(2028, 12, 31)))
    tz = draw(st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC"]))
    start = pendulum.datetime(day.year, day.month, day.day, draw(st.integers(0, 23)), tz=tz)
    end = None
    if draw(st.booleans()):
        end = start.add(hours=draw(st.integers(0, 60)))
    return Event(
        id=draw(IDS),
        kind="penandatanganan",
        name="Acara",
        start=start,
        end=end,
        chair_id=draw(st.none() | IDS),
        witness_ids=draw(st.lists(IDS, unique=True, max_size=3)),
        agreement_ids=draw(st.lists(IDS, unique=True, max_size=3)),
    )


VALUES = st.decimals(min_value=0, max_value=5, places=2)


@st.composite
def measurements(draw: st.DrawFn) -> Measurement:
    return Measurement(
        indicator=SPBE_INDEX,
        value=draw(VALUES),
        on=draw(partial_dates()),
        agency_id=draw(st.none() | IDS),
    )


@st.composite
def targets(draw: st.DrawFn) -> DigitalizationTarget:
    baseline = draw(st.none() | measurements())
    due = draw(st.none() | partial_dates())
    if baseline is not None and due is not None and due < baseline.on:
        due = None
    return DigitalizationTarget(
        id=draw(IDS),
        agency_id=draw(IDS),
        indicator=SPBE_INDEX,
        target_value=draw(VALUES),
        baseline=baseline,
        due=due,
    )


def _unique(strategy: st.SearchStrategy[Any], max_size: int = 6) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, max_size=max_size, unique_by=lambda e: e.id)


datasets = st.builds(
    Dataset,
    agencies=_unique(agencies()),
    persons=_unique(persons()),
    positions=_unique(positions()),
    tenures=_unique(tenures(), 12),
    agreements=_unique(agreements()),
    events=_unique(events(), 3),
    targets=_unique(targets(), 3),
    measurements=st.lists(measurements(), max_size=5),
)


@given(datasets, st.dates(dt.date(2005, 1, 1), dt.date(2030, 12, 31)))
def test_rules_never_raise(ds: Dataset, at: dt.date) -> None:
    """Every built-in rule runs on any constructible dataset and reports, never raises."""
    report = rules.check(ds, at=at)
    codes = {r.code for r in rules.registry()}
    for v in report:
        assert v.code in codes
        assert v.path.startswith("$")
        assert v.entity_id
    assert json.loads(report.to_json())["errors"] == len(report.errors)
    assert report.to_text().endswith(f"at {at.isoformat()})")


def test_open_periods_and_dangling_references() -> None:
    """Tenures open at both ends and ids that resolve to nothing give REF001, no crash."""
    ds = make(
        Position(id="p", agency_id="nowhere", role="wali_kota", title="Wali Kota"),
        Tenure(id="t1", person_id="ghost", position_id="p", period=Period()),
        Tenure(id="t2", person_id="ghost", position_id="p", period=Period(), capacity="penjabat"),
        Tenure(
            id="t3", person_id="ghost", position_id="nowhere", period=Period.parse("2016", None)
        ),
        Agreement(
            id="g",
            kind="perjanjian_kerja_sama",
            title="PKS",
            parties=[Party(agency_id="x", signatory_id="ghost"), Party(agency_id="y")],
            signed_on="2017",
            effective=Period(),
            parent_id="g",
            event_id="nothing",
        ),
        DigitalizationTarget(
            id="t", agency_id="nowhere", indicator=SPBE_INDEX, target_value="3", due="2020"
        ),
    )
    report = rules.check(ds, at="2020-01-01")
    assert {v.code for v in report} == {"REF001"}
    assert report.counts() == {"REF001": 10}
