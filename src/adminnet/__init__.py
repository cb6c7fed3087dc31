"""adminnet: administrasi publik Indonesia (typed Indonesian public administration).

Regions (Kemendagri codes), agencies, officials and their terms of office, cooperation
agreements, signing events, public services and their digitalization targets, as
frozen attrs classes that cannot be built invalid.

>>> import adminnet
>>> adminnet.Capacity.PENJABAT.label
'Pj.'
>>> str(adminnet.Person(id="papilaya", name="Ir.Frans J.Papilaya,M.Si.").name)
'Ir. Frans J. Papilaya, M.Si.'

``import adminnet`` reads no data file and does not import hypothesis; the registries
(:mod:`adminnet.regions`, :mod:`adminnet.agencies`) load on first use.
"""

from __future__ import annotations

from typing import Any

from adminnet.errors import (
    AdminnetError,
    AmbiguousName,
    ErrorDetail,
    InconsistentData,
    InvalidComponent,
    InvalidDataError,
    InvalidFormat,
    InvalidLength,
    UnknownEntity,
    ValidationError,
)
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
from adminnet.time import PartialDate, Period, Precision

__all__ = [
    "AdminnetError",
    "Agency",
    "AgencyKind",
    "AgencyName",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "AmbiguousName",
    "Capacity",
    "CooperationArea",
    "Dataset",
    "Decree",
    "DigitalizationTarget",
    "ErrorDetail",
    "Event",
    "EventKind",
    "Gender",
    "GradingScheme",
    "InconsistentData",
    "Indicator",
    "InvalidComponent",
    "InvalidDataError",
    "InvalidFormat",
    "InvalidLength",
    "IppGrade",
    "Measurement",
    "PartialDate",
    "Party",
    "Period",
    "Person",
    "PersonName",
    "Position",
    "Precision",
    "Progress",
    "PublicService",
    "Region",
    "RegionKind",
    "RegionName",
    "Role",
    "ServiceMaturity",
    "SpbePredicate",
    "Tenure",
    "UnknownEntity",
    "ValidationError",
    "ipp_grade",
    "make_converter",
    "spbe_predicate",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("adminnet")
    if name == "make_converter":
        from adminnet.serialization import make_converter

        return make_converter
    msg = f"module 'adminnet' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return [*__all__, "__version__"]
