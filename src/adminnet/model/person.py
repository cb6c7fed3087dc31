"""Orang (persons: officials and civil servants, with NIP, gender and birth date)."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from adminnet._validators import raise_for_field
from adminnet.errors import InvalidFormat, ValidationError
from adminnet.ids import nip as _nip
from adminnet.ids._gender import Gender
from adminnet.model._common import check_id, enum_converter, instance_of
from adminnet.text import names as _names
from adminnet.text.names import PersonName

__all__ = ["Gender", "Person", "PersonName"]


def _name_converter(value: object) -> object:
    """A string name is parsed (gelar split off); a PersonName passes through."""
    if isinstance(value, str):
        try:
            return _names.parse_name(value)
        except ValidationError:
            return value  # the validator reports it with the field's path
    return value


def _check_name(instance: Person, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, PersonName):
        return
    if isinstance(value, str):
        try:
            _names.parse_name(value)
        except ValidationError as exc:
            raise_for_field(exc.rewrap(), instance, attribute)
    raise_for_field(
        InvalidFormat(
            code="type.invalid", variant="person_name", params={"type": type(value).__name__}
        ),
        instance,
        attribute,
    )


def _nip_converter(value: object) -> object:
    """Compact a NIP string (spaces and dots removed); other values pass through."""
    if isinstance(value, str):
        try:
            return _nip.compact(value)
        except ValidationError:
            return value
    return value


def _check_nip(instance: Person, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise_for_field(
            InvalidFormat(
                code="type.invalid", variant="person_nip", params={"type": type(value).__name__}
            ),
            instance,
            attribute,
        )
    try:
        _nip.validate(value)
    except ValidationError as exc:
        raise_for_field(exc.rewrap(), instance, attribute)


def _check_birth_date(instance: Person, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(pendulum.Date, optional=True)(instance, attribute, value)
    if isinstance(value, pendulum.DateTime):
        raise_for_field(
            InvalidFormat(code="type.invalid", variant="datetime", params={"value": str(value)}),
            instance,
            attribute,
        )


def _date_converter(value: object) -> object:
    """A stdlib date or an ISO string becomes a pendulum.Date; others pass through."""
    if isinstance(value, pendulum.Date) or value is None:
        return value
    from adminnet.time import as_date

    try:
        return as_date(value)  # type: ignore[arg-type]
    except ValidationError:
        return value


def _check_nip_agreement(instance: Person, attribute: attrs.Attribute[Any], value: object) -> None:
    """The NIP encodes this ``birth_date`` or ``gender`` (:func:`adminnet.ids.nip.check_person`).

    One validator, attached to both fields so that a disagreement is reported at the
    field that disagrees (validators run once every field is set).
    """
    number = instance.nip
    if number is None or value is None:
        return
    try:
        if attribute.name == "gender":
            _nip.check_person(number, gender=value)  # type: ignore[arg-type]
        else:
            _nip.check_person(number, birth_date=value)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise_for_field(exc.rewrap(), instance, attribute)


_gender_member = enum_converter(Gender)


def _to_gender(value: object) -> object:
    """Converter: the value string of a Gender becomes the member."""
    return _gender_member(value)


@attrs.frozen(kw_only=True)
class Person:
    """Orang (a person: an official, a civil servant, a signatory).

    The name is a :class:`~adminnet.text.names.PersonName`; a string is parsed, so
    ``name="Ir.Frans J.Papilaya,M.Si."`` is stored as the formal
    ``Ir. Frans J. Papilaya, M.Si.``. When a NIP is given, the birth date and gender
    it encodes must agree with the ``birth_date`` and ``gender`` fields (either may be
    left ``None``).

    >>> p = Person(id="papilaya", name="Ir.Frans J.Papilaya,M.Si.")
    >>> str(p.name)
    'Ir. Frans J. Papilaya, M.Si.'

    Attributes:
        id: Slug id, unique among the persons of a dataset.
        name: Name with gelar.
        nip: 18-digit NIP / NI PPPK, or the legacy 9-digit NIP, compact; optional.
        gender: Jenis kelamin; optional.
        birth_date: Tanggal lahir; optional.
    """

    id: str = attrs.field(validator=check_id)
    name: PersonName = attrs.field(converter=_name_converter, validator=_check_name)
    nip: str | None = attrs.field(default=None, converter=_nip_converter, validator=_check_nip)
    birth_date: pendulum.Date | None = attrs.field(
        default=None,
        converter=_date_converter,
        validator=[_check_birth_date, _check_nip_agreement],
    )
    gender: Gender | None = attrs.field(
        default=None,
        converter=_to_gender,
        validator=[instance_of(Gender, optional=True), _check_nip_agreement],
    )

    @property
    def nip_record(self) -> _nip.Nip | None:
        """The parsed NIP (kind, birth date, appointment, gender, serial), if any."""
        return None if self.nip is None else _nip.parse(self.nip)
