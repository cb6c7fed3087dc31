"""Skema JSON (JSON Schema, draft 2020-12, of the adminnet wire format).

:func:`json_schema` describes exactly the documents :mod:`adminnet.serialization`
writes, and refuses what the converter refuses *by shape*: unknown and missing keys,
wrong JSON types, enum values, the formats of ids, dates, partial dates, date-times,
region codes and decimals. Rules that need computation (a NIP's calendar date, a period
whose end is before its start, an indicator value off its scale) are the converter's
alone, so the schema accepts a superset of the valid documents. One shape JSON Schema
cannot tell apart: a decimal written ``3.0`` is an "integer" to it, while the converter
refuses every JSON fraction (``number.float``: a binary float may have lost digits).

>>> from adminnet.model.person import Person
>>> schema = json_schema(Person)
>>> schema["$ref"], sorted(schema["$defs"])
('#/$defs/Person', ['Gender', 'Person', 'PersonName'])
>>> schema["$defs"]["Person"]["required"]
['id', 'name']
>>> [alt.get("type") for alt in schema["$defs"]["PersonName"]["anyOf"]]
['string', 'object']
"""

from __future__ import annotations

import collections.abc
import enum
import inspect
import types
import typing
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from adminnet.model import _common
from adminnet.model.agency import Agency
from adminnet.model.dataset import Dataset
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.region import Region, RegionName
from adminnet.serialization import FORMAT_VERSION
from adminnet.text.names import PersonName
from adminnet.time import PartialDate

__all__ = ["DIALECT", "json_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema :func:`json_schema` returns."""

ID_PATTERN: Final = r"^[a-z0-9]+(?:[-_.:][a-z0-9]+)*$"
TEXT_PATTERN: Final = r"[^\s\u200b\u200c\u200d\u2060\ufeff]"
# Dotted ("81.71.01") or compact ("817101"), never a mix ("81.7101"), as the converter.
REGION_PATTERN: Final = (
    r"^[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?"
    r"|[0-9]{2}(?:[0-9]{2}(?:[0-9]{4})?)?)?$"
)
NIP_PATTERN: Final = r"^[0-9 .\u00a0\u2009\u202f-]*[0-9][0-9 .\u00a0\u2009\u202f-]*$"
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN: Final = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)$"
)
PARTIAL_DATE_PATTERN: Final = (
    r"^(?!0000)[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"
)
DECIMAL_PATTERN: Final = r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$"
VERSION_PATTERN: Final = r"^1\.(?:0|[1-9][0-9]{0,5})$"

# String fields whose validator is not one of the generic ones of adminnet.model._common.
_IDS: Final = {(Agency, "parent_id")}
_ID_LISTS: Final = {(Agency, "successor_ids")}
_REGIONS: Final = {(Agency, "region_code"), (Event, "region_code"), (Region, "code")}
_REGION_LISTS: Final = {(Region, "successors")}
_PLAIN: Final = {(RegionName, "basis")}
_TEXT_CONVERTERS: Final = (_common.clean_text, _common.optional_text)


def _id() -> dict[str, Any]:
    return {"type": "string", "pattern": ID_PATTERN}


def _text() -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}


