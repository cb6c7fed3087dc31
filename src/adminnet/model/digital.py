"""Pelayanan publik dan transformasi digital (public services, SPBE indicators, targets).

Indicators carry their scale; measurements and targets must lie on it. Grading
schemes (SPBE predicates, IPP grades) are data with the regulation and period they
apply to, so a successor scheme is a new entry, not a code change:

>>> spbe_predicate("2.79").label
'Baik'
>>> spbe_predicate("4.2").value
'memuaskan'
>>> ipp_grade("4.92").label
'A'

The indicators (:class:`Indicator`, :data:`SPBE_INDEX` and the other built-in ones)
are defined in the private module ``adminnet.model._indicator``, the grading schemes
and the functions that grade in ``adminnet.model._grading``; this module re-exports
them, so ``from adminnet.model.digital import Indicator`` is the public spelling.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import disagrees, raise_for_field
from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat
from adminnet.model._common import (
    check_id,
    check_region_code_form,
    check_text,
    clean_text,
    enum_converter,
    instance_of,
    optional_id_field,
    optional_partial_date,
    optional_region_code_field,
    optional_text_field,
    partial_date,
)
from adminnet.model._display import entity_html
from adminnet.model._grading import (
    GRADING_SCHEMES,
    Grade,
    GradingScheme,
    IppGrade,
    SpbePredicate,
    grade,
    ipp_grade,
    spbe_predicate,
)
from adminnet.model._indicator import (
    BUILTIN_INDICATORS,
    IPP_INDEX,
    ONLINE_SERVICE_SHARE,
    SERVICE_MATURITY,
    SPBE_INDEX,
    Indicator,
    _check_decimal,
    _decimal,
    _out_of_range,
    _to_decimal,
)
from adminnet.time import PartialDate

__all__ = [
    "BUILTIN_INDICATORS",
    "GRADING_SCHEMES",
    "IPP_INDEX",
    "ONLINE_SERVICE_SHARE",
    "SERVICE_MATURITY",
    "SPBE_INDEX",
    "DigitalizationTarget",
    "Grade",
    "GradingScheme",
    "Indicator",
    "IppGrade",
    "Measurement",
    "Progress",
    "PublicService",
    "ServiceMaturity",
    "SpbePredicate",
    "grade",
    "ipp_grade",
    "spbe_predicate",
]


@labels(
    {
        "informasi": "Informasi",
        "interaksi": "Interaksi",
        "transaksi": "Transaksi",
        "kolaborasi": "Kolaborasi",
        "optimalisasi": "Optimalisasi",
    }
)
class ServiceMaturity(LabeledEnum):
    """Tingkat kematangan layanan SPBE (service maturity, level 1 to 5)."""

    INFORMASI = "informasi"
    INTERAKSI = "interaksi"
    TRANSAKSI = "transaksi"
    KOLABORASI = "kolaborasi"
    OPTIMALISASI = "optimalisasi"

    @property
    def level(self) -> int:
        """The numeric level, 1 (informasi) to 5 (optimalisasi)."""
        return list(ServiceMaturity).index(self) + 1


def _to_maturity(value: str | ServiceMaturity | None) -> ServiceMaturity | None:
    """Converter: the value string of a ServiceMaturity becomes the member."""
    return None if value is None else enum_converter(ServiceMaturity)(value)


@attrs.frozen(kw_only=True)
class PublicService:
    """Pelayanan publik (a public service an agency provides).

    Attributes:
        id: Slug id.
        name: Name as written.
        agency_id: The agency that provides it.
        sector: Sector (free text, e.g. ``"kependudukan"``), if known.
        maturity: SPBE maturity level of its electronic form, if assessed.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(converter=clean_text, validator=check_text)
    agency_id: str = attrs.field(validator=check_id)
    sector: str | None = optional_text_field()
    maturity: ServiceMaturity | None = attrs.field(
        default=None,
        converter=_to_maturity,
        validator=instance_of(ServiceMaturity, optional=True),
    )

    def __str__(self) -> str:
        """The name as written."""
        return self.name

    _repr_html_ = entity_html


