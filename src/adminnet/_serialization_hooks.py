"""Private: the cattrs hooks that :func:`adminnet.serialization.configure_converter` registers.

Everything strict: a hook checks the exact JSON type it expects before doing anything
else, and raises an adminnet error with a stable code (``type.invalid``,
``date.invalid_format``, ``enum.invalid``, ...). The wire formats are documented in
:mod:`adminnet.serialization`.
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
from contextvars import ContextVar
from decimal import Decimal, InvalidOperation
from typing import Any, Final, NoReturn

import attrs
import cattrs
import pendulum
from cattrs import AttributeValidationNote, ClassValidationError, IterableValidationError
from cattrs.errors import IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from adminnet._serialization_errors import (
    attribute_note,
    got,
    is_structuring_note,
    note_name,
    render_path,
)
from adminnet._validators import short
from adminnet.errors import (
    AdminnetError,
    ErrorDetail,
    InvalidComponent,
    InvalidDataError,
    InvalidFormat,
)
from adminnet.model.agency import Agency, AgencyName
from adminnet.model.agreement import Agreement, Party
from adminnet.model.dataset import KINDS, Dataset
from adminnet.model.digital import (
    DigitalizationTarget,
    Indicator,
    Measurement,
    PublicService,
)
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Decree, Position, Tenure
from adminnet.model.region import Region, RegionName
from adminnet.text.names import PersonName, parse_name
from adminnet.time import PartialDate, Period

__all__ = [
    "ENTITY_CLASSES",
    "FORMAT_VERSION",
    "configure",
    "fail_type",
]

FORMAT_VERSION: Final = "1.0"
"""The Dataset document format this library writes (``MAJOR.MINOR``)."""

_READ_MAJOR: Final = 1

ENTITY_CLASSES: Final[tuple[type, ...]] = (
    Agency,
    AgencyName,
    Region,
    RegionName,
    Person,
    PersonName,
    Position,
    Tenure,
    Decree,
    Agreement,
    Party,
    Event,
    PublicService,
    Indicator,
    Measurement,
    DigitalizationTarget,
    Dataset,
    Period,
)
"""The attrs classes with an object wire form (PartialDate is a string)."""

_VERSION: Final = re.compile(r"(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\Z")
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


def fail_type(expected: str, value: object) -> NoReturn:
    """Raise ``type.invalid``: ``expected a boolean, got string 'false'``."""
    msg = f"expected {expected}, got {got(value)}"
    raise InvalidFormat(msg, code="type.invalid")


def check_unicode(text: str) -> str:
    """``text`` itself, or ``text.invalid_unicode`` if it holds a lone surrogate."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            msg = (
                f"string has a lone surrogate U+{ord(text[exc.start]):04X} at index {exc.start}"
                " (not Unicode text)"
            )
            raise InvalidFormat(msg, code="text.invalid_unicode") from None
    return text


@functools.cache
def _enum_table(cls: type[enum.Enum]) -> tuple[dict[object, enum.Enum], str]:
    table: dict[object, enum.Enum] = {m.value: m for m in cls}
    return table, ", ".join(str(m.value) for m in cls)


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    table, known = _enum_table(cls)
    base = str if issubclass(cls, str) else int if issubclass(cls, int) else None
    if base is not None and (not isinstance(value, base) or isinstance(value, bool)):
        fail_type(f"a {cls.__name__} value ({known})", value)
    try:
        member = table.get(value)
    except TypeError:  # unhashable
        member = None
    if member is None:
        text = repr(value) if not isinstance(value, str) or len(value) <= 60 else "the string"
        msg = f"{text} is not a {cls.__name__} (one of: {known})"
        raise InvalidComponent(msg, code="enum.invalid")
    return member


def _structure_str(value: object, cls: Any) -> Any:
    if cls is not str:
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return _structure_enum(value, cls)
        if type(value) is not str:
            fail_type("a string", value)
        return cls(check_unicode(value))
    if type(value) is str:
        return check_unicode(value)
    if isinstance(value, str):  # a str subclass such as a StrEnum member: its text
        return check_unicode(str.__str__(value))
    fail_type("a string", value)


