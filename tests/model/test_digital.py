"""Indicators, measurements, targets, progress, SPBE predicates and IPP grades."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat, UnknownEntity
from adminnet.model.digital import (
    GRADING_SCHEMES,
    IPP_INDEX,
    ONLINE_SERVICE_SHARE,
    SPBE_INDEX,
    DigitalizationTarget,
    IppGrade,
    Measurement,
    Progress,
    ServiceMaturity,
    SpbePredicate,
    grade,
    ipp_grade,
    spbe_predicate,
)

VECTORS = Path(__file__).parent.parent / "vectors"


def _rows(name: str) -> list[list[str]]:
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f) if r and not r[0].startswith("#")][1:]


@pytest.mark.parametrize(("score", "expected"), _rows("spbe_predicates.csv"))
def test_spbe_predicate_vectors(score: str, expected: str) -> None:
    """PermenPANRB 59/2020 Tabel 13 cut-points, bounds included below."""
    assert expected == spbe_predicate(score).value


@pytest.mark.parametrize(("score", "expected"), _rows("ipp_grades.csv"))
def test_ipp_grade_vectors(score: str, expected: str) -> None:
    """IPP bands A 4.51-5.00 ... F 0-1.00."""
    assert expected == ipp_grade(score).label


def test_national_2023_index_is_baik() -> None:
    """The national SPBE index 2023, 2.79, is Baik (KepmenPANRB 13/2024)."""
    assert SpbePredicate.BAIK is spbe_predicate(Decimal("2.79"))
    assert SpbePredicate.BAIK is spbe_predicate(2.79)
    assert spbe_predicate("2.79").label == "Baik"


def test_successor_scheme_is_data() -> None:
    """The unconfirmed 2026 Pemdi scheme is an entry with other cut-points."""
    scheme = GRADING_SCHEMES["pemdi-permenpanrb-8-2026"]
    assert not scheme.confirmed
    assert SpbePredicate.MEMUASKAN is spbe_predicate("4.0", scheme=scheme.key)
    assert SpbePredicate.SANGAT_BAIK is spbe_predicate("4.0")


@pytest.mark.parametrize(
    ("score", "error", "code"),
    [
        ("5.01", InvalidComponent, "indicator.out_of_range"),
        ("-0.1", InvalidComponent, "indicator.out_of_range"),
        ("NaN", InvalidFormat, "score.invalid"),
        ("baik", InvalidFormat, "score.invalid"),
        (None, InvalidFormat, "score.invalid"),
        (True, InvalidFormat, "score.invalid"),
        (float("inf"), InvalidFormat, "score.invalid"),
    ],
)
def test_bad_scores(score: object, error: type[Exception], code: str) -> None:
    """Scores off the scale or not numbers raise adminnet errors with codes."""
    with pytest.raises(error) as info:
        spbe_predicate(score)  # type: ignore[arg-type]
    assert code == info.value.code  # type: ignore[attr-defined]


def test_unknown_scheme() -> None:
    """An unknown scheme key is an UnknownEntity."""
    with pytest.raises(UnknownEntity):
        grade("2", scheme="nope")


@given(st.decimals(min_value=0, max_value=5, places=3))
def test_predicates_are_monotonic(score: Decimal) -> None:
    """A higher score never gets a lower predicate or grade."""
    order = list(SpbePredicate)
    higher = min(Decimal(5), score + Decimal("0.01"))
    assert order.index(spbe_predicate(score)) <= order.index(spbe_predicate(higher))
    grades = list(IppGrade)
    assert grades.index(ipp_grade(score)) >= grades.index(ipp_grade(higher))


def test_maturity_levels() -> None:
    """Service maturity runs 1 informasi .. 5 optimalisasi."""
    assert [m.level for m in ServiceMaturity] == [1, 2, 3, 4, 5]
    assert ServiceMaturity.OPTIMALISASI.label == "Optimalisasi"


def test_progress_linear_schedule() -> None:
    """RPJMN target 2.60 by 2024 from 1.98 in 2018: 2023's 2.79 is ahead of schedule."""
    target = DigitalizationTarget(
        id="spbe-2024",
        agency_id="kemenpanrb",
        indicator=SPBE_INDEX,
        target_value="2.60",
        baseline=Measurement(indicator=SPBE_INDEX, value="1.98", on="2018"),
        due="2024",
    )
    behind = target.progress(Measurement(indicator=SPBE_INDEX, value="2.0", on="2023"))
    ahead = target.progress(Measurement(indicator=SPBE_INDEX, value="2.79", on="2023"))
    assert ahead.on_track is True
    assert behind.on_track is False
    assert ahead.expected == behind.expected
    assert Decimal("0.81") / Decimal("0.62") == ahead.achieved