def _check_on_scale(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_decimal(instance, attribute, value)
    indicator: Indicator = instance.indicator  # type: ignore[attr-defined]
    assert isinstance(value, Decimal)
    if not indicator.contains(value):
        raise_for_field(
            _out_of_range(indicator, value, "value"),
            instance,
            attribute,
        )


def _partial(value: object) -> object:
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except (InvalidFormat, InvalidComponent):
            return value
    return value


def _check_region(instance: Measurement, attribute: attrs.Attribute[Any], value: object) -> None:
    code = check_region_code_form(instance, attribute, value, "measurement")
    if code is None:
        return
    if instance.agency_id is not None:
        raise_for_field(
            InconsistentData(
                code="measurement.two_subjects",
                params={"agency_id": instance.agency_id, "value": code},
            ),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True)
class Measurement:
    """Pengukuran (a value of an indicator on a date, about an agency or a region).

    A measurement has at most one subject: an agency (``agency_id``, e.g. the SPBE
    index of a kabupaten government) or a region of any level (``region_code``, e.g.
    an index for each desa/kelurahan); neither is a national figure. Both at once is
    refused (``measurement.two_subjects``). A region code must be well formed here;
    that it names a region on the measurement's date is rule ``REF002``'s check.

    >>> m = Measurement(indicator=SPBE_INDEX, value="3.1", on="2024", region_code="8171")
    >>> m.region_code, str(m)
    ('81.71', 'Indeks SPBE 3.1 (2024, region 81.71)')
    >>> Measurement(indicator=SPBE_INDEX, value="3.1", on="2024", agency_id="pemkot-8171",
    ...             region_code="81.71")
    Traceback (most recent call last):
    adminnet.errors.InconsistentData: a measurement is about one subject: agency ...

    Attributes:
        indicator: What was measured.
        value: The value, exactly (``Decimal``); must lie on the indicator's scale.
        on: When, as precise as known (an evaluation year is fine).
        agency_id: The agency it is about, if it is about an agency.
        region_code: The dotted Kemendagri code of the region (any level) it is about,
            if it is about a region; a compact code is accepted and dotted.
        source: Where it comes from, as a citation.
    """

    indicator: Indicator = attrs.field(validator=instance_of(Indicator))
    value: Decimal = attrs.field(converter=_to_decimal, validator=_check_on_scale)
    on: PartialDate = attrs.field(converter=partial_date, validator=instance_of(PartialDate))
    agency_id: str | None = optional_id_field()
    region_code: str | None = optional_region_code_field(_check_region)
    source: str | None = optional_text_field()

    def __str__(self) -> str:
        """The indicator, the value, the date and the subject.

        ``"Indeks SPBE 2.79 (2023, kemenpanrb)"``; ``"... (2024, region 81.71)"``.
        """
        if self.region_code is not None:
            about = f", region {self.region_code}"
        elif self.agency_id is not None:
            about = f", {self.agency_id}"
        else:
            about = ""
        return f"{self.indicator.label} {self.value} ({self.on}{about})"

    _repr_html_ = entity_html

    @property
    def subject(self) -> str | None:
        """Subjek (the agency id or the region code it is about; ``None``: national)."""
        return self.agency_id if self.region_code is None else self.region_code


def _check_fraction(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    _check_decimal(instance, attribute, value)
    assert isinstance(value, Decimal)  # for mypy: _check_decimal refused anything else
    if not Decimal(0) <= value <= Decimal(1):
        raise_for_field(
            InvalidComponent(code="progress.out_of_range", params={"value": str(value)}),
            instance,
            attribute,
        )


def _check_on_track(instance: Progress, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(bool, optional=True)(instance, attribute, value)
    expected = instance.expected
    want = None if expected is None else instance.achieved >= expected
    if value is not want:
        raise_for_field(
            InconsistentData(
                code="progress.inconsistent",
                params={
                    "value": str(value),
                    "achieved": str(instance.achieved),
                    "expected": str(expected),
                    "want": str(want),
                },
            ),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True)
class Progress:
    """Kemajuan (progress of a target at a measurement).

    Attributes:
        achieved: Fraction of the way from baseline to target reached (may exceed 1
            or be negative).
        expected: Fraction of the time from baseline to due date elapsed, clipped to
            0..1; ``None`` when the schedule is unknown (no baseline or no due date).
        on_track: ``achieved >= expected``; ``None`` when ``expected`` is unknown.

    Valid by construction: ``achieved`` is a finite number (NaN and infinities are
    refused with ``number.not_finite``, as their JSON would be), ``expected`` lies in
    0..1, and ``on_track`` agrees with them.

    >>> Progress(achieved=Decimal("NaN"), expected=None, on_track=None)
    Traceback (most recent call last):
    adminnet.errors.InvalidComponent: Progress.achieved must be finite (got NaN)
    """

    achieved: Decimal = attrs.field(converter=_to_decimal, validator=_check_decimal)
    expected: Decimal | None = attrs.field(converter=_decimal, validator=_check_fraction)
    on_track: bool | None = attrs.field(validator=_check_on_track)


def _check_due(
    instance: DigitalizationTarget, attribute: attrs.Attribute[Any], value: object
) -> None:
    instance_of(PartialDate, optional=True)(instance, attribute, value)
    baseline = instance.baseline
    if isinstance(value, PartialDate) and baseline is not None and value < baseline.on:
        exc = disagrees("target.due_before_baseline", value, baseline=baseline.on)
        raise_for_field(exc, instance, attribute)


def _check_baseline(
    instance: DigitalizationTarget, attribute: attrs.Attribute[Any], value: object
) -> None:
    instance_of(Measurement, optional=True)(instance, attribute, value)
    if isinstance(value, Measurement) and value.indicator != instance.indicator:
        raise_for_field(
            InconsistentData(
                code="target.indicator_mismatch",
                variant="baseline",
                params={"value": value.indicator.key, "target": instance.indicator.key},
            ),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True)
class DigitalizationTarget:
    """Target digitalisasi (a target value of an indicator for an agency, by a date).

    Attributes:
        id: Slug id.
        agency_id: The agency that set the target (or is held to it).
        indicator: What is targeted.
        target_value: The value to reach, on the indicator's scale.
        baseline: The starting measurement, if known.
        due: When the target is due, as precise as known; ``None`` if no date was set.
        basis: The document or statement that sets it, as a citation.
    """

    id: str = attrs.field(validator=check_id)
    agency_id: str = attrs.field(validator=check_id)
    indicator: Indicator = attrs.field(validator=instance_of(Indicator))
    target_value: Decimal = attrs.field(converter=_to_decimal, validator=_check_on_scale)
    baseline: Measurement | None = attrs.field(default=None, validator=_check_baseline)
    due: PartialDate | None = attrs.field(
        default=None, converter=optional_partial_date, validator=_check_due
    )
    basis: str | None = optional_text_field()

    def __str__(self) -> str:
        """The indicator, the value, the due date and the agency.

        ``"Indeks SPBE 2.60 by 2024 (kemenpanrb)"``.
        """
        due = "" if self.due is None else f" by {self.due}"
        return f"{self.indicator.label} {self.target_value}{due} ({self.agency_id})"

    _repr_html_ = entity_html

    def progress(self, measurement: Measurement) -> Progress:
        """Achieved vs expected fraction at ``measurement``, by a linear schedule.

        >>> t = DigitalizationTarget(
        ...     id="t", agency_id="kemenpanrb", indicator=SPBE_INDEX, target_value="2.60",
        ...     baseline=Measurement(indicator=SPBE_INDEX, value="1.98", on="2018"),
        ...     due="2024")
        >>> p = t.progress(Measurement(indicator=SPBE_INDEX, value="2.79", on="2023"))
        >>> p.on_track, round(p.achieved, 2), round(p.expected, 2)
        (True, Decimal('1.31'), Decimal('0.86'))

        Raises:
            InconsistentData: the measurement is of another indicator.
        """
        if measurement.indicator != self.indicator:
            raise InconsistentData(
                code="target.indicator_mismatch",
                params={"value": measurement.indicator.key, "target": self.indicator.key},
            )
        base = self.baseline
        start_value = base.value if base is not None else self.indicator.minimum
        if not self.indicator.higher_is_better and base is None:
            start_value = self.indicator.maximum
        span = self.target_value - start_value
        achieved = Decimal(1) if span == 0 else (measurement.value - start_value) / span
        expected: Decimal | None = None
        if base is not None and self.due is not None:
            total = (self.due.latest - base.on.earliest).in_days()
            elapsed = (measurement.on.latest - base.on.earliest).in_days()
            expected = Decimal(1) if total <= 0 else Decimal(elapsed) / Decimal(total)
            expected = min(Decimal(1), max(Decimal(0), expected))
        on_track = None if expected is None else achieved >= expected
        return Progress(achieved=achieved, expected=expected, on_track=on_track)
