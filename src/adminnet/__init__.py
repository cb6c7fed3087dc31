"""adminnet: administrasi publik Indonesia (typed Indonesian public administration).

Regions (Kemendagri codes), agencies, officials and their terms of office, cooperation
agreements, signing events, public services and their digitalization targets, as
frozen attrs classes that cannot be built invalid.

>>> import adminnet
>>> adminnet.Capacity.PENJABAT.label
'Pj.'
>>> str(adminnet.Person(id="papilaya", name="Ir.Frans J.Papilaya,M.Si.").name)
'Ir. Frans J. Papilaya, M.Si.'

Messages are in English or Bahasa Indonesia: ``adminnet.set_language("id")``, the
environment variable ``ADMINNET_LANG=id`` or an Indonesian locale.

``import adminnet`` reads no data file, does not import hypothesis, and imports the
entity modules only when a name is first used (PEP 562); the registries
(:mod:`adminnet.regions`, :mod:`adminnet.agencies`) load on first use. The subpackages
are attributes too, imported on first access, so a notebook needs one import:

>>> adminnet.regions.get("81.71").official_name
'Kota Ambon'
>>> "extract" in dir(adminnet)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from adminnet._lazy import exports

if TYPE_CHECKING:
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
        set_language,
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
    from adminnet.serialization import make_converter
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
    "set_language",
    "spbe_predicate",
]

_EXPORTS: dict[str, str] = {
    "AdminnetError": "adminnet.errors",
    "Agency": "adminnet.model.agency",
    "AgencyKind": "adminnet.model.agency",
    "AgencyName": "adminnet.model.agency",
    "Agreement": "adminnet.model.agreement",
    "AgreementKind": "adminnet.model.agreement",
    "AgreementStatus": "adminnet.model.agreement",
    "AmbiguousName": "adminnet.errors",
    "Capacity": "adminnet.model.position",
    "CooperationArea": "adminnet.model.agreement",
    "Dataset": "adminnet.model.dataset",
    "Decree": "adminnet.model.position",
    "DigitalizationTarget": "adminnet.model.digital",
    "ErrorDetail": "adminnet.errors",
    "Event": "adminnet.model.event",
    "EventKind": "adminnet.model.event",
    "Gender": "adminnet.ids._gender",
    "GradingScheme": "adminnet.model._grading",
    "InconsistentData": "adminnet.errors",
    "Indicator": "adminnet.model._indicator",
    "InvalidComponent": "adminnet.errors",
    "InvalidDataError": "adminnet.errors",
    "InvalidFormat": "adminnet.errors",
    "InvalidLength": "adminnet.errors",
    "IppGrade": "adminnet.model._grading",
    "Measurement": "adminnet.model.digital",
    "PartialDate": "adminnet.time",
    "Party": "adminnet.model.agreement",
    "Period": "adminnet.time",
    "Person": "adminnet.model.person",
    "PersonName": "adminnet.text.names",
    "Position": "adminnet.model.position",
    "Precision": "adminnet.time",
    "Progress": "adminnet.model.digital",
    "PublicService": "adminnet.model.digital",
    "Region": "adminnet.model.region",
    "RegionKind": "adminnet.model.region",
    "RegionName": "adminnet.model.region",
    "Role": "adminnet.model.position",
    "ServiceMaturity": "adminnet.model.digital",
    "SpbePredicate": "adminnet.model._grading",
    "Tenure": "adminnet.model.position",
    "UnknownEntity": "adminnet.errors",
    "ValidationError": "adminnet.errors",
    "ipp_grade": "adminnet.model._grading",
    "spbe_predicate": "adminnet.model._grading",
    "make_converter": "adminnet.serialization",
    "set_language": "adminnet.errors",
}


_SUBMODULES: frozenset[str] = frozenset(
    {
        "agencies",
        "cli",
        "errors",
        "examples",
        "export",
        "extract",
        "ids",
        "model",
        "positions",
        "regions",
        "rules",
        "serialization",
        "spbe",
        "strategies",
        "text",
        "time",
    }
)
"""Subpackages reachable as attributes after ``import adminnet`` (imported on first use)."""

_exported = exports(__name__, _EXPORTS, __all__, submodules=_SUBMODULES)[0]


def __getattr__(name: str) -> Any:
    """Import re-exported names on first use: ``import adminnet`` stays cheap."""
    if name == "__version__":
        from importlib.metadata import version

        return version("adminnet")
    return _exported(name)


def __dir__() -> list[str]:
    return [*__all__, "__version__", *sorted(_SUBMODULES)]