def _region() -> dict[str, Any]:
    return {"type": "string", "pattern": REGION_PATTERN}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _array(items: dict[str, Any], *, unique: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array", "items": items}
    if unique:
        out["uniqueItems"] = True
    return out


def _optional_arg(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is not typing.Union and origin is not types.UnionType:
        return None
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return args[0] if len(args) == 1 else None


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or cls.__name__
    return doc.split("\n", 1)[0].rstrip(".")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: stops recursion
            self.defs[name] = self._define(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _define(self, cls: type) -> dict[str, Any]:
        if cls is PartialDate:
            return {
                "title": "PartialDate",
                "description": _summary(cls) + ": ISO 8601 YYYY, YYYY-MM or YYYY-MM-DD",
                "type": "string",
                "pattern": PARTIAL_DATE_PATTERN,
            }
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return {
                "title": cls.__name__,
                "description": _summary(cls),
                "type": "string",
                "enum": [m.value for m in cls],
            }
        fields = [a for a in attrs.fields(typing.cast(Any, cls)) if a.init]
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls is Dataset:
            properties["format_version"] = {
                "description": f"Document format MAJOR.MINOR; this library writes {FORMAT_VERSION}",
                "type": "string",
                "pattern": VERSION_PATTERN,
            }
            required.append("format_version")
        hints = typing.get_type_hints(cls)
        for a in fields:
            properties[a.name] = self.field(cls, a, hints[a.name])
            if a.default is attrs.NOTHING:
                required.append(a.name)
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        if issubclass(cls, PersonName):  # also read from a string, parsed with parse_name
            return {
                "title": schema.pop("title"),
                "description": schema.pop("description") + "; an object, or a string to parse",
                "anyOf": [_text(), schema],
            }
        return schema

    def field(self, cls: type, a: attrs.Attribute[Any], tp: Any) -> dict[str, Any]:
        key = (cls, a.name)
        inner = _optional_arg(tp)
        if inner is not None:
            return _nullable(self.field(cls, a, inner))
        if cls is Person and a.name == "nip":
            return {"type": "string", "pattern": NIP_PATTERN}
        if tp is str:
            return self._string(cls, a, key)
        if typing.get_origin(tp) is tuple and Ellipsis not in typing.get_args(tp):
            return self.type(tp)
        if typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            if item is str:
                if a.validator is _common.check_ids or key in _ID_LISTS:
                    return _array(_id(), unique=True)
                if key in _REGION_LISTS:
                    return _array(_region(), unique=True)
                if issubclass(cls, PersonName):
                    return _array(_text())
                msg = f"no schema rule for {cls.__name__}.{a.name}"
                raise TypeError(msg)
            schema = _array(self.type(item))
            if isinstance(item, type) and issubclass(item, enum.Enum):
                schema["uniqueItems"] = True
            if a.name == "parties":
                schema["minItems"] = 2
            return schema
        return self.type(tp)

    def _string(self, cls: type, a: attrs.Attribute[Any], key: tuple[type, str]) -> dict[str, Any]:
        if a.validator in (_common.check_id, _common.check_optional_id) or key in _IDS:
            return _id()
        if key in _REGIONS:
            return _region()
        converter: Any = a.converter
        if converter in _TEXT_CONVERTERS or issubclass(cls, PersonName):
            return _text()  # every text of a name (given, rank, honorific...) is trimmed text
        if key in _PLAIN or (a.converter is None and a.validator is None):
            return {"type": "string"}
        msg = f"no schema rule for {cls.__name__}.{a.name}"
        raise TypeError(msg)

    def type(self, tp: Any) -> dict[str, Any]:
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is str:
            return {"type": "string"}
        if tp is type(None):
            return {"type": "null"}
        if tp is Decimal:
            return {
                "description": "A decimal number, written as a string ('2.79'); a JSON"
                " integer is read too, a JSON fraction (2.79, also 3.0) is refused",
                "type": ["string", "integer"],
                "pattern": DECIMAL_PATTERN,
            }
        if tp is pendulum.DateTime:
            return {
                "description": "RFC 3339 date-time with a UTC offset",
                "type": "string",
                "format": "date-time",
                "pattern": DATETIME_PATTERN,
            }
        if tp is pendulum.Date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        args = typing.get_args(tp)
        if typing.get_origin(tp) is collections.abc.Mapping and args and args[0] is str:
            values = typing.get_args(args[1]) or (args[1],)
            return {
                "type": "object",
                "additionalProperties": {"anyOf": [self.type(t) for t in values]},
            }
        if typing.get_origin(tp) is tuple and args and Ellipsis not in args:
            items = [self.type(t) for t in args]
            return {
                "type": "array",
                "prefixItems": items,
                "items": False,
                "minItems": len(items),
            }
        if args and all(isinstance(t, type) and issubclass(t, enum.Enum) for t in args):
            return {"anyOf": [self.ref(t) for t in args]}  # a union of enums
        if (
            tp is PartialDate
            or attrs.has(tp)
            or (isinstance(tp, type) and issubclass(tp, enum.Enum))
        ):
            return self.ref(tp)
        msg = f"no JSON Schema for {tp!r}"
        raise TypeError(msg)


def json_schema(cls: type) -> dict[str, Any]:
    """Skema JSON (the JSON Schema, draft 2020-12, of ``cls``'s documents).

    ``cls`` is an entity class (``Person``, ``Agreement``, ...), ``PartialDate``,
    ``Period`` or ``Dataset`` (the whole document, with ``format_version``). Nested
    classes are in ``$defs``, referenced with ``$ref``; objects have
    ``additionalProperties: false``. A fresh dict each call.

    Raises:
        InvalidFormat: ``cls`` is not a class with a JSON form (``type.unsupported``).
    """
    from adminnet.errors import InvalidFormat

    if not (cls is PartialDate or (isinstance(cls, type) and attrs.has(cls))):
        raise InvalidFormat(code="type.unsupported", variant="schema", params={"type": repr(cls)})
    builder = _Builder()
    try:
        root = builder.ref(cls)
    except TypeError as exc:
        raise InvalidFormat(
            code="type.unsupported", variant="reason", params={"reason": str(exc)}
        ) from None
    return {
        "$schema": DIALECT,
        "title": cls.__name__,
        "description": _summary(cls),
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
