"""Strategies for the public types that had none: region names, grading schemes, progress.

Also error details (:class:`~adminnet.errors.ErrorDetail`), as a loader reports them.

Each draws valid, realistic values: a :class:`~adminnet.model.region.RegionName` is
the name of a real region over a period, a
:class:`~adminnet.model.digital.GradingScheme` is one of the shipped schemes (the
schemes are regulation data, not free values), and a
:class:`~adminnet.model.digital.Progress` has a finite ``achieved`` and an
``on_track`` that agrees with it.
"""

from __future__ import annotations

from decimal import Decimal

import hypothesis.strategies as st

from adminnet.errors import ErrorDetail
from adminnet.model.digital import GRADING_SCHEMES, GradingScheme, Progress
from adminnet.model.region import RegionName
from adminnet.strategies._ids import regions
from adminnet.strategies._time import periods

__all__ = ["error_details", "grading_schemes", "progresses", "region_names"]

# Legal bases of region name changes as printed (PP of a renaming, UU of a new region).
_BASES = ("PP 61/2017", "UU 14/2022", "Permendagri 137/2017", "PP 2/2018")


@st.composite
def _region_names(draw: st.DrawFn) -> RegionName:
    region = draw(regions(level=2))
    basis = draw(st.none() | st.sampled_from(_BASES))
    return RegionName(name=region.name, valid=draw(periods()), basis=basis)


def region_names() -> st.SearchStrategy[RegionName]:
    """Nama wilayah berlaku (the name of a real kabupaten/kota over a period).

    The name is a real name of the registry; the period and the legal basis are drawn
    (a name's history is the registry's, not this strategy's).
    """
    return _region_names()


def grading_schemes() -> st.SearchStrategy[GradingScheme]:
    """Skema penilaian (one of the shipped grading schemes of ``GRADING_SCHEMES``)."""
    return st.sampled_from(tuple(GRADING_SCHEMES[k] for k in sorted(GRADING_SCHEMES)))


_FRACTIONS = st.decimals(min_value=0, max_value=1, places=4)


@st.composite
def _progresses(draw: st.DrawFn) -> Progress:
    achieved: Decimal = draw(st.decimals(min_value=-2, max_value=3, places=4))
    expected: Decimal | None = draw(st.none() | _FRACTIONS)
    on_track = None if expected is None else achieved >= expected
    return Progress(achieved=achieved, expected=expected, on_track=on_track)


def progresses() -> st.SearchStrategy[Progress]:
    """Kemajuan (the progress of a target: finite, with ``on_track`` agreeing).

    ``achieved`` from -2 to 3 (a target can be overshot or lost ground on),
    ``expected`` in 0..1 or unknown.
    """
    return _progresses()


_PATHS = ("$", "$.nip", "$.persons[1].nip", "$.parties[1].signatory_id", "$.period.end")
_CODES = ("nip.invalid_birth_date", "json.invalid", "document.unknown_key", "type.invalid")


@st.composite
def _error_details(draw: st.DrawFn) -> ErrorDetail:
    return ErrorDetail(
        draw(st.sampled_from(_PATHS)),
        draw(st.sampled_from(_CODES)),
        draw(st.text(min_size=1, max_size=60)),
        draw(st.none() | st.integers(1, 10_000_000)),
    )


def error_details() -> st.SearchStrategy[ErrorDetail]:
    """Rincian galat (a problem of a load: path, code, message, line in JSON Lines)."""
    return _error_details()
