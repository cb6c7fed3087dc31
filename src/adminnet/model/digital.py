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
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import raise_for_field, short
from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat, UnknownEntity
from adminnet.model._common import (
    check_id,
    check_optional_id,
    check_optional_text,
    check_text,
    clean_text,
    enum_converter,
    instance_of,
    optional_text,
)
from adminnet.time import PartialDate, Period

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


def _to_maturity(value: object) -> object:
    """Converter: the value string of a ServiceMaturity becomes the member."""
    return enum_converter(ServiceMaturity)(value)


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
    sector: str | None = attrs.field(
        default=None, converter=optional_text, validator=check_optional_text
    )
    maturity: ServiceMaturity | None = attrs.field(
        default=None,
        converter=_to_maturity,
        validator=instance_of(ServiceMaturity, optional=True),
    )


def _decimal(value: object) -> object:
    """Int and str become Decimal (exactly); floats via their shortest repr."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return value
    return value


def _check_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.default is None:
        return
    instance_of(Decimal)(instance, attribute, value)
    assert isinstance(value, Decimal)
    if not value.is_finite():
        raise_for_field(
            InvalidComponent(
                code="number.not_finite",
                variant="field",
                params={
                    "field": f"{type(instance).__name__}.{attribute.name}",
                    "value": str(value),
                },
            ),
            instance,
            attribute,
        )


def _check_maximum(instance: Indicator, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_decimal(instance, attribute, value)
    assert isinstance(value, Decimal)
    if value <= instance.minimum:
        raise_for_field(
            InconsistentData(
                code="indicator.empty_range",
                params={"value": str(value), "minimum": str(instance.minimum)},
            ),
            instance,
            attribute,
        )


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
    minimum: Decimal = attrs.field(converter=_decimal, validator=_check_decimal)
    maximum: Decimal = attrs.field(converter=_decimal, validator=_check_maximum)
    higher_is_better: bool = attrs.field(default=True, validator=instance_of(bool))

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


@attrs.frozen(kw_only=True)
class Measurement:
    """Pengukuran (a value of an indicator on a date, from a source).

    Attributes:
        indicator: What was measured.
        value: The value, exactly (``Decimal``); must lie on the indicator's scale.
        on: When, as precise as known (an evaluation year is fine).
        agency_id: Whose value it is (``None`` for a national figure).
        source: Where it comes from, as a citation.
    """

    indicator: Indicator = attrs.field(validator=instance_of(Indicator))
    value: Decimal = attrs.field(converter=_decimal, validator=_check_on_scale)
    on: PartialDate = attrs.field(converter=_partial, validator=instance_of(PartialDate))
    agency_id: str | None = attrs.field(default=None, validator=check_optional_id)
    source: str | None = attrs.field(
        default=None, converter=optional_text, validator=check_optional_text
    )


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

    achieved: Decimal = attrs.field(converter=_decimal, validator=_check_decimal)
    expected: Decimal | None = attrs.field(converter=_decimal, validator=_check_fraction)
    on_track: bool | None = attrs.field(validator=_check_on_track)


def _check_due(
    instance: DigitalizationTarget, attribute: attrs.Attribute[Any], value: object
) -> None:
    instance_of(PartialDate, optional=True)(instance, attribute, value)
    baseline = instance.baseline
    if isinstance(value, PartialDate) and baseline is not None and value < baseline.on:
        raise_for_field(
            InconsistentData(
                code="target.due_before_baseline",
                params={"value": str(value), "baseline": str(baseline.on)},
            ),
            instance,
            attribute,
        )


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
    target_value: Decimal = attrs.field(converter=_decimal, validator=_check_on_scale)
    baseline: Measurement | None = attrs.field(default=None, validator=_check_baseline)
    due: PartialDate | None = attrs.field(default=None, converter=_partial, validator=_check_due)
    basis: str | None = attrs.field(
        default=None, converter=optional_text, validator=check_optional_text
    )

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


# --- grading schemes -----------------------------------------------------------------


@labels(
    {
        "kurang": "Kurang",
        "cukup": "Cukup",
        "baik": "Baik",
        "sangat_baik": "Sangat Baik",
        "memuaskan": "Memuaskan",
    }
)
class SpbePredicate(LabeledEnum):
    """Predikat SPBE (grade of an SPBE index, PermenPANRB 59/2020 Tabel 13)."""

    KURANG = "kurang"
    CUKUP = "cukup"
    BAIK = "baik"
    SANGAT_BAIK = "sangat_baik"
    MEMUASKAN = "memuaskan"


@labels(
    {
        "a": "A",
        "a_minus": "A-",
        "b": "B",
        "b_minus": "B-",
        "c": "C",
        "c_minus": "C-",
        "d": "D",
        "e": "E",
        "f": "F",
    }
)
class IppGrade(LabeledEnum):
    """Kategori IPP (grade of the public service index, A to F)."""

    A = "a"
    A_MINUS = "a_minus"
    B = "b"
    B_MINUS = "b_minus"
    C = "c"
    C_MINUS = "c_minus"
    D = "d"
    E = "e"
    F = "f"

    @property
    def meaning(self) -> str:
        """The predikat: Pelayanan Prima, Sangat Baik, ..., Gagal."""
        return _IPP_MEANINGS[self]


_IPP_MEANINGS: Final = {
    IppGrade.A: "Pelayanan Prima",
    IppGrade.A_MINUS: "Sangat Baik",
    IppGrade.B: "Baik",
    IppGrade.B_MINUS: "Baik (dengan catatan)",
    IppGrade.C: "Cukup",
    IppGrade.C_MINUS: "Cukup (dengan catatan)",
    IppGrade.D: "Buruk",
    IppGrade.E: "Sangat Buruk",
    IppGrade.F: "Gagal",
}

Grade = SpbePredicate | IppGrade


@attrs.frozen(kw_only=True)
class GradingScheme:
    """Skema penilaian (a grading scheme: cut-points, regulation and period in force).

    ``bands`` are ``(lower_bound, grade, inclusive)`` from the highest down: a score
    gets the first band whose bound it reaches (``>=`` when inclusive, ``>`` when not).

    Attributes:
        key: Stable key, e.g. ``"spbe-permenpanrb-59-2020"``.
        indicator: The indicator it grades.
        regulation: The legal basis.
        valid: When the scheme applies.
        confirmed: Whether the cut-points were checked against the regulation's text.
        bands: Cut-points from the highest grade down.
    """

    key: str
    indicator: Indicator
    regulation: str
    valid: Period
    confirmed: bool
    bands: tuple[tuple[Decimal, Grade, bool], ...]

    def grade(self, score: Decimal) -> Grade:
        """The grade of ``score`` (which must lie on the indicator's scale)."""
        for bound, result, inclusive in self.bands:
            if score > bound or (inclusive and score == bound):
                return result
        return self.bands[-1][1]


def _bands(rows: list[tuple[str, Grade, bool]]) -> tuple[tuple[Decimal, Grade, bool], ...]:
    return tuple((Decimal(b), g, inc) for b, g, inc in rows)


GRADING_SCHEMES: Final[dict[str, GradingScheme]] = {
    s.key: s
    for s in (
        GradingScheme(
            key="spbe-permenpanrb-59-2020",
            indicator=SPBE_INDEX,
            regulation="PermenPANRB 59/2020, Lampiran Tabel 13 (Predikat Penilaian SPBE)",
            valid=Period.parse("2021-01-01", None),
            confirmed=True,
            bands=_bands(
                [
                    ("4.2", SpbePredicate.MEMUASKAN, True),
                    ("3.5", SpbePredicate.SANGAT_BAIK, True),
                    ("2.6", SpbePredicate.BAIK, True),
                    ("1.8", SpbePredicate.CUKUP, True),
                    ("0", SpbePredicate.KURANG, True),
                ]
            ),
        ),
        GradingScheme(
            key="pemdi-permenpanrb-8-2026",
            indicator=SPBE_INDEX,
            regulation="PermenPANRB 8/2026 (Indeks Pemerintah Digital; unconfirmed)",
            valid=Period.parse("2026-06-01", None),
            confirmed=False,
            bands=_bands(
                [
                    ("4.0", SpbePredicate.MEMUASKAN, True),
                    ("3.5", SpbePredicate.SANGAT_BAIK, True),
                    ("2.5", SpbePredicate.BAIK, True),
                    ("1.5", SpbePredicate.CUKUP, True),
                    ("0", SpbePredicate.KURANG, True),
                ]
            ),
        ),
        GradingScheme(
            key="ipp-permenpanrb-29-2022",
            indicator=IPP_INDEX,
            regulation="PermenPANRB 17/2017, kept by PermenPANRB 29/2022 (PEKPPP)",
            valid=Period.parse("2017", None),
            confirmed=False,
            bands=_bands(
                [
                    ("4.50", IppGrade.A, False),
                    ("4.00", IppGrade.A_MINUS, False),
                    ("3.50", IppGrade.B, False),
                    ("3.00", IppGrade.B_MINUS, False),
                    ("2.50", IppGrade.C, False),
                    ("2.00", IppGrade.C_MINUS, False),
                    ("1.50", IppGrade.D, False),
                    ("1.00", IppGrade.E, False),
                    ("0", IppGrade.F, True),
                ]
            ),
        ),
    )
}
"""Every known grading scheme by key."""


def _score(value: object, indicator: Indicator) -> Decimal:
    converted = _decimal(value)
    if not isinstance(converted, Decimal) or not converted.is_finite():
        raise InvalidFormat(
            code="score.invalid", params={"indicator": indicator.label, "value": short(value, 40)}
        )
    if not indicator.contains(converted):
        raise _out_of_range(indicator, converted, "score")
    return converted


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


def _scheme(key: object, kind: type[Grade] | None = None) -> GradingScheme:
    """The scheme with this key, checking that it grades with ``kind`` if given."""
    if not isinstance(key, str):
        raise InvalidFormat(code="grading.invalid_scheme", params={"type": type(key).__name__})
    found = GRADING_SCHEMES.get(key)
    if found is None:
        raise UnknownEntity(
            code="grading.unknown_scheme",
            params={"value": short(key, 60), "known": ", ".join(sorted(GRADING_SCHEMES))},
        )
    if kind is not None and not all(isinstance(g, kind) for _, g, _ in found.bands):
        raise InconsistentData(
            code="grading.wrong_scheme",
            params={"value": key, "indicator": found.indicator.label, "kind": kind.__name__},
        )
    return found


def grade(score: Decimal | int | float | str, *, scheme: str) -> Grade:
    """Nilai ke predikat (grade a score with a named scheme from GRADING_SCHEMES).

    Raises:
        InvalidFormat: the scheme is not a str (``grading.invalid_scheme``); the score
            is not a finite number.
        UnknownEntity: no scheme has that key (``grading.unknown_scheme``).
        InvalidComponent: the score is off the indicator's scale.
    """
    s = _scheme(scheme)
    return s.grade(_score(score, s.indicator))


def spbe_predicate(
    score: Decimal | int | float | str, *, scheme: str = "spbe-permenpanrb-59-2020"
) -> SpbePredicate:
    """Predikat indeks SPBE (kurang < 1.8 <= cukup < 2.6 <= baik < 3.5 <= sangat baik < 4.2).

    Floats are taken by their shortest repr (``2.6`` is ``Decimal("2.6")``). The
    reports grade the *unrounded* index, so a printed two-decimal value that sits on
    a cut-point (``1.80`` printed "Kurang") can disagree with this function.

    >>> spbe_predicate("3", scheme="ipp-permenpanrb-29-2022")
    Traceback (most recent call last):
    adminnet.errors.InconsistentData: grading scheme 'ipp-permenpanrb-29-2022' grades ...

    Raises:
        InconsistentData: the scheme grades another index (``grading.wrong_scheme``).
        InvalidFormat, UnknownEntity, InvalidComponent: as :func:`grade`.
    """
    s = _scheme(scheme, SpbePredicate)
    result: SpbePredicate = s.grade(_score(score, s.indicator))  # type: ignore[assignment]
    return result


def ipp_grade(
    score: Decimal | int | float | str, *, scheme: str = "ipp-permenpanrb-29-2022"
) -> IppGrade:
    """Kategori IPP (A 4.51-5.00, A- 4.01-4.50, ..., E 1.01-1.50, F 0-1.00).

    Scores between the printed two-decimal bands (``4.505``) belong to the higher band.

    Raises:
        InconsistentData: the scheme grades another index (``grading.wrong_scheme``).
        InvalidFormat, UnknownEntity, InvalidComponent: as :func:`grade`.
    """
    s = _scheme(scheme, IppGrade)
    result: IppGrade = s.grade(_score(score, s.indicator))  # type: ignore[assignment]
    return result