def _structure_int(value: object, cls: Any) -> Any:
    if cls is not int:
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return _structure_enum(value, cls)
        if type(value) is not int:
            fail_type("an integer", value)
        return cls(value)
    if type(value) is int:
        return value
    fail_type("an integer", value)


def _structure_bool(value: object, _cls: Any) -> bool:
    if value is True or value is False:
        return value
    fail_type("a boolean (true or false)", value)


def _structure_float(value: object, _cls: Any) -> float:
    if type(value) is float or (type(value) is int) or type(value) is Decimal:
        number = float(value)
        if not math.isfinite(number):
            msg = f"number {value} is not finite"
            raise InvalidComponent(msg, code="number.not_finite")
        return number
    fail_type("a number", value)


def _structure_decimal(value: object, _cls: Any) -> Decimal:
    kind = type(value)
    if kind is Decimal:
        number: Decimal = value  # type: ignore[assignment]
    elif kind is int:
        number = Decimal(value)  # type: ignore[arg-type]
    elif kind is str:
        text: str = value  # type: ignore[assignment]
        if _DECIMAL.match(text) is None:
            if text.strip().lower() in _NON_FINITE | _NON_FINITE_WORDS:
                msg = f"number {text!r} is not finite"
                raise InvalidComponent(msg, code="number.not_finite")
            shown = text if len(text) <= 40 else text[:40] + "…"
            msg = f"{shown!r} is not a decimal number such as '2.79'"
            raise InvalidFormat(msg, code="number.invalid")
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern is stricter
            msg = f"{short(text, 40)} is not a decimal number"
            raise InvalidFormat(msg, code="number.invalid") from None
    elif kind is float:
        f: float = value  # type: ignore[assignment]
        if not math.isfinite(f):
            msg = f"number {f} is not finite"
            raise InvalidComponent(msg, code="number.not_finite")
        msg = (
            f"number {f!r} is a binary float, which may already have lost precision;"
            f" give it as the string {repr(f)!r} (or load JSON with from_json)"
        )
        raise InvalidFormat(msg, code="number.float")
    else:
        fail_type("a decimal number as a string such as '2.79'", value)
    if not number.is_finite():
        msg = f"number {number} is not finite"
        raise InvalidComponent(msg, code="number.not_finite")
    return number


# --- time -----------------------------------------------------------------------------


def _structure_partial_date(value: object, _cls: Any) -> PartialDate:
    if type(value) is not str:
        fail_type("a partial date string (YYYY, YYYY-MM or YYYY-MM-DD)", value)
    return PartialDate.parse(value)


def structure_date(value: object, _cls: Any = None) -> pendulum.Date:
    """``"YYYY-MM-DD"`` (nothing else) to a :class:`pendulum.Date`."""
    if type(value) is not str:
        fail_type("a date string (YYYY-MM-DD)", value)
    if _ISO_DATE.match(value) is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        msg = f"date {shown!r} is not an ISO date (YYYY-MM-DD)"
        raise InvalidFormat(msg, code="date.invalid_format")
    try:
        day = _dt.date.fromisoformat(value)
    except ValueError:
        msg = f"date {value!r} is not a calendar date"
        raise InvalidComponent(msg, code="date.invalid_date") from None
    return pendulum.Date(day.year, day.month, day.day)


def _structure_datetime(value: object, _cls: Any) -> pendulum.DateTime:
    if type(value) is not str:
        fail_type("a date-time string (RFC 3339, with offset)", value)
    m = _RFC3339.match(value)
    if m is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        msg = (
            f"date-time {shown!r} is not RFC 3339"
            " (YYYY-MM-DDTHH:MM:SS[.ffffff] and Z or an offset such as +07:00)"
        )
        raise InvalidFormat(msg, code="datetime.invalid_format")
    if m.group(1) is None:
        msg = (
            f"date-time {value!r} has no UTC offset; naive times are refused, never taken"
            " as UTC (write e.g. +07:00 for WIB)"
        )
        raise InvalidFormat(msg, code="datetime.naive")
    try:
        moment = _dt.datetime.fromisoformat(value)
    except ValueError:
        msg = f"date-time {value!r} is not a calendar date and time"
        raise InvalidComponent(msg, code="datetime.invalid_datetime") from None
    return pendulum.instance(moment)


