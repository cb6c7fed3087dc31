"""Model entitas (the entity classes of adminnet, one module per area).

Everything here is re-exported from :mod:`adminnet`.

The names are imported on first use (PEP 562), like those of :mod:`adminnet`:
``from adminnet.model.person import Person`` (and so ``from adminnet import Person``)
runs this file first, and must not import the other entity modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from adminnet._lazy import exports

if TYPE_CHECKING:
    from adminnet.ids._gender import Gender
    from adminnet.model.agency import Agency, AgencyKind, AgencyName
    from adminnet.model.agreement import (
        Agreement,
        AgreementKind,
        AgreementStatus,
        CooperationArea,
        Party,
    )
    from adminnet.model.dataset import Dataset
    from adminnet.model.digital import (
        DigitalizationTarget,
        GradingScheme,
        Indicator,
        IppGrade,
        Measurement,
        Progress,
        PublicService,
        ServiceMaturity,
        SpbePredicate,
        ipp_grade,
        spbe_predicate,
    )
    from adminnet.model.event import Event, EventKind
    from adminnet.model.person import Person
    from adminnet.model.position import Capacity, Decree, Position, Role, Tenure
    from adminnet.model.region import Region, RegionKind, RegionName
    from adminnet.text.names import PersonName

__all__ = [
    "Agency",
    "AgencyKind",
    "AgencyName",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Capacity",
    "CooperationArea",
    "Dataset",
    "Decree",
    "DigitalizationTarget",
    "Event",
    "EventKind",
    "Gender",
    "GradingScheme",
    "Indicator",
    "IppGrade",
    "Measurement",
    "Party",
    "Person",
    "PersonName",
    "Position",
    "Progress",
    "PublicService",
    "Region",
    "RegionKind",
    "RegionName",
    "Role",
    "ServiceMaturity",
    "SpbePredicate",
    "Tenure",
    "ipp_grade",
    "spbe_predicate",
]

# The module that defines each name of __all__.
_EXPORTS: dict[str, str] = {
    "Agency": "adminnet.model.agency",
    "AgencyKind": "adminnet.model.agency",
    "AgencyName": "adminnet.model.agency",
    "Agreement": "adminnet.model.agreement",
    "AgreementKind": "adminnet.model.agreement",
    "AgreementStatus": "adminnet.model.agreement",
    "Capacity": "adminnet.model.position",
    "CooperationArea": "adminnet.model.agreement",
    "Dataset": "adminnet.model.dataset",
    "Decree": "adminnet.model.position",
    "DigitalizationTarget": "adminnet.model.digital",
    "Event": "adminnet.model.event",
    "EventKind": "adminnet.model.event",
    "Gender": "adminnet.ids._gender",
    "GradingScheme": "adminnet.model._grading",
    "Indicator": "adminnet.model._indicator",
    "IppGrade": "adminnet.model._grading",
    "Measurement": "adminnet.model.digital",
    "Party": "adminnet.model.agreement",
    "Person": "adminnet.model.person",
    "PersonName": "adminnet.text.names",
    "Position": "adminnet.model.position",
    "Progress": "adminnet.model.digital",
    "PublicService": "adminnet.model.digital",
    "Region": "adminnet.model.region",
    "RegionKind": "adminnet.model.region",
    "RegionName": "adminnet.model.region",
    "Role": "adminnet.model.position",
    "ServiceMaturity": "adminnet.model.digital",
    "SpbePredicate": "adminnet.model._grading",
    "Tenure": "adminnet.model.position",
    "ipp_grade": "adminnet.model._grading",
    "spbe_predicate": "adminnet.model._grading",
}


__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__ = exports(__name__, _EXPORTS, __all__)
