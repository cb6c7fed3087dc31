"""Private: the cattrs hooks that :func:`adminnet.serialization.configure_converter` registers.

Everything strict: a hook checks the exact JSON type it expects before doing anything
else, and raises an adminnet error with a stable code (``type.invalid``,
``date.invalid_format``, ``enum.invalid``, ...). The wire formats are documented in
:mod:`adminnet.serialization`.
"""

from __future__ import annotations

import enum
import functools
import re
import typing
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs
import cattrs
import pendulum
from cattrs import AttributeValidationNote, ClassValidationError
from cattrs.fns import raise_error
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from adminnet import errors as _errors_module
from adminnet import model as _model
from adminnet import time as _time
from adminnet.errors import (
    AdminnetError,
    ErrorDetail,
    InvalidDataError,
    InvalidFormat,
)
from adminnet.model.dataset import KINDS, Dataset
from adminnet.model.person import Person
from adminnet.serialization import _person_faults
from adminnet.serialization._collect import (
    _validator_errors,
)
from adminnet.serialization._containers import (
    _enum_union_structure_factory,
    _fixed_tuple_structure_factory,
    _fixed_tuple_unstructure_factory,
    _is_enum_union,
    _is_fixed_tuple,
    _is_optional,
    _is_var_tuple,
    _optional_structure_factory,
    _optional_unstructure_factory,
    _tuple_structure_factory,
    _tuple_unstructure_factory,
)
from adminnet.serialization._errors import (
    MAX_DETAILS,
    cap,
    details_of,
    got,
    is_structuring_note,
    note_name,
    render_path,
    unknown_key_error,
)
from adminnet.serialization._json import exact_loads, loads
from adminnet.serialization._person import UNPARSED, Refused
from adminnet.serialization._person import read_text as _person_read_text
from adminnet.serialization._person import read_value as _person_read_value
from adminnet.serialization._primitives import (
    Hook,
    check_unicode,
    fail_type,
    optional_text_fields,
    structure_bool,
    structure_date,
    structure_datetime,
    structure_decimal,
    structure_float,
    structure_int,
    structure_partial_date,
    structure_str,
)
from adminnet.text import names as _names
from adminnet.text.names import PersonName
from adminnet.time import PartialDate

__all__ = [
    "ENTITY_CLASSES",
    "FORMAT_VERSION",
    "configure",
    "line_errors",
]

FORMAT_VERSION: Final = "1.0"
"""The Dataset document format this library writes (``MAJOR.MINOR``)."""

_READ_MAJOR: Final = 1


def _entity_classes() -> tuple[type, ...]:
    """Every public attrs class of the model, time and errors, and the classes they hold.

    Derived, not listed: the public names of :mod:`adminnet.model` (whose Dataset holds
    the one table of entity collections, :data:`adminnet.model.dataset.COLLECTIONS`),
    :class:`~adminnet.time.Period` and :class:`~adminnet.errors.ErrorDetail`, then every
    attrs class found in their fields' types. A new public class is served at once.
    """
    roots: list[Any] = [getattr(_model, name) for name in _model.__all__]
    roots += [getattr(_time, name) for name in _time.__all__]
    roots += [getattr(_errors_module, name) for name in _errors_module.__all__]
    found: dict[type, None] = {}
    stack = [r for r in roots if isinstance(r, type) and attrs.has(r)]
    stack.reverse()
    while stack:
        cls = stack.pop()
        if cls in found or cls is PartialDate:  # PartialDate is written as a string
            continue
        found[cls] = None
        attrs.resolve_types(cls)
        for a in attrs.fields(cls):
            stack.extend(t for t in _leaf_types(a.type) if attrs.has(t) and t not in found)
    return tuple(found)


def _leaf_types(tp: Any) -> list[Any]:
    args = typing.get_args(tp)
    if not args:
        return [tp]
    return [leaf for arg in args for leaf in _leaf_types(arg)]


ENTITY_CLASSES: Final[tuple[type, ...]] = _entity_classes()
"""The attrs classes with an object wire form (PartialDate is a string), derived."""

_VERSION: Final = re.compile(r"(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\Z")


