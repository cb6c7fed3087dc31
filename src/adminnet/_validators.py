"""Private helpers shared by the model's attrs validators.

A validator that fails raises an adminnet error carrying a
:class:`cattrs.AttributeValidationNote`, so that cattrs (and so
:mod:`adminnet.serialization`) reports the failing *field* path, not just the object.
"""

from __future__ import annotations

import reprlib
from typing import Any, NoReturn

import attrs

from adminnet.errors import (
    AdminnetError,
    InconsistentData,
    InvalidComponent,
    InvalidFormat,
    attach_note,
)

__all__ = [
    "OneOf",
    "UnitInterval",
    "attach_note",
    "disagrees",
    "field_name",
    "raise_for_field",
    "short",
    "wrong_type",
]


def raise_for_field(
    exc: AdminnetError, instance: object, attribute: attrs.Attribute[Any]
) -> NoReturn:
    """Raise ``exc`` attributed to ``attribute`` of ``instance``."""
    attach_note(exc, instance, attribute)
    raise exc


def field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """How a message names a field: ``Class.attribute`` (``"Person.nip"``)."""
    return f"{type(instance).__name__}.{attribute.name}"


def disagrees(code: str, value: object, **other: object) -> InconsistentData:
    """The error of a field that disagrees with another: ``value`` and ``other`` as text.

    ``disagrees("target.due_before_baseline", due, baseline=on)``: the other field's
    value under its name, both through ``str``.
    """
    params = {"value": str(value), **{name: str(v) for name, v in other.items()}}
    return InconsistentData(code=code, params=params)


def wrong_type(value: object, code: str, variant: str | None = None) -> InvalidFormat:
    """The error for a value of the wrong Python type: ``code``, with its ``type`` named."""
    return InvalidFormat(code=code, variant=variant, params={"type": type(value).__name__})


_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlevel = 2
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4


def short(value: object, limit: int = 60) -> str:
    """A bounded repr for messages: never builds the repr of a huge or deep value."""
    try:
        text = _SHORT.repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


@attrs.frozen
class OneOf:
    """Validator: the value is one of ``values`` (else InvalidComponent ``code``)."""

    values: frozenset[str]
    code: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse a value that is not one of :attr:`values`."""
        if not (isinstance(value, str) and value in self.values):
            params = {
                "field": attribute.name,
                "known": ", ".join(sorted(self.values)),
                "value": short(value, 30),
            }
            raise InvalidComponent(code=self.code, params=params)


@attrs.frozen
class UnitInterval:
    """Validator: a number within 0..1, such as a match score (else ``code``)."""

    code: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse anything but an int or float within 0..1 (a bool is no score)."""
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            params = {"field": attribute.name, "value": short(value, 30)}
            raise InvalidComponent(code=self.code, params=params)
