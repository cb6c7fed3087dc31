"""Private: the strict hooks of JSON primitives and time values.

Every hook checks the exact JSON type it expects before doing anything else and raises
an adminnet error with a stable code (``type.invalid``, ``date.invalid_format``,
``enum.invalid``, ``number.out_of_range`` ...). They are registered by
:mod:`adminnet.serialization._hooks` and called directly by the Person accelerator
(:mod:`adminnet.serialization._person`), so both read a value the same way.

>>> structure_date("2017-03-16")
Date(2017, 3, 16)
>>> structure_decimal("1e99999999", Decimal)
Traceback (most recent call last):
adminnet.errors.InvalidComponent: number '1e99999999' is out of range: its exponent ...
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import math
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Final, NoReturn

import attrs
import pendulum

from adminnet._validators import short
from adminnet.errors import InvalidComponent, InvalidFormat
from adminnet.serialization._errors import got
from adminnet.time import PartialDate

__all__ = [
    "MAX_EXPONENT",
    "Hook",
    "check_unicode",
    "decimal_of",
    "fail_type",
    "optional_text_fields",
    "out_of_range",
    "structure_bool",
    "structure_date",
    "structure_datetime",
    "structure_decimal",
    "structure_enum",
    "structure_float",
    "structure_int",
    "structure_partial_date",
    "structure_str",
]

MAX_EXPONENT: Final = 999_999
"""The largest exponent magnitude of a number read (``number.out_of_range`` beyond it).

The range of Python's default decimal context (``Emax``): a number beyond it would
overflow the first computation made with it, and one far beyond it cannot even be
represented (``1e99999999999999999999``).
"""

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_RFC3339: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?\Z"
)
_DECIMAL: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\Z")
_NON_FINITE: Final = frozenset({"nan", "-nan", "+nan", "inf", "-inf", "+inf"})
_NON_FINITE_WORDS: Final = frozenset({"infinity", "-infinity", "+infinity", "snan", "-snan"})

Hook = Callable[[Any, Any], Any]

# --- primitives -----------------------------------------------------------------------


def fail_type(expected: str, value: object, **params: str | int) -> NoReturn:
    """Raise ``type.invalid``: ``expected a boolean, got string 'false'``.

    ``expected`` names the wording (the template ``type.invalid.expected_<expected>``);
    ``params`` fill it, with ``got`` describing the value.
    """
    raise InvalidFormat(
        code="type.invalid", variant=f"expected_{expected}", params={**params, "got": got(value)}
    )


def not_a_member(value: str | object, enum: str, known: str) -> InvalidComponent:
    """``enum.invalid``: ``'x' is not a Capacity (one of: definitif, pj, ...)``."""
    text = repr(value) if not isinstance(value, str) or len(value) <= 60 else None
    return InvalidComponent(
        code="enum.invalid",
        variant=None if text is not None else "long",
        params={"value": text or "", "enum": enum, "known": known},
    )


def check_unicode(text: str) -> str:
    """``text`` itself, or ``text.invalid_unicode`` if it holds a lone surrogate."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidFormat(
                code="text.invalid_unicode",
                params={"char": f"U+{ord(text[exc.start]):04X}", "index": exc.start},
            ) from None
    return text


@functools.cache
def _enum_table(cls: type[enum.Enum]) -> tuple[dict[object, enum.Enum], str]:
    table: dict[object, enum.Enum] = {m.value: m for m in cls}
    return table, ", ".join(str(m.value) for m in cls)


def structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    table, known = _enum_table(cls)
    base = str if issubclass(cls, str) else int if issubclass(cls, int) else None
    if base is not None and (not isinstance(value, base) or isinstance(value, bool)):
        fail_type("enum", value, enum=cls.__name__, known=known)
    try:
        member = table.get(value)
    except TypeError:  # unhashable
        member = None
    if member is None:
        raise not_a_member(value, cls.__name__, known)
    return member


def structure_str(value: object, cls: Any) -> Any:
    if cls is not str:
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return structure_enum(value, cls)
        if type(value) is not str:
            fail_type("string", value)
        return cls(check_unicode(value))
    if type(value) is str:
        return check_unicode(value)
    if isinstance(value, str):  # a str subclass such as a StrEnum member: its text
        return check_unicode(str.__str__(value))
    fail_type("string", value)


def structure_int(value: object, cls: Any) -> Any:
    if cls is not int:
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return structure_enum(value, cls)
        if type(value) is not int:
            fail_type("integer", value)
        return cls(value)
    if type(value) is int:
        return value
    fail_type("integer", value)