# --- containers -----------------------------------------------------------------------


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
        self._steps: list[_Step] | None = None
        self._own = False  # structured by _structure_detailed, not cattrs' function
        self._hooks: dict[str, tuple[Hook, Any]] | None = None  # for the error pass

    def _build(self) -> Hook:
        if self.converter.detailed_validation and self._own_steps() is not None:
            self._own = True
            self._fn = self._structure_detailed
            return self._fn
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
        return self._structure(value, cls, suspect=False)

    def _structure(self, value: object, cls: Any, *, suspect: bool) -> Any:
        """The instance of ``value``; ``suspect``: most likely invalid (a hint only).

        A suspect record's validators are run, every error collected, before the
        constructor is called (which would stop at the first and have them run again).
        """
        if not isinstance(value, dict):
            fail_type("object", value, type=self.cls.__name__)
        fn = self._fn or self._build()
        extra = None if self.allowed.issuperset(value) else self._extra(value)
        detailed = self.converter.detailed_validation
        if not detailed:
            for name in self.required:
                if name not in value:
                    raise InvalidFormat(code="document.missing_key", params={"value": repr(name)})
            if extra:
                raise unknown_key_error(self.cls, extra[0], self.known)
        try:
            result = self._structure_detailed(value, cls, suspect) if self._own else fn(value, cls)
        except _StructuredError as exc:
            errors: list[Exception] = exc.exceptions
            if not exc.complete:
                errors = self._complete(
                    value, errors, constructor=exc.constructor, kwargs=exc.kwargs
                )
            errors += [unknown_key_error(self.cls, k, self.known) for k in extra or ()]
            raise ClassValidationError(exc.message, errors, self.cls) from None
        except ClassValidationError as exc:
            errors = list(exc.exceptions)
            if detailed:
                errors = self._complete(value, errors, constructor=_is_constructor_failure(exc))
            errors += [unknown_key_error(self.cls, k, self.known) for k in extra or ()]
            raise ClassValidationError(exc.message, errors, self.cls) from None
        if extra:
            errors = [unknown_key_error(self.cls, k, self.known) for k in extra]
            msg = f"While structuring {self.cls.__name__}"
            raise _group(msg, errors, self.cls)
        return result

    def _own_steps(self) -> list[_Step] | None:
        """How :meth:`_structure_detailed` reads each field, or ``None`` if it cannot.

        It reads the fields as cattrs' generated function does (the field type's hook,
        the same notes and groups), keeping what it structured for :meth:`_complete`.
        It declines (cattrs' own function is used) for a field it does not read the way
        cattrs does: no type, a ``Final`` type, or a type without a hook of its own.
        """
        if self._steps is not None:
            return self._steps
        name = self.cls.__name__
        steps: list[_Step] = []
        for a in self.fields:
            if a.type is None or a.type is typing.Final or typing.get_origin(a.type) is Final:
                return None
            try:
                hook = self.converter.get_structure_hook(a.type)
            except Exception:  # no hook, or a type cattrs resolves late: cattrs' way
                return None
            if hook == raise_error:
                return None
            note = AttributeValidationNote(
                f"Structuring class {name} @ attribute {a.name}", a.name, a.type
            )
            steps.append(
                (a.name, a.alias or a.name, hook, a.type, a.default is attrs.NOTHING, note)
            )
        self._steps = steps
        return steps

    def _structure_detailed(self, value: dict[Any, Any], _cls: Any, suspect: bool = False) -> Any:
        """The fields structured one by one (every failure noted), then the constructor.

        On failure raises :class:`_StructuredError`, which carries the values that did
        structure, so that :meth:`_complete` does not structure them again.
        """
        kwargs: dict[str, Any] = {}
        errors: list[Exception] = []
        for name, alias, hook, tp, required, note in self._steps or ():
            if not required and name not in value:
                continue
            try:
                kwargs[alias] = hook(value[name], tp)  # a missing key: KeyError, as cattrs
            except Exception as e:
                if isinstance(e, MemoryError):
                    raise
                e.add_note(note)
                errors.append(e)
        message = f"While structuring {self.cls.__name__}"
        if errors:
            raise _StructuredError(message, errors, kwargs, constructor=False)
        if suspect:
            found = self._prevalidate(kwargs)
            if found:
                raise _StructuredError(message, found, kwargs, constructor=True, complete=True)
        try:
            return self.cls(**kwargs)
        except Exception as e:
            if isinstance(e, MemoryError):
                raise
            raise _StructuredError(message, [e], kwargs, constructor=True) from None

    def _prevalidate(self, kwargs: dict[str, Any]) -> list[Exception]:
        """What :meth:`_complete` would return after the constructor failed, if it would.

        The validators run in field order on an instance built as ``__init__`` builds
        it, so the first failure is the one the constructor would raise, and the list is
        the one :meth:`_complete` makes of it. Empty (the constructor is called, and
        decides) when nothing fails, when the first failure is not an adminnet error,
        when anything is unexpected, or when attrs' validators are switched off.
        """
        if attrs.validators.get_disabled():
            return []
        try:
            found = _validator_errors(
                self.cls, self.fields, {}, self.converter, set(), keep_first=True, kwargs=kwargs
            )
        except Exception:
            return []
        if not found or not isinstance(found[0], AdminnetError):
            return []
        return found

    def _complete(
        self,
        value: dict[Any, Any],
        original: list[Exception],
        *,
        constructor: bool,
        kwargs: dict[str, Any] | None = None,
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
                self.cls,
                self.fields,
                value,
                self.converter,
                failed,
                keep_first=constructor,
                kwargs=kwargs,
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


_Step = tuple[str, str, Hook, Any, bool, AttributeValidationNote]
"""How one field is read: name, alias, hook, type, required, the note of its failures."""


class _StructuredError(Exception):
    """The failure of :meth:`_ClassHook._structure_detailed`, with what did structure.

    Never leaves :meth:`_ClassHook.__call__`, which turns it into cattrs' group.
    """

    def __init__(
        self,
        message: str,
        exceptions: list[Exception],
        kwargs: dict[str, Any],
        *,
        constructor: bool,
        complete: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exceptions = exceptions
        self.kwargs = kwargs
        self.constructor = constructor
        self.complete = complete  # every error found already: no _complete


def _group(message: str, errors: list[Exception], cls: type) -> ClassValidationError:
    return ClassValidationError(message, errors, cls)


def _is_constructor_failure(exc: ClassValidationError) -> bool:
    if len(exc.exceptions) != 1:
        return False
    sub = exc.exceptions[0]
    return not any(is_structuring_note(n) for n in getattr(sub, "__notes__", ()))


class _PersonNameHook(_ClassHook):
    """A PersonName is an object ``{given, prefixes, suffixes}`` or a string to parse."""

    def __call__(self, value: object, cls: Any) -> Any:
        if type(value) is str:
            return _names.parse_name(check_unicode(value))
        if not isinstance(value, dict):
            fail_type("person_name", value)
        return super().__call__(value, cls)


class _PersonHook(_ClassHook):
    """Person: the one seam of the accelerator (:mod:`adminnet.serialization._person`).

    The facade reads a Person document through :meth:`load_text` (the text of one
    document or JSON line); cattrs reaches :meth:`__call__` with a parsed value (a
    Person inside a Dataset, or :func:`~adminnet.serialization.from_dict`). Either way
    the accelerator is tried once, and what it declines goes the general way.
    """

    def __call__(self, value: object, cls: Any) -> Any:
        person = _person_read_value(value)
        if type(person) is Person:
            return person
        return self._structure(value, cls, suspect=type(person) is Refused and person.suspect)

    def _fields_hooks(self) -> dict[str, tuple[Hook, Any]]:
        """Each field's structure hook and type, as :meth:`_structure_detailed` calls them."""
        return {step[0]: (step[2], step[3]) for step in self._own_steps() or ()}

    def _faults(self, person: Refused, line: int | None) -> list[ErrorDetail] | None:
        """The error pass's details of a refused record (``None``: the general path)."""
        if person.record is None or not self.converter.detailed_validation:
            return None
        hooks = self._hooks
        if hooks is None:
            hooks = self._hooks = self._fields_hooks()
            if len(hooks) != len(self.fields):
                hooks = self._hooks = {}
        if not hooks:
            return None
        found = _person_faults.details(person, hooks, self.known, line)
        return found if found is None or len(found) <= MAX_DETAILS else cap(found)

    def load_text(self, text: str | bytes) -> Any:
        """The Person of one JSON text: the accelerator, else parse and structure it.

        Raises:
            InvalidDataError: listing every problem with its path.
        """
        result = self.load_line(text)
        if type(result) is InvalidDataError:
            raise result
        return result

    def load_line(self, text: str | bytes, line: int | None = None) -> Any:
        """:meth:`load_text` for a JSON line: its InvalidDataError is returned, not raised.

        ``line``: the number the details carry.
        """
        person = _person_read_text(text)
        if type(person) is Person:
            return person
        suspect = False
        if isinstance(person, Refused):
            found = self._faults(person, line)
            if found is not None:
                return InvalidDataError(found)  # each detail carries the line already
            suspect = person.suspect
        try:
            # What the quickest parser refused, only the exact one decides (as loads).
            value = exact_loads(text) if person is UNPARSED else loads(text)
        except InvalidDataError as exc:
            return line_errors(exc.errors, line)
        try:
            return self._structure(value, Person, suspect=suspect)
        except MemoryError:
            raise
        except Exception as exc:
            return line_errors(cap(details_of(exc)), line)


def line_errors(details: Sequence[ErrorDetail], line: int | None) -> InvalidDataError:
    """The problems of one JSON line, as a line loader returns them (not raised).

    Each detail carries the number ``line`` (``None``: the text is no line of a file).
    """
    if line is not None:
        details = [d if d.line == line else d._at_line(line) for d in details]
    return InvalidDataError(details)


_WHILE_DATASET: Final = "While structuring Dataset"


class _DatasetHook(_ClassHook):
    """The Dataset document: ``format_version`` first, then the collections."""

    def __call__(self, value: object, cls: Any) -> Any:
        if not isinstance(value, dict):
            fail_type("dataset", value)
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
        problem = InvalidFormat(code="document.missing_key", params={"value": "'format_version'"})
    else:
        version = value["format_version"]
        m = _VERSION.match(version) if type(version) is str else None
        if m is None:
            problem = InvalidFormat(
                code="document.invalid_version",
                params={"example": repr(FORMAT_VERSION), "got": got(version)},
            )
        elif int(m[1]) != _READ_MAJOR:
            problem = InvalidFormat(
                code="document.unsupported_version",
                params={"value": version, "major": _READ_MAJOR, "writes": FORMAT_VERSION},
            )
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
                details.append(
                    ErrorDetail.from_code(
                        render_path([kind, i, "id"]),
                        "dataset.duplicate_id",
                        {"value": repr(ident), "kind": kind, "first": first},
                        variant="document",
                    )
                )
            else:
                seen[ident] = i
    if not details:  # pragma: no cover - the constructor found some
        details.append(ErrorDetail.from_code("$", "dataset.duplicate_id", variant="some"))
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
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(float, structure_float)
    converter.register_structure_hook(Decimal, structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    # enums: their value (StrEnum/IntEnum come before str/int in the MRO)
    converter.register_unstructure_hook(enum.StrEnum, _enum_value)
    converter.register_unstructure_hook(enum.IntEnum, _enum_value)
    # time
    converter.register_structure_hook(PartialDate, structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(pendulum.Date, structure_date)
    converter.register_unstructure_hook(pendulum.Date, pendulum.Date.isoformat)
    converter.register_structure_hook(pendulum.DateTime, structure_datetime)
    converter.register_unstructure_hook(pendulum.DateTime, pendulum.DateTime.isoformat)
    # containers: each test with its structure and unstructure factories, in this order
    # (tuple[X, ...], X | None, then fixed tuples).
    for test, structure, unstructure in (
        (_is_var_tuple, _tuple_structure_factory, _tuple_unstructure_factory),
        (_is_optional, _optional_structure_factory, _optional_unstructure_factory),
        (_is_fixed_tuple, _fixed_tuple_structure_factory, _fixed_tuple_unstructure_factory),
    ):
        converter.register_structure_hook_factory(
            test, functools.partial(structure, converter=converter)
        )
        converter.register_unstructure_hook_factory(
            test, functools.partial(unstructure, converter=converter)
        )
    # entity classes (exactly these: a user's subclass gets cattrs' own attrs handling)
    converter.register_structure_hook_factory(_is_enum_union, _enum_union_structure_factory)
    converter.register_unstructure_hook_factory(_is_enum_union, lambda _t: _enum_value)
    special: dict[type, type[_ClassHook]] = {
        Person: _PersonHook,
        PersonName: _PersonNameHook,
        Dataset: _DatasetHook,
    }
    hooks = {cls: special.get(cls, _ClassHook)(cls, converter) for cls in ENTITY_CLASSES}
    converter.register_structure_hook_factory(lambda t: _is_entity(t), lambda t: hooks[t])
    converter.register_unstructure_hook_factory(
        _is_person_name, lambda t: _person_name_unstructure(t, converter)
    )
    converter.register_unstructure_hook(Dataset, _lazy_dataset_unstructure(converter))


def _is_person_name(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, PersonName)


def _person_name_unstructure(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """A PersonName as ``{given, prefixes, suffixes}`` plus its optional texts that are set."""
    omit = {name: override(omit_if_default=True) for name in optional_text_fields(cls)}
    fn: Callable[[Any], Any] = make_dict_unstructure_fn(cls, converter, **omit)  # type: ignore[arg-type]
    return fn


_ENTITY_SET: Final = frozenset(ENTITY_CLASSES)


def _is_entity(tp: Any) -> bool:
    try:
        return tp in _ENTITY_SET
    except TypeError:  # unhashable type form
        return False
