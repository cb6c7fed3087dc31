"""Private building blocks of the entity classes: converters and validators.

Validators are small callable classes behind factories (the attrs pattern); each
raises an adminnet error attributed to its field (see :mod:`adminnet._validators`),
so a failing construction inside cattrs reports ``$.persons[3].nip`` rather than
``$.persons[3]``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar, overload

import attrs

from adminnet._enum import LabeledEnum, find, refusal
from adminnet._validators import attach_note, field_name, raise_for_field, short
from adminnet.errors import InvalidComponent, InvalidFormat, ValidationError
from adminnet.ids import region_code as _region_code
from adminnet.time import PartialDate

__all__ = [
    "ID_PATTERN",
    "as_tuple",
    "check_id",
    "check_ids",
    "check_optional_id",
    "check_optional_text",
    "check_region_code_form",
    "check_text",
    "clean_text",
    "enum_converter",
    "ids_tuple",
    "instance_of",
    "optional_id_field",
    "optional_partial_date",
    "optional_region_code",
    "optional_region_code_field",
    "optional_text",
    "optional_text_field",
    "partial_date",
    "tuple_of",
]

ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:[-_.:][a-z0-9]+)*\Z")
"""Entity ids are lower-case slugs: ``lan``, ``papilaya-pj-ambon``, ``pemkot-8171``."""

_SPACES: Final = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def clean_text(value: str) -> str:
    """Converter: NFC-normalise a string, trim it and collapse inner whitespace.

    Typed ``str -> str``, so that a type checker refuses ``name=123`` at the call;
    at run time a non-string passes through unchanged so that the validator reports it.
    """
    raw: object = value
    if not isinstance(raw, str):
        return value
    return _SPACES.sub(" ", unicodedata.normalize("NFC", raw)).strip()


@overload
def optional_text(value: None) -> None: ...
@overload
def optional_text(value: str) -> str: ...
def optional_text(value: str | None) -> str | None:
    """Converter: like :func:`clean_text`; ``None`` stays ``None``."""
    return None if value is None else clean_text(value)


@functools.cache
def _members(cls: type[enum.Enum]) -> Callable[[object], object]:
    members: dict[object, object] = {m.value: m for m in cls}

    def convert(value: object) -> object:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            found = members.get(value)
            if found is None and issubclass(cls, LabeledEnum):
                found = find(cls, value)  # "Plt.", "MoU": a printed label
            return value if found is None else found
        return value

    return convert


def enum_converter(cls: type[E]) -> Callable[[str | E], E]:
    """Converter: a member's value (``"kementerian"``) becomes the member.

    So does, for a :class:`~adminnet._enum.LabeledEnum`, its label or an abbreviation
    as printed (``"Plt."``, ``"MoU"``). Anything else passes through for the validator to report
    (the ``E`` in the return type is what a type checker sees; the validator makes it
    true). attrs and the type checkers need a named function as ``converter=``, so each
    field wraps this in a small typed one, ``def _to_kind(value: str | Kind) -> Kind``.
    """
    return _members(cls)  # type: ignore[return-value]


def ids_tuple(value: Sequence[str]) -> tuple[str, ...]:
    """Converter: a list (any sequence but a string) of ids becomes a tuple."""
    return as_tuple(value)


def as_tuple(value: Sequence[T]) -> tuple[T, ...]:
    """A list (any sequence but a string) becomes a tuple; other values pass through.

    The body of the typed tuple converters: ``def _parties(value: Sequence[Party]) ->
    tuple[Party, ...]: return as_tuple(value)``. A string or a non-sequence passes
    through unchanged for the ``tuple_of`` validator to report.
    """
    raw: object = value
    if isinstance(raw, tuple) or not isinstance(raw, Sequence) or isinstance(raw, str | bytes):
        return value  # type: ignore[return-value]
    return tuple(value)


def partial_date(value: str | _dt.date | PartialDate) -> PartialDate:
    """Converter: an ISO string (``"2016"``, ``"2016-08"``) or a date becomes a PartialDate.

    A datetime, a malformed string or any other value passes through for the validator
    to report with the field's path.
    """
    raw: object = value
    if isinstance(raw, str):
        try:
            return PartialDate.parse(raw)
        except ValidationError:
            return value  # type: ignore[return-value]  # the validator reports it
    if isinstance(raw, _dt.date) and not isinstance(raw, _dt.datetime):
        return PartialDate(year=raw.year, month=raw.month, day=raw.day)
    return value  # type: ignore[return-value]  # the validator reports it


@overload
def optional_partial_date(value: None) -> None: ...
@overload
def optional_partial_date(value: str | _dt.date | PartialDate) -> PartialDate: ...
def optional_partial_date(value: str | _dt.date | PartialDate | None) -> PartialDate | None:
    """Converter: like :func:`partial_date`; ``None`` stays ``None``."""
    return None if value is None else partial_date(value)


def _type_name(tp: type | tuple[type, ...]) -> str:
    if isinstance(tp, tuple):
        return " or ".join(t.__name__ for t in tp)
    return tp.__name__


def _not_instance(field: str, tp: type | tuple[type, ...], value: object) -> InvalidFormat:
    """The ``type.invalid`` error of ``field``: ``value`` is not a ``tp``."""
    params = {
        "field": field,
        "expected": _type_name(tp),
        "type": type(value).__name__,
        "value": short(value, 60),
    }
    return InvalidFormat(code="type.invalid", params=params)


@attrs.frozen(repr=False)
class _InstanceOf:
    type: type | tuple[type, ...]
    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if (
            isinstance(value, str)
            and isinstance(self.type, type)
            and issubclass(self.type, enum.Enum)
            and not isinstance(value, self.type)
            and (not issubclass(self.type, LabeledEnum) or find(self.type, value) is None)
        ):
            raise_for_field(refusal(self.type, value), instance, attribute)  # names the allowed
        if isinstance(value, bool) and bool not in _as_tuple(self.type):
            bad = True
        else:
            bad = not isinstance(value, self.type)
        if bad:
            field = field_name(instance, attribute)
            raise_for_field(_not_instance(field, self.type, value), instance, attribute)


def _as_tuple(tp: type | tuple[type, ...]) -> tuple[type, ...]:
    return tp if isinstance(tp, tuple) else (tp,)


def instance_of(tp: type | tuple[type, ...], *, optional: bool = False) -> Validator:
    """Validator: the value is an instance of ``tp`` (``bool`` is never an ``int``)."""
    return _InstanceOf(tp, optional)


@attrs.frozen(repr=False)
class _TupleOf:
    type: type | tuple[type, ...]

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            params = {"field": field_name(instance, attribute), "type": type(value).__name__}
            exc = InvalidFormat(code="type.invalid", variant="tuple", params=params)
            raise_for_field(exc, instance, attribute)
        for i, item in enumerate(value):
            if not isinstance(item, self.type) or (
                isinstance(item, bool) and bool not in _as_tuple(self.type)
            ):
                field = f"{field_name(instance, attribute)}[{i}]"
                raise_for_field(_not_instance(field, self.type, item), instance, attribute)


def tuple_of(tp: type | tuple[type, ...]) -> Validator:
    """Validator: the value is a tuple whose items are all instances of ``tp``."""
    return _TupleOf(tp)


def _check_one_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or ID_PATTERN.match(value) is None:
        params = {"field": field_name(instance, attribute), "value": short(value, 60)}
        raise_for_field(InvalidFormat(code="id.invalid", params=params), instance, attribute)


def check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a non-empty slug id (``lan``, ``pemkot-8171``)."""
    _check_one_id(instance, attribute, value)


