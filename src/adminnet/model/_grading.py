"""Skema penilaian (grading schemes: SPBE predicates and IPP grades); private.

The home of the grading schemes and the functions that grade a score; the public
names are re-exported by :mod:`adminnet.model.digital`. A scheme is data (cut-points,
regulation, period in force), so a successor scheme is a new entry of
:data:`GRADING_SCHEMES`:

>>> grade("3.5", scheme="spbe-permenpanrb-59-2020").label
'Sangat Baik'
>>> ipp_grade("4.505").label, ipp_grade("4.50").label
('A', 'A-')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import short
from adminnet.errors import InconsistentData, InvalidFormat, UnknownEntity
from adminnet.model._indicator import IPP_INDEX, SPBE_INDEX, Indicator, _decimal, _out_of_range
from adminnet.time import Period

__all__ = [
    "GRADING_SCHEMES",
    "Grade",
    "GradingScheme",
    "IppGrade",
    "SpbePredicate",
    "grade",
    "ipp_grade",
    "spbe_predicate",
]


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
    converted: object = _decimal(value)  # type: ignore[call-overload]  # checked below
    if not isinstance(converted, Decimal) or not converted.is_finite():
        raise InvalidFormat(
            code="score.invalid", params={"indicator": indicator.label, "value": short(value, 40)}
        )
    if not indicator.contains(converted):
        raise _out_of_range(indicator, converted, "score")
    return converted


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
