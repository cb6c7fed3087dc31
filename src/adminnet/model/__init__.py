"""Model entitas (the entity classes of adminnet, one module per area).

Everything here is re-exported from :mod:`adminnet`.
"""

from __future__ import annotations

from adminnet.ids._gender import (
    Gender,
)
from adminnet.model.agency import (
    Agency,
    AgencyKind,
    AgencyName,
)
from adminnet.model.agreement import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    CooperationArea,
    Party,
)
from adminnet.model.dataset import (
    Dataset,
)
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
from adminnet.model.event import (
    Event,
    EventKind,
)
from adminnet.model.person import (
    Person,
)
from adminnet.model.position import (
    Capacity,
    Decree,
    Position,
    Role,
    Tenure,
)
from adminnet.model.region import (
    Region,
    RegionKind,
    RegionName,
)
from adminnet.text.names import (
    PersonName,
)

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