def structure_bool(value: object, _cls: Any) -> bool:
    if value is True or value is False:
        return value
    fail_type("boolean", value)


def structure_float(value: object, _cls: Any) -> float:
    if type(value) is float or (type(value) is int) or type(value) is Decimal:
        number = float(value)
        if not math.isfinite(number):
            raise InvalidComponent(code="number.not_finite", params={"value": str(value)})
        return number
    fail_type("number", value)


def structure_decimal(value: object, _cls: Any) -> Decimal:
    kind = type(value)
    if kind is Decimal:
        number: Decimal = value  # type: ignore[assignment]
    elif kind is int:
        number = Decimal(value)  # type: ignore[arg-type]
    elif kind is str:
        text: str = value  # type: ignore[assignment]
        if _DECIMAL.match(text) is None:
            if text.strip().lower() in _NON_FINITE | _NON_FINITE_WORDS:
                raise InvalidComponent(code="number.not_finite", params={"value": repr(text)})
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise InvalidFormat(
                code="number.invalid", variant="example", params={"value": repr(shown)}
            )
        number = decimal_of(text)
    elif kind is float:
        f: float = value  # type: ignore[assignment]
        if not math.isfinite(f):
            raise InvalidComponent(code="number.not_finite", params={"value": str(f)})
        raise InvalidFormat(code="number.float", params={"value": repr(f), "string": repr(repr(f))})
    else:
        fail_type("decimal", value)
    if not number.is_finite():
        raise InvalidComponent(code="number.not_finite", params={"value": str(number)})
    if number and abs(number.adjusted()) > MAX_EXPONENT:
        raise out_of_range(str(number))
    return number


def out_of_range(text: str) -> InvalidComponent:
    """``number.out_of_range``: the number's exponent is beyond :data:`MAX_EXPONENT`."""
    return InvalidComponent(
        code="number.out_of_range", params={"value": short(text, 40), "limit": f"{MAX_EXPONENT:,}"}
    )


def decimal_of(text: str) -> Decimal:
    """The Decimal of a JSON number's text, or ``number.out_of_range`` / ``number.invalid``.

    ``Decimal`` itself refuses an exponent beyond about 10**18 (``InvalidOperation``);
    anything beyond :data:`MAX_EXPONENT` is refused here with its own code.
    """
    try:
        number = Decimal(text)
    except InvalidOperation:
        if _DECIMAL.match(text) is not None:
            raise out_of_range(text) from None
        raise InvalidFormat(code="number.invalid", params={"value": short(text, 40)}) from None
    if number.is_finite() and number and abs(number.adjusted()) > MAX_EXPONENT:
        raise out_of_range(text)
    return number


# --- time -----------------------------------------------------------------------------


def structure_partial_date(value: object, _cls: Any) -> PartialDate:
    if type(value) is not str:
        fail_type("partial_date", value)
    return PartialDate.parse(value)


def structure_date(value: object, _cls: Any = None) -> pendulum.Date:
    """``"YYYY-MM-DD"`` (nothing else) to a :class:`pendulum.Date`."""
    if type(value) is not str:
        fail_type("date", value)
    if _ISO_DATE.match(value) is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise InvalidFormat(code="date.invalid_format", params={"what": "date", "value": shown})
    try:
        day = _dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidComponent(
            code="date.invalid_date", params={"what": "date", "value": value}
        ) from None
    return pendulum.Date(day.year, day.month, day.day)


def structure_datetime(value: object, _cls: Any) -> pendulum.DateTime:
    if type(value) is not str:
        fail_type("datetime", value)
    m = _RFC3339.match(value)
    if m is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise InvalidFormat(code="datetime.invalid_format", params={"value": shown})
    if m.group(1) is None:
        raise InvalidFormat(code="datetime.naive", params={"value": value})
    try:
        moment = _dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidComponent(code="datetime.invalid_datetime", params={"value": value}) from None
    return pendulum.instance(moment)


def optional_text_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that are an optional text defaulting to ``None``.

    Of a PersonName: ``rank`` and ``honorific`` (pangkat and sapaan), or whatever
    optional texts it has; they are written only when set, and read when present.
    """
    attrs.resolve_types(cls)
    found = []
    for a in attrs.fields(cls):
        args = set(typing.get_args(a.type))
        origin = typing.get_origin(a.type)
        if (
            (origin is typing.Union or origin is types.UnionType)
            and args == {str, type(None)}
            and a.default is None
        ):
            found.append(a.name)
    return tuple(found)
