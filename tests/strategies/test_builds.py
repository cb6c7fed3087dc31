"""``st.builds`` and ``st.from_type`` for every public class, with fields overridden.

The classes are read from ``adminnet.__all__`` (never written out here). For each attrs
class, ``st.builds(T)`` must draw valid instances, and so must ``st.builds(T, f=s)``
for every single field ``f``, ``s`` drawing that field's values from other valid
instances: Hypothesis alone would draw arbitrary text for an id (the fields are
checked by adminnet's validators, their annotations are strings).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import inspect
import operator

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import adminnet
from adminnet import strategies
from adminnet._hypothesis import _hypothesis_setup_hook
from adminnet.errors import AdminnetError
from adminnet.model.position import Capacity, Tenure

_hypothesis_setup_hook()  # as the entry point does (harmless when it already ran)

ATTRS_CLASSES = sorted(
    name
    for name in adminnet.__all__
    if inspect.isclass(getattr(adminnet, name)) and attrs.has(getattr(adminnet, name))
)
FIELDS = [
    (name, field.alias)
    for name in ATTRS_CLASSES
    for field in attrs.fields(getattr(adminnet, name))
    if field.init
]
# A value of the first field must fit a required one (a region code fixes its kind,
# a measured value must be on the indicator's scale): other valid instances rarely fit it.
DEPENDENT = {
    ("Region", "code"): "kind",
    ("Region", "kind"): "kind",
    ("Agency", "kind"): "region_code",  # a local government needs its region's code
    ("Agency", "region_code"): "region_code",
    ("Measurement", "value"): "value",
    ("Measurement", "indicator"): "value",
    ("DigitalizationTarget", "baseline"): "baseline",
    ("DigitalizationTarget", "target_value"): "target_value",
}
QUICK = settings(
    max_examples=5, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)


def test_the_lists_are_not_empty() -> None:
    """The enumeration finds the entity classes and their fields."""
    assert {"Tenure", "Event", "Dataset", "Agreement", "PartialDate"} <= set(ATTRS_CLASSES)
    assert ("Tenure", "capacity") in FIELDS


@pytest.mark.parametrize("name", ATTRS_CLASSES)
def test_builds_draws_valid_instances(name: str) -> None:
    """``st.builds(T)`` with no argument draws instances of T."""
    cls = getattr(adminnet, name)

    @QUICK
    @given(st.builds(cls))
    def draws(value: object) -> None:
        assert type(value) is cls
        assert attrs.evolve(value) == value  # type: ignore[misc]  # valid: re-validates

    draws()


@pytest.mark.parametrize(("name", "alias"), FIELDS, ids=[f"{n}.{a}" for n, a in FIELDS])
def test_builds_with_one_field_overridden(name: str, alias: str) -> None:
    """``st.builds(T, field=strategy)`` uses the strategy and infers the rest."""
    cls = getattr(adminnet, name)
    attribute = {f.alias: f.name for f in attrs.fields(cls)}[alias]
    values = st.from_type(cls).map(operator.attrgetter(attribute))

    @QUICK
    @given(st.data())
    def draws(data: st.DataObject) -> None:
        if (name, alias) not in DEPENDENT:
            assert type(data.draw(st.builds(cls, **{alias: values}))) is cls
            return
        # A field that fixes another required one may fail, but honestly: with an
        # adminnet error on that other field.
        try:
            data.draw(st.builds(cls, **{alias: values}))
        except AdminnetError as exc:
            notes = " ".join(map(str, getattr(exc, "__notes__", ())))
            assert f"@ attribute {DEPENDENT[name, alias]}" in notes, notes

    draws()


def test_builds_tenure_in_a_given_capacity() -> None:
    """The case of issue 21: a Pj. tenure with every other field inferred."""

    @QUICK
    @given(st.builds(Tenure, capacity=st.just(Capacity.PENJABAT)))
    def draws(tenure: Tenure) -> None:
        assert tenure.capacity is Capacity.PENJABAT
        assert all((tenure.id, tenure.person_id, tenure.position_id))

    draws()


def test_builds_keeps_hypothesis_errors_for_unknown_arguments() -> None:
    """An argument the class does not have still raises Hypothesis' own TypeError."""

    @QUICK
    @given(st.data())
    def draws(data: st.DataObject) -> None:
        data.draw(st.builds(Tenure, colour=st.just(1)))

    with pytest.raises(TypeError, match="Unexpected keyword argument colour"):
        draws()


@dataclasses.dataclass(frozen=True)
class _Meeting:
    """A user's own class with pendulum fields."""

    day: pendulum.Date
    start: pendulum.DateTime
    length: pendulum.Duration
    opens: pendulum.Time


def test_pendulum_types_are_registered_for_users_classes() -> None:
    """``st.builds`` infers pendulum fields of a class adminnet knows nothing about."""

    @QUICK
    @given(st.builds(_Meeting))
    def draws(meeting: _Meeting) -> None:
        assert type(meeting.day) is pendulum.Date
        assert type(meeting.start) is pendulum.DateTime
        assert meeting.start.utcoffset() is not None
        assert type(meeting.length) is pendulum.Duration
        assert type(meeting.opens) is pendulum.Time

    draws()


@given(
    strategies.pendulum_dates(min_value=_dt.date(2022, 12, 8), max_value=_dt.date(2023, 1, 1)),
    strategies.pendulum_datetimes(
        min_value=_dt.datetime(1970, 1, 1),  # WIT was UTC+9:30 until 1964
        timezones=st.just(pendulum.timezone("Asia/Jayapura")),
    ),
    strategies.pendulum_durations(min_value=_dt.timedelta(0), max_value=_dt.timedelta(days=2)),
)
def test_pendulum_strategies_respect_their_arguments(
    d: pendulum.Date, moment: pendulum.DateTime, length: pendulum.Duration
) -> None:
    """Bounds and zones given to the pendulum strategies hold for every value."""
    assert _dt.date(2022, 12, 8) <= d <= _dt.date(2023, 1, 1)
    assert moment.utcoffset() == _dt.timedelta(hours=9)
    assert _dt.timedelta(0) <= length <= _dt.timedelta(days=2)


@pytest.mark.parametrize(
    ("function", "kwargs"),
    [
        (strategies.pendulum_dates, {"min_value": "2020-01-01"}),
        (strategies.pendulum_dates, {"min_value": _dt.datetime(2020, 1, 1)}),
        (strategies.pendulum_datetimes, {"timezones": "Asia/Jakarta"}),
        (strategies.pendulum_durations, {"max_value": 3}),
    ],
)
def test_pendulum_strategies_reject_bad_arguments(
    function: object, kwargs: dict[str, object]
) -> None:
    """A bad argument is InvalidArgument when the strategy is drawn from."""
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        function(**kwargs).example()  # type: ignore[operator]