def test_progress_without_schedule() -> None:
    """With no due date the expected fraction is unknown, and so is on_track."""
    target = DigitalizationTarget(
        id="all-online", agency_id="kemenpanrb", indicator=ONLINE_SERVICE_SHARE, target_value=100
    )
    p = target.progress(Measurement(indicator=ONLINE_SERVICE_SHARE, value=50, on="2020"))
    assert (Decimal("0.5"), None, None) == (p.achieved, p.expected, p.on_track)


def test_progress_other_indicator() -> None:
    """A measurement of another indicator is refused."""
    target = DigitalizationTarget(id="t", agency_id="a", indicator=SPBE_INDEX, target_value=3)
    with pytest.raises(InconsistentData):
        target.progress(Measurement(indicator=IPP_INDEX, value=3, on="2020"))


def test_values_are_exact_decimals() -> None:
    """Values are stored exactly: floats via their shortest repr, strings as written."""
    m = Measurement(indicator=SPBE_INDEX, value=2.79, on="2023")
    assert Decimal("2.79") == m.value
    assert str(Measurement(indicator=SPBE_INDEX, value="2.790", on="2023").value) == "2.790"


# --- issue 16, defects 6 and 7 ---------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity"])
def test_progress_refuses_non_finite(value: str) -> None:
    """Progress(achieved=NaN, Infinity, -NaN, sNaN) is refused at construction."""
    with pytest.raises(InvalidComponent) as info:
        Progress(achieved=Decimal(value), expected=None, on_track=None)
    assert info.value.code == "number.not_finite"
    with pytest.raises(InvalidComponent):
        Progress(achieved=Decimal(1), expected=Decimal(value), on_track=True)


def test_progress_is_consistent() -> None:
    """expected lies in 0..1 and on_track agrees with achieved >= expected."""
    assert Progress(achieved=1, expected="0.5", on_track=True).expected == Decimal("0.5")
    with pytest.raises(InvalidComponent) as info:
        Progress(achieved=Decimal(1), expected=Decimal(2), on_track=False)
    assert info.value.code == "progress.out_of_range"
    with pytest.raises(InconsistentData) as bad:
        Progress(achieved=Decimal(0), expected=Decimal(1), on_track=True)
    assert bad.value.code == "progress.inconsistent"
    with pytest.raises(InconsistentData):
        Progress(achieved=Decimal(0), expected=None, on_track=False)


@pytest.mark.parametrize("scheme", [[], {}, 3, None, b"spbe-permenpanrb-59-2020"])
def test_scheme_of_wrong_type(scheme: object) -> None:
    """A scheme that is not a str is an InvalidFormat, never a TypeError."""
    for function in (spbe_predicate, ipp_grade):
        with pytest.raises(InvalidFormat) as info:
            function("3", scheme=scheme)  # type: ignore[operator]
        assert info.value.code == "grading.invalid_scheme"
    with pytest.raises(InvalidFormat):
        grade("3", scheme=scheme)  # type: ignore[arg-type]


def test_scheme_of_wrong_kind() -> None:
    """An IPP scheme for an SPBE predicate (and back) is refused, also under -O."""
    with pytest.raises(InconsistentData) as info:
        spbe_predicate("3", scheme="ipp-permenpanrb-29-2022")
    assert info.value.code == "grading.wrong_scheme"
    with pytest.raises(InconsistentData):
        ipp_grade("3", scheme="spbe-permenpanrb-59-2020")


def test_scheme_of_wrong_kind_under_optimize() -> None:
    """Under ``python -O`` (asserts removed) the wrong scheme is still refused."""
    import subprocess
    import sys

    code = (
        "from adminnet.model.digital import spbe_predicate\n"
        "from adminnet.errors import InconsistentData\n"
        "try:\n    spbe_predicate('3', scheme='ipp-permenpanrb-29-2022')\n"
        "except InconsistentData as e:\n    print(e.code)\n"
    )
    out = subprocess.run(
        [sys.executable, "-O", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "grading.wrong_scheme"