def check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``None`` or a slug id."""
    if value is not None:
        _check_one_id(instance, attribute, value)


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a tuple of distinct slug ids."""
    tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)  # for mypy; checked above
    for item in value:
        _check_one_id(instance, attribute, item)
    if len(set(value)) != len(value):
        dupes = sorted({v for v in value if value.count(v) > 1})
        params = {"field": field_name(instance, attribute), "value": ", ".join(dupes)}
        raise_for_field(InvalidComponent(code="id.duplicate", params=params), instance, attribute)


def check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a non-empty string (after :func:`clean_text`)."""
    if not isinstance(value, str):
        exc = _not_instance(field_name(instance, attribute), str, value)
        raise_for_field(exc, instance, attribute)
    if not value:
        exc = InvalidFormat(code="text.empty", params={"field": field_name(instance, attribute)})
        raise_for_field(exc, instance, attribute)


def check_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``None`` or a non-empty string."""
    if value is not None:
        check_text(instance, attribute, value)


def optional_id_field() -> str | None:
    """Field: an optional reference to another entity, ``None`` by default (a slug id)."""
    field: str | None = attrs.field(default=None, validator=check_optional_id)
    return field


def optional_text_field() -> str | None:
    """Field: optional free text, ``None`` by default, cleaned (:func:`optional_text`).

    The declaration every ``str | None`` text field shares (``basis``, ``source``...).
    """
    field: str | None = attrs.field(
        default=None, converter=optional_text, validator=check_optional_text
    )
    return field


@overload
def optional_region_code(value: None) -> None: ...
@overload
def optional_region_code(value: str) -> str: ...
def optional_region_code(value: str | None) -> str | None:
    """Converter: a well-formed region code (dotted or compact) is stored dotted.

    Anything else passes through for the field's validator to report.
    """
    if isinstance(value, str) and _region_code.is_valid(value):
        return _region_code.format(value)
    return value


def check_region_code_form(
    instance: object, attribute: attrs.Attribute[Any], value: object, variant: str
) -> str | None:
    """Validator step: ``value`` is a well-formed region code or ``None``; returns it.

    ``variant`` is the wording of ``region_code.invalid_format`` for the entity.
    """
    if value is None or (isinstance(value, str) and _region_code.is_valid(value)):
        return value
    params = {"value": short(value, 40)}
    exc = InvalidFormat(code="region_code.invalid_format", variant=variant, params=params)
    attach_note(exc, instance, attribute)
    raise exc


def optional_region_code_field(validator: Validator) -> str | None:
    """Field: an optional region code, ``None`` by default, normalised to the dotted form.

    ``validator`` is the entity's own check (it starts with :func:`check_region_code_form`).
    """
    field: str | None = attrs.field(
        default=None, converter=optional_region_code, validator=validator
    )
    return field