# --- containers -----------------------------------------------------------------------


def _is_var_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _optional_arg(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is not typing.Union and origin is not types.UnionType:
        return None
    args = typing.get_args(tp)
    if len(args) != 2 or type(None) not in args:
        return None
    return args[0] if args[1] is type(None) else args[1]


def _is_optional(tp: Any) -> bool:
    return _optional_arg(tp) is not None


_PLURALS: Final[dict[Any, str]] = {str: "strings", int: "integers", bool: "booleans"}


def _tuple_structure_factory(tp: Any, converter: cattrs.Converter) -> Hook:
    elem = typing.get_args(tp)[0]
    elem_hook = converter.get_structure_hook(elem)
    detailed = converter.detailed_validation
    elem_name = _PLURALS.get(elem) or (
        f"{elem.__name__} objects" if attrs.has(elem) else f"{getattr(elem, '__name__', '')} values"
    )

    def structure_tuple(value: object, _cls: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            fail_type(f"an array of {elem_name}", value)
        items: list[Any] | tuple[Any, ...] = value
        if not detailed:
            return tuple([elem_hook(item, elem) for item in items])
        out = []
        errors: list[Exception] = []
        for i, item in enumerate(items):
            try:
                out.append(elem_hook(item, elem))
            except Exception as exc:
                if isinstance(exc, MemoryError):
                    raise
                exc.add_note(IterableValidationNote(f"Structuring {tp} @ index {i}", i, elem))
                errors.append(exc)
        if errors:
            msg = f"While structuring {tp!r}"
            raise IterableValidationError(msg, errors, tp)
        return tuple(out)

    return structure_tuple


def _tuple_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    elem = typing.get_args(tp)[0]
    if elem is str:
        return list
    elem_hook = converter.get_unstructure_hook(elem)
    return lambda value: [elem_hook(item) for item in value]


def _optional_structure_factory(tp: Any, converter: cattrs.Converter) -> Hook:
    inner_type = _optional_arg(tp)
    inner = converter.get_structure_hook(inner_type)
    return lambda value, _cls: None if value is None else inner(value, inner_type)


def _optional_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    inner = converter.get_unstructure_hook(_optional_arg(tp))
    return lambda value: None if value is None else inner(value)


# --- attrs classes --------------------------------------------------------------------


def _unknown_key_error(cls: type, key: object, known: str) -> InvalidFormat:
    shown = repr(key) if not isinstance(key, str) or len(key) <= 60 else repr(key[:60] + "…")
    exc = InvalidFormat(
        f"unknown key {shown} ({cls.__name__} has: {known})", code="document.unknown_key"
    )
    exc.add_note(AttributeValidationNote(f"Unknown key {shown}", key, None))  # type: ignore[arg-type]
    return exc


class _ClassHook:
    """Structure hook of one adminnet attrs class.

    Checks that the value is an object, reports unknown keys (in input order), lets
    cattrs structure the fields, and when the constructor fails re-runs every field
    validator so that every failing field is reported, not only the first.
    """

    def __init__(self, cls: type, converter: cattrs.Converter) -> None:
        self.cls = cls
        self.converter = converter
        self.fields = [a for a in attrs.fields(cls) if a.init]
        self.allowed = frozenset(a.name for a in self.fields)
        self.known = ", ".join(a.name for a in self.fields)
        self.required = [a.name for a in self.fields if a.default is attrs.NOTHING]
        self._fn: Hook | None = None

    def _build(self) -> Hook:
        fn: Hook = make_dict_structure_fn(
            self.cls,
            self.converter,
            _cattrs_forbid_extra_keys=False,
            _cattrs_detailed_validation=self.converter.detailed_validation,
        )
        self._fn = fn
        return fn

    def _extra(self, value: dict[Any, Any]) -> list[Any]:
        allowed = self.allowed
        return [k for k in value if k not in allowed]

    def __call__(self, value: object, cls: Any) -> Any:
        if not isinstance(value, dict):
            fail_type(f"an object ({self.cls.__name__})", value)
        fn = self._fn or self._build()
        extra = None if self.allowed.issuperset(value) else self._extra(value)
        detailed = self.converter.detailed_validation
        if not detailed:
            for name in self.required:
                if name not in value:
                    msg = f"required key {name!r} is missing"
                    raise InvalidFormat(msg, code="document.missing_key")
            if extra:
                raise _unknown_key_error(self.cls, extra[0], self.known)
        try:
            result = fn(value, cls)
        except ClassValidationError as exc:
            errors: list[Exception] = list(exc.exceptions)
            if detailed:
                errors = self._complete(value, errors, constructor=_is_constructor_failure(exc))
            errors += [_unknown_key_error(self.cls, k, self.known) for k in extra or ()]
            raise ClassValidationError(exc.message, errors, self.cls) from None
        if extra:
            errors = [_unknown_key_error(self.cls, k, self.known) for k in extra]
            msg = f"While structuring {self.cls.__name__}"
            raise _group(msg, errors, self.cls)
        return result

    def _complete(
        self, value: dict[Any, Any], original: list[Exception], *, constructor: bool
    ) -> list[Exception]:
        """Every validator failure of the object, not only the first attrs meets.

        attrs stops at the first failing validator, and cattrs calls the constructor
        only when every field structured. Here the validator of every field that did
        structure runs (in field order) on an instance built the way ``__init__``
        builds it, fields that failed left unset. A failure is kept if it is an adminnet
        error attributed to its own field (one that merely follows from another
        problem, e.g. a cross-check on an invalid NIP, is dropped); after a constructor
        failure its first error is kept whatever it is. Anything unexpected: the
        original errors.
        """
        failed = set()
        if not constructor:
            for exc in original:
                for note in getattr(exc, "__notes__", ()):
                    if is_structuring_note(note):
                        failed.add(note.name)
                        break
        try:
            found = _validator_errors(
                self.cls, self.fields, value, self.converter, failed, keep_first=constructor
            )
        except Exception:
            return original
        if constructor:
            first = original[0]
            if not found or not (
                isinstance(first, AdminnetError)
                and isinstance(found[0], AdminnetError)
                and found[0].code == first.code
            ):
                return original
            return found
        if not found:
            return original
        order = {a.name: i for i, a in enumerate(self.fields)}
        merged = original + found
        merged.sort(key=lambda e: order.get(note_name(e) or "", len(order)))
        return merged


def _group(message: str, errors: list[Exception], cls: type) -> ClassValidationError:
    return ClassValidationError(message, errors, cls)


def _is_constructor_failure(exc: ClassValidationError) -> bool:
    if len(exc.exceptions) != 1:
        return False
    sub = exc.exceptions[0]
    return not any(is_structuring_note(n) for n in getattr(sub, "__notes__", ()))


def _validator_errors(
    cls: type,
    init_fields: list[attrs.Attribute[Any]],
    value: dict[Any, Any],
    converter: cattrs.Converter,
    failed: set[str],
    *,
    keep_first: bool,
) -> list[Exception]:
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return []
    kwargs = {}
    for a in init_fields:
        if a.name in value and a.name not in failed:
            kwargs[a.name] = converter.structure(value[a.name], a.type)  # type: ignore[arg-type]
    inst: Any = object.__new__(cls)
    setter = object.__setattr__
    for a in attrs.fields(cls):
        if a.name in failed:
            continue
        if a.init and a.name in kwargs:
            v = kwargs[a.name]
        elif a.default is attrs.NOTHING:
            return []
        elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            factory: Any = a.default
            v = factory.factory(inst) if factory.takes_self else factory.factory()
        else:
            v = a.default
        conv: Any = a.converter
        if conv is not None:
            if isinstance(conv, attrs.Converter):
                args: list[Any] = [v]
                if conv.takes_self:  # type: ignore[attr-defined]
                    args.append(inst)
                if conv.takes_field:  # type: ignore[attr-defined]
                    args.append(a)
                v = conv.converter(*args)  # type: ignore[attr-defined]
            else:
                v = conv(v)
        setter(inst, a.name, v)
    found: list[Exception] = []
    seen: set[tuple[str, str]] = set()
    own = attrs.fields_dict(cls)
    for a in attrs.fields(cls):
        if a.validator is None or a.name in failed:
            continue
        try:
            a.validator(inst, a, getattr(inst, a.name))
        except Exception as exc:
            # Kept: an error the validator reports at a field of this class, its own or
            # another (a cross-field check such as Person's NIP/birth date agreement).
            if (keep_first and not found) or (
                isinstance(exc, AdminnetError)
                and _noted_field(exc, own)
                and (exc.code, exc.message) not in seen
            ):
                found.append(exc)
            if isinstance(exc, AdminnetError):
                seen.add((exc.code, exc.message))
    return found


def _noted_field(exc: BaseException, own: dict[str, attrs.Attribute[Any]]) -> bool:
    """Whether ``exc``'s note names a field of the class whose fields are ``own``."""
    note = attribute_note(exc)
    field = None if note is None else own.get(str(note.name))
    return field is not None and note is not None and note.type is field.type


class _PersonNameHook(_ClassHook):
    """A PersonName is an object ``{given, prefixes, suffixes}`` or a string to parse."""

    def __call__(self, value: object, cls: Any) -> Any:
        if type(value) is str:
            return parse_name(check_unicode(value))
        if not isinstance(value, dict):
            fail_type("a name string or an object {given, prefixes, suffixes}", value)
        return super().__call__(value, cls)


class _PersonHook(_ClassHook):
    """Person: a fast path for the common valid record, cattrs for everything else."""

    def __call__(self, value: object, cls: Any) -> Any:
        if value is not REFUSED.get():
            person = _fast_person()(value)
            if person is not None:
                return person
        return super().__call__(value, cls)


REFUSED: ContextVar[object] = ContextVar("adminnet_fast_refused", default=None)
"""The parsed record the fast path has just refused: its hook goes straight to cattrs."""


@functools.cache
def _fast_person() -> Callable[[object], Any]:
    from adminnet._serialization_fast import person_from_dict  # imports this module

    return person_from_dict


_WHILE_DATASET: Final = "While structuring Dataset"


class _DatasetHook(_ClassHook):
    """The Dataset document: ``format_version`` first, then the collections."""

    def __call__(self, value: object, cls: Any) -> Any:
        if not isinstance(value, dict):
            fail_type("an object (Dataset document)", value)
        detailed = self.converter.detailed_validation
        problem = _version_problem(value)
        if problem is not None and (not detailed or problem.code == "document.unsupported_version"):
            if not detailed:
                raise problem
            raise _group(_WHILE_DATASET, [problem], Dataset)
        version_errors: list[Exception] = [] if problem is None else [problem]
        rest = {k: v for k, v in value.items() if k != "format_version"}
        try:
            dataset = super().__call__(rest, cls)
        except ClassValidationError as group:
            # Duplicate ids (found by the constructor, at the collection) are reported
            # at each repeated id, whatever else is wrong with the document.
            errors = [
                _duplicate_ids(rest) if getattr(e, "code", None) == "dataset.duplicate_id" else e
                for e in group.exceptions
            ]
            raise ClassValidationError(group.message, version_errors + errors, Dataset) from None
        except AdminnetError as single:  # non-detailed converter
            if single.code == "dataset.duplicate_id":
                raise _duplicate_ids(rest) from None
            raise
        if version_errors:
            raise _group(_WHILE_DATASET, version_errors, Dataset)
        return dataset


def _version_problem(value: dict[Any, Any]) -> InvalidFormat | None:
    """What is wrong with the document's ``format_version``, if anything."""
    if "format_version" not in value:
        msg = "required key 'format_version' is missing"
        problem = InvalidFormat(msg, code="document.missing_key")
    else:
        version = value["format_version"]
        m = _VERSION.match(version) if type(version) is str else None
        if m is None:
            msg = (
                f"format_version must be a string MAJOR.MINOR such as {FORMAT_VERSION!r},"
                f" got {got(version)}"
            )
            problem = InvalidFormat(msg, code="document.invalid_version")
        elif int(m[1]) != _READ_MAJOR:
            msg = (
                f"document format_version {version} is not supported: this adminnet reads"
                f" format {_READ_MAJOR}.x (writes {FORMAT_VERSION})"
            )
            problem = InvalidFormat(msg, code="document.unsupported_version")
        else:
            return None
    problem.add_note(AttributeValidationNote("Checking format_version", "format_version", str))
    return problem


def _duplicate_ids(value: dict[str, Any]) -> InvalidDataError:
    """Every entity whose id repeats an earlier one of its kind, at its own path."""
    details: list[ErrorDetail] = []
    for kind in KINDS:
        seen: dict[str, int] = {}
        for i, item in enumerate(value.get(kind) or ()):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first = render_path([kind, seen[ident]])
                msg = f"id {ident!r} is used more than once among the {kind} (first at {first})"
                details.append(
                    ErrorDetail(render_path([kind, i, "id"]), "dataset.duplicate_id", msg)
                )
            else:
                seen[ident] = i
    if not details:  # pragma: no cover - the constructor found some
        details.append(ErrorDetail("$", "dataset.duplicate_id", "duplicate ids"))
    return InvalidDataError(details)


# --- registration ---------------------------------------------------------------------


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _lazy_dataset_unstructure(converter: cattrs.Converter) -> Callable[[Dataset], dict[str, Any]]:
    base: list[Callable[[Any], dict[str, Any]]] = []

    def unstructure_dataset(dataset: Dataset) -> dict[str, Any]:
        if not base:
            base.append(make_dict_unstructure_fn(Dataset, converter))
        out: dict[str, Any] = {"format_version": FORMAT_VERSION}
        out.update(base[0](dataset))
        return out

    return unstructure_dataset


def configure(converter: cattrs.Converter) -> None:
    """Register every adminnet hook on ``converter``."""
    # primitives: strict (no "false" -> True, no 1.9 -> 1, no 5 -> "5")
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    # enums: their value (StrEnum/IntEnum come before str/int in the MRO)
    converter.register_unstructure_hook(enum.StrEnum, _enum_value)
    converter.register_unstructure_hook(enum.IntEnum, _enum_value)
    # time
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(pendulum.Date, structure_date)
    converter.register_unstructure_hook(pendulum.Date, pendulum.Date.isoformat)
    converter.register_structure_hook(pendulum.DateTime, _structure_datetime)
    converter.register_unstructure_hook(pendulum.DateTime, pendulum.DateTime.isoformat)
    # containers
    converter.register_structure_hook_factory(
        _is_var_tuple, lambda t: _tuple_structure_factory(t, converter)
    )
    converter.register_unstructure_hook_factory(
        _is_var_tuple, lambda t: _tuple_unstructure_factory(t, converter)
    )
    converter.register_structure_hook_factory(
        _is_optional, lambda t: _optional_structure_factory(t, converter)
    )
    converter.register_unstructure_hook_factory(
        _is_optional, lambda t: _optional_unstructure_factory(t, converter)
    )
    # entity classes (exactly these: a user's subclass gets cattrs' own attrs handling)
    special: dict[type, type[_ClassHook]] = {
        Person: _PersonHook,
        PersonName: _PersonNameHook,
        Dataset: _DatasetHook,
    }
    hooks = {cls: special.get(cls, _ClassHook)(cls, converter) for cls in ENTITY_CLASSES}
    converter.register_structure_hook_factory(lambda t: _is_entity(t), lambda t: hooks[t])
    converter.register_unstructure_hook(Dataset, _lazy_dataset_unstructure(converter))


_ENTITY_SET: Final = frozenset(ENTITY_CLASSES)


def _is_entity(tp: Any) -> bool:
    try:
        return tp in _ENTITY_SET
    except TypeError:  # unhashable type form
        return False
