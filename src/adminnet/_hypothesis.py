"""Hypothesis entry-point hook: registers a strategy for every public adminnet type.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (unless
``HYPOTHESIS_NO_PLUGINS`` is set), through the ``hypothesis`` entry point::

    [project.entry-points.hypothesis]
    _ = "adminnet._hypothesis:_hypothesis_setup_hook"

The hook does no I/O, builds no strategy and draws nothing. It registers, for each
type, a function that Hypothesis calls when it first resolves the type (``from_type``
is lazy): only then is :mod:`adminnet.strategies` imported, and the region and agency
data, which those strategies hold in ``st.deferred`` pools, are read on the first
draw. (A strategy object registered directly would be materialised at once: Hypothesis
checks ``is_empty`` on registration.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _resolver(name: str) -> Callable[[type], Any]:
    """A function giving ``adminnet.strategies.<name>()`` for a type, built on first use."""

    def resolve(cls: type) -> Any:
        from adminnet import strategies

        return getattr(strategies, name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Daftarkan strategi (register a strategy for each public adminnet type)."""
    import hypothesis.strategies as st

    from adminnet.errors import ErrorDetail
    from adminnet.model.agency import Agency, AgencyName
    from adminnet.model.agreement import Agreement, Party
    from adminnet.model.dataset import Dataset
    from adminnet.model.digital import (
        DigitalizationTarget,
        GradingScheme,
        Indicator,
        Measurement,
        Progress,
        PublicService,
    )
    from adminnet.model.event import Event
    from adminnet.model.person import Person
    from adminnet.model.position import Decree, Position, Tenure
    from adminnet.model.region import Region, RegionName
    from adminnet.text.names import PersonName
    from adminnet.time import PartialDate, Period

    table: dict[type, str] = {
        Region: "regions",
        RegionName: "region_names",
        Agency: "agencies",
        AgencyName: "agency_names",
        Person: "persons",
        PersonName: "person_names",
        Position: "positions",
        Tenure: "tenures",
        Decree: "decrees",
        Agreement: "agreements",
        Party: "parties",
        Event: "events",
        PublicService: "public_services",
        Indicator: "indicators",
        Measurement: "measurements",
        DigitalizationTarget: "digitalization_targets",
        Progress: "progresses",
        GradingScheme: "grading_schemes",
        Dataset: "datasets",
        ErrorDetail: "error_details",
        PartialDate: "partial_dates",
        Period: "periods",
    }
    for cls, name in table.items():
        st.register_type_strategy(cls, _resolver(name))
