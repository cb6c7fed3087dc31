"""adminnet: administrasi publik Indonesia (typed Indonesian public administration).

Regions (Kemendagri codes), agencies, officials and their terms of office, cooperation
agreements, signing events, public services and their digitalization targets, as
frozen attrs classes that cannot be built invalid.

>>> import adminnet
>>> adminnet.PartialDate.parse("2016").precision.value
'year'

``import adminnet`` reads no data file and does not import hypothesis.
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
from adminnet.time import PartialDate, Period, Precision

__all__ = [
    "AdminnetError",
    "AmbiguousName",
    "ErrorDetail",
    "InconsistentData",
    "InvalidComponent",
    "InvalidDataError",
    "InvalidFormat",
    "InvalidLength",
    "PartialDate",
    "Period",
    "Precision",
    "UnknownEntity",
    "ValidationError",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("adminnet")
    msg = f"module 'adminnet' has no attribute {name!r}"
    raise AttributeError(msg)
