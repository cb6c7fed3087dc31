"""Strategies for agreements between agencies and their parties."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Final

import hypothesis.strategies as st

from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, AgreementKind, CooperationArea, Party
from adminnet.strategies._agencies import (
    agency_window,
    default_agencies,
)
from adminnet.strategies._common import (
    EARLIEST_OFFICE,
    add_years,
    check_strategy,
    day,
    slug,
    today_ordinal,
)
from adminnet.strategies._persons import any_person_id
from adminnet.strategies._time import draw_partial
from adminnet.time import PartialDate, Period

__all__ = [
    "KIND_IDS",
    "agreement_title",
    "agreements",
    "draw_areas",
    "draw_document_number",
    "parties",
]


KIND_IDS: Final = {
    AgreementKind.NOTA_KESEPAHAMAN: "mou",
    AgreementKind.KESEPAKATAN_BERSAMA: "kb",
    AgreementKind.PERJANJIAN_KERJA_SAMA: "pks",
    AgreementKind.ADENDUM: "adendum",
}
"""Short prefixes of agreement ids by kind (``mou-1``, ``pks-2``)."""


_ROMAN_MONTHS: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


_PLACES: Final = ("Jakarta", "Bandung", "Surabaya", "Makassar", "Ambon", "Medan", "Denpasar")


_SCOPES: Final = (
    "penyusunan kajian kebijakan bersama",
    "penyelenggaraan pelatihan dasar CPNS dan pelatihan kepemimpinan",
    "pendampingan inovasi pelayanan publik",
    "pertukaran data dan informasi",
    "beasiswa pendidikan tinggi bagi aparatur",
)


def draw_document_number(draw: st.DrawFn, agency: Agency, signed: _dt.date) -> str:
    """A party's number of an agreement: ``"119/LAN/MoU/III/2017"``."""
    acronym = slug(agency.acronym or agency.id).upper().replace("-", "")
    n = draw(st.integers(1, 999))
    return f"{n}/{acronym}/MoU/{_ROMAN_MONTHS[signed.month - 1]}/{signed.year}"


def draw_areas(
    draw: st.DrawFn, exclude: frozenset[CooperationArea] = frozenset()
) -> tuple[CooperationArea, ...]:
    """Zero to three distinct areas of cooperation, none of ``exclude``."""
    choices = [a for a in CooperationArea if a not in exclude]
    if not choices:
        return ()
    picked = draw(st.lists(st.sampled_from(choices), max_size=3, unique=True))
    return tuple(picked)


def _join(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " dan ".join(names)
    return ", ".join(names[:-1]) + ", dan " + names[-1]


def agreement_title(
    kind: AgreementKind, names: Sequence[str], areas: Sequence[CooperationArea]
) -> str:
    """``"Nota Kesepahaman antara A dan B tentang Kerja Sama Bidang Kajian Kebijakan"``."""
    topic = _join([a.label for a in areas if a is not CooperationArea.OTHER]) or "Pembangunan"
    return f"{kind.label} antara {_join(names)} tentang Kerja Sama Bidang {topic}"


@st.composite
def _parties(draw: st.DrawFn, agency_strategy: st.SearchStrategy[Agency]) -> Party:
    agency = draw(agency_strategy)
    signatory = draw(any_person_id()) if draw(st.booleans()) else None
    number = None
    if draw(st.booleans()):
        number = draw_document_number(
            draw, agency, day(draw(st.integers(EARLIEST_OFFICE, today_ordinal())))
        )
    return Party(agency_id=agency.id, signatory_id=signatory, document_number=number)


def parties(*, agencies: st.SearchStrategy[Agency] | None = None) -> st.SearchStrategy[Party]:
    """Pihak (Parties to an agreement: an agency, maybe its signatory and number).

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    return _parties(agencies if agencies is not None else default_agencies())


_FRAMEWORK_KINDS: Final = (
    AgreementKind.NOTA_KESEPAHAMAN,
    AgreementKind.KESEPAKATAN_BERSAMA,
    AgreementKind.PERJANJIAN_KERJA_SAMA,
    AgreementKind.ADENDUM,
)


@st.composite
def _agreements(draw: st.DrawFn, agency_strategy: st.SearchStrategy[Agency]) -> Agreement:
    members = draw(st.lists(agency_strategy, min_size=2, max_size=4, unique_by=lambda a: a.id))
    kind = draw(st.sampled_from(_FRAMEWORK_KINDS))
    lo, hi = EARLIEST_OFFICE, today_ordinal()
    for a in members:
        window = agency_window(a)
        if window is not None:
            lo, hi = max(lo, window[0]), min(hi, window[1])
    if lo > hi:
        lo, hi = EARLIEST_OFFICE, today_ordinal()
    signed = draw_partial(draw, lo, hi)
    areas = draw_areas(draw)
    party_list = []
    for a in members:
        signatory = draw(any_person_id()) if draw(st.booleans()) else None
        number = None
        if draw(st.booleans()):
            number = draw_document_number(draw, a, signed.latest)
        party_list.append(Party(agency_id=a.id, signatory_id=signatory, document_number=number))
    effective = Period(start=signed)
    if draw(st.booleans()):
        years = draw(st.integers(1, 5))
        end = add_years(signed.latest, years) - _dt.timedelta(days=1)
        effective = Period(start=signed, end=PartialDate.from_date(end))
    parent_id = None
    if kind in (AgreementKind.PERJANJIAN_KERJA_SAMA, AgreementKind.ADENDUM) and draw(st.booleans()):
        parent_id = f"mou-{members[0].id}-{signed.year - draw(st.integers(0, 3))}"
    return Agreement(
        id=f"{KIND_IDS[kind]}-{'-'.join(a.id for a in members[:2])}-{signed.year}",
        kind=kind,
        title=agreement_title(kind, [a.name for a in members], areas),
        parties=tuple(party_list),
        signed_on=signed,
        place=draw(st.sampled_from(_PLACES)) if draw(st.booleans()) else None,
        effective=effective,
        areas=areas,
        scope=draw(st.sampled_from(_SCOPES)) if draw(st.booleans()) else None,
        parent_id=parent_id,
        event_id=None,
    )


def agreements(
    *, agencies: st.SearchStrategy[Agency] | None = None
) -> st.SearchStrategy[Agreement]:
    """Naskah kerja sama (Agreements between two to four distinct agencies).

    MoU, kesepakatan bersama, PKS or adendum between agencies drawn from ``agencies``
    (default :func:`agencies`), signed on a day (or month, or year) on which all of
    them existed, in force from the signing for one to five years or open, on zero
    to three areas of cooperation, with a title naming the parties. Signatories are
    person ids that need not exist (use :func:`datasets` for agreements signed by the
    heads in office). Shrinks towards a two-party MoU with no signatories.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    return _agreements(agencies if agencies is not None else default_agencies())
