"""Strategies for persons and their ids (the NIP agreeing with birth date and gender)."""

from __future__ import annotations

import datetime as _dt

import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from adminnet.errors import ValidationError
from adminnet.ids._gender import Gender
from adminnet.ids.nip import NipKind
from adminnet.model.person import Person
from adminnet.strategies._common import (
    as_pendulum,
    check_strategy,
    draw_birth,
    or_default,
    slug,
)
from adminnet.strategies._ids import nip_for
from adminnet.strategies._names import draw_name
from adminnet.text.names import PersonName, parse_name

__all__ = ["any_person_id", "person_ids", "persons"]


@st.composite
def any_person_id(draw: st.DrawFn) -> str:
    """ID orang (the slug of a drawn name, for parameters named ``person_ids``)."""
    name = draw_name(draw, draw(st.sampled_from(list(Gender))))
    return slug(name.given)


def person_ids() -> st.SearchStrategy[str]:
    """Slug ids of persons, as made from their names: ``"frans-j-papilaya"``."""
    return any_person_id()


@st.composite
def _persons(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None,
    names: st.SearchStrategy[PersonName | str] | None,
    genders: st.SearchStrategy[Gender],
    birth_dates: st.SearchStrategy[_dt.date] | None,
    with_nip: st.SearchStrategy[bool],
    with_birth_date: st.SearchStrategy[bool],
    with_gender: st.SearchStrategy[bool],
) -> Person:
    gender = draw(genders)
    name = draw_name(draw, gender) if names is None else draw(names)
    if birth_dates is None:
        birth = draw_birth(draw)
    else:
        birth = as_pendulum(draw(birth_dates), "birth_dates")
    nip = None
    if draw(with_nip):
        kind = draw(st.sampled_from((NipKind.PNS, NipKind.PPPK)))
        nip = nip_for(draw, kind, birth, gender)
        if nip is None and kind is NipKind.PPPK:  # too old for PPPK since 2014: a PNS
            nip = nip_for(draw, NipKind.PNS, birth, gender)
    try:
        if not isinstance(name, PersonName):
            name = parse_name(name)
    except ValidationError as exc:
        msg = f"the names strategy drew {name!r:.60}, not a name ({exc.message})"
        raise InvalidArgument(msg) from None
    return Person(
        id=draw(ids) if ids is not None else slug(name.given),
        name=name,
        nip=nip,
        birth_date=birth if draw(with_birth_date) else None,
        gender=gender if draw(with_gender) else None,
    )


def persons(
    *,
    ids: st.SearchStrategy[str] | None = None,
    names: st.SearchStrategy[PersonName | str] | None = None,
    genders: st.SearchStrategy[Gender] | None = None,
    birth_dates: st.SearchStrategy[_dt.date] | None = None,
    with_nip: st.SearchStrategy[bool] | None = None,
    with_birth_date: st.SearchStrategy[bool] | None = None,
    with_gender: st.SearchStrategy[bool] | None = None,
) -> st.SearchStrategy[Person]:
    """Orang (Persons whose NIP, birth date and gender agree).

    The gender comes from ``genders``, the name from ``names`` (PersonName or text;
    default :func:`person_names` fitting the gender: ``Hj.`` for a woman), the birth
    date from ``birth_dates`` (default 1945 to 20 years ago, the years about equally
    likely). ``with_nip`` (default ``st.booleans()``) decides whether the person has
    a PNS NIP or NI PPPK, which then encodes the same birth date and gender and an
    appointment within the ASN age limits, not after today (see :func:`nips`; a
    birth date that admits none gives no NIP);
    ``with_birth_date`` and ``with_gender`` whether those fields are recorded. The id
    is the slug of the name (``"frans-j-papilaya"``) unless ``ids`` is given. Shrinks
    towards ``Person(id="budi", name="Budi")``.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    for value, label in (
        (ids, "ids"),
        (names, "names"),
        (genders, "genders"),
        (birth_dates, "birth_dates"),
        (with_nip, "with_nip"),
        (with_birth_date, "with_birth_date"),
        (with_gender, "with_gender"),
    ):
        check_strategy(value, label)
    return _persons(
        ids,
        names,
        or_default(genders, st.sampled_from(list(Gender))),
        birth_dates,
        or_default(with_nip, st.booleans()),
        or_default(with_birth_date, st.booleans()),
        or_default(with_gender, st.booleans()),
    )
