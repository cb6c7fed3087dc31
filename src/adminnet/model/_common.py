"""Private building blocks of the entity classes: converters and validators.

Validators are small callable classes behind factories (the attrs pattern); each
raises an adminnet error attributed to its field (see :mod:`adminnet._validators`),
so a failing construction inside cattrs reports ``$.persons[3].nip`` rather than
``$.persons[3]``.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from adminnet._validators import raise_for_field, short
from adminnet.errors import InvalidComponent, InvalidFormat

__all__ = [
    "ID_PATTERN",
    "check_id",
    "check_ids",
    "check_optional_id",
    "check_optional_text",
    "check_text",
    "clean_text",
    "enum_converter",
    "ids_tuple",
    "instance_of",
    "optional_text",
    "tuple_of",
]

ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:[-_.:][a-z0-9]+)*\Z")
"""Entity ids are lower-case slugs: ``lan``, ``papilaya-pj-ambon``, ``pemkot-8171``."""

_SPACES: Final = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def clean_text(value: object) -> object:
    """Converter: NFC-normalise a string, trim it and collapse inner whitespace.

    Non-strings pass through unchanged so that the validator reports them.
    """
    if not isinstance(value, str):
        return value
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def optional_text(value: object) -> object:
    """Converter: like :func:`clean_text`; ``None`` stays ``None``."""
    return None if value is None else clean_text(value)


@functools.cache
def enum_converter(cls: type[enum.Enum]) -> Callable[[object], object]:
    """Converter: a member's value (``"kementerian"``) becomes the member.

    Anything that is not a value of ``cls`` passes through for the validator to report.
    """
    members: dict[object, object] = {m.value: m for m in cls}

    def convert(value: object) -> object:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            return members.get(value, value)
        return value

    return convert


def ids_tuple(value: object) -> object:
    """Converter: a list of ids becomes a tuple (other values pass through)."""
    if isinstance(value, list):
        return tuple(value)
    return value


def _type_name(tp: type | tuple[type, ...]) -> str:
    if isinstance(tp, tuple):
        return " or ".join(t.__name__ for t in tp)
    return tp.__name__


@attrs.frozen(repr=False)
class _InstanceOf:
    type: type | tuple[type, ...]
    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if isinstance(value, bool) and bool not in _as_tuple(self.type):
            bad = True
        else:
            bad = not isinstance(value, self.type)
        if bad:
            cls = type(instance).__name__
            raise_for_field(
                InvalidFormat(
                    code="type.invalid",
                    params={
                        "field": f"{cls}.{attribute.name}",
                        "expected": _type_name(self.type),
                        "type": type(value).__name__,
                        "value": short(value, 60),
                    },
                ),
                instance,
                attribute,
            )


def _as_tuple(tp: type | tuple[type, ...]) -> tuple[type, ...]:
    return tp if isinstance(tp, tuple) else (tp,)


def instance_of(tp: type | tuple[type, ...], *, optional: bool = False) -> Validator:
    """Validator: the value is an instance of ``tp`` (``bool`` is never an ``int``)."""
    return _InstanceOf(tp, optional)


@attrs.frozen(repr=False)
class _TupleOf:
    type: type | tuple[type, ...]

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        cls = type(instance).__name__
        if not isinstance(value, tuple):
            raise_for_field(
                InvalidFormat(
                    code="type.invalid",
                    variant="tuple",
                    params={"field": f"{cls}.{attribute.name}", "type": type(value).__name__},
                ),
                instance,
                attribute,
            )
        for i, item in enumerate(value):
            if not isinstance(item, self.type) or (
                isinstance(item, bool) and bool not in _as_tuple(self.type)
            ):
                raise_for_field(
                    InvalidFormat(
                        code="type.invalid",
                        params={
                            "field": f"{cls}.{attribute.name}[{i}]",
                            "expected": _type_name(self.type),
                            "type": type(item).__name__,
                            "value": short(item, 60),
                        },
                    ),
                    instance,
                    attribute,
                )


def tuple_of(tp: type | tuple[type, ...]) -> Validator:
    """Validator: the value is a tuple whose items are all instances of ``tp``."""
    return _TupleOf(tp)


def _check_one_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or ID_PATTERN.match(value) is None:
        cls = type(instance).__name__
        raise_for_field(
            InvalidFormat(
                code="id.invalid",
                params={"field": f"{cls}.{attribute.name}", "value": short(value, 60)},
            ),
            instance,
            attribute,
        )


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
        cls = type(instance).__name__
        dupes = sorted({v for v in value if value.count(v) > 1})
        raise_for_field(
            InvalidComponent(
                code="id.duplicate",
                params={"field": f"{cls}.{attribute.name}", "value": ", ".join(dupes)},
            ),
            instance,
            attribute,
        )


def check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a non-empty string (after :func:`clean_text`)."""
    cls = type(instance).__name__
    if not isinstance(value, str):
        raise_for_field(
            InvalidFormat(
                code="type.invalid",
                params={
                    "field": f"{cls}.{attribute.name}",
                    "expected": "str",
                    "type": type(value).__name__,
                    "value": short(value, 60),
                },
            ),
            instance,
            attribute,
        )
    if not value:
        raise_for_field(
            InvalidFormat(code="text.empty", params={"field": f"{cls}.{attribute.name}"}),
            instance,
            attribute,
        )


def check_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``None`` or a non-empty string."""
    if value is not None:
        check_text(instance, attribute, value)
