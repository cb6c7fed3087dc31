"""Strategi Hypothesis (hypothesis strategies for property-based tests of adminnet data).

Needs the ``hypothesis`` extra (``pip install adminnet[hypothesis]``). Every value
drawn is valid by construction and realistic: region codes and agencies come from
the shipped registries, NIPs agree with the person's birth date and gender, names
carry real gelar, tenures respect capacities, and :func:`datasets` pass
:func:`adminnet.rules.check` with no error. Arguments are keyword-only; those that
vary take strategies; a bad argument raises
:class:`hypothesis.errors.InvalidArgument`. Data files are read on the first draw,
never when a strategy is built.

>>> from hypothesis import given
>>> from adminnet import strategies
>>> @given(strategies.persons())
... def test_nip_agrees(person):
...     if person.nip is not None and person.birth_date is not None:
...         assert person.nip_record.birth_date == person.birth_date
>>> test_nip_agrees()

Installed adminnet registers a strategy for each of its public types with
Hypothesis (the ``hypothesis`` entry point), so ``st.from_type(Agreement)`` and
``st.builds(...)`` work in any project; :mod:`adminnet.strategies.invalid` draws
near-miss values together with the error code they must give.
"""

from __future__ import annotations

from adminnet.strategies._agencies import agencies, agency_names
from adminnet.strategies._agreements import agreements, parties
from adminnet.strategies._dataset import datasets
from adminnet.strategies._digital import (
    digitalization_targets,
    indicators,
    measurements,
    public_services,
)
from adminnet.strategies._events import events
from adminnet.strategies._ids import golongan, niks, nips, region_codes, regions
from adminnet.strategies._more import error_details, grading_schemes, progresses, region_names
from adminnet.strategies._names import person_names
from adminnet.strategies._pendulum import (
    pendulum_dates,
    pendulum_datetimes,
    pendulum_durations,
    pendulum_times,
)
from adminnet.strategies._persons import person_ids, persons
from adminnet.strategies._synthetic import synthetic_dataset
from adminnet.strategies._tenures import decrees, positions, tenures
from adminnet.strategies._time import partial_dates, periods

__all__ = [
    "agencies",
    "agency_names",
    "agreements",
    "datasets",
    "decrees",
    "digitalization_targets",
    "error_details",
    "events",
    "golongan",
    "grading_schemes",
    "indicators",
    "measurements",
    "niks",
    "nips",
    "partial_dates",
    "parties",
    "pendulum_dates",
    "pendulum_datetimes",
    "pendulum_durations",
    "pendulum_times",
    "periods",
    "person_ids",
    "person_names",
    "persons",
    "positions",
    "progresses",
    "public_services",
    "region_codes",
    "region_names",
    "regions",
    "synthetic_dataset",
    "tenures",
]
