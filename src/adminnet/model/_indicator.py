"""Indikator (indicators with their scale, and the built-in ones); private.

The home of :class:`Indicator` and of the built-in indicators; the public names are
re-exported by :mod:`adminnet.model.digital`. A value belongs to an indicator when it
lies on its scale, bounds included:

>>> from decimal import Decimal
>>> SPBE_INDEX.contains(Decimal("5")), ONLINE_SERVICE_SHARE.contains(Decimal("100.5"))
(True, False)
>>> sorted(BUILTIN_INDICATORS)
['ipp_index', 'online_service_share', 'service_maturity', 'spbe_index']
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Any, Final, overload

import attrs

from adminnet._validators import disagrees, field_name, raise_for_field
from adminnet.errors import InvalidComponent
from adminnet.model._common import check_id, check_text, clean_text, instance_of
from adminnet.model._display import entity_html

__all__ = [
    "BUILTIN_INDICATORS",
    "IPP_INDEX",
    "ONLINE_SERVICE_SHARE",
    "SERVICE_MATURITY",
    "SPBE_INDEX",
    "Indicator",
]


@overload
def _decimal(value: None) -> None: ...
@overload
def _decimal(value: Decimal | int | float | str) -> Decimal: ...
def _decimal(value: Decimal | int | float | str | None) -> Decimal | None:
    """Int and str become Decimal (exactly); floats via their shortest repr."""
    raw: object = value
    if isinstance(raw, bool):
        return value  # type: ignore[return-value]  # the validator reports it
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float) and math.isfinite(raw):
        return Decimal(repr(raw))
    if isinstance(raw, str):
        try:
            return Decimal(raw.strip())
        except InvalidOperation:
            return value  # type: ignore[return-value]  # the validator reports it
    return value  # type: ignore[return-value]  # a Decimal, None, or reported


def _to_decimal(value: Decimal | int | float | str) -> Decimal:
    """Converter of a required number: :func:`_decimal` without the ``None`` overload."""
    return _decimal(value)


def _check_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.default is None:
        return
    instance_of(Decimal)(instance, attribute, value)
    assert isinstance(value, Decimal)
    if not value.is_finite():
        params = {"field": field_name(instance, attribute), "value": str(value)}
        exc = InvalidComponent(code="number.not_finite", variant="field", params=params)
        raise_for_field(exc, instance, attribute)


def _check_maximum(instance: Indicator, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_decimal(instance, attribute, value)
    assert isinstance(value, Decimal)
    if value <= instance.minimum:
        exc = disagrees("indicator.empty_range", value, minimum=instance.minimum)
        raise_for_field(exc, instance, attribute)


@attrs.frozen(kw_only=True)
class Indicator:
    """Indikator (a measured quantity with its scale, e.g. the SPBE index 0-5).

    Attributes:
        key: Stable slug key, e.g. ``"spbe_index"``.
        label: Indonesian name, e.g. ``"Indeks SPBE"``.
        unit: Unit, e.g. ``"indeks"`` or ``"%"``.
        minimum: Lowest value on the scale.
        maximum: Highest value on the scale.
        higher_is_better: Direction of improvement.
    """

    key: str = attrs.field(validator=check_id)
    label: str = attrs.field(converter=clean_text, validator=check_text)
    unit: str = attrs.field(converter=clean_text, validator=check_text)
    minimum: Decimal = attrs.field(converter=_to_decimal, validator=_check_decimal)
    maximum: Decimal = attrs.field(converter=_to_decimal, validator=_check_maximum)
    higher_is_better: bool = attrs.field(default=True, validator=instance_of(bool))

    def __str__(self) -> str:
        """The label: ``"Indeks SPBE"``."""
        return self.label

    _repr_html_ = entity_html

    def contains(self, value: Decimal) -> bool:
        """True if ``value`` lies on the scale (bounds included)."""
        return self.minimum <= value <= self.maximum


SPBE_INDEX: Final = Indicator(
    key="spbe_index", label="Indeks SPBE", unit="indeks", minimum=0, maximum=5
)
"""Indeks SPBE (PermenPANRB 59/2020), 0 to 5."""

IPP_INDEX: Final = Indicator(
    key="ipp_index", label="Indeks Pelayanan Publik", unit="indeks", minimum=0, maximum=5
)
"""Indeks Pelayanan Publik (PermenPANRB 29/2022, PEKPPP), 0 to 5."""

ONLINE_SERVICE_SHARE: Final = Indicator(
    key="online_service_share",
    label="Persentase layanan publik berbasis elektronik",
    unit="%",
    minimum=0,
    maximum=100,
)
"""Share of public services delivered electronically, 0 to 100 %."""

SERVICE_MATURITY: Final = Indicator(
    key="service_maturity", label="Tingkat kematangan layanan", unit="tingkat", minimum=1, maximum=5
)
"""SPBE service maturity level, 1 (informasi) to 5 (optimalisasi)."""

BUILTIN_INDICATORS: Final = {
    i.key: i for i in (SPBE_INDEX, IPP_INDEX, ONLINE_SERVICE_SHARE, SERVICE_MATURITY)
}
"""The built-in indicators by key."""


def _out_of_range(indicator: Indicator, value: Decimal, what: str) -> InvalidComponent:
    return InvalidComponent(
        code="indicator.out_of_range",
        variant=what,
        params={
            "indicator": indicator.label,
            "value": str(value),
            "minimum": str(indicator.minimum),
            "maximum": str(indicator.maximum),
        },
    )
